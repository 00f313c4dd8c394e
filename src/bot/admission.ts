import type { TurnContext } from 'botbuilder';

/** The rate limit's verdict on one message (src/http/rateLimits.ts's RateDecision, structurally). */
export type AdmissionVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A message over its conversation's rate limit: the server answers 429 with Retry-After. */
export class TurnRefusedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`bot/admission: message over the conversation's rate limit; retry after ${retryAfterSeconds} s`);
    this.name = 'TurnRefusedError';
  }
}

export const isTurnRefused = (error: unknown): error is TurnRefusedError => error instanceof Error && error.name === 'TurnRefusedError';

const admissionKey = Symbol('admission');

/**
 * The server starts the rate limit's check and hands the pending verdict to the turn, so that with
 * Redis the check and the turn's lock (with its state read) travel in the same round trip instead
 * of one after the other. The turn runner awaits it before anything of the turn runs.
 */
export function setAdmission(context: TurnContext, verdict: Promise<AdmissionVerdict>): void {
  context.turnState.set(admissionKey, verdict);
}

/** Throws TurnRefusedError when the message is over its limit; a turn with no admission set is admitted. */
export async function checkAdmission(context: TurnContext): Promise<void> {
  const pending = context.turnState.get(admissionKey) as Promise<AdmissionVerdict> | undefined;
  if (!pending) return;
  const verdict = await pending;
  if (!verdict.allowed) throw new TurnRefusedError(verdict.retryAfterSeconds);
}
