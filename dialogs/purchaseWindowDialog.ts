import { purchaseWindow } from '../src/rules/index.js';
import { formatLongDate } from '../src/understanding/dates.js';
import { readPastDate, type DateValue } from './slotReaders.js';
import type { TaskSpec } from './taskTypes.js';

interface PurchaseValues {
  purchasedOn: DateValue;
}

/** "I bought A5 on January 10, how long do I have?" -> the last day to take it, or that it expired. */
export const purchaseWindowTask: TaskSpec<PurchaseValues> = {
  id: 'purchase-window',
  slots: [
    {
      name: 'purchasedOn',
      read: (text, facts, deps) => readPastDate(text, facts, deps),
      ask: (_values, deps) => ({ text: deps.messages.task.purchase.askDate }),
    },
  ],
  faqEntry: 'registration-scheduling',
  answer: (values, facts, deps) => {
    const m = deps.messages.task.purchase;
    const decision = purchaseWindow({ purchaseDate: values.purchasedOn.date, now: facts.now, zone: facts.zone }, deps.policy);
    const lastDay = formatLongDate(decision.lastDay);
    const text =
      decision.verdict === 'expired'
        ? m.expired(lastDay)
        : decision.verdict === 'last-day'
          ? `${m.lastDay(lastDay)} ${m.next}`
          : `${m.open(lastDay, decision.daysLeft)} ${m.next}`;
    return { reply: { text }, outcome: decision.verdict };
  },
  accountQuestion: () => ({ kind: 'purchases' }),
  help: (deps) => deps.messages.task.purchase.help,
};

