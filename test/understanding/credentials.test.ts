import { describe, expect, it } from 'vitest';
import { readCredentials, type CredentialsReading } from '../../src/understanding/credentials.js';
import { parseDates, type DateContext } from '../../src/understanding/dates.js';

const ctx: DateContext = { now: new Date('2025-03-20T15:00:00Z'), zone: 'America/New_York' };

const ok = (aseId: string, dateOfBirth: string, ssnLast4: string): CredentialsReading => ({
  ok: true,
  credentials: { aseId, dateOfBirth, ssnLast4 },
});

// [what the candidate sent, what it reads as]
const readings: Array<[string, CredentialsReading]> = [
  ['DEMO-0001, 1980-01-01, 0001', ok('DEMO-0001', '1980-01-01', '0001')],
  ['my ase id is AB123456, born March 3 1985, last four 1234', ok('AB123456', '1985-03-03', '1234')],
  ['AB123456 03/03/1985 1234', ok('AB123456', '1985-03-03', '1234')],
  ['id DEMO-0003 dob Jan 5, 1979 ssn 9876', ok('DEMO-0003', '1979-01-05', '9876')],
  ['1234 ab123456 March 3, 1985', ok('AB123456', '1985-03-03', '1234')],
  // chrono reads across the ID in these; the ID's digits are never part of the birth date
  ['DEMO-0001 01/02/1980 0002', ok('DEMO-0001', '1980-01-02', '0002')],
  ['DEMO-2024 June 1 1990 5555', ok('DEMO-2024', '1990-06-01', '5555')],
  ['X2020-01-01 1985-03-03 1234', ok('X2020-01-01', '1985-03-03', '1234')],
  ['A5 test on March 3, 2025', { ok: false, missing: ['aseId', 'ssnLast4'] }],
  ['DEMO-0001 born March 3', { ok: false, missing: ['dateOfBirth', 'ssnLast4'] }],
  ['when is my test', { ok: false, missing: ['aseId', 'dateOfBirth', 'ssnLast4'] }],
];

describe('readCredentials', () => {
  it.each(readings)('reads %j', (text, expected) => {
    expect(readCredentials(text, ctx)).toEqual(expected);
  });

  it.each(readings)('reads %j the same from the mentions already parsed', (text, expected) => {
    expect(readCredentials(text, ctx, parseDates(text, ctx))).toEqual(expected);
  });

  it('uses the mentions it is given instead of parsing', () => {
    const text = 'DEMO-0001, 1980-01-01, 0001';
    expect(readCredentials(text, ctx, [])).toEqual({ ok: false, missing: ['dateOfBirth'] });
  });

  it('refuses mentions read from another text, without repeating their words', () => {
    const other = parseDates('xx 1980-01-01', ctx);
    expect(() => readCredentials('DEMO-0001, 1980-01-01, 0001', ctx, other)).toThrow(
      'understanding/credentials: the mention at index 3 (10 characters) was not read from this text',
    );
  });

  it('names the module and the bad value', () => {
    expect(() => readCredentials(7 as unknown as string, ctx)).toThrow('understanding/credentials: text must be a string, got 7');
  });
});
