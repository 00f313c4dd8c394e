import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import { loggableConversationId } from '../logging/redact.js';
import type { Logger } from '../logging/logger.js';
import { isEtagConflict, type ConsistentConversationState, type Prefetched } from '../storage/consistentConversationState.js';
import { isStoreUnavailable } from '../storage/storageErrors.js';
import type { TurnGate } from '../storage/turnGate.js';
import { checkAdmission } from './admission.js';

export interface TurnRunnerDeps {
  gate: TurnGate;
  state: ConsistentConversationState;
  /** The bot's turn: reads state, replies, saves state (throws on an eTag conflict). */
  turn: (context: TurnContext) => Promise<void>;
  /** What to do when the store cannot be reached: answer what needs no state. */
  withoutStore: (context: TurnContext) => Promise<void>;
  logger: Logger;
  maxAttempts?: number;
  /**
   * Sees the turn's replies as they are sent, while its state can still change (they are held until
   * it is saved), e.g. to keep the conversation's recent lines for a handoff transcript.
   */
  observeReplies?: (context: TurnContext, activities: Partial<Activity>[]) => Promise<void>;
}

/**
 * Runs each turn alone for its conversation and exactly once: the gate serialises turns; an activity
 * id the conversation's state already holds is a redelivery and is skipped, and a turn's id is saved
 * in the same atomic write as its state (a crash leaves nothing, or a seen turn); replies are held until the turn's state is saved, so a turn that meets an
 * eTag conflict is re-run from fresh state without the candidate seeing anything twice; a store that
 * is down degrades to stateless answers rather than an error.
 */
export function createTurnRunner(deps: TurnRunnerDeps): (context: TurnContext) => Promise<void> {
  const maxAttempts = deps.maxAttempts ?? 5;

  // Activities answered without state, remembered here (the store was down, so it could not be
  // there): a redelivery of one to this instance after the store is back is not answered twice.
  const answeredWithoutStore = new Map<string, true>();
  const rememberAnswered = (key: string) => {
    answeredWithoutStore.set(key, true);
    if (answeredWithoutStore.size > 10_000) answeredWithoutStore.delete(answeredWithoutStore.keys().next().value as string);
  };
  /** Per turn: did any of its replies leave (then nothing may answer the activity again). */
  const repliesSent = new WeakSet<TurnContext>();

  /** Runs the turn (unless this activity was already processed); says whether it ran. */
  const runHoldingReplies = async (context: TurnContext, activityId: string | undefined, prefetched: Promise<Prefetched> | undefined): Promise<boolean> => {
    let held: Partial<Activity>[][] = [];
    let holding = true;
    context.onSendActivities(async (ctx, activities, next) => {
      if (!holding) return next();
      held.push(activities);
      await deps.observeReplies?.(ctx, activities);
      // Prompts look at `responded` to decide whether to re-prompt; held replies count as sent.
      ctx.responded = true;
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
    try {
      for (let attempt = 1; ; attempt++) {
        held = [];
        try {
          // The state read the gate sent with its lock command (first attempt only: a re-run reads anew).
          if (attempt === 1) {
            // The rate limit's verdict was sent beside the lock: both arrive in one round trip.
            const [, read] = await Promise.all([checkAdmission(context), prefetched]);
            if (read) deps.state.install(context, read);
          }
          if (activityId) {
            // Read with the state (no extra round trip); recorded in the same write as the state.
            if (await deps.state.hasSeen(context, activityId)) return false;
            deps.state.markSeen(context, activityId);
          }
          await deps.turn(context);
          // A turn that changed nothing has not written: the seen id still must be.
          await deps.state.saveChanges(context);
          break;
        } catch (error) {
          if (!isEtagConflict(error) || attempt >= maxAttempts) {
            // The failed turn's own replies are dropped (its state was not saved either); what the
            // adapter says about the failure must reach the candidate, so stop holding.
            holding = false;
            throw error;
          }
          deps.logger.info({ conversationId: loggableConversationId(context.activity.conversation?.id), attempt }, 'state changed under this turn; running it again');
          deps.state.forget(context);
        }
      }
    } finally {
      // Items read ahead with the state that the turn did not read are not kept for another turn.
      deps.state.done(context);
    }
    holding = false;
    if (held.length > 0) repliesSent.add(context);
    for (const batch of held) await context.adapter.sendActivities(context, batch);
    return true;
  };

  return async (context: TurnContext) => {
    const { activity } = context;
    const conversationKey = `${activity.channelId}/${activity.conversation?.id ?? ''}`;
    // Only messages are deduplicated: other activity types may legitimately reuse ids.
    const activityId = activity.type === 'message' ? activity.id : undefined;
    const answeredKey = activityId ? `${conversationKey}\u0000${activityId}` : undefined;
    // Only the log lines below need it (masking an SMS number is a regular expression per turn otherwise).
    const conversationId = () => loggableConversationId(activity.conversation?.id);
    if (answeredKey && answeredWithoutStore.has(answeredKey)) {
      deps.logger.info({ conversationId: conversationId(), activityId }, 'redelivered activity skipped (answered without state)');
      return;
    }
    try {
      const ran = await deps.gate.run(
        conversationKey,
        (prefetched) => runHoldingReplies(context, activityId, prefetched),
        () => deps.state.prefetch(context),
      );
      if (!ran) deps.logger.info({ conversationId: conversationId(), activityId }, 'redelivered activity skipped');
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      if (repliesSent.has(context)) {
        // The turn was answered; a store command after that failed. Answering again would double it.
        deps.logger.warn({ conversationId: conversationId(), reason: error.message }, 'store unavailable after the replies were sent; not answering again');
        return;
      }
      deps.logger.warn({ conversationId: conversationId(), reason: error.message }, 'store unavailable; answering without state');
      await checkAdmission(context);
      await deps.withoutStore(context);
      if (answeredKey) rememberAnswered(answeredKey);
    }
  };
}
