import { describe, expect, it } from 'vitest';
import { masterStatus, type HeldCertification } from '../../src/rules/index.js';
import { catalogue, policy, utc } from './helpers.js';

const NY = 'America/New_York';
const now = utc('2025-06-15 16:00'); // 2025-06-15 in New York

function autoSet(overrides: Record<string, string | null> = {}): HeldCertification[] {
  const base: Record<string, string | null> = {
    A1: '2027-01-10', A2: '2027-02-10', A3: '2026-03-10', A4: '2027-04-10',
    A5: '2028-05-10', A6: '2029-06-10', A7: '2027-07-10', A8: '2026-08-10',
  };
  return Object.entries({ ...base, ...overrides })
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([test, expiresOn]) => ({ test, expiresOn }));
}

describe('masterStatus', () => {
  it('with A1 through A8 all current the candidate holds Master Automobile Technician', () => {
    const d = masterStatus({ seriesId: 'A', certifications: autoSet(), now, zone: NY }, catalogue, policy);
    expect(d).toMatchObject({ verdict: 'holds', holds: true, seriesId: 'A', lapsed: [], missing: [] });
    expect(d.current).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
  });

  it('reports the earliest upcoming expiry among the required tests', () => {
    const d = masterStatus({ seriesId: 'A', certifications: autoSet(), now, zone: NY }, catalogue, policy);
    expect(d.earliestExpiry).toEqual({ test: 'A3', expiresOn: '2026-03-10' });
  });

  it('gives each required test by its code, with its status and expiry', () => {
    const d = masterStatus({ seriesId: 'A', certifications: autoSet(), now, zone: NY }, catalogue, policy);
    expect(d.required.find((r) => r.test === 'A5')).toEqual({ test: 'A5', status: 'current', expiresOn: '2028-05-10' });
  });

  it('names nothing in any language besides its source sentence: ids and codes only, the reply picks the names', () => {
    const { policy: sentence, ...d } = masterStatus({ seriesId: 'A', certifications: autoSet(), now, zone: NY }, catalogue, policy);
    expect(sentence).toMatch(/Master Technician status/);
    expect(JSON.stringify(d)).not.toMatch(/Master Automobile Technician|Brakes|Automobile & Light Truck/);
  });

  it('when A5 expires tomorrow the status is still held', () => {
    const d = masterStatus({ seriesId: 'A', certifications: autoSet({ A5: '2025-06-16' }), now, zone: NY }, catalogue, policy);
    expect(d.verdict).toBe('holds');
    expect(d.earliestExpiry).toEqual({ test: 'A5', expiresOn: '2025-06-16' });
  });

  it('when A5 expires today the status has lapsed and recertifying A5 restores it', () => {
    const d = masterStatus({ seriesId: 'A', certifications: autoSet({ A5: '2025-06-15' }), now, zone: NY }, catalogue, policy);
    expect(d).toMatchObject({ verdict: 'lapsed', holds: false, lapsed: ['A5'], reinstatableByRecertification: true });
    expect(d.policy).toContain('it can be reinstated by taking and passing the Recertification Tests');
  });

  it('when A5 expired yesterday the status has lapsed', () => {
    expect(masterStatus({ seriesId: 'A', certifications: autoSet({ A5: '2025-06-14' }), now, zone: NY }, catalogue, policy).verdict).toBe('lapsed');
  });

  it('at 05:00 UTC on the expiry date the status still holds in Los Angeles but has lapsed in New York', () => {
    const certs = autoSet({ A5: '2025-06-15' });
    const at = utc('2025-06-15 05:00');
    expect(masterStatus({ seriesId: 'A', certifications: certs, now: at, zone: 'America/Los_Angeles' }, catalogue, policy).verdict).toBe('holds');
    expect(masterStatus({ seriesId: 'A', certifications: certs, now: at, zone: NY }, catalogue, policy).verdict).toBe('lapsed');
  });

  it('with A3 never passed the status is incomplete and recertification alone cannot restore it', () => {
    const d = masterStatus({ seriesId: 'A', certifications: autoSet({ A3: null, A5: '2024-01-01' }), now, zone: NY }, catalogue, policy);
    expect(d).toMatchObject({ verdict: 'incomplete', missing: ['A3'], lapsed: ['A5'], reinstatableByRecertification: false });
    expect(d.required.find((r) => r.test === 'A3')).toMatchObject({ status: 'missing', expiresOn: null });
  });

  it('A9 and G1 are not required for Master Automobile Technician', () => {
    const d = masterStatus({ seriesId: 'A', certifications: autoSet(), now, zone: NY }, catalogue, policy);
    expect(d.required.map((r) => r.test)).not.toContain('A9');
    expect(d.required.map((r) => r.test)).not.toContain('G1');
  });

  it('Master Medium/Heavy Truck needs T2 through T8 and not T1', () => {
    const certs = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8'].map((test) => ({ test, expiresOn: '2027-01-01' }));
    const d = masterStatus({ seriesId: 'T', certifications: certs, now, zone: NY }, catalogue, policy);
    expect(d).toMatchObject({ verdict: 'holds', seriesId: 'T' });
    expect(d.required).toHaveLength(7);
  });

  it('when a test is listed twice the later expiry counts', () => {
    const certs = [...autoSet({ A5: '2024-01-01' }), { test: 'A5', expiresOn: '2029-01-01' }];
    expect(masterStatus({ seriesId: 'A', certifications: certs, now, zone: NY }, catalogue, policy).verdict).toBe('holds');
  });

  it('matches test codes and series ids case-insensitively and ignores other series', () => {
    const certs = [...autoSet().map((c) => ({ ...c, test: c.test.toLowerCase() })), { test: 'T4', expiresOn: '2020-01-01' }];
    const d = masterStatus({ seriesId: 'a', certifications: certs, now, zone: NY }, catalogue, policy);
    expect(d).toMatchObject({ verdict: 'holds', seriesId: 'A' });
  });

  it('an unknown series gets its own verdict', () => {
    expect(masterStatus({ seriesId: 'Z', certifications: [], now, zone: NY }, catalogue, policy).verdict).toBe('unknown-series');
  });

  it('a series whose Master requirements the catalogue does not state gets no-master-defined', () => {
    const d = masterStatus({ seriesId: 'S', certifications: [], now, zone: NY }, catalogue, policy);
    expect(d).toMatchObject({ verdict: 'no-master-defined', holds: false, seriesId: 'S' });
  });
});
