import { describe, expect, it } from 'vitest';
import { questionAfterTakeBack, takesBackPersonRequest } from '../../src/understanding/commands.js';

describe('a change of mind about a person', () => {
  it.each(['actually nevermind', 'never mind', "no it's fine", 'no thanks, I figured it out', 'olvídalo', 'ya no hace falta', "I don't need a person"])('"%s" takes the request back', (text) => {
    expect(takesBackPersonRequest(text)).toBe(true);
  });

  it.each([
    ['no wait, i just need to know how to get a duplicate', 'how to get a duplicate'],
    ['actually i just wanted to know when results come out', 'when results come out'],
    ['never mind, when do results come out', 'when do results come out'],
    ['no, solo quería saber cuánto cuesta un duplicado', 'cuánto cuesta un duplicado'],
  ])('"%s" takes it back and asks "%s"', (text, question) => {
    expect(questionAfterTakeBack(text)).toBe(question);
  });

  it.each(['i just need to know when my results come out', 'how do i get a duplicate', 'my appointment is on the 10th', "it's fine if you call me"])('"%s" is a message for staff, not a change of mind', (text) => {
    expect(takesBackPersonRequest(text)).toBe(false);
    expect(questionAfterTakeBack(text)).toBeNull();
  });
});
