import { isBirthDate } from '../src/understanding/dateRoles.js';
import type { Reply } from '../src/conversation/reply.js';
import { formatDateTime, formatLongDate, resolveFuture, resolvePast, type DateAnswer } from '../src/understanding/dates.js';
import { readYesNo as yesOrNo } from '../src/understanding/yesNo.js';
import { resolveTests } from '../src/understanding/tests.js';
import type { SlotReading, TaskDeps, TurnFacts } from './taskTypes.js';

/** A date slot's value: a calendar day and, for appointments, the time when one was given. */
export interface DateValue {
  date: string;
  time?: string;
  /** The words of an approximate date ("5 months ago"): used only where the exact day cannot change the answer. */
  approximate?: string;
}

export const writtenOut = (value: DateValue): string =>
  value.time ? formatDateTime(value.date, value.time) : formatLongDate(value.date);

/**
 * Turns a date answer into a slot reading: the value with a short "got it", or the one question that
 * settles what was unclear (which of two dates, which day of a month, a date on the wrong side of today).
 */
function dateReading(answer: DateAnswer, deps: TaskDeps): SlotReading<DateValue> {
  const m = deps.messages.task;
  if (answer.ok) {
    const value: DateValue = answer.time ? { date: answer.date, time: answer.time } : { date: answer.date };
    const assumed = answer.assumedYear || answer.assumedMonth;
    const echo = assumed ? m.assumedYear(writtenOut(value)) : m.gotDate(writtenOut(value));
    return { kind: 'value', value, echo, assumed };
  }
  const ask = (text: string, extra: Partial<Reply> = {}): SlotReading<DateValue> => ({ kind: 'clarify', question: { text, ...extra } });
  switch (answer.problem) {
    case 'no-date':
      return { kind: 'none' };
    case 'incomplete':
      // "5 months ago" is a date give or take a few weeks: the task decides whether that is enough.
      if (answer.approximateDate) return { kind: 'value', value: { date: answer.approximateDate, approximate: answer.text } };
      return ask(m.whichDay(answer.text));
    case 'in-future':
      return ask(m.dateInFuture(formatLongDate(answer.date)));
    case 'in-past':
      return ask(m.dateInPast(formatLongDate(answer.date)));
    case 'ambiguous':
      return ask(m.whichDate, {
        choices: answer.options.map((option) => {
          const value: DateValue = option.time ? { date: option.date, time: option.time } : { date: option.date };
          // The value is the ISO date (and time), which reads back unambiguously.
          return { title: writtenOut(value), value: option.time ? `${option.date} at ${option.time}` : option.date };
        }),
      });
  }
}

// The turn's facts remember what they parsed: the message's dates are read once, whoever asks.
// A date of birth is left out: a task never reads it (only sign-in does).
const taskDates = (text: string, facts: TurnFacts) => facts.dates(text).filter((mention) => !isBirthDate(text, mention));

export const readPastDate = (text: string, facts: TurnFacts, deps: TaskDeps) => dateReading(resolvePast(taskDates(text, facts), text, facts), deps);

export const readFutureDate = (text: string, facts: TurnFacts, deps: TaskDeps) => dateReading(resolveFuture(taskDates(text, facts), text, facts), deps);

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
