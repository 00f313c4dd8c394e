import { parseDates, type DateContext } from './dates.js';

/** What a candidate sends to prove who they are. Read, checked, and forgotten within the turn. */
export interface Credentials {
  aseId: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  ssnLast4: string;
}

export type CredentialsReading = { ok: true; credentials: Credentials } | { ok: false; missing: Array<keyof Credentials> };

/**
 * "DEMO-0001, 1980-01-01, 0001" or "my ase id is AB123456, born March 3 1985, last four 1234": an
 * ID-shaped word (letters and at least three digits), a date with a year, and a separate group of
 * exactly four digits.
 */
export function readCredentials(text: string, ctx: DateContext): CredentialsReading {
  const aseId = /\b(?=[A-Za-z0-9-]*[A-Za-z])(?=(?:[A-Za-z-]*\d){3})[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b/.exec(text)?.[0];
  const withoutId = aseId ? text.replace(aseId, ' ') : text;
  // A birth date has its year written, and a plausible one (chrono will read "0002 01/02" as year 2).
  const birth = parseDates(withoutId, ctx).find(
    (mention) => !mention.impliedYear && mention.form === 'full' && Number(mention.date.slice(0, 4)) >= 1900,
  );
  const rest = birth ? withoutId.slice(0, birth.index) + ' ' + withoutId.slice(birth.index + birth.text.length) : withoutId;
  const ssnLast4 = /(?<![\d/.-])\d{4}(?![\d/.-])/.exec(rest)?.[0];
  const missing: Array<keyof Credentials> = [];
  if (!aseId) missing.push('aseId');
  if (!birth) missing.push('dateOfBirth');
  if (!ssnLast4) missing.push('ssnLast4');
  if (!aseId || !birth || !ssnLast4) return { ok: false, missing };
  return { ok: true, credentials: { aseId: aseId.toUpperCase(), dateOfBirth: birth.date, ssnLast4 } };
}
