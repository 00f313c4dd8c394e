// Small adapters from account data to the facts the pure rules take (src/rules/types.ts), so a
// dialog can go from "the candidate's account" to a decision in one line. Pure: no clock, no I/O.

import { DateTime } from 'luxon';
import type { Appointment as RuleAppointment, HeldCertification } from '../rules/types.js';
import type { Appointment, CandidateAccount, PurchasedTest } from './types.js';

/** An account appointment as the change/refund rules want it: local date and time at the centre. */
export function toRuleAppointment(appointment: Appointment): RuleAppointment {
  const local = DateTime.fromISO(appointment.start, { setZone: true }).setZone(appointment.timeZone);
  if (!local.isValid) throw new RangeError(`account: appointment start is not a valid instant in ${appointment.timeZone}`);
  return { date: local.toISODate(), time: local.toFormat('HH:mm'), zone: appointment.timeZone };
}

/** The purchase an appointment uses (for the new-date-inside-the-window check). */
export function purchaseOf(account: CandidateAccount, appointment: Appointment): PurchasedTest | undefined {
  return account.purchasedTests.find((p) => p.id === appointment.purchaseId);
}

/** Credentials as the Master-status rule wants them. */
export function heldCertifications(account: CandidateAccount): HeldCertification[] {
  return account.certifications.map((c) => ({ test: c.testCode, expiresOn: c.expiresOn }));
}

/** The most recent result for a test code, or undefined. */
export function latestResult(account: CandidateAccount, testCode: string) {
  return account.results
    .filter((r) => r.testCode === testCode)
    .reduce<CandidateAccount['results'][number] | undefined>((best, r) => (!best || r.takenOn > best.takenOn ? r : best), undefined);
}
