import type { ConversationData } from './conversationData.js';
import type { TurnEvent } from './turnEvents.js';
import type { TurnObserver } from './turnObservers.js';

/**
 * Which question each recent answer answered, so a "No" on "Did this help?" can take the
 * candidate's wording to the editors' list of questions to teach (src/handoff/staff/insights.ts).
 * The wording itself stays where it already is, masked: the conversation's recent lines (the
 * transcript staff get on a handoff); here only the line's id per answered entry, the last few.
 */
const KEPT = 5;

/** After a turn: the entries it answered from (one answer or two), and the candidate's line that asked. */
export function noteAnsweredQuestion(data: ConversationData, event: Partial<TurnEvent>, lineId: string | undefined): void {
  const decision = event.faq?.decision;
  if (!lineId || !event.faq?.entryId || (decision !== 'answer' && decision !== 'pair')) return;
  const answered = [event.faq.entryId, ...event.faq.entryId.split('+')];
  const kept = (data.answeredLines ?? []).filter(([entryId]) => !answered.includes(entryId));
  data.answeredLines = [...kept, ...[...new Set(answered)].map((entryId) => [entryId, lineId] as [string, string])].slice(-KEPT);
}

/** The masked wording of the question the answer from `entryId` answered, while the conversation still has it. */
export function questionRated(data: ConversationData, entryId: string | undefined): string | undefined {
  if (!entryId) return undefined;
  const lineId = (data.answeredLines ?? []).find(([id]) => id === entryId)?.[1];
  return lineId ? data.recent?.find((line) => line.id === lineId && line.from === 'candidate')?.text : undefined;
}

/** Keeps which line asked each answered entry's question, for a "No" rating later. */
export const answeredQuestionObserver: TurnObserver = {
  name: 'answeredLines',
  done: ({ data, event, line }) => noteAnsweredQuestion(data, event, line),
};
