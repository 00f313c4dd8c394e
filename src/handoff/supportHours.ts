/**
 * Support hours: when staff can pick up a handed-off conversation, and when they will next be there.
 *
 * Hours are wall-clock times in one IANA zone, so a window of 08:00-20:00 stays 08:00-20:00 local across a
 * daylight-saving change. Every function takes the time it is asked about; none reads the clock.
 */
import { DateTime, IANAZone } from 'luxon';
import type { Language } from '../language/languages.js';

/** One weekly opening: ISO weekday (1 = Monday .. 7 = Sunday), minutes since local midnight, end exclusive. */
export interface SupportWindow {
  weekday: number;
  /** 0..1439. */
  start: number;
  /** start+1..1440; 1440 means midnight at the end of the day. */
  end: number;
}

/** Parsed support hours. Plain data: safe to log or compare in tests. */
export interface SupportSchedule {
  /** IANA zone the hours and holidays are in. */
  zone: string;
  /** Weekly windows, in the order they were written. "24/7" is every day 00:00-24:00. */
  windows: readonly SupportWindow[];
  /** Local dates (YYYY-MM-DD) closed all day, sorted. */
  holidays: readonly string[];
}

export type SupportStatus =
  /** closesAt is absent when support never closes (24/7 with no holiday ahead). */
  | { open: true; closesAt?: Date }
  | { open: false; opensAt: Date };

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const FORMAT = 'Day[-Day] HH:MM-HH:MM';
/** How far ahead supportStatus looks for an opening or a closing. */
const SEARCH_DAYS = 370;
const MINUTES_PER_DAY = 24 * 60;

function fail(message: string): never {
  throw new Error(`supportHours: ${message}`);
}

function assertZone(zone: string): void {
  if (typeof zone !== 'string' || zone.trim() === '' || !IANAZone.isValidZone(zone)) {
    fail(`zone ${JSON.stringify(zone)} is not an IANA time zone (e.g. "America/New_York")`);
  }
}

function assertDate(value: Date, what: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail(`${what} ${String(value)} is not a valid Date`);
}

/** "Mon" -> 1 .. "Sun" -> 7 (case-insensitive), or undefined. */
function weekdayOf(name: string): number | undefined {
  const i = DAYS.indexOf(name.toLowerCase() as (typeof DAYS)[number]);
  return i < 0 ? undefined : i + 1;
}

/** "Mon-Fri,Sun" -> [1,2,3,4,5,7]. A range may wrap over the weekend: "Fri-Mon" is Fri, Sat, Sun, Mon. */
function parseDays(text: string, segment: string): number[] {
  const days = new Set<number>();
  for (const item of text.split(',')) {
    const [from, to, ...rest] = item.split('-');
    if (rest.length > 0 || from === undefined || from === '' || to === '') {
      fail(`${JSON.stringify(segment)} is not "${FORMAT}"`);
    }
    const first = weekdayOf(from);
    if (first === undefined) fail(`"${from}" in ${JSON.stringify(segment)} is not a day (Mon..Sun)`);
    const last = to === undefined ? first : weekdayOf(to);
    if (last === undefined) fail(`"${to}" in ${JSON.stringify(segment)} is not a day (Mon..Sun)`);
    for (let d = first; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === last) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** "08:30" -> 510. "24:00" only as an end (1440). */
function parseTime(text: string, segment: string, isEnd: boolean): number {
  const hh = Number(text.slice(0, 2));
  const mm = Number(text.slice(3, 5));
  if (isEnd && hh === 24 && mm === 0) return MINUTES_PER_DAY;
  if (hh > 23 || mm > 59) {
    fail(`"${text}" in ${JSON.stringify(segment)} is not a time (HH:MM, 00:00-23:59, or 24:00 as an end)`);
  }
  return hh * 60 + mm;
}

function parseHours(hours: string | undefined): SupportWindow[] {
  const text = (hours ?? '').trim();
  if (text === '' || text === '24/7') {
    return DAYS.map((_, i) => ({ weekday: i + 1, start: 0, end: MINUTES_PER_DAY }));
  }
  const windows: SupportWindow[] = [];
  for (const raw of text.split(';')) {
    const segment = raw.trim();
    if (segment === '') continue;
    const m = /^(\S+)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(segment);
    if (!m) fail(`${JSON.stringify(segment)} is not "${FORMAT}"`);
    const [, dayText = '', startText = '', endText = ''] = m;
    const days = parseDays(dayText, segment);
    const start = parseTime(startText, segment, false);
    const end = parseTime(endText, segment, true);
    if (end <= start) {
      fail(`${JSON.stringify(segment)} does not end after it starts (a window cannot cross midnight; use 24:00)`);
    }
    for (const weekday of days) windows.push({ weekday, start, end });
  }
  if (windows.length === 0) fail(`${JSON.stringify(hours)} has no opening (leave it empty or write "24/7" for always open)`);
  return windows;
}

function parseHolidays(holidays: string | undefined, zone: string): string[] {
  const dates = new Set<string>();
  for (const raw of (holidays ?? '').split(',')) {
    const text = raw.trim();
    if (text === '') continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !DateTime.fromISO(text, { zone }).isValid) {
      fail(`holiday "${text}" is not a date (YYYY-MM-DD)`);
    }
    dates.add(text);
  }
  return [...dates].sort();
}

/**
 * Reads the support-hours settings.
 *
 * - `hours`: `;`-separated windows `Day[-Day][,Day...] HH:MM-HH:MM` in 24-hour local time, end exclusive, e.g.
 *   `"Mon-Fri 08:00-20:00; Sat 09:00-13:00"`. Days are Mon..Sun (any case); a range may wrap ("Fri-Mon").
 *   A window ends after it starts and on the same day; `24:00` is allowed as an end. Undefined, empty or
 *   `"24/7"` means always open.
 * - `zone`: the IANA zone the hours and holidays are in.
 * - `holidays`: comma-separated local dates `YYYY-MM-DD`, closed all day.
 *
 * @throws Error `supportHours: ...` naming the piece that is wrong.
 */
export function parseSupportHours(spec: { hours?: string; zone: string; holidays?: string }): SupportSchedule {
  assertZone(spec.zone);
  return { zone: spec.zone, windows: parseHours(spec.hours), holidays: parseHolidays(spec.holidays, spec.zone) };
}

interface Interval {
  start: number;
  end: number;
}

/** The opening intervals of one local day (epoch ms), in start order; none on a holiday. */
function dayIntervals(schedule: SupportSchedule, day: DateTime, holidays: ReadonlySet<string>): Interval[] {
  if (holidays.has(day.toISODate() ?? '')) return [];
  const at = (minutes: number): number =>
    minutes === MINUTES_PER_DAY
      ? day.plus({ days: 1 }).startOf('day').toMillis()
      : DateTime.fromObject(
          { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
          { zone: schedule.zone },
        ).toMillis();
  return schedule.windows
    .filter((w) => w.weekday === day.weekday)
    .map((w) => ({ start: at(w.start), end: at(w.end) }))
    // Guard: a clock change must never produce a window that ends before it starts.
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
}

/** Weekdays whose windows together cover the whole day, 00:00-24:00. */
function fullWeekdays(schedule: SupportSchedule): Set<number> {
  const full = new Set<number>();
  for (let weekday = 1; weekday <= 7; weekday++) {
    let reached = 0;
    const windows = schedule.windows.filter((w) => w.weekday === weekday).sort((a, b) => a.start - b.start);
    for (const w of windows) if (w.start <= reached) reached = Math.max(reached, w.end);
    if (reached >= MINUTES_PER_DAY) full.add(weekday);
  }
  return full;
}

/**
 * Whether staff are available at `now`, and when that changes.
 *
 * Open: `closesAt` is when the current stretch ends (back-to-back windows, e.g. `Fri 18:00-24:00; Sat 00:00-02:00`,
 * count as one stretch); absent when support does not close within the search horizon (24/7 with no holiday).
 * Closed: `opensAt` is the next opening, skipping holidays and days with no hours.
 *
 * @throws Error `supportHours: ...` when `now` is not a valid Date, or support never opens within 370 days.
 */
export function supportStatus(schedule: SupportSchedule, now: Date): SupportStatus {
  assertDate(now, 'now');
  const t = now.getTime();
  const holidays = new Set(schedule.holidays);
  const full = fullWeekdays(schedule);
  const today = DateTime.fromJSDate(now, { zone: schedule.zone }).startOf('day');
  // Calendar arithmetic without zone work, to pass quickly over whole open days (24/7 schedules).
  const calendarToday = Date.UTC(today.year, today.month - 1, today.day);
  let current: Interval | undefined;
  // Whether the open stretch reaches midnight at the start of day i (its end may then lag behind).
  let runsOn = false;
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const calendarDay = new Date(calendarToday + i * 86_400_000);
    const isoDay = calendarDay.toISOString().slice(0, 10);
    if (current && runsOn && full.size === 7) {
      // Every weekday is open all day (24/7, the default): only a holiday ends the stretch, so go
      // straight to the next one instead of stepping over a year of open days (0.4 ms a handoff).
      const holiday = schedule.holidays.reduce<string | undefined>((next, date) => (date >= isoDay && (next === undefined || date < next) ? date : next), undefined);
      const at = holiday === undefined ? Infinity : Math.round((Date.parse(`${holiday}T00:00:00Z`) - calendarToday) / 86_400_000);
      if (at > SEARCH_DAYS) break;
      if (at > i) {
        i = at - 1;
        continue;
      }
    }
    // Open all of this day: the stretch runs on through it.
    if (current && runsOn && full.has(calendarDay.getUTCDay() || 7) && !holidays.has(isoDay)) continue;
    const day = today.plus({ days: i });
    if (current) {
      if (!runsOn) return { open: true, closesAt: new Date(current.end) };
      current.end = Math.max(current.end, day.toMillis());
    }
    for (const interval of dayIntervals(schedule, day, holidays)) {
      if (current) {
        if (interval.start > current.end) return { open: true, closesAt: new Date(current.end) };
        current.end = Math.max(current.end, interval.end);
      } else if (interval.end > t) {
        if (interval.start > t) return { open: false, opensAt: new Date(interval.start) };
        current = { ...interval };
      }
    }
    if (current) runsOn = current.end >= day.plus({ days: 1 }).startOf('day').toMillis();
  }
  if (current) return runsOn ? { open: true } : { open: true, closesAt: new Date(current.end) };
  fail(
    `support never opens within ${SEARCH_DAYS} days of ${now.toISOString()} (zone ${schedule.zone}, ` +
      `${schedule.holidays.length} holidays)`,
  );
}

/**
 * When staff will reply by, for the candidate: "Monday, December 1 at 8:00 AM EST".
 *
 * @throws Error `supportHours: ...` for an invalid Date or zone.
 */
export function formatReplyBy(date: Date, zone: string, language: Language = 'en'): string {
  assertDate(date, 'reply-by date');
  assertZone(zone);
  const local = DateTime.fromJSDate(date, { zone });
  if (language === 'es') {
    // "lunes, 1 de diciembre a las 8:00 a. m. EST", as the Spanish catalogue writes times.
    const half = local.hour < 12 ? 'a. m.' : 'p. m.';
    const at = local.hour % 12 === 1 ? 'a la' : 'a las';
    return `${local.setLocale('es').toFormat("cccc, d 'de' LLLL")} ${at} ${local.toFormat('h:mm')} ${half} ${local.setLocale('en-US').toFormat('ZZZZ')}`;
  }
  return local.setLocale('en-US').toFormat("cccc, LLLL d 'at' h:mm a ZZZZ");
}

/**
 * A rough wait, in whole minutes, for the candidate at `position` (1 = next) in the queue.
 *
 * The rule, kept simple so staff can explain it: each case ahead, and the candidate's own, is taken to
 * take as long as the typical recent case waited. So the estimate is
 * `median(recentWaitsMs) × position` when there are recent waits (time from queued to claimed; values
 * that are not finite non-negative numbers are ignored), otherwise `fallbackMinutesPerCase × position`.
 * The result is rounded up to whole minutes and is at least 1. With `availableAgents` (agents marked
 * available in the console) above one, `position` becomes the candidate's round:
 * `ceil(position / availableAgents)`.
 *
 * @throws Error `supportHours: ...` when `position` is not a whole number ≥ 1 or the fallback is not a
 *   positive number.
 */
export function estimateWaitMinutes(position: number, recentWaitsMs: number[], fallbackMinutesPerCase: number, availableAgents = 1): number {
  if (!Number.isInteger(position) || position < 1) fail(`queue position ${position} is not a whole number ≥ 1`);
  if (!Number.isFinite(fallbackMinutesPerCase) || fallbackMinutesPerCase <= 0) {
    fail(`fallback minutes per case ${fallbackMinutesPerCase} is not a positive number`);
  }
  const waits = recentWaitsMs.filter((ms) => Number.isFinite(ms) && ms >= 0).sort((a, b) => a - b);
  // Agents marked available take cases side by side: with two, the fourth in line is the second served.
  // With none available the queue still moves at one agent's pace (someone will come back).
  const turns = Math.ceil(position / Math.max(1, Math.floor(availableAgents)));
  const minutes = waits.length > 0 ? (median(waits) * turns) / 60_000 : fallbackMinutesPerCase * turns;
  return Math.max(1, Math.ceil(minutes));
}

/** Median of a sorted, non-empty list; the mean of the middle two for an even count. */
function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}
