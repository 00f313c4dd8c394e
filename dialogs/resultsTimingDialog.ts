import { resultsTiming } from '../src/rules/index.js';
import { asKnown, readFirstTest, readPastDate, type DateValue } from './slotReaders.js';
import type { TaskSpec } from './taskTypes.js';

interface ResultsValues {
  test?: string;
  takenOn: DateValue;
}

/**
 * "I took it Dec 3" after the results answer -> the day results should be in myASE (within three
 * days of the test, in most cases), and that the score report was emailed right after it.
 */
export const resultsTimingTask: TaskSpec<ResultsValues> = {
  id: 'results-timing',
  slots: [
    {
      name: 'test',
      read: (text, _facts, deps) => readFirstTest(text, deps),
    },
    {
      name: 'takenOn',
      read: (text, facts, deps) => readPastDate(text, facts, deps),
      ask: (values, deps) => ({ text: deps.messages.task.results.askDate(values.test) }),
    },
  ],
  faqEntry: 'test-results',
  answer: (values, facts, deps) => {
    const m = deps.messages.task.results;
    const decision = resultsTiming({ testDate: values.takenOn.date, now: facts.now, zone: facts.zone }, deps.policy);
    const taken = asKnown(values.takenOn, deps.language);
    const by = asKnown(values.takenOn, deps.language, decision.onlineBy);
    const days = deps.policy.resultsOnlineWithinDays.value;
    const lines = decision.verdict === 'should-be-online' ? [m.shouldBeOnline(by, taken, days)] : [m.expectedBy(by, taken, days)];
    return { reply: { text: [...lines, m.emailed].join(' ') }, outcome: decision.verdict };
  },
  help: (deps) => deps.messages.task.results.help,
};
