import { all, demo1, en, not, transcriptTables } from './suite.js';

// The sixth usability round: a tester played candidates against `npm start` (conversation numbers as
// in their transcripts), each written as the general rule it broke. The clock is theirs: Sunday,
// December 6, 2026, noon in New York; every transcript also runs on SMS.

const retestWait = /30 full days/;

transcriptTables(
  [
    [
      'sick or unable to make an appointment still ahead is about that appointment, and its date is kept (c33)',
      [
        ['"my test is tmrw at 2pm and i got sick, what do i do" is worked out for tomorrow\'s appointment, not the retest wait', [
          ['my test is tmrw at 2pm and i got sick, what do i do', all('Monday, December 7, 2026', not(retestWait), not('When is your appointment'))],
        ]],
        ['"i have an emergency and can\'t make my exam on friday" is the same appointment question, with Friday kept', [
          ["i have an emergency and can't make my exam on friday", all('Friday, December 11, 2026', not(retestWait), not('When is your appointment'))],
        ]],
      ],
    ],
    [
      'a follow-up to the missed-appointment answer stays on it (c07)',
      [
        ['"can i rebook right away" after a missed appointment is told when it can be bought again, not the three-day change rule', [
          ['missed my test yesterday can i get refund', 'No Show'],
          ['can i rebook right away', all('once the official No Show test result is posted', not('more than three days away'))],
        ]],
      ],
    ],
    [
      '"cancel it" after the appointments list asks which appointment, and the stop command never sounds like a cancellation (c09)',
      [
        ['signed in, "cancel it" after the upcoming appointments is about cancelling one of them', [
          ['sign in', en.linking.askCredentials],
          [demo1, 'signed in'],
          ['what tests do i have coming up', 'upcoming test appointment'],
          ['cancel it', all(/Cancel your A5 \(Brakes\) appointment/, not('I stopped that'))],
        ]],
        ['signed in, "cancel my A5" asks to confirm that appointment (an explicit yes still needed)', [
          ['sign in', en.linking.askCredentials],
          [demo1, 'signed in'],
          ['cancel my A5', all(/Cancel your A5 \(Brakes\) appointment/, not('I stopped that'))],
        ]],
        ['"never mind" while a task asks for its date leaves the question and says nothing was changed', [
          ['I failed A5, when can I retake it?', 'What date did you take A5'],
          ['never mind', all('nothing was changed', not('I stopped that'))],
        ]],
        ['"cancel that" with nothing in progress says nothing was cancelled', [
          ['hello', 'Hello'],
          ['cancel that', all(not(/I stopped that|cancelled/i), /nothing/i)],
        ]],
      ],
    ],
    [
      'asking to be called, or for someone to call, gives the phone numbers and offers a person (c38, c36, c55)',
      [
        ['"can someone from ase call me back" gives ASE\'s number and offers a person', [
          ['can someone from ase call me back', all('1-800-390-6789', /person/i, not('Master Technician'))],
        ]],
        ['"is there anybody i can call" after an appointment answer gives the numbers, not "I don\'t know that one"', [
          ['my A4 test is on the 8th, can i move it', 'Tuesday, December 8, 2026'],
          ['ugh. is there anybody i can call', all('1-800-390-6789', '877-346-9327', not(en.unknown))],
        ]],
        ['"can someone from ase call me" during a task gives the numbers, then the task\'s question again', [
          ['I failed A5, when can I retake it?', 'What date did you take A5'],
          ['can someone from ase call me', all('1-800-390-6789', 'Back to your question', not('ADA Request Form'))],
        ]],
      ],
    ],
    [
      'a test code dropped from a duplicates list is removed, and "just the auto ones" keeps that series (c68, c06)',
      [
        ['"oops drop the P2" takes P2 out of the list: $15.00', [
          ['how much for duplicate certs: A1, A5, T3, P2, and G1', '$22.50'],
          ['oops drop the P2', all('$15.00', not('Changed to P2'), not(/Parts Specialist/))],
        ]],
        ['"without T2" takes T2 out', [
          ['how much is a duplicate cert? i lost my A1 A4 and T2 certs', '$15.00'],
          ['without T2', all('$7.50', not(/Medium\/Heavy Truck/))],
        ]],
        ['"what about just the auto ones" keeps the automobile codes', [
          ['how much is a duplicate cert? i lost my A1 A4 and T2 certs', '$15.00'],
          ['what about just the auto ones', all('$7.50', 'A1, A4', not(/Medium\/Heavy Truck/))],
        ]],
      ],
    ],
    [
      '"I meant A4 not A1, same date" after a recertification answer changes the test and keeps the date (c40)',
      [
        ['the expiry is worked out for A4 from the same date', [
          ['i recertified A1 on 2024-04-15, when is it due again', 'April 15, 2029'],
          ['what if i do it early in 2027', 'recertify early'],
          ['no i meant A4 not A1, same date', all('A4', 'April 15, 2029', not('90 days'))],
        ]],
      ],
    ],
    [
      'sign-in details sent in pieces are put together, and a question asked during sign-in is answered (c04, c45)',
      [
        ['the ASE ID, the birth date and the SSN digits in three messages sign in', [
          ['sign in', en.linking.askCredentials],
          ['DEMO-0001', all(/date of birth/, not("don't keep them"))],
          ['1980-01-01', not(/still need your ASE ID/)],
          ['0001', 'signed in'],
        ]],
        ['a corrected birth date after a failed try signs in with the ID and digits already sent', [
          ['sign in', en.linking.askCredentials],
          ['DEMO-0001, 1980-01-02, 0001', "don't match"],
          ['oops 1980-01-01', 'signed in'],
        ]],
        ['"ok and when do i need to recert" during sign-in is answered', [
          ['sign in', en.linking.askCredentials],
          ['DEMO-0001', /date of birth/],
          ['ok and when do i need to recert', all(/Recertification Test|five years/, not(/still need your ASE ID/))],
        ]],
      ],
    ],
    [
      'a test date given after the results answer is the results rule\'s date (c65)',
      [
        ['"i took it dec 3" after "when will i get my test results" is about results from December 3', [
          ['when will i get my test results', 'score report'],
          ['i took it dec 3', all('Your results should be in myASE by Sunday, December 6, 2026', 'Thursday, December 3, 2026', not('No Show'))],
        ]],
      ],
    ],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);
