import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { GateResult, TurnGate } from './turnGate.js';

export interface RedisTurnGateOptions {
  prefix: string;
  /** How long a lock lives without renewal: a crashed instance blocks its conversation this long at most. */
  lockTtlMs: number;
  /** How long a turn waits for the lock before giving up. */
  waitMs: number;
  /** How long an activity id is remembered against redelivery. */
  rememberSeconds: number;
}

export const defaultRedisTurnGateOptions: Omit<RedisTurnGateOptions, 'prefix'> = {
  lockTtlMs: 30_000,
  waitMs: 20_000,
  rememberSeconds: 24 * 60 * 60,
};

export class TurnBusyError extends Error {
  constructor(conversationKey: string, waitedMs: number) {
    super(`turn-gate: conversation "${conversationKey}" stayed locked for ${waitedMs} ms`);
    this.name = 'TurnBusyError';
  }
}

// Only the holder may renew or release: the token in the lock must be ours.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One turn at a time per conversation across every instance: a lock key in Redis (SET NX PX) with a
 * random token, renewed while the turn runs and released only by its holder. If a holder stalls past
 * the lock's life, the next holder may start; the state write's eTag check then refuses the stale
 * holder's write (the eTag is the fencing token), and that turn is run again. Redelivered activity ids
 * are remembered with SET NX and skipped.
 */
export class RedisTurnGate implements TurnGate {
  private readonly options: RedisTurnGateOptions;

  constructor(
    private readonly redis: Redis | Cluster,
    options: Partial<RedisTurnGateOptions> & { prefix: string },
  ) {
    this.options = { ...defaultRedisTurnGateOptions, ...options };
  }

  async run<T>(conversationKey: string, activityId: string | undefined, turn: () => Promise<T>): Promise<GateResult<T>> {
    const { prefix, lockTtlMs } = this.options;
    const lockKey = `${prefix}lock:${conversationKey}`;
    const seenKey = activityId ? `${prefix}seen:${conversationKey}:${activityId}` : undefined;
    const token = randomUUID();
    await this.acquire(lockKey, token, conversationKey);
    const renewal = setInterval(() => {
      this.redis.eval(RENEW, 1, lockKey, token, String(lockTtlMs)).catch(() => undefined);
    }, Math.max(50, Math.floor(lockTtlMs / 3)));
    renewal.unref();
    try {
      if (seenKey && (await this.redis.exists(seenKey))) return { ran: false };
      const value = await turn();
      if (seenKey) await this.redis.set(seenKey, '1', 'EX', this.options.rememberSeconds);
      return { ran: true, value };
    } finally {
      clearInterval(renewal);
      await this.redis.eval(RELEASE, 1, lockKey, token).catch(() => undefined);
    }
  }

  private async acquire(lockKey: string, token: string, conversationKey: string): Promise<void> {
    const started = Date.now();
    let pause = 2;
    for (;;) {
      if ((await this.redis.set(lockKey, token, 'PX', this.options.lockTtlMs, 'NX')) === 'OK') return;
      const waited = Date.now() - started;
      if (waited >= this.options.waitMs) throw new TurnBusyError(conversationKey, waited);
      // Jittered backoff: many waiters on one conversation should not retry in lockstep.
      await sleep(pause + Math.random() * pause);
      pause = Math.min(pause * 2, 50);
    }
  }
}
