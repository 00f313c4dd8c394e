import { all, en, not, transcripts } from './suite.js';

// Sunday, December 6, 2026, 10:00 in New York: the day a usability tester typed these (many on SMS).
const dec6 = new Date('2026-12-06T15:00:00Z');
const m = en.task;
/** The retest entry's offer, said again in full when "ok" keeps it open. */
const retestOffer = "Tell me the date you took it and I'll work out the exact day you can buy it again.";

transcripts(
  'dates typed the way candidates type them, and "ok" in the middle',
  [
    ['"ok" after the offer to work out a retest date says the offer still stands: "A7", then "nov 30", are its answers', [
      ['when can i retake a test i failed', 'Tell me the date you took it'],
      ['ok', all(m.offerStands(m.okayBack, retestOffer), not(en.acknowledged))],
      ['A7', m.retest.askDate('A7')],
      ['nov 30', all('Monday, November 30, 2026: got it.', 'on or after Thursday, December 31, 2026', '25 days from today')],
    ]],
    ['a second "ok" lets the offer go, and says so with "anything else?"', [
      ['when can i retake a test i failed', 'Tell me the date you took it'],
      ['ok', m.offerStands(m.okayBack, retestOffer)],
      ['ok', en.acknowledged],
    ]],
    ['"its on decmber 18th" is Friday, December 18, 2026, and "thnks" is thanks', [
      // Typos and all, it reads as "how do I reschedule my test": the answer, and the offer to work out the last day.
      ['how do i rescedule my tset', 'You can, as long as your appointment is more than three days away'],
      ['its on decmber 18th', all('Friday, December 18, 2026: got it.', 'Yes, you can still change or cancel it', not(m.didNotGetIt))],
      ['thnks', en.thanks],
    ]],
    ['"my test is nxt tues" is Tuesday, December 8, 2026: within three days', [
      ['my test is nxt tues can i cancel and get my $ back', all('Tuesday, December 8, 2026: got it.', 'No: changes aren\'t allowed within three days')],
    ]],
    ['"2day" is today', [
      ['I failed A5 2day, when can I retake it?', all('Sunday, December 6, 2026: got it.', 'on or after Wednesday, January 6, 2027')],
    ]],
  ],
  { now: dec6 },
);
