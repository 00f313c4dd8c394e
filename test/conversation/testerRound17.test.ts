import { all, buttons, demo2, not, signIn, transcriptTables, type Transcript } from './suite.js';

// The seventeenth usability round: about thirty conversations played against `npm start` as
// candidates who never saw the code, mixing tasks, follow-ups and detours. Each finding is written
// here as the rule it broke. The clock is the tester's: Monday, December 7, 2026, noon in New York.

const textingsAnd: Transcript[] = [
  ['"n a4?" after the A8 retest answer is "and A4?": the same question for A4, from the same day', [
    ['wen can i retake a8 i failed it 11/15', 'You can buy A8 again on or after Wednesday, December 16, 2026'],
    ['n a4?', all('You can buy A4 again on or after Wednesday, December 16, 2026', not('What date did you take A4'))],
  ]],
  ['"& for a6?" is "and for A6?"', [
    ['I failed A5 on november 20. when can I retake it?', 'You can buy A5 again on or after Monday, December 21, 2026'],
    ['& for a6?', all('You can buy A6 again on or after Monday, December 21, 2026')],
  ]],
];

const afterTheAccount: Transcript[] = [
  ['signed in, "how do I submit it?" after the account says the certificate waits on work experience is how to submit it', [
    [signIn, 'ASE ID'],
    [demo2, 'signed in'],
    ["why can't I get the certificate for the one I passed?", 'delayed until your work experience is reviewed and approved'],
    ['how do I submit it?', all(/^Submit your work experience form/, not("I'm not sure I understood"))],
  ]],
];

const aNoShowIsNoFailure: Transcript[] = [
  ['"how long until I can rebuy" while the missed-appointment task asks about the No Show is the No Show\'s rule, never the 30-day wait', [
    ['I missed my appointment yesterday', 'Has the No Show result been posted'],
    ['how long until I can rebuy', all(/(?:once|only after) the official No Show test result is posted/, not('30 full days'))],
  ]],
  ['"ok how long until i can retake it" right after the missed-appointment answer is the No Show\'s rule', [
    ['I missed my appointment yesterday', 'Has the No Show result been posted'],
    ['no', 'No Show'],
    ['ok how long until i can retake it', all('scored as No Show, not a failed test', 'once the No Show result appears in myASE', not('30 full days'))],
  ]],
  ['"how long until I can retake it if I failed" there is the failed test\'s 30-day wait', [
    ['I missed my appointment yesterday', 'Has the No Show result been posted'],
    ['how long until I can retake it if I failed', '30 full days'],
  ]],
];

const theMoneyOfThatAnswer: Transcript[] = [
  ['"can I get a refund?" then "so I just lose the money?" after "it can no longer be changed or cancelled" are answered from that answer: no refund, fees forfeited if missed', [
    ["my test is tomorrow and I'm sick, what can I do?", 'can no longer be changed or cancelled'],
    ['can I get a refund?', all(/^No: within three days/, "there's no refund", not('a test you purchased is refunded'))],
    ['so I just lose the money?', all(/^Yes: within three days/, 'all fees are forfeited', not('fee for changing'))],
  ]],
  ['"do I get my money back?" after "you can still change or cancel it" is yes, cancelling the appointment and then the test', [
    ["my A5 appointment is on december 20, can I cancel?", 'you can still change or cancel it'],
    ['do I get my money back?', all(/^Yes, if you cancel in time/, 'Cancel Test', 'a test that you purchased')],
  ]],
  ['"can I get a refund?" with no change worked out is the general cancel answer', [
    ['can I get a refund?', all(not(/^No: within three days/), not(/^Yes, if you cancel in time/))],
  ]],
];

const oneMoreToo: Transcript[] = [
  ['"and parts too" after the duplicate price of auto and truck adds Parts Specialist to them', [
    ['I need a duplicate cert for auto and truck', 'That comes to $15.00'],
    ['and parts too', all('That comes to $22.50', '3 test series', not('That comes to $7.50'))],
  ]],
  ['"and the A5 too" after a retest answer for A4 is A5 asked the same way', [
    ['I failed A4 on november 20, when can I retake it?', 'You can buy A4 again on or after Monday, December 21, 2026'],
    ['and the A5 too', 'A5'],
  ]],
  ['"and me too" is no value added', [
    ['I need a duplicate cert for auto and truck', 'That comes to $15.00'],
    ['and me too', not('Changed to')],
  ]],
];

const theOneIMissed: Transcript[] = [
  ['"and the one I missed?" after the retest answer is the missed appointment, never the questions missed', [
    ['when can I retake my failed test?', '30 full days'],
    ['and the one I missed?', all('No Show', not("can't show you the questions"))],
  ]],
  ['"when can I retake the one I missed" is the No Show\'s rule', [
    ['when can I retake the one I missed', all('No Show', not('30 full days'))],
  ]],
  ['"can I see the questions I missed" is still the questions missed', [
    ['can I see the questions I missed', "can't show you the questions"],
  ]],
];

const aSubjectOfItsOwn: Transcript[] = [
  ['"ok and how long does the certificate take after I pass?" after the retest answer is never the retest rule again: asked back between certificate and recertification', [
    ['I failed A5 on november 20. when can I retake it?', 'You can buy A5 again'],
    ['ok and how long does the certificate take after I pass?', all(not('30 full days'), buttons('When I get my certificate', 'Recertification tests', 'None of these'))],
  ]],
];

const goingLate: Transcript[] = [
  ['"what if I go anyway but late?" after "it can no longer be changed" is arriving late: a No Show', [
    ["my test is tomorrow and I'm sick, what can I do?", 'can no longer be changed or cancelled'],
    ['what if I go anyway but late?', all('No Show', not("I'm not sure I understood"))],
  ]],
];

transcriptTables(
  [
    ['going late, said with a verb of going, is arriving late', goingLate],
    ['a question whose subject the last answer never names is not that answer\'s', aSubjectOfItsOwn],
    ['"the one I missed" is an appointment missed', theOneIMissed],
    ['"and X too" after an answer adds X', oneMoreToo],
    ['the money asked about right after a change worked out is that answer\'s', theMoneyOfThatAnswer],
    ['a rule asked of a No Show is the No Show\'s rule', aNoShowIsNoFailure],
    ['a follow-up right after an answer from the account is read in its light', afterTheAccount],
    ['a leading "n" or "&" in texting is "and"', textingsAnd],
  ],
  { now: new Date('2026-12-07T17:00:00Z') },
);
