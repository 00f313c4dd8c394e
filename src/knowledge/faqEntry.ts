import { z } from 'zod';
import { rememberingRecent } from './recentTexts.js';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

/** A test code as the catalogue writes it ("A1", "T2", "G1"). */
const testCode = z.string().regex(/^[A-Z]\d{1,2}$/, 'must be a test code such as A1 or T2');

/**
 * One of several questions an entry answers ("what does it take to be a Master Technician" beside
 * "do I still hold it"), with its own first sentence: the answer to that question, then the entry's
 * body without the entry's own first sentence.
 */
export const faqFacetSchema = z
  .object({
    id,
    lead: z.string().trim().min(10, 'must be the first sentence that answers this facet\'s question'),
    /**
     * The lead in fewer words, for a text message: where the lead with the question the answer closes
     * on does not fit two SMS segments, the text says this instead (its key fact whole, never a lead
     * cut between words), and MORE sends the whole answer. Facts only the lead states, in short.
     */
    short: z.string().trim().min(10).max(190, 'must leave room in two SMS segments for "Reply MORE" and the question the answer closes on').optional(),
    alternates: z.array(z.string().min(3)).min(3, 'needs at least 3 alternate phrasings'),
    /**
     * Phrasings that ask this facet only right after the entry's answer (or while its task waits):
     * out of that context they ask something else ("how long until i can rebook" is a change of
     * appointment, after the missed-appointment answer it is buying the test again). Not indexed:
     * they never move the ranking, only the follow-up's reading (and the facet chosen).
     */
    afterAnswer: z.array(z.string().min(3)).optional(),
    /**
     * Which test the question names decides this facet, whatever its words: `except` when it names a
     * test outside the list ("is the T2 in Spanish?"), `only` when every test it names is in the list.
     */
    /** false: this question is not the entry's task, so its answer does not end with the entry's offer. */
    offer: z.boolean().default(true),
    /**
     * Which paragraphs of the entry's answer follow the lead (1 is the first), when the others answer
     * other questions: after "is my unscheduled test still good?", the 90-day paragraph, not "Arriving
     * late counts the same as missing it". Without it, the whole answer but its first sentence follows.
     */
    paragraphs: z.array(z.number().int().min(1)).min(1).optional(),
    tests: z.union([z.object({ except: z.array(testCode).min(1) }).strict(), z.object({ only: z.array(testCode).min(1) }).strict()]).optional(),
    /**
     * Tests named in words decide it as a code does ("what about the truck tests?" names tests
     * outside A1-A8 as "T2" would): whole words, unless one of `notNamedBy` holds the same words
     * ("light truck" is the Automobile/Light Truck series). Only beside `tests`.
     */
    namedBy: z.array(z.string().trim().min(3)).optional(),
    notNamedBy: z.array(z.string().trim().min(3)).optional(),
    /**
     * Words that, once the entry is known, say this facet was asked, whatever else the question
     * holds ("didnt schedule" in the missed-appointment entry: the 90-day window, not the no-show).
     * Whole words; not indexed, so they never move which entry answers, only its first sentence.
     */
    chosenBy: z.array(z.string().trim().min(3)).optional(),
    /**
     * true: only `chosenBy` chooses this facet, never its phrasings' words. For a facet whose
     * question differs from another's by a number ("cancel the day before" against "cancel a month
     * before"): its alternates still say which entry answers, but their words would choose it for both.
     */
    onlyChosenBy: z.boolean().optional(),
    /**
     * More phrasings of this facet's question, weighed only once the entry is known, against the
     * entry's own alternates: not indexed, so they never move which entry answers (a phrasing added to
     * `alternates` changes every entry's scores a little, and questions near a threshold with them).
     */
    askedAs: z.array(z.string().trim().min(3)).optional(),
  })
  .strict();

export type FaqFacet = z.infer<typeof faqFacetSchema>;

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
    /**
     * What this answer changes about the next one: a question answered right after it by one of
     * `entries` leads with `lead` ("ok can I book my test now?" right after the ADA answer: not until
     * the request is approved, then the scheduling answer). One row per caveat the source gives.
     */
    caveats: z.array(z.object({ entries: z.array(id).min(1), lead: z.string().trim().min(10) }).strict()).optional(),
    facets: z
      .array(faqFacetSchema)
      .min(1, 'lists at least one facet when present')
      .optional()
      .superRefine((facets, ctx) => {
        const seen = new Set<string>();
        for (const [i, facet] of (facets ?? []).entries()) {
          if (seen.has(facet.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate facet id "${facet.id}"` });
          seen.add(facet.id);
        }
      }),
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
  /** Set when `answer` was shaped for one facet's question (see {@link withFacet}). */
  facet?: string;
  /** The facet's lead in fewer words, for SMS (the facet's `short`). */
  short?: string;
}

/** An answer's paragraphs: the blocks between blank lines, as written (the first answers on its own). */
export const paragraphsOf = (answer: string): string[] => answer.split(/\n\s*\n/);

/** The answer's first sentence: its first paragraph up to the first full stop, question or exclamation mark. */
const FIRST_SENTENCE = /^[\s\S]*?[.!?](?=\s|$)/;

/**
 * The entry as answered for one facet's question: the facet's lead, then the entry's answer without
 * its own first sentence (which answers another question: "No: Master Technician status lasts only
 * while..." is wrong for "how many tests do I need for master"). Same id, so everything that follows
 * up an entry still works.
 */
export function withFacet(entry: FaqEntry, facet: FaqFacet): FaqEntry {
  const [first = '', ...rest] = paragraphsOf(entry.answer);
  const remainder = first.trim().replace(FIRST_SENTENCE, '').trim();
  const kept = [remainder, ...rest].filter((_paragraph, i) => !facet.paragraphs || facet.paragraphs.includes(i + 1));
  const body = kept.filter((paragraph) => paragraph.trim()).join('\n\n');
  const { offer, ...unoffered } = entry;
  return {
    ...unoffered,
    ...(facet.offer && offer ? { offer } : {}),
    answer: body ? `${facet.lead.trim()}\n\n${body}` : facet.lead.trim(),
    facet: facet.id,
    ...(facet.short ? { short: facet.short } : {}),
  };
}

/**
 * Words that carry no fact of their own, in both languages: two sentences that share only these do
 * not say the same thing, and a restatement that swaps a few of them ("the test itself with the
 * Cancel Test option" for "the test itself with Cancel Test") still says it again.
 */
const FUNCTION_WORDS = new Set(
  `the and for that this with you your are was any all its also then than but not can may from into
  use using please per etc
  una uno unos unas que las los del por para con sus como pero más mas vez también tambien este esta
  ese esa favor usted puede`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words of a sentence (and its numbers: "90 days"), roughly stemmed (their first five letters), for telling whether one says another again. */
const roughWords = (text: string): Set<string> =>
  new Set(
    (text.toLowerCase().match(/[\p{L}\p{N}$][\p{L}\p{N}$.]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [])
      .filter((word) => (word.length >= 3 || /\d/.test(word)) && !FUNCTION_WORDS.has(word))
      .map((word) => word.slice(0, 5)),
  );

/** A later sentence says an earlier one again when this share of its words are that one's. */
const RESTATES = 0.8;

/** Sentences shorter than this (in words that carry a fact) are never taken for restatements. */
const MIN_WORDS = 5;

/** The share of `words` that `other` holds. */
const shareIn = (words: Set<string>, other: Set<string>): number => [...words].filter((word) => other.has(word)).length / words.size;

/**
 * The answer as sent, every sentence said once: a later sentence goes when it only says the
 * answer's first sentence again (a facet's lead, or a caveat put first, often sums up a paragraph
 * or two of the body: "To cancel a test, cancel its appointment first..." then "To cancel a test,
 * first cancel any existing appointment..."), or when it and one earlier sentence each hold the
 * other's words (the body's "you have 90 days from the original date of purchase" after the first
 * paragraph's 90 days). Only near-identical, both ways: "You can download and review it from the
 * ASE website" after "...review the booklets from the ASE website..." names another document. A
 * line that introduces a list ("To work out what to study:") stays, and a list item or paragraph
 * left empty goes. `caveat`: a sentence the answer given just before puts first (knowledge
 * `caveats`), read as a second lead; it is sent first, in the first paragraph.
 */
export function withoutRestatements(answer: string, caveat?: string): string {
  return caveat ? restatementsLeftOut(`${caveat.trim()}${CAVEAT_MARK}${answer}`) : restatementsLeftOut(answer);
}

/** Between a caveat and its answer in the text remembered (a character no answer holds). */
const CAVEAT_MARK = '\u0000';

// Kept per answer text: an answer is sent many times and its sentences compared word by word each time.
const restatementsLeftOut = rememberingRecent((text: string): string => {
  const [caveat, answer = text] = text.includes(CAVEAT_MARK) ? text.split(CAVEAT_MARK) : [undefined, text];
  const [first = '', ...rest] = paragraphsOf(answer);
  const lead = first.trim().match(FIRST_SENTENCE)?.[0] ?? first.trim();
  // A lead may sum up several sentences of the body: a sentence whose words it holds says it again.
  const leads = [lead, caveat ?? ''].filter(Boolean).map(roughWords);
  // The sentences kept after the lead, as words.
  const said: Array<Set<string>> = [];
  const restates = (sentence: string): boolean => {
    const words = roughWords(sentence);
    if (words.size < MIN_WORDS || sentence.trim().endsWith(':')) return false;
    if (leads.some((summary) => shareIn(words, summary) >= RESTATES)) return true;
    return said.some((earlier) => shareIn(words, earlier) >= RESTATES && shareIn(earlier, words) >= RESTATES);
  };
  const keep = (paragraph: string): string =>
    paragraph
      .split('\n')
      .map((line) => {
        const [, bullet = '', body = line] = line.match(/^(\s*(?:[-*]|\d+\.)\s+)(.*)$/) ?? [];
        const sentences = body.split(/(?<=[.!?])\s+/).filter((sentence) => {
          if (restates(sentence)) return false;
          said.push(roughWords(sentence));
          return true;
        });
        return sentences.length ? bullet + sentences.join(' ') : '';
      })
      .filter((line) => line.trim())
      .join('\n');
  // The caveat is said as it is, and the answer's lead after it unless it only says the caveat again.
  const leadWords = roughWords(lead);
  const leadAgain = caveat !== undefined && leadWords.size >= MIN_WORDS && shareIn(leadWords, roughWords(caveat)) >= RESTATES;
  const firstRest = first.trim().slice(lead.length).trim();
  const head = [caveat, leadAgain ? '' : lead, keep(firstRest)].filter(Boolean).join(' ');
  return [head, ...rest.map(keep)].filter((paragraph) => paragraph.trim()).join('\n\n');
}, 256);

/** The first paragraph: a complete short answer, used where space is scarce. */
export function shortAnswer(entry: FaqEntry): string {
  return paragraphsOf(entry.answer)[0]?.trim() ?? entry.answer;
}
