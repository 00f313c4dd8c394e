import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { AccountNotFoundError, AccountRequestError } from '../../src/account/errors.js';
import {
  DemoAccountService,
  DemoDataError,
  loadDemoAccounts,
  parseDemoAccounts,
  type DemoAccounts,
} from '../../src/account/demoAccountService.js';
import { heldCertifications, purchaseOf, toRuleAppointment } from '../../src/account/ruleFacts.js';
import { candidateAccountSchema } from '../../src/account/schemas.js';
import type { CandidateAccount } from '../../src/account/types.js';
import {
  certificateTiming,
  certificationExpiry,
  changeEligibility,
  expiryOf,
  masterStatus,
  noShow,
  purchaseLastDay,
  purchaseWindow,
  retestDate,
} from '../../src/rules/index.js';
import { catalogue, policy } from '../rules/helpers.js';

const FILE = fileURLToPath(new URL('../../knowledge/demo-accounts.yaml', import.meta.url));
const data = await loadDemoAccounts(FILE);

const at = (iso: string) => () => new Date(iso);
const demo = (clock: () => Date) =>
  new DemoAccountService(data, {
    clock,
    validityYears: policy.validityYears.value,
    changeCutoffHours: policy.changeCutoffHours.value,
  });

async function login(service: DemoAccountService, aseId: string, dob: string, ssn: string): Promise<CandidateAccount> {
  const verified = await service.verify(aseId, dob, ssn);
  if (!verified.verified) throw new Error(`demo login failed for ${aseId}`);
  return service.getAccount(verified.candidateId);
}

const one = (s: DemoAccountService) => login(s, 'DEMO-0001', '1980-01-01', '0001');
const two = (s: DemoAccountService) => login(s, 'DEMO-0002', '1980-02-02', '0002');
const three = (s: DemoAccountService) => login(s, 'DEMO-0003', '1980-03-03', '0003');
const four = (s: DemoAccountService) => login(s, 'DEMO-0004', '1980-04-04', '0004');

const byCode = <T extends { testCode: string }>(items: T[], code: string): T => {
  const found = items.find((i) => i.testCode === code);
  if (!found) throw new Error(`no ${code}`);
  return found;
};

/** Every story in the demo file, checked with the real rules at `now`. */
async function checkStories(nowIso: string) {
  const service = demo(at(nowIso));
  const now = nowIso;

  // One: scheduling.
  const a1 = await one(service);
  const far = byCode(a1.appointments, 'A5');
  const near = byCode(a1.appointments, 'A4');
  expect(changeEligibility({ appointment: toRuleAppointment(far), now }, policy).verdict).toBe('allowed');
  expect(changeEligibility({ appointment: toRuleAppointment(near), now }, policy).verdict).toBe('too-late');
  for (const appointment of a1.appointments) {
    const purchase = purchaseOf(a1, appointment)!;
    expect(toRuleAppointment(appointment).date <= purchaseLastDay(purchase.purchasedOn, policy)).toBe(true);
  }
  const unscheduled = a1.purchasedTests.find((p) => p.code === 'A6')!;
  expect(unscheduled.status).toBe('unscheduled');
  const window = purchaseWindow({ purchaseDate: unscheduled.purchasedOn, now, zone: a1.profile.timeZone! }, policy);
  expect(window).toMatchObject({ verdict: 'open', daysLeft: 6 });

  // Two: results.
  const a2 = await two(service);
  const zone2 = a2.profile.timeZone!;
  const failed = byCode(a2.results, 'A8');
  expect(failed.outcome).toBe('fail');
  expect(retestDate({ failedOn: failed.takenOn, now, zone: zone2 }, policy)).toMatchObject({ verdict: 'wait', daysToWait: 19 });
  const missed = byCode(a2.results, 'A7');
  expect(noShow({ appointmentDate: missed.takenOn, resultPosted: missed.noShowPosted }, policy).verdict).toBe('can-rebuy-now');
  const passed = byCode(a2.results, 'A1');
  expect(a2.workExperience.status).toBe('pending');
  expect(certificateTiming({ testDate: passed.takenOn, workExperienceApproved: false }, policy).verdict).toBe(
    'delayed-until-work-experience-approved',
  );
  const expired = a2.purchasedTests.find((p) => p.status === 'expired')!;
  expect(purchaseWindow({ purchaseDate: expired.purchasedOn, now, zone: zone2 }, policy).verdict).toBe('expired');

  // Three: credentials, Master lost.
  const a3 = await three(service);
  const zone3 = a3.profile.timeZone!;
  const master3 = masterStatus({ seriesId: 'A', certifications: heldCertifications(a3), now, zone: zone3 }, catalogue, policy);
  expect(master3).toMatchObject({ verdict: 'lapsed', lapsed: ['A6'], missing: [] });
  const expiry = (code: string) =>
    certificationExpiry({ passedOn: byCode(a3.certifications, code).passedOn, now, zone: zone3 }, policy).verdict;
  expect(expiry('A1')).toBe('current');
  expect(expiry('A2')).toBe('expiring-soon');
  expect(expiry('A6')).toBe('expired');

  // Four: Master held, appointment changeable.
  const a4 = await four(service);
  const master4 = masterStatus({ seriesId: 'A', certifications: heldCertifications(a4), now, zone: a4.profile.timeZone! }, catalogue, policy);
  expect(master4.verdict).toBe('holds');
  expect(changeEligibility({ appointment: toRuleAppointment(a4.appointments[0]!), now }, policy).verdict).toBe('allowed');

  // Every account honours the API contract, and expiry dates are what the rules compute.
  for (const account of [a1, a2, a3, a4]) {
    expect(candidateAccountSchema.safeParse(account).success).toBe(true);
    for (const c of account.certifications) expect(c.expiresOn).toBe(expiryOf(c.passedOn, policy));
  }
}

describe('demo stories hold on any day', () => {
  it.each([
    '2025-06-17T14:00:00Z',
    '2025-01-01T05:30:00Z', // just after midnight in New York
    '2025-03-09T08:30:00Z', // US spring-forward morning
    '2025-11-02T06:30:00Z', // US fall-back night
    '2028-02-29T12:00:00Z', // leap day
    '2027-12-31T23:59:59Z',
  ])('at %s', async (now) => {
    await checkStories(now);
  });

  it('at random instants 2020-2040', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }),
        async (now) => checkStories(now.toISOString()),
      ),
      { numRuns: 60 },
    );
  });
});

describe('DemoAccountService', () => {
  it('materialises dates from the clock it is given and from nothing else', async () => {
    const account = await one(demo(at('2025-06-17T14:00:00Z')));
    expect(account.purchasedTests.find((p) => p.code === 'A6')!.purchasedOn).toBe('2025-03-25');
    expect(byCode(account.appointments, 'A5').start).toBe('2025-06-25T09:00:00-05:00');
    expect(byCode(account.appointments, 'A4').start).toBe('2025-06-19T13:30:00-06:00');
    const later = await one(demo(at('2025-12-17T14:00:00Z')));
    expect(byCode(later.appointments, 'A5').start).toBe('2025-12-25T09:00:00-06:00');
  });

  it('verify: right details -> candidate id; any wrong detail -> not verified', async () => {
    const service = demo(at('2025-06-17T14:00:00Z'));
    await expect(service.verify('DEMO-0001', '1980-01-01', '0001')).resolves.toEqual({ verified: true, candidateId: 'demo-cand-0001' });
    await expect(service.verify(' demo-0001 ', '1980-01-01', '0001')).resolves.toEqual({ verified: true, candidateId: 'demo-cand-0001' });
    await expect(service.verify('DEMO-0001', '1980-01-02', '0001')).resolves.toEqual({ verified: false });
    await expect(service.verify('DEMO-0001', '1980-01-01', '0002')).resolves.toEqual({ verified: false });
    await expect(service.verify('DEMO-9999', '1980-01-01', '0001')).resolves.toEqual({ verified: false });
    await expect(service.verify('DEMO-0001', '1/1/1980', '0001')).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('unknown candidate -> AccountNotFoundError', async () => {
    await expect(demo(at('2025-06-17T14:00:00Z')).getAccount('nobody')).rejects.toBeInstanceOf(AccountNotFoundError);
  });

  it('lists the demo candidates without their DOB or SSN digits', () => {
    const listed = demo(at('2025-06-17T14:00:00Z')).candidates;
    expect(listed.map((c) => c.aseId)).toEqual(['DEMO-0001', 'DEMO-0002', 'DEMO-0003', 'DEMO-0004']);
    expect(JSON.stringify(listed)).not.toMatch(/1980-|"000\d"/);
  });

  describe('cancelAppointment', () => {
    const now = '2025-06-17T14:00:00Z';

    it('cancels once; the same key replays the first result; the purchase becomes unscheduled', async () => {
      let clock = new Date(now);
      const service = demo(() => clock);
      const first = await service.cancelAppointment('demo-cand-0001', 'demo-appt-0001-a5', 'confirm-0001-aaaa');
      expect(first).toEqual({ appointmentId: 'demo-appt-0001-a5', status: 'cancelled', cancelledAt: '2025-06-17T14:00:00Z' });
      clock = new Date('2025-06-17T14:05:00Z');
      await expect(service.cancelAppointment('demo-cand-0001', 'demo-appt-0001-a5', 'confirm-0001-aaaa')).resolves.toEqual(first);
      const account = await service.getAccount('demo-cand-0001');
      expect(account.appointments.map((a) => a.id)).toEqual(['demo-appt-0001-a4']);
      expect(account.purchasedTests.find((p) => p.id === 'demo-p-0001-a5')!.status).toBe('unscheduled');
      // A new confirmation (new key) for the same appointment is refused, not repeated.
      await expect(service.cancelAppointment('demo-cand-0001', 'demo-appt-0001-a5', 'confirm-0002-bbbb')).rejects.toMatchObject({
        status: 409,
        code: 'already-cancelled',
      });
      // The key belongs to the first appointment.
      await expect(service.cancelAppointment('demo-cand-0001', 'demo-appt-0001-a4', 'confirm-0001-aaaa')).rejects.toMatchObject({
        status: 422,
        code: 'idempotency-key-reused',
      });
    });

    it('refuses within 72 hours of the start, as the API does', async () => {
      const error = await demo(at(now))
        .cancelAppointment('demo-cand-0001', 'demo-appt-0001-a4', 'confirm-0003-cccc')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AccountRequestError);
      expect(error).toMatchObject({ status: 409, code: 'change-window-closed' });
    });

    it.each([
      ['nobody', 'demo-appt-0001-a5', 'candidate'],
      ['demo-cand-0001', 'demo-appt-0004-a9', 'appointment'],
      ['demo-cand-0001', 'no-such-appointment', 'appointment'],
    ])('%s / %s -> not found (%s)', async (candidateId, appointmentId, resource) => {
      await expect(demo(at(now)).cancelAppointment(candidateId, appointmentId, 'confirm-0004-dddd')).rejects.toMatchObject({
        name: 'AccountNotFoundError',
        resource,
      });
    });
  });
});

// Hand-edited YAML: any shape goes, on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe('demo file validation', () => {
  const raw = async () => parseYaml(await readFile(FILE, 'utf8')) as { candidates: Array<Loose> };
  const problemsFor = async (edit: (d: { candidates: Array<Loose> }) => void) => {
    const d = await raw();
    edit(d);
    try {
      parseDemoAccounts('demo.yaml', stringifyYaml(d));
    } catch (error) {
      expect(error).toBeInstanceOf(DemoDataError);
      return (error as DemoDataError).message;
    }
    throw new Error('expected DemoDataError');
  };

  it('the shipped file is valid', async () => {
    expect((data as DemoAccounts).candidates).toHaveLength(4);
  });

  it.each<[string, (d: { candidates: Array<Loose> }) => void, string]>([
    ['missing field', (d) => delete d.candidates[0]!.ssnLast4, 'demo.yaml: candidates[0].ssnLast4: required'],
    ['ssn as a number', (d) => (d.candidates[0]!.ssnLast4 = 1), 'candidates[0].ssnLast4: Invalid input: expected string'],
    ['bad time', (d) => (d.candidates[0]!.appointments[1].at = '1:30pm'), "candidates[0].appointments[1].at: must be a 24-hour time 'HH:mm'"],
    ['bad zone', (d) => (d.candidates[1]!.timeZone = 'Mars/Olympus'), 'candidates[1].timeZone: expected an IANA time zone'],
    ['realistic ASE id', (d) => (d.candidates[2]!.aseId = 'AB1234567'), "candidates[2].aseId: must look like 'DEMO-0001'"],
    ['duplicate ASE id', (d) => (d.candidates[3]!.aseId = 'DEMO-0001'), 'candidates[3].aseId: "DEMO-0001" is already used at candidates[0].aseId'],
    ['unknown purchase', (d) => (d.candidates[0]!.appointments[0].purchaseId = 'demo-p-nope'), 'candidates[0].appointments[0].purchaseId: no purchase "demo-p-nope"'],
    ['code mismatch', (d) => (d.candidates[0]!.appointments[0].testCode = 'A1'), 'candidates[0].appointments[0].testCode: "A1" but the purchase is for A5'],
    ['unknown key', (d) => (d.candidates[0]!.ssn = '123-45-6789'), 'candidates[0]: Unrecognized key: "ssn"'],
    ['centre not marked fictional', (d) => (d.candidates[0]!.appointments[0].centre.name = 'Real Centre'), "centre.name: must say '(fictional)'"],
  ])('%s -> file, field and reason', async (_name, edit, expected) => {
    expect(await problemsFor(edit)).toContain(expected);
  });

  it('invalid YAML and a missing file name the file', async () => {
    expect(() => parseDemoAccounts('demo.yaml', 'candidates: [')).toThrow(/^demo\.yaml: not valid YAML/);
    await expect(loadDemoAccounts('/nonexistent/demo.yaml')).rejects.toThrow(/^\/nonexistent\/demo\.yaml: cannot read/);
  });
});
