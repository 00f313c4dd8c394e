import type { Middleware, TurnContext } from 'botbuilder';

/**
 * Tells `onFailed` (by channel) about every reply or proactive message a channel did not take; the
 * error goes on as before (the turn's own error handling still sees it).
 */
export const replyFailureMiddleware = (onFailed: (channel: string) => void): Middleware => ({
  onTurn: async (context: TurnContext, next: () => Promise<void>) => {
    context.onSendActivities(async (sending, _activities, send) => {
      try {
        return await send();
      } catch (error) {
        onFailed(sending.activity.channelId ?? 'unknown');
        throw error;
      }
    });
    await next();
  },
});
