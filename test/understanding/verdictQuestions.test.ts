import { describe, expect, it } from 'vitest';
import { asksException, verdictAsked } from '../../src/understanding/verdictQuestions.js';

describe("verdictAsked with the change task's own ways of asking", () => {
  it.each(['can I move it to next week?', 'could i reschedule it', 'is it possible to change it?'])('"%s" asks whether it can still be changed', (text) => {
    expect(verdictAsked(text, 'en', 'reschedule-or-cancel')).toBe('open');
  });

  it('"lo puedo mover a la otra semana?" asks the same in Spanish', () => {
    expect(verdictAsked('lo puedo mover a la otra semana?', 'es', 'reschedule-or-cancel')).toBe('open');
  });

  it('after another task the same words ask nothing of its verdict', () => {
    expect(verdictAsked('can I move it to next week?', 'en', 'purchase-window')).toBeNull();
  });

  it('"can I cancel it instead?" is no question of the verdict: how to cancel is its own answer', () => {
    expect(verdictAsked('can I cancel it instead?', 'en', 'reschedule-or-cancel')).toBeNull();
  });
});

describe('asksException', () => {
  it.each(['can I call prometric and get an exception?', 'y si llamo a prometric me hacen una excepcion?', 'can they waive the rule'])('"%s" asks for an exception', (text) => {
    expect(asksException(text)).toBe(true);
  });

  it('"how do I move it" does not', () => {
    expect(asksException('how do I move it')).toBe(false);
  });
});
