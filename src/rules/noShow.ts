// No Show. Source: a missed or late appointment is scored No Show, all fees are forfeited, and
// the same test can be bought again, paying the registration fee and test fee again, once the
// official No Show result is posted to myASE.
//
// The source gives no time for the result to be posted, so this rule computes no date: it says
// whether re-purchase is possible now (result posted) or must wait (not posted, or unknown).

import type { NoShowDecision, NoShowInput, Policy } from './types.js';
import { checkDate } from './dates.js';

export function noShow(input: NoShowInput, policy: Policy): NoShowDecision {
  if (input.appointmentDate !== undefined) checkDate(input.appointmentDate, 'appointmentDate');
  const s = policy.statements;
  const canRebuyNow = input.resultPosted === true;
  return {
    verdict: canRebuyNow ? 'can-rebuy-now' : 'wait-for-no-show-result',
    appointmentDate: input.appointmentDate ?? null,
    feesForfeited: true,
    refundable: false,
    canRebuyNow,
    mustPayAgain: ['registration fee', 'test fee'],
    policy: `${s.noShowForfeit} ${s.noShowRebuy} ${s.noShowWaitForResult}`,
  };
}
