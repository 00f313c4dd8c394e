import { all, demo1, demo3, en, not, transcriptTables } from './suite.js';

// What a usability tester who never read the code found playing candidates against `npm start`
// (findings 6-11, 15 and 17), each written as the general rule it broke. The clock is Thursday,
// March 20, 2025 (startBot's default); every transcript also runs on SMS.
const missed = en.task.missed;
const handedOver = /support staff to join/;
const outOfScope = "That's outside what I can answer";

transcriptTables([
  [
    'a short follow-up is read in the light of the answer just given, before any known gap',
    [
      // Round 14: the no-refund sentence just said is pointed to, not said again.
      ['after the missed-appointment answer, "do I get a refund?" points to the no-refund answer just given, then asks its question', [
        ['I missed my test yesterday', all('scored as No Show', missed.askPosted)],
        ['do I get a refund?', all("That's in my answer just above", not(en.task.cannotAnswerThat), missed.askPosted)],
      ]],
      ['after "you can buy it again, paying again", "so I have to pay again?" is answered from the missed-appointment entry, not called out of scope', [
        ['I missed my test yesterday', missed.askPosted],
        ['yes', missed.canRebuyNow],
        ['so I have to pay again?', all("There's no refund for a missed appointment", not(outOfScope))],
      ]],
      ['after the duplicate-certificate answer, "how much" gives its fee, not "I don\'t have the current prices"', [
        ['how do I get a duplicate certificate?', '$7.50'],
        ['how much', all('$7.50', not("I don't have the current prices"))],
      ]],
      ['after the retest date, "and do i have 2 pay again" is answered from the retest entry, not read as a "what about 2" correction', [
        ['I failed A5 on March 3, when can I retake it?', 'on or after Thursday, April 3, 2025'],
        // Round 14: the yes comes first (a retest is a new purchase), the wait after it.
        ['and do i have 2 pay again', all('A retest is a new purchase', not('Changed to'))],
      ]],
      ['after the work-experience answer, "can I take the test before I have the experience?" is answered from it, not as the review-time gap', [
        ['do I need work experience to get certified?', 'To become ASE Certified'],
        ['can I take the test before I have the experience?', all('certificate for a passed test is delayed', not("I don't have review times"))],
      ]],
      ['after the Spanish-tests answer, "which ones?" names the tests again, not prices', [
        ['Are tests available in Spanish?', 'A1 through A8'],
        ['which ones?', all('A1 through A8', not('current prices'))],
      ]],
      ['after the last day to change an appointment is worked out, "how" gives the steps', [
        ['can I reschedule my test on March 31?', 'Monday, March 31, 2025: got it'],
        ['how', all('cancel the existing appointment first', not(en.unknown))],
      ]],
      ['after a corrected appointment date, "ok so what do I do?" gives the steps', [
        ['can I reschedule my test on March 31?', 'got it'],
        ['sorry, the 30th not the 31st', 'Changed to Sunday, March 30, 2025'],
        ['ok so what do I do?', all('cancel the existing appointment first', not(en.unknown))],
      ]],
      ['after the certificate-delay answer, "where do I get the form?" gives the work-experience answer, not a "Did you mean"', [
        ['I passed A5 a month ago but still no certificate', 'three weeks'],
        ['where do I get the form?', all('To become ASE Certified', not(en.didYouMean))],
      ]],
      ['mid-task, "what\'s the passing score?" is still the passing-score gap, however the task\'s entry reads', [
        ['I missed my test yesterday', missed.askPosted],
        ["what's the passing score?", all("I don't have passing-score details", `${en.task.backToIt} ${missed.askPosted}`)],
      ]],
      ['after the Master answer, the list of truck tests held gives the one still missing (T7)', [
        ['how do I become a master truck tech?', 'T2 through T8'],
        ['I have T2 T3 T4 T5 T6 and T8', all("you're missing T7", not(en.unknown))],
      ]],
      ['"i have a1 thru a7" after "am I a master tech?" says A8 is missing rather than asking which have lapsed', [
        ['am i a master tech', 'Master'],
        ['i have a1 thru a7', all("you're missing A8", not('have expired?'))],
      ]],
    ],
  ],
  [
    'a known gap needs words of its own: one everyday word is no evidence',
    [
      ['"hi, can you check my account" offers sign-in, not repair advice', [
        ['hi, can you check my account', all(en.linking.askCredentials, not('repair advice'))],
      ]],
      ['after the purchase window, "what if i dont make it in time" says the fees are forfeited, not repair advice', [
        ['I bought A5 on February 1, when do I have to test by?', 'to schedule and take it'],
        ['what if i dont make it in time', all('fees are forfeited', not('repair advice'))],
      ]],
      ['"I passed A4 in June 2021" on its own is not the passing-score gap', [
        ['I passed A4 in June 2021', not("I don't have passing-score details")],
      ]],
      ['"so I have to pay again?" on its own is not a question about salaries', [
        ['so I have to pay again?', not(outOfScope)],
      ]],
    ],
  ],
  [
    'sign-in details sent in pieces, and the question under them answered once signed in',
    [
      ['an ASE ID sent alone while the cancel question waits is taken for one, not the Testing Demo, and the rest is asked for', [
        ['I need to cancel my test', 'cancel'],
        ['DEMO-0003', all(en.linking.idAlone, not('Testing Demo'))],
        [demo3, 'Thanks, Demo'],
      ]],
      ['"AB123456", then "my ASE id is AB123456", while the expiry question waits, each ask for the rest of the details', [
        ['when does my A4 expire?', 'When did you pass A4'],
        ['AB123456', all(en.linking.idAlone, not(en.task.didNotGetIt))],
        ['my ASE id is AB123456', all(en.linking.idAlone, not('trouble understanding'))],
      ]],
      ['an ASE ID alone with nothing waiting asks for the rest of the details', [
        ['DEMO-0001', en.linking.idAlone],
        [demo1, 'Thanks, Demo'],
      ]],
      ['a date typed at the sign-in prompt keeps sign-in waiting, and the appointment question is answered once signed in', [
        ['can you check when my appointment is', 'sign in'],
        ['sign in', en.linking.askCredentials],
        ["it's on March 31", all('I still need your ASE ID', not(en.unknown))],
        [demo1, all('Thanks, Demo', /appointment/i)],
      ]],
      ['"can u just look it up" after the last day to change is worked out signs in, and the details answer from the account', [
        ['can I reschedule my test on March 31?', 'got it'],
        ['actually can u just look it up', all(en.linking.askCredentials, not("can't look up ASE IDs"))],
        [demo1, all('Thanks, Demo', /appointment/i)],
      ]],
      ['the details sent straight after the last day to change is worked out answer it from the account', [
        ['can I reschedule my test on March 31?', 'got it'],
        [demo1, all('Thanks, Demo', /appointment/i)],
      ]],
    ],
  ],
  [
    'own-account questions, signed in',
    [
      ['"do I have any tests coming up?" is the appointments', [
        [demo1, 'Thanks, Demo'],
        ['do I have any tests coming up?', all(/appointment/i, not(en.didYouMean))],
      ]],
      ['"what are my certifications?" is the certifications', [
        [demo3, 'Thanks, Demo'],
        ['what are my certifications?', all(/expire|lapsed/, not(en.didYouMean))],
      ]],
      ['"what tests have I bought?" is the purchases, not the receipts gap', [
        [demo1, 'Thanks, Demo'],
        ['what tests have I bought?', all(/bought/, not('receipts'))],
      ]],
      ['"what do I need for master?" names the lapsed test (A6 on DEMO-0003)', [
        [demo3, 'Thanks, Demo'],
        ['what do I need for master?', all('A6', not('Master Technician status is earned'))],
      ]],
    ],
  ],
  [
    'leaving the queue for a person in natural words, while nobody has taken the case',
    [
      ['"actually never mind" takes the candidate out of the queue, and the next question is answered', [
        ['I want to talk to a person', handedOver],
        ['actually never mind', en.handoff.left],
        ['how do I get a duplicate certificate?', '$7.50'],
      ]],
      ['"no it\'s fine" takes the candidate out of the queue', [
        ['can I talk to someone?', handedOver],
        ["no it's fine", en.handoff.left],
      ]],
      ['"no thanks I\'m good" takes the candidate out of the queue', [
        ['talk to a person', handedOver],
        ["no thanks I'm good", en.handoff.left],
      ]],
      ['"cancel that" takes the candidate out of the queue', [
        ['talk to a person', handedOver],
        ['cancel that', en.handoff.left],
      ]],
    ],
  ],
  [
    'two questions in one, what the bot can do, and thanks in other words',
    [
      ['both halves of "how much is a duplicate certificate and how long does it take to get my certificate after passing?" are answered', [
        ['how much is a duplicate certificate and how long does it take to get my certificate after passing?', all('$7.50', 'three weeks')],
      ]],
      ['"what can u do" says what the bot can do', [['what can u do', en.capabilities]]],
      ['"thnks", "gracias", "ok gracias" and "merci" are thanks, never a misunderstanding', [
        ['thnks', en.thanks],
        ['gracias', en.thanks],
        ['ok gracias', en.thanks],
        ['merci', en.thanks],
      ]],
    ],
  ],
]);
