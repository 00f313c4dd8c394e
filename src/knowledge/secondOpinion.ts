import type { FaqDecision } from './faqAnswerer.js';
import type { FaqEntry } from './faqEntry.js';
import { OUTSIDE, type IntentScore } from './intentClassifier.js';

/**
 * The trained intent classifier (intentClassifier.ts) as a second opinion on MiniSearch's decision.
 * Each way it may change a decision is a row: the rule's name and the probability it needs. The
 * first row that changes the decision decides; a decision no row changes stands.
 */
export type SecondOpinionRule =
  /** "I'm not sure" -> a one-entry "Did you mean", when the classifier's top entry is among MiniSearch's hits or suggestions. */
  | { rule: 'promote'; at: number; anchoredOnly?: boolean }
  /** A "Did you mean" holding the classifier's top entry is led by it. */
  | { rule: 'lead'; at: number }
  /**
   * A "Did you mean" is led by the classifier's top entry when MiniSearch found it too (a candidate
   * or a hit) and the classifier gives it `times` times what it gives MiniSearch's first choice. With
   * `coveredAsWell`, only when its hit covers as much of the question's words as the first choice's does
   * (Spanish: "¿les mandan recordatorio antes de que se venza la certificación?" matched sending, expiring
   * and certification in the delivery entry, two of them in recertification's, which the classifier preferred).
   */
  | { rule: 'prefer'; times: number; coveredAsWell?: boolean }
  /** A confident answer whose entry the classifier gives less than `below` becomes a "Did you mean": that entry, then the classifier's. */
  | { rule: 'demote'; below: number }
  /** An answer or "Did you mean" becomes "I don't know" when `outside` has at least `at` and the question names neither ASE nor a test code. */
  | { rule: 'decline'; at: number }
  /** A "Did you mean" whose first choice is the classifier's top entry, at `at` or more, becomes that entry's answer. */
  | { rule: 'confirm'; at: number };

/** What a rule needs beside the decision: the entries by id, and how an entry is answered (its facet chosen for the question). */
export interface SecondOpinionContext {
  entry(id: string): FaqEntry | undefined;
  answerWith(entry: FaqEntry): FaqEntry;
  /** The question names ASE or a test code: no rule declines it. */
  anchored: boolean;
}

const topEntry = (ranking: readonly IntentScore[]): IntentScore | undefined => ranking.find((score) => score.label !== OUTSIDE);

type Apply = (decision: FaqDecision, ranking: readonly IntentScore[], context: SecondOpinionContext) => FaqDecision | undefined;

const RULES: { [K in SecondOpinionRule['rule']]: (row: Extract<SecondOpinionRule, { rule: K }>) => Apply } = {
  promote: (row) => (decision, ranking, context) => {
    const top = ranking[0];
    if (decision.kind !== 'unknown' || !top || top.label === OUTSIDE || top.probability < row.at || (row.anchoredOnly && !context.anchored)) return undefined;
    const found = decision.hits.some((hit) => hit.target.kind === 'faq' && hit.target.entry.id === top.label) || decision.suggestions.some((entry) => entry.id === top.label);
    const entry = found ? context.entry(top.label) : undefined;
    return entry ? { kind: 'clarify', candidates: [entry], hits: decision.hits } : undefined;
  },
  lead: (row) => (decision, ranking) => {
    const top = ranking[0];
    if (decision.kind !== 'clarify' || !top || top.probability < row.at || decision.candidates[0]?.id === top.label) return undefined;
    const entry = decision.candidates.find((candidate) => candidate.id === top.label);
    return entry ? { ...decision, candidates: [entry, ...decision.candidates.filter((candidate) => candidate !== entry)] } : undefined;
  },
  prefer: (row) => (decision, ranking, context) => {
    const top = topEntry(ranking);
    const first = decision.kind === 'clarify' ? decision.candidates[0] : undefined;
    if (decision.kind !== 'clarify' || !top || !first || first.id === top.label) return undefined;
    const firstProbability = ranking.find((score) => score.label === first.id)?.probability ?? 0;
    if (top.probability < row.times * firstProbability) return undefined;
    if (row.coveredAsWell) {
      const coverage = (id: string) => decision.hits.find((hit) => hit.target.kind === 'faq' && hit.target.entry.id === id)?.coverage ?? 0;
      if (coverage(top.label) < coverage(first.id)) return undefined;
    }
    // Only an entry MiniSearch found: the classifier chooses among MiniSearch's, it adds none of its own.
    const entry = decision.candidates.find((candidate) => candidate.id === top.label) ?? (decision.hits.some((hit) => hit.target.kind === 'faq' && hit.target.entry.id === top.label) ? context.entry(top.label) : undefined);
    return entry ? { ...decision, candidates: [entry, ...decision.candidates.filter((candidate) => candidate.id !== entry.id)] } : undefined;
  },
  demote: (row) => (decision, ranking, context) => {
    if (decision.kind !== 'answer' || decision.inContext || decision.repeated) return undefined;
    const own = ranking.find((score) => score.label === decision.entry.id)?.probability ?? 0;
    if (own >= row.below) return undefined;
    const top = topEntry(ranking);
    const other = top && top.label !== decision.entry.id ? context.entry(top.label) : undefined;
    // The entry as indexed, not the part of it shaped for the question.
    const asIndexed = context.entry(decision.entry.id) ?? decision.entry;
    return { kind: 'clarify', candidates: other ? [asIndexed, other] : [asIndexed], hits: [decision.hit] };
  },
  decline: (row) => (decision, ranking, context) => {
    if ((decision.kind !== 'answer' && decision.kind !== 'clarify') || context.anchored) return undefined;
    if ((ranking.find((score) => score.label === OUTSIDE)?.probability ?? 0) < row.at) return undefined;
    return { kind: 'unknown', suggestions: [], hits: decision.kind === 'answer' ? [decision.hit] : decision.hits };
  },
  confirm: (row) => (decision, ranking, context) => {
    const top = ranking[0];
    const first = decision.kind === 'clarify' ? decision.candidates[0] : undefined;
    if (decision.kind !== 'clarify' || !first || !top || top.label !== first.id || top.probability < row.at) return undefined;
    const hit = decision.hits.find((h) => h.target.kind === 'faq' && h.target.entry.id === first.id) ?? { target: { kind: 'faq' as const, entry: first }, score: 0, coverage: 1, matched: [] };
    return { kind: 'answer', entry: context.answerWith(first), hit };
  },
};

/**
 * The decision after the classifier's opinion: the rows are asked in order, each of the decision
 * the rows before it left ("lead" then "confirm" confirms the choice the classifier put first).
 * A tapped question, a pair, a known gap and an answer read in the conversation's light stand.
 */
export function withSecondOpinion(decision: FaqDecision, ranking: readonly IntentScore[], rules: readonly SecondOpinionRule[], context: SecondOpinionContext): FaqDecision {
  if (decision.kind === 'out-of-scope' || (decision.kind === 'answer' && (decision.hit.score === Infinity || decision.inContext || decision.again || decision.repeated))) return decision;
  let current: FaqDecision = decision;
  for (const row of rules) current = (RULES[row.rule] as (r: SecondOpinionRule) => Apply)(row)(current, ranking, context) ?? current;
  return current;
}
