import { MemoryStorage, type Storage } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import { createRedisClient, pingRedis, waitForRedisReady } from './redisConnection.js';
import { RedisStorage, ttlByStateKind, type RedisClient } from './redisStorage.js';
import { RedisTurnGate } from './redisTurnGate.js';
import { BoundedMemoryStorage } from './boundedMemoryStorage.js';
import { MemoryTurnGate, type TurnGate } from './turnGate.js';
import { memoryChannel, redisChannel, type LiveChannel } from './liveChannel.js';

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
  /** The memory store's cap (items); idle items go after the same times Redis keeps them. */
  MEMORY_STORE_MAX_ITEMS?: number;
}

/** Handoff cases, transcripts and staff records are kept for the handoff retention, not a conversation's. */
const retainedForHandoff = (key: string) => key.startsWith('handoff/') || key.startsWith('staff/');

export function memoryStore(settings?: RedisSettings): StateStore {
  const channels: Array<LiveChannel<unknown>> = [];
  const byKind = settings
    ? ttlByStateKind({ conversationSeconds: settings.CONVERSATION_STATE_TTL_SECONDS, userSeconds: settings.USER_STATE_TTL_SECONDS })
    : undefined;
  const storage = settings
    ? new BoundedMemoryStorage({
        maxItems: settings.MEMORY_STORE_MAX_ITEMS ?? 20_000,
        idleMs: (key) => {
          const seconds = retainedForHandoff(key) ? settings.HANDOFF_RETENTION_DAYS * 86_400 : byKind!(key);
          return seconds === undefined ? undefined : seconds * 1000;
        },
      })
    : new MemoryStorage();
  return {
    kind: 'memory',
    storage,
    gate: new MemoryTurnGate(),
    ready: async () => true,
    liveChannel: <T>() => {
      const channel = memoryChannel<T>();
      channels.push(channel as LiveChannel<unknown>);
      return channel;
    },
    close: async () => {
      await Promise.all(channels.map((channel) => channel.close()));
    },
  };
}

/** State, turn locks and redelivery markers on one Redis client. */
export function redisStore(client: RedisClient, settings: RedisSettings, onError?: (error: Error) => void): StateStore {
  const prefix = settings.REDIS_KEY_PREFIX;
  const byKind = ttlByStateKind({
    conversationSeconds: settings.CONVERSATION_STATE_TTL_SECONDS,
    userSeconds: settings.USER_STATE_TTL_SECONDS,
    // Sign-in links, failure counters and the like: nothing the bot keeps should live for ever.
    otherSeconds: settings.CONVERSATION_STATE_TTL_SECONDS,
  });
  const retentionSeconds = settings.HANDOFF_RETENTION_DAYS * 86_400;
  const channels: Array<LiveChannel<unknown>> = [];
  return {
    kind: 'redis',
    storage: new RedisStorage(client, {
      prefix: `${prefix}state:`,
      maxItemBytes: settings.STATE_MAX_ITEM_BYTES,
      ttlSeconds: (key) => (retainedForHandoff(key) ? retentionSeconds : byKind(key)),
    }),
    gate: new RedisTurnGate(client, { prefix: `${prefix}turn:`, lockTtlMs: settings.TURN_LOCK_TTL_MS, waitMs: settings.TURN_LOCK_WAIT_MS }),
    ready: () => pingRedis(client),
    liveChannel: <T>(name: string, parse: (raw: unknown) => T | undefined) => {
      const channel = redisChannel<T>(client, { name: `${prefix}live:${name}`, parse, onError });
      channels.push(channel as LiveChannel<unknown>);
      return channel;
    },
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
