import type { Language } from '../src/language/languages.js';
import { dateRole, isAppointmentDate, isBirthDate } from '../src/understanding/dateRoles.js';
import type { Reply } from '../src/conversation/reply.js';
import { addYears, certificationExpiry, lastLapsedPassDay, todayIn } from '../src/rules/index.js';
import { formatDateTime, formatKnownDate, formatLongDate, formatTime, isYearSpan, type DateMention, resolveFuture, resolvePast, type DateAnswer, type DateSpan } from '../src/understanding/dates.js';
import { readYesNo as yesOrNo } from '../src/understanding/yesNo.js';
import { resolveTests } from '../src/understanding/tests.js';
import type { SlotReading, TaskDeps, TurnFacts } from './taskTypes.js';

/** A date slot's value: a calendar day and, for appointments, the time when one was given. */
export interface DateValue {
  date: string;
  time?: string;
  /**
   * The words of an approximate date ("5 months ago", "in October"): used only where the exact day
   * cannot change the answer, and then no exact day is said.
   */
  approximate?: string;
  /** The days a month-only date could be ("in October": October 1-31, cut at today); `date` is the first. */
  span?: DateSpan;
  /**
   * The expiry the candidate said, when `date` is the pass worked back from it: said again as
   * given ("expires on 2/29/2028" is February 29, though five years on from any pass is never a 29th).
   */
  expiresOn?: string;
}

export const writtenOut = (value: DateValue, language: Language): string =>
  value.time ? formatDateTime(value.date, value.time, language) : formatLongDate(value.date, language);

/**
 * A date worked out from the candidate's date (`date`, the value's own by default), written only as
 * precisely as the candidate's date is known: the day ("Tuesday, May 20, 2031"), the month of a
 * month-only date ("May 2024"), the year of a year-only one ("2024"), or "around" the month of a rough one ("around December 2025").
 * Never a day the candidate did not give.
 */
export function asKnown(value: DateValue, language: Language, date: string = value.date): string {
  return formatKnownDate(date, precisionOf(value), false, language);
}

const precisionOf = (value: DateValue): 'day' | 'month' | 'around' | 'year' => (!value.approximate ? 'day' : value.span ? (isYearSpan(value.span) ? 'year' : 'month') : 'around');

/** The same with its preposition: "on Tuesday, May 20, 2031", "in May 2024", "around December 2025". */
export function onKnown(value: DateValue, language: Language, date: string = value.date): string {
  return formatKnownDate(date, precisionOf(value), true, language);
}

/**
 * A pass known only to its year or month ("in 2021") whose credential lapses within that span's five
 * years on, around today: what that much settles ("a test passed in 2021 expires in 2026: one passed
 * on or before December 7, 2021 has already expired ..."), from the rules. Undefined when the pass
 * is exact or the whole span gives one verdict.
 */
export function roughExpiry(pass: DateValue | undefined, facts: TurnFacts, deps: TaskDeps): string | undefined {
  if (!pass?.span) return undefined;
  const at = (passedOn: string) => certificationExpiry({ passedOn, now: facts.now, zone: facts.zone }, deps.policy).verdict === 'expired';
  if (!at(pass.span.from) || at(pass.span.to)) return undefined;
  const years = deps.policy.validityYears.value;
  const cutOff = lastLapsedPassDay({ now: facts.now, zone: facts.zone }, deps.policy);
  return deps.messages.task.recert.roughExpiry(years, onKnown(pass, deps.language), onKnown(pass, deps.language, addYears(pass.date, years)), formatLongDate(cutOff, deps.language));
}

/**
 * Turns a date answer into a slot reading: the value with a short "got it", or the one question that
 * settles what was unclear (which of two dates, which day of a month, a date on the wrong side of today).
 */
function dateReading(answer: DateAnswer, deps: TaskDeps, facts: TurnFacts): SlotReading<DateValue> {
  const m = deps.messages.task;
  if (answer.ok) {
    const value: DateValue = answer.time ? { date: answer.date, time: answer.time } : { date: answer.date };
    const assumed = answer.assumedYear || answer.assumedMonth;
    const echo = assumed ? m.assumedYear(writtenOut(value, deps.language)) : m.gotDate(writtenOut(value, deps.language));
    // "03/03/1980" typed at "when did you pass A4?" is a date of birth far more often than a pass.
    if (looksLikeBirthDate(value.date, facts)) return { kind: 'clarify', question: { text: m.looksLikeBirthDate(writtenOut(value, deps.language)) }, doubted: { value, echo } };
    return { kind: 'value', value, echo, assumed };
  }
  const ask = (text: string, extra: Partial<Reply> = {}): SlotReading<DateValue> => ({ kind: 'clarify', question: { text, ...extra } });
  switch (answer.problem) {
    case 'no-date':
      return { kind: 'none' };
    case 'incomplete':
      // "5 months ago" is a date give or take a few weeks: the task decides whether that is enough.
      if (answer.approximateDate) return { kind: 'value', value: { date: answer.approximateDate, approximate: answer.text } };
      // "in October": any day of that month; the task decides whether the month is enough.
      if (answer.span) return { kind: 'value', value: { date: answer.span.from, approximate: answer.text, span: answer.span } };
      return ask(m.whichDay(answer.text));
    case 'in-future':
      return ask(m.dateInFuture(formatLongDate(answer.date, deps.language)));
    case 'in-past':
      return ask(m.dateInPast(formatLongDate(answer.date, deps.language)));
    case 'ambiguous':
      return ask(m.whichDate, {
        choices: answer.options.map((option) => {
          const value: DateValue = option.time ? { date: option.date, time: option.time } : { date: option.date };
          // The value is the ISO date (and time), which reads back unambiguously.
          return { title: writtenOut(value, deps.language), value: option.time ? `${option.date} at ${option.time}` : option.date };
        }),
      });
  }
}

/**
 * A test date this many years back or more is questioned once: it reads as a date of birth (the
 * candidate's own, typed at the wrong question), and no task's answer turns on a date that old
 * (credentials run five years, a purchase 90 days, a retest wait 30).
 */
const BIRTH_DATE_YEARS = 16;

export function looksLikeBirthDate(date: string, facts: TurnFacts): boolean {
  return date <= addYears(todayIn(facts.now, facts.zone), -BIRTH_DATE_YEARS);
}

// The turn's facts remember what they parsed: the message's dates are read once, whoever asks.
// A date of birth is left out: a task never reads it (only sign-in does).
const taskDates = (text: string, facts: TurnFacts) => facts.dates(text).filter((mention) => !isBirthDate(text, mention));

// A date the message says is an appointment ("ok, my appointment is December 9") is no purchase,
// failure or pass: a past-facing slot leaves it (for the appointment's own task to read, a day ahead).
// "next month", "this coming friday" look ahead in their own words: no failure, purchase or pass
// ("I want to retake A5 and also reschedule my A4 for next month" names no day A5 was failed).
const AHEAD_WORDS = /\b(?:next|coming|upcoming|pr[oó]xim[oa]|que viene)\b/i;
// "move it to the 12th": the day wanted is ahead too, never a day something happened.
const pastTaskDates = (text: string, facts: TurnFacts) =>
  taskDates(text, facts).filter((mention) => !isAppointmentDate(text, mention) && !AHEAD_WORDS.test(mention.text) && dateRole(text, mention) !== 'target');

export const readPastDate = (text: string, facts: TurnFacts, deps: TaskDeps) => dateReading(resolvePast(pastTaskDates(text, facts), text, facts), deps, facts);

/**
 * A date ahead from these mentions. "it's at 9am" at "when is your appointment?": the time is kept
 * and the day asked for; the day given next is read with it ("friday" then is Friday at 9:00 AM).
 */
function futureReading(mentions: DateMention[], text: string, facts: TurnFacts, deps: TaskDeps): SlotReading<DateValue> {
  const reading = dateReading(resolveFuture(mentions, text, facts), deps, facts);
  const [only] = mentions;
  if (reading.kind === 'none' && mentions.length === 1 && only?.form === 'time' && only.time) {
    return { kind: 'clarify', question: { text: deps.messages.task.whichDayAt(formatTime(only.time, deps.language)) } };
  }
  return reading;
}

export const readFutureDate = (text: string, facts: TurnFacts, deps: TaskDeps) => futureReading(taskDates(text, facts), text, facts, deps);

// "I need to cancel my test and get a refund, I bought it 2 weeks ago": a date the message says is a
// purchase, a failure, a pass or an expiry is no appointment's; nor is the day it should move to.
const OTHER_ROLES = new Set(['purchase', 'failure', 'pass', 'expiry', 'target']);
const appointmentDates = (text: string, facts: TurnFacts) => taskDates(text, facts).filter((mention) => !OTHER_ROLES.has(dateRole(text, mention) ?? ''));

/**
 * The appointment told as past ("my test was yesterday", "I had my exam on Friday", "mi examen fue
 * ayer"): a day gone by is then the fact, answered as an appointment passed, never asked again. A
 * past date alone ("yesterday" at the question) may be a slip, and is asked about.
 */
const TOLD_AS_PAST = /\b(?:was|were|had|missed|fue|tuve|perd[ií])\b/i;

export function readAppointmentDate(text: string, facts: TurnFacts, deps: TaskDeps): SlotReading<DateValue> {
  const mentions = appointmentDates(text, facts);
  const answer = resolveFuture(mentions, text, facts);
  if (!answer.ok && answer.problem === 'in-past' && TOLD_AS_PAST.test(text)) {
    const value: DateValue = { date: answer.date };
    return { kind: 'value', value, echo: deps.messages.task.gotDate(writtenOut(value, deps.language)) };
  }
  return futureReading(mentions, text, facts, deps);
}

/** "move my appointment to the 12th": the day the appointment should move to, said back, never echoed as understood. */
export function readTargetDate(text: string, facts: TurnFacts, deps: TaskDeps): SlotReading<DateValue> {
  const targets = taskDates(text, facts).filter((mention) => dateRole(text, mention) === 'target');
  const reading = targets.length ? dateReading(resolveFuture(targets, text, facts), deps, facts) : ({ kind: 'none' } as const);
  return reading.kind === 'value' ? { kind: 'value', value: reading.value } : { kind: 'none' };
}

/** A yes or a no ("it's not posted yet" is a no), as the one yes/no reader reads it. */
export function readYesNo(text: string): SlotReading<boolean> {
  const answer = yesOrNo(text);
  return answer === null ? { kind: 'none' } : { kind: 'value', value: answer };
}

/** The first test the text names ("I failed A5", "my brakes test"), as its code. */
export function readFirstTest(text: string, deps: TaskDeps): SlotReading<string> {
  const [first] = resolveTests(text, deps.catalogue).tests;
  return first ? { kind: 'value', value: first.code } : { kind: 'none' };
}

/**
 * The tests named after the first ("my A1 and A5 were certified in March 2020": A5), asked about
 * with it. An empty list when the text names one test, so a correction naming one ("no, I meant
 * A4") leaves no other behind; nothing read when it names none.
 */
export function readOtherTests(text: string, deps: TaskDeps): SlotReading<string[]> {
  const named = resolveTests(text, deps.catalogue).tests.map((test) => test.code);
  return named.length ? { kind: 'value', value: [...new Set(named.slice(1))].filter((code) => code !== named[0]) } : { kind: 'none' };
}

/**
 * The test the task's own verb names, when the message names several: "took A1 A2 and A3, passed 2,
 * failed A2" is A2 for a retest, the first test after the last "failed" (`verb`). With no test
 * after the verb, or no verb, the first test named.
 */
export function readTestAfter(verb: RegExp, text: string, deps: TaskDeps): SlotReading<string> {
  const all = resolveTests(text, deps.catalogue).tests;
  if (all.length > 1) {
    const cues = [...text.matchAll(new RegExp(verb.source, 'gi'))];
    for (const cue of cues.reverse()) {
      const [named] = resolveTests(text.slice(cue.index + cue[0].length), deps.catalogue).tests;
      if (named) return { kind: 'value', value: named.code };
    }
  }
  return readFirstTest(text, deps);
}
