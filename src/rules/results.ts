// When results and certificates arrive.
//
// Results: the score report is emailed immediately after the appointment (so on the test date),
// and results are in myASE "within three days of taking the test in most cases": by testDate + 3.
// "Within three days" includes the third day, so with `now` the verdict is 'should-be-online'
// only once testDate + 3 is over (from testDate + 4); up to and on that day 'expected-online-by'.
//
// Certificate: "approximately three weeks from your test date": about testDate + 21 days, and
// "delayed until your work experience information is reviewed and approved". When approval is
// still pending, testDate + 21 is only the earliest it could arrive; the source gives no date
// after approval, so none is invented.

import { addDays, checkZone, checkDate, todayIn } from './dates.js';
import { RuleInputError } from './errors.js';
import type { CertificateDecision, CertificateInput, Policy, ResultsDecision, ResultsInput } from './types.js';

export function resultsTiming(input: ResultsInput, policy: Policy): ResultsDecision {
  const { testDate, now, zone } = input;
  checkDate(testDate, 'testDate');
  const onlineBy = addDays(testDate, policy.resultsOnlineWithinDays.value, 'testDate');
  let today: string | null = null;
  let verdict: ResultsDecision['verdict'] = 'expected-online-by';
  if (now !== undefined) {
    if (zone === undefined) throw new RuleInputError('zone', 'required when now is given');
    checkZone(zone, 'zone');
    today = todayIn(now, zone);
    if (testDate > today) verdict = 'test-date-in-future';
    else if (today > onlineBy) verdict = 'should-be-online';
  }
  return {
    verdict,
    testDate,
    scoreReportEmailedOn: testDate,
    onlineBy,
    inMostCases: true,
    today,
    policy: `${policy.statements.scoreReportEmailed} ${policy.resultsOnlineWithinDays.source}`,
  };
}

export function certificateTiming(input: CertificateInput, policy: Policy): CertificateDecision {
  const { testDate, workExperienceApproved } = input;
  checkDate(testDate, 'testDate');
  const expectedAround = addDays(testDate, policy.certificateArrivalDays.value, 'testDate');
  const verdict =
    workExperienceApproved === true
      ? 'expected-around'
      : workExperienceApproved === false
        ? 'delayed-until-work-experience-approved'
        : 'expected-around-if-work-experience-approved';
  const policyText =
    workExperienceApproved === true
      ? policy.certificateArrivalDays.source
      : `${policy.certificateArrivalDays.source} ${policy.statements.workExperienceDelay}`;
  return {
    verdict,
    testDate,
    expectedAround,
    approximate: true,
    dependsOnWorkExperience: workExperienceApproved !== true,
    policy: policyText,
  };
}
