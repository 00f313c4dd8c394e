import type MiniSearch from 'minisearch';

/** One topic a query found: the sum of its terms' scores times the number of different terms matched. */
export interface TermSearchResult {
  id: string;
  score: number;
  /** The query's terms this topic matched, each once, in the order asked. */
  terms: string[];
}

interface TermHit {
  id: string;
  score: number;
}

/**
 * A MiniSearch OR query, term by term: a query's score for a document is the sum of its terms'
 * scores (a repeated word counted each time), times the number of different terms that matched,
 * exactly as `MiniSearch.search` combines them. A term's scores depend only on the term and the
 * documents, which never change once the index is built, so each term is searched once and kept:
 * most questions are made of words asked before, and the search (fuzzy and prefix matching above
 * all) is the costly part of answering one.
 */
export class TermSearch {
  private readonly kept = new Map<string, TermHit[]>();

  /** `search` must not change after this is made: kept results would no longer be its. */
  constructor(
    private readonly search: MiniSearch,
    /** Terms whose results are kept; past it they are forgotten and searched again (a flood of typos cannot grow it without end). */
    private readonly keep = 20_000,
  ) {}

  /** The documents the (already processed) terms find, best first; ties in the order found. */
  query(terms: readonly string[]): TermSearchResult[] {
    const found = new Map<string, TermSearchResult>();
    for (const term of terms) {
      for (const hit of this.hits(term)) {
        const seen = found.get(hit.id);
        if (!seen) found.set(hit.id, { id: hit.id, score: hit.score, terms: [term] });
        else {
          seen.score += hit.score;
          if (!seen.terms.includes(term)) seen.terms.push(term);
        }
      }
    }
    const results = [...found.values()];
    for (const result of results) result.score *= result.terms.length;
    return results.sort((a, b) => b.score - a.score);
  }

  private hits(term: string): TermHit[] {
    let hits = this.kept.get(term);
    if (!hits) {
      if (this.kept.size >= this.keep) this.kept.clear();
      hits = this.search.search(term, { tokenize: asOneTerm, processTerm: asIs }).map((result) => ({ id: String(result.id), score: result.score }));
      this.kept.set(term, hits);
    }
    return hits;
  }
}

const asOneTerm = (term: string): string[] => [term];
const asIs = (term: string): string => term;
