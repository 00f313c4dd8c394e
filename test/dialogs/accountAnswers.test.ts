// Personal answers against the demo accounts on a FIXED clock, with expected dates worked out here
// from the demo file's offsets (plain UTC calendar arithmetic and Intl formatting), not by the rules.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DemoAccountService, loadDemoAccounts } from '../../src/account/demoAccountService.js';
import { answerPersonal, RECENT_PASS_DAYS, type PersonalContext } from '../../dialogs/accountAnswers.js';
import { PERSONAL_KINDS, type PersonalQuestion } from '../../src/understanding/accountQuestions.js';
import type { Appointment, CandidateAccount } from '../../src/account/types.js';
import { enAccount } from '../../src/messages/enAccount.js';
import { esAccount } from '../../src/messages/esAccount.js';
import { englishSentencesIn } from '../support/englishSentences.js';
import { catalogue, policy } from '../rules/helpers.js';

const NOW = new Date('2025-03-20T15:00:00Z'); // Thursday; 10:00 in Chicago, 08:00 in Phoenix
const TODAY = '2025-03-20';
const ctx: PersonalContext = { now: NOW, zone: 'America/New_York', policy, catalogue, messages: enAccount, language: 'en' };

const FILE = fileURLToPath(new URL('../../knowledge/demo-accounts.yaml', import.meta.url));
const data = await loadDemoAccounts(FILE);
const service = new DemoAccountService(data, {
  clock: () => NOW,
  validityYears: policy.validityYears.value,
  changeCutoffHours: policy.changeCutoffHours.value,
});

async function demo(aseId: string): Promise<CandidateAccount> {
  const candidate = data.candidates.find((c) => c.aseId === aseId);
  if (!candidate) throw new Error(`no demo ${aseId}`);
  return service.getAccount(candidate.candidateId);
}
const offsets = (aseId: string) => {
  const candidate = data.candidates.find((c) => c.aseId === aseId);
  if (!candidate) throw new Error(`no demo ${aseId}`);
  return candidate;
};

// ---- independent date arithmetic -----------------------------------------------------------

/** `iso` plus `n` calendar days (UTC, so no DST). */
function plusDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const day = (n: number) => plusDays(TODAY, n);
/** 'Thursday, March 20, 2025' via Intl, not luxon. */
function written(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}
/** '13:30' -> '1:30 PM'. */
function clock(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}
const ask = (question: PersonalQuestion, account: CandidateAccount, at: PersonalContext = ctx) => answerPersonal(question, account, at);
const factFor = (answer: ReturnType<typeof ask>, labelStart: string) => answer.reply.facts?.find((f) => f.label.startsWith(labelStart))?.value;

describe('the independent helpers', () => {
  it('write dates as the design asks', () => {
    expect(written('2025-04-03')).toBe('Thursday, April 3, 2025');
    expect(day(8)).toBe('2025-03-28');
    expect(clock('13:30')).toBe('1:30 PM');
  });
});

// ---- appointments --------------------------------------------------------------------------

describe('appointments', () => {
  it('DEMO-0001: A5 in 8 days can be changed until 72 hours before; A4 in 2 days cannot', async () => {
    const o = offsets('DEMO-0001');
    const a5 = o.appointments.find((a) => a.testCode === 'A5')!;
    const a4 = o.appointments.find((a) => a.testCode === 'A4')!;
    const a5Purchase = o.purchasedTests.find((p) => p.id === a5.purchaseId)!;
    const answer = ask({ kind: 'appointments' }, await demo('DEMO-0001'));

    expect(answer.outcome).toBe('appointments-listed');
    expect(answer.reply.text).toMatch(/^You have 2 upcoming test appointments: 1 can still be changed or cancelled, 1 can't\./);
    // Soonest first.
    expect(answer.reply.facts?.map((f) => f.label)).toEqual(['A4 Suspension and Steering', 'A5 Brakes']);
    const a5Fact = factFor(answer, 'A5')!;
    expect(a5Fact).toContain(`${written(day(a5.inDays))} at ${clock(a5.at)}`);
    // No clock change between the two dates: the deadline is the same wall-clock time three days earlier.
    expect(a5Fact).toContain(`Change or cancel before ${written(day(a5.inDays - 3))} at ${clock(a5.at)}`);
    expect(a5Fact).toContain(`A new date must be by ${written(day(-a5Purchase.purchasedDaysAgo + 90))}`);
    expect(a5Fact).toContain('Friday, March 28, 2025 at 9:00 AM');
    expect(a5Fact).toContain('Tuesday, March 25, 2025 at 9:00 AM');
    expect(a5Fact).toContain('Monday, May 19, 2025');
    const a4Fact = factFor(answer, 'A4')!;
    expect(a4Fact).toContain(`${written(day(a4.inDays))} at ${clock(a4.at)}`);
    expect(a4Fact).toContain('Denver, CO');
    expect(a4Fact).toContain("Less than 72 hours away: can't be changed or cancelled.");
    expect(answer.reply.suggestions).toEqual([enAccount.appointments.suggestCancel]);
  });

  it('DEMO-0001: asking about one named test answers for that test only, in a sentence', async () => {
    const answer = ask({ kind: 'appointments', tests: ['A4'] }, await demo('DEMO-0001'));
    expect(answer.reply.facts).toBeUndefined();
    expect(answer.reply.text).toBe(
      'Your A4 (Suspension and Steering) appointment is on Saturday, March 22, 2025 at 1:30 PM (local time) at Demo Test Center West (fictional), Denver, CO. ' +
        "It's less than 72 hours away, so it can no longer be changed or cancelled. " +
        "If you can't make it, call Prometric at 877-346-9327: a missed appointment is scored as No Show and its fees are forfeited.",
    );
    expect(answer.reply.suggestions).toBeUndefined();
  });

  it('DEMO-0001: a named test with no appointment says so, then lists the others', async () => {
    const answer = ask({ kind: 'appointments', tests: ['A7'] }, await demo('DEMO-0001'));
    expect(answer.reply.text).toMatch(/^You have no upcoming appointment for A7 \(Heating and Air Conditioning\)\. You have 2 upcoming/);
    expect(answer.reply.facts).toHaveLength(2);
  });

  it('DEMO-0004: one appointment, changeable, with the deadline and the new-date window', async () => {
    const o = offsets('DEMO-0004');
    const a9 = o.appointments[0]!;
    const purchase = o.purchasedTests[0]!;
    const answer = ask({ kind: 'appointments' }, await demo('DEMO-0004'));
    expect(answer.reply.text).toBe(
      `Your A9 (Light Vehicle Diesel Engines) appointment is on ${written(day(a9.inDays))} at ${clock(a9.at)} (local time) at Demo Test Center Desert (fictional), Phoenix, AZ. ` +
        `You can still change or cancel it before ${written(day(a9.inDays - 3))} at ${clock(a9.at)} (test center time). ` +
        `A new date must be no later than ${written(day(-purchase.purchasedDaysAgo + 90))}, 90 days from when you bought the test. ` +
        enAccount.appointments.nextChange,
    );
    expect(answer.reply.text).toContain('Sunday, April 6, 2025 at 8:00 AM');
  });

  it('DEMO-0002 has none; DEMO-0003 has none but an A6 purchase to schedule', async () => {
    const two = ask({ kind: 'appointments' }, await demo('DEMO-0002'));
    expect(two.outcome).toBe('appointments-none');
    expect(two.reply.text).toBe('Your account shows no upcoming test appointments. To book one, schedule it in myASE or call Prometric at 877-346-9327.');
    const three = ask({ kind: 'appointments' }, await demo('DEMO-0003'));
    const bought = offsets('DEMO-0003').purchasedTests[0]!;
    expect(three.reply.text).toContain(`You can still schedule A6 (Electrical/Electronic Systems) by ${written(day(-bought.purchasedDaysAgo + 90))}.`);
  });

  it('names the deadline across the spring clock change (72 elapsed hours, not three calendar days)', () => {
    const account = emptyAccount({
      purchasedTests: [{ id: 'p1', code: 'A5', purchasedOn: '2025-02-01', status: 'scheduled' }],
      appointments: [appointment('appt-1', 'p1', 'A5', '2025-03-10T09:00:00-05:00', 'America/Chicago')],
    });
    const answer = ask({ kind: 'appointments' }, account, { ...ctx, now: new Date('2025-03-05T15:00:00Z') });
    // Monday 09:00 CDT minus 72 h is Friday 08:00 CST.
    expect(answer.reply.text).toContain('before Friday, March 7, 2025 at 8:00 AM (test center time)');
  });

  it('leaves out an appointment whose start has passed', () => {
    const account = emptyAccount({
      purchasedTests: [{ id: 'p1', code: 'A5', purchasedOn: '2025-02-01', status: 'scheduled' }],
      appointments: [appointment('appt-1', 'p1', 'A5', '2025-03-20T09:00:00-05:00', 'America/Chicago')],
    });
    expect(ask({ kind: 'appointments' }, account).outcome).toBe('appointments-none');
  });
});

// ---- cancel --------------------------------------------------------------------------------

describe('cancel-appointment', () => {
  it('DEMO-0001: offers only A5 (A4 is within 72 hours) and says why A4 is not offered', async () => {
    const answer = ask({ kind: 'cancel-appointment' }, await demo('DEMO-0001'));
    expect(answer.outcome).toBe('cancel-offered');
    expect(answer.cancellable).toEqual([
      { appointmentId: 'demo-appt-0001-a5', label: `A5 (Brakes) appointment on ${written(day(8))} at 9:00 AM` },
    ]);
    expect(answer.reply.text).toBe(
      `Your A5 (Brakes) appointment on Friday, March 28, 2025 at 9:00 AM can still be cancelled, before Tuesday, March 25, 2025 at 9:00 AM (test center time). ` +
        `Cancelling the appointment keeps the test you bought: you can book a new date up to Monday, May 19, 2025. ` +
        `Your A4 (Suspension and Steering) appointment on Saturday, March 22, 2025 at 1:30 PM is less than 72 hours away, so it can no longer be cancelled.`,
    );
  });

  it('DEMO-0001: "cancel my A4 appointment" offers nothing and names the rule', async () => {
    const answer = ask({ kind: 'cancel-appointment', tests: ['A4'] }, await demo('DEMO-0001'));
    expect(answer.outcome).toBe('cancel-too-late');
    expect(answer.cancellable).toBeUndefined();
    expect(answer.reply.text).toMatch(/^Your A4 \(Suspension and Steering\) appointment on Saturday, March 22, 2025 at 1:30 PM is less than 72 hours away/);
    expect(answer.reply.text).toContain('Prometric at 877-346-9327');
  });

  it('DEMO-0001: never offers an appointment the candidate did not name', async () => {
    const answer = ask({ kind: 'cancel-appointment', tests: ['A7'] }, await demo('DEMO-0001'));
    expect(answer.outcome).toBe('cancel-no-matching-appointment');
    expect(answer.cancellable).toBeUndefined();
    expect(answer.reply.text).toMatch(/^You have no upcoming appointment for A7 \(Heating and Air Conditioning\) to cancel\./);
  });

  it('DEMO-0004: offers the A9 appointment; DEMO-0002 and DEMO-0003 have none', async () => {
    const four = ask({ kind: 'cancel-appointment' }, await demo('DEMO-0004'));
    expect(four.cancellable).toEqual([
      { appointmentId: 'demo-appt-0004-a9', label: 'A9 (Light Vehicle Diesel Engines) appointment on Wednesday, April 9, 2025 at 8:00 AM' },
    ]);
    for (const id of ['DEMO-0002', 'DEMO-0003']) {
      const none = ask({ kind: 'cancel-appointment' }, await demo(id));
      expect(none.outcome).toBe('cancel-no-appointments');
      expect(none.cancellable).toBeUndefined();
      expect(none.reply.text).toMatch(/^You have no upcoming appointments to cancel\./);
    }
  });

  it('offers several, with a fact each naming the deadline', () => {
    const account = emptyAccount({
      purchasedTests: [
        { id: 'p1', code: 'A5', purchasedOn: '2025-03-01', status: 'scheduled' },
        { id: 'p2', code: 'T2', purchasedOn: '2025-03-01', status: 'scheduled' },
      ],
      appointments: [
        appointment('appt-2', 'p2', 'T2', '2025-04-10T14:00:00-04:00', 'America/New_York'),
        appointment('appt-1', 'p1', 'A5', '2025-04-01T09:00:00-05:00', 'America/Chicago'),
      ],
    });
    const answer = ask({ kind: 'cancel-appointment' }, account);
    expect(answer.reply.text).toBe('You can still cancel 2 appointments.');
    expect(answer.cancellable?.map((c) => c.appointmentId)).toEqual(['appt-1', 'appt-2']);
    expect(answer.cancellable?.[1]?.label).toBe('T2 (Diesel Engines) appointment on Thursday, April 10, 2025 at 2:00 PM');
    expect(factFor(answer, 'T2')).toContain('Cancel before Monday, April 7, 2025 at 2:00 PM.');
  });
});

// ---- expiry --------------------------------------------------------------------------------

describe('expiry', () => {
  it('DEMO-0003: eight credentials, A6 lapsed, A2 expiring soon, the A6 purchase as the next step', async () => {
    const o = offsets('DEMO-0003');
    const expires = (code: string) => day(o.certifications.find((c) => c.testCode === code)!.expiresInDays);
    const answer = ask({ kind: 'expiry' }, await demo('DEMO-0003'));
    expect(answer.outcome).toBe('expiry-action-needed');
    expect(answer.reply.text).toMatch(/^You have 8 certifications: 6 current, 1 expiring soon and 1 lapsed\./);
    expect(answer.reply.text).toContain(`You've already bought A6: schedule and take it by ${written(day(-o.purchasedTests[0]!.purchasedDaysAgo + 90))}.`);
    expect(answer.reply.facts).toHaveLength(8);
    expect(answer.reply.facts?.[0]).toEqual({ label: 'A6 Electrical/Electronic Systems', value: `lapsed on ${written(expires('A6'))}` });
    expect(factFor(answer, 'A2')).toBe(`expires soon: ${written(expires('A2'))} (45 days from today)`);
    expect(factFor(answer, 'A4')).toBe(`current, expires ${written(expires('A4'))}`);
    expect(expires('A6')).toBe('2025-02-28');
  });

  it('DEMO-0003: one named credential, expiring soon, with the recertification arithmetic', async () => {
    const answer = ask({ kind: 'expiry', tests: ['A2'] }, await demo('DEMO-0003'));
    expect(answer.reply.facts).toBeUndefined();
    expect(answer.reply.text).toBe(
      'Your A2 (Automatic Transmission/Transaxle) certification expires soon: on Sunday, May 4, 2025, 45 days from today. ' +
        // Recertified today: today + 5 years; the 45 days left are lost.
        `If you recertify today, the new expiry is ${written('2030-03-20')}; the 45 days left now are not carried over. ` +
        enAccount.buyRecertInMyAse,
    );
  });

  it('DEMO-0003: a lapsed one can still be recertified', async () => {
    const answer = ask({ kind: 'expiry', tests: ['A6'] }, await demo('DEMO-0003'));
    expect(answer.reply.text).toMatch(/^Your A6 \(Electrical\/Electronic Systems\) certification lapsed on Friday, February 28, 2025\. You can still take the recertification test: passing it today would make the new expiry Wednesday, March 20, 2030\./);
    expect(written('2030-03-20')).toBe('Wednesday, March 20, 2030');
  });

  it('DEMO-0001: G1 current; a named test not held is said', async () => {
    const g1 = offsets('DEMO-0001').certifications[0]!;
    const answer = ask({ kind: 'expiry' }, await demo('DEMO-0001'));
    expect(answer.outcome).toBe('expiry-all-current');
    expect(answer.reply.text).toMatch(new RegExp(`^Your G1 \\(Auto Maintenance and Light Repair\\) certification is current: it expires on ${written(day(g1.expiresInDays))}\\.`));
    const missing = ask({ kind: 'expiry', tests: ['A5'] }, await demo('DEMO-0001'));
    expect(missing.outcome).toBe('expiry-none');
    expect(missing.reply.text).toMatch(/^There's no A5 \(Brakes\) certification on your account\./);
    const unknown = ask({ kind: 'expiry', tests: ['A12'] }, await demo('DEMO-0001'));
    expect(unknown.reply.text).toMatch(/^There's no A12 certification on your account\./);
  });

  it('DEMO-0004: A9 expiring soon, with the booked A9 appointment as the next step', async () => {
    const answer = ask({ kind: 'expiry', tests: ['A9', 'A3'] }, await demo('DEMO-0004'));
    expect(answer.reply.text).toMatch(/^You have 2 certifications: 1 current and 1 expiring soon\./);
    expect(answer.reply.text).toContain('You\'re booked to take A9 on Wednesday, April 9, 2025 at 8:00 AM.');
    expect(factFor(answer, 'A9')).toBe(`expires soon: ${written(day(30))} (30 days from today)`);
    expect(factFor(answer, 'A3')).toBe(`current, expires ${written(day(400))}`);
  });

  it('DEMO-0002 holds none', async () => {
    const answer = ask({ kind: 'expiry' }, await demo('DEMO-0002'));
    expect(answer.outcome).toBe('expiry-none');
    expect(answer.reply.text).toBe('There are no certifications on your account. If you think one is missing, ASE Customer Service (1-800-390-6789) can check.');
  });
});

describe('which expires first', () => {
  it('DEMO-0003: A2 (soonest of the current ones), and A6 already lapsed', async () => {
    const answer = ask({ kind: 'expiry', first: true }, await demo('DEMO-0003'));
    expect(answer.outcome).toBe('expiry-first-action-needed');
    expect(answer.reply.text).toBe(
      `Your A2 (Automatic Transmission/Transaxle) certification expires first: on ${written(day(45))} (45 days from today). ` +
        `Already lapsed: A6 (Electrical/Electronic Systems) on ${written(day(-20))}. ` +
        `You've already bought A6: schedule and take it by ${written(day(-5 + 90))}.`,
    );
  });

  it('two that expire the same day are both named; none soon: recertify before then', () => {
    const account = emptyAccount({ certifications: [cert('A1', '2023-06-01'), cert('A5', '2023-06-01'), cert('T2', '2024-01-01')] });
    const answer = ask({ kind: 'expiry', first: true }, account);
    expect(answer.outcome).toBe('expiry-first');
    expect(answer.reply.text).toMatch(/^These expire first: on Thursday, June 1, 2028 \(1169 days from today\): A1 \(Engine Repair\) and A5 \(Brakes\)\. Take the recertification test before then/);
  });

  it('with no certifications, the same answer as any expiry question', () => {
    expect(ask({ kind: 'expiry', first: true }, emptyAccount()).reply.text).toBe(ask({ kind: 'expiry' }, emptyAccount()).reply.text);
  });
});

describe('expiring-within', () => {
  it('DEMO-0003 this year: A2, and A6 already lapsed', async () => {
    const answer = ask({ kind: 'expiring-within', period: 'this-year' }, await demo('DEMO-0003'));
    expect(answer.outcome).toBe('expiring-listed');
    expect(answer.reply.text).toBe(
      `Your A2 (Automatic Transmission/Transaxle) certification expires this year (by Wednesday, December 31, 2025): on ${written(day(45))}. ` +
        `Already lapsed: A6 (Electrical/Electronic Systems) on ${written(day(-20))}. ` +
        `You've already bought A6: schedule and take it by ${written(day(-5 + 90))}.`,
    );
  });

  it('DEMO-0004 this year: A9 only (A3 is next year)', async () => {
    const answer = ask({ kind: 'expiring-within', period: 'this-year' }, await demo('DEMO-0004'));
    expect(answer.reply.text).toMatch(new RegExp(`^Your A9 \\(Light Vehicle Diesel Engines\\) certification expires this year \\(by Wednesday, December 31, 2025\\): on ${written(day(30))}\\.`));
  });

  it('DEMO-0004 in the next 90 days: A9 only; DEMO-0001: none, with the next one', async () => {
    const four = ask({ kind: 'expiring-within', period: 'next-90-days' }, await demo('DEMO-0004'));
    expect(four.reply.text).toMatch(new RegExp(`^Your A9 .* expires in the next 90 days \\(by ${written(day(90))}\\)`));
    const one = ask({ kind: 'expiring-within', period: 'next-90-days' }, await demo('DEMO-0001'));
    expect(one.outcome).toBe('expiring-none-in-period');
    expect(one.reply.text).toMatch(new RegExp(`^None of your certifications expire in the next 90 days \\(by Wednesday, June 18, 2025\\)\\. The next to expire is G1 \\(Auto Maintenance and Light Repair\\), on ${written(day(1426))}\\.`));
  });

  it('several in the period come as facts', () => {
    const account = emptyAccount({
      certifications: [cert('A1', '2020-06-01'), cert('A5', '2020-09-15'), cert('T2', '2023-01-01')],
    });
    const answer = ask({ kind: 'expiring-within', period: 'this-year' }, account);
    expect(answer.reply.text).toMatch(/^2 of your certifications expire this year/);
    expect(answer.reply.facts).toEqual([
      { label: 'A1 Engine Repair', value: 'expires Sunday, June 1, 2025 (73 days from today)' },
      { label: 'A5 Brakes', value: 'expires Monday, September 15, 2025 (179 days from today)' },
    ]);
  });
});

// ---- Master --------------------------------------------------------------------------------

describe('master', () => {
  it('DEMO-0003: lost through A6, reinstated by its recertification test (already bought)', async () => {
    const answer = ask({ kind: 'master' }, await demo('DEMO-0003'));
    expect(answer.outcome).toBe('master-lapsed');
    expect(answer.reply.text).toBe(
      `No: your Master Automobile Technician status is suspended because A6 (Electrical/Electronic Systems) lapsed on ${written(day(-20))}. ` +
        'Passing the recertification test for A6 reinstates it. ' +
        `You've already bought A6: schedule and take it by ${written(day(85))}.`,
    );
  });

  it('DEMO-0004: held; the first required credential to expire is A3', async () => {
    const answer = ask({ kind: 'master' }, await demo('DEMO-0004'));
    expect(answer.outcome).toBe('master-holds');
    expect(answer.reply.text).toBe(
      `Yes: you are a Master Automobile Technician. All the required certifications are current; the first to expire is A3 (Manual Drive Train and Axles), on ${written(day(400))}. ` +
        enAccount.master.holdsNext,
    );
  });

  it('DEMO-0001 (G1 only) and DEMO-0002 (none) hold nothing that counts', async () => {
    for (const id of ['DEMO-0001', 'DEMO-0002']) {
      const answer = ask({ kind: 'master' }, await demo(id));
      expect(answer.outcome).toBe('master-none');
      expect(answer.reply.text).toMatch(/^You don't hold any of the certifications that count towards Master status \(A1-A8 for Master Automobile Technician and T2-T8 for Master Medium\/Heavy Truck Technician\)\./);
    }
  });

  it('incomplete: names what is missing and what lapsed', () => {
    const account = emptyAccount({
      certifications: [cert('T2', '2022-01-01'), cert('T3', '2022-01-01'), cert('T4', '2019-01-01')],
    });
    const answer = ask({ kind: 'master' }, account);
    expect(answer.outcome).toBe('master-incomplete');
    expect(answer.reply.text).toBe(
      "Not yet: Master Medium/Heavy Truck Technician needs T2-T8 all current, and you don't hold T5-T8. " +
        `Also, T4 (Brakes) lapsed on ${written('2024-01-01')}. ` +
        enAccount.master.incompleteNext,
    );
  });

  it('two series come as facts', () => {
    const a = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'].map((c) => cert(c, '2023-05-01'));
    const account = emptyAccount({ certifications: [...a, cert('T2', '2023-05-01')] });
    const answer = ask({ kind: 'master' }, account);
    expect(answer.outcome).toBe('master-several');
    expect(answer.reply.facts).toEqual([
      { label: 'Master Automobile Technician', value: `held; first to expire: A1, ${written('2028-05-01')}` },
      { label: 'Master Medium/Heavy Truck Technician', value: 'not yet: missing T3-T8' },
    ]);
  });
});

// ---- retest --------------------------------------------------------------------------------

describe('retest', () => {
  it('DEMO-0002: A8 from failure + 31 days; the posted A7 No Show can be bought again now', async () => {
    const o = offsets('DEMO-0002');
    const failed = o.results.find((r) => r.testCode === 'A8')!;
    const missed = o.results.find((r) => r.testCode === 'A7')!;
    const earliest = day(-failed.takenDaysAgo + 31);
    const answer = ask({ kind: 'retest' }, await demo('DEMO-0002'));
    expect(answer.outcome).toBe('retest-wait');
    expect(earliest).toBe('2025-04-08');
    expect(answer.reply.text).toBe(
      `You can buy A8 (Engine Performance) again from ${written(earliest)}, 19 days from today: 30 full days must pass after you failed it on ${written(day(-failed.takenDaysAgo))}. ` +
        `Your A7 (Heating and Air Conditioning) appointment on ${written(day(-missed.takenDaysAgo))} was a No Show. The result is posted, so you can buy it again now, paying the registration fee and test fee again. ` +
        enAccount.retest.nextWait,
    );
  });

  it('DEMO-0002: a named passed test has no wait', async () => {
    const answer = ask({ kind: 'retest', tests: ['A1'] }, await demo('DEMO-0002'));
    expect(answer.outcome).toBe('retest-none');
    expect(answer.reply.text).toBe("Your latest A1 (Engine Repair) result isn't a fail, so there's no retest wait.");
    const none = ask({ kind: 'retest', tests: ['A5'] }, await demo('DEMO-0002'));
    expect(none.reply.text).toBe(enAccount.retest.noResult('A5 (Brakes)', 'A5'));
  });

  it('DEMO-0002 on the day the wait ends: can buy now', async () => {
    // The account as read on 20 March (A8 failed 8 March), asked again on 8 April.
    const account = await demo('DEMO-0002');
    const answer = ask({ kind: 'retest', tests: ['A8'] }, account, { ...ctx, now: new Date('2025-04-08T16:00:00Z') });
    expect(answer.outcome).toBe('retest-can-buy');
    expect(answer.reply.text).toBe(`You can buy A8 (Engine Performance) again now: 30 full days have passed since you failed it on Saturday, March 8, 2025. ${enAccount.retest.nextNow}`);
  });

  it('DEMO-0001, DEMO-0003, DEMO-0004 have no failure', async () => {
    for (const id of ['DEMO-0001', 'DEMO-0003', 'DEMO-0004']) {
      expect(ask({ kind: 'retest' }, await demo(id)).reply.text).toBe(enAccount.retest.none);
    }
  });

  it('only the latest result counts; more than two come as facts', () => {
    const account = emptyAccount({
      results: [
        { testCode: 'A1', takenOn: '2025-01-10', outcome: 'fail' },
        { testCode: 'A1', takenOn: '2025-03-01', outcome: 'pass' },
        { testCode: 'A2', takenOn: '2025-03-01', outcome: 'fail' },
        { testCode: 'A3', takenOn: '2025-01-01', outcome: 'fail' },
        { testCode: 'A4', takenOn: '2025-03-10', outcome: 'no-show' },
      ],
    });
    const answer = ask({ kind: 'retest' }, account);
    expect(answer.reply.text).toBe(`You have 3 tests to retake. ${enAccount.retest.nextWait}`);
    expect(answer.reply.facts).toEqual([
      { label: 'A3 Manual Drive Train and Axles', value: 'you can buy it again now' },
      // Failed 1 March: 30 full days (2-31 March), so from 1 April, 12 days after 20 March.
      { label: 'A2 Automatic Transmission/Transaxle', value: `buy again from ${written(plusDays('2025-03-01', 31))} (12 days from today)` },
      { label: 'A4 Suspension and Steering', value: enAccount.retest.factNoShowWaiting },
    ]);
  });
});

// ---- duplicates ----------------------------------------------------------------------------

describe('duplicates-all', () => {
  it('DEMO-0001, DEMO-0003, DEMO-0004: one series (Automobile), $7.50', async () => {
    for (const id of ['DEMO-0001', 'DEMO-0003', 'DEMO-0004']) {
      const answer = ask({ kind: 'duplicates-all' }, await demo(id));
      expect(answer.outcome).toBe('duplicates-priced');
      expect(answer.reply.text).toBe(
        'Duplicates of all your certificates would cost $7.50: they are all in one test series, Automobile & Light Truck. Order them by logging in to myASE.',
      );
    }
  });

  it('DEMO-0002: nothing to duplicate', async () => {
    expect(ask({ kind: 'duplicates-all' }, await demo('DEMO-0002')).outcome).toBe('duplicates-none');
  });

  it('three series: $22.50, by series', () => {
    const account = emptyAccount({
      certifications: [cert('A1', '2023-01-01'), cert('A5', '2023-01-01'), cert('T2', '2023-01-01'), cert('P2', '2022-01-01')],
    });
    const answer = ask({ kind: 'duplicates-all' }, account);
    expect(answer.reply.text).toBe('Duplicates of all your certificates would cost $22.50: 3 test series at $7.50 each. Order them by logging in to myASE.');
    expect(answer.reply.facts).toEqual([
      { label: 'Parts Specialist', value: 'P2: $7.50' },
      { label: 'Automobile & Light Truck', value: 'A1 and A5: $7.50' },
      { label: 'Medium/Heavy Truck', value: 'T2: $7.50' },
    ]);
  });
});

// ---- in Spanish: the catalogue's Spanish names, or the bare code -------------------------------

describe('in Spanish, series, Master statuses and tests are named in Spanish or by code, never in English', () => {
  const es: PersonalContext = { ...ctx, messages: esAccount, language: 'es' };
  const noEnglish = (answer: ReturnType<typeof ask>) =>
    expect(englishSentencesIn([{ channel: 'unit', text: [answer.reply.text, ...(answer.reply.facts ?? []).map((f) => `${f.label}: ${f.value}`)].join('\n') }])).toEqual([]);

  it('duplicates of four series: the Spanish series names as labels, "serie S" where the catalogue has none', () => {
    const account = emptyAccount({
      certifications: [cert('A1', '2023-01-01'), cert('T2', '2023-01-01'), cert('P2', '2022-01-01'), cert('S4', '2023-01-01')],
    });
    const answer = ask({ kind: 'duplicates-all' }, account, es);
    expect(answer.reply.text).toBe('Los duplicados de todos sus certificados costarían $30.00: 4 series de exámenes a $7.50 cada una. Pídalos entrando en myASE.');
    expect(answer.reply.facts?.map((f) => f.label).sort()).toEqual(['Automóvil/Camioneta Ligera', 'Camión Mediano/Pesado', 'Especialista en Partes', 'serie S']);
    noEnglish(answer);
  });

  it('DEMO-0001: one series, named in Spanish in the sentence', async () => {
    const answer = ask({ kind: 'duplicates-all' }, await demo('DEMO-0001'), es);
    expect(answer.reply.text).toBe(
      'Los duplicados de todos sus certificados costarían $7.50: están todos en una serie de exámenes, Automóvil/Camioneta Ligera. Pídalos entrando en myASE.',
    );
  });

  it('DEMO-0001: the Master requirements name the two Master statuses in Spanish', async () => {
    const answer = ask({ kind: 'master' }, await demo('DEMO-0001'), es);
    expect(answer.reply.text).toMatch(
      /^No tiene ninguna de las certificaciones que cuentan para el estatus Master \(A1-A8 para Técnico Maestro de Automóvil y T2-T8 para Técnico Maestro de Camión Mediano\/Pesado\)\./,
    );
    noEnglish(answer);
  });

  it('DEMO-0003: the lapsed Master status in Spanish, the lapsed test by its code', async () => {
    const answer = ask({ kind: 'master' }, await demo('DEMO-0003'), es);
    expect(answer.reply.text).toMatch(/^No: su estatus de Técnico Maestro de Automóvil está suspendido porque A6 venció el viernes, 28 de febrero de 2025\./);
    noEnglish(answer);
  });

  it('two Master statuses come as facts labelled in Spanish', () => {
    const a = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'].map((c) => cert(c, '2023-05-01'));
    const answer = ask({ kind: 'master' }, emptyAccount({ certifications: [...a, cert('T2', '2023-05-01')] }), es);
    expect(answer.reply.facts?.map((f) => f.label)).toEqual(['Técnico Maestro de Automóvil', 'Técnico Maestro de Camión Mediano/Pesado']);
    noEnglish(answer);
  });

  it('DEMO-0001: appointments are labelled by code alone (the catalogue has no Spanish name for A4 or A5)', async () => {
    const answer = ask({ kind: 'appointments' }, await demo('DEMO-0001'), es);
    expect(answer.reply.facts?.map((f) => f.label)).toEqual(['A4', 'A5']);
    noEnglish(answer);
  });

  it('DEMO-0001: G1 is named as the Spanish FAQ names it', async () => {
    const answer = ask({ kind: 'expiry' }, await demo('DEMO-0001'), es);
    expect(answer.reply.text).toMatch(/^Su certificación G1 \(Mantenimiento y Reparación Ligera de Automóviles\) está vigente: vence el /);
    noEnglish(answer);
  });
});

// ---- certificate ---------------------------------------------------------------------------

describe('certificate-status', () => {
  it('DEMO-0002: A1 passed, work experience pending -> delayed until approved, plus the address reminder', async () => {
    const o = offsets('DEMO-0002');
    const answer = ask({ kind: 'certificate-status' }, await demo('DEMO-0002'));
    expect(answer.outcome).toBe('certificate-delayed-pending');
    expect(answer.reply.text).toBe(
      'Your certificate for A1 (Engine Repair) is delayed until your work experience is reviewed and approved, and it is still under review. ' +
        `Your work experience was last updated on ${written(day(-o.workExperience.updatedDaysAgo!))}. ` +
        `${enAccount.certificate.pendingNext} ${enAccount.certificate.address}`,
    );
  });

  it('DEMO-0001, DEMO-0003, DEMO-0004: no recent pass', async () => {
    for (const id of ['DEMO-0001', 'DEMO-0003', 'DEMO-0004']) {
      const answer = ask({ kind: 'certificate-status' }, await demo(id));
      expect(answer.outcome).toBe('certificate-no-recent-pass');
      expect(answer.reply.text).toMatch(new RegExp(`^I don't see a test you passed in the last ${RECENT_PASS_DAYS} days`));
    }
  });

  it('approved: expected about 21 days after the test; overdue after that', () => {
    const pass = (takenOn: string) =>
      emptyAccount({ results: [{ testCode: 'A5', takenOn, outcome: 'pass' }], workExperience: { status: 'approved' } });
    const soon = ask({ kind: 'certificate-status' }, pass('2025-03-10'));
    expect(soon.outcome).toBe('certificate-expected');
    expect(soon.reply.text).toBe(
      `Your A5 (Brakes) certificate should arrive around ${written(plusDays('2025-03-10', 21))}; you passed the test on Monday, March 10, 2025. ` +
        `${enAccount.certificate.expectedNext} ${enAccount.certificate.address}`,
    );
    const late = ask({ kind: 'certificate-status' }, pass('2025-02-01'));
    expect(late.outcome).toBe('certificate-overdue');
    expect(late.reply.text).toMatch(/^Your A5 \(Brakes\) certificate was expected around Saturday, February 22, 2025; .* If it hasn't arrived, ASE Customer Service \(1-800-390-6789\) can help\./);
  });

  it('not submitted and rejected', () => {
    const results = [
      { testCode: 'A5', takenOn: '2025-03-10', outcome: 'pass' as const },
      { testCode: 'A4', takenOn: '2025-03-01', outcome: 'pass' as const },
    ];
    const notSubmitted = ask({ kind: 'certificate-status' }, emptyAccount({ results, workExperience: { status: 'not-submitted' } }));
    expect(notSubmitted.outcome).toBe('certificate-delayed-not-submitted');
    expect(notSubmitted.reply.text).toMatch(
      /^Your certificates for A4 \(Suspension and Steering\) and A5 \(Brakes\) are on hold because your work experience form hasn't been submitted\. Submit the work experience form in myASE/,
    );
    const rejected = ask({ kind: 'certificate-status' }, emptyAccount({ results, workExperience: { status: 'rejected' } }));
    expect(rejected.outcome).toBe('certificate-delayed-rejected');
    expect(rejected.reply.text).toContain('ASE Customer Service (1-800-390-6789)');
  });
});

// ---- purchases -----------------------------------------------------------------------------

describe('purchases', () => {
  it('DEMO-0001: A6 bought 84 days ago has 6 days left; A4 and A5 are booked', async () => {
    const o = offsets('DEMO-0001');
    const lastDay = (code: string) => day(-o.purchasedTests.find((p) => p.code === code)!.purchasedDaysAgo + 90);
    const answer = ask({ kind: 'purchases' }, await demo('DEMO-0001'));
    expect(answer.outcome).toBe('purchases-to-schedule');
    expect(answer.reply.text).toBe("Of the tests you bought and haven't taken: 1 to schedule and 2 booked. Schedule A6 in myASE as soon as you can.");
    expect(answer.reply.facts?.[0]).toEqual({
      label: 'A6 Electrical/Electronic Systems',
      value: `schedule and take by ${written(lastDay('A6'))} (6 days from today)`,
    });
    expect(factFor(answer, 'A4')).toBe(`booked for ${written(day(2))} at 1:30 PM; window ends ${written(lastDay('A4'))}`);
    expect(factFor(answer, 'A5')).toBe(`booked for ${written(day(8))} at 9:00 AM; window ends ${written(lastDay('A5'))}`);
  });

  it('DEMO-0002: the A3 purchase expired untaken', async () => {
    const answer = ask({ kind: 'purchases' }, await demo('DEMO-0002'));
    expect(answer.outcome).toBe('purchases-expired');
    expect(answer.reply.text).toBe(
      `A3 (Manual Drive Train and Axles) expired after ${written(day(-130 + 90))}: its fees are forfeited, and you would have to buy it again (registration fee and test fee). ${enAccount.purchases.nextRebuy}`,
    );
  });

  it('DEMO-0003: the A6 recertification purchase; DEMO-0004: the booked A9', async () => {
    const three = ask({ kind: 'purchases' }, await demo('DEMO-0003'));
    expect(three.reply.text).toBe(`You have until ${written(day(85))} to schedule and take A6 (Electrical/Electronic Systems): 85 days from today. Schedule A6 in myASE as soon as you can.`);
    const four = ask({ kind: 'purchases' }, await demo('DEMO-0004'));
    expect(four.outcome).toBe('purchases-booked');
    expect(four.reply.text).toMatch(new RegExp(`^A9 \\(Light Vehicle Diesel Engines\\) is booked for ${written(day(20))} at 8:00 AM; its 90-day window ends on ${written(day(80))}\\.`));
  });

  it('the last day, and a purchase the account still calls unscheduled after its window', () => {
    const account = emptyAccount({
      purchasedTests: [
        { id: 'p1', code: 'A1', purchasedOn: plusDays(TODAY, -90), status: 'unscheduled' },
        { id: 'p2', code: 'A2', purchasedOn: plusDays(TODAY, -91), status: 'unscheduled' },
        { id: 'p3', code: 'A3', purchasedOn: plusDays(TODAY, -10), status: 'taken' },
      ],
    });
    const answer = ask({ kind: 'purchases' }, account);
    expect(answer.reply.facts).toEqual([
      { label: 'A1 Engine Repair', value: 'today, Thursday, March 20, 2025, is the last day' },
      { label: 'A2 Automatic Transmission/Transaxle', value: 'expired after Wednesday, March 19, 2025; fees forfeited' },
    ]);
  });
});

// ---- every kind, every demo, and an empty account -----------------------------------------

const everyQuestion: PersonalQuestion[] = PERSONAL_KINDS.map((kind) =>
  kind === 'expiring-within' ? { kind, period: 'this-year' } : ({ kind } as PersonalQuestion),
);

describe('every answer', () => {
  it.each(['DEMO-0001', 'DEMO-0002', 'DEMO-0003', 'DEMO-0004'])('%s: dates written out, a full stop, an outcome', async (id) => {
    const account = await demo(id);
    for (const question of everyQuestion) {
      const answer = ask(question, account);
      const all = [answer.reply.text, ...(answer.reply.facts ?? []).map((f) => f.value)].join(' ');
      expect(all, question.kind).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(answer.reply.text, question.kind).toMatch(/[.?]$/);
      expect(answer.outcome, question.kind).toMatch(/^[a-z-]+$/);
      if (answer.reply.facts) expect(answer.reply.facts.length, question.kind).toBeGreaterThan(1);
    }
  });

  it('uses the account\'s home zone for "today", whatever the conversation zone', async () => {
    // 03:00 UTC on 21 March is still 20 March in Chicago (DEMO-0001's zone).
    const account = await demo('DEMO-0001');
    const late = { ...ctx, now: new Date('2025-03-21T03:00:00Z'), zone: 'Europe/London' };
    expect(factFor(ask({ kind: 'purchases' }, account, late), 'A6')).toContain('(6 days from today)');
  });
});

describe('an empty account', () => {
  const empty = emptyAccount();
  const expected: Record<PersonalQuestion['kind'], string> = {
    appointments: 'Your account shows no upcoming test appointments. To book one, schedule it in myASE or call Prometric at 877-346-9327.',
    'cancel-appointment': `You have no upcoming appointments to cancel. ${enAccount.cancel.nextNone}`,
    expiry: 'There are no certifications on your account. If you think one is missing, ASE Customer Service (1-800-390-6789) can check.',
    'expiring-within': 'There are no certifications on your account. If you think one is missing, ASE Customer Service (1-800-390-6789) can check.',
    master:
      "You don't hold any of the certifications that count towards Master status (A1-A8 for Master Automobile Technician and T2-T8 for Master Medium/Heavy Truck Technician). " +
      enAccount.master.earnNext,
    status: 'There are no certifications on your account. If you think one is missing, ASE Customer Service (1-800-390-6789) can check.',
    retest: enAccount.retest.none,
    results: enAccount.results.none,
    'duplicates-all':
      "There are no certifications on your account, so there's nothing to duplicate. If you think one is missing, ASE Customer Service (1-800-390-6789) can check.",
    'certificate-status': `I don't see a test you passed in the last ${RECENT_PASS_DAYS} days, so no new certificate is on its way. If a certificate from an earlier test never arrived, ASE Customer Service (1-800-390-6789) can help.`,
    purchases: 'You have no tests bought and waiting to be taken. Once you buy a test, you have 90 days to schedule and take it.',
    exception:
      'Your account shows no upcoming test appointments, so the three-day rule is not holding one up. I have nothing on exceptions: the FAQ I answer from gives none to the three-day rule. Prometric (877-346-9327) or ASE Customer Service (1-800-390-6789) are the ones to ask.',
  };

  it.each(everyQuestion.map((q) => [q.kind, q] as const))('%s', (kind, question) => {
    const answer = ask(question, empty);
    expect(answer.reply.text).toBe(expected[kind]);
    expect(answer.reply.facts).toBeUndefined();
    expect(answer.cancellable).toBeUndefined();
  });

  it('also for the next-90-days period and named tests', () => {
    expect(ask({ kind: 'expiring-within', period: 'next-90-days' }, empty).outcome).toBe('expiring-none-held');
    expect(ask({ kind: 'expiry', tests: ['A5'] }, empty).reply.text).toMatch(/^There's no A5 \(Brakes\) certification on your account\./);
    expect(ask({ kind: 'retest', tests: ['A5'] }, empty).reply.text).toBe(enAccount.retest.noResult('A5 (Brakes)', 'A5'));
    expect(ask({ kind: 'appointments', tests: ['A5'] }, empty).reply.text).toMatch(/^You have no upcoming appointment for A5 \(Brakes\)\./);
    expect(ask({ kind: 'cancel-appointment', tests: ['A5'] }, empty).outcome).toBe('cancel-no-appointments');
  });

  it('falls back to the conversation zone when the account has none', () => {
    // Bought 20 December 2024: the last day is 20 March 2025.
    const noZone = emptyAccount({ purchasedTests: [{ id: 'p1', code: 'A1', purchasedOn: '2024-12-20', status: 'unscheduled' }] });
    delete noZone.profile.timeZone;
    // 02:00 UTC on 21 March: 20 March in New York (last day), 21 March in London (expired).
    const at = new Date('2025-03-21T02:00:00Z');
    expect(ask({ kind: 'purchases' }, noZone, { ...ctx, now: at, zone: 'America/New_York' }).outcome).toBe('purchases-to-schedule');
    expect(ask({ kind: 'purchases' }, noZone, { ...ctx, now: at, zone: 'Europe/London' }).outcome).toBe('purchases-expired');
  });
});

// ---- builders ------------------------------------------------------------------------------

function emptyAccount(parts: Partial<CandidateAccount> = {}): CandidateAccount {
  return {
    profile: { candidateId: 'cand-x', aseId: 'TEST-0000', firstName: 'Test', lastName: 'Person', timeZone: 'America/Chicago' },
    purchasedTests: [],
    appointments: [],
    results: [],
    certifications: [],
    workExperience: { status: 'approved' },
    ...parts,
  };
}

function appointment(id: string, purchaseId: string, testCode: string, start: string, timeZone: string): Appointment {
  return { id, purchaseId, testCode, start, timeZone, centre: { name: 'Test Centre (fictional)', city: 'Springfield', state: 'IL' } };
}

/** A certification passed on `passedOn`, expiring five years later (as the rules compute). */
function cert(testCode: string, passedOn: string) {
  const [y, rest] = [Number(passedOn.slice(0, 4)), passedOn.slice(4)];
  return { testCode, passedOn, expiresOn: `${y + 5}${rest}` };
}
