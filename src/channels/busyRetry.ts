import type { TurnContext } from 'botbuilder';
import { isTurnBusy } from '../storage/turnGate.js';

/** How many times a busy conversation's turn is tried before the candidate gets the apology. */
export const BUSY_ATTEMPTS = 4;

export interface BusyRetryOptions {
  /** Tries in all, the first included. Default {@link BUSY_ATTEMPTS}. */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told of each busy try before the wait (for the log). */
  onBusy?: (retryAfterSeconds: number, attempt: number) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs the turn of an activity the channel has already handed over for good: the built-in Direct
 * Line stored it, Twilio was answered 200 (Twilio retries a messaging webhook only when it cannot
 * connect, not on a 5xx, unless the operator adds a retry policy to the URL, and a 5xx sends it to
 * the fallback URL: a 503 there would lose the message). So when the conversation stays busy (the
 * turn gate's `TurnBusyError`: another instance's turn held its lock past the wait), the turn is run
 * again after the holder's lease, up to `attempts` times, instead of answering with the apology. A
 * busy turn never got the lock, so it sent nothing: running it again doubles nothing. Only the last
 * try's busy error reaches the adapter's error handler (the apology).
 *
 * `runTurn` runs the adapter's middleware and the given logic on a fresh context each time.
 */
export async function runUntilServed(
  runTurn: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  logic: (context: TurnContext) => Promise<void>,
  options: BusyRetryOptions = {},
): Promise<void> {
  const attempts = options.attempts ?? BUSY_ATTEMPTS;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    const busy: { retryAfterSeconds?: number } = {};
    await runTurn(async (context) => {
      try {
        await logic(context);
      } catch (error) {
        if (!isTurnBusy(error) || attempt >= attempts) throw error;
        busy.retryAfterSeconds = error.retryAfterSeconds;
      }
    });
    if (busy.retryAfterSeconds === undefined) return;
    options.onBusy?.(busy.retryAfterSeconds, attempt);
    await sleep(busy.retryAfterSeconds * 1000);
  }
}
