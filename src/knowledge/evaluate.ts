import type { FaqAnswerer } from './faqAnswerer.js';

export interface LabelledSet {
  inDomain: Array<{ q: string; expect: string }>;
  outOfDomain: string[];
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
  misses: Array<{ q: string; expect: string; got: string }>;
  falseAnswers: Array<{ q: string; got: string }>;
}

/**
 * Top-1 counts a question as right when the bot's first pick (the answer, or the first "did you
 * mean" choice) is the labelled entry. Rejection counts an out-of-domain question as handled when it
 * gets no confident answer.
 */
export function evaluate(answerer: FaqAnswerer, set: LabelledSet): RetrievalReport {
  const report: RetrievalReport = {
    inDomainTotal: set.inDomain.length,
    top1Correct: 0,
    answeredCorrect: 0,
    answeredWrong: 0,
    clarifiedWithRight: 0,
    outOfDomainTotal: set.outOfDomain.length,
    outOfDomainRejected: 0,
    misses: [],
    falseAnswers: [],
  };
  for (const { q, expect } of set.inDomain) {
    const decision = answerer.decide(q);
    const first =
      decision.kind === 'answer'
        ? decision.entry.id
        : decision.kind === 'clarify'
          ? decision.candidates[0]?.id
          : undefined;
    if (decision.kind === 'answer') {
      if (decision.entry.id === expect) report.answeredCorrect++;
      else report.answeredWrong++;
    }
    if (decision.kind === 'clarify' && decision.candidates.some((entry) => entry.id === expect)) report.clarifiedWithRight++;
    if (first === expect) report.top1Correct++;
    else report.misses.push({ q, expect, got: `${decision.kind}:${first ?? '-'}` });
  }
  for (const q of set.outOfDomain) {
    const decision = answerer.decide(q);
    // A "did you mean" to a weather question is not a rejection: only an honest "not covered" counts.
    if (decision.kind === 'unknown' || decision.kind === 'out-of-scope') report.outOfDomainRejected++;
    else report.falseAnswers.push({ q, got: `${decision.kind}:${decision.kind === 'answer' ? decision.entry.id : decision.candidates[0]?.id}` });
  }
  return report;
}

export function formatReport(report: RetrievalReport): string {
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
  return [
    `retrieval: top-1 ${report.top1Correct}/${report.inDomainTotal} (${pct(report.top1Correct, report.inDomainTotal)})`,
    `  confident and right ${report.answeredCorrect}, confident and wrong ${report.answeredWrong}, did-you-mean containing the right one ${report.clarifiedWithRight}`,
    `out-of-domain rejected ${report.outOfDomainRejected}/${report.outOfDomainTotal} (${pct(report.outOfDomainRejected, report.outOfDomainTotal)})`,
  ].join('\n');
}
