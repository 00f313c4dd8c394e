import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

export const faqFrontMatterSchema = z
  .object({
    id,
    lang: z.enum(['en', 'es']),
    question: z.string().min(5),
    /** The entry's title on a button (did-you-mean, related questions): the full question is often too long. */
    button: z.string().min(3).max(40, 'must be at most 40 characters: it is a button title (the full question stays in `question`)'),
    alternates: z.array(z.string().min(3)).min(8, 'needs at least 8 alternate phrasings'),
    // Editors write tags such as 609 bare; YAML reads those as numbers, which is not their intent.
    tags: z.array(z.union([z.string(), z.number()]).transform(String).pipe(z.string().min(2))).min(1),
    related: z.array(id).default([]),
    /** The answer ends by offering to work out the candidate's own case with this guided task. */
    offer: z.object({ task: z.string().min(2), text: z.string().min(10) }).strict().optional(),
    source: z.object({
      title: z.string().min(3),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').optional(),
      file: z.string().optional(),
      url: z.string().url().optional(),
    }),
  })
  .strict();

export interface FaqEntry extends z.infer<typeof faqFrontMatterSchema> {
  /** The answer in light Markdown; its first paragraph answers on its own. */
  answer: string;
  /** Path the entry was loaded from, for error messages and kb:check. */
  file: string;
}

/** The first paragraph: a complete short answer, used where space is scarce. */
export function shortAnswer(entry: FaqEntry): string {
  return entry.answer.split(/\n\s*\n/)[0]?.trim() ?? entry.answer;
}
