import { describe, expect, it } from 'vitest';
import { parseDates } from '../../src/understanding/dates.js';
import { spellDateWords } from '../../src/understanding/dateWords.js';

// Sunday, December 6, 2026, 10:00 in New York: the day the tester typed these.
const dec6 = { now: new Date('2026-12-06T15:00:00Z'), zone: 'America/New_York' };

describe('date words as candidates type them are read as the dates they mean', () => {
  // [what the candidate typed, the words the mention quotes, the date read]
  it.each([
    ['its on decmber 18th', 'decmber 18th', '2026-12-18'],
    ['my test is nxt tues can i cancel', 'nxt tues', '2026-12-08'],
    ['i took it 2day', '2day', '2026-12-06'],
    ['tmrw at 9am', 'tmrw at 9am', '2026-12-07'],
    ['febuary 3rd', 'febuary 3rd', '2027-02-03'],
    ['I failed it on thrusday', 'on thrusday', '2026-12-03'],
    ['Wensday', 'Wensday', '2026-12-09'],
    ['janurary 5', 'janurary 5', '2027-01-05'],
    ['a few wks ago', 'a few wks ago', '2026-11-15'],
    ['septmber 2025', 'septmber 2025', '2025-09-01'],
  ])('%j reads %j as %s, quoting the words as written', (typed, words, date) => {
    const [mention] = parseDates(typed, dec6);
    expect(mention).toMatchObject({ text: words, date });
    expect(typed.slice(mention!.index, mention!.index + mention!.text.length)).toBe(words);
  });

  it.each([
    ['a test match on the weekend', 'match is a word of its own'],
    ['some sundry questions', 'sundry is a word of its own'],
    ['I study on mondays', 'a habit, not a day'],
    ['tu examen', 'Spanish "your", not Tuesday'],
  ])('%j gets no date word (%s)', (typed) => {
    const spelt = spellDateWords(typed);
    expect(spelt === null || !/monday|tuesday|march|sunday/.test(spelt.text)).toBe(true);
  });

  it('leaves a text with nothing to spell out alone (null: the parser reads it as written)', () => {
    expect(spellDateWords('when can I retake A5?')).toBeNull();
  });

  it('maps a span back over words that changed length before it', () => {
    const spelt = spellDateWords('nxt wk, tmrw or decmber 3')!;
    expect(spelt.text).toBe('next week, tomorrow or december 3');
    const at = spelt.text.indexOf('december 3');
    expect(spelt.original(at, at + 'december 3'.length)).toEqual({ index: 16, text: 'decmber 3' });
  });
});
