import type { FaqEntry } from './faqEntry.js';
import type { FaqHit, FaqIndex } from './faqIndex.js';
import type { OutOfScopeTopic } from './outOfScope.js';

export type FaqDecision =
  | { kind: 'answer'; entry: FaqEntry; hit: FaqHit }
  | { kind: 'clarify'; candidates: FaqEntry[]; hits: FaqHit[] }
  | { kind: 'out-of-scope'; topic: OutOfScopeTopic; hits: FaqHit[] }
  | { kind: 'unknown'; suggestions: FaqEntry[]; hits: FaqHit[] };

export interface FaqThresholds {
  /** Below this score nothing is suggested at all. */
  suggestFloor: number;
  /** Minimum score for a confident answer. */
  answerFloor: number;
  /** Share of the question's meaningful words the best entry must match to be answered. */
  minCoverage: number;
  /** A clear winner (this many times the runner-up) may be answered with less coverage. */
  dominantMargin: number;
  dominantCoverage: number;
  /** The best entry must beat the runner-up by this factor, or the candidate is asked to choose. */
  margin: number;
}

export const defaultThresholds: FaqThresholds = {
  suggestFloor: 8,
  answerFloor: 8,
  minCoverage: 0.4,
  dominantMargin: 1.8,
  dominantCoverage: 0.35,
  margin: 1.3,
};

const normaliseQuestion = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const entriesOf = (hits: FaqHit[]): FaqEntry[] =>
  hits.flatMap((hit) => (hit.target.kind === 'faq' ? [hit.target.entry] : []));

/**
 * Turns raw scores into what a careful support agent would do: answer when sure, offer a short
 * choice when two answers are close, say plainly when the question is one the FAQ does not cover,
 * and admit not knowing rather than guess.
 */
export class FaqAnswerer {
  private readonly exact = new Map<string, FaqEntry>();

  constructor(
    private readonly index: FaqIndex,
    private readonly thresholds: FaqThresholds = defaultThresholds,
  ) {
    for (const entry of index.entries) this.exact.set(normaliseQuestion(entry.question), entry);
  }

  decide(text: string): FaqDecision {
    // A tapped button or a copied question is the entry itself, whatever the scores say.
    const exact = this.exact.get(normaliseQuestion(text));
    if (exact) return { kind: 'answer', entry: exact, hit: { target: { kind: 'faq', entry: exact }, score: Infinity, coverage: 1 } };
    const t = this.thresholds;
    const hits = this.index.query(text, 5).filter((hit) => hit.score >= t.suggestFloor);
    const [best, second] = hits;
    if (!best) return { kind: 'unknown', suggestions: [], hits };
    const lead = second ? best.score / second.score : Infinity;
    const covered = best.coverage >= t.minCoverage || (lead >= t.dominantMargin && best.coverage >= t.dominantCoverage);
    const strong = covered && best.score >= t.answerFloor;
    if (strong && best.target.kind === 'out-of-scope') return { kind: 'out-of-scope', topic: best.target.topic, hits };
    if (strong && best.target.kind === 'faq' && lead >= t.margin) {
      return { kind: 'answer', entry: best.target.entry, hit: best };
    }
    const close = entriesOf(
      hits.filter((hit) => hit.coverage >= t.dominantCoverage && hit.score >= best.score / (t.margin * 1.5)),
    );
    if (strong && close.length >= 2) return { kind: 'clarify', candidates: close.slice(0, 3), hits };
    return { kind: 'unknown', suggestions: entriesOf(hits).slice(0, 3), hits };
  }
}
