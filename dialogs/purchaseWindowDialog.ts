import { purchaseWindow } from '../src/rules/index.js';
import { asKnown, readPastDate, type DateValue } from './slotReaders.js';
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
    const bought = values.purchasedOn;
    const lastDay = asKnown(bought, deps.language, decision.lastDay);
    const text =
      decision.verdict === 'expired'
        ? bought.approximate
          ? m.expiredSince(asKnown(bought, deps.language), deps.policy.purchaseWindowDays.value)
          : m.expired(lastDay)
        : decision.verdict === 'last-day'
          ? `${m.lastDay(lastDay)} ${m.next}`
          : // Roughly when ("about 2 months ago"): the month it ends, no count of days made up. A month
            // named ("in February") is asked to the day instead: the days left differ across it.
            bought.approximate && !bought.span
            ? `${m.openUntil(lastDay)} ${m.next}`
            : `${m.open(lastDay, decision.daysLeft)} ${m.next}`;
    return { reply: { text }, outcome: decision.verdict };
  },
  accountQuestion: () => ({ kind: 'purchases' }),
  verdicts: { open: 'open', 'last-day': 'open', expired: 'closed' },
  reasons: { expired: (deps) => deps.messages.task.purchase.whyExpired(deps.policy.purchaseWindowDays.value) },
  // "can I get my money back?": a test bought and not scheduled is cancelled for a refund while the window is open; an expired one's fees are forfeited.
  refunds: {
    open: (deps) => deps.messages.task.purchase.refundOpen(deps.policy.phones.prometric.value),
    'last-day': (deps) => deps.messages.task.purchase.refundOpen(deps.policy.phones.prometric.value),
    expired: (deps) => deps.messages.task.purchase.refundExpired,
  },
  // "what if I just buy it again?" after "it expired": yes, a new purchase.
  rebuys: { expired: (deps) => deps.messages.task.purchase.rebuyExpired(deps.policy.purchaseWindowDays.value) },
  // "what happens if it expires?" while it is open: the source's rule, not the missed appointment's.
  ifExpires: {
    open: (deps) => deps.messages.task.purchase.ifExpires(deps.policy.purchaseWindowDays.value),
    'last-day': (deps) => deps.messages.task.purchase.ifExpires(deps.policy.purchaseWindowDays.value),
  },
  help: (deps) => deps.messages.task.purchase.help,
};

