import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addYears, certificationExpiry, daysBetween, recertification } from '../../src/rules/index.js';
import { policy, utc } from './helpers.js';

const NY = 'America/New_York';

describe('certificationExpiry', () => {
  it('a credential passed on 29 February 2020 expires on 28 February 2025', () => {
    const d = certificationExpiry({ passedOn: '2020-02-29', now: utc('2021-01-01 12:00'), zone: NY }, policy);
    expect(d.expiresOn).toBe('2025-02-28');
    expect(d.lastValidDay).toBe('2025-02-27');
  });

  it('a credential passed on 29 February 2024 expires on 28 February 2029', () => {
    expect(certificationExpiry({ passedOn: '2024-02-29', now: utc('2024-03-01 12:00'), zone: NY }, policy).expiresOn).toBe('2029-02-28');
  });

  it('a credential passed on 1 March 2019 is last valid on 29 February 2024', () => {
    const d = certificationExpiry({ passedOn: '2019-03-01', now: utc('2020-01-01 12:00'), zone: NY }, policy);
    expect(d).toMatchObject({ expiresOn: '2024-03-01', lastValidDay: '2024-02-29' });
  });

  it('on the day before the expiry date the credential is still current (expiring soon, one day left)', () => {
    const d = certificationExpiry({ passedOn: '2020-06-15', now: utc('2025-06-14 16:00'), zone: NY }, policy);
    expect(d).toMatchObject({ verdict: 'expiring-soon', daysLeft: 1, expiresOn: '2025-06-15' });
  });

  it('on the expiry date the credential has expired, because five years have passed', () => {
    const d = certificationExpiry({ passedOn: '2020-06-15', now: utc('2025-06-15 16:00'), zone: NY }, policy);
    expect(d).toMatchObject({ verdict: 'expired', daysLeft: 0 });
    expect(d.policy).toContain('You may take the Recertification Tests even if your credentials have expired.');
  });

  it('on the day after the expiry date the credential has expired', () => {
    expect(certificationExpiry({ passedOn: '2020-06-15', now: utc('2025-06-16 16:00'), zone: NY }, policy)).toMatchObject({
      verdict: 'expired',
      daysLeft: -1,
    });
  });

  it('91 days before expiry the credential is current; 90 days before it is expiring soon (a bot setting)', () => {
    expect(certificationExpiry({ passedOn: '2020-06-15', now: utc('2025-03-16 16:00'), zone: NY }, policy)).toMatchObject({
      verdict: 'current',
      daysLeft: 91,
    });
    const d = certificationExpiry({ passedOn: '2020-06-15', now: utc('2025-03-17 16:00'), zone: NY }, policy);
    expect(d).toMatchObject({ verdict: 'expiring-soon', daysLeft: 90, expiringSoonDays: 90 });
  });

  it('at 05:00 UTC on the expiry date it is the evening before in Los Angeles (current) but already expired in New York', () => {
    const now = utc('2025-06-15 05:00');
    expect(certificationExpiry({ passedOn: '2020-06-15', now, zone: 'America/Los_Angeles' }, policy).verdict).toBe('expiring-soon');
    expect(certificationExpiry({ passedOn: '2020-06-15', now, zone: NY }, policy).verdict).toBe('expired');
  });

  it('a pass date after today gets its own verdict', () => {
    expect(certificationExpiry({ passedOn: '2025-06-16', now: utc('2025-06-15 12:00'), zone: NY }, policy).verdict).toBe('passed-date-in-future');
  });

  it('quotes the five-year sentence', () => {
    expect(certificationExpiry({ passedOn: '2022-06-15', now: utc('2023-06-15 12:00'), zone: NY }, policy).policy).toContain(
      'Certification credentials are valid for five years.',
    );
  });
});

describe('recertification', () => {
  // Certified 2020-06-15 -> old expiry 2025-06-15.
  const base = { certifiedOn: '2020-06-15', now: utc('2024-01-01 12:00'), zone: NY, previouslyCertified: true };

  it('recertifying a year early gives five years from the recertification date and loses the year left', () => {
    const d = recertification({ ...base, recertOn: '2024-06-15' }, policy);
    expect(d).toMatchObject({ verdict: 'eligible-early', eligible: true, newExpiresOn: '2029-06-15', oldExpiresOn: '2025-06-15', daysNotCarriedOver: 365 });
    expect(d.policy).toContain('you will not be credited with the time remaining on your original certification');
  });

  it('recertifying on the day before expiry is early and loses one day', () => {
    expect(recertification({ ...base, recertOn: '2025-06-14' }, policy)).toMatchObject({ verdict: 'eligible-early', daysNotCarriedOver: 1, newExpiresOn: '2030-06-14' });
  });

  it('recertifying on the expiry date is after lapsing and loses nothing', () => {
    expect(recertification({ ...base, recertOn: '2025-06-15' }, policy)).toMatchObject({ verdict: 'eligible-lapsed', daysNotCarriedOver: 0, newExpiresOn: '2030-06-15' });
  });

  it('recertifying months after lapsing is allowed for anyone previously certified', () => {
    const d = recertification({ ...base, recertOn: '2026-01-10' }, policy);
    expect(d).toMatchObject({ verdict: 'eligible-lapsed', eligible: true, newExpiresOn: '2031-01-10' });
    expect(d.policy).toContain('You simply must have been previously certified in that specialty area.');
  });

  it('recertifying on 29 February gives a new expiry of 28 February', () => {
    expect(recertification({ ...base, recertOn: '2024-02-29' }, policy).newExpiresOn).toBe('2029-02-28');
  });

  it('without a recertification date it uses today in the zone given (still December 31 in Los Angeles at 03:00 UTC)', () => {
    const d = recertification({ ...base, recertOn: undefined, now: utc('2025-01-01 03:00'), zone: 'America/Los_Angeles' }, policy);
    expect(d.recertOn).toBe('2024-12-31');
    expect(d.newExpiresOn).toBe('2029-12-31');
  });

  it('someone never certified in the area is not eligible', () => {
    const d = recertification({ ...base, previouslyCertified: false, recertOn: '2024-06-15' }, policy);
    expect(d).toMatchObject({ verdict: 'not-previously-certified', eligible: false, newExpiresOn: null });
  });

  it('a recertification date before the certification date is refused as a verdict', () => {
    expect(recertification({ ...base, recertOn: '2020-06-14' }, policy).verdict).toBe('recert-before-certification');
  });

  it('without the old certification date the candidate is eligible and the lost days are unknown', () => {
    const d = recertification({ now: base.now, zone: NY, previouslyCertified: true, recertOn: '2024-06-15' }, policy);
    expect(d).toMatchObject({ verdict: 'eligible', newExpiresOn: '2029-06-15', oldExpiresOn: null, daysNotCarriedOver: null });
  });

  it('property: the new expiry is always five years after the recertification date, whatever the old expiry', () => {
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => DateTime.fromJSDate(d, { zone: 'utc' }).toISODate() as string);
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        const [first, second, recertOn] = [a, b, c].sort();
        const x = recertification({ certifiedOn: first!, recertOn: recertOn!, now: utc('2000-01-01 00:00'), zone: 'UTC', previouslyCertified: true }, policy);
        const y = recertification({ certifiedOn: second!, recertOn: recertOn!, now: utc('2000-01-01 00:00'), zone: 'UTC', previouslyCertified: true }, policy);
        expect(x.newExpiresOn).toBe(addYears(recertOn!, 5));
        expect(y.newExpiresOn).toBe(x.newExpiresOn);
        expect(x.daysNotCarriedOver).toBe(Math.max(0, daysBetween(recertOn!, x.oldExpiresOn!)));
      }),
      { numRuns: 300 },
    );
  });
});
