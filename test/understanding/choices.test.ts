import { describe, expect, it } from 'vitest';
import { pickChoice } from '../../src/understanding/choices.js';

const series = [
  { title: 'Automobile (A1-A8)', value: 'A' },
  { title: 'Medium/Heavy Truck (T1-T8)', value: 'T' },
  { title: 'Collision Repair (B2-B6)', value: 'B' },
  { title: 'School Bus (S1-S7)', value: 'S' },
];

const dates = [
  { title: 'Monday, March 3, 2025', value: '2025-03-03' },
  { title: 'Monday, March 10, 2025', value: '2025-03-10' },
];

const faqs = [
  { title: 'How do I reschedule?', value: 'faq-reschedule' },
  { title: 'How do I reschedule a retest?', value: 'faq-reschedule-retest' },
  { title: 'Engine Repair (A1)', value: 'A1' },
];

describe('pickChoice', () => {
  // [what the candidate typed, the title of the choice it picks among the series]
  it.each([
    ['2', 'Medium/Heavy Truck (T1-T8)'],
    ['#2', 'Medium/Heavy Truck (T1-T8)'],
    ['option 2', 'Medium/Heavy Truck (T1-T8)'],
    ['Option two', 'Medium/Heavy Truck (T1-T8)'],
    ['number 2', 'Medium/Heavy Truck (T1-T8)'],
    ['no. 2', 'Medium/Heavy Truck (T1-T8)'],
    ['2nd', 'Medium/Heavy Truck (T1-T8)'],
    ['2)', 'Medium/Heavy Truck (T1-T8)'],
    ['the second one', 'Medium/Heavy Truck (T1-T8)'],
    ['second', 'Medium/Heavy Truck (T1-T8)'],
    ['Second.', 'Medium/Heavy Truck (T1-T8)'],
    ['the first', 'Automobile (A1-A8)'],
    ['1', 'Automobile (A1-A8)'],
    ['the last one', 'School Bus (S1-S7)'],
    ['last', 'School Bus (S1-S7)'],
    ['Automobile (A1-A8)', 'Automobile (A1-A8)'],
    ['automobile a1 a8', 'Automobile (A1-A8)'],
    ['  AUTOMOBILE   (a1-a8)!', 'Automobile (A1-A8)'],
    ['t', 'Medium/Heavy Truck (T1-T8)'],
    ['automobile', 'Automobile (A1-A8)'],
    ['auto', 'Automobile (A1-A8)'],
    ['the automobile one', 'Automobile (A1-A8)'],
    ['truck', 'Medium/Heavy Truck (T1-T8)'],
    ['heavy truck', 'Medium/Heavy Truck (T1-T8)'],
    ['school bus', 'School Bus (S1-S7)'],
    ['collision', 'Collision Repair (B2-B6)'],
    ['“Collision Repair”', 'Collision Repair (B2-B6)'],
  ])('among the series, %j picks %j', (text, title) => {
    expect(pickChoice(text, series)?.title).toBe(title);
  });

  it.each([
    ['5', 'a position out of range'],
    ['0', 'a position out of range'],
    ['the fifth one', 'a position out of range'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['re', 'too short to be clear'],
    ['i', 'a filler word'],
    ['motorcycle', 'in no title'],
    ['how do I retake A5?', 'a question, not a pick'],
    ['repair bus', 'words from two titles'],
  ])('among the series, %j picks nothing (%s)', (text) => {
    expect(pickChoice(text, series)).toBeUndefined();
  });

  // [typed, value picked among the date options]
  it.each([
    ['2025-03-10', '2025-03-10'],
    ['March 10', '2025-03-10'],
    ['monday march 3 2025', '2025-03-03'],
    ['2', '2025-03-10'],
  ])('among two dates, %j picks %j', (text, value) => {
    expect(pickChoice(text, dates)?.value).toBe(value);
  });

  it.each([
    ['monday', 'both are Mondays'],
    ['march', 'both are in March'],
  ])('among two dates, %j is ambiguous (%s)', (text) => {
    expect(pickChoice(text, dates)).toBeUndefined();
  });

  // [typed, value picked among FAQ offers]
  it.each([
    ['How do I reschedule?', 'faq-reschedule'],
    ['how do i reschedule', 'faq-reschedule'],
    ['1. How do I reschedule?', 'faq-reschedule'],
    ['retest', 'faq-reschedule-retest'],
    ['a1', 'A1'],
    ['engine', 'A1'],
    ['faq-reschedule-retest', 'faq-reschedule-retest'],
  ])('among FAQ offers, %j picks %j', (text, value) => {
    expect(pickChoice(text, faqs)?.value).toBe(value);
  });

  it('prefers an exact title over a title it starts', () => {
    // "how do i reschedule" starts both titles but is exactly the first.
    expect(pickChoice('How do I reschedule', faqs)?.value).toBe('faq-reschedule');
    expect(pickChoice('how do I', faqs)).toBeUndefined();
  });

  it('keeps the choice objects it was given, extra fields and all', () => {
    const sms = [
      { n: 1, title: 'Yes', value: 'yes' },
      { n: 2, title: 'No', value: 'no' },
    ];
    expect(pickChoice('2', sms)).toBe(sms[1]);
    expect(pickChoice('YES!', sms)).toBe(sms[0]);
  });

  it('picks nothing from no choices', () => {
    expect(pickChoice('1', [])).toBeUndefined();
  });

  it.each([
    [42, [], 'understanding/choices: text must be a string, got 42'],
    ['1', 'abc', 'understanding/choices: choices must be an array, got "abc"'],
  ])('names the module and the bad value (%j, %j)', (text, choices, message) => {
    expect(() => pickChoice(text as unknown as string, choices as unknown as [])).toThrow(message);
  });
});

describe('a longer message is not a loose pick', () => {
  it('seven words sharing a title\'s words pick nothing; the same words alone pick it', () => {
    const offered = [{ title: 'Automobile (A1-A8)', value: 'A' }, { title: 'Medium/Heavy Truck (T2-T8)', value: 'T' }];
    expect(pickChoice('what does automobile mean for the master test', offered)).toBeUndefined();
    expect(pickChoice('automobile', offered)?.value).toBe('A');
  });
});
