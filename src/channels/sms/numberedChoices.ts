import { ActivityTypes } from 'botframework-schema';
import type { Activity, Middleware, Storage, TurnContext } from 'botbuilder';
import type { Logger } from '../../logging/logger.js';
import { pickChoice as pickOne } from '../../understanding/choices.js';
import { choicesOf, type SmsChannelData, type SmsChoice } from './renderSms.js';
import { bestEffort } from './bestEffort.js';

/**
 * On SMS, choices are numbered lines. This middleware remembers the last ones sent in each
 * conversation and, when the candidate answers "2" (or "#2", "option 2", or the choice's own words),
 * hands the bot the choice's value instead, exactly as if a button had been tapped. The choices
 * come from `channelData.choices` (renderSms puts them there) or, for activities another renderer
 * made, from suggested actions; `channelData.choices` is removed before the activity leaves.
 *
 * What a turn sends decides what is remembered: the choices of its last message, or nothing when
 * that message offers none (so a later "2" answering "how many tests?" is left alone). A message
 * marked `keepChoices` (the rest sent on MORE) leaves what is remembered as it is.
 */

export interface StoredChoices {
  choices: SmsChoice[];
  eTag?: string;
}

export interface NumberedChoicesOptions {
  /** Channels whose turns are handled. Default: ['sms']. */
  channels?: string[];
  /** Where a store failure is reported; the turn goes on without the numbers (the bot still knows "1"/"2" for FAQ picks). */
  logger?: Logger;
}

/** The turn-state key under which the middleware leaves what it rewrote (for logs and tests). */
export const numberedChoiceKey = Symbol('smsNumberedChoice');

export interface NumberedChoicePick {
  /** What the candidate typed. */
  typed: string;
  choice: SmsChoice;
}

export const choicesStorageKey = (channelId: string, conversationId: string): string => `sms-choices/${channelId}/${conversationId}`;

/**
 * The choice an incoming text picks, if it picks one: its line number, or a choice's title or value
 * typed back. The one picker (src/understanding/choices.ts), in its exact-only form: the text is
 * rewritten before the bot reads it, so a loose match here would hide what the candidate wrote.
 */
export function pickChoice(text: string, choices: SmsChoice[]): SmsChoice | undefined {
  const inOrder = [...choices].sort((a, b) => a.n - b.n);
  // The lines are numbered 1, 2, 3...: a line's number is its position.
  if (inOrder.some((choice, i) => choice.n !== i + 1)) return undefined;
  return pickOne(text, inOrder, { exactOnly: true });
}

export class NumberedChoicesMiddleware implements Middleware {
  private readonly channels: Set<string>;
  private readonly logger: Logger | undefined;

  constructor(
    private readonly storage: Storage,
    options: NumberedChoicesOptions = {},
  ) {
    this.channels = new Set(options.channels ?? ['sms']);
    this.logger = options.logger;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const conversationId = activity.conversation?.id;
    if (!this.channels.has(activity.channelId) || !conversationId) return next();
    const key = choicesStorageKey(activity.channelId, conversationId);

    if (activity.type === ActivityTypes.Message && activity.text?.trim()) {
      const stored = await this.read(key);
      const choice = stored?.choices?.length ? pickChoice(activity.text, stored.choices) : undefined;
      if (choice) {
        context.turnState.set(numberedChoiceKey, { typed: activity.text, choice } satisfies NumberedChoicePick);
        activity.text = choice.value;
      }
    }

    // undefined: no message sent this turn (keep what is stored); [] : the last message offered nothing.
    let offered: SmsChoice[] | undefined;
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (let i = 0; i < activities.length; i++) {
        const outgoing = activities[i]!;
        if (outgoing.type !== ActivityTypes.Message) continue;
        const keep = (outgoing.channelData as SmsChannelData | undefined)?.keepChoices === true;
        if (!keep) offered = choicesOf(outgoing);
        activities[i] = withoutRecordedChoices(outgoing);
      }
      return sendNext();
    });

    await next();
    if (offered !== undefined) await this.remember(key, offered);
  }

  private read(key: string): Promise<StoredChoices | undefined> {
    return bestEffort(this.logger, 'sms: could not read the numbered choices; answering without them', async () => (await this.storage.read([key]))[key] as StoredChoices | undefined);
  }

  private async remember(key: string, offered: SmsChoice[]): Promise<void> {
    await bestEffort(this.logger, 'sms: could not remember the numbered choices', () =>
      offered.length ? this.storage.write({ [key]: { choices: offered, eTag: '*' } satisfies StoredChoices }) : this.storage.delete([key]),
    );
  }
}

function withoutRecordedChoices(activity: Partial<Activity>): Partial<Activity> {
  const channelData = activity.channelData as (SmsChannelData & Record<string, unknown>) | undefined;
  if (!channelData || !('choices' in channelData || 'keepChoices' in channelData)) return activity;
  const { choices: _choices, keepChoices: _keep, ...rest } = channelData;
  const copy: Partial<Activity> = { ...activity, channelData: rest };
  if (Object.keys(rest).length === 0) delete copy.channelData;
  return copy;
}
