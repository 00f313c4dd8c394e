import { andList } from './lists.js';

/**
 * What the bot says when it answers from the candidate's own account (src/account/personalAnswers.ts).
 * Dates arrive already written out ("Thursday, April 3, 2025") and times as "9:00 AM"; tests as
 * `test(code, name)` gives them. Policy numbers (72 hours, 90 days, 30 days) are passed in from
 * knowledge/policy.yaml, never written here.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;



const days = (n: number) => plural(n, 'day', 'days');
const fromToday = (n: number) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `${days(n)} from today`);

export const enAccount = {
  // ---- shared pieces ------------------------------------------------------------------------
  /** 'A5 (Brakes)'; the code alone when the catalogue has no name for it. */
  test: (code: string, name?: string) => (name ? `${code} (${name})` : code),
  /** A test as a facts label: 'A5 Brakes'. */
  testLabel: (code: string, name?: string) => (name ? `${code} ${name}` : code),
  list: andList,
  days,
  fromToday,
  usd: (amount: number) => `$${amount.toFixed(2)}`,
  /** 'Friday, March 28, 2025 at 9:00 AM'. */
  dateTime: (date: string, time: string) => `${date} at ${time}`,
  place: (name: string, city: string, state: string) => `${name}, ${city}, ${state}`,
  buyRecertInMyAse: 'You can buy the recertification test in myASE.',
  alreadyBought: (test: string, lastDay: string) => `You've already bought ${test}: schedule and take it by ${lastDay}.`,
  alreadyBooked: (test: string, when: string) => `You're booked to take ${test} on ${when}.`,
  callCustomerService: (phone: string) => `If something here looks wrong, ASE Customer Service (${phone}) can check your record.`,

  // ---- "can I reschedule my appointment?", "when is my test?" -------------------------------
  appointments: {
    none: 'Your account shows no upcoming test appointments.',
    noneFor: (tests: string) => `You have no upcoming appointment for ${tests}.`,
    toSchedule: (items: string) => `You can still schedule ${items}.`,
    scheduleBy: (test: string, lastDay: string) => `${test} by ${lastDay}`,
    howToSchedule: (phone: string) => `To book one, schedule it in myASE or call Prometric at ${phone}.`,
    one: (test: string, when: string, place: string) => `Your ${test} appointment is on ${when} (local time) at ${place}.`,
    summary: (total: number, changeable: number) =>
      changeable === total
        ? `You have ${plural(total, 'upcoming test appointment', 'upcoming test appointments')}, and ${total === 2 ? 'both' : 'all'} can still be changed or cancelled.`
        : changeable === 0
          ? `You have ${plural(total, 'upcoming test appointment', 'upcoming test appointments')}, and none can be changed or cancelled any more.`
          : `You have ${plural(total, 'upcoming test appointment', 'upcoming test appointments')}: ${changeable} can still be changed or cancelled, ${total - changeable} can't.`,
    canChange: (deadline: string) => `You can still change or cancel it before ${deadline} (test center time).`,
    tooLate: (hours: number) => `It's less than ${hours} hours away, so it can no longer be changed or cancelled.`,
    newDateBy: (lastDay: string, windowDays: number) =>
      `A new date must be no later than ${lastDay}, ${windowDays} days from when you bought the test.`,
    noNewDate: (lastDay: string, windowDays: number) =>
      `The ${windowDays}-day window for this test ended on ${lastDay}, so there's no later date to move it to.`,
    factWhen: (when: string, place: string) => `${when} (local time), ${place}.`,
    factCanChange: (deadline: string) => `Change or cancel before ${deadline}.`,
    factTooLate: (hours: number) => `Less than ${hours} hours away: can't be changed or cancelled.`,
    factNewDateBy: (lastDay: string) => `A new date must be by ${lastDay}.`,
    nextChange: 'To move an appointment, cancel it first and then book the new date in myASE, or ask me to cancel it.',
    nextTooLate: (phone: string) =>
      `If you can't make it, call Prometric at ${phone}: a missed appointment is scored as No Show and its fees are forfeited.`,
    nextNone: 'Your appointment details are also in myASE.',
    suggestCancel: { title: 'Cancel an appointment', value: 'cancel my appointment' },
  },

  // ---- "cancel my appointment" --------------------------------------------------------------
  cancel: {
    /** The label a choice button and the confirmation use: "Cancel your <label>?". */
    label: (test: string, date: string, time: string) => `${test} appointment on ${date} at ${time}`,
    none: 'You have no upcoming appointments to cancel.',
    noneFor: (tests: string) => `You have no upcoming appointment for ${tests} to cancel.`,
    nextNone: 'Tests you have bought but not scheduled are in myASE, where you can also cancel them.',
    one: (label: string, deadline: string) => `Your ${label} can still be cancelled, before ${deadline} (test center time).`,
    many: (n: number) => `You can still cancel ${plural(n, 'appointment', 'appointments')}.`,
    tooLate: (label: string, hours: number) => `Your ${label} is less than ${hours} hours away, so it can no longer be cancelled.`,
    keepsPurchase: (lastDay: string) =>
      `Cancelling the appointment keeps the test you bought: you can book a new date up to ${lastDay}.`,
    factCancelBefore: (deadline: string) => `Cancel before ${deadline}.`,
    /** "can I cancel it and get a refund?": the source's rule (cancel the appointment, then the test). */
    refund: (prometric: string) =>
      `For a refund, cancel the appointment first, then the test itself with Cancel Test in myASE (or call Prometric at ${prometric}): you can only cancel a test and receive a refund for a test that you purchased.`,
    noRefundWithin: 'Within three days of a testing appointment you cannot cancel the appointment or the test, so there is no refund for it.',
  },

  // ---- "when does my A5 expire?" -------------------------------------------------------------
  expiry: {
    none: 'There are no certifications on your account.',
    notHeld: (tests: string) => `There's no ${tests} certification on your account.`,
    current: (test: string, expires: string) => `Your ${test} certification is current: it expires on ${expires}.`,
    soon: (test: string, expires: string, daysLeft: number) =>
      `Your ${test} certification expires soon: on ${expires}, ${fromToday(daysLeft)}.`,
    lapsed: (test: string, expired: string) => `Your ${test} certification lapsed on ${expired}.`,
    recertBefore: (years: number) =>
      `Take the recertification test before then to keep it current; the new expiry is ${years} years from the day you recertify.`,
    recertSoon: (newExpiry: string, daysLost: number) =>
      `If you recertify today, the new expiry is ${newExpiry}; the ${days(daysLost)} left now are not carried over.`,
    recertLapsed: (newExpiry: string) =>
      `You can still take the recertification test: passing it today would make the new expiry ${newExpiry}.`,
    summary: (total: number, current: number, soon: number, lapsed: number) => {
      const parts = [
        current ? `${current} current` : '',
        soon ? `${soon} expiring soon` : '',
        lapsed ? `${lapsed} lapsed` : '',
      ].filter(Boolean);
      return `You have ${plural(total, 'certification', 'certifications')}: ${andList(parts)}.`;
    },
    recertMany: (years: number) =>
      `A recertification test renews a lapsed or expiring one; the new expiry is ${years} years from the day you recertify.`,
    factCurrent: (expires: string) => `current, expires ${expires}`,
    factSoon: (expires: string, daysLeft: number) => `expires soon: ${expires} (${fromToday(daysLeft)})`,
    factLapsed: (expired: string) => `lapsed on ${expired}`,
    /** "which one expires first": the earliest expiry among the current ones (`many`: several that day). */
    first: (tests: string, many: boolean, expires: string, daysLeft: number) =>
      `${many ? 'These expire' : `Your ${tests} certification expires`} first: on ${expires} (${fromToday(daysLeft)})${many ? `: ${tests}` : ''}.`,
    nextReminders: 'ASE also sends you a reminder before a credential expires.',
    nextNone: (phone: string) => `If you think one is missing, ASE Customer Service (${phone}) can check.`,
  },

  // ---- "which of my certifications expire this year?" ----------------------------------------
  within: {
    thisYear: (end: string) => `this year (by ${end})`,
    next90: (end: string) => `in the next 90 days (by ${end})`,
    one: (test: string, expires: string, period: string) => `Your ${test} certification expires ${period}: on ${expires}.`,
    many: (n: number, period: string) => `${n} of your certifications expire ${period}.`,
    none: (period: string) => `None of your certifications expire ${period}.`,
    nextAfter: (test: string, expires: string) => `The next to expire is ${test}, on ${expires}.`,
    lapsedItem: (test: string, expired: string) => `${test} on ${expired}`,
    alreadyLapsed: (items: string) => `Already lapsed: ${items}.`,
    factExpires: (expires: string, daysLeft: number) => `expires ${expires} (${fromToday(daysLeft)})`,
  },

  // ---- "am I still a Master Technician?" -----------------------------------------------------
  master: {
    /** 'A1-A8 for Master Automobile Technician'. */
    requirement: (tests: string, name: string) => `${tests} for ${name}`,
    range: (from: string, to: string) => `${from}-${to}`,
    noneRelevant: (requirements: string) =>
      `You don't hold any of the certifications that count towards Master status (${requirements}).`,
    earnNext: 'Master status is earned by being certified in every required test of a series.',
    holds: (name: string, first: string, expires: string) =>
      `Yes: you are a ${name}. All the required certifications are current; the first to expire is ${first}, on ${expires}.`,
    holdsNext: 'Recertify each one before it expires to keep the status.',
    lapsedItem: (test: string, expired: string) => `${test} lapsed on ${expired}`,
    lapsed: (name: string, items: string) => `No: your ${name} status is suspended because ${items}.`,
    reinstate: (tests: string) => `Passing the recertification test for ${tests} reinstates it.`,
    incomplete: (name: string, required: string, missing: string) =>
      `Not yet: ${name} needs ${required} all current, and you don't hold ${missing}.`,
    alsoLapsed: (items: string) => `Also, ${items}.`,
    incompleteNext: 'Pass the remaining tests to earn the status.',
    many: (n: number) => `Here is your Master status in ${n} series.`,
    factHolds: (first: string, expires: string) => `held; first to expire: ${first}, ${expires}`,
    factLapsed: (tests: string) => `suspended: ${tests} lapsed`,
    factIncomplete: (missing: string) => `not yet: missing ${missing}`,
  },

  // ---- "what's my status?" ----------------------------------------------------------------------
  /** Master status as a statement, before the certifications listed (the question was no yes/no one). */
  status: {
    holds: (name: string) => `You are a ${name}: all its required certifications are current.`,
    lapsed: (name: string, items: string) => `Your ${name} status is suspended because ${items}.`,
    incomplete: (name: string, missing: string) => `You are not yet a ${name}: you don't hold ${missing}.`,
  },

  // ---- "did I pass?" ----------------------------------------------------------------------------
  results: {
    lead: (n: number): string => (n === 1 ? 'Your latest result on your account:' : 'Your latest results on your account:'),
    pass: (test: string, on: string) => `${test}: passed on ${on}.`,
    fail: (test: string, on: string) => `${test}: not passed on ${on}.`,
    'no-show': (test: string, on: string) => `${test}: No Show on ${on} (the appointment was missed).`,
    none: "There are no test results on your account yet. Your score report is emailed right after your appointment, and results are in myASE within three days in most cases.",
    /** Asked about tests the account has no result for, while it has others: never "no results yet". */
    noneFor: (tests: string) =>
      `There's no ${tests} result on your account yet. Your score report is emailed right after your appointment, and results are in myASE within three days in most cases.`,
  },

  // ---- "when can I retake the test I failed?" ------------------------------------------------
  retest: {
    none: "There's no failed test on your account, so there's no retest wait.",
    notFailed: (test: string) => `Your latest ${test} result isn't a fail, so there's no retest wait.`,
    noResult: (test: string, code: string) =>
      `There's no ${test} result on your account. If you took it recently, tell me the day (for example "I failed ${code} on March 3") and I'll work out when you can buy it again.`,
    wait: (test: string, earliest: string, daysToWait: number, failed: string, fullDays: number) =>
      `You can buy ${test} again from ${earliest}, ${fromToday(daysToWait)}: ${fullDays} full days must pass after you failed it on ${failed}.`,
    now: (test: string, failed: string, fullDays: number) =>
      `You can buy ${test} again now: ${fullDays} full days have passed since you failed it on ${failed}.`,
    many: (n: number) => `You have ${plural(n, 'test', 'tests')} to retake.`,
    factWait: (earliest: string, daysToWait: number) => `buy again from ${earliest} (${fromToday(daysToWait)})`,
    factNow: 'you can buy it again now',
    noShowPosted: (test: string, date: string) =>
      `Your ${test} appointment on ${date} was a No Show. The result is posted, so you can buy it again now, paying the registration fee and test fee again.`,
    noShowWaiting: (test: string, date: string) =>
      `Your ${test} appointment on ${date} was a No Show. Once the No Show result is posted in myASE you can buy it again, paying the registration fee and test fee again.`,
    factNoShowPosted: 'No Show: you can buy it again now (both fees again)',
    noneMissed: 'Your account shows no missed (No Show) appointment.',
    factNoShowWaiting: 'No Show: buy it again once the result is posted (both fees again)',
    nextWait: 'When the day comes, buy and schedule it in myASE.',
    nextNow: 'Buy and schedule it in myASE.',
  },

  // ---- "what would duplicates of all my certificates cost?" ----------------------------------
  duplicates: {
    none: "There are no certifications on your account, so there's nothing to duplicate.",
    oneSeries: (total: string, series: string) =>
      `Duplicates of all your certificates would cost ${total}: they are all in one test series, ${series}.`,
    manySeries: (total: string, count: number, fee: string) =>
      `Duplicates of all your certificates would cost ${total}: ${count} test series at ${fee} each.`,
    factSeries: (tests: string, fee: string) => `${tests}: ${fee}`,
    next: 'Order them by logging in to myASE.',
  },

  // ---- "why haven't I got my certificate?" ---------------------------------------------------
  certificate: {
    noRecentPass: (withinDays: number) =>
      `I don't see a test you passed in the last ${withinDays} days, so no new certificate is on its way.`,
    noRecentNext: (phone: string) => `If a certificate from an earlier test never arrived, ASE Customer Service (${phone}) can help.`,
    pending: (tests: string, count: number) =>
      `Your ${count === 1 ? 'certificate' : 'certificates'} for ${tests} ${count === 1 ? 'is' : 'are'} delayed until your work experience is reviewed and approved, and it is still under review.`,
    pendingSince: (date: string) => `Your work experience was last updated on ${date}.`,
    pendingNext: 'You can follow the review in myASE; the certificate is sent once your work experience is approved.',
    notSubmitted: (tests: string, count: number) =>
      `Your ${count === 1 ? 'certificate' : 'certificates'} for ${tests} ${count === 1 ? 'is' : 'are'} on hold because your work experience form hasn't been submitted.`,
    notSubmittedNext: 'Submit the work experience form in myASE; the certificate follows once it is reviewed and approved.',
    rejected: (tests: string, count: number) =>
      `Your ${count === 1 ? 'certificate' : 'certificates'} for ${tests} can't be sent yet: your work experience wasn't approved.`,
    rejectedNext: (phone: string) => `ASE Customer Service (${phone}) can tell you what is needed.`,
    expected: (test: string, around: string, tested: string) =>
      `Your ${test} certificate should arrive around ${around}; you passed the test on ${tested}.`,
    overdue: (test: string, around: string, tested: string) =>
      `Your ${test} certificate was expected around ${around}; you passed the test on ${tested}.`,
    many: (n: number) => `You passed ${plural(n, 'test', 'tests')} recently.`,
    factExpected: (around: string) => `expected around ${around}`,
    factOverdue: (around: string) => `was expected around ${around}`,
    expectedNext: 'It comes by mail; your results are already in myASE.',
    overdueNext: (phone: string) => `If it hasn't arrived, ASE Customer Service (${phone}) can help.`,
    address: "If you've moved since your test, update your address in myASE so the certificate reaches you.",
  },

  // ---- "can I get an exception?" -------------------------------------------------------------
  exception: {
    noAppointments: 'Your account shows no upcoming test appointments, so the three-day rule is not holding one up.',
    closed: (label: string, hours: number) => `Your ${label} is less than ${hours} hours away, so under the rule it can no longer be changed or cancelled.`,
    open: (label: string, deadline: string) => `Your ${label} can still be changed or cancelled before ${deadline} (test center time): no exception is needed for it.`,
    noneInSource: (prometric: string, ase: string) =>
      `I have nothing on exceptions: the FAQ I answer from gives none to the three-day rule. Prometric (${prometric}) or ASE Customer Service (${ase}) are the ones to ask.`,
  },

  // ---- "how long do I have to take the tests I bought?" ---------------------------------------
  purchases: {
    none: 'You have no tests bought and waiting to be taken.',
    noneNext: (windowDays: number) => `Once you buy a test, you have ${windowDays} days to schedule and take it.`,
    open: (test: string, lastDay: string, daysLeft: number) =>
      `You have until ${lastDay} to schedule and take ${test}: ${fromToday(daysLeft)}.`,
    lastDay: (test: string, lastDay: string) => `Today, ${lastDay}, is the last day to take ${test}.`,
    expired: (test: string, lastDay: string) =>
      `${test} expired after ${lastDay}: its fees are forfeited, and you would have to buy it again (registration fee and test fee).`,
    scheduled: (test: string, when: string, lastDay: string, windowDays: number) =>
      `${test} is booked for ${when}; its ${windowDays}-day window ends on ${lastDay}.`,
    summary: (open: number, scheduled: number, expired: number) => {
      const parts = [
        open ? `${open} to schedule` : '',
        scheduled ? `${scheduled} booked` : '',
        expired ? `${expired} expired` : '',
      ].filter(Boolean);
      return `Of the tests you bought and haven't taken: ${andList(parts)}.`;
    },
    factOpen: (lastDay: string, daysLeft: number) => `schedule and take by ${lastDay} (${fromToday(daysLeft)})`,
    factLastDay: (lastDay: string) => `today, ${lastDay}, is the last day`,
    factExpired: (lastDay: string) => `expired after ${lastDay}; fees forfeited`,
    factScheduled: (when: string, lastDay: string) => `booked for ${when}; window ends ${lastDay}`,
    nextSchedule: (codes: string) => `Schedule ${codes} in myASE as soon as you can.`,
    /** "can I schedule A6 for next week": the day asked (`when`: "next week (Monday, December 14, 2026)") against the window. */
    onDateWithin: (test: string, when: string, lastDay: string, daysLeft: number) =>
      `Yes: ${when} is within the window for ${test}: you have until ${lastDay} (${fromToday(daysLeft)}) to schedule and take it.`,
    onDateAfter: (test: string, when: string, lastDay: string, daysLeft: number) =>
      `No: you have until ${lastDay} (${fromToday(daysLeft)}) to schedule and take ${test}, and ${when} is after that. An untaken test expires after its last day and its fees are forfeited, so book a day by then.`,
    nextRebuy: 'You can buy it again in myASE.',
    nextBooked: 'Your appointment details are in myASE.',
  },
};

export type AccountMessages = typeof enAccount;
