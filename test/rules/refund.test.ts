import { describe, expect, it } from 'vitest';
import { noShow, refundEligibility } from '../../src/rules/index.js';
import { policy, utc } from './helpers.js';

const CHI = 'America/Chicago';
// 2025-06-20 09:00 CDT = 14:00 UTC; deadline 2025-06-17 14:00 UTC.
const appointment = { date: '2025-06-20', time: '09:00', zone: CHI };

describe('refundEligibility', () => {
  it('cancelling 72 hours and one minute before the appointment gets a refund, after cancelling the appointment first', () => {
    const d = refundEligibility({ situation: 'cancel', appointment, now: utc('2025-06-17 13:59'), zone: CHI }, policy);
    expect(d).toMatchObject({ verdict: 'refund', refundable: true, mustCancelAppointmentFirst: true });
    expect(d.change?.verdict).toBe('allowed');
    expect(d.policy).toContain('you must first cancel any existing appointment for that test then cancel the test itself');
  });

  it('cancelling exactly 72 hours before the appointment gets no refund', () => {
    const d = refundEligibility({ situation: 'cancel', appointment, now: utc('2025-06-17 14:00'), zone: CHI }, policy);
    expect(d).toMatchObject({ verdict: 'no-refund-too-late', refundable: false });
    expect(d.policy).toContain('you cannot cancel the appointment or test');
  });

  it('cancelling 72 hours less one minute before the appointment gets no refund', () => {
    const d = refundEligibility({ situation: 'cancel', appointment, now: utc('2025-06-17 14:01'), zone: CHI }, policy);
    expect(d.verdict).toBe('no-refund-too-late');
  });

  it('cancelling after the appointment time gets no refund and points to the missed-appointment rule', () => {
    const d = refundEligibility({ situation: 'cancel', appointment, now: utc('2025-06-20 15:00'), zone: CHI }, policy);
    expect(d.verdict).toBe('no-refund-appointment-passed');
    expect(d.policy).toContain('There are no refunds for a missed appointment.');
  });

  it('cancelling an unscheduled test on the last day of its window gets a refund', () => {
    const d = refundEligibility({ situation: 'cancel', purchaseDate: '2025-01-31', now: utc('2025-05-01 18:00'), zone: CHI }, policy);
    expect(d).toMatchObject({ verdict: 'refund', refundable: true, mustCancelAppointmentFirst: false });
    expect(d.purchaseWindow?.verdict).toBe('last-day');
  });

  it('cancelling an unscheduled test the day after its window closed gets no refund: it has expired', () => {
    const d = refundEligibility({ situation: 'cancel', purchaseDate: '2025-01-31', now: utc('2025-05-02 18:00'), zone: CHI }, policy);
    expect(d).toMatchObject({ verdict: 'no-refund-expired', refundable: false });
  });

  it('cancelling an unscheduled test with no purchase date given is taken as still open', () => {
    const d = refundEligibility({ situation: 'cancel', now: utc('2025-05-02 18:00'), zone: CHI }, policy);
    expect(d.verdict).toBe('refund');
    expect(d.purchaseWindow).toBeUndefined();
  });

  it('a No Show gets no refund', () => {
    const d = refundEligibility({ situation: 'no-show' }, policy);
    expect(d).toMatchObject({ verdict: 'no-refund-no-show', refundable: false });
    expect(d.policy).toContain('all fees are forfeited');
  });

  it('an expired test gets no refund', () => {
    const d = refundEligibility({ situation: 'expired' }, policy);
    expect(d).toMatchObject({ verdict: 'no-refund-expired', refundable: false });
    expect(d.policy).toContain('the untaken test will expire');
  });
});

describe('noShow', () => {
  it('after a No Show all fees are forfeited and nothing is refunded', () => {
    const d = noShow({ appointmentDate: '2025-06-20' }, policy);
    expect(d).toMatchObject({ feesForfeited: true, refundable: false, appointmentDate: '2025-06-20' });
  });

  it('the same test can be bought again once the No Show result is posted, paying both fees again', () => {
    const d = noShow({ resultPosted: true }, policy);
    expect(d).toMatchObject({ verdict: 'can-rebuy-now', canRebuyNow: true, mustPayAgain: ['registration fee', 'test fee'] });
  });

  it('until the No Show result is posted the candidate must wait', () => {
    expect(noShow({ resultPosted: false }, policy).verdict).toBe('wait-for-no-show-result');
  });

  it('when it is not known whether the result is posted, the answer is to wait for it', () => {
    const d = noShow({}, policy);
    expect(d.verdict).toBe('wait-for-no-show-result');
    expect(d.appointmentDate).toBeNull();
    expect(d.policy).toContain('you must wait until the official No Show test result is posted to myASE');
  });
});
