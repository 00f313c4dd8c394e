import { randomUUID } from 'node:crypto';
import { ActivityTypes } from 'botframework-schema';
import { TurnContext } from 'botbuilder-core';
import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { Reply } from '../conversation/reply.js';
import { sendToTeams, type TeamsSendFailure } from '../channels/teams/proactive.js';
import { DIRECTLINE_SERVICE_URL } from '../channels/web/directLineRoutes.js';
import type { Logger } from '../logging/logger.js';
import { loggableConversationId } from '../logging/redact.js';
import type { CandidateDelivery, DeliveryResult } from './types.js';

/** An adapter that can run a turn on a stored conversation (built-in Direct Line, Twilio). */
export interface ProactiveAdapter {
  continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface DeliveryDeps {
  /** The Bot Framework adapter: Azure channels (Teams, Web Chat on Azure Direct Line, Azure SMS). */
  botAdapter: CloudAdapter;
  appId: string;
  /** The built-in Direct Line, when the web channel runs it. */
  directLine?: ProactiveAdapter;
  /** Twilio, when SMS comes straight from Twilio; `serviceUrl` tells its conversations apart. */
  twilio?: { adapter: ProactiveAdapter; serviceUrl: string };
  render: (reply: Reply, context: TurnContext) => Partial<Activity>;
  logger: Logger;
  /** Teams retry tuning, for tests. */
  teams?: { retries?: number; sleep?: (ms: number) => Promise<void>; maxWaitMs?: number };
  /**
   * Longest a delivery may take (default 8 s). Staff actions hold the conversation's turn lock while
   * they deliver, so a channel that hangs must not hold the candidate's next message for long.
   */
  deadlineMs?: number;
  /**
   * The bot's turn (the app's turn runner), for `resume`: the candidate's message left unanswered at
   * a hand-back is run through it as if just sent. Absent: `resume` is not offered.
   */
  turn?: (context: TurnContext) => Promise<void>;
}

const teamsReasons: Record<TeamsSendFailure, string> = {
  'bot-removed': 'Teams refused it: the bot was removed from this chat or blocked by the candidate',
  'conversation-gone': 'Teams says this conversation no longer exists',
  'rate-limited': 'Teams is limiting how fast we send; try again in a minute',
  'teams-unavailable': 'Teams could not be reached; try again in a minute',
  rejected: 'Teams rejected the message',
};

/**
 * Delivers a staff message into the candidate's own conversation, through the adapter that owns it,
 * rendered for its channel. A failure comes back as a reason for the agent, never as silence.
 */
export function createCandidateDelivery(deps: DeliveryDeps): CandidateDelivery {
  const log = deps.logger.child({ component: 'handoff-delivery' });

  const sendThrough = async (adapter: ProactiveAdapter, reference: Partial<ConversationReference>, reply: Reply, channel: string): Promise<DeliveryResult> => {
    let sentId: string | undefined;
    await inProactiveTurn(
      (logic) => adapter.continueConversation(reference, logic),
      async (context) => {
        const response = await context.sendActivity(message(deps.render(reply, context)));
        sentId = response?.id;
      },
    );
    // The SMS opt-out step answers for a message it dropped with an empty id: the candidate texted STOP.
    if (channel === 'sms' && !sentId) return { delivered: false, reason: 'the candidate has opted out of text messages (STOP)' };
    return { delivered: true };
  };

  const deadlineMs = deps.deadlineMs ?? 8000;
  // Within the deadline: one retry, and no waiting out a long Retry-After.
  const teams = { retries: 1, maxWaitMs: Math.floor(deadlineMs / 3), ...deps.teams };

  const attempt = async (reference: Partial<ConversationReference>, reply: Reply): Promise<DeliveryResult> => {
    const channel = reference.channelId ?? '';
    try {
      if (reference.serviceUrl === DIRECTLINE_SERVICE_URL) {
        if (!deps.directLine) return { delivered: false, reason: 'the web chat this candidate used is not running on this service' };
        return await sendThrough(deps.directLine, reference, reply, channel);
      }
      if (deps.twilio && reference.serviceUrl === deps.twilio.serviceUrl) return await sendThrough(deps.twilio.adapter, reference, reply, 'sms');
      if (channel === 'msteams') {
        const activity = message(deps.render(reply, renderingContext(deps.botAdapter, reference)));
        const result = await sendToTeams(deps.botAdapter, reference, activity, { appId: deps.appId, logger: deps.logger, ...teams });
        return result.delivered ? { delivered: true } : { delivered: false, reason: `${teamsReasons[result.reason]}${result.status ? ` (${result.status})` : ''}` };
      }
      let sent = false;
      await inProactiveTurn(
        (logic) => deps.botAdapter.continueConversationAsync(deps.appId, reference, logic),
        async (context) => {
          await context.sendActivity(message(deps.render(reply, context)));
          sent = true;
        },
      );
      return sent ? { delivered: true } : { delivered: false, reason: 'the channel did not accept the message' };
    } catch (error) {
      const detail = describe(error);
      log.warn({ channel, conversationId: loggableConversationId(reference.conversation?.id), reason: detail }, 'staff message not delivered');
      return { delivered: false, reason: `the ${channelName(channel)} channel refused it: ${detail}` };
    }
  };

  /** The adapter that owns the conversation runs `logic` in it, as `attempt` chooses (Teams goes through the bot adapter). */
  const runIn = (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> => {
    if (reference.serviceUrl === DIRECTLINE_SERVICE_URL) {
      if (!deps.directLine) throw new Error('the web chat this candidate used is not running on this service');
      return deps.directLine.continueConversation(reference, logic);
    }
    if (deps.twilio && reference.serviceUrl === deps.twilio.serviceUrl) return deps.twilio.adapter.continueConversation(reference, logic);
    return deps.botAdapter.continueConversationAsync(deps.appId, reference, logic);
  };

  const turn = deps.turn;
  return {
    ...(turn
      ? {
          async resume(reference: Partial<ConversationReference>, text: string) {
            await inProactiveTurn(
              (logic) => runIn(reference, logic),
              async (context) => {
                // The proactive turn's activity becomes the candidate's message: from them, to the bot, new.
                Object.assign(context.activity, {
                  type: ActivityTypes.Message,
                  id: `resumed-${randomUUID()}`,
                  text,
                  from: reference.user ?? context.activity.from,
                  recipient: reference.bot ?? context.activity.recipient,
                  timestamp: new Date(),
                });
                delete context.activity.name;
                delete context.activity.value;
                await turn(context);
              },
            );
          },
        }
      : {}),
    async deliver(reference, reply) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<DeliveryResult>((resolve) => {
        timer = setTimeout(
          () => resolve({ delivered: false, reason: `the ${channelName(reference.channelId ?? '')} channel did not answer within ${Math.round(deadlineMs / 1000)} s; it may still arrive` }),
          deadlineMs,
        );
      });
      try {
        return await Promise.race([attempt(reference, reply), late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

const message = (activity: Partial<Activity>): Partial<Activity> => ({ ...activity, type: activity.type ?? ActivityTypes.Message });

/**
 * Runs `send` in a proactive turn (`run` starts it) and raises its error here, after the turn. Left
 * inside the turn, the error would go to the adapter's onTurnError, which apologises to the candidate
 * for a turn they never took and swallows the failure, so the agent would learn nothing of why.
 */
async function inProactiveTurn(
  run: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  send: (context: TurnContext) => Promise<void>,
): Promise<void> {
  // A holder object: the callback runs out of sight of the type checker.
  const outcome: { failure?: { error: unknown } } = {};
  await run(async (context) => {
    try {
      await send(context);
    } catch (error) {
      outcome.failure = { error };
    }
  });
  if (outcome.failure) throw outcome.failure.error;
}

/** A context that only says which conversation a reply is for, so the renderer can choose its form. */
function renderingContext(adapter: CloudAdapter, reference: Partial<ConversationReference>): TurnContext {
  return new TurnContext(adapter, TurnContext.applyConversationReference({ type: ActivityTypes.Message }, reference, true));
}

function channelName(channel: string): string {
  return ({ msteams: 'Teams', sms: 'SMS', webchat: 'web chat', directline: 'web chat' } as Record<string, string>)[channel] ?? channel ?? 'chat';
}

/** Status and a short reason, never the message text. */
function describe(error: unknown): string {
  const status = (error as { statusCode?: number; status?: number }).statusCode ?? (error as { status?: number }).status;
  const text = error instanceof Error ? error.message : String(error);
  return `${status ? `${status} ` : ''}${text}`.slice(0, 200);
}
