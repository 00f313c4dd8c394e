import { all, buttons, not, transcriptTables, type Transcript } from './suite.js';

// Conversation behaviours seen in earlier sessions and left alone, each written as the rule it broke.
// The clock: Monday, December 7, 2026, noon in New York.
const clock = new Date('2026-12-07T17:00:00Z');

// "and my ASE A1 too" right after the EPA 609 answer (its duplicate card) is the same question asked of
// ASE's own certificates: their duplicates worked out for the tests named, never "Sorry, I don't know that one".
const sameQuestionOfAseTests: Transcript[] = [
  ['"and my ASE A1 too" after the EPA 609 duplicate-card answer is answered for the ASE duplicate certificate', [
    ['how do i get a replacement for my epa 609 card', 'ASE Customer Service (1-800-390-6789)'],
    ['and my ASE A1 too', all('That comes to $7.50: one test series', not("I don't know that one"))],
  ]],
  ['"and my A1 and T2 certs too" after it works out the duplicates of both series', [
    ['lost my 609 wallet card', 'ASE Customer Service (1-800-390-6789)'],
    ['and my A1 and T2 certs too', all('That comes to $15.00: 2 test series', not('wallet card'))],
  ]],
];

// "my L1 expired, still master?": L1 is none of the tests a Master status requires (A1-A8, T2-T8);
// that is said, from what the source says of the status, never "which Master status?" asked back.
const lapsedTestNoMasterRequires: Transcript[] = [
  ['a lapsed test no Master status requires is said to be none of its required tests', [
    ['my L1 expired, still master?', all("L1 isn't one of the required tests", 'A1-A8', 'T2-T8', 'every required certification of its series is current', not('Which Master status'))],
  ]],
  ['a test of the Automobile series that Master Automobile does not require is answered for that status only', [
    ['my G1 lapsed, am i still a master tech?', all("G1 isn't one of the required tests for Master Automobile Technician (A1-A8)", not('Which of the'))],
  ]],
  ['a required test that lapsed is still answered as before', [
    ['my A3 expired, still master?', 'A3 lapsed, so Master Automobile Technician status is suspended'],
  ]],
];

// "my test is friday", a day and nothing asked, is the candidate's appointment: the one rule about an
// appointment ahead (until when it can be changed), never the study answer.
const appointmentDaySaid: Transcript[] = [
  ['"my test is friday" is the appointment\'s day, not a question about studying', [
    ['my test is friday', all('Friday, December 11, 2026', 'you can still change or cancel it', not('Study Guides'))],
  ]],
  ['"my exam is tomorrow at 8am" is the appointment too', [
    ['my exam is tomorrow at 8am', all('Tuesday, December 8, 2026 at 8:00 AM', 'can no longer be changed')],
  ]],
];

// An employer registering several employees at once: the FAQ says only that tests are bought and
// scheduled in a myASE account. That answer (the registration entry), never "Did you mean" between it
// and the ADA or missed-appointment entries on the word "all"; an employer paying is still the honest gap.
const employerRegisters: Transcript[] = [
  ['an employer registering all of their employees is told how tests are bought and scheduled', [
    ['can i register all of my employees at once', all('You buy and schedule tests in your myASE account', not(/^After buying a test/), not('Did you mean'))],
  ]],
  ['an employer paying for the tests is still the honest gap', [
    ['can my shop pay for my tests', "I don't have details on employers or shops paying for tests"],
  ]],
];

// Two tests compared: the FAQ does not say what a test covers. The honest gap, pointing to the ASE
// Study Guides, never the Advanced Level answer.
const testsCompared: Transcript[] = [
  ['"how is A5 different from A6" is the honest gap with the Study Guides', [
    ['how is the A5 different from the A6?', all('nor what each test covers', 'ASE Study Guides', not('Advanced Level'))],
  ]],
];

// A "Did you mean" with one choice reads as a question of its own ("Did you mean: X?") answered yes
// or no, never a list of one; "yes" answers it, "no" is none of these.
const didYouMeanOne: Transcript[] = [
  ['a "Did you mean" of one entry is asked as itself, and "yes" answers it', [
    ['where do i order a reprint of the credentials', all('Did you mean: Duplicate certificate?', not('one of these'))],
    ['yes', 'Order a duplicate certificate by logging in to your myASE account'],
  ]],
  ['"no" to it is none of these', [
    ['where do i order a reprint of the credentials', 'Did you mean: Duplicate certificate?'],
    ['no', all("Sorry I couldn't find it", not('$7.50'))],
  ]],
];
const didYouMeanOneButtons: Transcript[] = [
  ['on Web Chat its buttons are Yes and No', [
    ['where do i order a reprint of the credentials', buttons('Yes', 'No')],
  ]],
];

transcriptTables(
  [
    ['the question just answered, asked of ASE tests', sameQuestionOfAseTests],
    ['a lapsed test that no Master status requires', lapsedTestNoMasterRequires],
    ['an appointment day said with nothing asked', appointmentDaySaid],
    ['an employer registering technicians', employerRegisters],
    ['two tests compared', testsCompared],
    ['a "Did you mean" of one entry', didYouMeanOne],
    ['a "Did you mean" of one entry, its buttons', didYouMeanOneButtons, ['webchat']],
  ],
  { now: clock },
);
