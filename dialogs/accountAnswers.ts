import type { Language } from '../src/language/languages.js';
/**
 * Answers to questions about the candidate's own account (see personalIntent.ts), worked out with
 * the pure policy rules (src/rules/) on the account's real dates. Pure: the account, `now`, the
 * zone, the policy, the catalogue and the messages come in; a Reply comes out. Nothing is read from
 * the clock, the network or the store.
 *
 * Every answer gives the result first, writes dates out ("Thursday, April 3, 2025"), ends with one
 * next step, and lists several items as facts. Every sentence comes from src/messages/enAccount.ts.
 *
 * Which "today": purchase windows, expiry, retest dates and certificates are counted in the
 * candidate's home zone from the account (profile.timeZone), or `ctx.zone` when the account holds
 * none. Appointments are judged in the test centre's zone, as the 72-hour rule requires.
 */

import { DateTime } from 'luxon';
import type { Reply, ReplyFact } from '../src/conversation/reply.js';
import type { AccountMessages } from '../src/messages/enAccount.js';
import { catalogueNames } from '../src/messages/catalogueNames.js';
import {
  addDays,
  certificateTiming,
  certificationExpiry,
  changeEligibility,
  daysBetween,
  duplicateCost,
  masterStatus,
  noShow,
  normaliseCode,
  purchaseLastDay,
  purchaseWindow,
  recertification,
  retestDate,
  todayIn,
  type Catalogue,
  type ChangeDecision,
  type ExpiryDecision,
  type IsoDate,
  type MasterDecision,
  type Policy,
  type RetestDecision,
} from '../src/rules/index.js';
import { formatLongDate, formatTime } from '../src/understanding/dates.js';
import type { ExpiringPeriod, PersonalQuestion } from '../src/understanding/accountQuestions.js';
import { heldCertifications, latestResult, purchaseOf, toRuleAppointment } from '../src/account/ruleFacts.js';
import type { Appointment, CandidateAccount, Certification, PurchasedTest, TestResult } from '../src/account/types.js';

export interface PersonalContext {
  now: Date;
  /** The conversation's zone; used for "today" only when the account holds no profile.timeZone. */
  zone: string;
  policy: Policy;
  catalogue: Catalogue;
  messages: AccountMessages;
  /** The language of `messages`: dates are written in it too. */
  language: Language;
  /** The day some words of the message name ("next week"), read with the turn's one date parse. */
  dateOf?: (words: string) => IsoDate | undefined;
}

export interface CancellableAppointment {
  appointmentId: string;
  /** Names the test, the date and the time: "A5 (Brakes) appointment on Friday, March 28, 2025 at 9:00 AM". */
  label: string;
}

export interface PersonalAnswer {
  reply: Reply;
  /** What happened, for the turn event (no personal data): 'appointments-listed', 'master-lapsed', ... */
  outcome: string;
  /** cancel-appointment only: the appointments that may be cancelled now. */
  cancellable?: CancellableAppointment[];
}

/** A pass is "recent" for the certificate question when taken this many days ago or fewer (bot choice). */
export const RECENT_PASS_DAYS = 90;

/** The answer to `question` from `account`. */
export function answerPersonal(question: PersonalQuestion, account: CandidateAccount, ctx: PersonalContext): PersonalAnswer {
  switch (question.kind) {
    case 'appointments':
      return answerAppointments(account, ctx, question.tests, question.position);
    case 'cancel-appointment':
      return answerCancelAppointment(account, ctx, question.tests, question.position, question.refund);
    case 'expiry':
      return question.first ? answerExpiresFirst(account, ctx) : answerExpiry(account, ctx, question.tests);
    case 'expiring-within':
      return answerExpiringWithin(account, ctx, question.period);
    case 'master':
      return answerMaster(account, ctx);
    case 'status':
      return answerStatus(account, ctx);
    case 'retest':
      return answerRetest(account, ctx, question.tests, question.missedOnly);
    case 'results':
      return answerResults(account, ctx, question.tests);
    case 'duplicates-all':
      return answerDuplicatesAll(account, ctx);
    case 'certificate-status':
      return answerCertificateStatus(account, ctx);
    case 'purchases':
      return question.tests?.length && question.on ? answerPurchaseOn(account, ctx, question.tests, question.on) : answerPurchases(account, ctx);
    case 'exception':
      return answerException(account, ctx);
  }
}

// ---- shared helpers ------------------------------------------------------------------------

const sentences = (...parts: Array<string | undefined | false>): string => parts.filter(Boolean).join(' ');

const answer = (outcome: string, text: string, facts?: ReplyFact[], extra: Partial<Reply> = {}): PersonalAnswer => ({
  reply: { text, ...(facts && facts.length > 0 ? { facts } : {}), ...extra },
  outcome,
});

const homeZone = (account: CandidateAccount, ctx: PersonalContext): string => account.profile.timeZone ?? ctx.zone;
const todayFor = (account: CandidateAccount, ctx: PersonalContext): IsoDate => todayIn(ctx.now, homeZone(account, ctx));
const long = (ctx: PersonalContext, date: IsoDate): string => formatLongDate(date, ctx.language);

/** The catalogue's names in the answer's language (a test without one is named by its code alone). */
const namesFor = (ctx: PersonalContext) => catalogueNames(ctx.catalogue, ctx.language);
const testName = (ctx: PersonalContext, code: string): string | undefined => namesFor(ctx).test(code);
/** 'A5 (Brakes)'. */
const testOf = (ctx: PersonalContext, code: string): string => ctx.messages.test(normaliseCode(code), testName(ctx, code));
/** 'A5 Brakes', for a facts label. */
const labelOf = (ctx: PersonalContext, code: string): string => ctx.messages.testLabel(normaliseCode(code), testName(ctx, code));
const testsOf = (ctx: PersonalContext, codes: string[]): string => ctx.messages.list(codes.map((c) => testOf(ctx, c)));
const has = (codes: string[] | undefined, code: string): boolean =>
  codes === undefined || codes.length === 0 || codes.some((c) => normaliseCode(c) === normaliseCode(code));

/** One certification per test: the one with the latest expiry. Sorted by expiry, soonest first. */
function latestCertifications(account: CandidateAccount): Certification[] {
  const byCode = new Map<string, Certification>();
  for (const c of account.certifications) {
    const code = normaliseCode(c.testCode);
    const prev = byCode.get(code);
    if (!prev || c.expiresOn > prev.expiresOn) byCode.set(code, { ...c, testCode: code });
  }
  return [...byCode.values()].sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.testCode.localeCompare(b.testCode));
}

// ---- appointments --------------------------------------------------------------------------

interface AppointmentView {
  appointment: Appointment;
  code: string;
  /** 'A5 (Brakes)'. */
  test: string;
  /** 'Friday, March 28, 2025'. */
  date: string;
  /** '9:00 AM'. */
  time: string;
  /** 'Friday, March 28, 2025 at 9:00 AM'. */
  when: string;
  place: string;
  change: ChangeDecision;
  /** The last moment to change, written out in the centre's time: 'Tuesday, March 25, 2025 at 9:00 AM'. */
  deadline: string;
  /** purchase + 90 days, when the purchase is known. */
  windowLastDay: IsoDate | null;
  startMs: number;
}

function viewAppointment(a: Appointment, account: CandidateAccount, ctx: PersonalContext): AppointmentView {
  const m = ctx.messages;
  const local = toRuleAppointment(a);
  const time = local.time ?? '00:00';
  const purchase = purchaseOf(account, a);
  const change = changeEligibility(
    { appointment: local, now: ctx.now, ...(purchase ? { purchaseDate: purchase.purchasedOn } : {}) },
    ctx.policy,
  );
  const deadline = DateTime.fromISO(change.deadline, { setZone: true });
  const date = long(ctx, local.date);
  return {
    appointment: a,
    code: normaliseCode(a.testCode),
    test: testOf(ctx, a.testCode),
    date,
    time: formatTime(time, ctx.language),
    when: m.dateTime(date, formatTime(time, ctx.language)),
    place: m.place(a.centre.name, a.centre.city, a.centre.state),
    change,
    deadline: m.dateTime(long(ctx, change.deadlineLocalDate), formatTime(deadline.toFormat('HH:mm'), ctx.language)),
    windowLastDay: purchase ? purchaseLastDay(purchase.purchasedOn, ctx.policy) : null,
    startMs: DateTime.fromISO(change.appointmentStart, { setZone: true }).toMillis(),
  };
}

/** Appointments that have not started yet, soonest first. */
function upcoming(account: CandidateAccount, ctx: PersonalContext): AppointmentView[] {
  return account.appointments
    .map((a) => viewAppointment(a, account, ctx))
    .filter((v) => v.change.verdict !== 'appointment-passed')
    .sort((a, b) => a.startMs - b.startMs);
}

/** Unscheduled purchases still inside their window: what the candidate could book. */
function openPurchases(account: CandidateAccount, ctx: PersonalContext): Array<{ purchase: PurchasedTest; lastDay: IsoDate; daysLeft: number }> {
  const zone = homeZone(account, ctx);
  return account.purchasedTests
    .filter((p) => p.status === 'unscheduled')
    .map((p) => ({ purchase: p, window: purchaseWindow({ purchaseDate: p.purchasedOn, now: ctx.now, zone }, ctx.policy) }))
    .filter(({ window }) => !window.expired)
    .map(({ purchase, window }) => ({ purchase, lastDay: window.lastDay, daysLeft: window.daysLeft }))
    .sort((a, b) => a.lastDay.localeCompare(b.lastDay));
}

/** The next step for renewing `code`: an appointment already booked, a purchase to schedule, or none. */
function renewalInHand(code: string, account: CandidateAccount, ctx: PersonalContext, booked: AppointmentView[]): string | undefined {
  const m = ctx.messages;
  const appointment = booked.find((v) => v.code === normaliseCode(code));
  if (appointment) return m.alreadyBooked(appointment.code, appointment.when);
  const purchase = openPurchases(account, ctx).find((p) => normaliseCode(p.purchase.code) === normaliseCode(code));
  if (purchase) return m.alreadyBought(normaliseCode(code), long(ctx, purchase.lastDay));
  return undefined;
}

/** The appointment at `position` in date order ("the second one"; -1 the last), when there is one. */
function atPosition(all: AppointmentView[], position?: number): AppointmentView[] {
  if (!position || all.length < 2) return all;
  const one = all.at(position > 0 ? position - 1 : position);
  return one ? [one] : all;
}

export function answerAppointments(account: CandidateAccount, ctx: PersonalContext, tests?: string[], position?: number): PersonalAnswer {
  const m = ctx.messages.appointments;
  const cutoff = ctx.policy.changeCutoffHours.value;
  const windowDays = ctx.policy.purchaseWindowDays.value;
  const today = todayFor(account, ctx);
  const all = upcoming(account, ctx);
  const matching = atPosition(all, position).filter((v) => has(tests, v.code));
  const missingNamed = tests && tests.length > 0 && matching.length === 0 ? m.noneFor(testsOf(ctx, tests)) : undefined;
  const items = matching.length > 0 ? matching : all;

  if (items.length === 0) {
    const open = openPurchases(account, ctx);
    const toSchedule = open.map((p) => m.scheduleBy(testOf(ctx, p.purchase.code), long(ctx, p.lastDay)));
    return answer(
      'appointments-none',
      sentences(missingNamed ?? m.none, toSchedule.length > 0 && m.toSchedule(ctx.messages.list(toSchedule)), m.howToSchedule(ctx.policy.phones.prometric.value)),
    );
  }

  const newDate = (v: AppointmentView, short: boolean): string | undefined => {
    if (!v.change.allowed || v.windowLastDay === null) return undefined;
    const lastDay = long(ctx, v.windowLastDay);
    if (short) return m.factNewDateBy(lastDay);
    return v.windowLastDay >= today ? m.newDateBy(lastDay, windowDays) : m.noNewDate(lastDay, windowDays);
  };
  const changeable = items.filter((v) => v.change.allowed).length;
  const next = changeable > 0 ? m.nextChange : m.nextTooLate(ctx.policy.phones.prometric.value);
  const extra = changeable > 0 ? { suggestions: [{ ...m.suggestCancel }] } : {};

  if (items.length === 1) {
    const v = items[0] as AppointmentView;
    return answer(
      'appointments-listed',
      sentences(
        missingNamed,
        m.one(v.test, v.when, v.place),
        v.change.allowed ? m.canChange(v.deadline) : m.tooLate(cutoff),
        newDate(v, false),
        next,
      ),
      undefined,
      extra,
    );
  }
  const facts = items.map((v) => ({
    label: labelOf(ctx, v.code),
    value: sentences(m.factWhen(v.when, v.place), v.change.allowed ? m.factCanChange(v.deadline) : m.factTooLate(cutoff), newDate(v, true)),
  }));
  return answer('appointments-listed', sentences(missingNamed, m.summary(items.length, changeable), next), facts, extra);
}

export function answerCancelAppointment(account: CandidateAccount, ctx: PersonalContext, tests?: string[], position?: number, refundAsked = false): PersonalAnswer {
  const m = ctx.messages.cancel;
  const cutoff = ctx.policy.changeCutoffHours.value;
  // "can I cancel it and get a refund?": what refunds the test, after where each appointment stands.
  const refund = refundAsked ? m.refund(ctx.policy.phones.prometric.value) : undefined;
  const all = upcoming(account, ctx);
  if (all.length === 0) return answer('cancel-no-appointments', sentences(m.none, m.nextNone));
  const items = atPosition(all, position).filter((v) => has(tests, v.code));
  // Never offer to cancel an appointment the candidate did not name.
  if (items.length === 0) {
    return answer('cancel-no-matching-appointment', sentences(m.noneFor(testsOf(ctx, tests ?? [])), ctx.messages.appointments.nextNone));
  }
  const labelFor = (v: AppointmentView) => m.label(v.test, v.date, v.time);
  const open = items.filter((v) => v.change.allowed);
  const closed = items.filter((v) => !v.change.allowed).map((v) => m.tooLate(labelFor(v), cutoff));
  if (open.length === 0) {
    return answer('cancel-too-late', sentences(...closed, refundAsked && m.noRefundWithin, ctx.messages.appointments.nextTooLate(ctx.policy.phones.prometric.value)));
  }
  const cancellable = open.map((v) => ({ appointmentId: v.appointment.id, label: labelFor(v) }));
  if (open.length === 1) {
    const v = open[0] as AppointmentView;
    const keeps = v.windowLastDay !== null && v.windowLastDay >= todayFor(account, ctx) ? m.keepsPurchase(long(ctx, v.windowLastDay)) : undefined;
    return { ...answer('cancel-offered', sentences(m.one(labelFor(v), v.deadline), keeps, ...closed, refund)), cancellable };
  }
  const facts = open.map((v) => ({ label: labelOf(ctx, v.code), value: sentences(ctx.messages.appointments.factWhen(v.when, v.place), m.factCancelBefore(v.deadline)) }));
  return { ...answer('cancel-offered', sentences(m.many(open.length), ...closed, refund), facts), cancellable };
}

// ---- certifications ------------------------------------------------------------------------

interface CertView {
  code: string;
  test: string;
  expiry: ExpiryDecision;
  /** Simplified: a passed date in the future (bad data) counts as current. */
  status: 'current' | 'soon' | 'lapsed';
}

function viewCertifications(certs: Certification[], account: CandidateAccount, ctx: PersonalContext): CertView[] {
  const zone = homeZone(account, ctx);
  return certs.map((c) => {
    const expiry = certificationExpiry({ passedOn: c.passedOn, now: ctx.now, zone }, ctx.policy);
    const status = expiry.verdict === 'expired' ? 'lapsed' : expiry.verdict === 'expiring-soon' ? 'soon' : 'current';
    return { code: c.testCode, test: testOf(ctx, c.testCode), expiry, status };
  });
}

function recertNote(v: CertView, account: CandidateAccount, ctx: PersonalContext): string {
  const m = ctx.messages.expiry;
  if (v.status === 'current') return m.recertBefore(ctx.policy.validityYears.value);
  const recert = recertification(
    { certifiedOn: v.expiry.passedOn, now: ctx.now, zone: homeZone(account, ctx), previouslyCertified: true },
    ctx.policy,
  );
  const newExpiry = long(ctx, recert.newExpiresOn as IsoDate);
  return v.status === 'soon' ? m.recertSoon(newExpiry, recert.daysNotCarriedOver ?? 0) : m.recertLapsed(newExpiry);
}

/** The next step when something needs renewing: what is already bought or booked, else buy it. */
function renewNext(codes: string[], account: CandidateAccount, ctx: PersonalContext): string {
  const booked = upcoming(account, ctx);
  for (const code of codes) {
    const inHand = renewalInHand(code, account, ctx, booked);
    if (inHand) return inHand;
  }
  return ctx.messages.buyRecertInMyAse;
}

export function answerExpiry(account: CandidateAccount, ctx: PersonalContext, tests?: string[]): PersonalAnswer {
  const m = ctx.messages.expiry;
  const phone = ctx.policy.phones.aseCustomerService.value;
  const certs = latestCertifications(account);
  const named = tests && tests.length > 0 ? tests.map(normaliseCode) : undefined;
  const held = certs.filter((c) => has(named, c.testCode));
  const notHeld = named ? named.filter((code) => !certs.some((c) => c.testCode === code)) : [];
  const notHeldText = notHeld.length > 0 ? m.notHeld(testsOf(ctx, notHeld)) : undefined;
  if (held.length === 0) return answer('expiry-none', sentences(notHeldText ?? m.none, m.nextNone(phone)));

  const views = viewCertifications(held, account, ctx);
  const renew = views.filter((v) => v.status !== 'current').map((v) => v.code);
  const next = renew.length > 0 ? renewNext(renew, account, ctx) : m.nextReminders;
  const outcome = renew.length > 0 ? 'expiry-action-needed' : 'expiry-all-current';

  if (views.length === 1) {
    const v = views[0] as CertView;
    const status =
      v.status === 'lapsed'
        ? m.lapsed(v.test, long(ctx, v.expiry.expiresOn))
        : v.status === 'soon'
          ? m.soon(v.test, long(ctx, v.expiry.expiresOn), v.expiry.daysLeft)
          : m.current(v.test, long(ctx, v.expiry.expiresOn));
    return answer(outcome, sentences(status, recertNote(v, account, ctx), notHeldText, next));
  }
  const count = (s: CertView['status']) => views.filter((v) => v.status === s).length;
  const facts = views.map((v) => ({
    label: labelOf(ctx, v.code),
    value:
      v.status === 'lapsed'
        ? m.factLapsed(long(ctx, v.expiry.expiresOn))
        : v.status === 'soon'
          ? m.factSoon(long(ctx, v.expiry.expiresOn), v.expiry.daysLeft)
          : m.factCurrent(long(ctx, v.expiry.expiresOn)),
  }));
  return answer(
    outcome,
    sentences(
      m.summary(views.length, count('current'), count('soon'), count('lapsed')),
      renew.length > 0 && m.recertMany(ctx.policy.validityYears.value),
      notHeldText,
      next,
    ),
    facts,
  );
}

/**
 * "which one expires first": the current certification (or several on the same day) whose expiry the
 * rules put earliest, then any already lapsed, then the next step. No certification: as `answerExpiry`.
 */
export function answerExpiresFirst(account: CandidateAccount, ctx: PersonalContext): PersonalAnswer {
  const m = ctx.messages.expiry;
  const certs = latestCertifications(account);
  if (certs.length === 0) return answerExpiry(account, ctx);
  const views = viewCertifications(certs, account, ctx);
  const open = views.filter((v) => v.status !== 'lapsed').sort((a, b) => a.expiry.expiresOn.localeCompare(b.expiry.expiresOn));
  const lapsed = views.filter((v) => v.status === 'lapsed');
  const lapsedText =
    lapsed.length > 0 ? ctx.messages.within.alreadyLapsed(ctx.messages.list(lapsed.map((v) => ctx.messages.within.lapsedItem(v.test, long(ctx, v.expiry.expiresOn))))) : undefined;
  const earliest = open[0];
  // Every one has lapsed: which lapsed first is no help; the certifications as usual.
  if (!earliest) return answerExpiry(account, ctx);
  const first = open.filter((v) => v.expiry.expiresOn === earliest.expiry.expiresOn);
  const renew = [...first.filter((v) => v.status === 'soon'), ...lapsed].map((v) => v.code);
  const next = renew.length > 0 ? renewNext(renew, account, ctx) : m.recertBefore(ctx.policy.validityYears.value);
  const named = ctx.messages.list(first.map((v) => v.test));
  return answer(
    renew.length > 0 ? 'expiry-first-action-needed' : 'expiry-first',
    sentences(m.first(named, first.length > 1, long(ctx, earliest.expiry.expiresOn), earliest.expiry.daysLeft), lapsedText, next),
  );
}

/** The last day of the period: 31 December of this year, or today + 90 days. */
function periodEnd(period: ExpiringPeriod, today: IsoDate): IsoDate {
  return period === 'this-year' ? `${today.slice(0, 4)}-12-31` : addDays(today, 90);
}

export function answerExpiringWithin(account: CandidateAccount, ctx: PersonalContext, period: ExpiringPeriod): PersonalAnswer {
  const m = ctx.messages.within;
  const certs = latestCertifications(account);
  if (certs.length === 0) {
    return answer('expiring-none-held', sentences(ctx.messages.expiry.none, ctx.messages.expiry.nextNone(ctx.policy.phones.aseCustomerService.value)));
  }
  const today = todayFor(account, ctx);
  const end = periodEnd(period, today);
  const periodText = period === 'this-year' ? m.thisYear(long(ctx, end)) : m.next90(long(ctx, end));
  const views = viewCertifications(certs, account, ctx);
  const inPeriod = views.filter((v) => v.status !== 'lapsed' && v.expiry.expiresOn <= end);
  const later = views.filter((v) => v.status !== 'lapsed' && v.expiry.expiresOn > end);
  const lapsed = views.filter((v) => v.status === 'lapsed');
  const lapsedText =
    lapsed.length > 0 ? m.alreadyLapsed(ctx.messages.list(lapsed.map((v) => m.lapsedItem(v.test, long(ctx, v.expiry.expiresOn))))) : undefined;
  const renew = [...inPeriod, ...lapsed].map((v) => v.code);
  const next = renew.length > 0 ? renewNext(renew, account, ctx) : ctx.messages.expiry.nextReminders;

  if (inPeriod.length === 0) {
    const first = later[0];
    return answer(
      'expiring-none-in-period',
      sentences(m.none(periodText), first && m.nextAfter(first.test, long(ctx, first.expiry.expiresOn)), lapsedText, next),
    );
  }
  if (inPeriod.length === 1) {
    const v = inPeriod[0] as CertView;
    return answer('expiring-listed', sentences(m.one(v.test, long(ctx, v.expiry.expiresOn), periodText), lapsedText, next));
  }
  const facts = inPeriod.map((v) => ({ label: labelOf(ctx, v.code), value: m.factExpires(long(ctx, v.expiry.expiresOn), v.expiry.daysLeft) }));
  return answer('expiring-listed', sentences(m.many(inPeriod.length, periodText), lapsedText, next), facts);
}

// ---- Master status -------------------------------------------------------------------------

/** 'A1-A8' for a run of one letter; otherwise 'T2, T4 and T5'. */
function codesText(codes: string[], ctx: PersonalContext): string {
  const letter = codes[0]?.[0];
  const numbers = codes.map((c) => Number(c.slice(1)));
  const run = codes.length > 2 && codes.every((c, i) => c[0] === letter && numbers[i] === (numbers[0] as number) + i);
  return run ? ctx.messages.master.range(codes[0] as string, codes[codes.length - 1] as string) : ctx.messages.list(codes);
}

/** The Master status of each series the account holds a required certification of. */
function masterDecisions(account: CandidateAccount, ctx: PersonalContext): MasterDecision[] {
  const held = new Set(account.certifications.map((c) => normaliseCode(c.testCode)));
  const zone = homeZone(account, ctx);
  return ctx.catalogue.series
    .filter((s) => s.master?.requiredTests.some((code) => held.has(code)))
    .map((s) => masterStatus({ seriesId: s.id, certifications: heldCertifications(account), now: ctx.now, zone }, ctx.catalogue, ctx.policy));
}

/** 'A6 (Electrical/Electronic Systems) lapsed on Tuesday, November 17, 2026', for each required one lapsed. */
const lapsedItemsOf = (d: MasterDecision, ctx: PersonalContext): string =>
  ctx.messages.list(d.required.filter((r) => r.status === 'lapsed').map((r) => ctx.messages.master.lapsedItem(testOf(ctx, r.test), long(ctx, r.expiresOn as IsoDate))));

export function answerMaster(account: CandidateAccount, ctx: PersonalContext): PersonalAnswer {
  const m = ctx.messages.master;
  const decisions = masterDecisions(account, ctx);
  if (decisions.length === 0) {
    const withMaster = ctx.catalogue.series.filter((s) => s.master);
    const requirements = withMaster.map((s) => m.requirement(codesText(s.master?.requiredTests ?? [], ctx), namesFor(ctx).master(s.id)));
    return answer('master-none', sentences(m.noneRelevant(ctx.messages.list(requirements)), m.earnNext));
  }
  const lapsedItems = (d: MasterDecision) => lapsedItemsOf(d, ctx);
  const nextFor = (d: MasterDecision): string =>
    d.verdict === 'holds' ? m.holdsNext : d.verdict === 'lapsed' ? renewNext(d.lapsed, account, ctx) : m.incompleteNext;

  if (decisions.length === 1) {
    const d = decisions[0] as MasterDecision;
    const name = namesFor(ctx).master(d.seriesId);
    if (d.verdict === 'holds') {
      const first = d.earliestExpiry as { test: string; expiresOn: IsoDate };
      return answer('master-holds', sentences(m.holds(name, testOf(ctx, first.test), long(ctx, first.expiresOn)), nextFor(d)));
    }
    if (d.verdict === 'lapsed') {
      return answer('master-lapsed', sentences(m.lapsed(name, lapsedItems(d)), m.reinstate(ctx.messages.list(d.lapsed)), nextFor(d)));
    }
    const required = codesText(d.required.map((r) => r.test), ctx);
    return answer(
      'master-incomplete',
      sentences(m.incomplete(name, required, codesText(d.missing, ctx)), d.lapsed.length > 0 && m.alsoLapsed(lapsedItems(d)), nextFor(d)),
    );
  }
  const facts = decisions.map((d) => ({
    label: namesFor(ctx).master(d.seriesId),
    value:
      d.verdict === 'holds' && d.earliestExpiry
        ? m.factHolds(d.earliestExpiry.test, long(ctx, d.earliestExpiry.expiresOn))
        : d.verdict === 'lapsed'
          ? m.factLapsed(ctx.messages.list(d.lapsed))
          : m.factIncomplete(codesText(d.missing, ctx)),
  }));
  const needsWork = decisions.find((d) => d.verdict !== 'holds');
  return answer('master-several', sentences(m.many(decisions.length), nextFor(needsWork ?? (decisions[0] as MasterDecision))), facts);
}

// ---- status --------------------------------------------------------------------------------

/**
 * "what's my status?": where the candidate stands, at a glance. The Master status of each series
 * they hold a required certification of, said as a statement, then every certification with its
 * expiry (the answer to "what certifications do I have?").
 */
export function answerStatus(account: CandidateAccount, ctx: PersonalContext): PersonalAnswer {
  const m = ctx.messages.status;
  const master = masterDecisions(account, ctx).map((d) => {
    const name = namesFor(ctx).master(d.seriesId);
    return d.verdict === 'holds' ? m.holds(name) : d.verdict === 'lapsed' ? m.lapsed(name, lapsedItemsOf(d, ctx)) : m.incomplete(name, codesText(d.missing, ctx));
  });
  const certifications = answerExpiry(account, ctx);
  return { ...certifications, reply: { ...certifications.reply, text: sentences(...master, certifications.reply.text) }, outcome: `status-${certifications.outcome}` };
}

// ---- retest --------------------------------------------------------------------------------

interface RetestItem {
  code: string;
  result: TestResult;
  retest?: RetestDecision;
  noShowPosted?: boolean;
}

export function answerRetest(account: CandidateAccount, ctx: PersonalContext, tests?: string[], missedOnly = false): PersonalAnswer {
  const m = ctx.messages.retest;
  const zone = homeZone(account, ctx);
  const fullDays = ctx.policy.retestWaitFullDays.value;
  const items: RetestItem[] = [];
  for (const written of [...new Set(account.results.map((r) => r.testCode))].filter((c) => has(tests, c))) {
    const result = latestResult(account, written);
    const code = normaliseCode(written);
    if (!result) continue;
    if (result.outcome === 'fail' && !missedOnly) {
      items.push({ code, result, retest: retestDate({ failedOn: result.takenOn, now: ctx.now, zone }, ctx.policy) });
    } else if (result.outcome === 'no-show') {
      const decision = noShow(
        { appointmentDate: result.takenOn, ...(result.noShowPosted === undefined ? {} : { resultPosted: result.noShowPosted }) },
        ctx.policy,
      );
      items.push({ code, result, noShowPosted: decision.canRebuyNow });
    }
  }
  items.sort((a, b) => (a.retest ? 0 : 1) - (b.retest ? 0 : 1) || a.result.takenOn.localeCompare(b.result.takenOn));

  // Named tests with nothing to wait for: say why.
  const named = (tests ?? []).map(normaliseCode).filter((code) => !items.some((i) => i.code === code));
  const namedNotes = named.map((code) => {
    const latest = account.results.filter((r) => normaliseCode(r.testCode) === code);
    return latest.length > 0 ? m.notFailed(testOf(ctx, code)) : m.noResult(testOf(ctx, code), code);
  });
  if (items.length === 0) return answer('retest-none', sentences(namedNotes.length > 0 ? namedNotes.join(' ') : missedOnly ? m.noneMissed : m.none));

  const waiting = items.some((i) => i.retest && i.retest.daysToWait > 0);
  const next = waiting ? m.nextWait : m.nextNow;
  const sentenceFor = (i: RetestItem): string => {
    const test = testOf(ctx, i.code);
    if (i.retest) {
      return i.retest.daysToWait > 0
        ? m.wait(test, long(ctx, i.retest.earliestPurchaseDate), i.retest.daysToWait, long(ctx, i.retest.failedOn), fullDays)
        : m.now(test, long(ctx, i.retest.failedOn), fullDays);
    }
    return i.noShowPosted ? m.noShowPosted(test, long(ctx, i.result.takenOn)) : m.noShowWaiting(test, long(ctx, i.result.takenOn));
  };
  const outcome = items.some((i) => i.retest) ? (waiting ? 'retest-wait' : 'retest-can-buy') : 'retest-no-show-only';
  if (items.length <= 2) return answer(outcome, sentences(...items.map(sentenceFor), ...namedNotes, next));
  const facts = items.map((i) => ({
    label: labelOf(ctx, i.code),
    value: i.retest
      ? i.retest.daysToWait > 0
        ? m.factWait(long(ctx, i.retest.earliestPurchaseDate), i.retest.daysToWait)
        : m.factNow
      : i.noShowPosted
        ? m.factNoShowPosted
        : m.factNoShowWaiting,
  }));
  return answer(outcome, sentences(m.many(items.length), ...namedNotes, next), facts);
}

// ---- duplicates ----------------------------------------------------------------------------

export function answerDuplicatesAll(account: CandidateAccount, ctx: PersonalContext): PersonalAnswer {
  const m = ctx.messages.duplicates;
  const codes = latestCertifications(account).map((c) => c.testCode);
  const cost = duplicateCost({ tests: codes }, ctx.catalogue, ctx.policy);
  if (cost.seriesCount === 0) return answer('duplicates-none', sentences(m.none, ctx.messages.expiry.nextNone(ctx.policy.phones.aseCustomerService.value)));
  const usd = ctx.messages.usd;
  const total = usd(cost.totalUsd);
  const fee = usd(cost.feePerSeriesUsd);
  if (cost.seriesCount === 1) {
    return answer('duplicates-priced', sentences(m.oneSeries(total, namesFor(ctx).series((cost.series[0] as { seriesId: string }).seriesId)), m.next));
  }
  const facts = cost.series.map((s) => ({ label: namesFor(ctx).series(s.seriesId), value: m.factSeries(ctx.messages.list(s.tests), fee) }));
  return answer('duplicates-priced', sentences(m.manySeries(total, cost.seriesCount, fee), m.next), facts);
}

// ---- results -------------------------------------------------------------------------------

/** "did I pass?": the latest result of each test (of those named), newest first, and what follows from a fail. */
export function answerResults(account: CandidateAccount, ctx: PersonalContext, tests?: string[]): PersonalAnswer {
  const m = ctx.messages.results;
  const latest = [...new Set(account.results.map((r) => normaliseCode(r.testCode)))]
    .filter((code) => has(tests, code))
    .flatMap((code) => latestResult(account, code) ?? [])
    .sort((a, b) => b.takenOn.localeCompare(a.takenOn));
  // "did I pass A5?" with only a G1 result on the account: no A5 result, not "no results at all".
  if (latest.length === 0 && tests?.length && account.results.length > 0) return answer('results-none', m.noneFor(ctx.messages.list(tests.map((code) => testOf(ctx, code)))));
  if (latest.length === 0) return answer('results-none', m.none);
  // A fail or a No Show says at once when the test can be bought again (the retest answer's words).
  const zone = homeZone(account, ctx);
  const r = ctx.messages.retest;
  const fullDays = ctx.policy.retestWaitFullDays.value;
  const said = latest.map((result) => {
    const test = testOf(ctx, result.testCode);
    const outcome = m[result.outcome](test, long(ctx, result.takenOn));
    if (result.outcome === 'fail') {
      const retest = retestDate({ failedOn: result.takenOn, now: ctx.now, zone }, ctx.policy);
      return sentences(outcome, retest.daysToWait > 0 ? r.wait(test, long(ctx, retest.earliestPurchaseDate), retest.daysToWait, long(ctx, retest.failedOn), fullDays) : r.now(test, long(ctx, retest.failedOn), fullDays));
    }
    if (result.outcome === 'no-show') {
      const posted = noShow({ appointmentDate: result.takenOn, ...(result.noShowPosted === undefined ? {} : { resultPosted: result.noShowPosted }) }, ctx.policy).canRebuyNow;
      return sentences(outcome, posted ? r.noShowPosted(test, long(ctx, result.takenOn)) : r.noShowWaiting(test, long(ctx, result.takenOn)));
    }
    return outcome;
  });
  return answer(latest.some((result) => result.outcome !== 'pass') ? 'results-with-fail' : 'results', sentences(m.lead(latest.length), ...said));
}

// ---- certificate ---------------------------------------------------------------------------

export function answerCertificateStatus(account: CandidateAccount, ctx: PersonalContext): PersonalAnswer {
  const m = ctx.messages.certificate;
  const phone = ctx.policy.phones.aseCustomerService.value;
  const today = todayFor(account, ctx);
  // The latest recent pass per test, oldest first.
  const passes = new Map<string, TestResult>();
  for (const r of account.results) {
    const age = daysBetween(r.takenOn, today);
    if (r.outcome !== 'pass' || age < 0 || age > RECENT_PASS_DAYS) continue;
    const code = normaliseCode(r.testCode);
    const prev = passes.get(code);
    if (!prev || r.takenOn > prev.takenOn) passes.set(code, r);
  }
  const recent = [...passes.entries()].sort(([, a], [, b]) => a.takenOn.localeCompare(b.takenOn));
  if (recent.length === 0) return answer('certificate-no-recent-pass', sentences(m.noRecentPass(RECENT_PASS_DAYS), m.noRecentNext(phone)));

  const codes = recent.map(([code]) => code);
  const tests = testsOf(ctx, codes);
  const status = account.workExperience.status;
  const timings = recent.map(([code, r]) => ({
    code,
    r,
    timing: certificateTiming({ testDate: r.takenOn, workExperienceApproved: status === 'approved' }, ctx.policy),
  }));
  if (timings.some((t) => t.timing.verdict === 'delayed-until-work-experience-approved')) {
    if (status === 'pending') {
      const since = account.workExperience.updatedOn ? m.pendingSince(long(ctx, account.workExperience.updatedOn)) : undefined;
      return answer('certificate-delayed-pending', sentences(m.pending(tests, codes.length), since, m.pendingNext, m.address));
    }
    if (status === 'rejected') return answer('certificate-delayed-rejected', sentences(m.rejected(tests, codes.length), m.rejectedNext(phone)));
    return answer('certificate-delayed-not-submitted', sentences(m.notSubmitted(tests, codes.length), m.notSubmittedNext, m.address));
  }

  const overdue = timings.some((t) => t.timing.expectedAround < today);
  const next = overdue ? m.overdueNext(phone) : m.expectedNext;
  const outcome = overdue ? 'certificate-overdue' : 'certificate-expected';
  if (timings.length === 1) {
    const { code, r, timing } = timings[0] as (typeof timings)[number];
    const around = long(ctx, timing.expectedAround);
    const text = timing.expectedAround < today ? m.overdue(testOf(ctx, code), around, long(ctx, r.takenOn)) : m.expected(testOf(ctx, code), around, long(ctx, r.takenOn));
    return answer(outcome, sentences(text, next, m.address));
  }
  const facts = timings.map(({ code, timing }) => ({
    label: labelOf(ctx, code),
    value: timing.expectedAround < today ? m.factOverdue(long(ctx, timing.expectedAround)) : m.factExpected(long(ctx, timing.expectedAround)),
  }));
  return answer(outcome, sentences(m.many(timings.length), next, m.address), facts);
}

// ---- purchases -----------------------------------------------------------------------------

type PurchaseItem =
  | { kind: 'open'; purchase: PurchasedTest; lastDay: IsoDate; daysLeft: number }
  | { kind: 'last-day'; purchase: PurchasedTest; lastDay: IsoDate }
  | { kind: 'expired'; purchase: PurchasedTest; lastDay: IsoDate }
  | { kind: 'booked'; purchase: PurchasedTest; lastDay: IsoDate; when: string };

/**
 * "can I schedule A6 for next week": the open purchase of that test, its last day by the purchase
 * rule, and whether the day asked falls by then. No open purchase of it, or no day read (or one
 * already past): the purchases as usual.
 */
function answerPurchaseOn(account: CandidateAccount, ctx: PersonalContext, tests: string[], on: string): PersonalAnswer {
  const zone = homeZone(account, ctx);
  const today = todayFor(account, ctx);
  const day = ctx.dateOf?.(on);
  const purchase = account.purchasedTests.find((p) => p.status === 'unscheduled' && tests.some((code) => normaliseCode(code) === normaliseCode(p.code)));
  const window = purchase ? purchaseWindow({ purchaseDate: purchase.purchasedOn, now: ctx.now, zone }, ctx.policy) : undefined;
  if (!purchase || !window || window.expired || !day || day < today) return answerPurchases(account, ctx);
  const m = ctx.messages.purchases;
  const test = testOf(ctx, purchase.code);
  const when = `${on.trim()} (${long(ctx, day)})`;
  const daysLeft = Math.max(0, window.daysLeft);
  const within = day <= window.lastDay;
  const text = within ? m.onDateWithin(test, when, long(ctx, window.lastDay), daysLeft) : m.onDateAfter(test, when, long(ctx, window.lastDay), daysLeft);
  return answer(within ? 'purchases-date-within' : 'purchases-date-after', sentences(text, within ? m.nextSchedule(normaliseCode(purchase.code)) : undefined));
}

export function answerPurchases(account: CandidateAccount, ctx: PersonalContext): PersonalAnswer {
  const m = ctx.messages.purchases;
  const zone = homeZone(account, ctx);
  const windowDays = ctx.policy.purchaseWindowDays.value;
  const booked = upcoming(account, ctx);
  const items: PurchaseItem[] = [];
  for (const purchase of account.purchasedTests) {
    if (purchase.status === 'taken' || purchase.status === 'cancelled') continue;
    const window = purchaseWindow({ purchaseDate: purchase.purchasedOn, now: ctx.now, zone }, ctx.policy);
    const appointment = purchase.status === 'scheduled' ? booked.find((v) => v.appointment.purchaseId === purchase.id) : undefined;
    if (appointment) items.push({ kind: 'booked', purchase, lastDay: window.lastDay, when: appointment.when });
    else if (purchase.status === 'expired' || window.expired) items.push({ kind: 'expired', purchase, lastDay: window.lastDay });
    else if (window.verdict === 'last-day') items.push({ kind: 'last-day', purchase, lastDay: window.lastDay });
    else items.push({ kind: 'open', purchase, lastDay: window.lastDay, daysLeft: Math.max(0, window.daysLeft) });
  }
  if (items.length === 0) return answer('purchases-none', sentences(m.none, m.noneNext(windowDays)));

  const rank = { 'last-day': 0, open: 1, booked: 2, expired: 3 } as const;
  items.sort((a, b) => rank[a.kind] - rank[b.kind] || a.lastDay.localeCompare(b.lastDay));
  const count = (...kinds: PurchaseItem['kind'][]) => items.filter((i) => kinds.includes(i.kind)).length;
  const toSchedule = count('open', 'last-day');
  const scheduleCodes = ctx.messages.list(items.filter((i) => i.kind === 'open' || i.kind === 'last-day').map((i) => normaliseCode(i.purchase.code)));
  const next = toSchedule > 0 ? m.nextSchedule(scheduleCodes) : count('booked') > 0 ? m.nextBooked : m.nextRebuy;
  const outcome = toSchedule > 0 ? 'purchases-to-schedule' : count('booked') > 0 ? 'purchases-booked' : 'purchases-expired';

  if (items.length === 1) {
    const i = items[0] as PurchaseItem;
    const test = testOf(ctx, i.purchase.code);
    const lastDay = long(ctx, i.lastDay);
    const text =
      i.kind === 'open'
        ? m.open(test, lastDay, i.daysLeft)
        : i.kind === 'last-day'
          ? m.lastDay(test, lastDay)
          : i.kind === 'booked'
            ? m.scheduled(test, i.when, lastDay, windowDays)
            : m.expired(test, lastDay);
    return answer(outcome, sentences(text, next));
  }
  const facts = items.map((i) => ({
    label: labelOf(ctx, i.purchase.code),
    value:
      i.kind === 'open'
        ? m.factOpen(long(ctx, i.lastDay), i.daysLeft)
        : i.kind === 'last-day'
          ? m.factLastDay(long(ctx, i.lastDay))
          : i.kind === 'booked'
            ? m.factScheduled(i.when, long(ctx, i.lastDay))
            : m.factExpired(long(ctx, i.lastDay)),
  }));
  return answer(outcome, sentences(m.summary(toSchedule, count('booked'), count('expired')), next), facts);
}

// ---- exceptions ----------------------------------------------------------------------------

/**
 * "can I get an exception?", signed in: where the three-day rule leaves each of the candidate's own
 * appointments (inside it, or still open and needing none), then honestly that the source gives no
 * exceptions, and who to ask (Prometric, ASE).
 */
export function answerException(account: CandidateAccount, ctx: PersonalContext): PersonalAnswer {
  const m = ctx.messages.exception;
  const cutoff = ctx.policy.changeCutoffHours.value;
  const noneInSource = m.noneInSource(ctx.policy.phones.prometric.value, ctx.policy.phones.aseCustomerService.value);
  const all = upcoming(account, ctx);
  if (all.length === 0) return answer('exception-no-appointments', sentences(m.noAppointments, noneInSource));
  const label = (v: AppointmentView) => ctx.messages.cancel.label(v.test, v.date, v.time);
  const closed = all.filter((v) => !v.change.allowed);
  const lines = all.map((v) => (v.change.allowed ? m.open(label(v), v.deadline) : m.closed(label(v), cutoff)));
  return answer(closed.length > 0 ? 'exception-within-three-days' : 'exception-not-needed', sentences(...lines, noneInSource));
}
