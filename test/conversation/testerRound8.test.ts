import { all, demo1, demo2, not, transcriptTables } from './suite.js';

// The eighth usability round: a tester played a US mechanic against `npm start` without reading the
// code (findings numbered F1-F48 in their notes), each written here as the general rule it broke.
// The clock is theirs: Sunday, December 6, 2026, noon in New York; every transcript also runs on SMS.

transcriptTables(
  [
    [
      'a Master Technician hypothetical is answered as one, never as a fact about the candidate (F6, F7)',
      [
        ['"if I let A6 lapse am I still master?" says what would happen, not that A6 lapsed', [
          ['if I let A6 lapse am I still master?', all(/^If A6 lapses/, 'recertification test for A6', not('Not at the moment'), not(/A6 lapsed/))],
        ]],
        ['"will I lose master if A6 expires" is the same', [
          ['if i let my a6 expire will i lose master status', all(/if A6 lapses/i, not('Not at the moment'))],
        ]],
        ['"A6 expires next month, will I lose master?" is answered, not asked which have expired', [
          ['I passed A1 through A8 but A6 expires next month. will I lose master?', all(/if A6 lapses/i, not(/Which of the .* have expired/))],
        ]],
        ['"what if I let A6 lapse" again right after is that answer again, not the recertification question (the loop)', [
          ['if I let A6 lapse am I still master?', /if A6 lapses/i],
          ['what if I let A6 lapse', all(/if A6 lapses/i, not('When did you pass A6'), not('Changed to'))],
          ['what if A6 and A7 lapse?', all(/if A6 and A7 lapse/i, not('When did you pass'))],
        ]],
        ['a supposed lapse after a told one changes the answer to what would happen', [
          ['Im a master tech, T2 lapsed, am i still master truck', 'T2 lapsed'],
          ['what if T3 lapses too', all(/if T2 and T3 lapse/i, not('Changed to true'), not('When did you pass'))],
        ]],
        ['"whats the deal with master tech status if my brakes cert runs out" is answered for A5 (it was a FAQ row of test/bot/conversations)', [
          ['whats the deal with master tech status if my brakes cert runs out', all(/If A5 lapses, you lose Master Automobile Technician status/, not('Not at the moment'))],
        ]],
        ['"am I still a master tech if A6 expired?" tells a lapse (past tense): it lapsed', [
          ['am I still a master tech if A6 expired?', /^Not at the moment: A6 lapsed/],
        ]],
        ['a lapse stated as a fact is still answered as one', [
          ['Im a master tech, T2 lapsed, am i still master truck', all('Not at the moment', 'T2 lapsed')],
        ]],
      ],
    ],
    [
      'signed in, a request about one of the candidate\'s appointments is answered from the account, however it is put (F42)',
      [
        ['"cancel the A5" asks to confirm cancelling the A5 appointment, not for its date', [
          [demo1, 'signed in'],
          ['cancel the A5', all('A5 (Brakes)', 'Monday, December 14, 2026', not('Tell me the date of your appointment'))],
        ]],
        ['"ok cancel A5 then" is the same', [
          [demo1, 'signed in'],
          ['ok cancel A5 then', all('A5 (Brakes)', not('Tell me the date of your appointment'))],
        ]],
        ['"cancel the A4" says it is too late, from the account', [
          [demo1, 'signed in'],
          ['cancel the A4', all('A4 (Suspension and Steering)', /can no longer be cancelled/, not('Tell me the date of your appointment'))],
        ]],
        ['"move my A5 to jan" says until when it can still be moved, from the account', [
          [demo1, 'signed in'],
          ['move my A5 to jan', all('Friday, December 11, 2026', not('Tell me the date of your appointment'))],
        ]],
        ['not signed in, "cancel the A5" still gets the general answer', [
          ['cancel the A5', all(/cancel/i, not('A5 (Brakes)'))],
        ]],
      ],
    ],
    [
      'while a cancellation waits for its yes, naming another appointment is a change of which one, not a new question (F17)',
      [
        ['"wait actually what about the A4 one" says the A4 cannot be cancelled, then asks about the A5 again', [
          [demo1, 'signed in'],
          ['cancel my A5', 'Cancel your A5 (Brakes) appointment'],
          ['wait actually what about the A4 one', all('A4 (Suspension and Steering)', /can no longer be cancelled/, /Cancel your A5 \(Brakes\) appointment.*\?/, not('Did you mean'))],
          // "no", not "yes": the demo account is shared by every transcript in the file.
          ['no', "I haven't cancelled anything"],
        ]],
        ['a test with no appointment is said so, and the A5 is asked about again', [
          [demo1, 'signed in'],
          ['cancel my A5', 'Cancel your A5 (Brakes) appointment'],
          ['no, A6', all('no upcoming appointment for A6', 'Cancel your A5 (Brakes) appointment', not("I haven't cancelled anything"))],
          ['no', "I haven't cancelled anything"],
        ]],
      ],
    ],
    [
      'two questions in one, the second a known gap: both are answered, in the order asked, never the second dropped (F43)',
      [
        ['"is there a spanish version, and can my shop pay" says the Spanish tests, then that it has no details on shops paying', [
          ["hi I'm taking A1 next week, is there a spanish version, and can my shop pay", all(/^Yes: the Automobile\/Light Truck Tests[\s\S]*available in Spanish[\s\S]*I don't have details on employers or shops paying/)],
        ]],
        ['asked the other way round, the gap comes first', [
          ['can my shop pay and is there a spanish version', /^I don't have details on employers or shops paying[\s\S]*available in Spanish/],
        ]],
        ['a gap alone is still the gap alone', [
          ['can my shop pay', all(/^I don't have details on employers or shops paying/, not('Spanish'))],
        ]],
      ],
    ],
    [
      '"the last day" is a deadline asked about, not yesterday (F39)',
      [
        ['"whens the last day i can cancel" asks for the appointment\'s date, not about December 5', [
          ['whens the last day i can cancel', all(/three days/, not('December 5'), not('has already passed'))],
          ['dec 15 8am', 'Saturday, December 12, 2026 at 8:00 AM'],
        ]],
      ],
    ],
    [
      'back from a detour, a fact for the task the answer offered is worked out, not the answer given again (F4)',
      [
        ['"back to the cancel, its dec 20" after the Prometric number works out December 20', [
          ['can I move my appointment', 'Tell me the date of your appointment'],
          ["what's the phone number for prometric", '877-346-9327'],
          ['back to the cancel, its dec 20', all('Sunday, December 20, 2026', 'Thursday, December 17, 2026', not('Tell me the date of your appointment'))],
        ]],
      ],
    ],
    [
      '"ok" or "cool" at an offer says what to send, never "just send it" (F2, F34)',
      [
        ['"ok" after "how do I reschedule my test?" names the appointment date', [
          ['how do I reschedule my test?', 'Tell me the date of your appointment'],
          ['ok', all(/Whenever you're ready, tell me the date of your appointment/, not('just send it'))],
          ['the 18th', 'Friday, December 18, 2026'],
        ]],
        ['"cool" after the recertification answer names the date to send', [
          ['how long is my cert good for', 'Tell me when you took or last recertified a test'],
          ['cool', all(/Whenever you're ready, tell me when you took or last recertified a test/, not('just send it'))],
        ]],
        ['"ok" in a Spanish conversation says it in Spanish, in full', [
          ['¿cómo cambio la fecha de mi examen?', /.+/],
          ['ok', not(/env[ií]emelo y se lo calculo|just send it/)],
        ]],
      ],
    ],
    [
      '"how do I ...?" gets the steps first, "I need to cancel" the cancel steps: not "You can, as long as ..." (F1, F3, F47)',
      [
        ['"how do I reschedule my test?" leads with how', [
          ['how do I reschedule my test?', all(/^To change your test date or time, cancel the existing appointment/, not(/^You can, as long as/))],
        ]],
        ['"How can I move my appointment to another day" is the same', [
          ['How can I move my appointment to another day', all(/^To change your test date or time/, not(/^You can, as long as/))],
        ]],
        ['"can I reschedule" is still answered "You can, as long as ..."', [
          ['can i reschedule my test', /^You can, as long as/],
        ]],
        ['"I need to cancel my test" leads with cancelling, not booking the new one', [
          ['I need to cancel my test', all(/^(?:To cancel a test|Cancel the appointment, then the test)/, not(/^You can, as long as/))],
        ]],
      ],
    ],
    [
      'questions the tester asked that got another topic, "Did you mean" or "I don\'t have the current prices" (F5, F35, F36, F44, F46)',
      [
        ['"whats my results" gets the results answer, not "Did you mean"', [
          ['whats my results', all('score report is emailed to you', not('Did you mean'))],
        ]],
        ['"I took A5 yesterday, when will results be online" is the results answer, not the missed appointment', [
          ['I took A5 yesterday, when will results be online', all(/results/, not('Did you mean'), not('Missed or unscheduled'))],
        ]],
        ['"what time zone is that" after a cancel deadline says what the FAQ says, not recertification', [
          ['my appt is dec 11 at 9am can i cancel', 'Tuesday, December 8, 2026 at 9:00 AM'],
          ['what time zone is that', all(/time-zone/, 'three days', not(/Recertification/))],
        ]],
        ['"can I get an extension" on the 90 days is not the price list', [
          ['how long do I have after buying a test', '90 days'],
          ['I bought it 10/15', 'Wednesday, January 13, 2027'],
          ['can I get an extension', all(/anything on extensions/, '90 days', not("I don't have the current prices"))],
        ]],
        ['"do I need to do anything for my certificate" after an address change is the certificate, not the L1 prerequisites', [
          ['I moved, how do I change my address', 'Update your address'],
          ['do I need to do anything for my certificate', all(/certificate/, not(/L1, L2, L3/))],
        ]],
      ],
    ],
    [
      'a second part that only asks "how much" asks about the first part, not the test fees (F20)',
      [
        ['"how do i get a duplicat certficate and how much" is $7.50 per series, with no test fee or registration fee', [
          ['how do i get a duplicat certficate and how much', all('$7.50', not('registration fee'), not(/test fee/))],
        ]],
        ['a real second question is still answered: "how much is a duplicate and how long does my certificate take?"', [
          ['how much is a duplicate and how long does my certificate take?', all('$7.50', /three weeks/)],
        ]],
      ],
    ],
    [
      'signed in, "did I pass?" and "show my results" are answered with the results on the account (F18, F19)',
      [
        ['"did I pass" gives the latest result, not "no retest wait"', [
          [demo1, 'signed in'],
          ['did I pass', all('G1 (Auto Maintenance and Light Repair): passed on', not('retest wait'))],
        ]],
        ['"show my results" is the same, not the general answer and a question for the date', [
          [demo1, 'signed in'],
          ['show my results', all('passed on', not('Tell me the date you took it'))],
        ]],
        ['a failed test is said plainly, with how to ask about the retest (DEMO-0002)', [
          [demo2, 'signed in'],
          ['did i pass', all('A8 (Engine Performance): not passed on', 'A1 (Engine Repair): passed on', /No Show/, 'You can buy A8 (Engine Performance) again')],
        ]],
        ['"what did I fail" is still the retest answer', [
          [demo1, 'signed in'],
          ['what did I fail', 'retest wait'],
        ]],
      ],
    ],
    [
      'a reply to an offer that only names series is the offer\'s fact, not a question about Spanish tests (F8)',
      [
        ['"what if I need auto and truck" after the duplicate offer comes to $15.00', [
          ['how much is a duplicate certificate', 'Tell me which test series'],
          ['what if I need auto and truck', all('$15.00', not(/Spanish/))],
        ]],
        ['"are auto tests in spanish?" after the same offer is still the Spanish answer', [
          ['how much is a duplicate certificate', 'Tell me which test series'],
          ['are the auto tests offered in spanish too?', /Spanish/],
        ]],
      ],
    ],
    [
      'a one-word follow-up stays with the answer just given when that answer covers it (F15)',
      [
        ['"how many years" after the work-experience answer is about work experience, not recertification', [
          ['whats the work experience requirement', 'work experience'],
          ['how many years', all(/work experience/i, not(/Recertification Test/))],
        ]],
        ['"how many years" after the recertification answer is still the five years', [
          ['how long is my cert good for', 'five years'],
          ['how many years', /five years/],
        ]],
      ],
    ],
    [
      '"how much" about a retest says it is a new purchase with its fees, not the 30-day wait again (F9)',
      [
        ['"how much" while the retest question waits', [
          ['I failed A5 can I retake it', 'What date did you take A5?'],
          ['how much', all('A retest is a new purchase', 'registration fee', 'Back to your question')],
        ]],
        ['"how much is a retest" from scratch', [
          ['how much is a retest', all(/^A retest is a new purchase/, not(/^You must wait 30 full days/))],
        ]],
      ],
    ],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);


