import { describe, expect, it } from 'vitest';
import { shippedKnowledge } from '../support/testApp.js';

describe('decidePair: two questions in one message', () => {
  it.each([
    ['i need another copy of my cert and also my address changed, how do i do both', ['duplicate-certificate', 'address-change']],
    ['when do i get my results? and when does my certificate come', ['test-results', 'certificate-delivery']],
    ['when does my certificate come? and when do i get my results', ['certificate-delivery', 'test-results']],
  ])('reads %j as two entries in the order asked', async (text, ids) => {
    const { answerer } = await shippedKnowledge();
    expect(answerer.decidePair(text)?.map((entry) => entry.id)).toEqual(ids);
  });

  it.each([
    ['when do i get my results? and the certificate?', ['test-results', 'certificate-delivery']],
    ['when do i get my results? what about my certificate?', ['test-results', 'certificate-delivery']],
  ])('asks the first question of a second part that names only its subject: %j', async (text, ids) => {
    const { answerer } = await shippedKnowledge();
    expect(answerer.decidePair(text)?.map((entry) => entry.id)).toEqual(ids);
  });

  it.each(['where are the terms and conditions?', 'how do I reschedule and cancel my test', 'ok great and thanks', 'a duplicate of my birth certificate and also my dentist appointment'])(
    'finds one question or none in %j, never two answers',
    async (text) => {
      const { answerer } = await shippedKnowledge();
      expect(answerer.decidePair(text)).toBeNull();
    },
  );

  it('does not read a story\'s "and when ..." clause, ended by a full stop, as a question of its own', async () => {
    const { answerer } = await shippedKnowledge();
    const text = 'I had my certificates framed at my old job and when the shop shut down they got thrown away. How do I order replacements?';
    expect(answerer.decidePair(text)).toBeNull();
    const decision = answerer.decide(text);
    expect(decision.kind === 'answer' ? decision.entry.id : decision.kind).toBe('duplicate-certificate');
  });

  it('does not split a question answered with confidence as a whole where one part alone is unsure ("did i pass?? how do i find out")', async () => {
    const { answerer } = await shippedKnowledge();
    const whole = answerer.decide('did i pass?? how do i find out');
    expect(whole.kind === 'answer' ? whole.entry.id : whole.kind).toBe('test-results');
    expect(answerer.decidePair('did i pass?? how do i find out')).toBeNull();
  });
});
