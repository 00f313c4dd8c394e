import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { parseConfig, type Config } from '../../src/config.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { buildBot } from '../../src/app.js';
import type { TurnEvent } from '../../src/bot/turnEvents.js';

let knowledge: Promise<KnowledgeBase> | undefined;
/** The shipped knowledge base, loaded once per test file. */
export const shippedKnowledge = (): Promise<KnowledgeBase> => (knowledge ??= loadKnowledgeBase('knowledge'));

export const silentLogger = () => pino({ level: 'silent' });

export const testConfig = (env: Record<string, string> = {}): Config => parseConfig({ NODE_ENV: 'test', ...env });

/** The fixed clock of conversation tests: Thursday, March 20, 2025, 11:00 in New York. */
export const fixedNow = new Date('2025-03-20T15:00:00Z');

/**
 * The whole bot (FAQ and guided tasks) on a TestAdapter, with the turn events it recorded.
 * TODO(migrate): not the production wiring (no accounts, no handoff, no turn runner); new
 * conversation tests use startBot() from ./conversation.ts.
 */
export async function botOnTestAdapter(options: { now?: Date; env?: Record<string, string> } = {}) {
  const kb = await shippedKnowledge();
  const events: TurnEvent[] = [];
  const { bot } = buildBot({
    config: testConfig(options.env),
    logger: silentLogger(),
    storage: new MemoryStorage(),
    knowledge: kb,
    clock: () => options.now ?? fixedNow,
    events: (event) => events.push(event),
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  return { adapter, bot, events, kb };
}

/** Sends one message and returns every activity the bot sent back. */
export async function say(adapter: TestAdapter, text: string): Promise<Partial<Activity>[]> {
  adapter.activeQueue.splice(0);
  await adapter.receiveActivity(text);
  return adapter.activeQueue.splice(0);
}
