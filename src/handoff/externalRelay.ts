import type { TurnContext } from 'botbuilder';
import type { Reply } from '../conversation/reply.js';
import { handoffInitiation, readHandoffStatus } from './external.js';
import type { HandoffMessages } from '../messages/enHandoff.js';
import { caseSummary, topicOf, type HandoffContext, type HandoffRelay, type HandoffTurnData, type Leaving } from './relay.js';
import type { Language } from '../language/languages.js';
import { turnLanguage } from '../language/turnLanguage.js';

/**
 * HANDOFF_MODE=external: the Bot Framework handoff protocol. The bot sends `handoff.initiate` with the
 * transcript and steps aside; the contact centre (Dynamics 365 Omnichannel and the like) routes the
 * candidate to an agent and reports back with `handoff.status`.
 */
export class ExternalHandoffRelay implements HandoffRelay {
  constructor(private readonly messagesIn: (language: Language) => HandoffMessages) {}

  private messages(context: TurnContext): HandoffMessages {
    return this.messagesIn(turnLanguage(context));
  }

  async start(context: TurnContext, data: HandoffTurnData, about: HandoffContext, send: (reply: Reply) => Promise<void>): Promise<void> {
    await send({ text: this.messages(context).externalRequested });
    await context.sendActivity(
      handoffInitiation(context, {
        reason: about.reason,
        topic: topicOf(about) ?? this.messages(context).topic[about.reason],
        summary: caseSummary(data, about),
        transcript: data.recent ?? [],
        now: about.now,
      }),
    );
    data.handoff = { mode: 'external', since: about.now.toISOString() };
  }

  /** Until the desk says it is done, messages that still reach the bot are the desk's, not ours. */
  async during(context: TurnContext, data: HandoffTurnData, _text: string, leaving: Leaving, _now: Date, send: (reply: Reply) => Promise<void>): Promise<boolean> {
    if (data.handoff?.mode !== 'external') return false;
    // The desk may have someone on it already: only "back to the bot" itself leaves.
    if (leaving === true) {
      data.handoff = undefined;
      delete data.beforeHandoff;
      await send({ text: this.messages(context).left });
    }
    return true;
  }

  async onEvent(context: TurnContext, data: HandoffTurnData, _now: Date, send: (reply: Reply) => Promise<void>): Promise<boolean> {
    const status = readHandoffStatus(context.activity);
    if (!status) return false;
    if (data.handoff?.mode !== 'external') return true;
    if (status.state === 'failed') {
      data.handoff = undefined;
      await send({ text: this.messages(context).externalFailed });
    } else if (status.state === 'completed') {
      data.handoff = undefined;
      await send({ text: this.messages(context).externalCompleted });
    }
    return true;
  }
}
