import type { RedisClient } from './redisStorage.js';
import { toStorageError } from './storageErrors.js';

/**
 * Numbers handed out once each, in order: on Redis an INCR shared by every instance (never two
 * alike, whatever the number of instances); in memory a counter of this process (memory storage
 * forgets everything on restart anyway, so its numbers start again with it).
 */
export interface Sequence {
  next(): Promise<number>;
}

export function memorySequence(): Sequence {
  let last = 0;
  return { next: async () => ++last };
}

/**
 * `key` holds the last number given; it never expires (numbers must never repeat). A failure is the
 * store's (`StorageUnavailableError` when Redis is away or slow), classified like every other command.
 */
export function redisSequence(client: Pick<RedisClient, 'incr'>, key: string): Sequence {
  return {
    next: async () => {
      try {
        return await client.incr(key);
      } catch (error) {
        throw toStorageError('write', key, error);
      }
    },
  };
}
