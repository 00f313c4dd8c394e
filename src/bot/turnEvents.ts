import type { Logger } from '../logging/logger.js';

/** One structured record per turn, free of personal data, so analytics never touches dialogs. */
export interface TurnEvent {
  channel: string;
  conversationId: string;
  activityId?: string;
  /** The route table's row that took the message (src/conversation/routes.ts), or 'welcome' / 'handoff' for events. */
  route: string;
  /** The language the turn was answered in. */
  language?: 'en' | 'es';
  command?: string;
  faq?: { decision: string; entryId?: string; facet?: string; score?: number; coverage?: number };
  /** A dialog's state after the turn; `started` when this turn began it (it was not on the stack before). */
  dialog?: { id: string; outcome?: string; started?: boolean };
  /** A "Did you mean" offer answered: one of its entries picked, or "None of these". */
  choice?: { outcome: 'picked' | 'none'; entryId?: string };
  /** What happened with the candidate's account (signed in, answered, cancelled...); never who. */
  account?: { outcome: string };
  /** Handed to staff (and why), or a message relayed while with them. */
  handoff?: { outcome: 'started' | 'unavailable' | 'relayed' | 'left' | 'resumed' | 'status'; reason?: string };
  /** A thumbs up or down on an answer (route 'feedback'), with the FAQ entry it was for. */
  feedback?: { vote: 'up' | 'down'; entryId?: string };
  /** A comment added to a rating already recorded (route 'feedback-comment'); its text is beside the event, masked. */
  commentOn?: { vote: 'up' | 'down'; entryId?: string };
  /** "How was this chat?" answered 1-5 (route 'satisfaction'), after a handoff ended or a goodbye. */
  satisfaction?: { score: number; after: 'handoff' | 'goodbye' };
}

/**
 * Beside the event, never in it (the event holds no text): the question, redacted, when the bot did
 * not answer it from an entry (unknown, out of scope, clarify), or the comment a candidate wrote
 * with a rating, redacted; for the supervisors' insights, which keep it for the retention period.
 * The log never gets it.
 */
export interface UnansweredText {
  question?: string;
  comment?: string;
}

export type TurnEventSink = (event: TurnEvent, unanswered?: UnansweredText) => void;

export const logTurnEvents =
  (logger: Logger): TurnEventSink =>
  (event) =>
    logger.info({ event: 'turn', ...event }, 'turn');

/** Decisions that leave a question unanswered from the FAQ: their (redacted) text goes to the insights. */
export const UNANSWERED_DECISION = /^(unknown|out-of-scope|clarify|empty)/;
