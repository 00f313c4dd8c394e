import type { Activity, TestAdapter } from 'botbuilder';
import { expect } from 'vitest';
import type { TurnEvent } from '../../src/bot/turnEvents.js';
import { en } from '../../src/messages/en.js';
import { runTranscript as runOverProductionWiring } from '../support/conversation.js';
import { botOnTestAdapter } from '../support/testApp.js';
import { all, buttons, check, type Expected } from '../support/expected.js';

// The Expected grammar is test/support/expected.ts's, shared with the production-wiring runner.
export { all, buttons, check, not, type Expected } from '../support/expected.js';

/** One turn of a transcript: what the candidate says (text, or a whole activity) and what the reply must show. */
export type Turn = [userSays: string | Partial<Activity>, botReplyMustContain: Expected];

/** The two-strikes offer of a person, with its button. */
export const offersPerson: Expected = all(en.task.gaveUpOfferPerson, buttons(en.talkToPerson));
/** The one-strike re-ask. */
export const didNotGetIt: string = en.task.didNotGetIt;

export interface TurnResult {
  activities: Partial<Activity>[];
  text: string;
  buttons: string[];
}

/** Sends one message (or activity) and collects everything the bot sent back. */
export async function turn(adapter: TestAdapter, userSays: string | Partial<Activity>): Promise<TurnResult> {
  adapter.activeQueue.splice(0);
  await adapter.receiveActivity(typeof userSays === 'string' ? userSays : { type: 'message', ...userSays });
  const activities = adapter.activeQueue.splice(0);
  return {
    activities,
    text: activities.map((activity) => activity.text ?? '').join('\n\n'),
    buttons: activities.flatMap((activity) => (activity.suggestedActions?.actions ?? []).map((action) => String(action.title))),
  };
}

const said = (userSays: string | Partial<Activity>): string => JSON.stringify(typeof userSays === 'string' ? userSays : userSays.text);

/**
 * These transcripts run over the production wiring (accounts, handoff, turn runner, HTTP;
 * test/support/conversation.ts), as `npm start` composes the bot. Only the turn-event tests that
 * pass their own adapter still use a TestAdapter (TODO(migrate): start a bot with startBot()).
 */
const overProductionWiring = true;

/**
 * Runs the turns in order on one conversation (a fresh bot unless an adapter is given), checking each
 * reply; a failure names the turn and shows the whole reply.
 * TODO(migrate): the `{ adapter, events }` callers (turn-event tests) should start a bot with
 * startBot() and pass `{ bot }` to test/support/conversation.ts's runTranscript instead.
 */
export async function runTranscript(
  turns: Turn[],
  options: { now?: Date; adapter?: TestAdapter; events?: TurnEvent[] } = {},
): Promise<{ adapter?: TestAdapter; events: TurnEvent[]; results: TurnResult[] }> {
  if (!options.adapter && overProductionWiring) {
    const { events, runs } = await runOverProductionWiring(turns, options.now ? { now: options.now } : {});
    return { events, results: runs[0]!.results };
  }
  const fresh = options.adapter ? undefined : await botOnTestAdapter(options.now ? { now: options.now } : {});
  const adapter = options.adapter ?? fresh!.adapter;
  const events = options.events ?? fresh?.events ?? [];
  const results: TurnResult[] = [];
  for (const [index, [userSays, expected]] of turns.entries()) {
    const result = await turn(adapter, userSays);
    results.push(result);
    try {
      expect(result.activities.length, 'the bot said nothing').toBeGreaterThan(0);
      check(result, expected);
    } catch (error) {
      throw new Error(
        `turn ${index + 1}, after the candidate said ${said(userSays)}:\n${(error as Error).message}\n--- the bot said ---\n${result.text}` +
          (result.buttons.length ? `\n[buttons: ${result.buttons.join(' | ')}]` : ''),
      );
    }
  }
  return { adapter, events, results };
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
