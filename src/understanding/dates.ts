/**
 * Dates in what the candidate wrote: text -> calendar dates in the candidate's time zone.
 *
 * A small pipeline around chrono-node, with `now` and the IANA zone always passed in:
 *   1. parse    chrono-node (casual English, plus one extra parser for "on the 3rd"), with the
 *               reference instant and the zone's UTC offset at that instant, so "today" and
 *               "tomorrow at 9am" are read on the candidate's wall clock, not the server's;
 *   2. mention  each result becomes a DateMention: the calendar date chrono read, the time only
 *               when one was written, what kind of expression it was (its `form`), and whether
 *               the year, month and day were all known (`certain`);
 *   3. resolve  pastDate / futureDate choose one date for a dialog that asked "when did it
 *               happen?" or "when is it?", moving a year-less date into the right year, and say
 *               when they cannot (`problem`: nothing found, wrong side of today, ambiguous, no day).
 *               resolvePast / resolveFuture do the same from mentions already parsed, so the
 *               understanding pass parses each message once.
 *
 * Date words as typed ("decmber", "nxt tues", "tmrw") are spelt out first (dateWords.ts).
 *
 * Words that name no event date are not dates: "now", "for now", "this year", "next year", "in a
 * year", "the next day" (the day after something else, not after today). A date counted from now
 * in weeks, months or years, or hedged ("about two years ago"), is `approximate`.
 *
 * combineDateParts joins a month given in one answer ("March 2020") and a day given in the next
 * ("the 12th") into one date to read.
 *
 * Nothing here reads the clock. Errors name the module and the bad value.
 */

import * as chrono from 'chrono-node';
import type { Language } from '../language/languages.js';
import type { ParsedResult } from 'chrono-node';
import { DateTime, FixedOffsetZone } from 'luxon';
import { isKnownZone } from '../rules/dates.js';
import { describeValue } from './describeValue.js';
import { spellDateWords } from './dateWords.js';
import { withoutAccents } from '../language/accents.js';

const MODULE = 'understanding/dates';

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface DateContext {
  /** The instant of the message. Never read from the clock here. */
  now: Date;
  /** The candidate's IANA time zone, e.g. 'America/Los_Angeles'. */
  zone: string;
  /** The language the message is read in: English unless said (Spanish uses chrono's Spanish parser). */
  language?: Language;
}

/**
 * What kind of date expression a mention is:
 * - 'full'      year, month and day written: "March 3, 2025", "3/14/2025", "2025-03-03"
 * - 'month-day' month and day, no year: "March 3", "3/4"
 * - 'day'       day of the month only: "on the 3rd"
 * - 'weekday'   a weekday: "Thursday", "next Friday", "last Monday"
 * - 'relative'  counted from now: "today", "yesterday", "tomorrow at 9am", "two weeks ago", "in 10 days"
 * - 'partial'   no day: "in March", "last month", "next week"
 * - 'time'      a time with no date: "at 5pm"
 */
export type DateForm = 'full' | 'month-day' | 'day' | 'weekday' | 'relative' | 'partial' | 'time';

/** 'coming': Spanish "el lunes que viene" / "el próximo lunes", the next one after today (said on a Monday, a week on; said the day before, tomorrow or a week later, asked). */
export type WeekdayModifier = 'this' | 'next' | 'last' | 'coming';

export interface DateMention {
  /** The words as written. */
  text: string;
  /** Offset of `text` in the message. */
  index: number;
  /** The calendar date chrono read, in the candidate's zone (for a weekday: the closest one). */
  date: IsoDate;
  /** 'HH:mm' (24-hour), only when the candidate wrote a time. */
  time?: string;
  /** true when year, month and day were all written or follow from now ("yesterday"). */
  certain: boolean;
  /** true when the year was not written (chrono took one). */
  impliedYear?: boolean;
  form: DateForm;
  /** Written with digits and separators, e.g. "3/4" or "3/14/2025". */
  numeric?: boolean;
  /** The weekday written, 1 = Monday ... 7 = Sunday (luxon's numbering). */
  weekday?: number;
  /** "this" / "next" / "last" in front of (or "... next week" after) a weekday. */
  modifier?: WeekdayModifier;
  /**
   * true when the date is counted from now in weeks, months or years ("5 months ago", "a few
   * weeks ago", "in 2 weeks") or hedged ("about 3 days ago"): `date` is now minus (or plus) the
   * amount, but the candidate did not say the day. A rule can still say "5 months is past 90 days".
   */
  approximate?: boolean;
}

export interface DateOption {
  date: IsoDate;
  time?: string;
  /** The words the option was read from. */
  text: string;
}

/** The days a month-only date could be ("in October", "May 2019"), cut at today on the asked side. */
export interface DateSpan {
  from: IsoDate;
  to: IsoDate;
}

export type DateProblem = 'no-date' | 'incomplete' | 'in-future' | 'in-past' | 'ambiguous';

export type DateAnswer =
  | {
      ok: true;
      date: IsoDate;
      time?: string;
      text: string;
      /** The year was not written and the date was moved to a year other than the current one. */
      assumedYear: boolean;
      /** The month was not written ("on the 3rd") and the date was moved to another month. */
      assumedMonth: boolean;
      /** Present (true) when the date was counted roughly ("a few weeks ago"); see DateMention. */
      approximate?: true;
    }
  /** Nothing that reads as a date. */
  | { ok: false; problem: 'no-date' }
  /**
   * A month or a week but no day ("in March", "last week"). `approximateDate` is there when the
   * words counted back or on from now ("5 months ago"): now minus the amount, for rules that only
   * need to know roughly how long ago.
   */
  | { ok: false; problem: 'incomplete'; text: string; approximateDate?: IsoDate; span?: DateSpan }
  /** An explicit date on the wrong side of today. */
  | { ok: false; problem: 'in-future' | 'in-past'; date: IsoDate; text: string }
  /** Two or more readings: ask which one. */
  | { ok: false; problem: 'ambiguous'; options: DateOption[] };

// ---- input checks --------------------------------------------------------------------------

function checkContext(ctx: DateContext): DateTime {
  validContext(ctx);
  // One turn asks for "now in this zone" several times (parse, resolve, format): built once.
  const at = ctx.now.getTime();
  if (lastNow?.at !== at || lastNow.zone !== ctx.zone) lastNow = { at, zone: ctx.zone, value: DateTime.fromJSDate(ctx.now, { zone: ctx.zone }) };
  return lastNow.value;
}

/** The last "now" built (DateTime is immutable, so sharing it is safe). */
let lastNow: { at: number; zone: string; value: DateTime } | undefined;

/** The checks of checkContext without building the DateTime (luxon's zone offset is not free). */
function validContext(ctx: DateContext): void {
  if (ctx === null || typeof ctx !== 'object') {
    throw new TypeError(`${MODULE}: expected { now, zone }, got ${JSON.stringify(ctx)}`);
  }
  const { now, zone } = ctx;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new TypeError(`${MODULE}: now must be a valid Date, got ${describeValue(now)}`);
  }
  if (typeof zone !== 'string' || !isKnownZone(zone)) {
    throw new RangeError(`${MODULE}: unknown IANA time zone ${JSON.stringify(zone)}`);
  }
}

function checkText(text: unknown): string {
  if (typeof text !== 'string') throw new TypeError(`${MODULE}: text must be a string, got ${describeValue(text)}`);
  return text;
}


// ---- 1. parse ------------------------------------------------------------------------------

const ORDINAL_WORDS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth',
  'eighteenth', 'nineteenth', 'twentieth', 'twenty-first', 'twenty-second', 'twenty-third',
  'twenty-fourth', 'twenty-fifth', 'twenty-sixth', 'twenty-seventh', 'twenty-eighth',
  'twenty-ninth', 'thirtieth', 'thirty-first',
];
const MONTH_AHEAD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const WEEKDAY_WORD = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?';

/**
 * "the 3rd", "on the 21st", "on the first", optionally after a weekday ("Sat the 8th"): a day of
 * the month with no month. Ordinal words need "on the" ("the second time I failed" is not a date).
 * Not when a month follows ("the 3rd of March" is chrono's own). A counted month after it ("the
 * 3rd of last month", "the 15th of next month") is that month's day: read as the day alone, the
 * 3rd said on December 6 was December 3, and a purchase window came out a month too long.
 */
const dayOfMonthParser: chrono.Parser = {
  pattern: () =>
    new RegExp(
      `(?<![\\w/])(?:(${WEEKDAY_WORD})\\.?,?\\s+)?(?:(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)|on\\s+the\\s+(${ORDINAL_WORDS.join('|')}))\\b` +
        `(?:\\s+of\\s+(last|this|next|past|previous|the\\s+(?:last|previous|past))\\s+month\\b)?` +
        `(?!\\s*(?:of\\s+)?${MONTH_AHEAD})`,
      'i',
    ),
  extract: (context, match) => {
    const day = match[2] !== undefined ? Number(match[2]) : ORDINAL_WORDS.indexOf((match[3] ?? '').toLowerCase()) + 1;
    if (!(day >= 1 && day <= 31)) return null;
    const weekday = match[1] ? weekdayNumber(match[1]) : null;
    const shift = match[4] ? monthShift(match[4]) : undefined;
    if (shift === undefined) return weekday === null ? { day } : { day, weekday };
    return countedMonthDay(context, day, shift);
  },
};

/** "last" / "the previous" month: -1; "this": 0; "next": +1. */
function monthShift(word: string): number {
  const w = word.toLowerCase().replace(/^the\s+/, '');
  return w === 'next' || w === 'proximo' || w === 'próximo' || w === 'que viene' ? 1 : w === 'this' || w === 'este' ? 0 : -1;
}

/**
 * The reference instant as a date-time in the candidate's zone (the offset the parse was given), not
 * the server's: at 7 pm in New York the server's UTC is already tomorrow, and "two weeks ago" or "the
 * 3rd of last month" counted from it would be a day (or a month) off.
 */
function referenceTime(context: chrono.ParsingContext): DateTime {
  const offset = context.reference.timezoneOffset;
  return DateTime.fromJSDate(context.reference.instant, typeof offset === 'number' ? { zone: FixedOffsetZone.instance(offset) } : {});
}

/** A day of the month counted from the reference's month: its month and year are known. */
function countedMonthDay(context: chrono.ParsingContext, day: number, shift: number): chrono.ParsingComponents | null {
  const month = referenceTime(context).startOf('month').plus({ months: shift });
  if (day > month.daysInMonth!) return null;
  return context.createParsingComponents({ year: month.year, month: month.month, day });
}

/** 'sat' -> 6, 'thurs' -> 4 (chrono numbering: Sunday = 0). */
function weekdayNumber(word: string): number | null {
  const i = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : i;
}

const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** The anchor day of "a week from monday" / "the monday after next": today, tomorrow, or the coming weekday (after today). */
function anchorDay(context: chrono.ParsingContext, word: string): DateTime | null {
  const today = referenceTime(context).startOf('day');
  const w = word.toLowerCase().replace(/^(?:this|next|this coming|coming)\s+/, '');
  if (w === 'today' || w === 'now') return today;
  if (w === 'tomorrow' || w === 'tmrw' || w === 'tmr') return today.plus({ days: 1 });
  const weekday = weekdayNumber(w);
  if (weekday === null) return null;
  // chrono numbering (Sunday 0) to luxon's (Sunday 7); the coming one, never today.
  const target = weekday === 0 ? 7 : weekday;
  const ahead = (target - today.weekday + 7) % 7 || 7;
  return today.plus({ days: ahead });
}

/**
 * "a week from monday", "two weeks from today", "3 days from friday", "a week from tomorrow": a
 * count of days or weeks from a day other than now (chrono reads only "from now", and otherwise
 * the anchor alone: "a week from monday" came out as tomorrow, an appointment "no longer" movable).
 */
const countedFromDayParser: chrono.Parser = {
  pattern: () =>
    new RegExp(
      `(?<![\\w/])(\\d{1,2}|${Object.keys(COUNT_WORDS).join('|')})\\s+(days?|weeks?)\\s+(?:from|after)\\s+((?:this\\s+(?:coming\\s+)?|next\\s+|coming\\s+)?(?:today|tomorrow|tmrw|tmr|${WEEKDAY_WORD}))\\b`,
      'i',
    ),
  extract: (context, match) => {
    const count = Number(match[1]) || COUNT_WORDS[(match[1] ?? '').toLowerCase()] || 0;
    const anchor = anchorDay(context, match[3] ?? '');
    if (!count || !anchor) return null;
    const when = anchor.plus(/^week/i.test(match[2] ?? '') ? { weeks: count } : { days: count });
    return context.createParsingComponents({ year: when.year, month: when.month, day: when.day });
  },
};

/** "the monday after next", "friday after next": the weekday a week after the coming one. */
const weekdayAfterNextParser: chrono.Parser = {
  pattern: () => new RegExp(`(?<![\\w/])(?:the\\s+)?(${WEEKDAY_WORD})\\.?\\s+after\\s+next\\b`, 'i'),
  extract: (context, match) => {
    const coming = anchorDay(context, match[1] ?? '');
    if (!coming) return null;
    const when = coming.plus({ weeks: 1 });
    return context.createParsingComponents({ year: when.year, month: when.month, day: when.day });
  },
};

/**
 * "12-15", "1-5": a month and a day with a dash and no year, as "12/15" is read with a slash (and
 * asked back the same way when both readings are dates). Only where a date is what is said: the
 * whole message (the answer to a date question, "its 12-15"), or right after a word that
 * introduces one ("my appt is 12-15", "on 1-5", "el 12-15"). Dashes mean much else: hours ("i work
 * 7-3", "open 9-5"), scores ("i got 8-10 right"), spans of a count ("2-3 days", "5-10 questions"),
 * rooms, phone numbers, code ranges ("A1-A8").
 */
const DASHED_DATE_CUE = String.raw`(?:^\s*(?:(?:it'?s|its|it is|on|the|el|es)\s+)?|\b(?:on|is|for|by|until|till|til|from|appt|appointment|test|exam|date|scheduled|booked|el|para|es|cita|examen)\s+)`;
const dashedMonthDayParser: chrono.Parser = {
  pattern: () => new RegExp(`(?<=${DASHED_DATE_CUE})(\\d{1,2})-(\\d{1,2})(?![\\w/-]|[.:]\\d|\\s*(?:%|percent|days?|weeks?|months?|years?|yrs?|hours?|hrs?|mins?|minutes?|times?|questions?|tests?|exams?|points?|people|business|right|wrong|correct)\\b)`, 'i'),
  extract: (_context, match) => {
    const month = Number(match[1]);
    const day = Number(match[2]);
    if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
    return { month, day };
  },
};

/**
 * A year alone: "in 2021", "back in 2019", "since 2020", "passed 2021" (SMS), or a message that is only the year ("2021",
 * "it was 2021", "2021 i think"). A date known only to the year (a span of twelve months, cut at
 * today): chrono reads no bare year, and "i passed it in 2021" was no date at all. A year inside
 * other words ("the 2024 guide") is not read: it names no event.
 */
const YEAR_WORDS = String.raw`(?:19[5-9]\d|20\d{2})`;
const yearParser: chrono.Parser = {
  pattern: () =>
    new RegExp(
      String.raw`(?:(?<![\w/$.-])(?:(?:back|sometime|early|late|mid)\s+)?(?:in|since|during|around|about|from|en|desde|del\s+a[ñn]o)\s+(${YEAR_WORDS})|\b(?:passed|took|certified|recertified)(?:\s+(?:it|them))?\s+(${YEAR_WORDS})|^\s*(?:(?:it\s+was|i\s+think|maybe|like|fue\s+en|fue|en)\s+)?(${YEAR_WORDS}))(?![\w/.:-]|,?\s*\d)(?=(?:\s+i\s+think|\s+creo)?[\s.!?]*$|\s*[,;]|\s+\D)`,
      'i',
    ),
  extract: (context, match) => {
    const year = Number(match[1] ?? match[3] ?? match[2]);
    // A year still to come ("early in 2027") dates nothing a task works out from a year alone.
    if (!(year >= 1950 && year <= referenceTime(context).year)) return null;
    const component = context.createParsingComponents({ year });
    component.addTag('parser/yearOnly');
    return component;
  },
};

const parser = chrono.casual.clone();
parser.parsers.push(dayOfMonthParser, countedFromDayParser, weekdayAfterNextParser, dashedMonthDayParser, yearParser);

// ---- Spanish: chrono's Spanish parser, plus what it lacks ------------------------------------

const ES_NUMBERS: Record<string, number> = { 'un par de': 2, un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, unos: 2, unas: 2 };
const ES_UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = { dia: 'day', dias: 'day', semana: 'week', semanas: 'week', mes: 'month', meses: 'month', ano: 'year', anos: 'year', año: 'year', años: 'year' };

/** Lower case, accents gone: "Miércoles" is "miercoles". */
const fold = (word: string): string => withoutAccents(word.toLowerCase());

/** "hace dos semanas", "hace 5 meses", "hace unos dias", "hace un par de semanas": counted back from now (chrono.es has no "hace"). */
const spanishAgoParser: chrono.Parser = {
  pattern: () => /(?<![\p{L}\d])hace\s+(?:(?:como|unos|unas|casi|mas de|más de)\s+)?(\d{1,3}|un\s+par\s+de|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)?\s*(d[ií]as?|semanas?|mes(?:es)?|a[ñn]os?)(?![\p{L}])/iu,
  extract: (context, match) => {
    const count = match[1] ? (Number(match[1]) || ES_NUMBERS[match[1].toLowerCase().replace(/\s+/g, ' ')] || 1) : 1;
    const unit = ES_UNITS[fold(match[2] ?? '')];
    if (!unit) return null;
    const when = referenceTime(context).minus({ [`${unit}s`]: count });
    // Months or years back say the month, not the day, as "5 months ago" does in English: the day
    // is only implied, so the answer is worked out roughly where the rule allows, else the day asked.
    const rough = unit === 'month' || unit === 'year';
    const component = context.createParsingComponents(rough ? { year: when.year, month: when.month } : { year: when.year, month: when.month, day: when.day });
    if (rough) component.imply('day', when.day);
    component.addTag('result/relativeDate');
    if (unit !== 'day') component.addTag('spanish/counted');
    return component;
  },
};

/**
 * "el 10", "el día 3", "pal 22" ("para el"): a day of the month with no month ("el 3 de marzo" is
 * chrono's own); "el 3 del mes pasado", "el 15 del próximo mes", "el 3 de este mes": that month's day.
 */
const spanishDayOfMonthParser: chrono.Parser = {
  pattern: () => /(?<![\p{L}\d/])(?:el|pal)\s+(?:d[ií]a\s+)?(\d{1,2})(?:\s+(?:del\s+mes\s+(pasado|anterior|que\s+viene|pr[oó]ximo)|del\s+(pr[oó]ximo)\s+mes|de\s+(este)\s+mes)(?![\p{L}]))?(?![\d/:.]|\s*(?:de\s|am\b|pm\b|h\b|hrs?\b))/iu,
  extract: (context, match) => {
    const day = Number(match[1]);
    if (!(day >= 1 && day <= 31)) return null;
    const counted = (match[2] ?? match[3] ?? match[4])?.toLowerCase().replace(/\s+/g, ' ');
    return counted === undefined ? { day } : countedMonthDay(context, day, monthShift(counted));
  },
};

/** "antier", "antes de ayer": the day before yesterday, as Mexico and Central America say it (chrono.es knows only "anteayer"). */
const spanishAntierParser: chrono.Parser = {
  pattern: () => /(?<![\p{L}\d])(?:antier|antes\s+de\s+ayer)(?![\p{L}])/iu,
  extract: (context) => {
    const when = referenceTime(context).minus({ days: 2 });
    const component = context.createParsingComponents({ year: when.year, month: when.month, day: when.day });
    component.addTag('result/relativeDate');
    return component;
  },
};

const spanishParser = chrono.es.casual.clone();
spanishParser.parsers.push(spanishAgoParser, spanishAntierParser, spanishDayOfMonthParser, yearParser);
/** A test code ("A5", "T2") that chrono.es reads as an hour. */
const TEST_CODE_TEXT = /^[a-z]{1,2}\d{1,2}$/i;

/** Not dates: a span or a duration ("within 3 days", "for 5 years", "72 hours before", "in a sec"). */
const NOT_A_DATE = /^(?:within|for|during|over|up to)\b|\b(?:before|after|prior)$|\b(?:secs?|seconds?|mins?|minutes?|moment)\b/i;
/**
 * Words chrono reads as a date that name no event: "now" ("twice now", "by now", "for now"), a
 * year as a whole ("this year", "next year", "in a year", "in 5 years": a day in it is never
 * meant), "the next day" (after another event, not after today), and "the last day" (a deadline
 * asked about: "whens the last day i can cancel" is not yesterday).
 */
const NOT_AN_EVENT = /^(?:(?:right\s+)?now|(?:this|next)\s+year|in\s+(?:a|an|one|a\s+few|a\s+couple(?:\s+of)?|several|\w+|\d+)\s+years?|(?:the\s+)?(?:next|last)\s+day)$/i;
/** A count of weeks, months or years from now: "5 months ago", "in 2 weeks", "a few years back". */
const COUNTED = /\b(?:weeks?|months?|years?)\s+(?:ago|back|before now|from now)\b|^in\s+.*\b(?:weeks?|months?|years?)$/i;
/** A hedge in or just before the words: "about two years ago", "like a month ago". */
const HEDGE = /\b(?:about|around|roughly|approximately|approx|almost|nearly|over|more than|less than|under|like|maybe|some|a few|a couple(?: of)?|several|or so|ish)\b/i;
const HEDGE_BEFORE = /\b(?:about|around|roughly|approximately|approx|almost|nearly|over|more than|less than|under|like|maybe|probably|some)\s*$/i;

/** "sat" as a verb: "I sat the test", "sat for A5". */
const SAT_VERB_BEFORE = /\b(?:i|we|you|he|she|they|just|have|has|had|never|already|finally)\s*$/i;
const SAT_VERB_AFTER = /^\s*(?:the|my|for|an?|it|in|this|that|both|all|two|three|\w\d)\b/i;

const TIME_UNIT = '(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|mon|mos|months?|qtr|quarters?|y|yrs?|years?)';
const BEFORE_A_UNIT = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|an?|few|several|the|couple|of|within|in|for|about|around|this|last|past|next|after)';
const MIGHT_BE_A_DATE = new RegExp(
  [
    String.raw`\d`,
    '(?:sun|mon|tue|wed|thu|fri|sat)',
    '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)',
    'week',
    'now|today|tonight|tomorrow|overmorrow|tmrw?|yesterday|night|morning|afternoon|evening|midnight|midday|noon',
    'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|twentieth|thirtieth',
    // The unit ends its word, or runs into "ago", "later"...: chrono allows no space there.
    String.raw`(?<![A-Za-z0-9_])(?:${BEFORE_A_UNIT}\s*)+${TIME_UNIT}(?=[^A-Za-z0-9_]|$|ago|before|earlier|later|after|from|henceforth|forward|out)`,
  ].join('|'),
  'i',
);

/**
 * Could chrono (with dayOfMonthParser) find anything in the text? Every parser it runs needs one of:
 * a digit; a weekday or month name (or its abbreviation: any word starting like one counts);
 * "weekend"/"weekday"; a casual day or time word ("today", "tonight", "noon", "last night");
 * an ordinal word ("on the first"); or a time unit after a number word or "this/last/next..."
 * ("a week", "the day", "next month", "in a few days"). Messages with none of these, most FAQ
 * questions, skip chrono: it runs its twenty-odd patterns and refiners for nothing. A false "yes"
 * only costs the parse; test/understanding/datesPrecheck.test.ts holds the "no" to chrono's reading.
 */
export function mightHoldADate(text: string): boolean {
  return MIGHT_BE_A_DATE.test(text);
}

/**
 * English weekday and month names in a Spanish message ("mi cita es el friday"), as the Spanish
 * word or chrono.es's abbreviation of it that fits in the English word's letters.
 */
const ENGLISH_DATE_WORDS: Record<string, string> = {
  monday: 'lunes', tuesday: 'martes', wednesday: 'miercoles', thursday: 'jueves', friday: 'vie', saturday: 'sabado', sunday: 'dom',
  january: 'enero', february: 'febrero', march: 'marzo', april: 'abril', june: 'jun', july: 'jul', august: 'agosto',
  september: 'sep', october: 'octubre', november: 'nov', december: 'dic',
};
const ENGLISH_DATE_WORD = new RegExp(String.raw`(?<![\p{L}])(?:${Object.keys(ENGLISH_DATE_WORDS).join('|')})(?![\p{L}])`, 'giu');

/**
 * "el 15 de junio del 2021", "junio del 21": the year after "del", which chrono.es does not read (it
 * dropped the year, or read "del 21" as 9 p.m.): read as "de 2021".
 */
const MONTH_THEN_DEL_YEAR =
  /(?<=(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|ene|feb|mar|abr|may|jun|jul|ago|sep|sept|oct|nov|dic)\.?\s+)del(?=\s+(?:\d{4}|\d{2})(?![\d:]))/giu;

/**
 * "el jueves 10 a las 8": a weekday and a day of the month, no month. chrono.es reads "jueves 10" as
 * Thursday at 10:00 (and "a las 8" apart), so the weekday is blanked and "el 10" is the day read.
 * With a month after it ("jueves 10 de diciembre") or a time ("jueves 10:30", "jueves 10 am") it is
 * chrono's own reading.
 */
const WEEKDAY_THEN_DAY =
  /(?<![\p{L}\d])(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)(?=\s+(?:\d{1,2})(?![\d:./]|\s*(?:de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)|del?\s+(?:la\s+)?(?:ma[ñn]ana|tarde|noche)|am\b|pm\b|a\.\s?m|p\.\s?m|h\b|hrs?\b|horas?\b)))/giu;

/** Spanish weekday names, folded, as chrono numbers them (0 = Sunday). */
const SPANISH_WEEKDAYS: Record<string, number> = { domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6 };

/**
 * The text as chrono.es should read it, letter for letter the same length (mentions keep their
 * places in what the candidate wrote): a test code is blanked ("reprobé el A5 hace 2 semanas" is no
 * 5 a.m.), "del" before a year is "de", "sept", as people write September, is chrono's "sep", and an English weekday or month
 * is its Spanish twin.
 */
function forSpanishParser(text: string): string {
  return text
    .replace(/(?<![\p{L}\d])[a-z]{1,2}-?\d{1,2}(?![\p{L}\d:.])/giu, (code) => ' '.repeat(code.length))
    .replace(MONTH_THEN_DEL_YEAR, 'de ')
    .replace(WEEKDAY_THEN_DAY, (weekday) => 'el'.padEnd(weekday.length, ' '))
    .replace(/(?<![\p{L}])(sep)t(?![\p{L}])/giu, '$1 ')
    .replace(ENGLISH_DATE_WORD, (word) => ENGLISH_DATE_WORDS[word.toLowerCase()]!.padEnd(word.length, ' '));
}

function rawParse(text: string, today: DateTime, language: Language = 'en'): ParsedResult[] {
  if (language === 'es') {
    const read = forSpanishParser(text);
    return spanishParser
      .parse(read, { instant: today.toJSDate(), timezone: today.offset })
      .filter((result) => !TEST_CODE_TEXT.test(result.text.trim()))
      .map((result) => {
        // A mention quotes the candidate's words: "friday", where chrono read the "vie" put in its place.
        let end = result.index + result.text.length;
        while (end < text.length && read[end] === ' ' && /\p{L}/u.test(text[end]!)) end++;
        // "jueves 10", read as "el 10": the weekday said is kept, to be checked against the day.
        const weekday = read.startsWith('el', result.index) && !text.startsWith('el', result.index) ? SPANISH_WEEKDAYS[fold(text.slice(result.index).split(/\s/)[0] ?? '')] : undefined;
        if (weekday !== undefined && !result.start.isCertain('weekday')) (result.start as unknown as { assign(component: 'weekday', value: number): void }).assign('weekday', weekday);
        // The result keeps its own methods (start, tags): its quoted text is set in place.
        return Object.assign(result, { text: text.slice(result.index, end) });
      });
  }
  return parser.parse(text, { instant: today.toJSDate(), timezone: today.offset });
}

// ---- 2. mentions ---------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar date, or null when there is no such day (February 30, February 29 of 2025). Plain arithmetic: luxon is slow here and this runs for every candidate year of a date. */
function isoFrom(year: number, month: number, day: number): IsoDate | null {
  if (![year, month, day].every(Number.isInteger) || year < 1 || year > 9999) return null;
  const when = new Date(0);
  when.setUTCFullYear(year, month - 1, day);
  if (when.getUTCFullYear() !== year || when.getUTCMonth() !== month - 1 || when.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` as IsoDate;
}

/** ISO weekday of a calendar date: Monday 1 ... Sunday 7 (luxon's numbering). */
function weekdayOf(date: IsoDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

function modifierOf(text: string): WeekdayModifier | undefined {
  const m = /\b(this|next|last|past)\b/i.exec(text);
  if (!m?.[1]) return undefined;
  const word = m[1].toLowerCase();
  return word === 'past' ? 'last' : (word as WeekdayModifier);
}

const CASUAL_DAYS = ['today', 'tomorrow', 'tonight', 'yesterday', 'now'];
const CASUAL_TIMES = ['morning', 'afternoon', 'evening', 'noon', 'midnight'];

function toMention(result: ParsedResult, message: string): DateMention | null {
  const start = result.start;
  const tags = result.tags();
  const text = result.text.replace(/[\s,.(（)）]+$/u, '');
  if (NOT_A_DATE.test(text) || NOT_AN_EVENT.test(text) || tags.has('casualReference/now')) return null;
  const known = (c: Parameters<typeof start.isCertain>[0]): boolean => start.isCertain(c);
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  const date = year !== null && month !== null && day !== null ? isoFrom(year, month, day) : null;
  if (date === null) return null;

  if (/^(?:on\s+)?sat$/i.test(text)) {
    const before = message.slice(0, result.index);
    const after = message.slice(result.index + result.text.length);
    if (SAT_VERB_BEFORE.test(before) || SAT_VERB_AFTER.test(after)) return null;
  }

  const casualDay = CASUAL_DAYS.some((t) => tags.has(`casualReference/${t}`));
  const casualTime = CASUAL_TIMES.some((t) => tags.has(`casualReference/${t}`));
  let form: DateForm;
  if (tags.has('result/relativeDate') || casualDay) form = known('day') || casualDay ? 'relative' : 'partial';
  else if (known('year') && known('month') && known('day')) form = 'full';
  else if (known('month') && known('day')) form = 'month-day';
  else if (known('day')) form = 'day';
  else if (known('weekday')) form = 'weekday';
  else if (known('month') || known('year')) form = 'partial';
  else if (casualTime && /^this\b/i.test(text)) form = 'relative'; // "this morning": today
  else if (known('hour') || casualTime) form = 'time';
  else return null;
  // "next week", "this week", "last month": a span, not a day.
  if (form === 'relative' && /^(?:next|last|this|past)\s+(?:week|month|year)$/i.test(text)) form = 'partial';

  // "passed 2021": the verb was read to find the year; the date's words are the year.
  const verb = tags.has('parser/yearOnly') ? /^(?:passed|took|certified|recertified)(?:\s+(?:it|them))?\s+/i.exec(text)?.[0].length ?? 0 : 0;
  const mention: DateMention = { text: text.slice(verb), index: result.index + verb, date, certain: form === 'full' || form === 'relative', form };
  if (!known('year') && form !== 'relative' && form !== 'time') mention.impliedYear = true;
  if (known('hour') && !tags.has('casualReference/now')) mention.time = `${pad(start.get('hour') ?? 0)}:${pad(start.get('minute') ?? 0)}`;
  if (/\d{1,4}\s*[/.-]\s*\d{1,2}/.test(text) && !tags.has('parser/ISOFormatParser')) mention.numeric = true;
  if (known('weekday')) {
    const weekday = start.get('weekday');
    if (weekday !== null) mention.weekday = weekday === 0 ? 7 : weekday;
    const modifier = form === 'weekday' ? (modifierOf(text) ?? spanishModifier(text, message.slice(result.index + result.text.length))) : undefined;
    if (modifier) mention.modifier = modifier;
  }
  if (isApproximate(text, message.slice(0, result.index), tags.has('result/relativeDate'))) mention.approximate = true;
  return mention;
}

/** "el próximo lunes", "el martes que viene", "el martes pasado", "este viernes". */
function spanishModifier(text: string, after: string): WeekdayModifier | undefined {
  const words = fold(`${text} ${after.slice(0, 20)}`);
  // "el martes que viene" / "el próximo martes" name the coming Tuesday, never today (English "next
  // Tuesday" is the one said both ways, and is asked about).
  if (/^(?:el\s+)?proximo\b|^\S+\s+(?:que\s+viene|proximo)\b/.test(words)) return 'coming';
  if (/^\S+\s+(?:pasado|anterior)\b|^(?:el\s+)?(?:pasado|ultimo)\b/.test(words)) return 'last';
  if (/^este\b/.test(words)) return 'this';
  return undefined;
}

function isApproximate(text: string, before: string, counted: boolean): boolean {
  if (!counted) return false;
  if (/^hace\b/i.test(text)) return /semana|mes|a[ñn]o/i.test(text) || /\b(?:como|unos|unas|casi|mas de|más de)\b/i.test(text);
  return COUNTED.test(text) || HEDGE.test(text) || HEDGE_BEFORE.test(before);
}

/** The end of a range ("March 3 to March 5") as a mention of its own. */
function endMention(result: ParsedResult, first: DateMention): DateMention | null {
  const end = result.end;
  if (!end) return null;
  const year = end.get('year');
  const month = end.get('month');
  const day = end.get('day');
  const date = year !== null && month !== null && day !== null ? isoFrom(year, month, day) : null;
  if (date === null || date === first.date) return null;
  const mention: DateMention = { text: first.text, index: first.index, date, certain: first.certain, form: first.form };
  if (first.impliedYear) mention.impliedYear = true;
  if (first.numeric) mention.numeric = true;
  return mention;
}

/**
 * Every date or time the message mentions, in order. `date` is chrono's reading (for a year-less
 * date, the nearest such date; for a bare weekday, the nearest such weekday); pastDate and
 * futureDate choose the reading that fits the question.
 */
export function parseDates(text: string, ctx: DateContext): DateMention[] {
  const written = checkText(text);
  const language = ctx.language ?? 'en';
  // "decmber 18th", "nxt tues": English date words spelt out first; mentions quote the candidate's words.
  const spelt = language === 'en' ? spellDateWords(written) : undefined;
  const message = spelt ? spelt.text : written;
  if (language === 'en' && !mightHoldADate(message)) {
    validContext(ctx);
    return [];
  }
  const today = checkContext(ctx);
  const mentions: DateMention[] = [];
  for (const result of rawParse(message, today, language)) {
    const mention = toMention(result, message);
    if (!mention) continue;
    mentions.push(mention);
    const end = endMention(result, mention);
    if (end) mentions.push(end);
  }
  // "2021" alone (chrono drops a result that is only digits): the year, as "in 2021" is read.
  const bare = mentions.length === 0 ? BARE_YEAR.exec(message) : null;
  if (bare?.[1]) {
    const index = message.indexOf(bare[1]);
    if (Number(bare[1]) <= today.year) mentions.push({ text: bare[1], index, date: `${bare[1]}-01-01` as IsoDate, certain: false, form: 'partial' });
  }
  const merged = language === 'es' ? mergeSpanishTime(spanishPartsOfDay(mentions, message), message) : mergeWeekAndWeekday(mentions, message, today);
  return spelt ? merged.map((m) => ({ ...m, ...spelt.original(m.index, m.index + m.text.length) })) : merged;
}

/** A message that is only a year: "2021", "2021 i think", "2021?". */
const BARE_YEAR = /^\s*((?:19[5-9]|20\d)\d)(?:\s+(?:i\s+think|creo))?[\s.!?]*$/i;

/** "de la mañana", "por la tarde", "en la noche": the part of a day, written after a time or a day. */
const PART_OF_DAY_BEFORE = /\b(?:de|por|en)\s+la\s*$/i;

/**
 * Spanish words chrono.es reads as days that are parts of a day, or more than it reads: "a las 9 de
 * la mañana" is 9 AM, not tomorrow; "a las 3 de la tarde" is 3 PM (chrono gives 3 AM and a time of
 * its own for "tarde"); "mañana por la mañana" is one morning; "pasado mañana" is the day after
 * tomorrow (chrono reads only "mañana").
 */
function spanishPartsOfDay(mentions: DateMention[], message: string): DateMention[] {
  const out: DateMention[] = [];
  for (const mention of mentions) {
    const before = message.slice(0, mention.index);
    const word = mention.text.toLowerCase();
    const partOfDay = PART_OF_DAY_BEFORE.test(before) ? (/^ma[ñn]ana$/.test(word) ? 'morning' : /^(?:tarde|noche)$/.test(word) && !mention.time ? word : undefined) : undefined;
    if (partOfDay) {
      // A time just before it is in that part of the day: 3 (de la tarde) is 15:00, 8 (de la noche) 20:00.
      const previous = out[out.length - 1];
      const hour = previous?.time ? Number(previous.time.slice(0, 2)) : undefined;
      const pm = partOfDay === 'tarde' ? hour !== undefined && hour >= 1 && hour < 12 : partOfDay === 'noche' && hour !== undefined && hour >= 6 && hour < 12;
      if (previous?.time && pm) out[out.length - 1] = { ...previous, time: `${String(hour! + 12).padStart(2, '0')}${previous.time.slice(2)}` };
      // "las 12 de la noche" is midnight, never noon: the start of the day named (the earlier reading, so
      // a deadline worked out from it is never later than the real one).
      else if (previous?.time && partOfDay === 'noche' && hour === 12) out[out.length - 1] = { ...previous, time: `00${previous.time.slice(2)}` };
      continue;
    }
    const dayAfter = /^ma[ñn]ana\b/.test(word) && mention.form === 'relative' ? /\bpasado\s+$/i.exec(before) : null;
    if (dayAfter) {
      const date = DateTime.fromISO(mention.date).plus({ days: 1 }).toISODate() as IsoDate;
      out.push({ ...mention, date, text: message.slice(dayAfter.index, mention.index + mention.text.length), index: dayAfter.index });
      continue;
    }
    out.push(mention);
  }
  return out;
}

/** "el martes que viene a las 9": chrono.es reads the day and "las 9" apart; the candidate meant one moment. */
function mergeSpanishTime(mentions: DateMention[], message: string): DateMention[] {
  const out: DateMention[] = [];
  for (const mention of mentions) {
    const previous = out[out.length - 1];
    const between = previous ? message.slice(previous.index + previous.text.length, mention.index) : '';
    if (previous && mention.form === 'time' && mention.time && previous.form !== 'time' && !previous.time && /^[\s,]*(?:(?:que\s+viene|pr[oó]ximo|pasado)[\s,]*)?(?:a|por|en)?\s*$/i.test(between)) {
      out[out.length - 1] = { ...previous, time: mention.time };
      continue;
    }
    out.push(mention);
  }
  return out;
}

/** "next week Friday" / "next week on Friday": chrono reads two things; the candidate meant one. */
function mergeWeekAndWeekday(mentions: DateMention[], message: string, today: DateTime): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i] as DateMention;
    const b = mentions[i + 1];
    const week = /^(next|last|this|past)\s+week$/i.exec(a.text);
    if (week?.[1] && b?.form === 'weekday' && !b.modifier) {
      const gap = message.slice(a.index + a.text.length, b.index);
      if (/^\s*,?\s*(?:on\s*)?$/i.test(gap)) {
        const swapped = `${b.text.replace(/^on\s+/i, '')} ${week[1]} week`;
        const reread = rawParse(swapped, today)[0];
        const merged = reread ? toMention(reread, swapped) : null;
        if (merged && merged.form === 'weekday') {
          out.push({ ...merged, text: message.slice(a.index, b.index + b.text.length), index: a.index });
          i++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}

// ---- 3. resolve ----------------------------------------------------------------------------

type Direction = 'past' | 'future';

type Resolution =
  | { kind: 'ok'; options: Array<DateOption & { assumedYear: boolean; assumedMonth: boolean }> }
  | { kind: 'wrong-side'; date: IsoDate; text: string }
  | { kind: 'incomplete'; text: string };

function dt(date: IsoDate): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}

/** Month and day in the year that puts them on the asked side of today (today itself counts). */
function placeMonthDay(month: number, day: number, todayIso: IsoDate, direction: Direction): IsoDate | null {
  const year = yearOf(todayIso);
  const candidates = direction === 'past' ? [year, year - 1, year - 2, year - 3, year - 4] : [year, year + 1, year + 2, year + 3, year + 4];
  // Feb 29 exists only in leap years: look a few years along.
  for (const y of candidates) {
    const iso = isoFrom(y, month, day);
    if (iso && (direction === 'past' ? iso <= todayIso : iso >= todayIso)) return iso;
  }
  return null;
}

/**
 * A day of the month in the nearest month that puts it on the asked side of today (and on `weekday`,
 * if given, within this month and the two next to it: "Friday the 10th" when the 10th is a Thursday
 * is no day nine months off, but the 10th or the Friday near it, asked about).
 */
function placeDay(day: number, todayIso: IsoDate, direction: Direction, weekday?: number): IsoDate | null {
  let cursor = dt(todayIso).startOf('month');
  for (let i = 0; i < (weekday === undefined ? 13 : 3); i++) {
    const iso = isoFrom(cursor.year, cursor.month, day);
    const fits = iso !== null && (direction === 'past' ? iso <= todayIso : iso >= todayIso);
    // "Sat the 8th": the nearest month whose 8th is a Saturday.
    if (iso && fits && (weekday === undefined || weekdayOf(iso) === weekday)) return iso;
    cursor = cursor.plus({ months: direction === 'past' ? -1 : 1 });
  }
  return null;
}

function plusDays(date: IsoDate, days: number): IsoDate {
  return dt(date).plus({ days }).toISODate() as IsoDate;
}

function option(date: IsoDate, mention: DateMention, todayIso: IsoDate): DateOption & { assumedYear: boolean; assumedMonth: boolean } {
  const o: DateOption & { assumedYear: boolean; assumedMonth: boolean } = {
    date,
    text: mention.text,
    assumedYear: Boolean(mention.impliedYear) && date.slice(0, 4) !== todayIso.slice(0, 4),
    assumedMonth: mention.form === 'day' && date.slice(0, 7) !== todayIso.slice(0, 7),
  };
  if (mention.time) o.time = mention.time;
  return o;
}

function resolveMention(mention: DateMention, todayIso: IsoDate, direction: Direction): Resolution {
  const wrongSide = (date: IsoDate): boolean => (direction === 'past' ? date > todayIso : date < todayIso);
  const ok = (...dates: IsoDate[]): Resolution => ({
    kind: 'ok',
    options: [...new Set(dates)].map((d) => option(d, mention, todayIso)),
  });

  switch (mention.form) {
    case 'full':
    case 'relative': {
      if (wrongSide(mention.date)) return { kind: 'wrong-side', date: mention.date, text: mention.text };
      return withWeekdayCheck(mention, mention.date, todayIso, direction, ok);
    }
    case 'month-day': {
      const [, m, d] = mention.date.split('-').map(Number) as [number, number, number];
      const readings: Array<[number, number]> = [[m, d]];
      // "3/4" with no year: March 4 or April 3.
      if (mention.numeric) {
        const nums = /(\d{1,2})\s*[/.-]\s*(\d{1,2})/.exec(mention.text);
        const first = Number(nums?.[1]);
        const second = Number(nums?.[2]);
        if (first <= 12 && second <= 12 && first !== second) readings.push([d, m]);
      }
      const dates = readings.map(([mm, dd]) => placeMonthDay(mm, dd, todayIso, direction)).filter((x): x is IsoDate => x !== null);
      if (dates.length === 0) return { kind: 'incomplete', text: mention.text };
      // "Thursday 3/6" (a Thursday read month-first): the weekday settles it. When only the
      // day-first reading fits the weekday, the candidate still has to say which they meant.
      const matching = dates.filter((d) => weekdayOf(d) === mention.weekday);
      const [first] = matching;
      if (matching.length === 1 && first !== undefined && first === dates[0]) return ok(first);
      if (dates.length === 1) return withWeekdayCheck(mention, dates[0] as IsoDate, todayIso, direction, ok);
      return ok(...dates);
    }
    case 'day': {
      const day = Number(mention.date.slice(8, 10));
      const date = placeDay(day, todayIso, direction, mention.weekday) ?? placeDay(day, todayIso, direction);
      if (!date) return { kind: 'incomplete', text: mention.text };
      return withWeekdayCheck(mention, date, todayIso, direction, ok);
    }
    case 'weekday': {
      const weekday = mention.weekday ?? weekdayOf(mention.date);
      const todayWd = weekdayOf(todayIso);
      const ahead = (weekday - todayWd + 7) % 7; // 0..6 days to the coming one (0 = today)
      const behind = (todayWd - weekday + 7) % 7; // 0..6 days back to the last one (0 = today)
      if (mention.modifier === 'last') {
        // chrono.es does not read "pasado" after the weekday ("el martes pasado"), so its date is the
        // nearest Tuesday, which on a Monday is tomorrow: "last" is the one before today.
        const last = mention.date >= todayIso ? plusDays(todayIso, -(behind === 0 ? 7 : behind)) : mention.date;
        return wrongSide(last) ? { kind: 'wrong-side', date: last, text: mention.text } : ok(last);
      }
      // "el lunes que viene" said on a Monday is next week's: the coming one never is today. Said
      // the day before ("el martes que viene" on a Monday) it is tomorrow or a week later (someone
      // meaning tomorrow would mostly say "mañana"): asked, as English "next Tuesday" is.
      if (mention.modifier === 'coming') {
        if (direction === 'past') return { kind: 'wrong-side', date: mention.date, text: mention.text };
        if (ahead === 1) return ok(plusDays(todayIso, 1), plusDays(todayIso, 8));
        return ok(plusDays(todayIso, ahead === 0 ? 7 : ahead));
      }
      if (mention.modifier === 'next') {
        if (direction === 'past') return { kind: 'wrong-side', date: mention.date, text: mention.text };
        // "next Friday" on a Tuesday: this week's Friday or the week after's? Both are said.
        const coming = plusDays(todayIso, ahead === 0 ? 7 : ahead);
        return ok(coming, mention.date);
      }
      if (direction === 'future') return ahead === 0 ? ok(todayIso, plusDays(todayIso, 7)) : ok(plusDays(todayIso, ahead));
      // "this Monday" / "Monday" about the past: the most recent one (today counts, but asks).
      return behind === 0 ? ok(todayIso, plusDays(todayIso, -7)) : ok(plusDays(todayIso, -behind));
    }
    case 'partial':
    case 'time':
      return { kind: 'incomplete', text: mention.text };
  }
}

/** "Thursday, March 7" when March 7 is a Friday: offer both. */
function withWeekdayCheck(
  mention: DateMention,
  date: IsoDate,
  todayIso: IsoDate,
  direction: Direction,
  ok: (...dates: IsoDate[]) => Resolution,
): Resolution {
  if (mention.weekday === undefined || mention.form === 'weekday' || mention.form === 'relative') return ok(date);
  const actual = weekdayOf(date);
  if (actual === mention.weekday) return ok(date);
  let shift = (mention.weekday - actual + 7) % 7;
  if (shift > 3) shift -= 7;
  const nearest = plusDays(date, shift);
  const fits = direction === 'past' ? nearest <= todayIso : nearest >= todayIso;
  return fits ? ok(date, nearest) : ok(date);
}

/** The mentions must be the ones parseDates read from `text`: each one's words at its index. */
function checkMentions(mentions: unknown, text: string): DateMention[] {
  if (!Array.isArray(mentions)) throw new TypeError(`${MODULE}: mentions must be an array, got ${describeValue(mentions)}`);
  for (const m of mentions as DateMention[]) {
    const fits = m !== null && typeof m === 'object' && typeof m.text === 'string' && Number.isInteger(m.index) && text.slice(m.index, m.index + m.text.length) === m.text;
    if (!fits) throw new RangeError(`${MODULE}: mention ${describeValue(m)} was not read from the text given with it`);
  }
  return mentions as DateMention[];
}

function resolve(mentions: DateMention[], ctx: DateContext, direction: Direction): DateAnswer {
  validContext(ctx);
  const dated = mentions.filter((m) => m.form !== 'time' && m.form !== 'partial');
  const times = mentions.filter((m) => m.form === 'time');
  if (dated.length === 0) {
    const partial = mentions.find((m) => m.form === 'partial');
    return partial ? incomplete(partial, ctx, direction) : { ok: false, problem: 'no-date' };
  }
  const todayIso = checkContext(ctx).toISODate() as IsoDate;

  const options: Array<DateOption & { assumedYear: boolean; assumedMonth: boolean; approximate?: true }> = [];
  let firstProblem: Resolution | null = null;
  for (const mention of dated) {
    const r = resolveMention(mention, todayIso, direction);
    if (r.kind === 'ok') {
      for (const o of r.options) {
        if (options.some((x) => x.date === o.date && x.time === o.time)) continue;
        options.push(mention.approximate ? { ...o, approximate: true } : o);
      }
    } else {
      firstProblem ??= r;
    }
  }
  // The same day written twice, once with a time: keep the one with the time.
  const byDate = new Map<IsoDate, (typeof options)[number]>();
  for (const o of options) {
    const seen = byDate.get(o.date);
    if (!seen || (!seen.time && o.time)) byDate.set(o.date, o);
  }
  let distinct = [...byDate.values()];
  // "Thursday at 9am" said at 11:00 on a Thursday, about something still to come: today's 9:00 has
  // passed, so it is next week's (today stays a reading only while its time is still ahead).
  if (direction === 'future' && distinct.length > 1) {
    const nowClock = checkContext(ctx).toFormat('HH:mm');
    const ahead = distinct.filter((o) => !(o.date === todayIso && o.time !== undefined && (o.time ?? '') <= nowClock));
    if (ahead.length) distinct = ahead;
  }

  if (distinct.length === 1) {
    const only = distinct[0] as (typeof distinct)[number];
    const answer: DateAnswer = {
      ok: true,
      date: only.date,
      text: only.text,
      assumedYear: only.assumedYear,
      assumedMonth: only.assumedMonth,
    };
    const time = only.time ?? (times.length === 1 ? times[0]?.time : undefined);
    if (time) answer.time = time;
    if (only.approximate) answer.approximate = true;
    return answer;
  }
  if (distinct.length > 1) {
    return {
      ok: false,
      problem: 'ambiguous',
      options: distinct.map(({ date, time, text: t }) => (time ? { date, time, text: t } : { date, text: t })),
    };
  }
  if (firstProblem?.kind === 'wrong-side') {
    return { ok: false, problem: direction === 'past' ? 'in-future' : 'in-past', date: firstProblem.date, text: firstProblem.text };
  }
  if (firstProblem?.kind === 'incomplete') return { ok: false, problem: 'incomplete', text: firstProblem.text };
  return { ok: false, problem: 'no-date' };
}

function incomplete(mention: DateMention, ctx: DateContext, direction: Direction): DateAnswer {
  if (mention.approximate) return { ok: false, problem: 'incomplete', text: mention.text, approximateDate: mention.date };
  const todayIso = checkContext(ctx).toISODate() as IsoDate;
  const span = monthSpan(mention, todayIso, direction) ?? yearSpan(mention, todayIso, direction);
  return span ? { ok: false, problem: 'incomplete', text: mention.text, span } : { ok: false, problem: 'incomplete', text: mention.text };
}

/**
 * The days a month named without a day could be: "in October" (the nearest October on the asked
 * side of today), "May 2019", "last month". Cut at today ("in December" said on December 6 about
 * the past is December 1-6). None for a week, a year, or a month wholly on the wrong side.
 */
function monthSpan(mention: DateMention, todayIso: IsoDate, direction: Direction): DateSpan | undefined {
  if (!MONTH_WORD.test(mention.text) && !SPANISH_MONTH_WORD.test(mention.text) && !COUNTED_MONTH.test(mention.text)) return undefined;
  const [year, month] = mention.date.split('-').map(Number) as [number, number];
  const span = (y: number): DateSpan => {
    const first = dt(isoFrom(y, month, 1) as IsoDate);
    return { from: first.toISODate() as IsoDate, to: first.endOf('month').toISODate() as IsoDate };
  };
  let chosen = span(year);
  if (mention.impliedYear && !COUNTED_MONTH.test(mention.text)) {
    const thisYear = span(yearOf(todayIso));
    chosen = direction === 'past' ? (thisYear.from <= todayIso ? thisYear : span(yearOf(todayIso) - 1)) : thisYear.to >= todayIso ? thisYear : span(yearOf(todayIso) + 1);
  }
  if (direction === 'past') return chosen.from > todayIso ? undefined : { from: chosen.from, to: chosen.to < todayIso ? chosen.to : todayIso };
  return chosen.to < todayIso ? undefined : { from: chosen.from > todayIso ? chosen.from : todayIso, to: chosen.to };
}

/** A year named alone ("in 2021", "2021"): the days of that year, cut at today; none when wholly on the wrong side. */
function yearSpan(mention: DateMention, todayIso: IsoDate, direction: Direction): DateSpan | undefined {
  if (!isYearOnly(mention)) return undefined;
  const year = yearOf(mention.date);
  const from = isoFrom(year, 1, 1) as IsoDate;
  const to = isoFrom(year, 12, 31) as IsoDate;
  if (direction === 'past') return from > todayIso ? undefined : { from, to: to < todayIso ? to : todayIso };
  return to < todayIso ? undefined : { from: from > todayIso ? from : todayIso, to };
}

/** A mention that names a year and nothing finer ("in 2021", "back in 2019", "2021"). */
export function isYearOnly(mention: DateMention): boolean {
  return mention.form === 'partial' && !mention.approximate && /(?:19|20)\d{2}/.test(mention.text) && !MONTH_WORD.test(mention.text) && !SPANISH_MONTH_WORD.test(mention.text) && !/\b(?:week|month|weekend|semana|mes)\b/i.test(mention.text);
}

/** A span of more than a month is a year: said as "in 2024", never a month or a day. */
export const isYearSpan = (span: DateSpan): boolean => span.to.slice(0, 7) !== span.from.slice(0, 7);

/**
 * The date of something that has happened (a failed test, a pass, a purchase). A year-less date
 * that would be in the future is last year's ("March 3" on 2025-02-10 -> 2024-03-03, assumedYear);
 * a bare weekday is the most recent one; an explicit future date is `in-future`.
 */
export function pastDate(text: string, ctx: DateContext): DateAnswer {
  return resolve(parseDates(text, ctx), ctx, 'past');
}

/** pastDate from mentions parseDates has already read from `text` (parse once, resolve per question). */
export function resolvePast(mentions: DateMention[], text: string, ctx: DateContext): DateAnswer {
  return resolve(checkMentions(mentions, checkText(text)), ctx, 'past');
}

/**
 * The date of something still to come (an appointment). A bare weekday is the coming one; a
 * year-less date already past this year is next year's (assumedYear); an explicit past date is
 * `in-past`. "next Friday" early in the week is `ambiguous` (this week's or the week after's).
 */
export function futureDate(text: string, ctx: DateContext): DateAnswer {
  return resolve(parseDates(text, ctx), ctx, 'future');
}

/** futureDate from mentions parseDates has already read from `text` (parse once, resolve per question). */
export function resolveFuture(mentions: DateMention[], text: string, ctx: DateContext): DateAnswer {
  return resolve(checkMentions(mentions, checkText(text)), ctx, 'future');
}

// ---- date parts over two turns -------------------------------------------------------------

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
/** A Spanish month name ("abril de 2021"), which MONTH_WORD's English beginnings miss. */
const SPANISH_MONTH_WORD = /(?<![\p{L}])(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre)(?![\p{L}])/iu;
/** "last month", "this month", "next month": a month counted from now, its year known. */
const COUNTED_MONTH = /^(?:last|this|next|past)\s+month$/i;
/** A later answer that is only a day of the month: "the 12th", "12th", "12", "on the twelfth", "it was the 12th". */
const DAY_ONLY = new RegExp(
  `^(?:(?:it\\s+was|it'?s|on|maybe|i\\s+think)\\s+)*(?:(?:the|el)\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?|(${ORDINAL_WORDS.join('|')}))(?:\\s+of\\s+(?:the|that)\\s+month)?(?:\\s+i\\s+think)?$`,
  'i',
);

/** A year alone correcting a date: "2022", "in 2022", "it was 2022", "fue en 2022" (a 4-digit year, nothing else). */
const YEAR_ONLY = /^(?:(?:it\s+was|in|the\s+year|fue|en|el\s+a[ñn]o|fue\s+en)\s+)?((?:19|20)\d{2})$/i;

/**
 * "no, I meant 2022" after "I passed it on June 15, 2021": the same day in the year said ("June 15,
 * 2022"); a date known as a month keeps only its month ("May 2022"). Null when the text is more than
 * a year, or the day does not exist in that year (February 29).
 */
export function withCorrectedYear(date: IsoDate, text: string, approximate = false, language: Language = 'en'): string | null {
  checkText(text);
  const year = YEAR_ONLY.exec(text.trim().replace(/[\s.!]+$/, ''))?.[1];
  if (year === undefined) return null;
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  // A month alone is written in the message's language; a whole date as ISO, which both parsers read alike.
  if (approximate) return language === 'es' ? `${SPANISH_MONTH_NAMES[month - 1]} de ${year}` : `${MONTH_NAMES[month - 1]} ${year}`;
  return isoFrom(Number(year), month, day);
}

const SPANISH_MONTH_NAMES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/**
 * One date text from two answers: a month (and perhaps a year) in the `earlier` one ("March
 * 2020", "in March", "last month") and only a day in the `later` one ("the 12th", "12th", "12"),
 * or a month and day with no year ("March 12", "May 20th": the year given before still holds).
 * Returns text that parses as that full date ("March 12, 2020", or "March 12" when no year was
 * given, for pastDate/futureDate to place), or null when the two do not combine: the earlier
 * answer had no month or already had a day, the later one says more than a day (or a month and
 * day), or the day does not exist in that month.
 */
export function combineDateParts(earlier: string, later: string, ctx: DateContext, options: { monthAndDay?: boolean } = {}): string | null {
  checkText(earlier);
  checkText(later);
  checkContext(ctx);
  // `monthAndDay: false`: only a day combines ("the 12th"), a month and day stands on its own.
  const withTime = dayAndTime(earlier, later, ctx);
  if (withTime !== undefined) return withTime;
  const yearFirst = yearAndMonth(earlier, later, ctx);
  if (yearFirst !== undefined) return yearFirst;
  const part = dayOnly(later) ?? (options.monthAndDay === false ? null : monthDayOnly(later, ctx));
  if (part === null) return null;
  const mentions = parseDates(earlier, ctx).filter((m) => m.form !== 'time');
  const [month] = mentions;
  if (mentions.length !== 1 || month === undefined || month.form !== 'partial') return null;

  const [year, monthNumber] = month.date.split('-').map(Number) as [number, number];
  let written: { month: number; year?: number };
  if (COUNTED_MONTH.test(month.text)) written = { month: monthNumber, year };
  else if ((MONTH_WORD.test(month.text) || SPANISH_MONTH_WORD.test(month.text)) && !month.approximate) {
    written = month.impliedYear ? { month: monthNumber } : { month: monthNumber, year };
  } else return null;
  // "May 2019", then "May 20": the later answer's month (the candidate may correct it), the earlier year.
  const day = typeof part === 'number' ? part : part.day;
  if (typeof part !== 'number') written = { ...written, month: part.month };

  // Without a year, check against a leap year; the re-read below has the last word.
  if (isoFrom(written.year ?? 2024, written.month, day) === null) return null;
  // Written in the message's language, which its parser reads back (and the answer quotes).
  const es = ctx.language === 'es';
  const name = (es ? SPANISH_MONTH_NAMES : MONTH_NAMES)[written.month - 1] as string;
  const combined = es
    ? `${day} de ${name}${written.year === undefined ? '' : ` de ${written.year}`}`
    : written.year === undefined ? `${name} ${day}` : `${name} ${day}, ${written.year}`;
  const reread = parseDates(combined, ctx);
  const form = written.year === undefined ? 'month-day' : 'full';
  return reread.length === 1 && reread[0]?.form === form ? combined : null;
}

/**
 * "next friday", then "it's at 9am" (or the time first, then the day): one date with its time, as
 * if written together ("next friday at 9am"). Undefined when one of the two is not a time alone.
 */
function dayAndTime(earlier: string, later: string, ctx: DateContext): string | null | undefined {
  const first = parseDates(earlier, ctx);
  const second = parseDates(later, ctx);
  const timeFirst = first.length === 1 && first[0]!.form === 'time';
  const timeSecond = second.length === 1 && second[0]!.form === 'time';
  if (timeFirst === timeSecond) return undefined;
  const [days, time] = timeSecond ? [first, second[0]!] : [second, first[0]!];
  const day = days.length === 1 ? days[0]! : undefined;
  if (!day || day.time || day.form === 'partial' || day.form === 'time') return null;
  // The words joined as a candidate would write them; the one that reads back as that day at that time.
  const at = ctx.language === 'es' ? 'a' : 'at';
  // The time's whole message too: "a las 2 de la tarde" is 2 PM, its mention ("las 2") alone is not.
  const timeSaid = (timeSecond ? later : earlier).trim();
  for (const combined of [`${day.text} ${time.text}`, `${day.text} ${at} ${time.text}`, `${day.text} ${timeSaid}`, `${day.text} ${at} ${timeSaid}`]) {
    const reread = parseDates(combined, ctx);
    if (reread.length === 1 && reread[0]!.time === time.time && reread[0]!.form === day.form) return combined;
  }
  return null;
}

/**
 * "in 2021", then "march" or "March 3": the month (and day) in the year said before ("March 2021",
 * "March 3, 2021"). Undefined when the earlier answer was not a year alone; null when the later
 * one is not a month with no year.
 */
function yearAndMonth(earlier: string, later: string, ctx: DateContext): string | null | undefined {
  const before = parseDates(earlier, ctx).filter((m) => m.form !== 'time');
  if (before.length !== 1 || !isYearOnly(before[0]!)) return undefined;
  const year = yearOf(before[0]!.date);
  const words = later.trim().replace(/[\s.!]+$/, '').replace(/^(?:(?:it\s+was|it'?s|in|on|maybe|i\s+think|en|fue\s+en)\s+)+/i, '');
  const now = parseDates(words, ctx);
  const [only] = now;
  if (now.length !== 1 || only === undefined || !only.impliedYear || only.time !== undefined || !(MONTH_WORD.test(only.text) || SPANISH_MONTH_WORD.test(only.text))) return null;
  const [, month, day] = only.date.split('-').map(Number) as [number, number, number];
  // Written in the message's language, which its parser reads back (and the answer quotes).
  const es = ctx.language === 'es';
  const name = (es ? SPANISH_MONTH_NAMES : MONTH_NAMES)[month - 1] as string;
  if (only.form === 'partial') return es ? `${name} de ${year}` : `${name} ${year}`;
  if (only.form !== 'month-day' || isoFrom(year, month, day) === null) return null;
  return es ? `${day} de ${name} de ${year}` : `${name} ${day}, ${year}`;
}

/** A later answer that is only a month and a day, no year and nothing else: "May 20", "the 20th of May", "5/20". */
function monthDayOnly(text: string, ctx: DateContext): { month: number; day: number } | null {
  const words = text.trim().replace(/[\s.!]+$/, '').replace(/^(?:(?:it\s+was|it'?s|on|maybe|i\s+think)\s+)+/i, '');
  const mentions = parseDates(words, ctx);
  const [only] = mentions;
  if (mentions.length !== 1 || only === undefined || only.form !== 'month-day' || only.time !== undefined) return null;
  // Nothing but the date: "May 20, I think it was a Tuesday" says more.
  if (!/^(?:the|el)?$/i.test(words.slice(0, only.index).trim()) || !/^(?:\s*i\s+think)?$/i.test(words.slice(only.index + only.text.length))) return null;
  const [, month, day] = only.date.split('-').map(Number) as [number, number, number];
  // "5/6" could be May 6 or June 5: not combined (the reading of the whole answer asks which).
  if (only.numeric && day <= 12 && month !== day) return null;
  return { month, day };
}

function dayOnly(text: string): number | null {
  const m = DAY_ONLY.exec(text.trim().replace(/[\s.!]+$/, ''));
  if (!m) return null;
  const day = m[1] !== undefined ? Number(m[1]) : ORDINAL_WORDS.indexOf((m[2] ?? '').toLowerCase()) + 1;
  return day >= 1 && day <= 31 ? day : null;
}

// ---- formatting ----------------------------------------------------------------------------

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const ES_WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const ES_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/**
 * '2025-04-03' -> 'Thursday, April 3, 2025' or, in Spanish, 'jueves, 3 de abril de 2025': in the
 * turn's language unless one is given. (Plain arithmetic: luxon's toFormat is slow and this runs on
 * every answer.)
 */
export function formatLongDate(date: IsoDate, language: Language): string {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const when = new Date(0);
  when.setUTCFullYear(year, month - 1, day);
  if (!m || when.getUTCMonth() !== month - 1 || when.getUTCDate() !== day) {
    throw new RangeError(`${MODULE}: formatLongDate expects a calendar date 'YYYY-MM-DD', got ${describeValue(date)}`);
  }
  if (language === 'es') return `${ES_WEEKDAYS[when.getUTCDay()]}, ${day} de ${ES_MONTHS[month - 1]} de ${m[1]}`;
  return `${WEEKDAYS[when.getUTCDay()]}, ${MONTHS[month - 1]} ${day}, ${m[1]}`;
}

/** '2024-05-20' -> 'May 2024' or, in Spanish, 'mayo de 2024': a month-only date, never a made-up day. */
export function formatMonthYear(date: IsoDate, language: Language): string {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-\d{2}$/.exec(date) : null;
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new RangeError(`${MODULE}: formatMonthYear expects a calendar date 'YYYY-MM-DD', got ${describeValue(date)}`);
  return language === 'es' ? `${ES_MONTHS[month - 1]} de ${m[1]}` : `${MONTHS[month - 1]} ${m[1]}`;
}

/**
 * A date as precisely as it is known, with its preposition: 'on Tuesday, May 20, 2031', 'in May
 * 2024', 'around December 2025' (Spanish: 'el ...', 'en mayo de 2024', 'alrededor de diciembre de 2025').
 */
export function formatKnownDate(date: IsoDate, precision: 'day' | 'month' | 'around' | 'year', withPreposition: boolean, language: Language): string {
  const es = language === 'es';
  if (precision === 'day') return withPreposition ? `${es ? 'el' : 'on'} ${formatLongDate(date, language)}` : formatLongDate(date, language);
  // A date known only to the year ("in 2021"): the year of the date worked out, nothing finer.
  if (precision === 'year') return withPreposition ? `${es ? 'en' : 'in'} ${formatMonthYear(date, language).slice(-4)}` : formatMonthYear(date, language).slice(-4);
  const month = formatMonthYear(date, language);
  if (precision === 'around') return `${es ? 'alrededor de' : 'around'} ${month}`;
  return withPreposition ? `${es ? 'en' : 'in'} ${month}` : month;
}

/** 'Friday, March 28, 2025 at 9:00 AM' / 'viernes, 28 de marzo de 2025 a las 9:00 a. m.' */
export function formatDateTime(date: IsoDate, time: string, language: Language): string {
  return `${formatLongDate(date, language)} ${language === 'es' ? 'a las' : 'at'} ${formatTime(time, language)}`;
}

/** '14:30' -> '2:30 PM' (in Spanish '2:30 p. m.'). */
export function formatTime(time: string, language: Language): string {
  const m = typeof time === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time) : null;
  if (!m) throw new RangeError(`${MODULE}: formatTime expects a 24-hour time 'HH:mm', got ${describeValue(time)}`);
  const hour = Number(m[1]);
  const half = language === 'es' ? (hour < 12 ? 'a. m.' : 'p. m.') : hour < 12 ? 'AM' : 'PM';
  return `${hour % 12 === 0 ? 12 : hour % 12}:${m[2]} ${half}`;
}
