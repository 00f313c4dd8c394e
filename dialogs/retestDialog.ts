import { retestDate } from '../src/rules/index.js';
import { asKnown, readPastDate, readTestAfter, type DateValue } from './slotReaders.js';
import type { TaskSpec } from './taskTypes.js';

interface RetestValues {
  test?: string;
  failedOn: DateValue;
}

const FAILED = /\b(?:fail(?:ed)?|flunk(?:ed)?|bomb(?:ed)?|did ?n[o']?t pass|no pas[eé]|reprob[eé]|suspend[ií]|fall[eé])(?![a-z])/;

/** "I failed A5 on March 3, when can I retake it?" -> the first day it can be bought again. */
export const retestTask: TaskSpec<RetestValues> = {
  id: 'retest',
  // "what if I failed?" right after "when are my results coming? I took A1 on saturday".
  carriesFrom: { 'results-timing': { test: 'test', failedOn: 'takenOn' } },
  slots: [
    {
      name: 'test',
      // "passed A1 and A3, failed A2": the test failed, not the first named.
      read: (text, _facts, deps) => readTestAfter(FAILED, text, deps),
    },
    {
      name: 'failedOn',
      read: (text, facts, deps) => readPastDate(text, facts, deps),
      ask: (values, deps) => ({ text: deps.messages.task.retest.askDate(values.test) }),
    },
  ],
  // "nov 24" right after the answer for last Tuesday corrects the day: the test named stays.
  followUps: ['failedOn'],
  faqEntry: 'retest-after-failing',
  answer: (values, facts, deps) => {
    const m = deps.messages.task.retest;
    const decision = retestDate({ failedOn: values.failedOn.date, now: facts.now, zone: facts.zone }, deps.policy);
    const test = values.test ?? m.theTest;
    const wait = deps.policy.retestWaitFullDays.value;
    // A month-only failure ("in October") is written as the month, and no count of days is made up.
    const failed = asKnown(values.failedOn, deps.language);
    const exact = !values.failedOn.approximate;
    const lines =
      decision.verdict === 'can-buy-now'
        ? [m.canBuyNow(test, failed, wait), m.nextNow]
        : [m.canBuyFrom(test, asKnown(values.failedOn, deps.language, decision.earliestPurchaseDate), failed, wait), ...(exact ? [m.daysToWait(decision.daysToWait)] : []), m.next];
    return { reply: { text: lines.join(' ') }, outcome: decision.verdict };
  },
  // "can I buy it now?" right after the day it can be bought again: yes or no, from that answer.
  verdicts: { wait: 'closed', 'can-buy-now': 'open' },
  // "why not sooner?" after "you can buy it again on ...": the rule, never an unrelated answer.
  reasons: { wait: (deps) => deps.messages.task.retest.whyWait(deps.policy.retestWaitFullDays.value) },
  // "... and do i have to pay again?" in the message that began it: a retest is a new purchase.
  payAgain: { wait: (deps) => deps.messages.task.retest.rebuy, 'can-buy-now': (deps) => deps.messages.task.retest.rebuy },
  accountQuestion: (values) => ({ kind: 'retest', ...(values.test ? { tests: [values.test] } : {}) }),
  help: (deps) => deps.messages.task.retest.help,
};

