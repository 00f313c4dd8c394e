/**
 * Runs the turns of one conversation one at a time, and each activity once. The memory gate covers
 * one process; the Redis gate (redisTurnGate.ts) covers every instance sharing the store.
 */
export interface TurnGate {
  /**
   * Runs `turn` while holding the conversation's lock. Returns `{ ran: false }` without running it
   * when this activity id was already processed (a channel's redelivery).
   */
  run<T>(conversationKey: string, activityId: string | undefined, turn: () => Promise<T>): Promise<GateResult<T>>;
}

export type GateResult<T> = { ran: true; value: T } | { ran: false };

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
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly rememberMs = 24 * 60 * 60 * 1000,
    private readonly maxRemembered = 100_000,
  ) {}

  async run<T>(conversationKey: string, activityId: string | undefined, turn: () => Promise<T>): Promise<GateResult<T>> {
    const previous = this.tails.get(conversationKey) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(conversationKey, tail);
    await previous;
    try {
      const seenKey = activityId ? `${conversationKey}\u0000${activityId}` : undefined;
      if (seenKey && this.isSeen(seenKey)) return { ran: false };
      const value = await turn();
      if (seenKey) this.remember(seenKey);
      return { ran: true, value };
    } finally {
      release();
      if (this.tails.get(conversationKey) === tail) this.tails.delete(conversationKey);
    }
  }

  private isSeen(key: string): boolean {
    const at = this.seen.get(key);
    return at !== undefined && this.clock() - at < this.rememberMs;
  }

  private remember(key: string): void {
    this.seen.set(key, this.clock());
    // Oldest first in a Map: trim from the front once over the cap.
    while (this.seen.size > this.maxRemembered) this.seen.delete(this.seen.keys().next().value as string);
  }
}
