import { placedAnswer, type FaqAnswerer, type FaqDecision } from './faqAnswerer.js';

export interface LabelledSet {
  inDomain: Array<{ q: string; expect: string; facet?: string; second?: string }>;
  /** A question the FAQ does not answer, bare or with its kind (look-alike, small-talk...). */
  outOfDomain: Array<string | { q: string; kind: string }>;
}

export interface EntryFigures {
  total: number;
  top1: number;
  answeredWrong: number;
}

export interface RetrievalReport {
  inDomainTotal: number;
  top1Correct: number;
  /** Confidently answered with the right entry. */
  answeredCorrect: number;
  answeredWrong: number;
  clarifiedWithRight: number;
  outOfDomainTotal: number;
  outOfDomainRejected: number;
  /** Out-of-domain questions given a confident entry answer (the worst kind of miss). */
  outOfDomainAnswered: number;
  perEntry: Map<string, EntryFigures>;
  /**
   * Questions labelled with a facet and confidently answered with the right entry, and of those the
   * ones whose first sentence is that facet's lead (or the entry's own, when the entry declares no
   * facet of that name: its own first sentence answers that question).
   */
  facetTotal: number;
  facetRight: number;
  misses: Array<{ q: string; expect: string; got: string }>;
  falseAnswers: Array<{ q: string; got: string; kind?: string }>;
}

/** The answerer a question is put to: one for the whole set, or the one the bot would speak to it in. */
export type AnswererOf = FaqAnswerer | ((question: string) => FaqAnswerer);

/**
 * Top-1 counts a question as right when the bot's first pick (the answer, or the first "did you
 * mean" choice) is the labelled entry. Rejection counts an out-of-domain question as handled when it
 * gets no confident answer and no "did you mean" (an honest "not covered" or "I don't know that one").
 */
export function evaluate(answerers: AnswererOf, set: LabelledSet): RetrievalReport {
  const answererOf = typeof answerers === 'function' ? answerers : () => answerers;
  const report: RetrievalReport = {
    inDomainTotal: set.inDomain.length,
    top1Correct: 0,
    answeredCorrect: 0,
    answeredWrong: 0,
    clarifiedWithRight: 0,
    outOfDomainTotal: set.outOfDomain.length,
    outOfDomainRejected: 0,
    outOfDomainAnswered: 0,
    perEntry: new Map(),
    facetTotal: 0,
    facetRight: 0,
    misses: [],
    falseAnswers: [],
  };
  for (const { q, expect, facet, second } of set.inDomain) {
    const figures = report.perEntry.get(expect) ?? { total: 0, top1: 0, answeredWrong: 0 };
    report.perEntry.set(expect, figures);
    figures.total++;
    const decision = asTheBotAnswers(answererOf(q), q, second ? [expect, second] : undefined);
    const first =
      decision.kind === 'answer'
        ? decision.entry.id
        : decision.kind === 'clarify'
          ? decision.candidates[0]?.id
          : undefined;
    if (decision.kind === 'answer' && decision.entry.id === expect && facet) {
      report.facetTotal++;
      const declared = decision.entry.facets?.some((f) => f.id === facet);
      if ((declared ? facet : undefined) === decision.entry.facet) report.facetRight++;
    }
    if (decision.kind === 'answer') {
      if (decision.entry.id === expect) report.answeredCorrect++;
      else {
        report.answeredWrong++;
        figures.answeredWrong++;
      }
    }
    if (decision.kind === 'clarify' && decision.candidates.some((entry) => entry.id === expect)) report.clarifiedWithRight++;
    if (first === expect) {
      report.top1Correct++;
      figures.top1++;
    } else report.misses.push({ q, expect, got: `${decision.kind}:${first ?? (decision.kind === 'out-of-scope' ? decision.topic.id : '-')}` });
  }
  for (const item of set.outOfDomain) {
    const { q, kind } = typeof item === 'string' ? { q: item, kind: undefined } : item;
    const decision = asTheBotAnswers(answererOf(q), q);
    // A "did you mean" to a weather question is not a rejection: only an honest "not covered" counts.
    if (decision.kind === 'unknown' || decision.kind === 'out-of-scope') report.outOfDomainRejected++;
    else {
      if (decision.kind === 'answer') report.outOfDomainAnswered++;
      report.falseAnswers.push({ q, ...(kind ? { kind } : {}), got: `${decision.kind}:${decision.kind === 'answer' ? decision.entry.id : decision.candidates[0]?.id}` });
    }
  }
  return report;
}

/**
 * The decision as the bot acts on it: two questions in one (src/bot/routeActions.ts answerFaq) are
 * answered both, in the order asked, so the first answer is the first question's entry. An item
 * labelled with both of its questions (`labelled`: the label and its `second`) answered with exactly
 * those two is answered right, in whichever order its writer listed them.
 */
function asTheBotAnswers(answerer: FaqAnswerer, q: string, labelled?: [string, string]): FaqDecision {
  const decision = answerer.decide(q);
  if (decision.kind === 'out-of-scope') return decision;
  const pair = answerer.decidePair(q);
  if (!pair) return decision;
  const both = labelled && pair.every((entry) => labelled.includes(entry.id)) ? pair.find((entry) => entry.id === labelled[0]) : undefined;
  const entry = both ?? pair[0];
  return placedAnswer(entry, entry, Infinity);
}

export const rate = (n: number, d: number): number => n / Math.max(d, 1);
const pct = (n: number, d: number) => `${(100 * rate(n, d)).toFixed(1)}%`;

/** The three figures the issue asks for, on one set. */
export function headline(report: RetrievalReport): { top1: number; declined: number; confidentWrong: number } {
  return {
    top1: rate(report.top1Correct, report.inDomainTotal),
    declined: rate(report.outOfDomainRejected, report.outOfDomainTotal),
    // Confident answers that were wrong: a wrong entry for an in-domain question, or any entry for an out-of-domain one.
    confidentWrong: rate(report.answeredWrong + report.outOfDomainAnswered, report.inDomainTotal + report.outOfDomainTotal),
  };
}

export function formatReport(report: RetrievalReport, name = 'retrieval'): string {
  const wrong = report.answeredWrong + report.outOfDomainAnswered;
  const all = report.inDomainTotal + report.outOfDomainTotal;
  return [
    `${name}: top-1 ${report.top1Correct}/${report.inDomainTotal} (${pct(report.top1Correct, report.inDomainTotal)})`,
    `  confident and right ${report.answeredCorrect}, confident and wrong ${report.answeredWrong}, did-you-mean containing the right one ${report.clarifiedWithRight}`,
    `  out-of-domain declined ${report.outOfDomainRejected}/${report.outOfDomainTotal} (${pct(report.outOfDomainRejected, report.outOfDomainTotal)}), answered with an entry ${report.outOfDomainAnswered}`,
    `  confident-wrong ${wrong}/${all} (${pct(wrong, all)})`,
    ...(report.facetTotal ? [`  first sentence for the labelled facet ${report.facetRight}/${report.facetTotal} (${pct(report.facetRight, report.facetTotal)}) of the right answers labelled with one`] : []),
  ].join('\n');
}
