import { describe, expect, it } from 'vitest';
import type { FaqDecision } from '../../src/knowledge/faqAnswerer.js';
import { examplesOf, IntentClassifier, OUTSIDE, defaultClassifierOptions, type IntentScore } from '../../src/knowledge/intentClassifier.js';
import { withSecondOpinion, type SecondOpinionContext } from '../../src/knowledge/secondOpinion.js';
import { shippedKnowledge } from '../support/testApp.js';

async function trained(lang: 'en' | 'es' = 'en'): Promise<IntentClassifier> {
  const knowledge = await shippedKnowledge();
  const { index } = lang === 'es' ? knowledge.es! : knowledge;
  return IntentClassifier.train(examplesOf(index.entries, index.outOfScope), index.text);
}

describe('the intent classifier, trained on the knowledge base’s own phrasings', () => {
  it('names the entry a question in other words asks about', async () => {
    expect((await trained()).predict('can I take the test in spanish')[0]!.label).toBe('bilingual-tests');
  });

  it('still names its entry when a word is misspelt (its character grams are mostly the right word’s)', async () => {
    expect((await trained()).predict('when do i have to recertifiy')[0]!.label).toBe('recertification');
  });

  it('puts small talk in the class of what no entry answers', async () => {
    expect((await trained()).predict('tell me a joke')[0]!.label).toBe(OUTSIDE);
  });

  it('reads Spanish questions with the Spanish pipeline', async () => {
    expect((await trained('es')).predict('cuando tengo que recertificarme')[0]!.label).toBe('recertification');
  });

  it('gives every class a probability, the likeliest first, summing to one', async () => {
    const scores = (await trained()).predict('when does my certificate arrive');
    expect(scores.map((s) => s.probability)).toEqual([...scores.map((s) => s.probability)].sort((a, b) => b - a));
    expect(scores.reduce((sum, s) => sum + s.probability, 0)).toBeCloseTo(1, 9);
  });

  it('learns the same weights every time it is trained on the same phrasings', async () => {
    const [a, b] = [await trained(), await trained()];
    expect(a.predict('i missed my appointment')).toEqual(b.predict('i missed my appointment'));
  });

  it('can be trained as complement naive Bayes instead', async () => {
    const { index } = await shippedKnowledge();
    const bayes = IntentClassifier.train(examplesOf(index.entries, index.outOfScope), index.text, { ...defaultClassifierOptions, model: 'complement-nb' });
    expect(bayes.predict('can I take the test in spanish')[0]!.label).toBe('bilingual-tests');
  });

  it('refuses to train on nothing, naming itself', async () => {
    const { index } = await shippedKnowledge();
    expect(() => IntentClassifier.train([], index.text)).toThrow(/intentClassifier/);
  });
});

describe('the classifier’s second opinion on a decision', () => {
  async function setting() {
    const { index } = await shippedKnowledge();
    const entry = (id: string) => index.get(id)!;
    const context: SecondOpinionContext = { entry: (id) => index.get(id), answerWith: (e) => e, anchored: false };
    const ranking = (label: string, probability: number): IntentScore[] => [
      { label, probability },
      { label: OUTSIDE, probability: 1 - probability },
    ];
    const hit = (id: string) => ({ target: { kind: 'faq' as const, entry: entry(id) }, score: 20, coverage: 1, matched: [] });
    return { entry, context, ranking, hit };
  }

  it('answers a "Did you mean" whose first choice the classifier is sure of too', async () => {
    const { entry, context, ranking, hit } = await setting();
    const offered: FaqDecision = { kind: 'clarify', candidates: [entry('test-results'), entry('certificate-delivery')], hits: [hit('test-results')] };
    const decided = withSecondOpinion(offered, ranking('test-results', 0.97), [{ rule: 'confirm', at: 0.95 }], context);
    expect(decided.kind === 'answer' && decided.entry.id).toBe('test-results');
  });

  it('asks back when the classifier finds a confident answer unlikely, offering its own entry second', async () => {
    const { entry, context, ranking, hit } = await setting();
    const answered: FaqDecision = { kind: 'answer', entry: entry('test-results'), hit: hit('test-results') };
    const decided = withSecondOpinion(answered, ranking('certificate-delivery', 0.9), [{ rule: 'demote', below: 0.1 }], context);
    expect(decided.kind === 'clarify' && decided.candidates.map((e) => e.id)).toEqual(['test-results', 'certificate-delivery']);
  });

  it('puts its own entry first in a "Did you mean" that offers it, then the rows after see that order', async () => {
    const { entry, context, ranking, hit } = await setting();
    const offered: FaqDecision = { kind: 'clarify', candidates: [entry('certificate-delivery'), entry('test-results')], hits: [hit('test-results')] };
    const led = withSecondOpinion(offered, ranking('test-results', 0.7), [{ rule: 'lead', at: 0.5 }], context);
    expect(led.kind === 'clarify' && led.candidates.map((e) => e.id)).toEqual(['test-results', 'certificate-delivery']);
    const answered = withSecondOpinion(offered, ranking('test-results', 0.97), [{ rule: 'lead', at: 0.5 }, { rule: 'confirm', at: 0.95 }], context);
    expect(answered.kind === 'answer' && answered.entry.id).toBe('test-results');
  });

  it('puts first in a "Did you mean" an entry the search found, when it finds it five times likelier than the search’s first choice', async () => {
    const { entry, context, hit } = await setting();
    const offered: FaqDecision = { kind: 'clarify', candidates: [entry('certificate-delivery'), entry('recertification')], hits: [hit('certificate-delivery'), hit('recertification'), hit('test-results')] };
    const scores = (top: number, first: number): IntentScore[] => [
      { label: 'test-results', probability: top },
      { label: 'certificate-delivery', probability: first },
      { label: OUTSIDE, probability: 1 - top - first },
    ];
    const preferred = withSecondOpinion(offered, scores(0.6, 0.1), [{ rule: 'prefer', times: 5 }], context);
    expect(preferred.kind === 'clarify' && preferred.candidates.map((e) => e.id)).toEqual(['test-results', 'certificate-delivery', 'recertification']);
    expect(withSecondOpinion(offered, scores(0.4, 0.1), [{ rule: 'prefer', times: 5 }], context)).toBe(offered);
  });

  it('prefers no entry the search did not find', async () => {
    const { entry, context, hit } = await setting();
    const offered: FaqDecision = { kind: 'clarify', candidates: [entry('certificate-delivery')], hits: [hit('certificate-delivery')] };
    const scores: IntentScore[] = [{ label: 'test-results', probability: 0.9 }, { label: 'certificate-delivery', probability: 0.01 }, { label: OUTSIDE, probability: 0.09 }];
    expect(withSecondOpinion(offered, scores, [{ rule: 'prefer', times: 5 }], context)).toBe(offered);
  });

  it('leaves a tapped question and a known gap as they are', async () => {
    const { entry, context, ranking } = await setting();
    const tapped: FaqDecision = { kind: 'answer', entry: entry('test-results'), hit: { target: { kind: 'faq', entry: entry('test-results') }, score: Infinity, coverage: 1, matched: [] } };
    expect(withSecondOpinion(tapped, ranking('certificate-delivery', 0.99), [{ rule: 'demote', below: 0.1 }], context)).toBe(tapped);
  });

  it('turns "I\'m not sure" into a one-entry "Did you mean" only for an entry the search found too', async () => {
    const { context, ranking, hit } = await setting();
    const unsure: FaqDecision = { kind: 'unknown', suggestions: [], hits: [hit('test-results')] };
    const promoted = withSecondOpinion(unsure, ranking('test-results', 0.8), [{ rule: 'promote', at: 0.6 }], context);
    expect(promoted.kind === 'clarify' && promoted.candidates.map((e) => e.id)).toEqual(['test-results']);
    expect(withSecondOpinion(unsure, ranking('recertification', 0.8), [{ rule: 'promote', at: 0.6 }], context).kind).toBe('unknown');
  });

  it('declines what it puts outside, unless the question names ASE or a test code', async () => {
    const { entry, context, hit } = await setting();
    const answered: FaqDecision = { kind: 'answer', entry: entry('test-results'), hit: hit('test-results') };
    const outside: IntentScore[] = [{ label: OUTSIDE, probability: 0.9 }, { label: 'test-results', probability: 0.1 }];
    expect(withSecondOpinion(answered, outside, [{ rule: 'decline', at: 0.8 }], context).kind).toBe('unknown');
    expect(withSecondOpinion(answered, outside, [{ rule: 'decline', at: 0.8 }], { ...context, anchored: true }).kind).toBe('answer');
  });
});
