import { describe, expect, it } from 'vitest';
import { certificateTiming, resultsTiming, RuleInputError } from '../../src/rules/index.js';
import { policy, utc } from './helpers.js';

const NY = 'America/New_York';

describe('resultsTiming', () => {
  it('the score report is emailed on the test date and results are online three days later in most cases', () => {
    const d = resultsTiming({ testDate: '2025-01-30' }, policy);
    expect(d).toMatchObject({ verdict: 'expected-online-by', scoreReportEmailedOn: '2025-01-30', onlineBy: '2025-02-02', inMostCases: true, today: null });
    expect(d.policy).toContain('emailed to you immediately after you finish your appointment');
    expect(d.policy).toContain('within three days of taking the test in most cases');
  });

  it('a test on February 27 of a leap year is online by March 1', () => {
    expect(resultsTiming({ testDate: '2024-02-27' }, policy).onlineBy).toBe('2024-03-01');
  });

  it('a test on December 30 is online by January 2', () => {
    expect(resultsTiming({ testDate: '2025-12-30' }, policy).onlineBy).toBe('2026-01-02');
  });

  it('on the day before the online date the results are still expected', () => {
    expect(resultsTiming({ testDate: '2025-01-30', now: utc('2025-02-01 18:00'), zone: NY }, policy).verdict).toBe('expected-online-by');
  });

  it('on the online date itself the results are still expected (within three days includes the third)', () => {
    expect(resultsTiming({ testDate: '2025-01-30', now: utc('2025-02-02 18:00'), zone: NY }, policy).verdict).toBe('expected-online-by');
  });

  it('on the day after the online date the results should be online', () => {
    const d = resultsTiming({ testDate: '2025-01-30', now: utc('2025-02-03 18:00'), zone: NY }, policy);
    expect(d).toMatchObject({ verdict: 'should-be-online', today: '2025-02-03' });
  });

  it('a test date after today gets its own verdict', () => {
    expect(resultsTiming({ testDate: '2025-02-10', now: utc('2025-02-03 18:00'), zone: NY }, policy).verdict).toBe('test-date-in-future');
  });

  it('refuses now without a zone', () => {
    expect(() => resultsTiming({ testDate: '2025-01-30', now: utc('2025-02-03 18:00') }, policy)).toThrow(RuleInputError);
  });
});

describe('certificateTiming', () => {
  it('with work experience approved the certificate arrives about three weeks after the test date', () => {
    const d = certificateTiming({ testDate: '2025-01-31', workExperienceApproved: true }, policy);
    expect(d).toMatchObject({ verdict: 'expected-around', expectedAround: '2025-02-21', approximate: true, dependsOnWorkExperience: false });
    expect(d.policy).toBe('Expect your certificate to arrive approximately three weeks from your test date to allow for processing and mailing.');
  });

  it('three weeks after February 20 is March 12 in a leap year and March 13 otherwise', () => {
    expect(certificateTiming({ testDate: '2024-02-20', workExperienceApproved: true }, policy).expectedAround).toBe('2024-03-12');
    expect(certificateTiming({ testDate: '2025-02-20', workExperienceApproved: true }, policy).expectedAround).toBe('2025-03-13');
  });

  it('with work experience not yet approved the certificate is delayed until it is', () => {
    const d = certificateTiming({ testDate: '2025-01-31', workExperienceApproved: false }, policy);
    expect(d).toMatchObject({ verdict: 'delayed-until-work-experience-approved', dependsOnWorkExperience: true });
    expect(d.policy).toContain('will be delayed until your work experience information is reviewed and approved');
  });

  it('when approval is unknown the date is given on condition of approval', () => {
    const d = certificateTiming({ testDate: '2025-01-31' }, policy);
    expect(d).toMatchObject({ verdict: 'expected-around-if-work-experience-approved', expectedAround: '2025-02-21', dependsOnWorkExperience: true });
  });
});
