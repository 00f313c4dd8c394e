import { z } from 'zod';
import type { LiveEvent } from './types.js';

const line = z.object({
  id: z.string(),
  at: z.string(),
  from: z.enum(['candidate', 'bot', 'agent', 'system']),
  text: z.string(),
  agent: z.string().optional(),
  delivery: z.enum(['sent', 'failed']).optional(),
  failure: z.string().optional(),
});

/** Live events as they arrive from another instance: checked, never trusted. */
export const liveEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('case'), caseId: z.string(), status: z.enum(['queued', 'active', 'closed']), owner: z.string().optional() }),
  z.object({ type: z.literal('line'), caseId: z.string(), owner: z.string().optional(), line }),
  z.object({ type: z.literal('typing'), caseId: z.string(), conversationKey: z.string().max(300), name: z.string().max(100), stopped: z.boolean().optional() }),
]);

export const parseLiveEvent = (raw: unknown): LiveEvent | undefined => {
  const parsed = liveEventSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
};
