import { afterColon } from './lists.js';
/**
 * What the guided tasks say. Policy facts come from the source FAQ (ase-faq-2022-09-20.txt) through
 * knowledge/policy.yaml; dates arrive here already written out ("Thursday, April 3, 2025").
 */
export const enTasks = {
  didNotGetIt: "Sorry, I didn't get that.",
  backToIt: 'Back to your question:',
  /** The task's own answer, asked about again right after it was said: pointed to, not said again. */
  saidAbove: "That's in my answer just above.",
  okayBack: 'Okay.',
  /** Said before a rule worked out from the candidate's own facts when the account had nothing for them. */
  fromYourFacts: 'Going by what you told me:',
  welcomeBack: "You're welcome.",
  /** "I don't remember" at a question for a fact: fine, and the question again (with its sign-in offer). */
  notKnowingBack: "That's okay if you're not sure.",
  notKnowingSignIn: `That's okay if you're not sure: say "sign in" and I'll look it up in your account.`,
  /**
   * "ok" at an offer ("Tell me the date you took it and I'll work out ..."): the offer still stands,
   * said again in full so "it" is never left to guess.
   */
  offerStands: (ack: string, offer: string) => `${ack} Whenever you're ready, ${offer.charAt(0).toLowerCase()}${offer.slice(1)}`,
  wayOut: 'Or say "start over" to ask something else, or "talk to a person".',
  cannotAnswerThat: "I can't answer that one here. ASE Customer Service (1-800-390-6789) can, or say \"talk to a person\".",
  gaveUp:
    "I'm having trouble understanding, sorry. You can talk to a person at ASE Customer Service, 1-800-390-6789, or start over with a new question.",
  gaveUpOfferPerson:
    'I\'m having trouble understanding, sorry. Choose "Talk to a person" and someone from ASE support will join, or start over with a new question.',
  gotDate: (date: string) => `${date}: got it.`,
  assumedYear: (date: string) => `I took that as ${date}.`,
  dateInFuture: (date: string) => `${date} hasn't happened yet. What date was it?`,
  dateInPast: (date: string) => `${date} has already passed. What date is the appointment?`,
  // The example names no year: a past one reads as a mistake beside a future appointment.
  whichDay: (text: string) => `Which day exactly ("${text}")? For example "the 3rd" or "March 3".`,
  /** A time alone ("it's at 9am") at the appointment's question: the time kept, the day asked for. */
  whichDayAt: (time: string) => `Got it, ${time}. What day is the appointment? For example "Friday" or "December 11".`,
  /** A date known only to the year ("in 2021") whose month changes the answer. */
  whichMonth: (year: string) => `Which month of ${year}? For example "March", or the day: "March 3".`,
  whichDate: 'Which date did you mean?',
  /** A test date so long ago it reads as a date of birth: asked again, and taken if given again. */
  looksLikeBirthDate: (date: string) =>
    `${date} looks like a date of birth, not a test date. Which date did you mean? If it really was ${date}, send it again.`,
  /** An approximate date that is enough for the rule ("5 months ago" and a 90-day window). */
  approximately: (words: string) => `Whatever the exact day "${words}" was, the answer is the same:`,
  dateExample: 'For example "March 3" or "3/14/2025".',
  yes: 'Yes',
  no: 'No',
  /** Beside a task's first question, where an account could answer it instead. */
  orSignIn: 'Or say "sign in" and I\'ll look it up in your account.',
  /** After an answer to a guess ("my A6 might have expired"): the account would settle it. */
  signInToCheck: 'Say "sign in" and I\'ll check it in your account.',
  signInChoice: 'Sign in',
  /**
   * A general answer whose task was just worked out for the candidate ("ok how do I cancel" after
   * "can I still cancel my test on the 8th?"): what was worked out, instead of asking for it again.
   */
  /** "is it too late?" right after a task's answer: yes or no, from that answer. */
  verdictAgain: (yes: boolean, answer: string) => `${yes ? 'Yes' : 'No'}, going by what you told me: ${afterColon(answer)}`,
  workedOut: (answer: string) => `Going by what you told me: ${afterColon(answer)} If you meant another one, tell me about it.`,
  /** A question only the candidate's account can answer, asked before signing in. */
  inYourAccount: 'That\'s in your ASE account. Say "sign in" and I\'ll look it up, or ask me a general question.',
  /** "what's my status?" before signing in: what the account can tell them. */
  statusInYourAccount:
    'Your status is in your ASE account: once you\'re signed in I can tell you which certifications you hold, when each expires and whether you hold Master Technician status. Say "sign in" and I\'ll look it up, or ask me a general question.',
  /** "can I get an exception to the three-day rule?" before signing in: none in the source, and the account's part offered. */
  exceptionInYourAccount: (prometric: string, ase: string) =>
    `I have nothing on exceptions: the FAQ I answer from allows no changes within three days of an appointment and gives no exceptions. Prometric (${prometric}) or ASE Customer Service (${ase}) are the ones to ask. Say "sign in" and I'll check where your own appointments stand.`,
  /** The same, when the question could also be one of a few general ones. */
  inYourAccountOrThese: 'If you mean your own, that\'s in your ASE account: say "sign in" and I\'ll look it up. Or did you mean one of these?',
  /** A fact given that the bot had not asked for yet ("it was A5"). */
  noted: (value: string) => `${value}: noted.`,
  /** A correction taken ("no, I meant A4"). */
  changed: (value: string) => `Changed to ${value}.`,
  added: (value: string) => `Added ${value}.`,
  removed: (value: string) => `Taken out: ${value}.`,
  keptOnly: (value: string) => `Just ${value}.`,
  /** Another task asked in the middle of one: the first is left, and the candidate told so. */
  /** Two tasks asked in one message: the second one's answer follows the first's. */
  nextQuestion: (task: string) => `Next, the ${task} question.`,
  /** ... and the first had to ask something first: the second waits for it. */
  afterThis: (task: string) => `Once this is done, I'll come to your ${task} question.`,
  switched: (task: string) => `Leaving the ${task} question for now.`,
  names: {
    'reschedule-or-cancel': 'rescheduling',
    'missed-appointment': 'missed appointment',
    'purchase-window': 'test purchase',
    retest: 'retest',
    recertification: 'recertification',
    'master-status': 'Master Technician',
    'duplicate-cost': 'duplicate certificate',
    'results-timing': 'results',
    'certificate-timing': 'certificate',
  } as Record<string, string>,

  results: {
    askDate: (test?: string) => `What date did you take ${test ?? 'the test'}?`,
    expectedBy: (by: string, taken: string, days: number) =>
      `Your results should be in myASE by ${by}: in most cases they are there within ${days} days of the test (you took it ${taken}).`,
    shouldBeOnline: (by: string, taken: string, days: number) =>
      `Your results should already be in myASE: in most cases they are there within ${days} days of the test, so by ${by} (you took it ${taken}).`,
    emailed: 'Your detailed score report was also emailed to you right after your appointment.',
    help: 'Tell me the date you took the test, for example "December 3" or "last Thursday".',
  },

  /** From policy.certificateArrivalDays and the certificate-delivery entry: about three weeks, once work experience is met. */
  certificate: {
    askDate: (test?: string) => `What date did you pass ${test ?? 'the test'}?`,
    around: (date: string) => `around ${date}`,
    /** The day the candidate said they passed. */
    passed: (on: string) => `you passed ${on}`,
    /** The day they took the test, its result unsaid: the answer never says they passed. */
    took: (on: string) => `you took it ${on}`,
    /** `passed`: the candidate said they passed; otherwise passing is still a condition. */
    expectedAround: (around: string, taken: string, passed: boolean) =>
      `Expect your certificate ${around}: about three weeks after your test date (${taken}), once you have ${passed ? '' : 'passed and '}met the work experience requirement.`,
    shouldHaveArrived: (around: string, taken: string, passed: boolean) =>
      `Your certificate should have arrived ${around}: about three weeks after your test date (${taken}), once you have ${passed ? '' : 'passed and '}met the work experience requirement. It is delayed until your work experience is reviewed and approved; if you moved after the test, you must notify ASE of your new address to receive it.`,
    help: 'Tell me the date you passed the test, for example "November 10" or "three weeks ago".',
  },

  retest: {
    askDate: (test?: string) => `What date did you take ${test ?? 'the test'}?`,
    /** "why not sooner?" after the day it can be bought again: the source's rule. */
    whyWait: (days: number) => `Because ASE requires you to wait ${days} full days after a test you failed before you can purchase and schedule the same test again.`,
    /** "do I have to pay again?" with or after the retest answer: a retest is a new purchase. */
    rebuy: 'Yes: a retest is a new purchase, so you pay for the test again when you buy it in myASE.',
    /** The test, when the candidate did not say which. */
    theTest: 'the test',
    canBuyFrom: (test: string, date: string, failed: string, wait: number) =>
      `You can buy ${test} again on or after ${date}: ${wait} full days must pass after ${failed}.`,
    canBuyNow: (test: string, failed: string, wait: number) =>
      `You can buy ${test} again now: ${wait} full days have passed since ${failed}.`,
    nextNow: 'Buy and schedule it in myASE.',
    daysToWait: (days: number) => `That is ${days} ${days === 1 ? 'day' : 'days'} from today.`,
    next: 'When the day comes, buy and schedule it in myASE.',
    help: 'Tell me the date you took the test you failed, for example "March 3" or "two weeks ago".',
  },

  change: {
    askDate: 'When is your appointment? A date, and the time if you know it.',
    /** "move my appointment to the 12th": that is the day wanted; whether it can move depends on the appointment's own date. */
    askDateToMove: (date: string) => `To move it to ${date}: when is your appointment now? A date, and the time if you know it.`,
    /** A deadline at midnight: the start of that day, written out. */
    startOf: (date: string) => `the start of ${date}`,
    allowed: (deadline: string) => `Yes, you can still change or cancel it. Do it before ${deadline}.`,
    /** The deadline falls later today: said as today, with roughly how long is left ("about 6 hours from now"). */
    allowedToday: (time: string, left: string) => `Yes, you can still change or cancel it, but only until ${time} today (${left}). Do it now.`,
    /** Asked to cancel and be refunded ("i need to cancel and get my money back"): both said first, as the source says them. */
    allowedRefund: (deadline: string) => `Yes, you can still cancel it and get a refund for a test you purchased. Do it before ${deadline}.`,
    allowedRefundToday: (time: string, left: string) => `Yes, you can still cancel it and get a refund for a test you purchased, but only until ${time} today (${left}). Do it now.`,
    hoursLeft: (hours: number) => (hours === 1 ? 'about an hour from now' : `about ${hours} hours from now`),
    minutesLeft: (minutes: number) => (minutes === 1 ? 'about a minute from now' : `about ${minutes} minutes from now`),
    tooLate: (hours: number) =>
      `No: changes aren't allowed within three days (${hours} hours) of the appointment, so it can no longer be changed or cancelled.`,
    passed: 'That appointment time has already passed.',
    /** "my test was yesterday, can I reschedule it?": a day gone by. */
    passedDay: "That appointment has already passed, so it can't be changed or cancelled now.",
    /** What a missed appointment leads to: the source's No Show rule. */
    passedNoShow: (phone: string) =>
      `If you missed it, it is scored as No Show and all fees are forfeited: you can buy the same test again, paying the registration fee and test fee again, once the No Show result is posted to myASE. Prometric (${phone}) can answer questions about the appointment.`,
    todayNoTime: 'An appointment today is well within three days, so it can no longer be changed or cancelled.',
    assumedStart: 'You gave no time, so I counted from the start of that day.',
    /** A day whose answer turns on the hour: the 72 hours end during it. */
    askTime: (hours: number, date: string) =>
      `Changes close ${hours} hours before the appointment starts, so it depends on the time. What time is your appointment on ${date}?`,
    /** "I don't know the time" when the 72 hours end during the appointment's day: both sides of the hour. */
    timeUnknown: (date: string, from: string) =>
      `Then it depends on the time: if your appointment on ${date} is at ${from} or later, you can still change or cancel it, until 72 hours before it starts (later today), so do it now. If it is earlier than ${from}, it can no longer be changed or cancelled.`,
    zoneNote: (zone: string) => `I worked this out in ${zone} time; the rule uses the test center's local time.`,
    /** The test centre's zone, from the place the candidate named ("the test center is in Denver"). */
    zoneOfCentre: (zone: string) => `I worked this out in the test center's time (${zone}).`,
    /** How the place named reads back: "Test centre's time zone America/Denver: noted." */
    centreZone: (zone: string) => `Test center's time zone ${zone}`,
    cancelFirst: 'To move it, cancel the existing appointment first, then book the new one.',
    /** "move it to the 12th": the day wanted, booked as the new appointment. */
    cancelFirstTo: (date: string) => `To move it to ${date}, cancel the existing appointment first, then book the new one.`,
    /** Asked to cancel, not to move: the source's steps to cancel a test (and its refund). */
    cancelHow: (phone: string) =>
      `To cancel it, cancel the appointment first, then the test itself with the Cancel Test option in myASE (a test you purchased is refunded), or call Prometric at ${phone}.`,
    how: (phone: string) => `Use Cancel Selected Appointment(s) in myASE, or call Prometric at ${phone}.`,
    tooLateNext: (phone: string) =>
      `If you miss it, it is scored as No Show and the fees are forfeited. Prometric (${phone}) can answer questions about the appointment.`,
    /** "why not?" after "it can no longer be changed": the source's rule, never "You can, as long as...". */
    refundInTime: (phone: string) =>
      `Yes, if you cancel in time: cancel the appointment first, then the test itself with the Cancel Test option in myASE, or call Prometric at ${phone}. You can only cancel a test and receive a refund for a test that you purchased.`,
    refundTooLate:
      "No: within three days of your appointment you cannot cancel the appointment or the test, so there's no refund. If you miss it, it is scored as No Show and all fees are forfeited.",
    /** "can I get an exception?" after "it can no longer be changed": the source has none; who to ask. */
    noExceptions: (phone: string) =>
      `I have nothing on exceptions: the FAQ I answer from allows no changes within three days of the appointment. Prometric (${phone}) is the place to ask about it.`,
    whyTooLate: (phone: string) =>
      `Because ASE allows no changes within three days of a scheduled appointment: you cannot cancel the appointment or the test then. Prometric (${phone}) can answer questions about the appointment.`,
    newDateOutside: (lastDay: string) =>
      `A new date must also fall within 90 days of purchase: the last day for this test is ${lastDay}.`,
    help: 'Tell me the date of your appointment, and the time if you know it, for example "Thursday at 9am" or "March 14".',
  },

  missed: {
    askPosted: 'Has the No Show result been posted to your myASE account yet?',
    canRebuyNow: 'Then you can buy the test again now in myASE, paying the registration fee and the test fee again.',
    wait: 'Then wait until the No Show result appears in myASE; after that you can buy the test again, paying the registration fee and the test fee again.',
    help: 'Log in to myASE and look at your test results: a No Show result is posted there. Answer yes if it already shows, or no if it does not yet.',
    /** "when can I retake it?" after the answer: a No Show is no failed test. */
    retakeNow: 'A missed appointment is scored as No Show, not a failed test, so there is no 30-day wait: the No Show result is posted, so you can buy the test again now in myASE, paying the registration fee and the test fee again.',
    retakeWait: 'A missed appointment is scored as No Show, not a failed test, so there is no 30-day wait: once the No Show result appears in myASE, you can buy the test again, paying the registration fee and the test fee again.',
    /** "can I get a refund?" after the answer: the source's "There are no refunds for a missed appointment." */
    refund: 'No: there are no refunds for a missed appointment. It is scored as No Show and all fees are forfeited.',
    /** "how much will it cost to rebook?" after the answer: buying it again, not changing an appointment. */
    rebuyNow:
      'Booking a missed test again means buying it again: you pay the registration fee and the test fee again. The No Show result is posted, so you can buy it now in myASE; the complete list of tests and fees is on the ASE website (ase.com).',
    rebuyWait:
      'Booking a missed test again means buying it again: you pay the registration fee and the test fee again, once the No Show result appears in myASE. The complete list of tests and fees is on the ASE website (ase.com).',
  },

  purchase: {
    askDate: 'What date did you buy the test?',
    open: (lastDay: string, daysLeft: number) =>
      `You have until ${lastDay} to schedule and take it: ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} from today.`,
    lastDay: (lastDay: string) => `Today, ${lastDay}, is the last day to take it.`,
    expired: (lastDay: string) =>
      `It expired after ${lastDay}: the untaken test's fees are forfeited, and you must register and pay the registration fee and test fee again.`,
    /** Bought in a month, or roughly when, more than the window ago: expired whatever the day. */
    expiredSince: (bought: string, days: number) =>
      `It has expired: more than ${days} days have passed since ${bought}. The untaken test's fees are forfeited, and you must register and pay the registration fee and test fee again.`,
    /** Bought roughly when ("about 2 months ago"), the window still open: around when it ends, no count of days. */
    openUntil: (lastDay: string) => `You have until ${lastDay} to schedule and take it.`,
    /** "why?" after "it expired": the source's rule. */
    whyExpired: (days: number) =>
      `Because a test must be scheduled and taken within ${days} days of its purchase date: if it is not, the untaken test expires and all fees are forfeited.`,
    next: 'Schedule your appointment in myASE as soon as you can.',
    /** "can I get my money back?" while the window is open, with no appointment: the source's Cancel Test, and its refund. */
    refundOpen: (phone: string) =>
      `Yes: with no appointment booked, cancel the test itself with the Cancel Test option in myASE, or call Prometric at ${phone}. You can only cancel a test and receive a refund for a test that you purchased.`,
    /** "can I get a refund?" after "it expired": the source's "all fees are forfeited". */
    refundExpired:
      "No: the untaken test has expired and all fees are forfeited, so there's no refund. To test, register and pay the registration fee and test fee again.",
    /** "what if I just buy it again?" after "it expired": yes, as a new purchase with its own window. */
    rebuyExpired: (days: number) =>
      `Yes: register for the test again in myASE and pay the registration fee and test fee again; you then have ${days} days from that purchase to schedule and take it. The complete list of tests and fees is on the ASE website (ase.com).`,
    /** "what happens if it expires?" while the window is open: the source's rule. */
    ifExpires: (days: number) =>
      `If it isn't scheduled and taken within ${days} days of purchase, the untaken test expires, all fees are forfeited, and you must register and pay the registration fee and test fee again.`,
    help: 'Tell me the date you bought the test, for example "January 10" or "two weeks ago".',
  },

  recert: {
    expiredOn: (date: string) => `Expired on ${date}: got it.`,
    /** An expiry still ahead ("my A6 expires on jan 10"). */
    expiresOn: (date: string) => `Expires on ${date}: got it.`,
    askPassed: (test?: string) => `When did you pass ${test ?? 'the test'} (or last recertify in it)?`,
    /** `when` with its preposition, as precisely as the pass date is known: "on Friday, June 5, 2026", "in June 2026". */
    expires: (test: string | undefined, when: string) => `Your ${test ? `${test} ` : ''}certification expires ${when}.`,
    expired: (test: string | undefined, when: string) =>
      `Your ${test ? `${test} ` : ''}certification lapsed ${when}; you can still take the recertification test.`,
    /** Several tests with one date ("A1 and A5"). */
    expiresAll: (tests: string, when: string) => `Your ${tests} certifications expire ${when}.`,
    expiredAll: (tests: string, when: string) => `Your ${tests} certifications lapsed ${when}; you can still take the recertification tests.`,
    expiringSoon: (days: number) => `That is ${days} ${days === 1 ? 'day' : 'days'} away, so it's a good time to recertify.`,
    newExpiry: (when: string, date: string) => `If you recertify ${when}, the new expiry is ${date}.`,
    noCredit: (days: number) =>
      `The ${days} ${days === 1 ? 'day' : 'days'} left on the current certification would not be carried over.`,
    /**
     * A pass known only to a year or a month whose days give different answers ("in 2021", on December
     * 7, 2026): what that much settles, said before the bot asks for more. `passed` and `expires` with
     * their prepositions ("in 2021", "in 2026"); `cutOff`: the last pass day already lapsed by today.
     */
    roughExpiry: (years: number, passed: string, expires: string, cutOff: string) =>
      `Certifications are valid for ${years} years, so a test passed ${passed} expires ${expires}: one passed on or before ${cutOff} has already expired, and one passed later is still current.`,
    next: 'You can buy the recertification test in myASE.',
    nextAll: 'You can buy the recertification tests in myASE.',
    today: 'today',
    on: (date: string) => `on ${date}`,
    help: 'Tell me the date you passed the test or last recertified, for example "June 5, 2021".',
  },

  master: {
    general: 'Master Technician status lasts only while every required certification of its series is current.',
    askSeries: 'Which Master status: Automobile (A1-A8) or Medium/Heavy Truck (T2-T8)?',
    /** `master`: the Master status's name, when the series is known. */
    askLapsed: (master?: string) => `Which of the ${master ?? 'required'} tests have expired? Say "none" if they are all current.`,
    holds: (name: string) => `Yes: with all required tests current, you hold ${name} status.`,
    /**
     * Every required test said passed, at a time known only roughly ("A1 through A8 in 2021"), whose
     * five years end around today: what makes the status, and that the year alone can't say if it holds.
     */
    earnedIfCurrent: (name: string, tests: string, passed: string) =>
      `Passing ${tests}, with the work experience requirement met, makes you a ${name}, for as long as every one of them stays current. Knowing only that you passed them ${passed}, I can't tell whether they all still are.`,
    /** A test named with a pass (or expiry) date that is still current ("I passed A1 in March 2022"). */
    currentUntil: (tests: string, until: string) =>
      `${tests}: current until ${until}, so ${/ and /.test(tests) ? 'they still count' : 'it still counts'}. Have any other required tests expired? Tell me which (for example "A3"), or say "none".`,
    lapsed: (name: string, tests: string) =>
      `Not at the moment: ${tests} lapsed, so ${name} status is suspended. Pass the recertification test for ${tests} to reinstate it.`,
    /**
     * The lapse supposed ("if I let A6 lapse, am I still master?"): what would happen, not a fact about
     * the candidate. No "Yes"/"No" first: it answers "do I lose it?" as well as "am I still master?".
     */
    wouldLapse: (name: string, tests: string) =>
      `If ${tests} ${/ and /.test(tests) ? 'lapse' : 'lapses'}, you lose ${name} status until you pass the recertification ${/ and /.test(tests) ? 'tests' : 'test'} for ${tests}. To keep it, keep ${tests} current: you may recertify before ${/ and /.test(tests) ? 'they expire' : 'it expires'}.`,
    missing: (name: string, tests: string) =>
      `Not yet: you're missing ${tests}. ${name} status takes every required test of the series, so pass ${tests} to earn it.`,
    /** "my A6 might have expired": what follows if it did, never that it did. */
    ifLapsed: (name: string, tests: string) =>
      `If ${tests} ${/ and /.test(tests) ? 'have' : 'has'} lapsed, ${name} status is suspended until you pass the recertification ${/ and /.test(tests) ? 'tests' : 'test'} for ${tests}.`,
    /** "so I just need A8?" after "you're missing A8": yes, and what it takes (`others`: the required tests besides). */
    /** "can I take just A6 or do I need all 8 again?" after A6 lapsed: only the lapsed tests, by recertification. */
    onlyLapsed: (name: string, tests: string) =>
      `Just ${tests}: pass the recertification ${/ and /.test(tests) ? 'tests' : 'test'} for ${tests} and, with the other required tests current, ${name} status is reinstated. You don't need to take all the tests again.`,
    onlyMissing: (name: string, tests: string, others: string) =>
      `Yes: pass ${tests} and, with ${others} current, you'll hold ${name} status.`,
    /** "my L1 expired, still master?": a lapsed test no Master status requires (`statuses`: each with its tests). */
    notRequired: (tests: string, statuses: string) =>
      `${tests} ${/ and /.test(tests) ? "aren't" : "isn't"} one of the required tests for ${statuses}. Master status lasts only while every required certification of its series is current, so it's those tests that decide whether you still hold it.`,
    noMaster: (series: string) =>
      `I don't have the Master requirements for ${series}. ASE Customer Service (1-800-390-6789) can tell you.`,
    next: 'Your expiry dates are on your certificates and in myASE.',
    help: 'Name the tests that have expired, for example "A3 and A6", or say "none".',
  },

  duplicates: {
    askTests: 'Which certificates do you need duplicates of? For example "A1, A5 and T2".',
    total: (total: string, count: number, fee: string) =>
      count === 1 ? `That comes to ${total}: one test series at ${fee}.` : `That comes to ${total}: ${count} test series at ${fee} each.`,
    masterCertificate: (master: string) => `the ${master} certificate`,
    masterInSeries: (master: string, series: string) => `The ${master} certificate is of the ${series} series, so it is on that series' one fee.`,
    /** One Master certificate asked for, where the tests named are of two series with a Master ("A1, T2 and my Master certificate"). */
    aMasterCertificate: 'a Master Technician certificate',
    masterInOneOf: (series: string) => `A Master Technician certificate is of its own series (${series}), so it is on that series' one fee.`,
    wholeSeries: 'all certificates in the series',
    unknownOnly: (codes: string, suggestions: string) =>
      suggestions ? `I don't know ${codes}. Did you mean ${suggestions}?` : `I don't know ${codes}. Which tests do you need duplicates of?`,
    unknown: (codes: string) => `I don't know ${codes}, so I left ${codes.includes(',') ? 'them' : 'it'} out.`,
    next: 'Order them by logging in to myASE.',
    help: 'List the tests, for example "A1, A5 and T2", or a series such as "automobile".',
  },
};
