import { ConversationState, type Storage, type TurnContext } from 'botbuilder';
import type { Config } from './config.js';
import type { Logger } from './logging/logger.js';
import { createAdapter } from './bot/adapter.js';
import { CandidateBot } from './bot/candidateBot.js';
import { logTurnEvents, type TurnEventSink } from './bot/turnEvents.js';
import { renderDefault } from './channels/render.js';
import type { KnowledgeBase } from './knowledge/knowledgeBase.js';
import { en } from './messages/en.js';
import { createServer, type BotServer } from './server.js';
import type { Reply } from './channels/reply.js';
import { detectTask } from './understanding/taskIntent.js';
import { createTaskDialogs } from '../dialogs/index.js';

export interface AppParts {
  config: Config;
  logger: Logger;
  storage: Storage;
  knowledge: KnowledgeBase;
  /** The clock; tests pass a fixed one. */
  clock: () => Date;
  /** Where turn events go; the log by default. */
  events?: TurnEventSink;
}

/**
 * Wires the parts into a bot and an HTTP server. The composition root (index.ts) decides which
 * concrete parts to pass; tests pass their own.
 */
export function buildBot({ config, logger, storage, knowledge, clock, events }: AppParts): CandidateBot {
  const conversationState = new ConversationState(storage);
  const render = (reply: Reply) => renderDefault(reply);
  const dialogs = createTaskDialogs({
    policy: knowledge.policy,
    catalogue: knowledge.catalogue,
    messages: en,
    faq: knowledge.answerer,
    lookup: (id) => knowledge.index.get(id),
    render,
  });
  return new CandidateBot({
    conversationState,
    faq: knowledge.answerer,
    lookup: (id) => knowledge.index.get(id),
    messages: en,
    render,
    events: events ?? logTurnEvents(logger),
    tasks: { dialogs, detect: detectTask },
    clock,
    defaultZone: config.DEFAULT_TIMEZONE,
  });
}

export function buildApp(parts: AppParts) {
  const { config, logger, storage, knowledge } = parts;
  const adapter = createAdapter(config, logger, en.turnError);
  const bot = buildBot(parts);
  const onTurn = (context: TurnContext) => bot.run(context);
  const http: BotServer = createServer({
    adapter,
    onTurn,
    logger,
    readiness: [
      { name: 'knowledge', check: async () => knowledge.index.entries.length > 0 },
      {
        name: 'storage',
        check: async () => {
          await storage.read(['readyz-probe']);
          return true;
        },
      },
    ],
  });
  return { adapter, bot, onTurn, http };
}
