// Retest after failing. Source: "You must wait 30 full days before you can purchase and
// schedule the same test again."
//
// Interpretation: a "full day" is a whole calendar day strictly between the failure and the new
// purchase. Failed on F, the days F+1 .. F+30 are the 30 full days, so F + 31 is the first day
// the test may be bought again (failed 2025-01-31 -> 2025-03-03). Neither the failure day nor
// the purchase day counts, because neither is a full day of waiting.

import { addDays, checkZone, daysBetween, checkDate, todayIn } from './dates.js';
import type { Policy, RetestDecision, RetestInput } from './types.js';

export function retestDate(input: RetestInput, policy: Policy): RetestDecision {
  const { failedOn, now, zone } = input;
  checkDate(failedOn, 'failedOn');
  checkZone(zone, 'zone');
  const today = todayIn(now, zone);
  const fullDaysRequired = policy.retestWaitFullDays.value;
  const earliestPurchaseDate = addDays(failedOn, fullDaysRequired + 1, 'failedOn');
  const daysToWait = Math.max(0, daysBetween(today, earliestPurchaseDate));
  const verdict = failedOn > today ? 'failed-date-in-future' : daysToWait > 0 ? 'wait' : 'can-buy-now';
  return {
    verdict,
    failedOn,
    today,
    earliestPurchaseDate,
    daysToWait,
    fullDaysRequired,
    policy: policy.retestWaitFullDays.source,
  };
}
