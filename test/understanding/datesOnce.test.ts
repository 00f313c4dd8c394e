import { describe, expect, it } from 'vitest';
import {
  combineDateParts,
  futureDate,
  parseDates,
  pastDate,
  resolveFuture,
  resolvePast,
  type DateContext,
} from '../../src/understanding/dates.js';

// Thursday March 20, 2025, 11:00 in New York.
const mar20: DateContext = { now: new Date('2025-03-20T15:00:00Z'), zone: 'America/New_York' };
// 23:30 on Monday March 31, 2025 in New York: already April 1 in UTC.
const lateMar31: DateContext = { now: new Date('2025-04-01T03:30:00Z'), zone: 'America/New_York' };

describe('resolvePast and resolveFuture read mentions already parsed', () => {
  const texts = [
    'March 3',
    'I failed A5 on March 3, 2025',
    'last Monday',
    'next Friday',
    'on the 12th',
    '3/4',
    'two weeks ago',
    'in 10 days',
    'sometime in January',
    'tomorrow at 9am',
    'I am not sure',
    '5 months ago',
    '',
  ];

  it.each(texts)('answers %j exactly as pastDate does', (text) => {
    expect(resolvePast(parseDates(text, mar20), text, mar20)).toEqual(pastDate(text, mar20));
  });

  it.each(texts)('answers %j exactly as futureDate does', (text) => {
    expect(resolveFuture(parseDates(text, mar20), text, mar20)).toEqual(futureDate(text, mar20));
  });

  it('answers from the mentions it is given, without reading the text again', () => {
    const text = 'I failed on March 3 and again on March 10';
    const [, second] = parseDates(text, mar20);
    expect(resolvePast(second ? [second] : [], text, mar20)).toMatchObject({ ok: true, date: '2025-03-10' });
    expect(resolvePast([], text, mar20)).toEqual({ ok: false, problem: 'no-date' });
  });

  it.each([
    ['mentions that are not an array', 'March 3', 'March 3' as unknown, /understanding\/dates: mentions must be an array, got "March 3"/],
    ['a mention from another message', 'on the 12th', parseDates('March 3', mar20), /understanding\/dates: mention .*"March 3".* was not read from the text given with it/],
    ['text that is not a string', 42 as unknown as string, [], /understanding\/dates: text must be a string, got 42/],
  ])('names the module and the bad value for %s', (_why, text, mentions, message) => {
    expect(() => resolvePast(mentions as never, text as string, mar20)).toThrow(message);
    expect(() => resolveFuture(mentions as never, text as string, mar20)).toThrow(message);
  });
});

describe('words that name no event date are not dates', () => {
  it.each([
    'now',
    'right now',
    'can I reschedule now',
    'this year',
    'in a year',
    'in 5 years',
    'next year',
    'the next day',
    'I failed twice now',
    'it should be posted by now',
    'for now',
    'a year',
    '5 years',
    '72 hours',
    'I have been certified for 5 years',
    'they told me to come back the next day',
    'whens the last day i can cancel',
    'what is the last day to change it',
  ])('%j has no date', (text) => {
    expect(parseDates(text, mar20)).toEqual([]);
    expect(pastDate(text, mar20)).toEqual({ ok: false, problem: 'no-date' });
  });

  it.each([
    ['today', '2025-03-20'],
    ['yesterday', '2025-03-19'],
    ['tomorrow', '2025-03-21'],
    ['in 10 days', '2025-03-30'],
  ])('%j is still a date (%s)', (text, date) => {
    expect(parseDates(text, mar20)).toMatchObject([{ date }]);
  });

  it.each([
    ['last year', 'partial'],
    ['March 3 this year', 'month-day'],
    ['I failed in March next year', 'partial'],
  ])('keeps the date in %j (first mention %s)', (text, form) => {
    expect(parseDates(text, mar20)).toHaveLength(1);
    expect(parseDates(text, mar20)[0]?.form).toBe(form);
  });

  it('reads "now" on the candidate’s clock as nothing, either side of midnight', () => {
    expect(parseDates('now', lateMar31)).toEqual([]);
    expect(parseDates('today', lateMar31)).toMatchObject([{ date: '2025-03-31' }]);
  });
});

describe('approximate dates', () => {
  // [text, the date counted from Thursday March 20, 2025, its form]
  it.each([
    ['5 months ago', '2024-10-20', 'partial'],
    ['about two years ago', '2023-03-20', 'partial'],
    ['around 5 months ago', '2024-10-20', 'partial'],
    ['like a month ago', '2025-02-20', 'partial'],
    ['a couple of months ago', '2025-01-20', 'partial'],
    ['a few weeks ago', '2025-02-27', 'relative'],
    ['two weeks ago', '2025-03-06', 'relative'],
    ['in 2 weeks', '2025-04-03', 'relative'],
    ['about 3 days ago', '2025-03-17', 'relative'],
    ['approximately 2 weeks ago', '2025-03-06', 'relative'],
    ['maybe 3 weeks ago', '2025-02-27', 'relative'],
  ])('%j is approximate: %s (%s)', (text, date, form) => {
    expect(parseDates(text, mar20)).toMatchObject([{ date, form, approximate: true }]);
  });

  it.each(['3 days ago', 'yesterday', 'in 10 days', 'March 3', 'last Monday', 'on the 12th', 'last month'])(
    '%j is not approximate',
    (text) => {
      const [mention] = parseDates(text, mar20);
      expect(mention).toBeDefined();
      expect(mention?.approximate).toBeUndefined();
    },
  );

  it('says so in the answer when it has a day', () => {
    expect(pastDate('a few weeks ago', mar20)).toEqual({
      ok: true,
      date: '2025-02-27',
      text: 'a few weeks ago',
      assumedYear: false,
      assumedMonth: false,
      approximate: true,
    });
    expect(pastDate('3 days ago', mar20)).not.toHaveProperty('approximate');
  });

  it('gives the counted date with the missing day when it has none', () => {
    expect(pastDate('5 months ago', mar20)).toEqual({
      ok: false,
      problem: 'incomplete',
      text: '5 months ago',
      approximateDate: '2024-10-20',
    });
    // A month alone: the days it could be, cut at today (March 1-20 on March 20).
    expect(pastDate('in March', mar20)).toEqual({ ok: false, problem: 'incomplete', text: 'March', span: { from: '2025-03-01', to: '2025-03-20' } });
    expect(futureDate('in March', mar20)).toMatchObject({ span: { from: '2025-03-20', to: '2025-03-31' } });
    expect(pastDate('in April', mar20)).toMatchObject({ span: { from: '2024-04-01', to: '2024-04-30' } });
    expect(pastDate('February 2024', mar20)).toMatchObject({ span: { from: '2024-02-01', to: '2024-02-29' } });
    expect(pastDate('last month', mar20)).toMatchObject({ span: { from: '2025-02-01', to: '2025-02-28' } });
    // A month wholly on the wrong side, a week or a year: no span.
    expect(pastDate('April 2026', mar20)).toEqual({ ok: false, problem: 'incomplete', text: 'April 2026' });
    expect(pastDate('last week', mar20)).toEqual({ ok: false, problem: 'incomplete', text: 'last week' });
  });

  it('counts 90 days back from the candidate’s today, not the server’s', () => {
    // 3 months before March 31 in New York, though it is already April 1 in UTC.
    expect(parseDates('3 months ago', lateMar31)).toMatchObject([{ date: '2024-12-31', approximate: true }]);
  });
});

describe('combineDateParts joins a month from one answer and a day from the next', () => {
  // [earlier answer, later answer, the text to read]
  it.each([
    ['March 2020', 'the 12th', 'March 12, 2020'],
    ['March 2020', '12th', 'March 12, 2020'],
    ['March 2020', '12', 'March 12, 2020'],
    ['in March 2020', 'on the 12th.', 'March 12, 2020'],
    ['March of 2020', 'it was the twelfth', 'March 12, 2020'],
    ['in March', 'the 12th', 'March 12'],
    ['sometime in January', '31st', 'January 31'],
    ['in Feb', '28th', 'February 28'],
    ['February 2024', '29th', 'February 29, 2024'],
    ['last month', 'the 3rd', 'February 3, 2025'],
    ['this month', 'the 1st', 'March 1, 2025'],
    ['I took it in dec 2024', 'the 12th I think', 'December 12, 2024'],
    // A month and day with no year keep the year given before (the tester's "May 2019", then "May 20").
    ['March 2020', 'March 12', 'March 12, 2020'],
    ['I passed it in May 2019', 'May 20', 'May 20, 2019'],
    ['May 2019', 'the 20th of May', 'May 20, 2019'],
    ['May 2019', 'June 3rd', 'June 3, 2019'],
    ['May 2019', '5/20', 'May 20, 2019'],
    ['in March', 'March 12', 'March 12'],
  ])('%j then %j is %j', (earlier, later, combined) => {
    expect(combineDateParts(earlier, later, mar20)).toBe(combined);
  });

  it('gives a text pastDate reads as the full date', () => {
    const combined = combineDateParts('in March', 'the 12th', mar20);
    expect(combined).not.toBeNull();
    expect(pastDate(combined as string, mar20)).toMatchObject({ ok: true, date: '2025-03-12' });
    expect(futureDate(combined as string, mar20)).toMatchObject({ ok: true, date: '2026-03-12', assumedYear: true });
  });

  // [earlier, later, why they do not combine]
  it.each([
    ['March 2020', 'March 12 at 3pm', 'the later answer says more than a month and a day'],
    ['May 2019', '5/6', 'May 6 or June 5: the whole answer is asked about'],
    ['March 2020', 'the 12th, I think it was a Tuesday', 'the later answer says more than a day'],
    ['March 2020', 'A5', 'the later answer is no day'],
    ['March 2020', 'the 32nd', 'no such day'],
    ['February 2025', '29', 'not in a leap year'],
    ['in Feb', '29', 'no year to make it a leap year, and chrono reads no February 29 without one'],
    ['April', '31', 'no April 31'],
    ['March 3, 2020', 'the 12th', 'the earlier answer already had a day'],
    ['last week', 'the 12th', 'a week, not a month'],
    ['last year', 'the 12th', 'a year, not a month'],
    ['5 months ago', 'the 12th', 'only roughly that month'],
    ['March or April', 'the 12th', 'two months'],
    ['I am not sure', 'the 12th', 'no month at all'],
  ])('%j then %j do not combine (%s)', (earlier, later) => {
    expect(combineDateParts(earlier, later, mar20)).toBeNull();
  });

  it('names the module and the bad value', () => {
    expect(() => combineDateParts(3 as unknown as string, 'the 12th', mar20)).toThrow('understanding/dates: text must be a string, got 3');
    expect(() => combineDateParts('March', 'the 12th', { now: new Date(NaN), zone: 'America/New_York' })).toThrow(
      'understanding/dates: now must be a valid Date, got Date(Invalid)',
    );
  });
});
