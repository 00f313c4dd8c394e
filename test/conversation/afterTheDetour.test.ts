import { all, en, not, transcriptTables } from './suite.js';

// Conversations that went wrong after a detour (a handoff, a FAQ question, an "ok"), played against
// `npm start` on Sunday, December 6, 2026, each written as the general rule it broke. Every
// transcript also runs on SMS.
const recertOffer = "Tell me when you took or last recertified a test and I'll work out when it expires.";
const noFeeNamed = "I don't have details of any fee for changing an appointment";
const outOfScope = "That's outside what I can answer";

transcriptTables(
  [
    [
      'a question is answered from the entry it is about, or honestly as a gap when the source is silent',
      [
        ['after a handoff and "back to the bot", "is there a fee to reschedule?" says the FAQ names no fee, not the duplicate fee or the cancel refund', [
          ['how much is a duplicate certificate?', '$7.50'],
          ['talk to a person', /support staff to join/],
          ['back to the bot', en.handoff.left],
          ['is there a fee to reschedule?', all(noFeeNamed, not('$7.50'), not('a test you purchased is refunded'))],
        ]],
        ['"is there a fee to cancel?" is still the cancel-and-refund answer', [
          ['is there a fee to cancel?', all('To cancel a test, cancel its appointment first', not(noFeeNamed))],
        ]],
        ['"what if i just dont go", about an appointment, is the missed-appointment answer, not testing online', [
          ['my test is thursday at 9am, can I still move it?', 'Yes, you can still change or cancel it'],
          ['what if i just dont go', all('scored as No Show', "there's no refund", not('online from home'))],
        ]],
        ['after an expiry worked out and the duplicate answer, "what about A4" asks about A4\'s duplicate, not A4\'s expiry', [
          ['I passed A1 on June 15, 2021, when does it expire?', 'June 15, 2026'],
          ['how much is a duplicate certificate', '$7.50'],
          ['what about A4', all('$7.50', 'A4', not('lapsed'), not('Changed to A4'))],
        ]],
        ['"no, I meant A4" after the same detour still corrects the expiry worked out before', [
          ['I passed A1 on June 15, 2021, when does it expire?', 'June 15, 2026'],
          ['how much is a duplicate certificate', '$7.50'],
          ['no, I meant A4', all('A4', 'June 15, 2026', not('one test series'))],
        ]],
        ['"my certificate never came" is the certificate-delivery answer, not rescheduling ("something came up")', [
          ['my certificate never came', all('three weeks', not('Cancel Selected Appointment(s)'))],
        ]],
        ['"what if I just don\'t go?" on its own is the missed-appointment answer too', [
          ["what if I just don't go?", all('scored as No Show', not(en.unknownWithSuggestions))],
        ]],
        ['after the ADA answer, "how long does it take to approve?" says the FAQ gives no review time for accommodations, not the work-experience review', [
          ['I need accommodations for dyslexia', 'ADA Request Form'],
          ['how long does it take to approve?', all("I don't have how long ASE takes to evaluate an accommodation request", 'until ASE has approved it', not('work experience'))],
        ]],
        ['while the retest task asks its date, "what\'s the passing score?" is the passing-score gap (not the results entry, though it says "pass" and "score"), then the date question again', [
          ['I failed A5, when can I retake it', 'What date did you take A5?'],
          ["what's the passing score?", all("I don't have passing-score details", 'Back to your question', not('Reminder: if you change your address'))],
          ['nov 20', 'You can buy A5 again'],
        ]],
        ['after the work-experience answer, the same question is still the work-experience review gap', [
          ['do I need work experience to get certified?', 'To become ASE Certified'],
          ['how long does it take to approve?', all("I don't have review times", not('accommodation'))],
        ]],
      ],
    ],
    [
      'a vague follow-up is read in the light of the last answer, and gets the part that answers it',
      [
        ['after the missed-appointment answer, "how do I fix that" says how to buy the test again, not careers or repair advice', [
          ['what happens if I miss my appointment?', 'scored as No Show'],
          ['how do I fix that', all('You can register for that same test again', not(outOfScope), not("There's no refund for a missed appointment"))],
        ]],
        ['"how do I fix that" with nothing before it is asked back, never matched on "fix"', [
          ['how do I fix that', all(en.unknownWithSuggestions, not(outOfScope), not('repair advice'))],
        ]],
        ['after the missed-appointment answer, "do I get a refund?" gives the short answer, not the whole entry and its offer again', [
          ['what happens if I miss my appointment?', all('scored as No Show', 'Tell me the date you bought your test')],
          ['do I get a refund?', all("There's no refund for a missed appointment", not('Arriving late counts the same'), not('Tell me the date you bought your test'))],
          // The offer made with the answer still stands beneath the follow-up.
          ['I bought it on November 1', 'Sunday, November 1, 2026: got it.'],
        ]],
        ['after the Master status is worked out, "how do I get it back?" says how to reinstate it, and "ok cool" is a plain acknowledgement', [
          ['am i still a master tech? my A3 expired', 'Master Automobile Technician status is suspended'],
          ['how do I get it back?', all('it can be reinstated by taking and passing the Recertification Tests', not('No: Master Technician status lasts only'))],
          ['ok cool', all(en.acknowledged, not("Whenever you're ready"))],
        ]],
        ['after the duplicate answer, "how much" gives the short answer with the fee, not the whole entry and its offer again', [
          ['how do I get a duplicate certificate?', 'Tell me which test series'],
          ['how much', all('$7.50 per test series', not('Tell me which test series'), not('The $7.50 fee for duplicate credentials'))],
        ]],
      ],
    ],
    [
      'a task carries on after a detour, and an offer says what it still waits for',
      [
        ['after a recertification answer and a known gap, "and A5? I passed that in March 2020" works out A5 from the month', [
          ['when do I need to recertify?', recertOffer],
          ['I passed A4 on June 15, 2021', 'lapsed on Monday, June 15, 2026'],
          ["what's the passing score?", "I don't have passing-score details"],
          ['and A5? I passed that in March 2020', all('Changed to A5 and March 2020.', 'Your A5 certification lapsed in March 2025', not(en.didYouMean), not('March 1, 2020'))],
        ]],
        ['right after the recertification answer, the same message works out A5 rather than repeating the entry', [
          ['I passed A4 on June 5, 2021, when does it expire if I recertify now?', 'lapsed on Friday, June 5, 2026'],
          ['and A5? I passed that in March 2020', all('Your A5 certification lapsed in March 2025', not('Take the Recertification Test once five years'))],
        ]],
        ['after a purchase answer and a detour to cancelling, "no, I meant September 1" corrects the purchase date, not the offered appointment', [
          ['I bought a test on October 1', 'You have until Wednesday, December 30, 2026'],
          // (ut23: "do I get a refund if I cancel?" is the refund asked of the purchase just worked out.)
          ['wait, do I get a refund if I cancel?', 'receive a refund for a test that you purchased'],
          ['no, I meant September 1', all('Changed to Tuesday, September 1, 2026.', 'It expired after Monday, November 30, 2026', not('2027'), not('change or cancel it'))],
        ]],
        ['"thanks" while a task waits says "you\'re welcome" and asks again, not "anything else?"', [
          ['I failed A5 last month', 'Which day exactly'],
          // The question that waits is the clarification, kept through a word that is no answer.
          ['thanks', all(`${en.task.welcomeBack} Which day exactly ("last month")?`, not(en.thanks))],
        ]],
        ['after an answer said again ("how much?"), a question is answered alone, with no "Back to your question" and no "Did you mean"', [
          ['how do i get a copy of my certificate', 'Tell me which test series'],
          ['how much?', all('$7.50', not('Tell me which test series'))],
          ['are the tests available in spanish?', all(/available in Spanish/, not('Back to your question'), not(en.didYouMean))],
        ]],
        ['"what about A1, A5 and T2?" after the duplicate total recomputes it for the three tests', [
          ['how do I get a duplicate certificate?', 'Tell me which test series'],
          ['A1 and T2', 'That comes to $15.00'],
          ['what about A1, A5 and T2?', all('Changed to A1, A5 and T2.', 'That comes to $15.00', not('Order a duplicate certificate by logging in to your myASE account; it costs'))],
        ]],
        ['"oh wait it was 2 months ago" after "5 months ago" says the new date as roughly as it is known, as a sentence', [
          ['I bought a test 5 months ago', 'It has expired'],
          ['oh wait it was 2 months ago', all('Around October 2026: got it.', 'Which day exactly ("2 months ago")?')],
        ]],
        ['"can you check when my test is?" offers to look in the account, not the ID-to-bring gap', [
          ['can you check when my test is?', all(en.task.inYourAccount, not("I don't have the rules on ID"))],
        ]],
        ['"ok" at an offer says the offer still stands, and its fact next is still its answer', [
          ['when can i retake a test i failed', 'Tell me the date you took it'],
          ['ok', all(en.task.offerStands(en.task.okayBack, "Tell me the date you took it and I'll work out the exact day you can buy it again."), not(en.acknowledged))],
          ['A5, two weeks ago', 'You can buy A5 again on or after'],
        ]],
      ],
    ],
  ],
  { now: new Date('2026-12-06T16:00:00Z') },
);
