import { describe, expect, it } from 'vitest';
import { heldCertifications, latestResult, purchaseOf, toRuleAppointment } from '../../src/account/ruleFacts.js';
import { accountBody } from './fixtures.js';

describe('ruleFacts', () => {
  it.each([
    ['2025-06-17T09:00:00-05:00', 'America/Chicago', { date: '2025-06-17', time: '09:00', zone: 'America/Chicago' }],
    // Given in UTC: converted to the centre's local time.
    ['2025-06-17T14:00:00Z', 'America/Chicago', { date: '2025-06-17', time: '09:00', zone: 'America/Chicago' }],
    ['2025-06-18T02:30:00Z', 'America/Los_Angeles', { date: '2025-06-17', time: '19:30', zone: 'America/Los_Angeles' }],
  ])('toRuleAppointment(%s in %s)', (start, timeZone, expected) => {
    const appointment = { ...accountBody().appointments[0]!, start, timeZone };
    expect(toRuleAppointment(appointment)).toEqual(expected);
  });

  it('purchaseOf, heldCertifications, latestResult', () => {
    const account = accountBody();
    expect(purchaseOf(account, account.appointments[0]!)?.id).toBe('p-1');
    expect(heldCertifications(account)).toEqual([{ test: 'A1', expiresOn: '2026-06-01' }]);
    account.results.push({ testCode: 'A8', takenOn: '2025-05-20', outcome: 'pass' });
    expect(latestResult(account, 'A8')).toMatchObject({ takenOn: '2025-05-20', outcome: 'pass' });
    expect(latestResult(account, 'B2')).toBeUndefined();
  });
});
