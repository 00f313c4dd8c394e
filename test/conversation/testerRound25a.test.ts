import { all, not, transcriptTables, type Transcript } from './suite.js';

// A blind tester's round (English, part a): conversations played against `npm start` by a tester who
// never saw the code, each finding written as the rule it broke. The clock is the tester's: Monday,
// December 7, 2026, noon in New York.
const testersClock = new Date('2026-12-07T17:00:00Z');

// Finding 1: passing is not failing. A test passed years ago and asked to be "retaken" is its
// recertification, never the 30-day retest rule; a name change asked first is answered first.
const passedLongAgo: Transcript[] = [
  ['a name change and a retest of tests passed in 2018 get the profile change, then recertification', [
    ['long story short, I passed A1 A4 and A5 back in 2018, moved states and got married so my name changed. how do i update my name with ASE and do i need to retest since its been over 5 years?',
      all('Profile Change Form', 'lapsed in 2023', 'recertification', not('30 full days'))],
  ]],
  ['time that has passed is no test passed: "30 days have passed, can i retake A5" is still the retest', [
    ['30 days have passed, can i retake A5 now?', all('30 full days', not('recertification'))],
  ]],
  ['"i passed A5 in 2017 do i have to retake it" is its recertification', [
    ['i passed A5 in 2017 do i have to retake it', all('lapsed in 2022', 'recertification', not('You can buy A5 again'))],
  ]],
];

// Finding 2: turned away for being late, "what if i just buy it again today" while the No Show
// question waits is the No Show rule (buy again once the result is posted, paying again), never the
// failed test's 30-day wait counted from today; the question is then asked again.
const lateAndRebuy: Transcript[] = [
  ['buying again after being turned away late is the No Show rule, and the question still stands', [
    ['showed up 15 minutes late and they turned me away, can i get my money back?', 'No Show'],
    ['can i just buy it again today', all('once the No Show result appears in myASE', 'Has the No Show result been posted', not('30 full days must pass'), not('Leaving'))],
    ['yes', 'you can buy the test again now'],
  ]],
  ['a failure said at the same question is still the retest', [
    ['i missed my appointment last week', 'Has the No Show result been posted'],
    ['different question, i failed A4 on november 2, when can i buy it again?', all('Leaving the missed appointment question for now', not('once the No Show result appears'))],
  ]],
];

// Finding 3: a shop owner asking to see which employees are certified, and when they expire, is the
// known gap for checking someone else's certification, never Master status.
const othersCertification: Transcript[] = [
  ['an employer checking the techs\' certifications gets the verification gap', [
    ['can i look up my employees certifications and expiration dates',
      all("I don't have a way to check someone else's certification", not('Master'))],
  ]],
];

// Finding 4: "when can i retake it and do i have to pay again" with the failure's day is the retest
// date and, for paying, that a retest is a new purchase; never the 90-day purchase window worked out
// from the failure's day. "no I meant T2" then is the retest date for T2.
const retakeAndPay: Transcript[] = [
  ['a retake and paying again, asked together, are the retest date and a new purchase', [
    ['flunked A6 yesterday, when can i take it again and do i need to pay again?',
      all('You can buy A6 again on or after Wednesday, January 6, 2027', 'a retest is a new purchase', not('to schedule and take it'))],
    ['no i meant T2', all('Changed to T2', 'You can buy T2 again on or after Wednesday, January 6, 2027', not('to schedule and take it'))],
  ]],
  ['"do i have to pay for it again" right after the retest date is the entry\'s cost answer: a new purchase, with its fees', [
    ['i failed A5 on november 20, when can i retake it', 'You can buy A5 again on or after'],
    ['do i have to pay for it again?', all('A retest is a new purchase', 'registration fee', not('Changed to'))],
  ]],
];

// Finding 5: the money asked as a loss after "it expired" is "Yes" (the fees are forfeited), the
// verdict word matching the question; asked as a refund it stays "No".
const lossOrRefund: Transcript[] = [
  ['"so i lose the money??" after an expired purchase is Yes, forfeited', [
    ['i bought A5 like 5 months ago and never scheduled it, can i still take it?', 'It has expired'],
    ['so i lose my money??', all(/^Yes\b/, 'forfeited', not(/^No\b/))],
  ]],
  ['"can i get a refund" after an expired purchase is still No', [
    ['i bought A5 like 5 months ago and never scheduled it, can i still take it?', 'It has expired'],
    ['can i get a refund?', all(/^No\b/, 'forfeited')],
  ]],
];

// Finding 6: "do I keep the extra time if I recertify early?" with a test named is answered from the
// source first (no: five years from the recertification), and the offer to work out the date follows.
const timeLeft: Transcript[] = [
  ['keeping the time left on an early recertification is No, then the date is asked for', [
    ['if i renew my A4 before it expires do i get to keep the remaining months?',
      all("You don't keep the time left on your original certification", 'When did you pass A4')],
    ['june 2023', 'If you recertify today, the new expiry is Sunday, December 7, 2031'],
  ]],
];

// Finding 7: "what about G1" after two answers given together (testing outside the USA, and T2 in
// Spanish) is asked of the answer that speaks of G1: it is available in Spanish.
const askedOfTheAnswerThatFits: Transcript[] = [
  ['"what about G1" after Mexico and a Spanish T2 is whether G1 is in Spanish', [
    ['can i test in mexico? and is the T2 offered in spanish?', all('United States', 'Spanish')],
    ['what about G1', all('available in Spanish', not('U.S. territories'))],
  ]],
];

// Finding 8: back with the bot after staff, "will it still be within my 90 days?" is the 90-day
// purchase window, never "I'm not sure I understood".
const ninetyDaysAfterStaff: Transcript[] = [
  ['back from a person, being within the 90 days is the purchase window and its offer', [
    ['talk to a person', 'member of ASE support staff'],
    ['back to the bot', not("I'm not sure I understood")],
    ['am i still within the 90 days?', all('90 days from the purchase date', 'Tell me the date you bought your test', not("I'm not sure I understood"))],
  ]],
];

// Finding 9: English replies are American English: a "test center", never a "test centre".
const americanEnglish: Transcript[] = [
  ['where the nearest test center is, is told in American English', [
    ['closest testing center near me?', all("I can't look up test centers", not('centre'))],
  ]],
  ['the zone a change deadline is worked in is the test center\'s', [
    ['my appointment is tomorrow at 9am, can I still reschedule it?', all("the test center's local time", not('centre'))],
  ]],
];

transcriptTables([
  ['a test passed long ago is recertified, not retested (finding 1)', passedLongAgo],
  ['buying again after a missed appointment (finding 2)', lateAndRebuy],
  ['someone else\'s certification (finding 3)', othersCertification],
  ['a retake and its cost asked together (finding 4)', retakeAndPay],
  ['the money asked as a loss or as a refund (finding 5)', lossOrRefund],
  ['the time left on an early recertification (finding 6)', timeLeft],
  ['a test named after two answers (finding 7)', askedOfTheAnswerThatFits],
  ['the 90 days asked after staff (finding 8)', ninetyDaysAfterStaff],
  ['American English (finding 9)', americanEnglish],
], { now: testersClock });
