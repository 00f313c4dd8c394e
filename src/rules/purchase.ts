// Purchase window: a test bought on day P must be scheduled and taken by P + 90 days.
//
// Interpretation: "90 days from the original date of purchase" counts calendar days after the
// purchase day, so P + 90 is the LAST day the test may be taken (bought 2025-01-31 -> last day
// 2025-05-01). "Today" is the calendar date of `now` in the zone given (the candidate's or the
// test centre's), so the window closes at the end of that local day.

import { addDays, checkZone, daysBetween, checkDate, todayIn } from './dates.js';
import type { IsoDate, Policy, PurchaseWindowDecision, PurchaseWindowInput } from './types.js';

/** Last day a test bought on `purchaseDate` may be taken. */
export function purchaseLastDay(purchaseDate: IsoDate, policy: Policy, field = 'purchaseDate'): IsoDate {
  return addDays(purchaseDate, policy.purchaseWindowDays.value, field);
}

export function purchaseWindow(input: PurchaseWindowInput, policy: Policy): PurchaseWindowDecision {
  const { purchaseDate, now, zone } = input;
  checkDate(purchaseDate, 'purchaseDate');
  checkZone(zone, 'zone');
  const today = todayIn(now, zone);
  const lastDay = purchaseLastDay(purchaseDate, policy);
  const daysLeft = daysBetween(today, lastDay);
  const expired = daysLeft < 0;
  const verdict =
    purchaseDate > today ? 'purchase-date-in-future' : expired ? 'expired' : daysLeft === 0 ? 'last-day' : 'open';
  const policyText = expired
    ? `${policy.purchaseWindowDays.source} ${policy.statements.purchaseExpiry}`
    : policy.purchaseWindowDays.source;
  return { verdict, purchaseDate, today, lastDay, daysLeft, expired, policy: policyText };
}
