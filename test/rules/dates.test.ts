import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, todayIn } from '../../src/rules/index.js';

describe('calendar helpers', () => {
  it('adding days crosses month ends: January 31 + 1 day is February 1', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
  });

  it('adding days crosses year ends: December 31 + 1 day is January 1', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('adding days is unaffected by DST: March 8 + 1 day is March 9 whatever the zone', () => {
    expect(addDays('2025-03-08', 1)).toBe('2025-03-09');
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
    expect(daysBetween('2025-11-01', '2025-11-03')).toBe(2);
  });

  it('adding five years to 29 February gives 28 February', () => {
    expect(addYears('2020-02-29', 5)).toBe('2025-02-28');
  });

  it('adding four years to 29 February gives 29 February', () => {
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
  });

  it('adding years gives the day luxon gives for any date, forwards and back, 29 February included', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -120, max: 120 }), (instant, years) => {
        const date = DateTime.fromJSDate(instant, { zone: 'utc' }).toISODate()!;
        expect(addYears(date, years)).toBe(DateTime.fromISO(date, { zone: 'utc' }).plus({ years }).toISODate());
      }),
      { numRuns: 500 },
    );
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
  });

  it('adding years to a date that does not exist is refused, naming the field', () => {
    expect(() => addYears('2025-02-29', 1, 'passedOn')).toThrow(/passedOn/);
  });

  it('daysBetween is negative when the second date is earlier', () => {
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
  });

  it('today depends on the zone: 2025-01-01 03:00 UTC is still December 31 in Los Angeles', () => {
    expect(todayIn('2025-01-01T03:00:00Z', 'America/Los_Angeles')).toBe('2024-12-31');
    expect(todayIn('2025-01-01T03:00:00Z', 'America/New_York')).toBe('2024-12-31');
    expect(todayIn('2025-01-01T05:00:00Z', 'America/New_York')).toBe('2025-01-01');
    expect(todayIn(new Date('2025-01-01T09:59:00Z'), 'Pacific/Honolulu')).toBe('2024-12-31');
    expect(todayIn(new Date('2025-01-01T10:00:00Z'), 'Pacific/Honolulu')).toBe('2025-01-01');
  });

  it('a Date gives the same day as luxon in the zone, the minute before, at and after midnight there, across DST changes', () => {
    const zones = ['America/New_York', 'America/Phoenix', 'Pacific/Honolulu', 'America/Anchorage', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...zones), (instant, zone) => {
        const midnight = DateTime.fromJSDate(instant, { zone }).startOf('day');
        for (const at of [midnight.minus({ minutes: 1 }), midnight.minus({ milliseconds: 1 }), midnight, midnight.plus({ minutes: 1 }), DateTime.fromJSDate(instant, { zone })]) {
          expect(todayIn(at.toJSDate(), zone)).toBe(at.toISODate());
        }
      }),
      { numRuns: 300 },
    );
  });
});
