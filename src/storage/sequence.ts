import type { RedisClient } from './redisStorage.js';

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

/** `key` holds the last number given; it never expires (numbers must never repeat). */
export function redisSequence(client: Pick<RedisClient, 'incr'>, key: string): Sequence {
  return { next: () => client.incr(key) };
}
