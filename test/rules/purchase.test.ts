import { describe, expect, it } from 'vitest';
import { purchaseWindow, RuleInputError } from '../../src/rules/index.js';
import { policy, utc } from './helpers.js';

const NY = 'America/New_York';

describe('purchaseWindow', () => {
  it('a test bought on January 31 must be taken by May 1 (90 days, across a 28-day February)', () => {
    const d = purchaseWindow({ purchaseDate: '2025-01-31', now: utc('2025-02-01 12:00'), zone: NY }, policy);
    expect(d.lastDay).toBe('2025-05-01');
    expect(d.verdict).toBe('open');
    expect(d.daysLeft).toBe(89);
  });

  it('in a leap year a test bought on January 31 must be taken by April 30', () => {
    const d = purchaseWindow({ purchaseDate: '2024-01-31', now: utc('2024-02-01 12:00'), zone: NY }, policy);
    expect(d.lastDay).toBe('2024-04-30');
  });

  it('a test bought on December 15 must be taken by March 15 of the next year', () => {
    const d = purchaseWindow({ purchaseDate: '2024-12-15', now: utc('2024-12-16 12:00'), zone: NY }, policy);
    expect(d.lastDay).toBe('2025-03-15');
  });

  it('on the day before the last day the window is open with one day left', () => {
    const d = purchaseWindow({ purchaseDate: '2025-01-31', now: utc('2025-04-30 16:00'), zone: NY }, policy);
    expect(d).toMatchObject({ verdict: 'open', daysLeft: 1, expired: false });
  });

  it('on the last day the window is still open and says it is the last day', () => {
    const d = purchaseWindow({ purchaseDate: '2025-01-31', now: utc('2025-05-01 16:00'), zone: NY }, policy);
    expect(d).toMatchObject({ verdict: 'last-day', daysLeft: 0, expired: false });
  });

  it('on the day after the last day the untaken test has expired and the decision quotes the expiry sentence', () => {
    const d = purchaseWindow({ purchaseDate: '2025-01-31', now: utc('2025-05-02 16:00'), zone: NY }, policy);
    expect(d).toMatchObject({ verdict: 'expired', daysLeft: -1, expired: true });
    expect(d.policy).toContain('the untaken test will expire, all fees are forfeited');
  });

  it('at 06:30 UTC on the day after, it is still the last day in Los Angeles but already expired in New York', () => {
    const now = utc('2025-05-02 06:30');
    expect(purchaseWindow({ purchaseDate: '2025-01-31', now, zone: 'America/Los_Angeles' }, policy).verdict).toBe('last-day');
    expect(purchaseWindow({ purchaseDate: '2025-01-31', now, zone: NY }, policy).verdict).toBe('expired');
  });

  it('in Honolulu the last day lasts until 10:00 UTC the next morning', () => {
    const zone = 'Pacific/Honolulu';
    expect(purchaseWindow({ purchaseDate: '2025-01-31', now: utc('2025-05-02 09:59'), zone }, policy).verdict).toBe('last-day');
    expect(purchaseWindow({ purchaseDate: '2025-01-31', now: utc('2025-05-02 10:00'), zone }, policy).verdict).toBe('expired');
  });

  it('accepts now as a JS Date', () => {
    const d = purchaseWindow({ purchaseDate: '2025-01-31', now: new Date('2025-05-01T16:00:00Z'), zone: NY }, policy);
    expect(d.verdict).toBe('last-day');
  });

  it('a purchase date after today gets its own verdict', () => {
    const d = purchaseWindow({ purchaseDate: '2025-03-02', now: utc('2025-03-01 12:00'), zone: NY }, policy);
    expect(d.verdict).toBe('purchase-date-in-future');
  });

  it('quotes the 90-day sentence', () => {
    const d = purchaseWindow({ purchaseDate: '2025-01-31', now: utc('2025-02-01 12:00'), zone: NY }, policy);
    expect(d.policy).toContain('you will have 90 days from the original date of purchase');
  });

  it('refuses a purchase date that is not a real date, naming the field', () => {
    expect(() => purchaseWindow({ purchaseDate: '2025-02-30', now: utc('2025-03-01 12:00'), zone: NY }, policy)).toThrow(
      /purchaseDate: "2025-02-30" is not a real date/,
    );
    expect(() => purchaseWindow({ purchaseDate: '3/1/2025', now: utc('2025-03-01 12:00'), zone: NY }, policy)).toThrow(RuleInputError);
  });

  it('refuses an instant string without an offset, because its meaning would depend on the machine', () => {
    expect(() => purchaseWindow({ purchaseDate: '2025-01-31', now: '2025-03-01T12:00:00', zone: NY }, policy)).toThrow(
      /now: an instant needs 'Z' or an offset/,
    );
  });

  it('refuses an unknown time zone', () => {
    expect(() => purchaseWindow({ purchaseDate: '2025-01-31', now: utc('2025-03-01 12:00'), zone: 'Mars/Olympus' }, policy)).toThrow(
      /zone: unknown IANA time zone "Mars\/Olympus"/,
    );
  });
});
