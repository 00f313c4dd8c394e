import type { Logger } from '../logging/logger.js';

/** One structured record per turn, free of personal data, so analytics never touches dialogs. */
export interface TurnEvent {
  channel: string;
  conversationId: string;
  activityId?: string;
  /** The route table's row that took the message (src/conversation/routes.ts), or 'welcome' / 'handoff' for events. */
  route: string;
  command?: string;
  faq?: { decision: string; entryId?: string; facet?: string; score?: number; coverage?: number };
  dialog?: { id: string; outcome?: string };
  /** What happened with the candidate's account (signed in, answered, cancelled...); never who. */
  account?: { outcome: string };
  /** Handed to staff (and why), or a message relayed while with them. */
  handoff?: { outcome: 'started' | 'unavailable' | 'relayed' | 'left' | 'resumed' | 'status'; reason?: string };
}

export type TurnEventSink = (event: TurnEvent) => void;

export const logTurnEvents =
  (logger: Logger): TurnEventSink =>
  (event) =>
    logger.info({ event: 'turn', ...event }, 'turn');
