import { certificateTiming, todayIn } from '../src/rules/index.js';
import { asKnown, onKnown, readFirstTest, readPastDate, type DateValue } from './slotReaders.js';
import type { TaskSpec } from './taskTypes.js';

interface CertificateValues {
  test?: string;
  /** The day the candidate said they passed (or gave when asked that). */
  passedOn?: DateValue;
  /**
   * The day they said they took the test, not that they passed it ("I tested last Friday", or the
   * results answer's day carried over): the answer says "you took it", never "you passed".
   */
  takenOn?: DateValue;
}

/** "I tested at Prometric last Friday", "I took A5 on the 4th", "lo tomé el viernes": a test taken, its result unsaid. */
const TOOK = /(?<![\p{L}\d])(?:took|tested|sat|test was|tom[eé]|present[eé]|hice el examen)(?![\p{L}\d])/iu;
/** "I passed it", "aprobé", "pasé": the result said. */
const PASSED = /(?<![\p{L}\d])(?:pass|passed|aprob[eé]|pas[eé])(?![\p{L}\d])/iu;
const tookOnly = (text: string) => TOOK.test(text) && !PASSED.test(text);

/** The date read as the passed day, or (for `took`) as the day taken, from the words that say which. */
function readTestDay(text: string, facts: Parameters<typeof readPastDate>[1], deps: Parameters<typeof readPastDate>[2], took: boolean) {
  if (tookOnly(text) !== took) return { kind: 'none' } as const;
  const reading = readPastDate(text, facts, deps);
  // "last week": three weeks on, a week either way still says when to expect it (roughly).
  const week = reading.kind === 'clarify' ? facts.dates(text).find((mention) => mention.form === 'partial' && /\bweek\b/i.test(mention.text) && !/\bnext\b/i.test(mention.text)) : undefined;
  return week ? ({ kind: 'value', value: { date: week.date, approximate: week.text } } as const) : reading;
}

/**
 * "whens my cert coming, passed A5 on nov 10" -> around when the certificate should arrive (about
 * three weeks after the test date, policy.certificateArrivalDays), and that it waits on the work
 * experience requirement. Signed in, the account answers (the certificate's status).
 */
export const certificateTimingTask: TaskSpec<CertificateValues> = {
  id: 'certificate-timing',
  // "and when do I get my certificate if I passed?" right after the results answer.
  carriesFrom: { 'results-timing': { test: 'test', takenOn: 'takenOn' } },
  slots: [
    {
      name: 'test',
      read: (text, _facts, deps) => readFirstTest(text, deps),
    },
    {
      name: 'takenOn',
      read: (text, facts, deps) => readTestDay(text, facts, deps, true),
    },
    {
      name: 'passedOn',
      needed: (values) => !values.takenOn,
      read: (text, facts, deps) => readTestDay(text, facts, deps, false),
      ask: (values, deps) => ({ text: deps.messages.task.certificate.askDate(values.test) }),
    },
  ],
  faqEntry: 'certificate-delivery',
  answer: (values, facts, deps) => {
    const m = deps.messages.task.certificate;
    // Only what the candidate said: a pass, or a day the test was taken (its result unsaid).
    const day = (values.passedOn ?? values.takenOn)!;
    const decision = certificateTiming({ testDate: day.date }, deps.policy);
    // A rough pass date ("in November") is said as roughly as it is known; a day, as "around" that day.
    const known = asKnown(day, deps.language, decision.expectedAround);
    const around = day.approximate ? known : m.around(known);
    const on = onKnown(day, deps.language);
    const passed = values.passedOn !== undefined;
    const taken = passed ? m.passed(on) : m.took(on);
    const due = decision.expectedAround <= todayIn(facts.now, facts.zone);
    return { reply: { text: due ? m.shouldHaveArrived(around, taken, passed) : m.expectedAround(around, taken, passed) }, outcome: due ? 'should-have-arrived' : 'expected-around' };
  },
  accountQuestion: () => ({ kind: 'certificate-status' }),
  help: (deps) => deps.messages.task.certificate.help,
};
