// Credential expiry and recertification.
//
// What "expires" means here: a credential passed (or recertified) on day D has expiresOn =
// D + 5 years, and expiresOn is the FIRST day it is no longer current; lastValidDay is the day
// before. Why: the source says "If it has been five years or more since you took a test, it's
// time to take the corresponding Recertification Test": on D + 5 years it has been five years,
// so the credential is due. Days are calendar days in the zone given (the candidate's).
// 29 February + 5 years is 28 February (never 1 March): the credential never gains a day.
//
// Recertification: anyone previously certified in the area may recertify, early or after
// lapsing. The new expiry is recertOn + 5 years whatever the old expiry was; validity left on
// the old credential at recertOn is lost, and the decision reports how many days that is.

import { addDays, addYears, checkDate, checkZone, daysBetween, todayIn } from './dates.js';
import type { ExpiryDecision, ExpiryInput, Instant, IsoDate, Policy, RecertDecision, RecertInput } from './types.js';

/** First day a credential passed on `passedOn` is no longer current. */
export function expiryOf(passedOn: IsoDate, policy: Policy, field = 'passedOn'): IsoDate {
  return addYears(passedOn, policy.validityYears.value, field);
}

/** A credential expiring on `expiresOn` is current on `today` when today is before it. */
export function isCurrentOn(expiresOn: IsoDate, today: IsoDate): boolean {
  return today < expiresOn;
}

/**
 * The last pass (or recertification) day whose credential is no longer current on the day `now` falls
 * in: passed on it or before, the credential has expired; passed after it, it is still current. What
 * a pass known only to its year or month can be told ("passed in 2021: on or before December 7, 2021,
 * expired").
 */
export function lastLapsedPassDay(input: { now: Instant; zone: string }, policy: Policy): IsoDate {
  checkZone(input.zone, 'zone');
  const today = todayIn(input.now, input.zone);
  let pass = addYears(today, -policy.validityYears.value);
  // 29 February and month ends: step to the exact day the rule turns.
  while (isCurrentOn(expiryOf(pass, policy), today)) pass = addDays(pass, -1);
  while (!isCurrentOn(expiryOf(addDays(pass, 1), policy), today)) pass = addDays(pass, 1);
  return pass;
}

export function certificationExpiry(input: ExpiryInput, policy: Policy): ExpiryDecision {
  const { passedOn, now, zone } = input;
  checkDate(passedOn, 'passedOn');
  checkZone(zone, 'zone');
  const today = todayIn(now, zone);
  const expiresOn = expiryOf(passedOn, policy);
  const lastValidDay = addDays(expiresOn, -1, 'expiresOn');
  const daysLeft = daysBetween(today, expiresOn);
  const soon = policy.botSettings.expiringSoonDays.value;
  const verdict =
    passedOn > today
      ? 'passed-date-in-future'
      : !isCurrentOn(expiresOn, today)
        ? 'expired'
        : daysLeft <= soon
          ? 'expiring-soon'
          : 'current';
  const s = policy.statements;
  const policyText =
    verdict === 'expired' ? `${policy.validityYears.source} ${s.recertDue} ${s.recertAfterLapse}` : `${policy.validityYears.source} ${s.recertDue}`;
  return { verdict, passedOn, today, expiresOn, lastValidDay, daysLeft, expiringSoonDays: soon, policy: policyText };
}

export function recertification(input: RecertInput, policy: Policy): RecertDecision {
  const { certifiedOn, now, zone, previouslyCertified } = input;
  checkZone(zone, 'zone');
  if (certifiedOn !== undefined) checkDate(certifiedOn, 'certifiedOn');
  const recertOn = input.recertOn ?? todayIn(now, zone);
  checkDate(recertOn, 'recertOn');
  const s = policy.statements;
  const oldExpiresOn = certifiedOn === undefined ? null : expiryOf(certifiedOn, policy, 'certifiedOn');

  const ineligible = (verdict: 'not-previously-certified' | 'recert-before-certification'): RecertDecision => ({
    verdict,
    eligible: false,
    recertOn,
    newExpiresOn: null,
    oldExpiresOn,
    daysNotCarriedOver: null,
    policy: s.recertPreviouslyCertified,
  });
  if (!previouslyCertified) return ineligible('not-previously-certified');
  if (certifiedOn !== undefined && recertOn < certifiedOn) return ineligible('recert-before-certification');
  const newExpiresOn = addYears(recertOn, policy.validityYears.value, 'recertOn');
  if (oldExpiresOn === null) {
    return {
      verdict: 'eligible',
      eligible: true,
      recertOn,
      newExpiresOn,
      oldExpiresOn,
      daysNotCarriedOver: null,
      policy: `${s.recertPreviouslyCertified} ${s.recertNewExpiry}`,
    };
  }
  const early = isCurrentOn(oldExpiresOn, recertOn);
  return {
    verdict: early ? 'eligible-early' : 'eligible-lapsed',
    eligible: true,
    recertOn,
    newExpiresOn,
    oldExpiresOn,
    daysNotCarriedOver: early ? daysBetween(recertOn, oldExpiresOn) : 0,
    policy: early
      ? `${s.recertNoCredit} ${s.recertNewExpiry}`
      : `${s.recertAfterLapse} ${s.recertPreviouslyCertified} ${s.recertNewExpiry}`,
  };
}
