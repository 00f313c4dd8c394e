// Refunds. Source: "You can only cancel a test and receive a refund for a test that you
// purchased." plus the three-day cutoff, the No Show rule and the 90-day expiry.
//
// Interpretation:
// - 'cancel' with an appointment: refundable exactly when the appointment may still be
//   changed (changeEligibility: more than 72 hours before its start). The appointment is
//   cancelled first, then the test.
// - 'cancel' with no appointment booked: refundable unless the purchase window has closed
//   (then the test has expired). Without a purchase date the test is taken to be still open;
//   the decision then carries no purchaseWindow so the bot can ask if it matters.
// - 'no-show' and 'expired': never refundable.

import { changeEligibility } from './appointments.js';
import { purchaseWindow } from './purchase.js';
import type { Policy, RefundDecision, RefundInput } from './types.js';

export function refundEligibility(input: RefundInput, policy: Policy): RefundDecision {
  const s = policy.statements;
  switch (input.situation) {
    case 'no-show':
      return {
        verdict: 'no-refund-no-show',
        refundable: false,
        mustCancelAppointmentFirst: false,
        policy: `${s.noRefundMissed} ${s.noShowForfeit}`,
      };
    case 'expired':
      return { verdict: 'no-refund-expired', refundable: false, mustCancelAppointmentFirst: false, policy: s.purchaseExpiry };
    case 'cancel': {
      if (input.appointment) {
        const change = changeEligibility(
          { appointment: input.appointment, now: input.now, purchaseDate: input.purchaseDate },
          policy,
        );
        if (change.verdict === 'allowed') {
          return {
            verdict: 'refund',
            refundable: true,
            change,
            mustCancelAppointmentFirst: true,
            policy: `${s.cancelTest} ${s.refundOnlyPurchased}`,
          };
        }
        if (change.verdict === 'too-late') {
          return { verdict: 'no-refund-too-late', refundable: false, change, mustCancelAppointmentFirst: true, policy: s.cancelCutoff };
        }
        return {
          verdict: 'no-refund-appointment-passed',
          refundable: false,
          change,
          mustCancelAppointmentFirst: false,
          policy: `${s.noRefundMissed} ${s.noShowForfeit}`,
        };
      }
      if (input.purchaseDate !== undefined) {
        const window = purchaseWindow({ purchaseDate: input.purchaseDate, now: input.now, zone: input.zone }, policy);
        if (window.expired) {
          return {
            verdict: 'no-refund-expired',
            refundable: false,
            purchaseWindow: window,
            mustCancelAppointmentFirst: false,
            policy: s.purchaseExpiry,
          };
        }
        return { verdict: 'refund', refundable: true, purchaseWindow: window, mustCancelAppointmentFirst: false, policy: s.refundOnlyPurchased };
      }
      return { verdict: 'refund', refundable: true, mustCancelAppointmentFirst: false, policy: s.refundOnlyPurchased };
    }
  }
}
