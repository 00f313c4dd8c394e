import { ActivityTypes } from 'botframework-schema';
import type { Activity, Middleware, ResourceResponse, Storage, TurnContext } from 'botbuilder';
import type { Logger } from '../../logging/logger.js';
import type { Language } from '../../language/languages.js';
import { smsEn, smsEs, type SmsMessages } from './messages.js';
import { maskNumber, normaliseNumber } from './phone.js';
import { renderSms } from './renderSms.js';
import { detectKeyword, type Keyword } from '../../understanding/textKeywords.js';

// The keyword table is the understanding layer's (the handoff reads it too); the channel answers it.
export { detectKeyword, HELP_WORDS, OPT_IN_WORDS, OPT_OUT_WORDS, type Keyword } from '../../understanding/textKeywords.js';

/**
 * Carrier keywords (CTIA, and what Twilio itself honours). A message that is only one of these
 * words, in any case and with stray punctuation, is handled here and never reaches the bot:
 *
 * - STOP and the other opt-out words record the opt-out and send one confirmation (a second STOP
 *   gets none); from then on every outgoing message to that number is dropped, whoever sends it (the
 *   bot, a dialog, staff through a proactive turn), until the candidate opts back in.
 * - START / UNSTOP opt back in (and are answered); YES does only for a number that has opted out,
 *   since to everyone else it is an ordinary answer.
 * - HELP / INFO answer with who we are, how to reach a person and how to stop, opted out or not;
 *   then the bot answers too (help with the step the candidate is on).
 *
 * Anything else from an opted-out number is ignored: the bot does not run.
 */

/** Keywords that say the candidate's language: AYUDA, in a conversation with no language yet, is answered in Spanish. */
const SPANISH_WORDS = new Set(['AYUDA']);

export interface OptOutRecord {
  optedOut: true;
  /** The word the candidate sent. */
  keyword: string;
  /** ISO time it was recorded. */
  at: string;
  channelId: string;
  eTag?: string;
}

export const optOutStorageKey = (number: string): string => `sms-optout/${normaliseNumber(number)}`;

/** Reads and writes opt-outs; usable outside a turn (for example before staff send a proactive message). */
export class OptOutStore {
  constructor(private readonly storage: Storage) {}

  async isOptedOut(number: string): Promise<boolean> {
    const key = optOutStorageKey(number);
    const item = (await this.storage.read([key]))[key] as Partial<OptOutRecord> | undefined;
    return item?.optedOut === true;
  }

  async optOut(number: string, record: Omit<OptOutRecord, 'optedOut' | 'eTag'>): Promise<void> {
    await this.storage.write({ [optOutStorageKey(number)]: { ...record, optedOut: true, eTag: '*' } satisfies OptOutRecord });
  }

  /** Opting back in deletes the record: nothing about the number is kept once it is not needed. */
  async optIn(number: string): Promise<void> {
    await this.storage.delete([optOutStorageKey(number)]);
  }
}

export interface SmsKeywordsOptions {
  /** Channels whose turns are handled. Default: ['sms'] (the Azure SMS channel and the Twilio webhook both use it). */
  channels?: string[];
  messages?: SmsMessages;
  /**
   * Whether we answer the keywords ourselves. Twilio's default opt-out handling already answers
   * STOP/START/HELP on its numbers (and rejects our STOP confirmation with error 21610); turn this
   * off there to avoid a second START/HELP answer. The opt-out is recorded either way. Default true.
   */
  reply?: boolean;
  logger?: Logger;
  clock?: () => Date;
  /**
   * The conversation's language, read only for the keywords: a Spanish conversation is told in
   * Spanish that it stopped, started again, or how to get help. Unknown: the keyword's own language
   * (AYUDA is Spanish); failing: English.
   */
  languageOf?: (context: TurnContext) => Promise<Language | undefined>;
  /**
   * Called once when a number opts out (the turn goes no further): whatever the conversation was
   * waiting for ends, as "cancel" ends it on other channels. A bare CANCEL mid-question is how
   * carriers opt out, so the candidate meant to leave that question too; once they text START the
   * next message is read afresh, never as the answer to a question asked before they stopped.
   */
  onOptOut?: (context: TurnContext) => Promise<void>;
}

/** Turn-state key set while the turn's own keyword answer is being sent (it may go to an opted-out number). */
const keywordReplyKey = Symbol('smsKeywordReply');

export class SmsKeywordsMiddleware implements Middleware {
  readonly optOuts: OptOutStore;
  private readonly channels: Set<string>;
  private readonly messages: SmsMessages;
  private readonly reply: boolean;
  private readonly logger: Logger | undefined;
  private readonly clock: () => Date;
  private readonly languageOf: SmsKeywordsOptions['languageOf'];
  private readonly onOptOut: SmsKeywordsOptions['onOptOut'];

  constructor(storage: Storage, options: SmsKeywordsOptions = {}) {
    this.optOuts = new OptOutStore(storage);
    this.channels = new Set(options.channels ?? ['sms']);
    this.messages = options.messages ?? smsEn;
    this.reply = options.reply ?? true;
    this.logger = options.logger;
    this.clock = options.clock ?? (() => new Date());
    this.languageOf = options.languageOf;
    this.onOptOut = options.onOptOut;
  }

  /**
   * The keyword answers in the conversation's language (Spanish: smsEs; otherwise the configured
   * ones); a conversation with none yet is answered in the keyword's own (AYUDA: Spanish). The bot's
   * help after HELP chooses its language the same way, so the two agree.
   */
  private async messagesFor(context: TurnContext, keyword: Keyword): Promise<SmsMessages> {
    const language = this.reply && this.languageOf ? await this.languageOf(context).catch(() => undefined) : undefined;
    return (language ?? (SPANISH_WORDS.has(keyword.word) ? 'es' : undefined)) === 'es' ? smsEs : this.messages;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (!this.channels.has(activity.channelId)) return next();
    // On an incoming message `from` is the candidate; on a proactive (continuation) turn it is too.
    const number = activity.from?.id ? normaliseNumber(activity.from.id) : undefined;
    const incoming = activity.type === ActivityTypes.Message;

    // One read per turn for the candidate's own number; a store that cannot be read fails open for
    // a reply to the candidate's own message (they just wrote to us) and closed for anything else.
    let optedOut: boolean | undefined = number ? await this.readOptOut(number) : undefined;
    const statusOf = async (to: string): Promise<boolean> => {
      if (number && normaliseNumber(to) === number) return optedOut ?? !incoming;
      return (await this.readOptOut(to)) ?? true;
    };

    context.onSendActivities(async (ctx, activities, sendNext) => {
      if (ctx.turnState.get(keywordReplyKey)) return sendNext();
      const kept: Partial<Activity>[] = [];
      for (const outgoing of activities) {
        const to = outgoing.recipient?.id ?? number;
        if (to && (await statusOf(to))) continue;
        kept.push(outgoing);
      }
      if (kept.length === activities.length) return sendNext();
      this.logger?.info(
        { to: maskNumber(number), dropped: activities.length - kept.length },
        'sms: not sending to a number that has opted out',
      );
      const dropped: ResourceResponse[] = activities.map(() => ({ id: '' }));
      if (!kept.length) return dropped;
      activities.splice(0, activities.length, ...kept);
      return sendNext();
    });

    const keyword = incoming ? detectKeyword(activity.text) : undefined;
    if (!number || !keyword || (keyword.kind === 'optIn' && keyword.word === 'YES' && !optedOut)) {
      if (optedOut && incoming) {
        this.logger?.info({ from: maskNumber(number) }, 'sms: message from a number that has opted out; not answered');
        return;
      }
      return next();
    }

    switch (keyword.kind) {
      case 'optOut':
        // Already out: the one confirmation has been sent; nothing more goes to this number.
        if (optedOut) return;
        await this.optOuts.optOut(number, { keyword: keyword.word, at: this.clock().toISOString(), channelId: activity.channelId });
        optedOut = true;
        this.logger?.info({ from: maskNumber(number), keyword: keyword.word }, 'sms: opted out');
        await this.answer(context, (await this.messagesFor(context, keyword)).optedOut);
        await this.onOptOut?.(context).catch((error: Error) =>
          this.logger?.warn({ from: maskNumber(number), reason: error.message }, 'sms: could not end the conversation\'s waiting question on opt-out'),
        );
        return;
      case 'optIn':
        await this.optOuts.optIn(number);
        optedOut = false;
        this.logger?.info({ from: maskNumber(number), keyword: keyword.word }, 'sms: opted in');
        await this.answer(context, (await this.messagesFor(context, keyword)).optedIn);
        return;
      case 'help':
        // The carriers' notice first (who we are, how to stop); then the bot's own help, which is
        // about the step the candidate is on and asks its question again.
        await this.answer(context, (await this.messagesFor(context, keyword)).help);
        if (optedOut) return;
        return next();
    }
  }

  private async answer(context: TurnContext, text: string): Promise<void> {
    if (!this.reply) return;
    context.turnState.set(keywordReplyKey, true);
    try {
      await context.sendActivity(renderSms({ text }));
    } finally {
      context.turnState.delete(keywordReplyKey);
    }
  }

  private async readOptOut(number: string): Promise<boolean | undefined> {
    try {
      return await this.optOuts.isOptedOut(number);
    } catch (error) {
      this.logger?.warn({ to: maskNumber(number), reason: (error as Error).message }, 'sms: could not read the opt-out list');
      return undefined;
    }
  }
}
