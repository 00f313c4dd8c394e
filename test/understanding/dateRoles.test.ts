import { describe, expect, it } from 'vitest';
import { dateRole } from '../../src/understanding/dateRoles.js';
import { parseDates } from '../../src/understanding/dates.js';

const ctx = { now: new Date('2025-03-20T15:00:00Z'), zone: 'America/New_York' };
const roleOf = (text: string) => {
  const [mention] = parseDates(text, ctx);
  if (!mention) throw new Error(`no date in ${text}`);
  return dateRole(text, mention);
};

describe('what a date is the date of', () => {
  it.each([
    ['I passed A1 on 2019-05-20, it has expired', 'pass'],
    ['my A4 expired on March 3 2024', 'expiry'],
    ['it lapsed on 3/3/24', 'expiry'],
    ['I failed A5 on March 3', 'failure'],
    ['I bought a test on January 10', 'purchase'],
    ['my exam is Thursday at 9am', 'appointment'],
    ['I got recertified in June 2021', 'pass'],
    ['March 3', undefined],
  ])('%j: %s', (text, role) => {
    expect(roleOf(text)).toBe(role);
  });
});
