import { ActivityTypes } from 'botframework-schema';
import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';
import { plainSmsText } from './renderSms.js';
import { splitForSms, type SplitOptions } from './segments.js';

/**
 * The last step before an SMS leaves the bot, on whatever adapter carries it (the Azure SMS channel
 * included, which would pass Markdown and 3,000-character texts through as they are): plain GSM-7
 * text (Markdown from another renderer stripped, suggested actions as numbered lines), no cards, and
 * one activity per part when the text is long. Register it after NumberedChoicesMiddleware, which
 * must see the choices before they become lines of text.
 */
export class SmsOutgoingMiddleware implements Middleware {
  private readonly channels: Set<string>;
  private readonly split: SplitOptions;

  constructor(options: { channels?: string[]; split?: SplitOptions } = {}) {
    this.channels = new Set(options.channels ?? ['sms']);
    this.split = options.split ?? {};
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!this.channels.has(context.activity.channelId)) return next();
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      const out: Partial<Activity>[] = [];
      for (const activity of activities) {
        if (activity.type !== ActivityTypes.Message) {
          out.push(activity);
          continue;
        }
        const parts = splitForSms(plainSmsText(activity), this.split);
        const { suggestedActions: _actions, attachments: _attachments, attachmentLayout: _layout, ...rest } = activity;
        for (const part of parts) out.push({ ...rest, text: part, textFormat: 'plain' });
      }
      if (out.length === 0) return activities.map((): ResourceResponse => ({ id: '' }));
      activities.splice(0, activities.length, ...out);
      return sendNext();
    });
    await next();
  }
}
