import { z } from 'zod';
import type { TurnEvent } from './turnEvents.js';

/** The event a page sends when the candidate rates an answer (thumbs up or down). */
export const FEEDBACK_EVENT = 'webchat/feedback';
/** The event a page sends when the candidate adds a comment to a rating already sent (the vote is not counted again). */
export const FEEDBACK_COMMENT_EVENT = 'webchat/feedback-comment';
/** The event a page sends when the candidate answers "how was this chat?" (1 to 5). */
export const SATISFACTION_EVENT = 'webchat/satisfaction';

const entryId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\+[a-z0-9]+(?:-[a-z0-9]+)*)?$/).max(200);
/** A comment is free text: kept (masked) for the insights only, never in the event or the log. */
const comment = z.string().trim().max(500).optional();
const feedbackValue = z.object({ vote: z.enum(['up', 'down']), entryId: entryId.optional(), comment });
const commentValue = z.object({ vote: z.enum(['up', 'down']), entryId: entryId.optional(), comment: z.string().trim().min(1).max(500) });
const satisfactionValue = z.object({ score: z.number().int().min(1).max(5), after: z.enum(['handoff', 'goodbye']) });

/**
 * What a feedback or satisfaction event from a page says, as the turn event to record, or
 * undefined when the event is neither or its value is not what the page sends (a page cannot put
 * anything else into the record: only a vote, an FAQ entry id, a score and when it was asked).
 */
export function readFeedbackEvent(name: string | undefined, value: unknown): (Pick<TurnEvent, 'route' | 'feedback' | 'commentOn' | 'satisfaction'> & { comment?: string }) | undefined {
  if (name === FEEDBACK_COMMENT_EVENT) {
    const parsed = commentValue.safeParse(value);
    if (!parsed.success) return undefined;
    const { comment: text, ...commentOn } = parsed.data;
    return { route: 'feedback-comment', commentOn, comment: text };
  }
  if (name === FEEDBACK_EVENT) {
    const parsed = feedbackValue.safeParse(value);
    if (!parsed.success) return undefined;
    const { comment: text, ...feedback } = parsed.data;
    return { route: 'feedback', feedback, ...(text ? { comment: text } : {}) };
  }
  if (name === SATISFACTION_EVENT) {
    const parsed = satisfactionValue.safeParse(value);
    return parsed.success ? { route: 'satisfaction', satisfaction: parsed.data } : undefined;
  }
  return undefined;
}
