import { MemoryStorage, TestAdapter, ConversationState, type Activity } from 'botbuilder';
import pino from 'pino';
import { parseConfig, type Config } from '../../src/config.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { CandidateBot } from '../../src/bot/candidateBot.js';
import { renderDefault } from '../../src/channels/render.js';
import { en } from '../../src/messages/en.js';
import type { TurnEvent } from '../../src/bot/turnEvents.js';

let knowledge: Promise<KnowledgeBase> | undefined;
/** The shipped knowledge base, loaded once per test file. */
export const shippedKnowledge = (): Promise<KnowledgeBase> => (knowledge ??= loadKnowledgeBase('knowledge'));

export const silentLogger = () => pino({ level: 'silent' });

export const testConfig = (env: Record<string, string> = {}): Config => parseConfig({ NODE_ENV: 'test', ...env });

/** A CandidateBot on a TestAdapter, with the turn events it recorded. */
export async function botOnTestAdapter() {
  const kb = await shippedKnowledge();
  const events: TurnEvent[] = [];
  const bot = new CandidateBot({
    conversationState: new ConversationState(new MemoryStorage()),
    faq: kb.answerer,
    lookup: (id) => kb.index.get(id),
    messages: en,
    render: (reply) => renderDefault(reply),
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
