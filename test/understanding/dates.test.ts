import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { combineDateParts, formatKnownDate, formatLongDate, formatTime, futureDate, parseDates, pastDate, type DateContext, type DateMention } from '../../src/understanding/dates.js';

const LA = 'America/Los_Angeles';
const LONDON = 'Europe/London';
const NY = 'America/New_York';

// 03:30 UTC on Tuesday March 4, 2025: still Monday March 3 (19:30) in Los Angeles.
const NEAR_MIDNIGHT = new Date('2025-03-04T03:30:00Z');
const la: DateContext = { now: NEAR_MIDNIGHT, zone: LA };
const london: DateContext = { now: NEAR_MIDNIGHT, zone: LONDON };
// Monday February 10, 2025, 10:00 in New York.
const feb10: DateContext = { now: new Date('2025-02-10T15:00:00Z'), zone: NY };
// Thursday April 10, 2025, 10:00 in New York.
const apr10: DateContext = { now: new Date('2025-04-10T14:00:00Z'), zone: NY };

const only = (text: string, ctx: DateContext): DateMention => {
  const mentions = parseDates(text, ctx);
  expect(mentions).toHaveLength(1);
  return mentions[0] as DateMention;
};

describe('parseDates reads the supported phrasings', () => {
  // [text, date in LA (Monday evening), date in London (Tuesday early morning), form, certain]
  it.each([
    ['March 3', '2025-03-03', '2025-03-03', 'month-day', false],
    ['March 3, 2025', '2025-03-03', '2025-03-03', 'full', true],
    ['3/14/2025', '2025-03-14', '2025-03-14', 'full', true],
    ['2025-03-03', '2025-03-03', '2025-03-03', 'full', true],
    ['next Friday', '2025-03-14', '2025-03-14', 'weekday', false],
    ['Thursday', '2025-03-06', '2025-03-06', 'weekday', false],
    ['two weeks ago', '2025-02-17', '2025-02-18', 'relative', true],
    ['yesterday', '2025-03-02', '2025-03-03', 'relative', true],
    ['today', '2025-03-03', '2025-03-04', 'relative', true],
    ['tomorrow at 9am', '2025-03-04', '2025-03-05', 'relative', true],
    ['on the 3rd', '2025-03-03', '2025-03-03', 'day', false],
    ['last Monday', '2025-02-24', '2025-03-03', 'weekday', false],
    ['in 10 days', '2025-03-13', '2025-03-14', 'relative', true],
  ] as const)('%j is %s in Los Angeles and %s in London', (text, inLa, inLondon, form, certain) => {
    expect(only(text, la)).toMatchObject({ date: inLa, form, certain, text });
    expect(only(text, london)).toMatchObject({ date: inLondon, form, certain });
  });

  it('gives the time only when one was written, on the candidate’s clock', () => {
    expect(only('tomorrow at 9am', la).time).toBe('09:00');
    expect(only('march 3rd at 2:30pm', la).time).toBe('14:30');
    expect(only('today', la).time).toBeUndefined();
    expect(only('in 10 days', la).time).toBeUndefined();
  });

  it('flags a date with no year as implied and not certain', () => {
    expect(only('March 3', la)).toMatchObject({ certain: false, impliedYear: true });
    expect(only('March 3, 2025', la).impliedYear).toBeUndefined();
  });

  it('reads 3/14/2025 month first and 14/3/2025 day first, because 14 cannot be a month', () => {
    expect(only('3/14/2025', la)).toMatchObject({ date: '2025-03-14', numeric: true });
    expect(only('14/3/2025', la)).toMatchObject({ date: '2025-03-14', numeric: true });
    expect(only('3/4/2025', la).date).toBe('2025-03-04');
  });

  it('records the offset and words of each mention, in order', () => {
    const mentions = parseDates('I failed A5 on March 3 and A4 on 3/10', la);
    expect(mentions.map((m) => [m.text, m.index])).toEqual([
      ['March 3', 15],
      ['3/10', 33],
    ]);
  });

  it('notes the weekday modifier', () => {
    expect(only('next Friday', la)).toMatchObject({ weekday: 5, modifier: 'next' });
    expect(only('last Monday', la)).toMatchObject({ weekday: 1, modifier: 'last' });
    expect(only('Thursday', la).modifier).toBeUndefined();
  });

  it('reads "next week Friday" as one date', () => {
    expect(only('next week Friday', london)).toMatchObject({ date: '2025-03-14', form: 'weekday', modifier: 'next' });
  });

  it('marks a month, a week or a bare time as something other than a day', () => {
    expect(only('in March', la).form).toBe('partial');
    expect(only('next week', la).form).toBe('partial');
    expect(only('last month', la).form).toBe('partial');
    expect(only('at 5pm', la)).toMatchObject({ form: 'time', time: '17:00' });
  });
});

describe('parseDates does not see dates where there are none', () => {
  it.each([
    'I have 2 tests',
    'a 5 minute drive',
    'A1-A8 and T2-T8',
    'call 1-800-390-6789',
    'it costs $7.50 per series',
    'wait 30 days',
    'I sat the A5 test',
    'can I reschedule within 3 days of the test',
    'certifications are valid for 5 years',
    'no changes 72 hours before',
    'the second time I failed',
    'is the 2024 study guide still good',
    'call 1-800-390-2021',
    'my zip is 20210',
  ])('%j has no date', (text) => {
    expect(parseDates(text, la).filter((m) => m.form !== 'time')).toEqual([]);
  });

  it('keeps the real date next to a duration', () => {
    expect(parseDates('can I move it within 3 days of my exam on March 10?', la).map((m) => m.text)).toEqual(['March 10']);
  });
});

describe('a year alone is a date known to the year', () => {
  const dec6: DateContext = { now: new Date('2026-12-06T17:00:00Z'), zone: NY };
  it.each([
    ['i passed it in 2021', '2021-01-01', '2021-12-31'],
    ['and A2 in 2019', '2019-01-01', '2019-12-31'],
    ['back in 2020', '2020-01-01', '2020-12-31'],
    ['2021', '2021-01-01', '2021-12-31'],
    ['it was 2021', '2021-01-01', '2021-12-31'],
    ['in 2026', '2026-01-01', '2026-12-06'],
    ['recert a1 passed 2021', '2021-01-01', '2021-12-31'],
  ])('%j is every day of that year up to today', (text, from, to) => {
    expect(pastDate(text, dec6)).toMatchObject({ ok: false, problem: 'incomplete', span: { from, to } });
  });

  it('quotes only the year after a verb ("passed 2021")', () => {
    expect(parseDates('recert a1 passed 2021', dec6).map((m) => m.text)).toEqual(['2021']);
  });

  it('a year still to come is no past date', () => {
    expect(pastDate('in 2027', dec6)).not.toMatchObject({ span: expect.anything() });
  });

  it('a month given after the year is read in that year', () => {
    expect(combineDateParts('in 2021', 'march', dec6)).toBe('March 2021');
    expect(combineDateParts('2021', 'may 5', dec6)).toBe('May 5, 2021');
    expect(combineDateParts('in 2021', 'the 5th', dec6)).toBeNull();
  });

  it('a time given after the day, or before it, is read with that day', () => {
    expect(combineDateParts('next friday', "it's at 9am", dec6)).toBe('next friday at 9am');
    expect(combineDateParts('at 9am', 'next friday', dec6)).toBe('next friday at 9am');
    expect(combineDateParts('dec 11', '2pm', dec6)).toBe('dec 11 2pm');
    // Two times, or a day that already has its own, do not combine.
    expect(combineDateParts('at 9am', 'at 10am', dec6)).toBeNull();
    expect(combineDateParts('friday at 8am', 'at 9am', dec6)).toBeNull();
  });

  it('is written as the year only', () => {
    expect(formatKnownDate('2024-03-01', 'year', true, 'en')).toBe('in 2024');
    expect(formatKnownDate('2024-03-01', 'year', true, 'es')).toBe('en 2024');
  });
});

describe('pastDate (something that happened)', () => {
  it('takes a year-less date that would be in the future as last year’s and says so', () => {
    expect(pastDate('March 3', feb10)).toEqual({ ok: true, date: '2024-03-03', text: 'March 3', assumedYear: true, assumedMonth: false });
  });

  it('keeps a year-less date already past this year in this year', () => {
    expect(pastDate('I failed on Feb 3', feb10)).toMatchObject({ ok: true, date: '2025-02-03', assumedYear: false });
  });

  it('accepts today', () => {
    expect(pastDate('today', la)).toMatchObject({ ok: true, date: '2025-03-03' });
    expect(pastDate('today', london)).toMatchObject({ ok: true, date: '2025-03-04' });
  });

  it('refuses a date explicitly in the future', () => {
    expect(pastDate('March 3, 2025', feb10)).toEqual({ ok: false, problem: 'in-future', date: '2025-03-03', text: 'March 3, 2025' });
    expect(pastDate('tomorrow', feb10)).toMatchObject({ ok: false, problem: 'in-future', date: '2025-02-11' });
    expect(pastDate('next Friday', feb10)).toMatchObject({ ok: false, problem: 'in-future' });
  });

  it('reads a bare weekday as the most recent one', () => {
    expect(pastDate('I took it Thursday', feb10)).toMatchObject({ ok: true, date: '2025-02-06' });
    expect(pastDate('Friday', feb10)).toMatchObject({ ok: true, date: '2025-02-07' });
  });

  it('reads "last Monday" and "two weeks ago" back from today', () => {
    expect(pastDate('last Monday', feb10)).toMatchObject({ ok: true, date: '2025-02-03' });
    expect(pastDate('two weeks ago', feb10)).toMatchObject({ ok: true, date: '2025-01-27' });
    expect(pastDate('yesterday', la)).toMatchObject({ ok: true, date: '2025-03-02' });
    expect(pastDate('yesterday', london)).toMatchObject({ ok: true, date: '2025-03-03' });
  });

  it('reads "on the 3rd" as the most recent 3rd', () => {
    expect(pastDate('on the 3rd', feb10)).toMatchObject({ ok: true, date: '2025-02-03', assumedMonth: false });
    expect(pastDate('on the 28th', feb10)).toMatchObject({ ok: true, date: '2025-01-28', assumedMonth: true });
  });

  it('moves "the 31st" back to a month that has one', () => {
    expect(pastDate('on the 31st', { now: new Date('2025-03-10T12:00:00Z'), zone: NY })).toMatchObject({ ok: true, date: '2025-01-31' });
  });

  it('accepts a full date in the past', () => {
    expect(pastDate('3/14/2024', feb10)).toMatchObject({ ok: true, date: '2024-03-14', assumedYear: false });
    expect(pastDate('2024-12-31', feb10)).toMatchObject({ ok: true, date: '2024-12-31' });
  });
});

describe('futureDate (an appointment)', () => {
  it('reads "Thursday" as the coming Thursday', () => {
    expect(futureDate('my exam is Thursday, can I still move it?', feb10)).toMatchObject({ ok: true, date: '2025-02-13' });
  });

  it('moves a year-less date already past this year to next year and says so', () => {
    expect(futureDate('March 3', apr10)).toEqual({ ok: true, date: '2026-03-03', text: 'March 3', assumedYear: true, assumedMonth: false });
  });

  it('keeps a year-less date still to come this year', () => {
    expect(futureDate('May 5', apr10)).toMatchObject({ ok: true, date: '2025-05-05', assumedYear: false });
  });

  it('refuses a date explicitly in the past', () => {
    expect(futureDate('March 3, 2025', apr10)).toEqual({ ok: false, problem: 'in-past', date: '2025-03-03', text: 'March 3, 2025' });
    expect(futureDate('yesterday', apr10)).toMatchObject({ ok: false, problem: 'in-past', date: '2025-04-09' });
    expect(futureDate('last Monday', apr10)).toMatchObject({ ok: false, problem: 'in-past' });
  });

  it('keeps the time the candidate wrote, in their zone', () => {
    expect(futureDate('tomorrow at 9am', la)).toMatchObject({ ok: true, date: '2025-03-04', time: '09:00' });
    expect(futureDate('tomorrow at 9am', london)).toMatchObject({ ok: true, date: '2025-03-05', time: '09:00' });
  });

  it('adds a time written apart from the date', () => {
    expect(futureDate("It's on Thursday. Starts 2:30pm", feb10)).toMatchObject({ ok: true, date: '2025-02-13', time: '14:30' });
  });

  it('reads "in 10 days" and "on the 3rd" forward', () => {
    expect(futureDate('in 10 days', feb10)).toMatchObject({ ok: true, date: '2025-02-20' });
    expect(futureDate('on the 3rd', feb10)).toMatchObject({ ok: true, date: '2025-03-03', assumedMonth: true });
  });

  it('accepts today', () => {
    expect(futureDate('today at 3pm', feb10)).toMatchObject({ ok: true, date: '2025-02-10', time: '15:00' });
  });
});

describe('ambiguity: the dialog asks a short question', () => {
  it('offers both readings of 3/4 with no year', () => {
    expect(futureDate('3/4', feb10)).toEqual({
      ok: false,
      problem: 'ambiguous',
      options: [
        { date: '2025-03-04', text: '3/4' },
        { date: '2025-04-03', text: '3/4' },
      ],
    });
    expect(pastDate('3/4', feb10)).toMatchObject({ problem: 'ambiguous', options: [{ date: '2024-03-04' }, { date: '2024-04-03' }] });
  });

  it('does not ask when only one reading is a date (3/14) or both are the same (3/3)', () => {
    expect(futureDate('3/14', feb10)).toMatchObject({ ok: true, date: '2025-03-14' });
    expect(futureDate('3/3', feb10)).toMatchObject({ ok: true, date: '2025-03-03' });
  });

  it('lets a matching weekday settle 3/6 (Thursday, March 6)', () => {
    expect(futureDate('Thursday 3/6', feb10)).toMatchObject({ ok: true, date: '2025-03-06' });
  });

  it('offers two different dates in one message', () => {
    expect(futureDate('March 3 or March 5', feb10)).toMatchObject({
      ok: false,
      problem: 'ambiguous',
      options: [{ date: '2025-03-03' }, { date: '2025-03-05' }],
    });
  });

  it('does not ask when the same day is written twice', () => {
    expect(futureDate('Thursday, I mean Thursday the 13th', feb10)).toMatchObject({ ok: true, date: '2025-02-13' });
  });

  it('drops a reading on the wrong side of today when another fits', () => {
    expect(pastDate('I failed on March 3, 2024 and retake on March 3, 2025', feb10)).toMatchObject({ ok: true, date: '2024-03-03' });
  });

  it('asks whether "next Friday" early in the week is this week’s or the next', () => {
    expect(futureDate('next Friday', feb10)).toMatchObject({
      ok: false,
      problem: 'ambiguous',
      options: [{ date: '2025-02-14' }, { date: '2025-02-21' }],
    });
  });

  it('does not ask about "next Friday" on a Saturday', () => {
    const saturday: DateContext = { now: new Date('2025-02-15T15:00:00Z'), zone: NY };
    expect(futureDate('next Friday', saturday)).toMatchObject({ ok: true, date: '2025-02-21' });
  });

  it('asks whether a weekday named on that weekday means today or a week away', () => {
    expect(futureDate('Thursday', apr10)).toMatchObject({ problem: 'ambiguous', options: [{ date: '2025-04-10' }, { date: '2025-04-17' }] });
    expect(pastDate('Thursday', apr10)).toMatchObject({ problem: 'ambiguous', options: [{ date: '2025-04-10' }, { date: '2025-04-03' }] });
  });
});

describe('nothing usable', () => {
  it('says no-date when there is no date', () => {
    expect(pastDate('I am not sure', feb10)).toEqual({ ok: false, problem: 'no-date' });
    expect(futureDate('', feb10)).toEqual({ ok: false, problem: 'no-date' });
  });

  it('says incomplete for a month or a week with no day', () => {
    expect(pastDate('sometime in January', feb10)).toMatchObject({ ok: false, problem: 'incomplete', text: 'January' });
    expect(futureDate('next week', feb10)).toEqual({ ok: false, problem: 'incomplete', text: 'next week' });
    expect(pastDate('a month ago', feb10)).toMatchObject({ ok: false, problem: 'incomplete' });
  });

  it('says no-date for a time alone', () => {
    expect(futureDate('at 5pm', feb10)).toEqual({ ok: false, problem: 'no-date' });
  });
});

describe('formatting', () => {
  it('writes dates out with the weekday', () => {
    expect(formatLongDate('2025-04-03', 'en')).toBe('Thursday, April 3, 2025');
    expect(formatLongDate('2024-02-29', 'en')).toBe('Thursday, February 29, 2024');
  });

  it('writes times on a 12-hour clock', () => {
    expect(formatTime('14:30', 'en')).toBe('2:30 PM');
    expect(formatTime('09:00', 'en')).toBe('9:00 AM');
    expect(formatTime('00:05', 'en')).toBe('12:05 AM');
    expect(formatTime('12:00', 'en')).toBe('12:00 PM');
  });

  it('names the module and the bad value', () => {
    expect(() => formatLongDate('2025-02-30', 'en')).toThrow('understanding/dates: formatLongDate expects a calendar date \'YYYY-MM-DD\', got "2025-02-30"');
    expect(() => formatLongDate('April 3', 'en')).toThrow(/understanding\/dates: .*"April 3"/);
    expect(() => formatTime('2:30 PM', 'en')).toThrow(/understanding\/dates: formatTime .*"2:30 PM"/);
    expect(() => formatTime('24:00', 'en')).toThrow(/"24:00"/);
  });
});

describe('inputs', () => {
  it('refuses an unknown zone, naming it', () => {
    expect(() => parseDates('today', { now: NEAR_MIDNIGHT, zone: 'Mars/Olympus' })).toThrow('understanding/dates: unknown IANA time zone "Mars/Olympus"');
  });

  it('refuses an invalid now', () => {
    expect(() => pastDate('today', { now: new Date(Number.NaN), zone: LA })).toThrow(/understanding\/dates: now must be a valid Date, got Date\(Invalid\)/);
    expect(() => futureDate('today', { now: '2025-03-04' as unknown as Date, zone: LA })).toThrow(/now must be a valid Date, got "2025-03-04"/);
  });

  it('refuses text that is not a string', () => {
    expect(() => parseDates(undefined as unknown as string, la)).toThrow(/understanding\/dates: text must be a string/);
  });
});

describe('properties', () => {
  const zones = [LA, NY, LONDON, 'Asia/Tokyo', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];
  const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true });
  const zone = fc.constantFrom(...zones);

  it('"today", "yesterday" and "tomorrow" follow the calendar in the candidate’s zone', () => {
    fc.assert(
      fc.property(instant, zone, (now, z) => {
        const today = DateTime.fromJSDate(now, { zone: z });
        const ctx = { now, zone: z };
        expect(parseDates('today', ctx)[0]?.date).toBe(today.toISODate());
        expect(parseDates('yesterday', ctx)[0]?.date).toBe(today.minus({ days: 1 }).toISODate());
        expect(parseDates('tomorrow', ctx)[0]?.date).toBe(today.plus({ days: 1 }).toISODate());
      }),
    );
  });

  it('a year-less date lands within the year before (pastDate) or after (futureDate) today', () => {
    const monthDay = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }));
    fc.assert(
      fc.property(instant, zone, monthDay, (now, z, [month, day]) => {
        const today = DateTime.fromJSDate(now, { zone: z }).toISODate() as string;
        const words = `${DateTime.utc(2001, month, day).toFormat('LLLL')} ${day}`;
        const past = pastDate(words, { now, zone: z });
        const future = futureDate(words, { now, zone: z });
        if (!past.ok || !future.ok) throw new Error(`expected dates for ${words}`);
        expect(past.date <= today && past.date > DateTime.fromISO(today).minus({ years: 1 }).toISODate()!).toBe(true);
        expect(future.date >= today && future.date < DateTime.fromISO(today).plus({ years: 1 }).toISODate()!).toBe(true);
        expect(past.date.slice(5)).toBe(`${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }),
    );
  });

  it('a bare weekday is within the week before or after today', () => {
    const weekday = fc.constantFrom('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday');
    fc.assert(
      fc.property(instant, zone, weekday, (now, z, name) => {
        const today = DateTime.fromJSDate(now, { zone: z }).toISODate() as string;
        const future = futureDate(name, { now, zone: z });
        const past = pastDate(name, { now, zone: z });
        const dates = (a: typeof future) => (a.ok ? [a.date] : a.problem === 'ambiguous' ? a.options.map((o) => o.date) : []);
        for (const d of dates(future)) expect(d >= today && d <= DateTime.fromISO(today).plus({ days: 7 }).toISODate()!).toBe(true);
        for (const d of dates(past)) expect(d <= today && d >= DateTime.fromISO(today).minus({ days: 7 }).toISODate()!).toBe(true);
        for (const d of [...dates(future), ...dates(past)]) expect(DateTime.fromISO(d).toFormat('cccc')).toBe(name);
      }),
    );
  });
});

describe('the server’s own time zone', () => {
  it('does not change any answer', { timeout: 60_000 }, () => {
    const script = `
      import { parseDates, pastDate, futureDate } from ${JSON.stringify(fileURLToPath(new URL('../../src/understanding/dates.ts', import.meta.url)))};
      const out = [];
      for (const zone of ['America/Los_Angeles', 'Europe/London', 'Asia/Tokyo']) {
        const ctx = { now: new Date('2025-03-09T09:30:00Z'), zone };
        for (const t of ['today', 'tomorrow at 9am', 'March 3', 'Thursday', 'next Friday', 'in 10 days', 'on the 3rd', '3/4']) {
          out.push([parseDates(t, ctx), pastDate(t, ctx), futureDate(t, ctx)]);
        }
      }
      console.log(JSON.stringify(out));`;
    const run = (tz: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
    const utc = run('UTC');
    expect(JSON.parse(utc)).toHaveLength(24);
    // 2025-03-09 is the spring-forward day in the United States.
    expect(run('America/New_York')).toBe(utc);
    expect(run('Australia/Lord_Howe')).toBe(utc);
  });
});

describe('a month and a day with a dash', () => {
  const ctx = { now: new Date('2026-12-07T15:00:00Z'), zone: 'America/New_York' };
  const datesIn = (text: string) => parseDates(text, ctx).map((mention) => mention.text);

  it('is a date as the whole message or after a word that introduces one', () => {
    expect(datesIn('12-15')).toEqual(['12-15']);
    expect(datesIn('its 12-15')).toEqual(['12-15']);
    expect(datesIn('el 12-15')).toEqual(['12-15']);
    expect(datesIn('my appt is 12-15 at 8am can i cancel')).toEqual(['12-15 at 8am']);
  });

  it('is no date for working hours, scores, rooms or spans of a count', () => {
    for (const text of ['can i move my test? i work 7-3 on weekdays', 'open 9-5', 'I got 8-10 right', 'i scored 7-10', 'room 3-12', 'i have 2-3 more tests', 'in 2-3 days', 'A1-A8']) {
      expect(datesIn(text), text).toEqual([]);
    }
  });
});
