import { describe, expect, it } from 'vitest';
import { readCredentials, type CredentialsReading } from '../../src/understanding/credentials.js';
import { parseDates, type DateContext } from '../../src/understanding/dates.js';

const ctx: DateContext = { now: new Date('2025-03-20T15:00:00Z'), zone: 'America/New_York' };

type Expected = { ok: true; credentials: { aseId: string; dateOfBirth: string; ssnLast4: string } } | Extract<CredentialsReading, { ok: false }>;

const ok = (aseId: string, dateOfBirth: string, ssnLast4: string): Expected => ({
  ok: true,
  credentials: { aseId, dateOfBirth, ssnLast4 },
});

// [what the candidate sent, what it reads as]
const readings: Array<[string, Expected]> = [
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
  // the year of a test's date is no SSN digits; four digits alone may be
  ['actually I just want to know when my A4 expires, I passed it june 2021', { ok: false, missing: ['aseId', 'dateOfBirth', 'ssnLast4'] }],
  ['I passed in 2021', { ok: false, missing: ['aseId', 'dateOfBirth', 'ssnLast4'] }],
  ['DEMO-0001 1980-01-01 2021', ok('DEMO-0001', '1980-01-01', '2021')],
  // four digits the message says are the SSN's are, though they read as a year
  ['DEMO-0001 dob 3/4/1980 ssn ends in 2020', ok('DEMO-0001', '1980-03-04', '2020')],
  ['DEMO-0001 dob 3/4/1980 last 4 of my ssn in 1999', ok('DEMO-0001', '1980-03-04', '1999')],
  // the last four at the end of a sentence, a full stop after it
  ['DEMO-0003, dob 03/03/1980, last four 0003. when does my A6 expire?', ok('DEMO-0003', '1980-03-03', '0003')],
];

describe('readCredentials', () => {
  it.each(readings)('reads %j', (text, expected) => {
    expect(readCredentials(text, ctx)).toMatchObject(expected);
  });

  it.each(readings)('reads %j the same from the mentions already parsed', (text, expected) => {
    expect(readCredentials(text, ctx, parseDates(text, ctx))).toMatchObject(expected);
  });

  // What the candidate asked beside the details is read for a task without them.
  it.each([
    ['when can I retake it? my ase id is DEMO-0002 born 2/2/1980 ssn 0002', 'when can I retake it?'],
    ['DEMO-0003, dob 03/03/1980, last four 0003. when does my A6 expire?', '. when does my A6 expire?'],
    ['I failed A5, when can I retake it? DEMO-0002 1980-02-02 0002', 'I failed A5, when can I retake it?'],
  ])('%j asks %j beside the details, offsets kept', (text, asked) => {
    const reading = readCredentials(text, ctx);
    if (!reading.ok) throw new Error(`expected sign-in details in ${text}`);
    expect(reading.rest).toHaveLength(text.length);
    expect(reading.rest.replace(/\s+/g, ' ').replace(/^[\s,]+/, '').trim()).toBe(asked);
  });

  it.each([
    ['DEMO-0001, 4 de marzo de 1980, mi seguro social termina en 1999', ok('DEMO-0001', '1980-03-04', '1999')],
    ['DEMO-0001 4/3/1980 los últimos 4 terminan en 2020', ok('DEMO-0001', '1980-03-04', '2020')],
    ['aprobé en 2021', { ok: false, missing: ['aseId', 'dateOfBirth', 'ssnLast4'] }],
  ] satisfies Array<[string, Expected]>)('reads %j in Spanish', (text, expected) => {
    expect(readCredentials(text, { ...ctx, language: 'es' })).toMatchObject(expected);
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
