import type { Activity } from 'botbuilder';
import { expect } from 'vitest';
import type { TurnEvent } from '../../src/bot/turnEvents.js';
import { en } from '../../src/messages/en.js';
import { runTranscript as runOverProductionWiring, type Said } from '../support/conversation.js';
import { all, buttons, type Expected } from '../support/expected.js';

// The Expected grammar is test/support/expected.ts's, shared with the production-wiring runner.
export { all, buttons, check, not, type Expected } from '../support/expected.js';

/** One turn of a transcript: what the candidate says (text, or a whole activity) and what the reply must show. */
export type Turn = [userSays: string | Partial<Activity>, botReplyMustContain: Expected];

/** The two-strikes offer of a person, with its button. */
export const offersPerson: Expected = all(en.task.gaveUpOfferPerson, buttons(en.talkToPerson));
/** The one-strike re-ask. */
export const didNotGetIt: string = en.task.didNotGetIt;

export type { Said as TurnResult } from '../support/conversation.js';

/**
 * Runs the turns in order on one conversation of a fresh bot composed as `npm start` composes it
 * (accounts, handoff, turn runner, HTTP: test/support/conversation.ts's runTranscript, the one
 * runner), checking each reply; a failure names the turn and shows the whole reply.
 */
export async function runTranscript(turns: Turn[], options: { now?: Date } = {}): Promise<{ events: TurnEvent[]; results: Said[] }> {
  const { events, runs } = await runOverProductionWiring(turns, options.now ? { now: options.now } : {});
  return { events, results: runs[0]!.results };
}

/**
 * The last event records a finished task: route 'dialog', the task id and its outcome, and nothing
 * the candidate wrote.
 */
export function expectTaskEvent(events: TurnEvent[], task: string, outcome: string, candidateWrote: string[]): void {
  expect(events.at(-1)).toMatchObject({ route: expect.stringMatching(/^(?:task|dialog)$/), dialog: { id: task, outcome } });
  const recorded = JSON.stringify(events);
  for (const words of candidateWrote) expect(recorded, 'an event holds what the candidate wrote').not.toContain(words);
  for (const event of events) expect(Object.keys(event)).not.toContain('text');
}
