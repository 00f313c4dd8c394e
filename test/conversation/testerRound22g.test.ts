import { all, demo1, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-second usability round (ut22, part g): conversations played against `npm start` by a
// tester who never saw the code. Each finding is written here as the rule it broke. The clock is the
// tester's: Monday, December 7, 2026, noon in New York. DEMO-0001 has A4 booked on Wednesday,
// December 9 (within 72 hours) and A5 on Tuesday, December 15 (still open).
const testersClock = new Date('2026-12-07T17:00:00Z');

// Finding 1: right after the account listed the appointments, "can I cancel it and get a refund?"
// is about those: each one's three-day rule, that a cancelled purchased test is refunded (the
// source's words), and the one that can still be cancelled offered. Never the general FAQ answer
// with "Tell me the date of your appointment".
const refundOfTheOnesShown: Transcript[] = [
  ['"can I cancel it and get a refund?" after the appointments are listed answers from the account', [
    [demo1, 'signed in'],
    ['when are my appointments', 'You have 2 upcoming test appointments'],
    ['can I cancel it and get a refund?', all(
      /A5 \(Brakes\) appointment on Tuesday, December 15, 2026 at 9:00 AM can still be cancelled/,
      /A4 \(Suspension and Steering\) appointment .* can no longer be cancelled/,
      'receive a refund for a test that you purchased',
      'Cancel your A5 (Brakes) appointment',
      not('Tell me the date of your appointment'),
    )],
    ['no', "haven't cancelled anything"],
  ]],
  ['"do I get my money back if I cancel?" the same', [
    [demo1, 'signed in'],
    ['when are my appointments', 'You have 2 upcoming test appointments'],
    ['do I get my money back if I cancel?', all('can still be cancelled', 'receive a refund for a test that you purchased', not('Tell me the date of your appointment'))],
  ]],
  ['signed out, the general answer stays', [
    ['can I cancel it and get a refund?', all('receive a refund for a test that you purchased', 'Tell me the date of your appointment')],
  ]],
];

// Finding 2 (how long a No Show takes to post) was fixed on its branch, and taken out in the merge:
// its facet made "I took my A1 test on June 5 2022" at the Master question start the results task.

// Finding 3: two questions in one, an answer and a known gap, whose words together read as a third
// gap (results + shop = who can see the results): each part answered, in the order asked.
const answerAndGap: Transcript[] = [
  ['"when do I get my results and can my shop pay for the test?" answers both parts', [
    ['when do I get my results and can my shop pay for the test?', all(/score report is emailed/i, /myASE/, /employers or shops paying/, not("I don't have details on who can see your results"))],
  ]],
];

transcriptTables([
  ['an answer and a known gap in one message, both answered (finding 3)', answerAndGap],
  ['a refund asked after the appointments are listed is about them (finding 1)', refundOfTheOnesShown],
], { now: testersClock });
