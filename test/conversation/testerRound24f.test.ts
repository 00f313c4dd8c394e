import { all, demo2, not, transcriptTables, type Transcript } from './suite.js';

// A blind tester's round (English, part f): conversations played against `npm start` by a tester who
// never saw the code, each finding written as the rule it broke. The clock is the tester's: Monday,
// December 7, 2026, noon in New York. DEMO-0002 has results on the account (A1 passed, A8 not).
const testersClock = new Date('2026-12-07T17:00:00Z');

// Finding 1: a reply to a "Did you mean" that carries facts and names no choice is read for the task
// that can use most of them, never as a pick of the first choice shown ("i passed A1 nov 2" after
// the duplicate certificate and the certificate's arrival is the arrival date, not $7.50). The
// entry's own question typed fast ("wen", "certifcate") is that question.
const factsAfterDidYouMean: Transcript[] = [
  ['a pass and its day after a certificate "Did you mean" is the arrival date, not the duplicate price', [
    ['certificate', 'Did you mean one of these?'],
    ['i passed A1 nov 2', all('Your certificate should have arrived around Monday, November 23, 2026', not('$7.50'))],
  ]],
  ['"wen do i get my certifcate" is the certificate question, and a pass date next works out its arrival', [
    ['wen do i get my certifcate', all('Expect your certificate about three weeks after your test date', not('Did you mean'))],
    ['i passed A1 nov 2', all('around Monday, November 23, 2026', not('$7.50'))],
  ]],
];

// Findings 2 and 3: the purchase window asked in candidates' words is answered (forgetting to
// schedule for months is the 90-day expiry; "the 90 day rule" is the 90-day window); "how long do i
// have exactly" right after it is the part that gives the time and the offer to work out the day;
// "can i buy it now?" after a retest date is that answer's verdict.
const ninetyDays: Transcript[] = [
  ['forgetting to schedule for months is the 90-day expiry, and "how long do i have exactly" is its time and the offer', [
    ['forgot to book my exam and it has been about 5 months, is my money gone?', all('90 days', 'expires', not('Did you mean'))],
    ['how long do i have exactly', all('90 days from the original date of purchase', 'Tell me the date you bought your test', not("I can't answer that one here"), not("I'm not sure I understood"))],
    ['sept 1', 'It expired after Monday, November 30, 2026'],
  ]],
  ['the same rough day given again at "Which day exactly?" is worked out as it is, never asked a third time', [
    ['i bought my test about 2 months ago and have not booked it, how long do i have?', 'Which day exactly ("about 2 months ago")?'],
    ['about 2 months ago', all(/around/i, not('Which day exactly'))],
  ]],
  ['"what is the 90 day rule" is the 90-day window', [
    ['what\'s the 90 day rule?', all('90 days from the purchase date', not("I'm not sure I understood"))],
  ]],
  ['"can i buy it now?" after the day a failed test can be bought again is No, and that day', [
    ['i failed A5 on november 20, when can i retake it', 'You can buy A5 again on or after Monday, December 21, 2026'],
    ['can i buy it now?', all(/^No\b/, 'Monday, December 21, 2026', not('Did you mean'))],
  ]],
  ['"can i retake it yet" after a wait that is over is Yes', [
    ['i failed A5 on october 1, when can i retake it', 'You can buy A5 again'],
    ['so can i retake it now', all(/^Yes\b/, not('Did you mean'))],
  ]],
];

// Finding 4: "reschedual" is reschedule (the appointment's day given is worked out, never asked
// again); "I'll just reschedule" after a cancel question is told how to move it, not how to cancel.
const reschedule: Transcript[] = [
  ['"i need to reschedual my test its on the 14th" works out the 14th', [
    ['i need to reschedual my test its on the 14th', all('Monday, December 14, 2026: got it', 'cancel the existing appointment first, then book the new one', not('Tell me the date of your appointment'))],
  ]],
  ['a move said after a cancel question is told how to move, not how to cancel and get a refund', [
    ['can i cancel my test and get a refund', 'Tell me the date of your appointment'],
    ['nevermind I will just reschedule it, the appointment is on the 20th', all('Sunday, December 20, 2026: got it', 'then book the new one', not('is refunded'))],
  ]],
];

// Finding 5: in a long story, "what about the A6" while the A1 appointment's time is asked is a
// question about A6, never the A1 appointment relabelled ("Changed to A6"): what the story told of
// A6 (bought in September, never scheduled) is its purchase window; letting it expire is the
// expired-unscheduled answer, not the No Show one.
const anotherTestInTheStory: Transcript[] = [
  ['"what about the A6" after a story is A6\'s purchase window, and letting it expire is the 90-day expiry', [
    ['I bought the A1 and A6 back in september, booked A1 for this thursday and might have to move it. A6 I never scheduled. can i still move the A1?', 'What time is your appointment on Thursday, December 10, 2026?'],
    ['hold on what about the A6', all('90 days from the purchase date', not('Changed to A6'), not('What time is your appointment'))],
    ['and if i let it expire do i get a refund', all('a test not taken by then expires, all fees are forfeited', not(/^There's no refund for a missed appointment/))],
  ]],
];

// Finding 6: a date alone that is nothing's fact is said back with what to tell (and how sign-in
// takes a date of birth), never "I don't know that one"; signed in, "do i have any results" is the
// account's results.
const dateAloneAndResults: Transcript[] = [
  ['a date of birth sent alone is said back with what to do with it', [
    ['1/1/1980', all('Tuesday, January 1, 1980', 'what happened that day?', 'ASE ID, date of birth and the last 4 digits', not("I don't know that one"))],
  ]],
  ['signed in, "do i have any results" is the account\'s results', [
    [demo2, 'signed in'],
    ['do i have any results', all('Your latest results on your account', 'A1', not('score report is emailed'))],
  ]],
];

transcriptTables([
  ['facts after a "Did you mean" go to the task that uses most of them (finding 1)', factsAfterDidYouMean],
  ['the 90 days, and follow-ups about a worked-out answer (findings 2 and 3)', ninetyDays],
  ['reschedule typed fast, and a move after a cancel question (finding 4)', reschedule],
  ['another test asked about in a long story (finding 5)', anotherTestInTheStory],
  ['a date alone, and results asked signed in (finding 6)', dateAloneAndResults],
], { now: testersClock });
