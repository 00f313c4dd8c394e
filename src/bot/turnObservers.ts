import type { TurnRequest } from '../../dialogs/engine.js';
import type { Turn } from './routeActions.js';

/**
 * A message's turn as its observers see it: the turn the route rows acted on, what the dialogs asked
 * of the bot, and the candidate's line on the record.
 */
export interface ObservedTurn extends Turn {
  /** What the dialogs asked of the bot this turn (what was said, the account's outcome, a handoff). */
  request: TurnRequest;
  /** Sign-in was waiting when the message came: whatever it says is sign-in details. */
  signingIn: boolean;
  /**
   * The candidate's line as put on the record for staff (`noted`: there is a handoff relay and the
   * message had text), and the id of the record's last line then (`line`: that line).
   */
  noted: boolean;
  line?: string;
}

/**
 * A feature that keeps something of each message in the conversation's state for later turns (the
 * question a handoff is about, the last reply, the entries a follow-up is read in the light of). The
 * bot runs each row of its table after every message, in order, so a feature of this kind is a row
 * built in src/app.ts and never a line of the bot class.
 */
export interface TurnObserver {
  /** What it keeps, for the docs and a failing test's message. */
  name: string;
  /**
   * Once the route rows have run, before a handoff they asked for starts: what the handoff reads
   * (the question it is about) is kept here, and what was said so far is only what the rows said.
   */
  answered?: (turn: ObservedTurn) => void;
  /** Once the turn is done, a handoff started or not (the turn's event says which). */
  done?: (turn: ObservedTurn) => void;
}

/** Runs one stage of every observer, in the table's order. */
export function observe(observers: readonly TurnObserver[], stage: 'answered' | 'done', turn: ObservedTurn): void {
  for (const observer of observers) observer[stage]?.(turn);
}
