import { all, demo1, demo3, demo4, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-first usability round (ut21, first part): conversations played against `npm start` by a
// tester who never saw the code. Each finding is written here as the rule it broke, in the tester's
// words. The clock is the tester's: Monday, December 7, 2026, noon in New York.

// Finding 5: a conversational opener ("wait", "hold on", "remind me") and a closing "again" are how
// the question is asked, not what is asked: "wait" pulled the retest entry ("wait 30 full days"), so
// the results question got a "Did you mean" menu, or mid-conversation the retest answer.
const fillers: Transcript[] = [
  ['"wait how long do results take again" is the results answer, not a menu', [
    ['wait how long do results take again', all('score report', not('Did you mean'))],
  ]],
  ['"wait how long do results take again" after the retest answer is the results answer', [
    ['I failed A5 on March 3 2026, when can I retake it?', 'You can buy A5 again now'],
    ['wait how long do results take again', all('score report', not('30 full days'), not('Did you mean'))],
  ]],
  ['"hold on, remind me how long results take" is the results answer', [
    ['hold on, remind me how long results take', all('score report', not('Did you mean'))],
  ]],
  ['"do I have to wait 30 days?" keeps its "wait": the retest answer', [
    ['do I have to wait 30 days to retake it?', '30 full days'],
  ]],
];

// Finding 3: the source gives no test lengths. "How long is the recert test" asks how long the test
// takes to sit: the honest test-length gap, never the recertification policy; how long a
// certification lasts is still the recertification answer.
const testLength: Transcript[] = [
  ['"how long is the recert test" is the test-length gap', [
    ['how long is the recert test', all("I don't have test lengths or time limits", '1-800-390-6789', not('five years'))],
  ]],
  ['"how long does the recertification exam take" is the same gap', [
    ['how long does the recertification exam take', all("I don't have test lengths", not('five years'))],
  ]],
  ['"how long is my certification good for" is still the five years', [
    ['how long is my certification good for', all('five years', not("I don't have test lengths"))],
  ]],
];

// Finding 4: a shop owner asking whether his technicians are certified is asking to check someone
// else's certification. The source has no lookup: say so, and point to what it does say (the
// expiration dates on their certificates and in myASE) and to ASE Customer Service.
const verifying: Transcript[] = [
  ['"how do I know if my guys are certified" is the verification gap', [
    ['how do I know if my guys are certified', all("I don't have a way to check someone else's certification", 'on their certificates', '1-800-390-6789', not('insignias'))],
  ]],
  ['"how do i find out if my employees are ase certified" is the same', [
    ['how do i find out if my employees are ase certified', all("check someone else's certification", not('EPA'))],
  ]],
  ['"how do I know if I passed" is still the results answer', [
    ['how do I know if I passed', all('score report', not("someone else's"))],
  ]],
];

// Finding 7: a passport asked about as ID is the ID question: "passport" was read as a misspelt
// "password" and got the myASE password referral.
const passport: Transcript[] = [
  ['"is a passport ok" is the ID gap, not a password reset', [
    ['is a passport ok', all("I don't have the rules on ID", '877-346-9327', not('password'))],
  ]],
  ['"can I use my passport instead of a drivers license" is the ID gap', [
    ['can I use my passport instead of a drivers license', all("I don't have the rules on ID", not('password'), not('organisation concerned'))],
  ]],
  ['"I forgot my password" is still the password referral', [
    ['I forgot my password', "I can't reset myASE passwords"],
  ]],
];

// Finding 1: "how long does it take to get them" right after the duplicate answer asks about the
// duplicates. The source gives a time only for the certificate of a test passed (three weeks): the
// bot says it has no time for duplicates, and who can tell (ASE Customer Service); out of context
// the question is still the certificate's three weeks.
const duplicateTiming: Transcript[] = [
  ['"how long does it take to get them" after the duplicate answer is the duplicates\' timing gap', [
    ['how do I get a duplicate certificate?', '$7.50 per test series'],
    ['how long does it take to get them', all("I don't have how long a duplicate certificate takes to arrive", '1-800-390-6789', not('Tell me the date you passed'))],
  ]],
  ['the same after the duplicates were worked out', [
    ['I need duplicates of my certificates', 'Tell me which test series you need duplicates for'],
    ['A1 and A4', '$7.50'],
    ['when will they arrive', all("I don't have how long a duplicate certificate takes to arrive", not('Tell me the date you passed'))],
  ]],
  ['in Spanish, "¿cuánto tardan en llegar?" after the duplicate answer is the same gap', [
    ['¿cómo obtengo un certificado duplicado?', '$7.50'],
    ['¿cuánto tardan en llegar?', all(/No tengo cu[aá]nto tarda en llegar un certificado duplicado/, '1-800-390-6789')],
  ]],
  ['"how long does it take to get my certificate" on its own is the three weeks', [
    ['how long does it take to get my certificate', all('three weeks', not('duplicate'))],
  ]],
];

// Finding 2: signed in with several certifications, "which one expires first" is the account's
// earliest expiry, worked out by the rules (five years from the pass), with any already lapsed said
// too; it was the Master FAQ answer.
const expiresFirst: Transcript[] = [
  ['signed in with A1-A8 (A6 lapsed), "which one expires first" names A2', [
    [demo3, 'signed in'],
    ['which one expires first', all(/^Your A2 \(Automatic Transmission\/Transaxle\) certification expires first: on Thursday, January 21, 2027 \(45 days from today\)\./, 'Already lapsed: A6', not('Master Technician status is earned'))],
  ]],
  ['after the certifications were listed, "which one expires first" still names the earliest', [
    [demo3, 'signed in'],
    ['when do my certifications expire', 'You have 8 certifications'],
    ['ok which one expires first?', all('A2 (Automatic Transmission/Transaxle) certification expires first', not('Master'))],
  ]],
  ['signed in as a Master Technician with A9 due, "what\'s the next one to expire" is A9', [
    [demo4, /signed in|ha iniciado/],
    ["what's the next one to expire", all(/A9 .* expires first: on .* \(30 days from today\)/, not('Already lapsed'))],
  ]],
];

// Finding 6: signed in, "can I schedule A6 for next week" is answered from the account: the A6
// purchase's last day by the 90-day rule, and whether the day asked falls by then. It asked the
// purchase date (or offered a menu) although the account knows it.
const scheduleFromAccount: Transcript[] = [
  ['signed in with A6 bought 84 days ago, next week is too late', [
    [demo1, 'signed in'],
    ['can I schedule A6 for next week', all(
      /^No: you have until Sunday, December 13, 2026 \(6 days from today\) to schedule and take A6 \(Electrical\/Electronic Systems\), and next week \(Monday, December 14, 2026\) is after that\./,
      not('What date did you buy'), not('Did you mean'))],
  ]],
  ['signed in with A6 bought 5 days ago, next week is within the window', [
    [demo3, 'signed in'],
    ['can I schedule my A6 test for next week?', all(/^Yes: next week \(Monday, December 14, 2026\) is within the window for A6/, 'Tuesday, March 2, 2027', not('What date did you buy'))],
  ]],
];

transcriptTables([
  ['scheduling a test the account holds is answered from it (finding 6)', scheduleFromAccount],
  ['which certification expires first, from the account (finding 2)', expiresFirst],
  ['a duplicate\'s timing is a gap the bot admits (finding 1)', duplicateTiming],
  ['conversational fillers do not cost the answer (finding 5)', fillers],
  ['how long a test takes is a gap the bot admits (finding 3)', testLength],
  ['whether someone else is certified is a gap the bot admits (finding 4)', verifying],
  ['a passport as ID is the ID question (finding 7)', passport],
], { now: new Date('2026-12-07T17:00:00Z') });
