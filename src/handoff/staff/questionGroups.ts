import { contentTerms } from '../../knowledge/textProcessing.js';
import type { UnansweredQuestion } from './insights.js';

/** The decision of a question the bot answered and the candidate rated "No" (did not help). */
export const RATED_NO = 'rated-no';

/**
 * Unanswered (and poorly rated) questions grouped by similarity, for editors: "can I bring my dog", "are dogs allowed
 * at the test center" and "dog at testing centre?" are one thing to teach, not three. Two questions
 * are alike when their content terms (the index's own stemming, synonyms and stop words, so the
 * grouping agrees with what the bot can match) overlap by at least half (Jaccard). Each question
 * joins the first group whose first question it is like; groups come biggest first.
 */
export interface QuestionGroup {
  /** The group's most frequent wording (the newest of equals): what the editor teaches. */
  text: string;
  count: number;
  /** The distinct wordings, most frequent first, with how often each was asked. */
  wordings: Array<{ text: string; count: number }>;
  /** How the bot decided on them (unknown, out-of-scope, clarify; rated-no: answered, and rated "No") and how often. */
  decisions: Record<string, number>;
  /** The entries whose answers to them were rated "No", and how often (only when some were). */
  ratedNo?: Record<string, number>;
  /** The newest time one was asked. */
  lastAt: string;
}

const SIMILAR = 0.5;

const jaccard = (a: Set<string>, b: Set<string>) => {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / (a.size + b.size - shared);
};

/** The key a wording is compared and marked by: lower case, single spaces, no end punctuation. */
export const wordingKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”]+|[\s?!.,"'“”]+$/g, '');

export function groupQuestions(questions: UnansweredQuestion[]): QuestionGroup[] {
  const groups: Array<{ terms: Set<string>; key: string; members: UnansweredQuestion[] }> = [];
  // Newest first, so each group's first question (its comparison point) is a recent wording.
  for (const question of [...questions].sort((a, b) => b.at.localeCompare(a.at))) {
    const key = wordingKey(question.text);
    const terms = new Set(contentTerms(question.text));
    const home = groups.find((group) => group.key === key || jaccard(group.terms, terms) >= SIMILAR);
    if (home) home.members.push(question);
    else groups.push({ terms, key, members: [question] });
  }
  return groups
    .map(({ members }) => {
      const wordings = new Map<string, { text: string; count: number }>();
      const decisions: Record<string, number> = {};
      const ratedNo: Record<string, number> = {};
      for (const member of members) {
        if (member.decision === RATED_NO) ratedNo[member.entryId ?? '-'] = (ratedNo[member.entryId ?? '-'] ?? 0) + 1;
        const key = wordingKey(member.text);
        const wording = wordings.get(key) ?? { text: member.text, count: 0 };
        wording.count += 1;
        wordings.set(key, wording);
        decisions[member.decision] = (decisions[member.decision] ?? 0) + 1;
      }
      const ranked = [...wordings.values()].sort((a, b) => b.count - a.count);
      return { text: ranked[0]!.text, count: members.length, wordings: ranked, decisions, ...(Object.keys(ratedNo).length ? { ratedNo } : {}), lastAt: members[0]!.at };
    })
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}
