// Calendar and instant helpers for the rules. Pure: every function takes the instant or date it
// works on; nothing here reads the clock or depends on the machine's time zone.
//
// Calendar dates ('YYYY-MM-DD') are handled as dates in UTC, where every day is 24 hours, so
// "+ 90 days" is always 90 calendar days whatever DST does in the candidate's zone. Only the
// conversion of `now` into "today" and of an appointment into an instant uses a real zone.

import { DateTime, IANAZone } from 'luxon';

// luxon builds an Intl.DateTimeFormat on every validity check; a handful of zones recur on every turn.
const validZones = new Set<string>();
export function isKnownZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  if (!IANAZone.isValidZone(zone)) return false;
  validZones.add(zone);
  return true;
}
import { RuleInputError } from './errors.js';
import type { Instant, IsoDate, Zone } from './types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
// An instant string must say where it is: 'Z' or an explicit offset.
const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

const DAY_MS = 86_400_000;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * A 'YYYY-MM-DD' date as UTC milliseconds, checked as parseDate checks it. Day arithmetic runs on
 * these numbers: a luxon DateTime per step cost a tenth of a task turn, for the same answers.
 */
function utcDay(value: IsoDate, field: string): number {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    const year = Number(value.slice(0, 4));
    const month = Number(value.slice(5, 7));
    const day = Number(value.slice(8, 10));
    const back = new Date(0);
    // setUTCFullYear rolls "February 30" over into March: a real date comes back as itself.
    back.setUTCFullYear(year, month - 1, day);
    if (back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) return back.getTime();
  }
  return parseDate(value, field).toMillis();
}

/** UTC milliseconds back to 'YYYY-MM-DD' (years 1000-9999; luxon writes the rest). */
function isoOfUtcDay(ms: number): IsoDate {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < 1000 || year > 9999) return DateTime.fromMillis(ms, { zone: 'utc' }).toISODate() as IsoDate;
  return `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` as IsoDate;
}

/**
 * Check a 'YYYY-MM-DD' calendar date without building a DateTime (the rules check every input date
 * and most never need more); throws RuleInputError naming `field` as parseDate does.
 */
export function checkDate(value: IsoDate, field: string): IsoDate {
  utcDay(value, field);
  return value;
}

/** Parse a 'YYYY-MM-DD' calendar date; throws RuleInputError naming `field` when malformed. */
export function parseDate(value: IsoDate, field: string): DateTime {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    throw new RuleInputError(field, `expected a calendar date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  }
  const dt = DateTime.fromISO(value, { zone: 'utc' });
  if (!dt.isValid) {
    throw new RuleInputError(field, `${JSON.stringify(value)} is not a real date (${dt.invalidExplanation ?? dt.invalidReason})`);
  }
  return dt;
}

/** Throws unless `zone` is a valid IANA zone name. */
export function checkZone(zone: Zone, field: string): Zone {
  if (typeof zone !== 'string' || !isKnownZone(zone)) {
    throw new RuleInputError(field, `unknown IANA time zone ${JSON.stringify(zone)}`);
  }
  return zone;
}

/** Convert `now` (Date or ISO string with offset) to a DateTime in `zone`. */
export function toInstant(now: Instant, zone: Zone, field = 'now'): DateTime {
  checkZone(zone, 'zone');
  let dt: DateTime;
  if (now instanceof Date) {
    dt = DateTime.fromJSDate(now, { zone });
  } else if (typeof now === 'string') {
    if (!HAS_OFFSET.test(now)) {
      throw new RuleInputError(field, `an instant needs 'Z' or an offset, got ${JSON.stringify(now)}`);
    }
    dt = DateTime.fromISO(now, { setZone: true }).setZone(zone);
  } else {
    throw new RuleInputError(field, 'expected a Date or an ISO 8601 instant string');
  }
  if (!dt.isValid) {
    throw new RuleInputError(field, `not a valid instant (${dt.invalidExplanation ?? dt.invalidReason})`);
  }
  return dt;
}

/** The calendar date of `now` in `zone`. */
export function todayIn(now: Instant, zone: Zone): IsoDate {
  // A Date's calendar day in the zone, read with one kept Intl formatter per zone: the same day luxon
  // gives (both use the platform's zone data), without building a zoned DateTime each time, which
  // costs more than the rest of a task turn's date arithmetic together.
  if (now instanceof Date && !Number.isNaN(now.getTime())) {
    checkZone(zone, 'zone');
    const day = dayIn(zone);
    // A turn asks for the same day many times; no zone's offset changes within a second.
    const second = Math.floor(now.getTime() / 1000);
    if (day.second !== second) {
      const parts = day.format.formatToParts(now);
      const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      day.second = second;
      day.date = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}` as IsoDate;
    }
    return day.date;
  }
  return toInstant(now, zone).toISODate() as IsoDate;
}

/** Per zone: its kept formatter and the last second it was asked about, with that second's day. */
interface ZoneDay {
  format: Intl.DateTimeFormat;
  second: number;
  date: IsoDate;
}

const zoneDays = new Map<string, ZoneDay>();

function dayIn(zone: Zone): ZoneDay {
  let day = zoneDays.get(zone);
  if (!day) {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    day = { format, second: Number.NaN, date: '' as IsoDate };
    zoneDays.set(zone, day);
  }
  return day;
}

export function addDays(date: IsoDate, days: number, field = 'date'): IsoDate {
  return isoOfUtcDay(utcDay(date, field) + days * DAY_MS);
}

/**
 * Add whole years. 29 February lands on 28 February in a non-leap year (luxon clamps to the
 * last day of the month), so a credential never gains a day.
 */
export function addYears(date: IsoDate, years: number, field = 'date'): IsoDate {
  const from = new Date(utcDay(date, field));
  const year = from.getUTCFullYear() + years;
  const month = from.getUTCMonth();
  // Clamp to the month's last day (29 February -> 28 February), as luxon's plus({ years }) does.
  const day = Math.min(from.getUTCDate(), daysInMonth(year, month));
  const to = new Date(0);
  to.setUTCFullYear(year, month, day);
  return isoOfUtcDay(to.getTime());
}

function daysInMonth(year: number, month: number): number {
  const last = new Date(0);
  last.setUTCFullYear(year, month + 1, 0);
  return last.getUTCDate();
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcDay(to, 'to') - utcDay(from, 'from')) / DAY_MS);
}

/**
 * The instant a local wall-clock time happens in `zone`.
 * - A time skipped by a spring-forward change (02:30 on the DST night) moves forward by the gap,
 *   as luxon does (02:30 -> 03:30).
 * - A time that happens twice (01:30 on the fall-back night) resolves to the EARLIER of the two,
 *   so any deadline computed from it is the earlier, safer one for the candidate.
 */
export function localInstant(date: IsoDate, time: string, zone: Zone, fields: { date: string; time: string; zone: string }): DateTime {
  parseDate(date, fields.date);
  if (typeof time !== 'string' || !HH_MM.test(time)) {
    throw new RuleInputError(fields.time, `expected a 24-hour time 'HH:mm', got ${JSON.stringify(time)}`);
  }
  checkZone(zone, fields.zone);
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  const candidates = dt.getPossibleOffsets();
  return candidates.reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a), dt);
}

/** ISO instant with the zone's offset, e.g. '2025-03-07T08:00:00.000-05:00'. */
export function isoInstant(dt: DateTime): string {
  return dt.toISO() as string;
}

export function isoDateOf(dt: DateTime): IsoDate {
  return dt.toISODate() as IsoDate;
}
