import type { Activity, Storage, TurnContext } from 'botbuilder';
import type { Logger } from '../../logging/logger.js';
import type { Reply } from '../../conversation/reply.js';
import { SmsKeywordsMiddleware, type SmsKeywordsOptions } from './keywords.js';
import { SmsMoreMiddleware } from './more.js';
import { NumberedChoicesMiddleware } from './numberedChoices.js';
import { SmsOutgoingMiddleware } from './outgoing.js';
import { renderSms } from './renderSms.js';
import type { SplitOptions } from './segments.js';
import { turnLanguage } from '../../language/turnLanguage.js';
import { smsEn, smsEs } from './messages.js';

export { countSegments, foldToGsm7, isGsm7 } from './gsm7.js';
export { detectKeyword, OptOutStore, SmsKeywordsMiddleware, type SmsKeywordsOptions } from './keywords.js';
export { smsEn, smsEs, withoutUcs2Accents, type SmsMessages } from './messages.js';
export { asksForMore, moreStorageKey, SmsMoreMiddleware } from './more.js';
export { mountTwilioSms, type MountTwilioSmsDeps } from './mountTwilio.js';
export { NumberedChoicesMiddleware, pickChoice } from './numberedChoices.js';
export { SmsOutgoingMiddleware } from './outgoing.js';
export { maskNumber } from './phone.js';
export { plainSmsText, renderSms, renderSmsShort, renderSmsText, SHORT_SEGMENTS, stripMarkdown } from './renderSms.js';
export { splitForSms } from './segments.js';
export { TwilioSendError, TwilioSmsAdapter, type TwilioSmsAdapterOptions } from './twilioAdapter.js';

/** The SMS channel's id, on the Azure SMS channel and on the Twilio webhook alike. */
export const SMS_CHANNEL_ID = 'sms';

export const isSms = (context: TurnContext): boolean => context.activity.channelId === SMS_CHANNEL_ID;

/** Wraps another renderer: SMS turns get renderSms, every other channel what `fallback` makes. */
export function withSmsRendering(
  fallback: (reply: Reply, context: TurnContext) => Partial<Activity>,
): (reply: Reply, context: TurnContext) => Partial<Activity> {
  // In the turn's language: its hints, and Spanish spelt for GSM-7.
  return (reply, context) => (isSms(context) ? renderSms(reply, (reply.language ?? turnLanguage(context)) === 'es' ? smsEs : smsEn) : fallback(reply, context));
}

/**
 * The SMS middlewares in the order they must run: keywords first (STOP is never read as an answer,
 * and its drop of outgoing messages sees everything), then numbered choices (which must see the
 * choices before they become text), then the outgoing step (plain GSM-7 text, long texts split),
 * then MORE (last: the rest it sends on MORE goes through all three; it keeps the rest of a long answer).
 * `adapter.use()` them on every adapter that carries SMS: the CloudAdapter (Azure's `sms` channel)
 * and TwilioSmsAdapter. Each does nothing on other channels.
 */
export function smsMiddleware(
  storage: Storage,
  options: { logger?: Logger; keywordReplies?: boolean; split?: SplitOptions; languageOf?: SmsKeywordsOptions['languageOf']; onOptOut?: SmsKeywordsOptions['onOptOut'] } = {},
) {
  return [
    new SmsKeywordsMiddleware(storage, {
      logger: options.logger,
      reply: options.keywordReplies,
      ...(options.languageOf ? { languageOf: options.languageOf } : {}),
      ...(options.onOptOut ? { onOptOut: options.onOptOut } : {}),
    }),
    new NumberedChoicesMiddleware(storage, { logger: options.logger }),
    new SmsOutgoingMiddleware({ split: options.split }),
    new SmsMoreMiddleware(storage, { logger: options.logger, ...(options.languageOf ? { languageOf: options.languageOf } : {}) }),
  ] as const;
}
