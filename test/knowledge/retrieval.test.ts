import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { evaluate, formatReport } from '../../src/knowledge/evaluate.js';
import { shippedKnowledge } from '../support/testApp.js';

const labelledSet = z
  .object({
    inDomain: z.array(z.object({ q: z.string(), expect: z.string() })).min(120),
    outOfDomain: z.array(z.string()).min(30),
  })
  .parse(parse(readFileSync('test/fixtures/retrieval-set.yaml', 'utf8')));

describe('retrieval quality on the labelled set (written apart from the knowledge alternates)', () => {
  it('labels only entries that exist, at least three questions each', async () => {
    const { index } = await shippedKnowledge();
    for (const { expect: id } of labelledSet.inDomain) expect(index.get(id), `unknown label ${id}`).toBeDefined();
    for (const entry of index.entries) {
      expect(labelledSet.inDomain.filter((item) => item.expect === entry.id).length, entry.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('answers at least 85% of in-domain questions with the right entry first, and rejects at least 90% of out-of-domain ones', async () => {
    const { answerer } = await shippedKnowledge();
    const report = evaluate(answerer, labelledSet);
    console.log(formatReport(report));
    for (const miss of report.misses) console.log(`  miss: [${miss.expect}] got ${miss.got}: ${miss.q}`);
    for (const falseAnswer of report.falseAnswers) console.log(`  out-of-domain answered: ${falseAnswer.got}: ${falseAnswer.q}`);
    // This set's thresholds were tuned on it, so it is no measure of unseen phrasing; its gate sits a
    // few points under the measured figure (89.4% after domain anchoring) so that one miss cannot fail CI.
    expect(report.top1Correct / report.inDomainTotal).toBeGreaterThanOrEqual(0.85);
    expect(report.outOfDomainRejected / report.outOfDomainTotal).toBeGreaterThanOrEqual(0.9);
  });

  it('never gives a confident wrong answer to more than 3% of in-domain questions', async () => {
    const { answerer } = await shippedKnowledge();
    const report = evaluate(answerer, labelledSet);
    expect(report.answeredWrong / report.inDomainTotal).toBeLessThanOrEqual(0.03);
  });
});
