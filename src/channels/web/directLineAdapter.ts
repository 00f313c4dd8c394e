import { ActivityTypes } from 'botframework-schema';
import { BotAdapter, TurnContext } from 'botbuilder-core';
import type { Activity, ConversationReference, ResourceResponse } from 'botbuilder';
import type { Logger } from '../../logging/logger.js';
import { spokenFor, type SpokenText } from '../../language/turnLanguage.js';
import type { DirectLineStore } from './directLineStore.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The bot side of the built-in Direct Line endpoint: turns run in this process, and whatever the bot
 * sends is appended to the conversation in the store, where any instance's poll or stream finds it.
 * No Bot Connector hop, so no serviceUrl back to ourselves, no JWTs to mint or check, and no
 * dependence on which port or host this instance is reachable at.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly store: DirectLineStore,
    private readonly logger: Logger,
    private readonly sorry: SpokenText,
  ) {
    super();
    this.onTurnError = async (context, error) => {
      logger.error({ err: error, conversationId: context.activity.conversation?.id, activityId: context.activity.id }, 'turn failed');
      // Straight to the store: the turn's own send handlers (which may hold replies) died with it.
      const apology = TurnContext.applyConversationReference(
        { type: ActivityTypes.Message, text: spokenFor(this.sorry, context) },
        TurnContext.getConversationReference(context.activity),
      );
      try {
        await this.sendActivities(context, [apology]);
      } catch (sendError) {
        logger.warn({ err: sendError }, 'could not tell the user about the failed turn');
      }
    };
  }

  /** Runs one incoming activity through the middleware and `logic` (the bot's turn). */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) throw new Error('directline: cannot send without a conversation id');
    const responses: ResourceResponse[] = [];
    let batch: Partial<Activity>[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const outgoing = batch.map((activity) => ({
        ...activity,
        from: { ...activity.from, id: activity.from?.id ?? context.activity.recipient?.id ?? 'bot', ...speakerOf(activity), role: 'bot' },
      }));
      batch = [];
      const { ids } = await this.store.append(conversationId, outgoing);
      responses.push(...ids.map((id) => ({ id })));
    };
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await flush();
        await sleep(typeof activity.value === 'number' ? activity.value : 1000);
        responses.push({ id: '' });
      } else if (activity.type === ActivityTypes.InvokeResponse || activity.type === ActivityTypes.Trace) {
        // Nothing a Direct Line client reads; invokes are not accepted from clients anyway.
        await flush();
        responses.push({ id: '' });
      } else {
        batch.push(activity);
      }
    }
    await flush();
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new Error('directline: updating a sent activity is not supported (Direct Line clients never see updates)');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('directline: deleting a sent activity is not supported (Direct Line clients never see deletes)');
  }

  /** Proactive messages (a staff reply, a handback): a turn on an event, like CloudAdapter's. */
  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.processActivity(activity, logic);
  }
}

/**
 * A staff message is sent through the bot's account (Direct Line has no third member), under the
 * person's name and an id of its own, so clients show it as another speaker rather than the bot.
 */
function speakerOf(activity: Partial<Activity>): { id?: string; name?: string } {
  const speaker = (activity.channelData as { speaker?: { kind?: unknown; name?: unknown } } | undefined)?.speaker;
  if (speaker?.kind !== 'agent' || typeof speaker.name !== 'string') return {};
  return { id: staffSpeakerId(activity.from?.id ?? 'bot', speaker.name), name: speaker.name };
}

/** The id a member of staff speaks (and types) under in a Direct Line conversation. */
export const staffSpeakerId = (botId: string, name: string): string => `${botId}/staff/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
