import MiniSearch from 'minisearch';
import type { FaqEntry } from './faqEntry.js';
import type { OutOfScopeTopic } from './outOfScope.js';
import { TermSearch } from './termSearch.js';
import { englishText, type TextPipeline } from './textProcessing.js';

export type IndexedTopic = { kind: 'faq'; entry: FaqEntry } | { kind: 'out-of-scope'; topic: OutOfScopeTopic };

export interface FaqHit {
  target: IndexedTopic;
  score: number;
  /** Share of the question's meaningful terms that this topic matched (0..1). */
  coverage: number;
  /** The question's terms this topic matched. */
  matched: string[];
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
const OUT_OF_SCOPE = 'out-of-scope:';

export interface FaqIndexOptions {
  /** A word the knowledge base never uses weighs like one found in this many topics. */
  unknownTermDf: number;
  /** Score factor for known-gap topics over FAQ entries. */
  outOfScopeBoost: number;
}

export const defaultIndexOptions: FaqIndexOptions = { unknownTermDf: 3, outOfScopeBoost: 1.6 };

const boost = { question: 2, alternates: 2.5, tags: 1.5, answer: 0.6 };

export class FaqIndex {
  private readonly terms: TermSearch;
  private readonly topics = new Map<string, IndexedTopic>();
  /** In how many topics each term occurs: rare terms say more about what was asked. */
  private readonly documentFrequency = new Map<string, number>();
  /** In how many FAQ entries (known gaps not counted) each term occurs. */
  private readonly entryFrequency = new Map<string, number>();

  constructor(
    readonly entries: FaqEntry[],
    readonly outOfScope: OutOfScopeTopic[] = [],
    private readonly options: FaqIndexOptions = defaultIndexOptions,
    /** The language's text pipeline: English unless given (the Spanish index passes its own). */
    readonly text: TextPipeline = englishText,
  ) {
    const { tokenize, processTerm, contentTerms } = text;
    const search = new MiniSearch<IndexedDoc>({
      fields: ['question', 'alternates', 'answer', 'tags'],
      storeFields: [],
      tokenize,
      processTerm,
      searchOptions: {
        boost,
        combineWith: 'OR',
        // Only words the knowledge base does not know are treated as typos or truncations: an exact hit
        // needs no fuzzy search (which is the costly part of a query), and short words like "a5" or
        // "fee" would match too much.
        fuzzy: (term) => (term.length >= 5 && !this.documentFrequency.has(term) ? 0.2 : false),
        prefix: (term) => term.length >= 4 && !this.documentFrequency.has(term),
        weights: { fuzzy: 0.45, prefix: 0.35 },
        // Known gaps are written as narrow phrasings; when one matches as well as a broad FAQ entry,
        // the narrow one is the likelier meaning.
        boostDocument: (id) => (String(id).startsWith(OUT_OF_SCOPE) ? this.options.outOfScopeBoost : 1),
      },
    });
    for (const entry of entries) this.topics.set(entry.id, { kind: 'faq', entry });
    for (const topic of outOfScope) this.topics.set(`${OUT_OF_SCOPE}${topic.id}`, { kind: 'out-of-scope', topic });
    const documents = [
      ...entries.map((entry) => ({
        id: entry.id,
        question: entry.question,
        // An entry's facets are its questions too: their phrasings find the entry, and FacetChooser
        // then picks which of its questions was asked.
        alternates: [...entry.alternates, ...(entry.facets ?? []).flatMap((facet) => facet.alternates)].join(' \n '),
        answer: entry.answer,
        tags: entry.tags.join(' '),
      })),
      // A topic reached by its cues ("birth certificate", "GRE") is not searched: its example
      // phrasings share words with real entries ("reschedule my dentist appointment").
      ...outOfScope.filter((topic) => !topic.cues?.length && !topic.cuesBesideAse?.length).map((topic) => ({
        id: `${OUT_OF_SCOPE}${topic.id}`,
        question: '',
        alternates: topic.phrasings.join(' \n '),
        answer: '',
        tags: '',
      })),
    ];
    search.addAll(documents);
    this.terms = new TermSearch(search);
    for (const doc of documents) {
      const terms = new Set(contentTerms(`${doc.question} ${doc.alternates} ${doc.answer} ${doc.tags}`));
      const isEntry = !doc.id.startsWith(OUT_OF_SCOPE);
      for (const term of terms) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        if (isEntry) this.entryFrequency.set(term, (this.entryFrequency.get(term) ?? 0) + 1);
      }
    }
  }

  /** In how many FAQ entries the (processed) term occurs: a known gap's own words occur in few. */
  entriesUsing(term: string): number {
    return this.entryFrequency.get(term) ?? 0;
  }

  get(id: string): FaqEntry | undefined {
    const topic = this.topics.get(id);
    return topic?.kind === 'faq' ? topic.entry : undefined;
  }

  /**
   * Inverse document frequency. A word the knowledge base never uses weighs like a rare one: a
   * question about "salary" is not answered by matching only its "master technician" part.
   */
  informativeness(term: string): number {
    const n = this.topics.size;
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + n / Math.max(df, this.options.unknownTermDf));
  }

  query(text: string, limit = 5): FaqHit[] {
    // The question is tokenised and its terms processed once, here; the index searches those terms as they are.
    const asked = this.text.contentTerms(text);
    if (asked.length === 0) return [];
    // Repeated words are searched as often as they were written (they weigh more), counted once for coverage.
    const results = this.terms.query(asked);
    const terms = [...new Set(asked)];
    const weights = terms.map((term) => this.informativeness(term));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return results.slice(0, limit).flatMap((result) => {
      const target = this.topics.get(String(result.id));
      if (!target) return [];
      const matched = new Set(result.terms);
      const covered = terms.reduce((sum, term, i) => (matched.has(term) ? sum + (weights[i] as number) : sum), 0);
      return [{ target, score: result.score, coverage: total > 0 ? covered / total : 0, matched: terms.filter((term) => matched.has(term)) }];
    });
  }
}

