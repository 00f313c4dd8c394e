import MiniSearch, { type SearchResult } from 'minisearch';
import type { FaqEntry } from './faqEntry.js';
import type { OutOfScopeTopic } from './outOfScope.js';
import { contentTerms, processTerm, tokenize } from './textProcessing.js';

export type IndexedTopic = { kind: 'faq'; entry: FaqEntry } | { kind: 'out-of-scope'; topic: OutOfScopeTopic };

export interface FaqHit {
  target: IndexedTopic;
  score: number;
  /** Share of the question's meaningful terms that this topic matched (0..1). */
  coverage: number;
}

interface IndexedDoc {
  id: string;
  question: string;
  alternates: string;
  answer: string;
  tags: string;
}

/**
 * Alternates carry the most weight: they are how candidates really ask. The answer body is long and
 * full of incidental words, so it only tips close calls.
 */
const boost = { question: 2, alternates: 2.5, tags: 1.5, answer: 0.6 };

export class FaqIndex {
  private readonly search: MiniSearch<IndexedDoc>;
  private readonly topics = new Map<string, IndexedTopic>();

  constructor(
    readonly entries: FaqEntry[],
    readonly outOfScope: OutOfScopeTopic[] = [],
  ) {
    this.search = new MiniSearch<IndexedDoc>({
      fields: ['question', 'alternates', 'answer', 'tags'],
      storeFields: [],
      tokenize,
      processTerm,
      searchOptions: {
        boost,
        combineWith: 'OR',
        // Typos in longer words only: fuzzy-matching "a5" or "fee" would invent matches.
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        prefix: (term) => term.length >= 4,
        weights: { fuzzy: 0.45, prefix: 0.35 },
      },
    });
    for (const entry of entries) this.topics.set(entry.id, { kind: 'faq', entry });
    for (const topic of outOfScope) this.topics.set(`out-of-scope:${topic.id}`, { kind: 'out-of-scope', topic });
    this.search.addAll([
      ...entries.map((entry) => ({
        id: entry.id,
        question: entry.question,
        alternates: entry.alternates.join(' \n '),
        answer: entry.answer,
        tags: entry.tags.join(' '),
      })),
      ...outOfScope.map((topic) => ({
        id: `out-of-scope:${topic.id}`,
        question: '',
        alternates: topic.phrasings.join(' \n '),
        answer: '',
        tags: '',
      })),
    ]);
  }

  get(id: string): FaqEntry | undefined {
    const topic = this.topics.get(id);
    return topic?.kind === 'faq' ? topic.entry : undefined;
  }

  query(text: string, limit = 5): FaqHit[] {
    const terms = new Set(contentTerms(text));
    if (terms.size === 0) return [];
    const results: SearchResult[] = this.search.search(text);
    return results.slice(0, limit).flatMap((result) => {
      const target = this.topics.get(String(result.id));
      if (!target) return [];
      const matched = new Set(result.queryTerms);
      const covered = [...terms].filter((term) => matched.has(term)).length;
      return [{ target, score: result.score, coverage: covered / terms.size }];
    });
  }
}
