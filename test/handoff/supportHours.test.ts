import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  estimateWaitMinutes,
  formatReplyBy,
  parseSupportHours,
  supportStatus,
} from '../../src/handoff/supportHours.js';

const NY = 'America/New_York';

/** An instant given as New York wall-clock time: ny('2025-12-01 08:00'). */
function ny(dateTime: string): Date {
  return DateTime.fromFormat(dateTime, 'yyyy-MM-dd HH:mm', { zone: NY }).toJSDate();
}

/** An instant given in UTC: utc('2025-03-10 12:00'). */
function utc(dateTime: string): Date {
  return new Date(`${dateTime.replace(' ', 'T')}:00Z`);
}

// December 2025: Monday the 1st; Christmas (a holiday) is Thursday the 25th.
const office = parseSupportHours({ hours: 'Mon-Fri 08:00-20:00; Sat 09:00-13:00', zone: NY, holidays: '2025-12-25' });

describe('parseSupportHours: reading the hours', () => {
  it('turns a weekday range and a single day into one window per day, in minutes since local midnight', () => {
    expect(office.zone).toBe(NY);
    expect(office.windows).toEqual([
      { weekday: 1, start: 480, end: 1200 },
      { weekday: 2, start: 480, end: 1200 },
      { weekday: 3, start: 480, end: 1200 },
      { weekday: 4, start: 480, end: 1200 },
      { weekday: 5, start: 480, end: 1200 },
      { weekday: 6, start: 540, end: 780 },
    ]);
    expect(office.holidays).toEqual(['2025-12-25']);
  });

  it('reads a comma list of days', () => {
    const s = parseSupportHours({ hours: 'Mon,Wed 10:00-12:00', zone: NY });
    expect(s.windows.map((w) => w.weekday)).toEqual([1, 3]);
  });

  it('reads a range that wraps over the weekend, Fri-Mon, as Friday to Monday', () => {
    const s = parseSupportHours({ hours: 'Fri-Mon 10:00-12:00', zone: NY });
    expect(s.windows.map((w) => w.weekday)).toEqual([1, 5, 6, 7]);
  });

  it('accepts day names in any case, spaces around the dash and a trailing semicolon', () => {
    const s = parseSupportHours({ hours: ' mon-FRI 08:00 - 17:30 ; ', zone: NY });
    expect(s.windows).toHaveLength(5);
    expect(s.windows[0]).toEqual({ weekday: 1, start: 480, end: 1050 });
  });

  it('accepts 24:00 as the end of a window', () => {
    expect(parseSupportHours({ hours: 'Fri 18:00-24:00', zone: NY }).windows).toEqual([
      { weekday: 5, start: 1080, end: 1440 },
    ]);
  });

  it.each([undefined, '', '  ', '24/7'])('treats hours %j as always open: every day 00:00-24:00', (hours) => {
    const s = parseSupportHours({ hours, zone: NY });
    expect(s.windows).toHaveLength(7);
    expect(s.windows.every((w) => w.start === 0 && w.end === 1440)).toBe(true);
  });

  it('reads holidays as a comma list, sorted, without repeats, ignoring spaces and empty items', () => {
    const s = parseSupportHours({ zone: NY, holidays: ' 2026-01-01, 2025-12-25,,2025-12-25 ' });
    expect(s.holidays).toEqual(['2025-12-25', '2026-01-01']);
  });
});

describe('parseSupportHours: a bad spec names the bad piece', () => {
  it('a window without HH:MM times', () => {
    expect(() => parseSupportHours({ hours: 'Mon-Fri 8-20', zone: NY })).toThrow(
      'supportHours: "Mon-Fri 8-20" is not "Day[-Day] HH:MM-HH:MM"',
    );
  });

  it('a window with no days', () => {
    expect(() => parseSupportHours({ hours: '08:00-20:00', zone: NY })).toThrow(
      'supportHours: "08:00-20:00" is not "Day[-Day] HH:MM-HH:MM"',
    );
  });

  it('a day name that is not Mon..Sun', () => {
    expect(() => parseSupportHours({ hours: 'Monday-Fri 08:00-20:00', zone: NY })).toThrow(
      'supportHours: "Monday" in "Monday-Fri 08:00-20:00" is not a day (Mon..Sun)',
    );
  });

  it('the end of a range that is not a day', () => {
    expect(() => parseSupportHours({ hours: 'Mon-Fry 08:00-20:00', zone: NY })).toThrow('supportHours: "Fry"');
  });

  it('a range with three days', () => {
    expect(() => parseSupportHours({ hours: 'Mon-Wed-Fri 08:00-20:00', zone: NY })).toThrow(
      'supportHours: "Mon-Wed-Fri 08:00-20:00" is not "Day[-Day] HH:MM-HH:MM"',
    );
  });

  it('an hour past 23', () => {
    expect(() => parseSupportHours({ hours: 'Mon 25:00-26:00', zone: NY })).toThrow(
      'supportHours: "25:00" in "Mon 25:00-26:00" is not a time',
    );
  });

  it('a minute past 59', () => {
    expect(() => parseSupportHours({ hours: 'Mon 08:60-10:00', zone: NY })).toThrow('supportHours: "08:60"');
  });

  it('24:00 as a start', () => {
    expect(() => parseSupportHours({ hours: 'Mon 24:00-24:00', zone: NY })).toThrow('supportHours: "24:00"');
  });

  it('a window that ends before it starts', () => {
    expect(() => parseSupportHours({ hours: 'Mon 20:00-08:00', zone: NY })).toThrow(
      'supportHours: "Mon 20:00-08:00" does not end after it starts',
    );
  });

  it('a window that ends when it starts', () => {
    expect(() => parseSupportHours({ hours: 'Mon 08:00-08:00', zone: NY })).toThrow(
      'supportHours: "Mon 08:00-08:00" does not end after it starts',
    );
  });

  it('hours with only separators', () => {
    expect(() => parseSupportHours({ hours: ';;', zone: NY })).toThrow('supportHours: ";;" has no opening');
  });

  it.each(['Mars/Olympus', '', 'EST5EDTX'])('a zone %j that is not an IANA zone', (zone) => {
    expect(() => parseSupportHours({ hours: '24/7', zone })).toThrow(
      `supportHours: zone ${JSON.stringify(zone)} is not an IANA time zone`,
    );
  });

  it.each(['2025-13-01', '2025-02-30', '12/25/2025', '2025-12-25T00:00'])('a holiday %j that is not a date', (day) => {
    expect(() => parseSupportHours({ zone: NY, holidays: `2025-12-24, ${day}` })).toThrow(
      `supportHours: holiday "${day}" is not a date (YYYY-MM-DD)`,
    );
  });
});

describe('supportStatus: opening and closing on a weekday (Tuesday, December 2, 2025)', () => {
  it('the minute before opening is closed, and opens at 08:00 that day', () => {
    expect(supportStatus(office, ny('2025-12-02 07:59'))).toEqual({ open: false, opensAt: ny('2025-12-02 08:00') });
  });

  it('at opening it is open, closing at 20:00', () => {
    expect(supportStatus(office, ny('2025-12-02 08:00'))).toEqual({ open: true, closesAt: ny('2025-12-02 20:00') });
  });

  it('the minute before closing is still open', () => {
    expect(supportStatus(office, ny('2025-12-02 19:59'))).toEqual({ open: true, closesAt: ny('2025-12-02 20:00') });
  });

  it('at closing it is closed (the end is exclusive), and opens at 08:00 the next day', () => {
    expect(supportStatus(office, ny('2025-12-02 20:00'))).toEqual({ open: false, opensAt: ny('2025-12-03 08:00') });
  });

  it('just after midnight it opens at 08:00 the same day', () => {
    expect(supportStatus(office, ny('2025-12-03 00:00'))).toEqual({ open: false, opensAt: ny('2025-12-03 08:00') });
  });
});

describe('supportStatus: the weekend', () => {
  it('after Friday closing, it opens on Saturday at 09:00', () => {
    expect(supportStatus(office, ny('2025-12-05 20:00'))).toEqual({ open: false, opensAt: ny('2025-12-06 09:00') });
  });

  it('on Saturday the minute before 13:00 it is open, closing at 13:00', () => {
    expect(supportStatus(office, ny('2025-12-06 12:59'))).toEqual({ open: true, closesAt: ny('2025-12-06 13:00') });
  });

  it('at Saturday closing it is closed until Monday at 08:00', () => {
    expect(supportStatus(office, ny('2025-12-06 13:00'))).toEqual({ open: false, opensAt: ny('2025-12-08 08:00') });
  });

  it('on Sunday, a day with no hours, it opens on Monday at 08:00', () => {
    expect(supportStatus(office, ny('2025-12-07 12:00'))).toEqual({ open: false, opensAt: ny('2025-12-08 08:00') });
  });
});

describe('supportStatus: a holiday (Thursday, December 25, 2025)', () => {
  it('the day before, the minute before closing is open, closing at 20:00', () => {
    expect(supportStatus(office, ny('2025-12-24 19:59'))).toEqual({ open: true, closesAt: ny('2025-12-24 20:00') });
  });

  it('the day before, at closing, the next opening skips the holiday to Friday at 08:00', () => {
    expect(supportStatus(office, ny('2025-12-24 20:00'))).toEqual({ open: false, opensAt: ny('2025-12-26 08:00') });
  });

  it('on the holiday, during normal hours, it is closed until Friday at 08:00', () => {
    expect(supportStatus(office, ny('2025-12-25 08:00'))).toEqual({ open: false, opensAt: ny('2025-12-26 08:00') });
    expect(supportStatus(office, ny('2025-12-25 12:00'))).toEqual({ open: false, opensAt: ny('2025-12-26 08:00') });
  });

  it('the day after, at 08:00, it is open again', () => {
    expect(supportStatus(office, ny('2025-12-26 08:00'))).toEqual({ open: true, closesAt: ny('2025-12-26 20:00') });
  });

  it('a Friday holiday on a weekday-only schedule sends the next opening to Monday', () => {
    const weekdays = parseSupportHours({ hours: 'Mon-Fri 08:00-20:00', zone: NY, holidays: '2025-12-25,2025-12-26' });
    expect(supportStatus(weekdays, ny('2025-12-24 20:00'))).toEqual({ open: false, opensAt: ny('2025-12-29 08:00') });
  });

  it('support that never opens within 370 days is an error naming the time', () => {
    // Only Mondays, and every Monday for more than a year is a holiday.
    const mondays = Array.from({ length: 60 }, (_, i) =>
      DateTime.fromISO('2025-12-01').plus({ weeks: i }).toISODate(),
    ).join(',');
    const never = parseSupportHours({ hours: 'Mon 08:00-09:00', zone: NY, holidays: mondays });
    expect(() => supportStatus(never, ny('2025-12-01 00:00'))).toThrow(
      'supportHours: support never opens within 370 days of 2025-12-01T05:00:00.000Z',
    );
  });
});

describe('supportStatus: always open', () => {
  it('24/7 with no holidays is open and never closes', () => {
    const always = parseSupportHours({ hours: '24/7', zone: NY });
    expect(supportStatus(always, ny('2025-12-02 03:00'))).toEqual({ open: true });
  });

  it('24/7 closes at midnight starting a holiday, and reopens at the midnight after it', () => {
    const always = parseSupportHours({ hours: '24/7', zone: NY, holidays: '2025-12-25' });
    expect(supportStatus(always, ny('2025-12-24 23:59'))).toEqual({ open: true, closesAt: ny('2025-12-25 00:00') });
    expect(supportStatus(always, ny('2025-12-25 00:00'))).toEqual({ open: false, opensAt: ny('2025-12-26 00:00') });
    expect(supportStatus(always, ny('2025-12-26 00:00'))).toEqual({ open: true });
  });

  it('24/7 closes at a holiday months ahead', () => {
    const always = parseSupportHours({ hours: '24/7', zone: NY, holidays: '2026-07-04' });
    expect(supportStatus(always, ny('2025-12-02 03:00'))).toEqual({ open: true, closesAt: ny('2026-07-04 00:00') });
  });

  it('24/7 with a holiday beyond the 370-day horizon counts as never closing', () => {
    const always = parseSupportHours({ hours: '24/7', zone: NY, holidays: '2027-01-01' });
    expect(supportStatus(always, ny('2025-12-02 03:00'))).toEqual({ open: true });
  });

  it('round the clock except Sunday closes at midnight starting Sunday', () => {
    const sixDays = parseSupportHours({ hours: 'Mon-Sat 00:00-24:00', zone: NY });
    expect(supportStatus(sixDays, ny('2025-12-02 10:00'))).toEqual({ open: true, closesAt: ny('2025-12-07 00:00') });
    expect(supportStatus(sixDays, ny('2025-12-07 00:00'))).toEqual({ open: false, opensAt: ny('2025-12-08 00:00') });
  });

  it('a day that closes in the evening is not carried into a round-the-clock day after it', () => {
    const s = parseSupportHours({ hours: 'Mon 08:00-20:00; Tue 00:00-24:00', zone: NY });
    expect(supportStatus(s, ny('2025-12-01 10:00'))).toEqual({ open: true, closesAt: ny('2025-12-01 20:00') });
    expect(supportStatus(s, ny('2025-12-01 20:00'))).toEqual({ open: false, opensAt: ny('2025-12-02 00:00') });
    expect(supportStatus(s, ny('2025-12-02 10:00'))).toEqual({ open: true, closesAt: ny('2025-12-03 00:00') });
  });

  it('back-to-back windows over midnight count as one stretch', () => {
    const late = parseSupportHours({ hours: 'Fri 18:00-24:00; Sat 00:00-02:00', zone: NY });
    expect(supportStatus(late, ny('2025-12-05 23:00'))).toEqual({ open: true, closesAt: ny('2025-12-06 02:00') });
    expect(supportStatus(late, ny('2025-12-06 01:59'))).toEqual({ open: true, closesAt: ny('2025-12-06 02:00') });
    expect(supportStatus(late, ny('2025-12-06 02:00'))).toEqual({ open: false, opensAt: ny('2025-12-12 18:00') });
  });

  it('overlapping windows on one day close at the later end', () => {
    const split = parseSupportHours({ hours: 'Mon 08:00-12:00; Mon 10:00-14:00', zone: NY });
    expect(supportStatus(split, ny('2025-12-01 09:00'))).toEqual({ open: true, closesAt: ny('2025-12-01 14:00') });
  });

  it('a now that is not a Date is an error', () => {
    expect(() => supportStatus(office, new Date('nonsense'))).toThrow('supportHours: now Invalid Date is not a valid Date');
  });
});

describe('supportStatus: the daylight-saving change weeks in America/New_York', () => {
  const weekdays = parseSupportHours({ hours: 'Mon-Fri 08:00-20:00', zone: NY });

  // Clocks go forward on Sunday, March 9, 2025: 08:00 is 13:00 UTC on the Friday before, 12:00 UTC after.
  it('in spring, after Friday closing (20:00 EST), it opens on Monday at 08:00 EDT', () => {
    expect(supportStatus(weekdays, utc('2025-03-08 01:00'))).toEqual({ open: false, opensAt: utc('2025-03-10 12:00') });
  });

  it('in spring, the minute before Monday 08:00 EDT is closed and 08:00 EDT is open until 20:00 EDT', () => {
    expect(supportStatus(weekdays, utc('2025-03-10 11:59'))).toEqual({ open: false, opensAt: utc('2025-03-10 12:00') });
    expect(supportStatus(weekdays, utc('2025-03-10 12:00'))).toEqual({ open: true, closesAt: utc('2025-03-11 00:00') });
  });

  // Clocks go back on Sunday, November 2, 2025: 08:00 is 12:00 UTC on the Friday before, 13:00 UTC after.
  it('in autumn, after Friday closing (20:00 EDT), it opens on Monday at 08:00 EST', () => {
    expect(supportStatus(weekdays, utc('2025-11-01 00:00'))).toEqual({ open: false, opensAt: utc('2025-11-03 13:00') });
  });

  it('in autumn, 07:59 EST on Monday is closed and 08:00 EST is open until 20:00 EST', () => {
    expect(supportStatus(weekdays, utc('2025-11-03 12:59'))).toEqual({ open: false, opensAt: utc('2025-11-03 13:00') });
    expect(supportStatus(weekdays, utc('2025-11-03 13:00'))).toEqual({ open: true, closesAt: utc('2025-11-04 01:00') });
  });

  it('a 00:00-04:00 window on the spring-forward Sunday lasts three hours', () => {
    const night = parseSupportHours({ hours: 'Sun 00:00-04:00', zone: NY });
    expect(supportStatus(night, utc('2025-03-09 04:59'))).toEqual({ open: false, opensAt: utc('2025-03-09 05:00') });
    expect(supportStatus(night, utc('2025-03-09 05:00'))).toEqual({ open: true, closesAt: utc('2025-03-09 08:00') });
  });

  it('a 00:00-04:00 window on the fall-back Sunday lasts five hours', () => {
    const night = parseSupportHours({ hours: 'Sun 00:00-04:00', zone: NY });
    expect(supportStatus(night, utc('2025-11-02 04:00'))).toEqual({ open: true, closesAt: utc('2025-11-02 09:00') });
    expect(supportStatus(night, utc('2025-11-02 08:59'))).toEqual({ open: true, closesAt: utc('2025-11-02 09:00') });
    expect(supportStatus(night, utc('2025-11-02 09:00'))).toEqual({ open: false, opensAt: utc('2025-11-09 05:00') });
  });
});

describe('formatReplyBy', () => {
  it('says the weekday, date and time in the zone, with the zone abbreviation', () => {
    expect(formatReplyBy(ny('2025-12-01 08:00'), NY)).toBe('Monday, December 1 at 8:00 AM EST');
    expect(formatReplyBy(ny('2025-12-01 08:00'), NY, 'es')).toBe('lunes, 1 de diciembre a las 8:00 a. m. EST');
    expect(formatReplyBy(ny('2025-07-04 13:30'), NY, 'es')).toBe('viernes, 4 de julio a la 1:30 p. m. EDT');
  });

  it('uses the summer abbreviation in summer', () => {
    expect(formatReplyBy(ny('2025-07-04 13:30'), NY)).toBe('Friday, July 4 at 1:30 PM EDT');
  });

  it('shows the same instant in another zone', () => {
    expect(formatReplyBy(ny('2025-12-01 08:00'), 'America/Chicago')).toBe('Monday, December 1 at 7:00 AM CST');
  });

  it('formats the next opening for the candidate', () => {
    const status = supportStatus(office, ny('2025-12-24 20:00'));
    expect(status.open).toBe(false);
    if (!status.open) expect(formatReplyBy(status.opensAt, NY)).toBe('Friday, December 26 at 8:00 AM EST');
  });

  it('a bad zone or date is an error', () => {
    expect(() => formatReplyBy(ny('2025-12-01 08:00'), 'Nowhere/Town')).toThrow('supportHours: zone "Nowhere/Town"');
    expect(() => formatReplyBy(new Date(Number.NaN), NY)).toThrow('supportHours: reply-by date Invalid Date');
  });
});

describe('estimateWaitMinutes: median of recent waits times the place in the queue', () => {
  const minutes = (m: number): number => m * 60_000;

  it('with no recent waits, uses the fallback per case: 5 minutes at third place is 15', () => {
    expect(estimateWaitMinutes(3, [], 5)).toBe(15);
  });

  it('with an odd number of recent waits, uses the middle one: 3 minutes at second place is 6', () => {
    expect(estimateWaitMinutes(2, [minutes(10), minutes(1), minutes(3)], 5)).toBe(6);
  });

  it('with an even number, uses the mean of the middle two: 2.5 minutes is 3 at first place and 5 at second', () => {
    const waits = [minutes(1), minutes(2), minutes(3), minutes(4)];
    expect(estimateWaitMinutes(1, waits, 5)).toBe(3);
    expect(estimateWaitMinutes(2, waits, 5)).toBe(5);
  });

  it('one long wait does not move the estimate', () => {
    expect(estimateWaitMinutes(1, [minutes(1), minutes(1), minutes(60)], 5)).toBe(1);
  });

  it('rounds up to whole minutes: a second over a minute is 2', () => {
    expect(estimateWaitMinutes(1, [61_000], 5)).toBe(2);
  });

  it('is at least one minute, even when recent cases were claimed at once', () => {
    expect(estimateWaitMinutes(1, [0], 5)).toBe(1);
    expect(estimateWaitMinutes(1, [1_000], 5)).toBe(1);
  });

  it('ignores waits that are not finite non-negative numbers, falling back when none are left', () => {
    expect(estimateWaitMinutes(1, [Number.NaN, -5, minutes(4)], 5)).toBe(4);
    expect(estimateWaitMinutes(2, [Number.NaN, Number.POSITIVE_INFINITY], 5)).toBe(10);
  });

  it.each([0, -1, 1.5, Number.NaN])('a queue position of %s is an error', (position) => {
    expect(() => estimateWaitMinutes(position, [], 5)).toThrow(`supportHours: queue position ${position}`);
  });

  it.each([0, -3, Number.NaN])('a fallback of %s minutes per case is an error', (fallback) => {
    expect(() => estimateWaitMinutes(1, [], fallback)).toThrow(`supportHours: fallback minutes per case ${fallback}`);
  });
});
