import type { Reply } from '../src/channels/reply.js';
import { formatLongDate, formatTime, futureDate, pastDate, type DateAnswer } from '../src/understanding/dates.js';
import { resolveTests } from '../src/understanding/tests.js';
import type { SlotReading, TaskDeps, TurnFacts } from './taskTypes.js';

/** A date slot's value: a calendar day and, for appointments, the time when one was given. */
export interface DateValue {
  date: string;
  time?: string;
}

export const writtenOut = (value: DateValue): string =>
  value.time ? `${formatLongDate(value.date)} at ${formatTime(value.time)}` : formatLongDate(value.date);

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

export const readPastDate = (text: string, facts: TurnFacts, deps: TaskDeps) =>
  dateReading(pastDate(text, facts), deps);

export const readFutureDate = (text: string, facts: TurnFacts, deps: TaskDeps) =>
  dateReading(futureDate(text, facts), deps);

const yesWords = /^(?:y|yes|yeah|yep|yup|sure|it has|it is|it's there|they have|posted|correct|i think so)\b/i;
const noWords = /^(?:n|no|nope|nah|not yet|it hasn'?t|hasn'?t|they haven'?t|not posted|no it hasn'?t)\b/i;
// "The result is posted" / "it's not up yet": an answer in words rather than yes or no.
const saysNotThere = /\b(?:not|isn'?t|hasn'?t|haven'?t|aren'?t|no)\b[^.?!]*\b(?:posted|up|there|showing|shown|yet)\b/i;
const saysThere = /\b(?:posted|it'?s up|is up|it'?s there|is there|shows|showing|shown)\b/i;

export function readYesNo(text: string): SlotReading<boolean> {
  const cleaned = text.trim().replace(/[.!]+$/, '');
  if (noWords.test(cleaned) || saysNotThere.test(cleaned)) return { kind: 'value', value: false };
  if (yesWords.test(cleaned) || saysThere.test(cleaned)) return { kind: 'value', value: true };
  return { kind: 'none' };
}

/** The first test the text names ("I failed A5", "my brakes test"), as its code. */
export function readFirstTest(text: string, deps: TaskDeps): SlotReading<string> {
  const [first] = resolveTests(text, deps.catalogue).tests;
  return first ? { kind: 'value', value: first.code } : { kind: 'none' };
}
