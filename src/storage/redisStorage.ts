import { randomBytes } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Cluster, Redis } from 'ioredis';
import { EtagConflictError, ItemTooLargeError, StorageError, toStorageError } from './storageErrors.js';

/**
 * Bot Framework `Storage` on Redis (standalone, Sentinel or Cluster through ioredis), with the same
 * contract as botbuilder's `MemoryStorage`:
 *
 * - `read(keys)` returns only the keys that exist, each item carrying its current `eTag`.
 * - `write(changes)`: an item whose `eTag` is missing, empty or `'*'` overwrites; an item carrying an
 *   `eTag` is written only if the stored item still has that eTag (or no longer exists), otherwise the
 *   write rejects with `EtagConflictError`. Every successful write gives the item a new eTag.
 * - `delete(keys)` removes the keys; unknown keys are fine.
 *
 * Layout: one Redis hash per item at `prefix + key` with fields `etag` and `item` (the item's JSON,
 * without its eTag). Keys are kept verbatim after the prefix (Redis keys are binary safe); a key that
 * is not well-formed UTF-16 (a lone surrogate) cannot be UTF-8 encoded without collisions, so it is
 * stored as prefix bytes + 0xFF + the key's UTF-16LE bytes (0xFF never occurs in UTF-8, so the two
 * forms cannot collide).
 *
 * Atomicity: the compare-and-set of one key is a single Lua script (EVALSHA, falling back to EVAL
 * when Redis has lost its script cache) that checks the stored eTag and writes value, new eTag and
 * TTL together. A write of several keys is several independent atomic writes, one per key, sent
 * concurrently (one key per command, so any Cluster hash slot works): if one key conflicts, the
 * others may still have been written. Bot Framework writes one key per state object, so that is the
 * unit that needs atomicity.
 */

export type RedisClient = Redis | Cluster;

export interface RedisStorageOptions {
  /** Prepended to every key, e.g. `candidate-assistant:state:`. Keep braces out of it (Cluster hash tags). */
  prefix: string;
  /** Seconds until a key expires after each write, or undefined for no expiry. Called with the bot's key (no prefix). */
  ttlSeconds?: (key: string) => number | undefined;
  /** Largest serialised item (UTF-8 bytes of its JSON, eTag excluded) that may be written. */
  maxItemBytes: number;
}

/** The custom command defined on the client; the name is unique to this module. */
const CAS_COMMAND = 'candidateAssistantStorageCasWrite';

/**
 * KEYS[1] item hash. ARGV[1] expected eTag ('' = unconditional), ARGV[2] new eTag, ARGV[3] item JSON,
 * ARGV[4] TTL in milliseconds (0 = no expiry). Returns 1 when written, 0 on an eTag conflict.
 * A missing key is written whatever eTag was expected (MemoryStorage does the same).
 */
const CAS_LUA = `
if ARGV[1] ~= '' then
  local current = redis.call('HGET', KEYS[1], 'etag')
  if current and current ~= ARGV[1] then
    return 0
  end
end
redis.call('HSET', KEYS[1], 'etag', ARGV[2], 'item', ARGV[3])
local ttl = tonumber(ARGV[4])
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
else
  redis.call('PERSIST', KEYS[1])
end
return 1
`;

/** The custom command reading many items at once (not on a Cluster: its keys may be on any node). */
const READ_MANY_COMMAND = 'candidateAssistantStorageReadMany';

/** KEYS: item hashes. Returns {etag, item, etag, item, ...} (false for a missing field). */
const READ_MANY_LUA = `
local out = {}
for i, key in ipairs(KEYS) do
  local fields = redis.call('HMGET', key, 'etag', 'item')
  out[2 * i - 1] = fields[1]
  out[2 * i] = fields[2]
end
return out
`;

/** Keys per read-many script: one script holds Redis for well under a millisecond. */
const READ_MANY_CHUNK = 256;

type RedisKey = string | Buffer;

/** The slice of the ioredis API this class uses (common to `Redis` and `Cluster`). */
interface StorageCommands {
  hmget(key: RedisKey, ...fields: string[]): Promise<Array<string | null>>;
  del(...keys: RedisKey[]): Promise<number>;
  defineCommand(name: string, definition: { lua: string; numberOfKeys?: number }): void;
  [CAS_COMMAND]?: (key: RedisKey, expected: string, eTag: string, json: string, ttlMs: string) => Promise<number>;
  [READ_MANY_COMMAND]?: (count: number, ...keys: RedisKey[]) => Promise<Array<string | null>>;
  isCluster?: boolean;
}

// A lone surrogate (with the u flag, a proper surrogate pair is one code point and does not match).
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

interface PreparedWrite {
  key: string;
  redisKey: RedisKey;
  expectedETag: string;
  json: string;
  ttlMs: number;
}

export class RedisStorage implements Storage {
  private readonly commands: StorageCommands;
  private readonly prefix: string;
  private readonly prefixBytes: Buffer;
  private readonly ttlSeconds: ((key: string) => number | undefined) | undefined;
  private readonly maxItemBytes: number;

  constructor(client: RedisClient, options: RedisStorageOptions) {
    if (typeof options.prefix !== 'string' || LONE_SURROGATE.test(options.prefix)) {
      throw new TypeError(`RedisStorage: prefix must be a well-formed string (got ${JSON.stringify(options.prefix)})`);
    }
    if (!Number.isInteger(options.maxItemBytes) || options.maxItemBytes <= 0) {
      throw new TypeError(`RedisStorage: maxItemBytes must be a positive integer (got ${String(options.maxItemBytes)})`);
    }
    this.commands = client as unknown as StorageCommands;
    this.prefix = options.prefix;
    this.prefixBytes = Buffer.from(options.prefix, 'utf8');
    this.ttlSeconds = options.ttlSeconds;
    this.maxItemBytes = options.maxItemBytes;
    if (typeof this.commands[CAS_COMMAND] !== 'function') {
      this.commands.defineCommand(CAS_COMMAND, { lua: CAS_LUA, numberOfKeys: 1 });
    }
    if (typeof this.commands[READ_MANY_COMMAND] !== 'function') {
      // The number of keys varies: given with each call.
      this.commands.defineCommand(READ_MANY_COMMAND, { lua: READ_MANY_LUA });
    }
  }

  /** The Redis key holding `key` (exposed for tests and operators' tooling). */
  redisKey(key: string): RedisKey {
    if (!LONE_SURROGATE.test(key)) return this.prefix + key;
    return Buffer.concat([this.prefixBytes, Buffer.from([0xff]), Buffer.from(key, 'utf16le')]);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const unique = [...new Set(keys)];
    const replies = await this.fields(unique);
    const items: StoreItems = {};
    unique.forEach((key, index) => {
      const [eTag, json] = replies[index] ?? [];
      if (eTag == null && json == null) return;
      if (eTag == null || json == null) {
        throw new StorageError(`Storage: Redis key for "${key}" is not an item written by RedisStorage (missing ${eTag == null ? 'etag' : 'item'})`);
      }
      let item: Record<string, unknown>;
      try {
        item = JSON.parse(json);
      } catch (error) {
        throw new StorageError(`Storage: item "${key}" in Redis is not valid JSON`, { cause: error });
      }
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new StorageError(`Storage: item "${key}" in Redis is not a JSON object`);
      // The parsed object is this read's own: the eTag goes on it, not on a copy (a list of 2,600 cases).
      item.eTag = eTag;
      items[key] = item;
    });
    return items;
  }

  /**
   * Each key's `[etag, item]`. Several keys on one Redis (standalone or Sentinel) are one script per
   * 256 keys (a turn's state with its read-ahead: one command; staff's list of 2,600 open cases: 11,
   * not 2,600); on a Cluster, where the keys may live on any node, one HMGET each.
   */
  private async fields(keys: string[]): Promise<Array<Array<string | null>>> {
    if (keys.length < 2 || this.commands.isCluster) {
      return Promise.all(
        keys.map(async (key) => {
          try {
            return await this.commands.hmget(this.redisKey(key), 'etag', 'item');
          } catch (error) {
            throw toStorageError('read', key, error);
          }
        }),
      );
    }
    const chunks: string[][] = [];
    for (let i = 0; i < keys.length; i += READ_MANY_CHUNK) chunks.push(keys.slice(i, i + READ_MANY_CHUNK));
    const replies = await Promise.all(
      chunks.map(async (chunk) => {
        try {
          return await this.commands[READ_MANY_COMMAND]!(chunk.length, ...chunk.map((key) => this.redisKey(key)));
        } catch (error) {
          throw toStorageError('read', chunk[0], error);
        }
      }),
    );
    return replies.flatMap((flat) => Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i] ?? null, flat[2 * i + 1] ?? null]));
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // Validate and serialise everything first: an oversized or unserialisable item writes nothing.
    const prepared = Object.keys(changes).map((key) => this.prepare(key, changes[key]));
    const results = await Promise.allSettled(prepared.map((write) => this.writeOne(write)));
    // Every per-key write has settled before we report; the first failure (in key order) is thrown.
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await Promise.all(
      [...new Set(keys)].map(async (key) => {
        try {
          await this.commands.del(this.redisKey(key));
        } catch (error) {
          throw toStorageError('delete', key, error);
        }
      }),
    );
  }

  private prepare(key: string, item: unknown): PreparedWrite {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new StorageError(`Storage: item "${key}" must be an object (got ${item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item})`);
    }
    const { eTag, ...rest } = item as Record<string, unknown>;
    if (eTag !== undefined && eTag !== null && typeof eTag !== 'string') {
      throw new StorageError(`Storage: item "${key}" has an eTag that is not a string (${typeof eTag})`);
    }
    let json: string;
    try {
      json = JSON.stringify(rest);
    } catch (error) {
      throw new StorageError(`Storage: item "${key}" cannot be serialised to JSON: ${(error as Error).message}`, { cause: error });
    }
    const size = Buffer.byteLength(json, 'utf8');
    if (size > this.maxItemBytes) throw new ItemTooLargeError(key, size, this.maxItemBytes);
    return {
      key,
      redisKey: this.redisKey(key),
      expectedETag: typeof eTag === 'string' && eTag !== '*' ? eTag : '',
      json,
      ttlMs: this.ttlMs(key),
    };
  }

  private ttlMs(key: string): number {
    const seconds = this.ttlSeconds?.(key);
    if (seconds === undefined) return 0;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
      throw new StorageError(`Storage: ttlSeconds returned ${String(seconds)} for "${key}"; expected a positive number of seconds or undefined`);
    }
    return Math.ceil(seconds * 1000);
  }

  private async writeOne(write: PreparedWrite): Promise<void> {
    const cas = this.commands[CAS_COMMAND]!;
    let written: number;
    try {
      written = await cas.call(this.commands, write.redisKey, write.expectedETag, newETag(), write.json, String(write.ttlMs));
    } catch (error) {
      throw toStorageError('write', write.key, error);
    }
    if (written !== 1) throw new EtagConflictError(write.key, write.expectedETag);
  }
}

/** 96 random bits; unique across instances without coordination. */
function newETag(): string {
  return randomBytes(12).toString('base64url');
}

export type StateKind = 'conversation' | 'user' | 'other';

// Keys written by botbuilder's ConversationState, PrivateConversationState and UserState.
const CONVERSATION_KEY = /^[^/]*\/conversations\/.+\/$/s;
const USER_KEY = /^[^/]*\/users\/.+\/$/s;

/**
 * What a botbuilder state key belongs to: `${channelId}/conversations/${conversationId}/` (and
 * PrivateConversationState's `.../conversations/${id}/users/${userId}/`) is conversation state,
 * `${channelId}/users/${userId}/` is user state; anything else (handoff records, ...) is "other".
 */
export function stateKindOf(key: string): StateKind {
  if (CONVERSATION_KEY.test(key)) return 'conversation';
  if (USER_KEY.test(key)) return 'user';
  return 'other';
}

/**
 * A `ttlSeconds` for RedisStorage: conversation state expires after `conversationSeconds` without a
 * write (each write restarts the clock), user state after `userSeconds`, other keys after
 * `otherSeconds` (default: never). Any of them undefined means that kind never expires.
 */
export function ttlByStateKind(options: {
  conversationSeconds: number | undefined;
  userSeconds: number | undefined;
  otherSeconds?: number | undefined;
}): (key: string) => number | undefined {
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
      throw new TypeError(`ttlByStateKind: ${name} must be a positive number of seconds or undefined (got ${String(value)})`);
    }
  }
  const byKind: Record<StateKind, number | undefined> = {
    conversation: options.conversationSeconds,
    user: options.userSeconds,
    other: options.otherSeconds,
  };
  return (key) => byKind[stateKindOf(key)];
}
