// A valid candidate-account API body (docs/account-api.yaml), fictional.
import type { CandidateAccount } from '../../src/account/types.js';

export function accountBody(): CandidateAccount {
  return {
    profile: {
      candidateId: 'cand-123',
      aseId: 'TEST-0001',
      firstName: 'Test',
      lastName: 'Person',
      timeZone: 'America/Chicago',
      preferredLanguage: 'en',
    },
    purchasedTests: [
      { id: 'p-1', code: 'A5', purchasedOn: '2025-05-01', status: 'scheduled' },
      { id: 'p-2', code: 'A6', purchasedOn: '2025-03-01', status: 'unscheduled' },
    ],
    appointments: [
      {
        id: 'appt-1',
        purchaseId: 'p-1',
        testCode: 'A5',
        start: '2025-06-17T09:00:00-05:00',
        timeZone: 'America/Chicago',
        centre: { name: 'Test Centre', city: 'Chicago', state: 'IL' },
      },
    ],
    results: [
      { testCode: 'A8', takenOn: '2025-04-10', outcome: 'fail' },
      { testCode: 'A7', takenOn: '2025-04-01', outcome: 'no-show', noShowPosted: true },
    ],
    certifications: [{ testCode: 'A1', passedOn: '2021-06-01', expiresOn: '2026-06-01' }],
    workExperience: { status: 'pending', updatedOn: '2025-04-12' },
  };
}
