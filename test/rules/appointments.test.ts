import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { changeEligibility, earliestChangeableStart, RuleInputError } from '../../src/rules/index.js';
import { policy, utc } from './helpers.js';

const CHI = 'America/Chicago';
const NY = 'America/New_York';
const LA = 'America/Los_Angeles';
const HNL = 'Pacific/Honolulu';

// Appointment Friday 2025-06-20 09:00 in Chicago (CDT, UTC-5) = 14:00 UTC.
// 72 hours earlier: Tuesday 2025-06-17 14:00 UTC.
const june20 = { date: '2025-06-20', time: '09:00', zone: CHI };

describe('changeEligibility: the 72-hour boundary', () => {
  it('when the appointment is 72 hours and one minute away, a change is allowed', () => {
    const d = changeEligibility({ appointment: june20, now: utc('2025-06-17 13:59') }, policy);
    expect(d.verdict).toBe('allowed');
    expect(d.allowed).toBe(true);
    expect(d.hoursRemaining).toBeCloseTo(72 + 1 / 60, 10);
  });

  it('when the appointment is exactly 72 hours away, a change is refused', () => {
    const d = changeEligibility({ appointment: june20, now: utc('2025-06-17 14:00') }, policy);
    expect(d).toMatchObject({ verdict: 'too-late', allowed: false, hoursRemaining: 72 });
  });

  it('when the appointment is 72 hours less one minute away, a change is refused', () => {
    const d = changeEligibility({ appointment: june20, now: utc('2025-06-17 14:01') }, policy);
    expect(d).toMatchObject({ verdict: 'too-late', allowed: false });
  });

  it('reports the deadline instant in the centre\'s offset and its local date', () => {
    const d = changeEligibility({ appointment: june20, now: utc('2025-06-01 12:00') }, policy);
    expect(d.appointmentStart).toBe('2025-06-20T09:00:00.000-05:00');
    expect(d.deadline).toBe('2025-06-17T09:00:00.000-05:00');
    expect(d.deadlineLocalDate).toBe('2025-06-17');
    expect(d.lastDayToChange).toBe('2025-06-17');
    expect(d.assumedStartOfDay).toBe(false);
  });

  it('says the existing appointment must be cancelled before a new one is booked, and quotes both sentences', () => {
    const d = changeEligibility({ appointment: june20, now: utc('2025-06-01 12:00') }, policy);
    expect(d.mustCancelBeforeRebooking).toBe(true);
    expect(d.policy).toContain('you must first cancel the existing appointment before you can schedule a new one');
    expect(d.policy).toContain('No changes are allowed within three days of your scheduled appointment.');
  });
});

describe('changeEligibility: a date with no time', () => {
  const noTime = { date: '2025-06-20', zone: CHI };

  it('with no time the appointment counts as starting at 00:00, so the last day to change is four days before', () => {
    const d = changeEligibility({ appointment: noTime, now: utc('2025-06-01 12:00') }, policy);
    expect(d.assumedStartOfDay).toBe(true);
    expect(d.appointmentStart).toBe('2025-06-20T00:00:00.000-05:00');
    expect(d.deadline).toBe('2025-06-17T00:00:00.000-05:00');
    expect(d.deadlineLocalDate).toBe('2025-06-17');
    expect(d.lastDayToChange).toBe('2025-06-16');
  });

  it('at 23:59 local four days before, a change is still allowed', () => {
    // 2025-06-16 23:59 CDT = 2025-06-17 04:59 UTC
    expect(changeEligibility({ appointment: noTime, now: utc('2025-06-17 04:59') }, policy).verdict).toBe('allowed');
  });

  it('at 00:00 local three days before, a change is refused', () => {
    expect(changeEligibility({ appointment: noTime, now: utc('2025-06-17 05:00') }, policy).verdict).toBe('too-late');
  });
});

describe('changeEligibility: after the appointment has started', () => {
  it('at the start instant itself the appointment counts as passed', () => {
    const d = changeEligibility({ appointment: june20, now: utc('2025-06-20 14:00') }, policy);
    expect(d).toMatchObject({ verdict: 'appointment-passed', allowed: false, hoursRemaining: 0 });
  });

  it('a day later the appointment has passed', () => {
    const d = changeEligibility({ appointment: june20, now: utc('2025-06-21 14:00') }, policy);
    expect(d.verdict).toBe('appointment-passed');
    expect(d.hoursRemaining).toBe(-24);
  });

  it('one minute before the start it is too late, not passed', () => {
    expect(changeEligibility({ appointment: june20, now: utc('2025-06-20 13:59') }, policy).verdict).toBe('too-late');
  });
});

describe('changeEligibility: time zones either side of midnight UTC', () => {
  // 2025-07-04 00:30 PDT = 2025-07-04 07:30 UTC; deadline 2025-07-01 07:30 UTC = 00:30 PDT.
  const la = { date: '2025-07-04', time: '00:30', zone: LA };

  it('a Los Angeles appointment at 00:30 can be changed at 07:29 UTC three days before (23:29 the evening before, locally)', () => {
    const d = changeEligibility({ appointment: la, now: utc('2025-07-01 07:29') }, policy);
    expect(d.verdict).toBe('allowed');
    expect(d.deadline).toBe('2025-07-01T00:30:00.000-07:00');
    expect(d.deadlineLocalDate).toBe('2025-07-01');
    expect(d.lastDayToChange).toBe('2025-07-01');
  });

  it('a Los Angeles appointment at 00:30 cannot be changed at 07:31 UTC three days before', () => {
    expect(changeEligibility({ appointment: la, now: utc('2025-07-01 07:31') }, policy).verdict).toBe('too-late');
  });

  it('the same instant expressed with another offset gives the same answer', () => {
    const d = changeEligibility({ appointment: la, now: '2025-07-01T03:29:00-04:00' }, policy);
    expect(d.verdict).toBe('allowed');
  });

  // 2025-01-10 20:00 HST (UTC-10) = 2025-01-11 06:00 UTC; deadline 2025-01-08 06:00 UTC.
  const hnl = { date: '2025-01-10', time: '20:00', zone: HNL };

  it('a Honolulu evening appointment has its deadline on the local date, not the UTC date', () => {
    const d = changeEligibility({ appointment: hnl, now: utc('2025-01-01 00:00') }, policy);
    expect(d.deadline).toBe('2025-01-07T20:00:00.000-10:00');
    expect(d.deadlineLocalDate).toBe('2025-01-07');
  });

  it('a Honolulu evening appointment can be changed one minute before the deadline and not at it', () => {
    expect(changeEligibility({ appointment: hnl, now: utc('2025-01-08 05:59') }, policy).verdict).toBe('allowed');
    expect(changeEligibility({ appointment: hnl, now: utc('2025-01-08 06:00') }, policy).verdict).toBe('too-late');
  });
});

describe('changeEligibility: daylight saving weekends (72 elapsed hours, not three wall-clock days)', () => {
  // Spring forward: Sunday 2025-03-09 in New York. Monday 09:00 EDT = 13:00 UTC.
  const monday = { date: '2025-03-10', time: '09:00', zone: NY };

  it('after the spring change the deadline for Monday 09:00 is Friday 08:00 local', () => {
    const d = changeEligibility({ appointment: monday, now: utc('2025-03-01 12:00') }, policy);
    expect(d.appointmentStart).toBe('2025-03-10T09:00:00.000-04:00');
    expect(d.deadline).toBe('2025-03-07T08:00:00.000-05:00');
  });

  it('at Friday 08:30 local, three wall-clock days and 30 minutes before, a change is refused (71.5 hours remain)', () => {
    const d = changeEligibility({ appointment: monday, now: '2025-03-07T08:30:00-05:00' }, policy);
    expect(d.verdict).toBe('too-late');
    expect(d.hoursRemaining).toBe(71.5);
  });

  it('at Friday 07:59 local a change is allowed', () => {
    expect(changeEligibility({ appointment: monday, now: '2025-03-07T07:59:00-05:00' }, policy).verdict).toBe('allowed');
  });

  // Fall back: Sunday 2025-11-02 in New York. Monday 09:00 EST = 14:00 UTC.
  it('after the autumn change the deadline for Monday 09:00 is Friday 10:00 local', () => {
    const d = changeEligibility({ appointment: { date: '2025-11-03', time: '09:00', zone: NY }, now: utc('2025-10-01 12:00') }, policy);
    expect(d.deadline).toBe('2025-10-31T10:00:00.000-04:00');
  });

  it('across the autumn change, 72 hours before a no-time Monday is 01:00 on Friday, so that first hour of Friday still counts', () => {
    const appointment = { date: '2025-11-03', zone: NY };
    const d = changeEligibility({ appointment, now: '2025-10-31T00:30:00-04:00' }, policy);
    expect(d.deadline).toBe('2025-10-31T01:00:00.000-04:00');
    expect(d.lastDayToChange).toBe('2025-10-31');
    expect(d.verdict).toBe('allowed');
    expect(changeEligibility({ appointment, now: '2025-10-31T01:00:00-04:00' }, policy).verdict).toBe('too-late');
  });

  it('a time skipped by the spring change (02:30) moves forward to 03:30', () => {
    const d = changeEligibility({ appointment: { date: '2025-03-09', time: '02:30', zone: NY }, now: utc('2025-03-01 12:00') }, policy);
    expect(d.appointmentStart).toBe('2025-03-09T03:30:00.000-04:00');
  });

  it('a time that happens twice on the autumn night (01:30) is taken at its earlier occurrence', () => {
    const d = changeEligibility({ appointment: { date: '2025-11-02', time: '01:30', zone: NY }, now: utc('2025-10-01 12:00') }, policy);
    expect(d.appointmentStart).toBe('2025-11-02T01:30:00.000-04:00');
  });
});

describe('changeEligibility: a new date must fall inside the purchase window', () => {
  // Bought 2025-01-31 -> last day 2025-05-01.
  const base = { appointment: { date: '2025-04-10', time: '10:00', zone: CHI }, now: utc('2025-04-01 12:00'), purchaseDate: '2025-01-31' };

  it('a new date on the last day of the window is inside it', () => {
    const d = changeEligibility({ ...base, newDate: '2025-05-01' }, policy);
    expect(d.newDate).toMatchObject({ verdict: 'inside-window', insideWindow: true, lastDay: '2025-05-01' });
  });

  it('a new date the day before the last day is inside it', () => {
    expect(changeEligibility({ ...base, newDate: '2025-04-30' }, policy).newDate?.verdict).toBe('inside-window');
  });

  it('a new date the day after the last day is outside it', () => {
    const d = changeEligibility({ ...base, newDate: '2025-05-02' }, policy);
    expect(d.newDate).toMatchObject({ verdict: 'after-window', insideWindow: false });
    expect(d.newDate?.policy).toContain('90 days from the original date of purchase');
  });

  it('a new date before today is reported as such', () => {
    expect(changeEligibility({ ...base, newDate: '2025-03-31' }, policy).newDate?.verdict).toBe('before-today');
  });

  it('without a purchase date the window cannot be judged and the decision says so', () => {
    const d = changeEligibility({ appointment: base.appointment, now: base.now, newDate: '2025-04-20' }, policy);
    expect(d.newDate).toMatchObject({ verdict: 'purchase-date-unknown', insideWindow: null, lastDay: null });
  });

  it('without a new date there is no new-date check', () => {
    expect(changeEligibility(base, policy).newDate).toBeUndefined();
  });
});

describe('changeEligibility: malformed input', () => {
  it('refuses a time that is not HH:mm, naming appointment.time', () => {
    expect(() => changeEligibility({ appointment: { date: '2025-06-20', time: '9am', zone: CHI }, now: utc('2025-06-01 12:00') }, policy)).toThrow(
      /appointment\.time: expected a 24-hour time 'HH:mm'/,
    );
  });

  it('refuses 24:00', () => {
    expect(() => changeEligibility({ appointment: { date: '2025-06-20', time: '24:00', zone: CHI }, now: utc('2025-06-01 12:00') }, policy)).toThrow(RuleInputError);
  });

  it('refuses an unknown zone, naming appointment.zone', () => {
    expect(() => changeEligibility({ appointment: { date: '2025-06-20', zone: 'Central' }, now: utc('2025-06-01 12:00') }, policy)).toThrow(
      /appointment\.zone: unknown IANA time zone/,
    );
  });

  it('refuses a malformed new date, naming newDate', () => {
    expect(() => changeEligibility({ appointment: june20, now: utc('2025-06-01 12:00'), newDate: '2025-6-25' }, policy)).toThrow(/newDate:/);
  });
});

describe('changeEligibility: property', () => {
  const zones = [CHI, NY, LA, HNL, 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
  const HOUR = 3_600_000;
  const cutoff = 72 * HOUR;

  it('a change is allowed exactly when more than 72 hours remain before the start', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.boolean(),
        fc.oneof(
          fc.integer({ min: cutoff - 120_000, max: cutoff + 120_000 }),
          fc.integer({ min: -10 * 24 * HOUR, max: 10 * 24 * HOUR }),
        ),
        (zone, day, hh, mm, withTime, msBefore) => {
          const date = DateTime.fromJSDate(day, { zone: 'utc' }).toISODate() as string;
          const time = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
          const appointment = withTime ? { date, time, zone } : { date, zone };
          const probe = changeEligibility({ appointment, now: new Date(0) }, policy);
          const start = DateTime.fromISO(probe.appointmentStart).toMillis();
          const now = new Date(start - msBefore);
          const d = changeEligibility({ appointment, now }, policy);
          expect(d.allowed).toBe(msBefore > cutoff);
          expect(d.verdict).toBe(msBefore <= 0 ? 'appointment-passed' : msBefore > cutoff ? 'allowed' : 'too-late');
          expect(DateTime.fromISO(d.deadline).toMillis()).toBe(start - cutoff);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('earliestChangeableStart: the day known, the time not', () => {
  it('is the first minute more than 72 hours away, on the centre\'s clock', () => {
    expect(earliestChangeableStart({ now: utc('2025-06-17 13:59'), zone: CHI }, policy)).toEqual({ date: '2025-06-20', time: '09:00' });
  });

  it('a start exactly 72 hours away is already too late, so it is the minute after', () => {
    expect(earliestChangeableStart({ now: utc('2025-06-17 14:00'), zone: CHI }, policy)).toEqual({ date: '2025-06-20', time: '09:01' });
  });

  it('agrees with changeEligibility: that start is allowed, the minute before is not', () => {
    const now = utc('2025-06-17 14:00');
    const { date, time } = earliestChangeableStart({ now, zone: NY }, policy);
    expect(changeEligibility({ appointment: { date, time, zone: NY }, now }, policy).verdict).toBe('allowed');
    const before = DateTime.fromISO(`${date}T${time}`, { zone: NY }).minus({ minutes: 1 }).toFormat('HH:mm');
    expect(changeEligibility({ appointment: { date, time: before, zone: NY }, now }, policy).verdict).toBe('too-late');
  });

  it('names the zone it was given when that zone is unknown', () => {
    expect(() => earliestChangeableStart({ now: utc('2025-06-17 14:00'), zone: 'Mars/Base' }, policy)).toThrow(RuleInputError);
  });
});
