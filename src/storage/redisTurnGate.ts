import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { LiveChannel } from './liveChannel.js';
import { toStorageError } from './storageErrors.js';
import { TurnBusyError, type TurnGate } from './turnGate.js';

export { TurnBusyError } from './turnGate.js';

export interface RedisTurnGateOptions {
  prefix: string;
  /**
   * The lease: how long a lock lives without renewal. The holder renews it every third of this while
   * its turn runs, so a crashed (kill -9) or partitioned holder blocks its conversation this long at
   * most, and a lock a timed-out acquire left behind dies as fast.
   */
  lockTtlMs: number;
  /** How long a turn waits for the lock before giving up (503 + Retry-After). At least one lease. */
  waitMs: number;
  /**
   * Hears "a lock with waiters was released" from every instance (Redis pub/sub on the channel
   * `name`, published by the release script itself as the JSON of the conversation key), so a waiter
   * is woken instead of polling. Without it waiters still wake at the lease's end or every `pollMs`.
   */
  released?: { name: string; channel: LiveChannel<string> };
  /** Longest sleep of a waiter between tries (covers a wake-up message lost in a reconnect). */
  pollMs: number;
  /**
   * The Cluster hash tag (`{…}`) of a conversation's lock keys. redisStore passes one that puts the
   * lock in the slot of the conversation's state item, so a turn touches one shard. Default
   * `conversationTag`.
   */
  tagOf?: (conversationKey: string) => string;
}

export const defaultRedisTurnGateOptions: Omit<RedisTurnGateOptions, 'prefix' | 'released' | 'tagOf'> = {
  lockTtlMs: 3_000,
  waitMs: 6_000,
  pollMs: 1_000,
};

/**
 * KEYS[1] lock, KEYS[2] "someone waits" flag. ARGV[1] token, ARGV[2] lease ms.
 * Returns -1 when acquired, else the lock's remaining life in ms (so the waiter knows when the lease
 * of a crashed holder runs out). A waiter raises the flag so the holder's release wakes it.
 */
const ACQUIRE_LUA = `
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return -1 end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then return 0 end
return left
`;
// Only the holder may renew or release: the token in the lock must be ours (compare-and-renew/delete).
const RENEW_LUA = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
/** KEYS[1] lock, KEYS[2] waiting flag. ARGV[1] token, ARGV[2] channel, ARGV[3] message. Publishes only when someone waits. */
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
if redis.call('DEL', KEYS[2]) == 1 and ARGV[2] ~= '' then redis.call('PUBLISH', ARGV[2], ARGV[3]) end
return 1
`;

const ACQUIRE = 'candidateAssistantTurnAcquire';
const RENEW = 'candidateAssistantTurnRenew';
const RELEASE = 'candidateAssistantTurnRelease';

interface GateCommands {
  defineCommand(name: string, definition: { lua: string; numberOfKeys?: number }): void;
  [ACQUIRE]?: (lock: string, waiting: string, token: string, leaseMs: string) => Promise<number>;
  [RENEW]?: (lock: string, token: string, leaseMs: string) => Promise<number>;
  [RELEASE]?: (lock: string, waiting: string, token: string, channel: string, message: string) => Promise<number>;
}

/**
 * The Redis keys of one conversation share a Cluster hash slot: `{c:<conversation key>}` is the hash
 * tag (the `c:` keeps it from being empty, which would hash the whole key). Cluster takes the first
 * `{` and the first `}` after it; the prefix holds no braces, so every key built here for one
 * conversation has the same tag even when the conversation key itself holds braces.
 */
export const conversationTag = (conversationKey: string): string => `{c:${conversationKey}}`;

/**
 * A hash tag that puts a key in the same Cluster slot as `key`: `key`'s own tag when it has one
 * (Cluster hashes only the text between the first `{` and the first `}` after it, when not empty),
 * else `{key}` (the whole key is hashed, and so is a tag holding exactly it). Undefined when `key`
 * holds a `}` but no tag: no tag can hold it.
 */
export function sameSlotTag(key: string): string | undefined {
  const open = key.indexOf('{');
  if (open >= 0) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) return key.slice(open, close + 1);
  }
  return key.includes('}') ? undefined : `{${key}}`;
}

/**
 * One turn at a time per conversation across every instance: a lock key in Redis (SET NX PX) with a
 * random token and a short lease, renewed while the turn runs and released only by its holder
 * (compare-and-delete). If a holder stalls past its lease, the next holder may start; the state
 * write's eTag check then refuses the stale holder's write (the eTag is the fencing token), and that
 * turn is run again. (Redelivered activities are recognised from the conversation's state, not here.)
 * An acquire whose reply never came (timed out, connection reset) may still have
 * been applied when Redis resumes: it is released by its token straight away, behind the acquire on
 * the same connection. Waiters in this process queue behind each other, so one at a time asks Redis;
 * that one sleeps until the holder's release wakes it (pub/sub), the lease runs out or `pollMs`.
 */
export class RedisTurnGate implements TurnGate {
  private readonly options: RedisTurnGateOptions;
  private readonly commands: GateCommands;
  private readonly channelName: string;
  /** Per conversation: the tail of this process's queue of turns. */
  private readonly tails = new Map<string, Promise<unknown>>();
  /** Per conversation: the waiter in this process to wake when the holder releases. */
  private readonly wakers = new Map<string, () => void>();

  constructor(
    redis: Redis | Cluster,
    options: Partial<RedisTurnGateOptions> & { prefix: string },
    private readonly clock: () => number = Date.now,
  ) {
    this.options = { ...defaultRedisTurnGateOptions, ...options };
    const { lockTtlMs, waitMs, pollMs } = this.options;
    if (!Number.isInteger(lockTtlMs) || lockTtlMs < 100) throw new TypeError(`RedisTurnGate: lockTtlMs must be a whole number of ms, at least 100 (got ${String(lockTtlMs)})`);
    // A waiter that gives up before one lease has passed fails the first message after every crash.
    if (!Number.isInteger(waitMs) || waitMs < lockTtlMs) throw new TypeError(`RedisTurnGate: waitMs (${String(waitMs)}) must be at least lockTtlMs (${lockTtlMs})`);
    if (!Number.isInteger(pollMs) || pollMs < 10) throw new TypeError(`RedisTurnGate: pollMs must be a whole number of ms, at least 10 (got ${String(pollMs)})`);
    if (/[{}]/.test(this.options.prefix)) throw new TypeError(`RedisTurnGate: prefix "${this.options.prefix}" must hold no braces (they would pick one Cluster slot for every conversation)`);
    this.commands = redis as unknown as GateCommands;
    if (typeof this.commands[ACQUIRE] !== 'function') {
      this.commands.defineCommand(ACQUIRE, { lua: ACQUIRE_LUA, numberOfKeys: 2 });
      this.commands.defineCommand(RENEW, { lua: RENEW_LUA, numberOfKeys: 1 });
      this.commands.defineCommand(RELEASE, { lua: RELEASE_LUA, numberOfKeys: 2 });
    }
    this.channelName = options.released?.name ?? '';
    options.released?.channel.subscribe((conversationKey) => this.wakers.get(conversationKey)?.());
  }

  /** The lock's Redis key (for tests and operators). */
  lockKey(conversationKey: string): string {
    return `${this.options.prefix}${this.tagOf(conversationKey)}:lock`;
  }

  private tagOf(conversationKey: string): string {
    return this.options.tagOf?.(conversationKey) ?? conversationTag(conversationKey);
  }

  async run<T, P = never>(conversationKey: string, turn: (prefetched: Promise<P> | undefined) => Promise<T>, prefetch?: () => Promise<P>): Promise<T> {
    const deadline = this.clock() + this.options.waitMs;
    // Queue behind this process's earlier turns of the conversation, but never past the deadline.
    const previous = this.tails.get(conversationKey) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(conversationKey, tail);
    try {
      if (!(await settlesWithin(previous, deadline - this.clock()))) {
        throw new TurnBusyError(conversationKey, this.options.waitMs, this.options.lockTtlMs);
      }
      return await this.runHolding(conversationKey, deadline, turn, prefetch);
    } finally {
      done();
      if (this.tails.get(conversationKey) === tail) this.tails.delete(conversationKey);
    }
  }

  private async runHolding<T, P>(
    conversationKey: string,
    deadline: number,
    turn: (prefetched: Promise<P> | undefined) => Promise<T>,
    prefetch: (() => Promise<P>) | undefined,
  ): Promise<T> {
    const { prefix, lockTtlMs } = this.options;
    const tag = this.tagOf(conversationKey);
    const lock = this.lockKey(conversationKey);
    const waiting = `${prefix}${tag}:waiting`;
    const token = randomUUID();
    const { read: prefetched } = await this.acquire(conversationKey, lock, waiting, token, deadline, prefetch);
    const renewal = setInterval(() => {
      this.commands[RENEW]!(lock, token, String(lockTtlMs)).catch(() => undefined);
    }, Math.max(30, Math.floor(lockTtlMs / 3)));
    renewal.unref();
    try {
      return await turn(prefetched);
    } finally {
      clearInterval(renewal);
      // Best effort: if this fails the lease ends the lock anyway.
      await this.commands[RELEASE]!(lock, waiting, token, this.channelName, JSON.stringify(conversationKey)).catch(() => undefined);
    }
  }

  /**
   * Takes the lock. The prefetch read is sent right behind each try, on the same connection (and, with
   * the hash tag, to the same node), so Redis runs it after the lock command: when the lock is won, the
   * read was made under it, in the same round trip. A lost try's read is dropped.
   */
  private async acquire<P>(
    conversationKey: string,
    lock: string,
    waiting: string,
    token: string,
    deadline: number,
    prefetch: (() => Promise<P>) | undefined,
  ): Promise<{ read: Promise<P> | undefined }> {
    for (;;) {
      let left: number;
      const trying = this.commands[ACQUIRE]!(lock, waiting, token, String(this.options.lockTtlMs));
      const read = prefetch?.();
      // Settled here whatever happens, so a dropped read never becomes an unhandled rejection.
      read?.catch(() => undefined);
      try {
        left = await trying;
      } catch (error) {
        // No reply is not "not acquired": Redis may run the SET when it resumes. Release by token,
        // queued behind the SET on the same connection, so no lock is left that nobody holds.
        this.commands[RELEASE]!(lock, waiting, token, this.channelName, JSON.stringify(conversationKey)).catch(() => undefined);
        throw toStorageError('lock', conversationKey, error);
      }
      if (left < 0) return { read };
      const remaining = deadline - this.clock();
      if (remaining <= 0) throw new TurnBusyError(conversationKey, this.options.waitMs, Math.max(left, 1));
      // Sleep until woken, the holder's lease runs out (+ a little, so the key is gone), or the poll.
      await this.sleepUntilWoken(conversationKey, Math.min(remaining, left + 5, this.options.pollMs));
    }
  }

  private sleepUntilWoken(conversationKey: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        if (this.wakers.get(conversationKey) === wake) this.wakers.delete(conversationKey);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.set(conversationKey, wake);
    });
  }
}

/** Whether `promise` settles within `ms` (it is never rejected here: the tails only resolve). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  if (ms <= 0) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
