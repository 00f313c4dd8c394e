// Conversation tests over the production wiring: the application `npm start` runs (composeApplication),
// on a loopback port, reached through /api/messages by a local stand-in for the Bot Connector (the
// same one `npm run chat` uses). What a test sees here is what a candidate's channel sees: middleware,
// turn runner, accounts, handoff and the channel's rendering included.

import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { expect } from 'vitest';
import type { TurnEvent } from '../../src/bot/turnEvents.js';
import type { Logger } from '../../src/logging/logger.js';
import { startLocalConnector, type LocalConnector } from '../../src/cli/localConnector.js';
import { composeApplication, type ComposedApplication, type ComposeOptions } from '../../src/composition.js';
import { smsEn, smsEs } from '../../src/channels/sms/messages.js';
import { StaffClient } from '../handoff/support.js';
import { testClock, type TestClock } from './accountBot.js';
import { check, type Expected } from './expected.js';
import { fixedNow, shippedKnowledge, silentLogger, testConfig } from './testApp.js';

export { all, buttons, not, type Expected } from './expected.js';

export type Channel = 'webchat' | 'sms' | 'msteams';

export interface StartBotOptions {
  /** The clock: a fixed time (the test clock starts there) or a clock the test moves; default {@link fixedNow}. */
  now?: Date | TestClock;
  /** Environment over NODE_ENV=test, parsed by the one config schema. */
  env?: Record<string, string>;
  /** Parts to leave out, as composeApplication takes them. */
  without?: ComposeOptions['without'];
  /** The log the application writes to (e.g. one a test reads); default silent. */
  logger?: Logger;
}

export interface ConversationOptions {
  channel?: Channel;
  /** The candidate's time zone, as Web Chat sends it (`localTimezone`). */
  zone?: string;
  /** The candidate's channel id (on SMS, a phone number); a fresh one by default. */
  from?: string;
}

/** What the bot sent back for one activity. */
export interface Said {
  /** Every activity the bot sent to the conversation during the turn (typing included). */
  activities: Array<Partial<Activity>>;
  /** The text of every reply, joined by a blank line. On SMS the choices are numbered lines here. */
  text: string;
  /** Suggested-action titles, in order (none on SMS). */
  buttons: string[];
}

export interface Conversation {
  id: string;
  channel: Channel;
  /** Sends a message (text, or an activity merged over a message) and returns the turn's replies. */
  say(userSays: string | Partial<Activity>): Promise<Said>;
  /** What reached the candidate between turns (staff messages, proactive notices), in order. */
  between: Array<Partial<Activity>>;
}

export interface RunningBot {
  /** The bot server's base URL (POST /api/messages, /staff, Web Chat). */
  url: string;
  clock: TestClock;
  /** Every turn event, in order. */
  events: TurnEvent[];
  app: ComposedApplication['app'];
  store: ComposedApplication['store'];
  /** Present when the staff console is wired (HANDOFF_MODE=console with demo staff). */
  staff?: {
    password: string;
    /** A member of staff (agent1, agent2, supervisor) signed in to the console's API. */
    signIn(username?: string): Promise<StaffClient>;
  };
  conversation(options?: ConversationOptions): Conversation;
  /** Closes the bot (server, streams, store) and the connector; nothing is left open. */
  close(): Promise<void>;
}

let started = 0;

/** The application as `npm start` composes it, on 127.0.0.1 with a free port, a test clock and a silent log (unless given one). */
export async function startBot(options: StartBotOptions = {}): Promise<RunningBot> {
  const clock = typeof options.now === 'function' ? options.now : testClock(options.now ?? fixedNow);
  const events: TurnEvent[] = [];
  const composed = await composeApplication(testConfig(options.env), {
    logger: options.logger ?? silentLogger(),
    clock,
    knowledge: await shippedKnowledge(),
    events: (event) => events.push(event),
    ...(options.without ? { without: options.without } : {}),
  });
  const { app } = composed;
  let connector: LocalConnector | undefined;
  try {
    await new Promise<void>((resolve) => app.http.server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
    connector = await startLocalConnector(url);
    const between = new Map<string, Array<Partial<Activity>>>();
    connector.onUnprompted = (activity) => between.get(activity.conversation?.id ?? '')?.push(activity);
    const bot = ++started;
    let conversations = 0;
    const password = composed.staffPassword;
    return {
      url,
      clock,
      events,
      app,
      store: composed.store,
      ...(password && app.handoff?.mode === 'console'
        ? {
            staff: {
              password,
              async signIn(username = 'agent1') {
                const client = new StaffClient(url);
                const response = await client.login(username, password);
                if (response.status !== 200) throw new Error(`staff sign-in as ${username} answered ${response.status}`);
                return client;
              },
            },
          }
        : {}),
      conversation: (opts = {}) => {
        const conversation = openConversation(connector!, clock, opts, `${bot}-${++conversations}`);
        between.set(conversation.id, conversation.between);
        return conversation;
      },
      close: async () => {
        await connector?.close();
        await composed.close();
      },
    };
  } catch (error) {
    await connector?.close();
    await composed.close();
    throw error;
  }
}

/** The fields a channel puts on every activity of one conversation. */
function channelFields(channel: Channel, tag: string, from: string | undefined): Partial<Activity> {
  if (channel === 'sms') {
    // As the Twilio adapter makes them: the conversation is the candidate's number.
    const number = from ?? `+1555${String(1_000_000 + Number(tag.replace(/\D/g, '')) * 7).slice(-7)}`;
    return {
      channelId: 'sms',
      from: { id: number, name: '' },
      recipient: { id: '+15550109999', name: '' },
      conversation: { id: number, isGroup: false, name: '', conversationType: 'personal' },
    };
  }
  if (channel === 'msteams') {
    return {
      channelId: 'msteams',
      from: { id: from ?? `29:candidate-${tag}`, name: 'Candidate', aadObjectId: `aad-${tag}` },
      recipient: { id: '28:candidate-assistant', name: 'Candidate Assistant' },
      conversation: { id: `a:teams-${tag}`, isGroup: false, name: '', conversationType: 'personal', tenantId: 'test-tenant' },
      channelData: { tenant: { id: 'test-tenant' } },
    };
  }
  return {
    channelId: 'webchat',
    from: { id: from ?? `dl_candidate-${tag}`, name: 'Candidate' },
    recipient: { id: 'candidate-assistant', name: 'Candidate Assistant' },
    conversation: { id: `webchat-${tag}`, isGroup: false, name: '', conversationType: 'personal' },
  };
}

function openConversation(connector: LocalConnector, clock: () => Date, options: ConversationOptions, tag: string): Conversation {
  const channel = options.channel ?? 'webchat';
  const fields = channelFields(channel, tag, options.from);
  let sent = 0;
  return {
    id: fields.conversation!.id,
    channel,
    between: [],
    async say(userSays) {
      const activity: Partial<Activity> = {
        type: 'message',
        id: `${tag}-${++sent}`,
        locale: 'en-US',
        timestamp: clock(),
        ...(options.zone ? { localTimezone: options.zone } : {}),
        ...fields,
        ...(typeof userSays === 'string' ? { text: userSays } : userSays),
      };
      const { status, replies } = await connector.send(activity);
      if (status < 200 || status >= 300) throw new Error(`POST /api/messages answered ${status}`);
      const messages = replies.filter((reply) => reply.type === 'message');
      return {
        activities: replies,
        text: messages.map((reply) => reply.text ?? '').join('\n\n'),
        buttons: messages.flatMap((reply) => (reply.suggestedActions?.actions ?? []).map((action) => String(action.title))),
      };
    },
  };
}

/** The line a shortened SMS reply ends its short part with, in English or Spanish (src/channels/sms/messages.ts). */
const SMS_MORE_HINT = new RegExp([smsEn.moreHint, smsEs.moreHint].map((hint) => hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** One turn of a transcript: what the candidate says (text, or a whole activity) and what the reply must show. */
export type Turn = [userSays: string | Partial<Activity>, botReplyMustShow: Expected];

export interface TranscriptOptions extends StartBotOptions, Omit<ConversationOptions, 'channel'> {
  /** Run the same transcript on each channel (a fresh conversation each); default ['webchat']. */
  channels?: Channel[];
  /** A bot already started (its events and clock are shared); otherwise one is started and closed. */
  bot?: RunningBot;
  /**
   * Go on in this conversation of `bot` (its channel; `channels` is then not used), e.g. after the
   * test moved the clock or looked at the store between turns.
   */
  conversation?: Conversation;
}

export interface TranscriptRun {
  channel: Channel;
  results: Said[];
}

/**
 * Runs the turns in order on one conversation per channel, checking each reply. A failure names the
 * channel, the turn and what was said, and shows the whole reply. On SMS, `buttons(...)` is checked
 * against the numbered lines of the text, and a shortened reply that does not show what is expected
 * is read with its rest: the runner texts MORE, as the candidate would (that turn's `Said` holds both).
 */
export async function runTranscript(turns: Turn[], options: TranscriptOptions = {}): Promise<{ events: TurnEvent[]; runs: TranscriptRun[] }> {
  if (options.conversation && !options.bot) throw new Error('runTranscript: a conversation goes on only with the bot it belongs to');
  const bot = options.bot ?? (await startBot(options));
  try {
    const runs: TranscriptRun[] = [];
    for (const channel of options.conversation ? [options.conversation.channel] : (options.channels ?? ['webchat'])) {
      const conversation =
        options.conversation ?? bot.conversation({ channel, ...(options.zone ? { zone: options.zone } : {}), ...(options.from ? { from: options.from } : {}) });
      const results: Said[] = [];
      for (const [index, [userSays, expected]] of turns.entries()) {
        let said = await conversation.say(userSays);
        try {
          expect(said.activities.filter((activity) => activity.type === 'message').length, 'the bot said nothing').toBeGreaterThan(0);
          try {
            check(said, expected, { numberedChoices: channel === 'sms' });
          } catch (error) {
            // On SMS every reply is held to two segments; what a transcript expects may be in the rest,
            // which the candidate gets by texting MORE (the bot does not run for it: nothing waiting changes).
            if (channel !== 'sms' || !SMS_MORE_HINT.test(said.text)) throw error;
            const rest = await conversation.say('MORE');
            said = { activities: [...said.activities, ...rest.activities], text: `${said.text}\n\n${rest.text}`, buttons: [...said.buttons, ...rest.buttons] };
            check(said, expected, { numberedChoices: true });
          }
        } catch (error) {
          throw new Error(describeFailure(channel, index, userSays, said, error as Error));
        } finally {
          results.push(said);
        }
      }
      runs.push({ channel, results });
    }
    return { events: bot.events, runs };
  } finally {
    if (!options.bot) await bot.close();
  }
}

function describeFailure(channel: Channel, index: number, userSays: string | Partial<Activity>, said: Said, error: Error): string {
  const what = JSON.stringify(typeof userSays === 'string' ? userSays : userSays.text);
  return (
    `${channel}, turn ${index + 1}, after the candidate said ${what}:\n${error.message}\n--- the bot said ---\n${said.text}` +
    (said.buttons.length ? `\n[buttons: ${said.buttons.join(' | ')}]` : '')
  );
}
