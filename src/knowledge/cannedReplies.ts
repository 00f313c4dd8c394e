import path from 'node:path';
import { z } from 'zod';
import { KnowledgeError } from './loadFaq.js';
import { readOptionalYaml } from './outOfScope.js';

/** What a canned reply may leave for the console to fill in: the candidate's first name, the case's topic. */
export const CANNED_PLACEHOLDERS = ['firstName', 'topic'] as const;

/**
 * Replies staff insert in the console (type "/" in the reply box), per language:
 * knowledge/canned-replies.yaml. Content, like the FAQ: editors change it without touching code.
 */
export const cannedRepliesSchema = z
  .object({
    replies: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and "-"'),
          lang: z.enum(['en', 'es']),
          /** What the picker lists and filters on. */
          title: z.string().trim().min(2).max(60),
          /** The staff reply limit is 2,000 characters: room is left for the placeholders' values. */
          text: z.string().trim().min(2).max(1500),
        })
        .strict(),
    ),
  })
  .strict();

export type CannedReply = z.infer<typeof cannedRepliesSchema>['replies'][number];

/** The canned replies, or none when the knowledge base has no canned-replies.yaml. */
export async function loadCannedReplies(knowledgeDir: string): Promise<CannedReply[]> {
  const file = path.join(knowledgeDir, 'canned-replies.yaml');
  const data = await readOptionalYaml(file, cannedRepliesSchema);
  if (!data) return [];
  const seen = new Set<string>();
  for (const reply of data.replies) {
    const key = `${reply.lang}/${reply.id}`;
    if (seen.has(key)) throw new KnowledgeError(`${file}: replies: duplicate id "${reply.id}" for lang ${reply.lang}`);
    seen.add(key);
    for (const [, name] of reply.text.matchAll(/\{([^{}]*)\}/g)) {
      if (!(CANNED_PLACEHOLDERS as readonly string[]).includes(name ?? '')) {
        throw new KnowledgeError(`${file}: replies: ${reply.id} (${reply.lang}): unknown placeholder {${name}}; use ${CANNED_PLACEHOLDERS.map((p) => `{${p}}`).join(' or ')}`);
      }
    }
  }
  return data.replies;
}
