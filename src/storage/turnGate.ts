/**
 * Runs the turns of one conversation one at a time. The memory gate covers one process; the Redis
 * gate (redisTurnGate.ts) covers every instance sharing the store. Which activities were already
 * processed is not the gate's business: it is recorded inside the conversation's state, in the same
 * write (ConsistentConversationState), so a crash cannot separate "state saved" from "seen".
 */
export interface TurnGate {
  /**
   * Runs `turn` while holding the conversation's lock. `prefetch`, when given, is a read the gate may
   * send together with its lock command (one round trip instead of two); `turn` then gets that
   * read, made after the lock was taken. A gate with nothing to save passes undefined.
   */
  run<T, P = never>(conversationKey: string, turn: (prefetched: Promise<P> | undefined) => Promise<T>, prefetch?: () => Promise<P>): Promise<T>;
}

/**
 * The conversation's lock stayed taken for as long as a turn may wait. The activity was not run: the
 * channel should be told to come back (HTTP 503 with `Retry-After: retryAfterSeconds`) and redeliver
 * it, never answered with an apology it would take as delivered.
 */
export class TurnBusyError extends Error {
  /** When the lock is due to be free (its holder's remaining lease), in whole seconds, at least 1. */
  readonly retryAfterSeconds: number;

  constructor(
    readonly conversationKey: string,
    readonly waitedMs: number,
    lockLeftMs: number,
  ) {
    super(`turn-gate: conversation "${conversationKey}" stayed locked for ${waitedMs} ms`);
    this.name = 'TurnBusyError';
    this.retryAfterSeconds = Math.max(1, Math.ceil(lockLeftMs / 1000));
  }
}

export const isTurnBusy = (error: unknown): error is TurnBusyError => error instanceof Error && error.name === 'TurnBusyError';

export class MemoryTurnGate implements TurnGate {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T, P = never>(conversationKey: string, turn: (prefetched: Promise<P> | undefined) => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationKey) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(conversationKey, tail);
    await previous;
    try {
      return await turn(undefined);
    } finally {
      release();
      if (this.tails.get(conversationKey) === tail) this.tails.delete(conversationKey);
    }
  }
}
