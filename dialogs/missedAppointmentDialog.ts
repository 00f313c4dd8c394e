import { noShow } from '../src/rules/index.js';
import { readYesNo } from './slotReaders.js';
import type { TaskSpec } from './taskTypes.js';

interface MissedValues {
  resultPosted: boolean;
}

/** "I missed my test yesterday" -> what is forfeited, and whether the test can be bought again yet. */
export const missedAppointmentTask: TaskSpec<MissedValues> = {
  id: 'missed-appointment',
  startsWithoutFacts: true,
  slots: [
    {
      name: 'resultPosted',
      // "Yes, I missed my exam" is not an answer to a question the bot has not asked yet.
      notFromFirstMessage: true,
      read: (text) => readYesNo(text),
      ask: (_values, deps) => ({
        text: deps.messages.task.missed.askPosted,
        choices: [
          { title: deps.messages.task.yes, value: deps.messages.task.yes },
          { title: deps.messages.task.no, value: deps.messages.task.no },
        ],
      }),
    },
  ],
  faqEntry: 'missed-appointment',
  answer: (values, _facts, deps) => {
    const m = deps.messages.task.missed;
    const decision = noShow({ resultPosted: values.resultPosted }, deps.policy);
    return { reply: { text: decision.canRebuyNow ? m.canRebuyNow : m.wait }, outcome: decision.verdict };
  },
  // "when can I retake it?" after this answer: a No Show is no failed test, so no 30-day wait.
  retakes: {
    'can-rebuy-now': (deps) => deps.messages.task.missed.retakeNow,
    'wait-for-no-show-result': (deps) => deps.messages.task.missed.retakeWait,
  },
  // "can I get a refund?": the source's "There are no refunds for a missed appointment."
  refunds: {
    'can-rebuy-now': (deps) => deps.messages.task.missed.refund,
    'wait-for-no-show-result': (deps) => deps.messages.task.missed.refund,
  },
  // "how much will it cost to rebook?": buying it again, never a change of appointment's fee.
  rebuys: {
    'can-rebuy-now': (deps) => deps.messages.task.missed.rebuyNow,
    'wait-for-no-show-result': (deps) => deps.messages.task.missed.rebuyWait,
  },
  // "what if i just buy it again today" before saying whether the No Show is posted: the same rule.
  retakeWhileAsking: (deps) => deps.messages.task.missed.retakeWait,
  // Signed in, the account says whether the No Show is posted.
  accountQuestion: () => ({ kind: 'retest', missedOnly: true }),
  help: (deps) => deps.messages.task.missed.help,
};

