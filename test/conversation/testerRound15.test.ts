import { all, not, transcriptTables, type Transcript } from './suite.js';

// The fifteenth usability round: about forty-five conversations played against `npm start` as
// candidates who never saw the code. Each finding is written here as the rule it broke. The clock
// is the tester's: Monday, December 7, 2026, noon in New York.

const theTestTheVerbNames: Transcript[] = [
  ['"took A1 A2 and A3 last saturday, passed 2, failed A2 ... when can i retake it" is A2\'s retest, never A1\'s', [
    [
      'hey so i took A1 A2 and A3 last saturday, passed 2 of them, failed A2 by like 3 points which is so annoying. when can i retake it',
      all('You can buy A2 again on or after Tuesday, January 5, 2027', not('buy A1')),
    ],
  ]],
  ['"passed A5 but reprobé A6 el 1 de diciembre" is A6\'s retest in Spanish', [
    ['pasé A5 pero reprobé A6 el 1 de diciembre, cuándo lo puedo volver a tomar', all(/A6/, not(/comprar A5/))],
  ]],
];

const aStatedExpiryStands: Transcript[] = [
  ['"my A4 expires on 2/29/2028" is said back as February 29, never as the 28th', [
    ["my A4 expires on 2/29/2028, when's the earliest I can recert", all('expires on Tuesday, February 29, 2028', not('February 28'), '449 days left')],
  ]],
];

const anAppointmentIsNoPurchase: Transcript[] = [
  ['"and if i already scheduled it for jan 2" after the purchase window is no purchase on January 2', [
    ['I bought the G1 test on sept 15, how long do i have to schedule it', 'until Monday, December 14, 2026'],
    ['and if i already scheduled it for jan 2', all(not('January 2, 2026'), not('expired'))],
  ]],
];

transcriptTables(
  [
    ['a task reads the test its own verb names ("failed A2"), not the first one in the message', theTestTheVerbNames],
    ['an expiry the candidate gives is said back as given', aStatedExpiryStands],
    ['a date the message says is an appointment\'s ("scheduled it for") is never a purchase', anAppointmentIsNoPurchase],
  ],
  { now: new Date('2026-12-07T17:00:00Z') },
);
