import { all, en, not, transcripts } from './suite.js';

// Everyday conversations as a reviewer read them off `npm start` on Sunday, December 6, 2026: the
// offered task takes the candidate's date even though the knowledge base could also read the
// message as a follow-up of the answer, and a clear question of its own is not bent towards the
// answer just given. Every transcript also runs on SMS.
const recertOffer = "Tell me when you took or last recertified a test and I'll work out when it expires.";

transcripts(
  'everyday conversations: the offer takes the fact it asked for, and a new question keeps its own answer',
  [
    ['"when do I need to recertify?", then "I passed it on June 15, 2021" works out the expiry instead of repeating the answer', [
      ['when do I need to recertify?', recertOffer],
      ['I passed it on June 15, 2021', all('lapsed on Monday, June 15, 2026', not('Take the Recertification Test once five years'))],
    ]],
    ['a detour to the address change gets the address-change answer, and the retest task then takes its facts', [
      ['I failed my test, when can I take it again?', all('You must wait 30 full days', "Tell me the date you took it")],
      ["what's the address change process?", all('Update your address by logging in to myASE', not('Your detailed score report'))],
      ['A5, two weeks ago', 'You can buy A5 again on or after Wednesday, December 23, 2026'],
    ]],
    ['"ok" and "cool" after an answer are acknowledged, never a misunderstanding (the first says its offer still stands)', [
      ['how do I reschedule my test?', 'no changes are allowed within three days'],
      ['ok', all(en.task.offerStands(en.task.okayBack, "Tell me the date of your appointment and I'll work out the last day to change or cancel it."), not(/support staff/))],
      ['cool', all(en.acknowledged, not(/support staff/))],
    ]],
  ],
  { now: new Date('2026-12-06T16:00:00Z') },
);
