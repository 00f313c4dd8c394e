// NOT MIGRATED (smsBot): keywords and numbered-choices tests now use startBot over /api/messages on
// the sms channel. test/channels/sms/twilio.test.ts still builds its server here: its TwilioSmsAdapter
// has test-only options (no-op `sleep`, fixed `random` for back-off jitter, a log sink whose lines
// it asserts on), which the composition builds from TWILIO_* settings with the real ones. Moving it
// needs startBot to take an observing logger (test/support only) and accepting real back-off sleeps.
// `text`, `candidateNumber` and `smsTestAdapter` stay for the middleware-alone unit tests.
import { MemoryStorage, TestAdapter, type Activity, type Middleware, type Storage } from 'botbuilder';
import type { TurnEvent } from '../../../src/bot/turnEvents.js';
import { createTurnRunner } from '../../../src/bot/turnRunner.js';
import { MemoryTurnGate } from '../../../src/storage/turnGate.js';
import { buildBot } from '../../../src/app.js';
import { fixedNow, shippedKnowledge, silentLogger, testConfig } from '../../support/testApp.js';

/**
 * The real bot as app.ts builds it (SMS turns render with renderSms), behind the same turn runner as /api/messages.
 * TODO(migrate): no accounts or handoff; startBot() + conversation({ channel: 'sms' }) from test/support/conversation.ts has them.
 */
export async function smsBot(options: { storage?: Storage } = {}) {
  const kb = await shippedKnowledge();
  const storage = options.storage ?? new MemoryStorage();
  const events: TurnEvent[] = [];
  const { bot, conversationState } = buildBot({
    config: testConfig(),
    logger: silentLogger(),
    storage,
    knowledge: kb,
    clock: () => fixedNow,
    events: (event) => events.push(event),
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
