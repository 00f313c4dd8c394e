import { describe, expect, it } from 'vitest';
import { FaqIndex } from '../../src/knowledge/faqIndex.js';
import { loadLabelledSet, SETS } from '../../scripts/labelledSets.js';
import { shippedKnowledge } from '../support/testApp.js';

/** Every labelled question, in and out of domain, of every set. */
function labelledQuestions(): string[] {
  return SETS.flatMap(({ file }) => {
    const set = loadLabelledSet(file);
    return [...set.inDomain.map((item) => item.q), ...set.outOfDomain.map((item) => (typeof item === 'string' ? item : item.q))];
  });
}

describe('FaqIndex keeps each term’s search results', () => {
  // Every labelled question twice: over vitest's 20 s default on a loaded machine.
  it('ranks every labelled question the same whichever questions were asked before it', { timeout: 120_000 }, async () => {
    const { index } = await shippedKnowledge();
    const questions = labelledQuestions();
    // Two indexes of the same knowledge, asked in opposite orders: each question meets a different set of kept terms.
    const forwards = new FaqIndex(index.entries, index.outOfScope, undefined, index.text);
    const backwards = new FaqIndex(index.entries, index.outOfScope, undefined, index.text);
    const ranked = (hits: ReturnType<FaqIndex['query']>) => hits.map((hit) => [hit.target.kind === 'faq' ? hit.target.entry.id : hit.target.topic.id, hit.score, hit.coverage]);
    const first = questions.map((question) => ranked(forwards.query(question, 5)));
    const second = [...questions].reverse().map((question) => ranked(backwards.query(question, 5))).reverse();
    expect(questions.length).toBeGreaterThan(500);
    expect(second).toEqual(first);
  });

  it('scores a repeated word each time it is written, and counts it once as a matched term', async () => {
    const { index } = await shippedKnowledge();
    const fresh = new FaqIndex(index.entries, index.outOfScope, undefined, index.text);
    const once = fresh.query('duplicate certificate', 1)[0]!;
    const twice = fresh.query('duplicate duplicate certificate', 1)[0]!;
    expect(twice.matched).toEqual(once.matched);
    expect(twice.score).toBeGreaterThan(once.score);
  });
});
