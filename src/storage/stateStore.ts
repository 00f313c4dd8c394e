import type { Storage } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import { createRedisClient, pingRedis, waitForRedisReady } from './redisConnection.js';
import { RedisStorage, stateKindOf, ttlByStateKind, type RedisClient } from './redisStorage.js';
import { BoundedMemoryStorage } from './memoryStorage.js';
import { conversationTag, RedisTurnGate, sameSlotTag } from './redisTurnGate.js';
import { MemoryTurnGate, type TurnGate } from './turnGate.js';
import { memoryChannel, redisChannel, type LiveChannel } from './liveChannel.js';
import { memorySequence, redisSequence, type Sequence } from './sequence.js';
import { memoryOpenQueue, redisOpenQueue, type OpenQueue } from './openQueue.js';

export interface StateStore {
  kind: 'memory' | 'redis';
  storage: Storage;
  gate: TurnGate;
  ready: () => Promise<boolean>;
  /**
   * A broadcast channel heard by every instance on this store (Redis pub/sub), or by this process
   * (memory). `parse` checks each message from the wire.
   */
  liveChannel: <T>(name: string, parse: (raw: unknown) => T | undefined) => LiveChannel<T>;
  /** Numbers given once each across every instance on this store (Redis INCR), or in this process (memory). */
  sequence: (name: string) => Sequence;
  /** Open items and a line of waiting ones (the handoff queue): a Redis sorted set shared by every instance, or this process's. */
  openQueue: (name: string) => OpenQueue;
  close: () => Promise<void>;
}

/**
 * What the store needs to know, and nothing else of the application's settings (the names are the
 * environment variables' own, so the composition root passes its parsed config straight in).
 */
export interface RedisSettings {
  REDIS_URL?: string;
  /** 'host:port,host:port' */
  REDIS_CLUSTER_NODES?: string;
  /** 'host:port,host:port' */
  REDIS_SENTINELS?: string;
  REDIS_SENTINEL_NAME?: string;
  REDIS_USERNAME?: string;
  REDIS_PASSWORD?: string;
  REDIS_SENTINEL_PASSWORD?: string;
  REDIS_TLS: boolean;
  REDIS_COMMAND_TIMEOUT_MS: number;
  REDIS_CONNECT_TIMEOUT_MS: number;
  REDIS_KEY_PREFIX: string;
  CONVERSATION_STATE_TTL_SECONDS: number;
  USER_STATE_TTL_SECONDS: number;
  STATE_MAX_ITEM_BYTES: number;
  TURN_LOCK_TTL_MS: number;
  TURN_LOCK_WAIT_MS: number;
  HANDOFF_RETENTION_DAYS: number;
  /** Memory storage only: the most conversation and user states held (least recently used go first). */
  MEMORY_STATE_MAX_CONVERSATIONS: number;
}

export type MemorySettings = Pick<RedisSettings, 'CONVERSATION_STATE_TTL_SECONDS' | 'USER_STATE_TTL_SECONDS' | 'HANDOFF_RETENTION_DAYS' | 'MEMORY_STATE_MAX_CONVERSATIONS'>;

/** The configuration's defaults, for a memory store built without settings (tests, tools). */
export const defaultMemorySettings: MemorySettings = {
  CONVERSATION_STATE_TTL_SECONDS: 7 * 24 * 3600,
  USER_STATE_TTL_SECONDS: 180 * 24 * 3600,
  HANDOFF_RETENTION_DAYS: 30,
  MEMORY_STATE_MAX_CONVERSATIONS: 20_000,
};

/** How long a key lives without a write (seconds), by what it holds: the same for Redis and memory. */
function ttlSecondsFor(settings: MemorySettings): (key: string) => number | undefined {
  const byKind = ttlByStateKind({
    conversationSeconds: settings.CONVERSATION_STATE_TTL_SECONDS,
    userSeconds: settings.USER_STATE_TTL_SECONDS,
    // Sign-in links, failure counters and the like: nothing the bot keeps should live for ever.
    otherSeconds: settings.CONVERSATION_STATE_TTL_SECONDS,
  });
  const retentionSeconds = settings.HANDOFF_RETENTION_DAYS * 86_400;
  return (key) => (retainedForHandoff(key) ? retentionSeconds : byKind(key));
}

/**
 * The hash tag that puts a conversation's lock in the Cluster slot of its state item
 * (`${channelId}/conversations/${conversationId}/`, botbuilder's ConversationState key), so a turn's
 * lock, read and write all go to one shard, and the read can follow the lock command in one round
 * trip. The state's layout is left as it is (no migration). The turn runner's conversation key is
 * `${channelId}/${conversationId}` (a channel id holds no '/').
 */
export function stateSlotTag(storage: RedisStorage, conversationKey: string): string {
  const slash = conversationKey.indexOf('/');
  if (slash < 0) return conversationTag(conversationKey);
  const stateKey = `${conversationKey.slice(0, slash)}/conversations/${conversationKey.slice(slash + 1)}/`;
  const redisKey = storage.redisKey(stateKey);
  return (typeof redisKey === 'string' ? sameSlotTag(redisKey) : undefined) ?? conversationTag(conversationKey);
}

/** Handoff cases, transcripts and staff records are kept for the handoff retention, not a conversation's. */
const retainedForHandoff = (key: string) => key.startsWith('handoff/') || key.startsWith('staff/');

export function memoryStore(settings: MemorySettings = defaultMemorySettings): StateStore {
  const channels: Array<LiveChannel<unknown>> = [];
  const sequences = new Map<string, Sequence>();
  const queues = new Map<string, OpenQueue>();
  const ttlSeconds = ttlSecondsFor(settings);
  return {
    kind: 'memory',
    storage: new BoundedMemoryStorage({
      maxItems: settings.MEMORY_STATE_MAX_CONVERSATIONS,
      counted: (key) => stateKindOf(key) !== 'other',
      idleMs: (key) => {
        const seconds = ttlSeconds(key);
        return seconds === undefined ? undefined : seconds * 1000;
      },
    }),
    gate: new MemoryTurnGate(),
    ready: async () => true,
    liveChannel: <T>() => {
      const channel = memoryChannel<T>();
      channels.push(channel as LiveChannel<unknown>);
      return channel;
    },
    // One counter per name for the life of the store, however often it is asked for.
    sequence: (name: string) => {
      const existing = sequences.get(name);
      if (existing) return existing;
      const made = memorySequence();
      sequences.set(name, made);
      return made;
    },
    openQueue: (name: string) => {
      const existing = queues.get(name) ?? memoryOpenQueue();
      queues.set(name, existing);
      return existing;
    },
    close: async () => {
      await Promise.all(channels.map((channel) => channel.close()));
    },
  };
}

/** State, turn locks and redelivery markers on one Redis client. */
export function redisStore(client: RedisClient, settings: RedisSettings, onError?: (error: Error) => void): StateStore {
  const prefix = settings.REDIS_KEY_PREFIX;
  const channels: Array<LiveChannel<unknown>> = [];
  // Wakes a waiting turn on any instance when the holder of its conversation's lock lets go.
  const releasedName = `${prefix}turn:released`;
  const released = redisChannel<string>(client, {
    name: releasedName,
    parse: (raw) => (typeof raw === 'string' ? raw : undefined),
    onError,
  });
  channels.push(released as LiveChannel<unknown>);
  const storage = new RedisStorage(client, {
    prefix: `${prefix}state:`,
    maxItemBytes: settings.STATE_MAX_ITEM_BYTES,
    ttlSeconds: ttlSecondsFor(settings),
  });
  return {
    kind: 'redis',
    storage,
    gate: new RedisTurnGate(client, {
      prefix: `${prefix}turn:`,
      lockTtlMs: settings.TURN_LOCK_TTL_MS,
      waitMs: settings.TURN_LOCK_WAIT_MS,
      released: { name: releasedName, channel: released },
      tagOf: (conversationKey) => stateSlotTag(storage, conversationKey),
    }),
    ready: () => pingRedis(client),
    liveChannel: <T>(name: string, parse: (raw: unknown) => T | undefined) => {
      const channel = redisChannel<T>(client, { name: `${prefix}live:${name}`, parse, onError });
      channels.push(channel as LiveChannel<unknown>);
      return channel;
    },
    sequence: (name: string) => redisSequence(client, `${prefix}seq:${name}`),
    openQueue: (name: string) => redisOpenQueue(client, prefix, name),
    close: async () => {
      await Promise.all(channels.map((channel) => channel.close()));
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/**
 * Redis when configured, else memory. A Redis that is down at start does not stop the bot: it
 * starts answering what needs no state and picks Redis up when it comes (ioredis reconnects).
 */
export async function openStateStore(settings: RedisSettings, logger: Logger): Promise<StateStore> {
  if (!settings.REDIS_URL && !settings.REDIS_CLUSTER_NODES && !settings.REDIS_SENTINELS) return memoryStore(settings);
  const client = createRedisClient({
    url: settings.REDIS_URL,
    clusterNodes: settings.REDIS_CLUSTER_NODES,
    sentinels: settings.REDIS_SENTINELS,
    sentinelName: settings.REDIS_SENTINEL_NAME,
    // With REDIS_URL the credentials and TLS come from the URL itself (redis://user:pass@…, rediss://).
    ...(settings.REDIS_URL
      ? {}
      : {
          username: settings.REDIS_USERNAME,
          password: settings.REDIS_PASSWORD,
          sentinelPassword: settings.REDIS_SENTINEL_PASSWORD,
          tls: settings.REDIS_TLS,
        }),
    commandTimeoutMs: settings.REDIS_COMMAND_TIMEOUT_MS,
    connectTimeoutMs: settings.REDIS_CONNECT_TIMEOUT_MS,
    onError: (error: Error) => logger.warn({ reason: error.message }, 'redis connection problem'),
  });
  try {
    await waitForRedisReady(client, 5000);
  } catch (error) {
    logger.error({ reason: (error as Error).message }, 'redis not reachable at start; answering without state until it is');
  }
  return redisStore(client, settings, (error) => logger.warn({ reason: error.message }, 'redis pub/sub problem'));
}
