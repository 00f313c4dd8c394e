import { describe, expect, it } from 'vitest';
import { certificationExpiry, lastLapsedPassDay } from '../../src/rules/index.js';
import { policy, utc } from './helpers.js';

const NY = 'America/New_York';
const expired = (passedOn: string, now: string) => certificationExpiry({ passedOn, now, zone: NY }, policy).verdict === 'expired';

describe('lastLapsedPassDay: the last pass day whose credential has lapsed by today', () => {
  it('on Monday, December 7, 2026, a test passed on December 7, 2021 has lapsed and one passed the day after has not', () => {
    const now = utc('2026-12-07 17:00');
    expect(lastLapsedPassDay({ now, zone: NY }, policy)).toBe('2021-12-07');
    expect(expired('2021-12-07', now)).toBe(true);
    expect(expired('2021-12-08', now)).toBe(false);
  });

  it('on February 28, 2025, a pass on February 29, 2020 has lapsed (its five years end on the 28th) and March 1 has not', () => {
    const now = utc('2025-02-28 17:00');
    expect(lastLapsedPassDay({ now, zone: NY }, policy)).toBe('2020-02-29');
    expect(expired('2020-03-01', now)).toBe(false);
  });

  it('reads the day in the zone given: just after midnight UTC is still the day before in New York', () => {
    expect(lastLapsedPassDay({ now: utc('2026-12-08 02:00'), zone: NY }, policy)).toBe('2021-12-07');
  });
});
