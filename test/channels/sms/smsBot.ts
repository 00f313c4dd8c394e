import { MemoryStorage, TestAdapter, type Activity, type Middleware, type Storage } from 'botbuilder';
import { createTaskDialogs } from '../../../dialogs/index.js';
import { CandidateBot } from '../../../src/bot/candidateBot.js';
import type { TurnEvent } from '../../../src/bot/turnEvents.js';
import { createTurnRunner } from '../../../src/bot/turnRunner.js';
import { renderDefault } from '../../../src/channels/render.js';
import { withSmsRendering } from '../../../src/channels/sms/index.js';
import { en } from '../../../src/messages/en.js';
import { ConsistentConversationState } from '../../../src/storage/consistentConversationState.js';
import { MemoryTurnGate } from '../../../src/storage/turnGate.js';
import { detectTask } from '../../../src/understanding/taskIntent.js';
import { fixedNow, shippedKnowledge, silentLogger } from '../../support/testApp.js';

/**
 * The real bot as app.ts builds it, but rendering SMS turns with renderSms (what app.ts is asked to
 * wire), run through the same turn runner (gate, held replies) as /api/messages.
 */
export async function smsBot(options: { storage?: Storage } = {}) {
  const kb = await shippedKnowledge();
  const storage = options.storage ?? new MemoryStorage();
  const events: TurnEvent[] = [];
  const conversationState = new ConsistentConversationState(storage);
  const render = withSmsRendering((reply) => renderDefault(reply));
  const lookup = (id: string) => kb.index.get(id);
  const dialogs = createTaskDialogs({ policy: kb.policy, catalogue: kb.catalogue, messages: en, faq: kb.answerer, lookup, render });
  const bot = new CandidateBot({
    conversationState,
    faq: kb.answerer,
    lookup,
    messages: en,
    render,
    events: (event) => events.push(event),
    tasks: { dialogs, detect: detectTask },
    clock: () => fixedNow,
    defaultZone: 'America/New_York',
  });
  const onTurn = createTurnRunner({
    gate: new MemoryTurnGate(),
    state: conversationState,
    turn: (context) => bot.run(context),
    withoutStore: (context) => bot.runWithoutStore(context),
    logger: silentLogger(),
  });
  return { storage, bot, onTurn, events, kb };
}

export const candidateNumber = '+15550100001';
export const ourNumber = '+15550109999';

/** A TestAdapter on the `sms` channel for one candidate's number, with the given middleware in front of the bot. */
export function smsTestAdapter(onTurn: Parameters<typeof createTurnRunner>[0]['turn'], middleware: Middleware[], number = candidateNumber) {
  const adapter = new TestAdapter(onTurn, {
    channelId: 'sms',
    from: { id: number, name: '' },
    recipient: { id: ourNumber, name: '' },
  });
  for (const m of middleware) adapter.use(m);
  return adapter;
}

/** Sends one text and returns what the bot sent back. */
export async function text(adapter: TestAdapter, message: string): Promise<Partial<Activity>[]> {
  adapter.activeQueue.splice(0);
  await adapter.receiveActivity(message);
  return adapter.activeQueue.splice(0);
}
