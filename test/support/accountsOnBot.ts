// The account assistant over the production wiring: startBot (composeApplication; demo accounts as
// `npm start` reads them, or the HTTP source when `env` sets ACCOUNT_API_URL; handoff, turn runner)
// with a clock the test moves, closed when the test ends. Several conversations on one bot share its
// store, so links, lock-outs and conversation state meet as they do in production. Transcripts go
// through the one runner (runTranscript).

import type { Activity } from 'botbuilder';
import type { BoundedMemoryStorage } from '../../src/storage/memoryStorage.js';
import { onTestFinished, vi } from 'vitest';
import { DemoAccountService } from '../../src/account/demoAccountService.js';
import { testClock, WEB_AUDIENCE, WEB_ISSUER, WEB_SECRET } from './accountBot.js';
import {
  runTranscript,
  startBot,
  type Conversation,
  type ConversationOptions,
  type RunningBot,
  type Said,
  type StartBotOptions,
  type Turn,
} from './conversation.js';

export interface AccountsBot extends RunningBot {
  /** The store's raw items (key -> JSON), to look for what must never be kept. */
  /** What the store holds now, by key, as stored JSON. */
  held: () => Record<string, string>;
  /** Everything the store holds, as one string. */
  stored(): string;
  /** The stored account link of a conversation (JSON), if any. */
  link(conversation: Conversation): string | undefined;
  /** The stored conversation state of a conversation (JSON), if any. */
  state(conversation: Conversation): string | undefined;
}

export interface AccountsBotOptions {
  /** Check website tokens (HS256, the test website's secret, issuer and audience), as WEB_IDENTITY_* configure. */
  webIdentity?: true;
  /** Where the clock starts; default the fixed time of conversation tests. */
  start?: Date;
  /** More environment (e.g. ACCOUNT_API_* for the HTTP source), over the web identity settings. */
  env?: Record<string, string>;
  /** The application's log, as startBot takes it; default silent. */
  logger?: StartBotOptions['logger'];
}

const owners = new WeakMap<Conversation, RunningBot>();

/** Starts the bot for the running test; it is closed when the test finishes. */
export async function startAccountsBot(options: AccountsBotOptions = {}): Promise<AccountsBot> {
  const env = {
    ...(options.webIdentity ? { WEB_IDENTITY_SECRET: WEB_SECRET, WEB_IDENTITY_ISSUER: WEB_ISSUER, WEB_IDENTITY_AUDIENCE: WEB_AUDIENCE } : {}),
    ...options.env,
  };
  const bot = await startBot({
    now: testClock(options.start),
    ...(Object.keys(env).length ? { env } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  onTestFinished(() => bot.close());
  // The demo store is memory storage (no REDIS_URL): what it holds, as stored JSON, read fresh each time.
  const storage = bot.store.storage as BoundedMemoryStorage;
  const held = () => storage.held();
  const key = (conversation: Conversation) => `${conversation.channel}/${conversation.id}`;
  const open = bot.conversation;
  return Object.assign(bot, {
    held,
    stored: () => Object.entries(held()).map(([k, value]) => `${k}=${value}`).join('\n'),
    link: (conversation: Conversation) => held()[`account-link/${key(conversation)}`],
    state: (conversation: Conversation) => held()[`${conversation.channel}/conversations/${conversation.id}/`],
    conversation: (opts?: ConversationOptions) => {
      const conversation = open(opts);
      owners.set(conversation, bot);
      return conversation;
    },
  });
}

/** Runs turns in order on a conversation of an accounts bot, through runTranscript; returns each turn's replies. */
export async function transcript(conversation: Conversation, turns: Turn[]): Promise<Said[]> {
  const bot = owners.get(conversation);
  if (!bot) throw new Error('transcript: not a conversation of startAccountsBot');
  const { runs } = await runTranscript(turns, { bot, conversation });
  return runs[0]!.results;
}

/** The choices a turn offered as the old harness listed them: each suggested action's title, then its value. */
export const choices = (said: Said): string[] =>
  said.activities.flatMap((activity: Partial<Activity>) =>
    (activity.suggestedActions?.actions ?? []).flatMap((action) => [String(action.title), String(action.value)]),
  );

/** Watches the demo account service's cancellations for the running test (every instance: the bot makes its own). */
export function spyOnCancellations() {
  const spy = vi.spyOn(DemoAccountService.prototype, 'cancelAppointment');
  onTestFinished(() => spy.mockRestore());
  return spy;
}
