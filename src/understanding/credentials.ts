import { parseDates, type DateContext, type DateMention } from './dates.js';

/** What a candidate sends to prove who they are. Read, checked, and forgotten within the turn. */
export interface Credentials {
  aseId: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  ssnLast4: string;
}

export type CredentialsReading =
  | {
      ok: true;
      credentials: Credentials;
      /**
       * The message without the details and the words that label them ("my ase id is", "born",
       * "ssn"), each blanked to spaces so every other offset stays where it was: what the candidate
       * asked beside signing in ("when can I retake it?"), read for a task without a birth date in it.
       */
      rest: string;
    }
  | { ok: false; missing: Array<keyof Credentials> };

/**
 * "DEMO-0001, 1980-01-01, 0001" or "my ase id is AB123456, born March 3 1985, last four 1234": an
 * ID-shaped word (letters and at least three digits), a date with a year, and a separate group of
 * exactly four digits.
 *
 * `mentions`, when given, are parseDates' reading of the whole `text` (the understanding pass
 * parses each message once) and are used instead of parsing again. Only when one of them overlaps
 * the ASE ID is the text parsed again without the ID: chrono then read across it ("DEMO-0001
 * 01/02/1980" as "0001 01/02", year 1) and the mentions cannot be trusted for the birth date.
 */
export function readCredentials(text: string, ctx: DateContext, mentions?: DateMention[]): CredentialsReading {
  const parts = readParts(text, ctx, mentions);
  const { aseId, birth, ssn, idSpan } = parts;
  const missing: Array<keyof Credentials> = [];
  if (!aseId) missing.push('aseId');
  if (!birth) missing.push('dateOfBirth');
  if (!ssn) missing.push('ssnLast4');
  if (!aseId || !birth || !ssn || !idSpan) return { ok: false, missing };
  const spans: Span[] = [idSpan, [birth.index, birth.index + birth.text.length], [ssn.index, ssn.index + 4]];
  return { ok: true, credentials: { aseId: aseId.toUpperCase(), dateOfBirth: birth.date, ssnLast4: ssn[0] }, rest: withoutDetails(text, spans) };
}

/**
 * The sign-in details a message carries, each on its own ("DEMO-0001", then "1980-01-01", then
 * "0001"): what sign-in puts together across its turns. The same reading as readCredentials.
 */
export function readCredentialParts(text: string, ctx: DateContext, mentions?: DateMention[]): Partial<Credentials> {
  const { aseId, birth, ssn } = readParts(text, ctx, mentions);
  return { ...(aseId ? { aseId: aseId.toUpperCase() } : {}), ...(birth ? { dateOfBirth: birth.date } : {}), ...(ssn ? { ssnLast4: ssn[0] } : {}) };
}

function readParts(text: string, ctx: DateContext, mentions?: DateMention[]): { aseId?: string; idSpan: Span | null; birth?: DateMention; ssn: RegExpExecArray | null } {
  if (typeof text !== 'string') throw new TypeError(`understanding/credentials: text must be a string, got ${JSON.stringify(text) ?? String(text)}`);
  const id = ASE_ID.exec(text);
  const aseId = id?.[0];
  const idSpan: Span | null = id ? [id.index, id.index + id[0].length] : null;
  for (const mention of mentions ?? []) {
    if (text.slice(mention.index, mention.index + mention.text.length) !== mention.text) {
      // Named by place, not by its words: in this module they may be a birth date.
      throw new RangeError(
        `understanding/credentials: the mention at index ${mention.index} (${mention.text.length} characters) was not read from this text`,
      );
    }
  }
  const spanOf = (mention: DateMention): Span => [mention.index, mention.index + mention.text.length];
  const usable = mentions && !mentions.some((mention) => overlaps(spanOf(mention), idSpan)) ? mentions : parseDates(blank(text, idSpan), ctx);
  // A birth date has its year written, and a plausible one (chrono will read "0002 01/02" as year 2).
  const birth = usable.find(
    (mention) => !mention.impliedYear && mention.form === 'full' && Number(mention.date.slice(0, 4)) >= 1900,
  );
  // The year of another date ("I passed it june 2021", "in 2021") is no SSN digits: every date that
  // is more than four digits alone is blanked too (four digits alone may well be the SSN's, and so
  // are four digits the message says are: "ssn ends in 2020", "mi seguro termina en 1999").
  const rest = usable
    .filter((mention) => mention !== birth && !/^\d{4}$/.test(mention.text.trim()) && !saidToBeTheSsn(text, mention))
    .reduce((kept, mention) => blank(kept, spanOf(mention)), blank(blank(text, idSpan), birth ? spanOf(birth) : null));
  const ssn = /(?<![\d/.-])\d{4}(?![\d/-]|\.\d)/.exec(rest);
  return { ...(aseId ? { aseId } : {}), idSpan, ...(birth ? { birth } : {}), ssn };
}

/**
 * Is there an ID-shaped word in `text`? Sign-in details always hold one, so without it there is
 * nothing to read or to hide (most messages: the dates and digits need not be looked at).
 */
export function mentionsAseId(text: string): boolean {
  return ASE_ID.test(text);
}

/**
 * The message with its sign-in details, whole or in part, each replaced by `mask` (one mask for a
 * run of them): an ID-shaped word ("zebra777", "DEMO-0001"), and beside one, a written date with
 * its year and four digits alone (a birth date, SSN digits). The rest of the message stays: staff
 * read the question ("what's zebra777 for? can I retake A5" was all "[sign-in details]", ut23).
 */
export function maskSignInDetails(text: string, mask: string): string {
  if (!mentionsAseId(text)) return text;
  const masked = text
    .replace(new RegExp(ASE_ID.source, 'g'), mask)
    .replace(WRITTEN_DATE, mask)
    .replace(/(?<![\d/.-])\d{4}(?![\d/-]|\.\d)/g, mask);
  const escaped = mask.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return masked.replace(new RegExp(`${escaped}(?:[\\s,;]+${escaped})+`, 'g'), mask);
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)[a-z]*\\.?';
/** A date written with its year: "1980-01-01", "01/01/1980", "March 3 1985", "3 de marzo de 1985". */
const WRITTEN_DATE = new RegExp(
  String.raw`\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|${MONTH} \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} (?:de )?${MONTH},? (?:de )?\d{4})\b`,
  'gi',
);

/** An ID-shaped word: letters, and at least three digits ("AB123456", "DEMO-0001"; not "A4"). */
const ASE_ID = /\b(?=[A-Za-z0-9-]*[A-Za-z])(?=(?:[A-Za-z-]*\d){3})[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b/;

/** What may stand before an ID sent on its own: "it's", "here", "my ase id is", "ASE #:". */
const BEFORE_ID_ALONE =
  /^\s*(?:(?:ok(?:ay)?|sure|yes|yeah|here(?:'s| it is| you go)?|it'?s|that'?s)[\s,:.!-]*)*(?:(?:my|the)\s+)?(?:ase\s*(?:id|#|number|no\.?)|id(?:\s*(?:#|number))?)?(?:\s+(?:is|was))?\s*[:=#-]?\s*$/i;

/**
 * "AB123456", "DEMO-0001", "my ASE id is AB123456": an ASE ID and nothing else, the first part of
 * the sign-in details sent apart (the rest is asked for, all three in one message).
 */
export function onlyAnAseId(text: string): boolean {
  const id = ASE_ID.exec(text);
  if (!id) return false;
  return BEFORE_ID_ALONE.test(text.slice(0, id.index)) && /^[\s.!]*$/.test(text.slice(id.index + id[0].length));
}

/** A label just before a detail: "my ase id is", "ASE #", "dob:", "born on", "last four of my ssn". */
const LABEL =
  /(?:\b(?:my|and|with)\s+)?(?:\b(?:ase\s*(?:id|#|number|no\.?)|id(?:\s*(?:#|number))?|dob|d\.o\.b\.?|date of birth|birth ?date|birthday|born(?:\s+on)?|ssn|social(?:\s+security)?(?:\s+number)?|last\s+(?:four|4)(?:\s+(?:digits|of\s+(?:my\s+)?(?:ssn|social)))?)\b)(?:\s+(?:is|was|on))?\s*[:=#-]?[\s,]*$/i;

/** The text with each detail and its label blanked (same length, so offsets hold). */
function withoutDetails(text: string, spans: Span[]): string {
  let out = text;
  for (const span of [...spans].sort((a, b) => b[0] - a[0])) {
    const label = LABEL.exec(out.slice(0, span[0]));
    out = blank(out, [label ? label.index : span[0], span[1]]);
  }
  return out;
}

/** [start, end) in the text. */
type Span = [number, number];

const overlaps = (a: Span, b: Span | null): boolean => b !== null && a[0] < b[1] && b[0] < a[1];

/** Words just before four digits that say they are the SSN's: "ssn", "last four", "ends in", "seguro ... termina en". */
const SSN_CUE = /(?:\bssn|\bsocial|\bseguro|\blast\s+(?:four|4)|[uú]ltimos\s+(?:cuatro|4)|\bends?\s+(?:in|with)|\bterminan?\s+(?:en|con))(?![\p{L}])[^\d]{0,24}$/iu;

/** A date mention that is four digits after a word ("in 2020"), and those words say they are the SSN's. */
function saidToBeTheSsn(text: string, mention: DateMention): boolean {
  const at = mention.text.search(/\d{4}\s*$/);
  if (at < 0 || /\d/.test(mention.text.slice(0, at))) return false;
  return SSN_CUE.test(text.slice(0, mention.index + at));
}

/** The text with a span turned to spaces, so every other offset stays where it was. */
function blank(text: string, span: Span | null): string {
  return span ? text.slice(0, span[0]) + ' '.repeat(span[1] - span[0]) + text.slice(span[1]) : text;
}
