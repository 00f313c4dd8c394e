import { certificateTiming, todayIn } from '../src/rules/index.js';
import { asKnown, onKnown, readFirstTest, readPastDate, type DateValue } from './slotReaders.js';
import type { TaskSpec } from './taskTypes.js';

interface CertificateValues {
  test?: string;
  passedOn: DateValue;
}

/**
 * "whens my cert coming, passed A5 on nov 10" -> around when the certificate should arrive (about
 * three weeks after the test date, policy.certificateArrivalDays), and that it waits on the work
 * experience requirement. Signed in, the account answers (the certificate's status).
 */
export const certificateTimingTask: TaskSpec<CertificateValues> = {
  id: 'certificate-timing',
  // "and when do I get my certificate if I passed?" right after the results answer.
  carriesFrom: { 'results-timing': { test: 'test', passedOn: 'takenOn' } },
  slots: [
    {
      name: 'test',
      read: (text, _facts, deps) => readFirstTest(text, deps),
    },
    {
      name: 'passedOn',
      read: (text, facts, deps) => {
        const reading = readPastDate(text, facts, deps);
        // "last week": three weeks on, a week either way still says when to expect it (roughly).
        const week = reading.kind === 'clarify' ? facts.dates(text).find((mention) => mention.form === 'partial' && /\bweek\b/i.test(mention.text) && !/\bnext\b/i.test(mention.text)) : undefined;
        return week ? { kind: 'value', value: { date: week.date, approximate: week.text } } : reading;
      },
      ask: (values, deps) => ({ text: deps.messages.task.certificate.askDate(values.test) }),
    },
  ],
  faqEntry: 'certificate-delivery',
  answer: (values, facts, deps) => {
    const m = deps.messages.task.certificate;
    const decision = certificateTiming({ testDate: values.passedOn.date }, deps.policy);
    // A rough pass date ("in November") is said as roughly as it is known; a day, as "around" that day.
    const known = asKnown(values.passedOn, deps.language, decision.expectedAround);
    const around = values.passedOn.approximate ? known : m.around(known);
    const taken = onKnown(values.passedOn, deps.language);
    const due = decision.expectedAround <= todayIn(facts.now, facts.zone);
    return { reply: { text: due ? m.shouldHaveArrived(around, taken) : m.expectedAround(around, taken) }, outcome: due ? 'should-have-arrived' : 'expected-around' };
  },
  accountQuestion: () => ({ kind: 'certificate-status' }),
  help: (deps) => deps.messages.task.certificate.help,
};
