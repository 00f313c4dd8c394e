import type { Storage, TurnContext } from 'botbuilder';
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
import { ConsistentConversationState } from './storage/consistentConversationState.js';
import { MemoryTurnGate, type TurnGate } from './storage/turnGate.js';
import { createTurnRunner } from './bot/turnRunner.js';

export interface AppParts {
  config: Config;
  logger: Logger;
  storage: Storage;
  knowledge: KnowledgeBase;
  /** The clock; tests pass a fixed one. */
  clock: () => Date;
  /** Where turn events go; the log by default. */
  events?: TurnEventSink;
  /** Serialises turns per conversation; in-process by default, Redis across instances. */
  gate?: TurnGate;
  /** Is the store reachable? For /readyz. Default: a read succeeds. */
  storeReady?: () => Promise<boolean>;
}

/**
 * Wires the parts into a bot and an HTTP server. The composition root (index.ts) decides which
 * concrete parts to pass; tests pass their own.
 */
export function buildBot({ config, logger, storage, knowledge, clock, events }: AppParts) {
  const conversationState = new ConsistentConversationState(storage);
  const render = (reply: Reply) => renderDefault(reply);
  const dialogs = createTaskDialogs({
    policy: knowledge.policy,
    catalogue: knowledge.catalogue,
    messages: en,
    faq: knowledge.answerer,
    lookup: (id) => knowledge.index.get(id),
    render,
  });
  const bot = new CandidateBot({
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
  return { bot, conversationState };
}

export function buildApp(parts: AppParts) {
  const { config, logger, storage, knowledge } = parts;
  const adapter = createAdapter(config, logger, en.turnError);
  const { bot, conversationState } = buildBot(parts);
  const onTurn: (context: TurnContext) => Promise<void> = createTurnRunner({
    gate: parts.gate ?? new MemoryTurnGate(),
    state: conversationState,
    turn: (context) => bot.run(context),
    withoutStore: (context) => bot.runWithoutStore(context),
    logger,
  });
  const http: BotServer = createServer({
    adapter,
    onTurn,
    logger,
    readiness: [
      { name: 'knowledge', check: async () => knowledge.index.entries.length > 0 },
      {
        name: 'storage',
        check:
          parts.storeReady ??
          (async () => {
            await storage.read(['readyz-probe']);
            return true;
          }),
      },
    ],
  });
  return { adapter, bot, onTurn, http };
}
