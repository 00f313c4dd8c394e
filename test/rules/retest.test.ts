import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, retestDate } from '../../src/rules/index.js';
import { policy, utc } from './helpers.js';

const NY = 'America/New_York';

describe('retestDate', () => {
  it('failed on January 31 -> may buy again from March 3 (30 full days in a 28-day February)', () => {
    expect(retestDate({ failedOn: '2025-01-31', now: utc('2025-02-01 12:00'), zone: NY }, policy).earliestPurchaseDate).toBe('2025-03-03');
  });

  it('failed on January 31 of a leap year -> may buy again from March 2', () => {
    expect(retestDate({ failedOn: '2024-01-31', now: utc('2024-02-01 12:00'), zone: NY }, policy).earliestPurchaseDate).toBe('2024-03-02');
  });

  it('failed on February 29 -> may buy again from March 31', () => {
    expect(retestDate({ failedOn: '2024-02-29', now: utc('2024-03-01 12:00'), zone: NY }, policy).earliestPurchaseDate).toBe('2024-03-31');
  });

  it('failed on December 15 -> may buy again from January 15 of the next year', () => {
    expect(retestDate({ failedOn: '2025-12-15', now: utc('2025-12-16 12:00'), zone: NY }, policy).earliestPurchaseDate).toBe('2026-01-15');
  });

  it('on the day of the failure the wait is 31 days', () => {
    const d = retestDate({ failedOn: '2025-06-01', now: utc('2025-06-01 20:00'), zone: NY }, policy);
    expect(d).toMatchObject({ verdict: 'wait', daysToWait: 31, fullDaysRequired: 30 });
  });

  it('on the day before the earliest date the candidate must still wait one day', () => {
    const d = retestDate({ failedOn: '2025-06-01', now: utc('2025-07-01 16:00'), zone: NY }, policy);
    expect(d).toMatchObject({ verdict: 'wait', daysToWait: 1, earliestPurchaseDate: '2025-07-02' });
  });

  it('on the earliest date the candidate can buy the test again', () => {
    const d = retestDate({ failedOn: '2025-06-01', now: utc('2025-07-02 16:00'), zone: NY }, policy);
    expect(d).toMatchObject({ verdict: 'can-buy-now', daysToWait: 0 });
  });

  it('on the day after the earliest date the candidate can buy the test again', () => {
    expect(retestDate({ failedOn: '2025-06-01', now: utc('2025-07-03 16:00'), zone: NY }, policy).verdict).toBe('can-buy-now');
  });

  it('at 06:59 UTC on the earliest date it is still the day before in Los Angeles but already the day in New York', () => {
    const now = utc('2025-07-02 06:59');
    expect(retestDate({ failedOn: '2025-06-01', now, zone: 'America/Los_Angeles' }, policy).verdict).toBe('wait');
    expect(retestDate({ failedOn: '2025-06-01', now, zone: NY }, policy).verdict).toBe('can-buy-now');
  });

  it('a failure date after today gets the verdict failed-date-in-future', () => {
    const d = retestDate({ failedOn: '2025-06-02', now: utc('2025-06-01 12:00'), zone: NY }, policy);
    expect(d.verdict).toBe('failed-date-in-future');
  });

  it('a failure "tomorrow" in Honolulu terms is still in the future even when it is already that date in UTC', () => {
    // 2025-06-02 05:00 UTC is 2025-06-01 19:00 in Honolulu.
    const d = retestDate({ failedOn: '2025-06-02', now: utc('2025-06-02 05:00'), zone: 'Pacific/Honolulu' }, policy);
    expect(d.verdict).toBe('failed-date-in-future');
  });

  it('quotes the 30-full-days sentence', () => {
    expect(retestDate({ failedOn: '2025-06-01', now: utc('2025-06-02 12:00'), zone: NY }, policy).policy).toBe(
      'You must wait 30 full days before you can purchase and schedule the same test again.',
    );
  });

  it('property: the retest date is always more than 30 full days after the failure', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (day) => {
        const failedOn = DateTime.fromJSDate(day, { zone: 'utc' }).toISODate() as string;
        const d = retestDate({ failedOn, now: utc('2100-01-01 00:00'), zone: 'UTC' }, policy);
        const fullDaysBetween = daysBetween(failedOn, d.earliestPurchaseDate) - 1;
        expect(fullDaysBetween).toBe(30);
        expect(daysBetween(failedOn, d.earliestPurchaseDate)).toBeGreaterThan(30);
        // The day before the earliest date is always too early.
        const dayBefore = addDays(d.earliestPurchaseDate, -1);
        expect(retestDate({ failedOn, now: `${dayBefore}T12:00:00Z`, zone: 'UTC' }, policy).verdict).toBe('wait');
      }),
      { numRuns: 300 },
    );
  });
});
