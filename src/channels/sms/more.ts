import { ActivityTypes } from 'botframework-schema';
import type { Activity, Middleware, Storage, TurnContext } from 'botbuilder';
import type { Logger } from '../../logging/logger.js';
import type { Language } from '../../language/languages.js';
import { smsEn, smsEs, type SmsMessages } from './messages.js';
import type { SmsChannelData, SmsMore } from './renderSms.js';
import { asksForMore, saysOnlyYes } from '../../understanding/textKeywords.js';
import { bestEffort } from './bestEffort.js';

// What MORE is, is the understanding layer's (the handoff reads it too); the channel answers it.
export { asksForMore } from '../../understanding/textKeywords.js';

/**
 * Short answers on SMS: renderSms sends a long answer as its first part and "Reply MORE for
 * details", with the rest in `channelData.more`. This middleware keeps that rest per conversation
 * and sends it when the candidate texts MORE. Only the last answer counts: a turn whose messages
 * carry no rest forgets the one kept, a later long answer replaces it, and the rest is sent once.
 * MORE with nothing kept gets a plain reply; the bot does not run for MORE either way, so a dialog
 * waiting (the offer after an answer, a task's question) is still waiting afterwards.
 *
 * Register it after SmsOutgoingMiddleware: the rest it sends then goes through the keywords
 * (opt-outs), numbered choices (its suggestions become numbers) and outgoing (plain text, split) steps.
 */

export interface StoredMore extends SmsMore {
  eTag?: string;
}

export const moreStorageKey = (channelId: string, conversationId: string): string => `sms-more/${channelId}/${conversationId}`;

/** MORE asked in Spanish ("MAS", "más detalles", "dígame más"). */
const SPANISH_MORE = /\b(?:m[aá]s|detalles|d[ií]game|dime)\b/;

/** A line number typed alone: "2", "#2", "2.", "option 2". */
const LINE_NUMBER = /^(?:#|option |number |no\.? ?)?\d{1,2}[.)]?$/;

const wordsOf = (text: string | undefined): string => (text ?? '').normalize('NFKC').toLowerCase();

export class SmsMoreMiddleware implements Middleware {
  private readonly channels: Set<string>;
  private readonly messages: SmsMessages;
  private readonly logger: Logger | undefined;
  private readonly languageOf: ((context: TurnContext) => Promise<Language | undefined>) | undefined;

  constructor(
    private readonly storage: Storage,
    options: {
      channels?: string[];
      messages?: SmsMessages;
      logger?: Logger;
      /** The conversation's language: "nothing more" is said in it (unknown: in the language MORE was asked in). */
      languageOf?: (context: TurnContext) => Promise<Language | undefined>;
    } = {},
  ) {
    this.channels = new Set(options.channels ?? ['sms']);
    this.messages = options.messages ?? smsEn;
    this.logger = options.logger;
    this.languageOf = options.languageOf;
  }

  /** "Nothing more" in the conversation's language, else in the language MORE was asked in ("MAS": Spanish). */
  private async messagesFor(context: TurnContext): Promise<SmsMessages> {
    const language = this.languageOf ? await this.languageOf(context).catch(() => undefined) : undefined;
    return (language ?? (SPANISH_MORE.test(wordsOf(context.activity.text)) ? 'es' : undefined)) === 'es' ? smsEs : this.messages;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const conversationId = activity.conversation?.id;
    if (!this.channels.has(activity.channelId) || !conversationId) return next();
    const key = moreStorageKey(activity.channelId, conversationId);

    // "2" when the last answer's numbered suggestions were held back for MORE: the candidate has
    // not seen any numbers, so no choice is picked (the dialog would take one never shown); the
    // rest goes out with its numbered lines, and "2" then means what it says.
    const heldBackNumbers = activity.type === ActivityTypes.Message && LINE_NUMBER.test((activity.text ?? '').trim().toLowerCase()) ? await this.read(key) : undefined;
    // "si" right after a short text whose only offer was "Reply MORE": that offer taken, never an
    // "¡De acuerdo!" that sends nothing (ut24). A short text with a question of its own keeps the yes for it.
    const offeredOnlyMore = activity.type === ActivityTypes.Message && saysOnlyYes(activity.text) ? await this.read(key) : undefined;
    if (activity.type === ActivityTypes.Message && (asksForMore(activity.text) || heldBackNumbers?.choices?.length || offeredOnlyMore?.yesIsMore)) {
      const kept = heldBackNumbers ?? offeredOnlyMore ?? (await this.read(key));
      if (!kept?.text) {
        await context.sendActivity({ type: ActivityTypes.Message, text: (await this.messagesFor(context)).nothingMore, textFormat: 'plain', channelData: { keepChoices: true } satisfies SmsChannelData });
        return;
      }
      await this.forget(key);
      const rest: Partial<Activity> = { type: ActivityTypes.Message, text: kept.text, textFormat: 'plain' };
      // Its own numbered lines replace the ones remembered; without any, a question's choices still stand.
      rest.channelData = (kept.choices?.length ? { choices: kept.choices } : { keepChoices: true }) satisfies SmsChannelData;
      await context.sendActivity(rest);
      return;
    }

    // undefined: no message this turn (keep what is stored); null: messages, none with a rest.
    let latest: SmsMore | null | undefined;
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (let i = 0; i < activities.length; i++) {
        const outgoing = activities[i]!;
        if (outgoing.type !== ActivityTypes.Message) continue;
        const more = (outgoing.channelData as SmsChannelData | undefined)?.more;
        if (more) latest = more;
        else if (latest === undefined) latest = null;
        activities[i] = withoutMore(outgoing);
      }
      return sendNext();
    });

    await next();
    if (latest) await this.remember(key, latest);
    else if (latest === null) await this.forget(key);
  }

  private read(key: string): Promise<StoredMore | undefined> {
    return bestEffort(this.logger, 'sms: could not read the rest of the last answer', async () => (await this.storage.read([key]))[key] as StoredMore | undefined);
  }

  private async remember(key: string, more: SmsMore): Promise<void> {
    await bestEffort(this.logger, 'sms: could not keep the rest of the answer for MORE', () =>
      this.storage.write({ [key]: { text: more.text, choices: more.choices, ...(more.yesIsMore ? { yesIsMore: true as const } : {}), eTag: '*' } satisfies StoredMore }),
    );
  }

  private async forget(key: string): Promise<void> {
    await bestEffort(this.logger, 'sms: could not forget the rest of the last answer', () => this.storage.delete([key]));
  }
}

/** The activity without the rest (every part of a split message carries the same channelData). */
function withoutMore(activity: Partial<Activity>): Partial<Activity> {
  const channelData = activity.channelData as (SmsChannelData & Record<string, unknown>) | undefined;
  if (!channelData || !('more' in channelData)) return activity;
  const { more: _more, ...rest } = channelData;
  const copy: Partial<Activity> = { ...activity, channelData: rest };
  if (Object.keys(rest).length === 0) delete copy.channelData;
  return copy;
}
