import { afterAll, beforeAll, describe, it } from 'vitest';
import { runTranscript, startBot, type RunningBot } from '../support/conversation.js';
import { all, demo1, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-first usability round (ut21, second half): conversations played against `npm start` by
// a tester who never saw the code. Each finding is written here as the rule it broke. The clock is
// the tester's: Monday, December 7, 2026, noon in New York. DEMO-0001 has A5 booked in 8 days
// (Tuesday, December 15, 9:00 AM, Chicago), A4 in 2 days (within 72 hours) and A6 bought, unscheduled.
const testersClock = new Date('2026-12-07T17:00:00Z');

// Finding 1: cancelling an appointment keeps the test bought. Right after it, "what tests do I have
// now" lists A5 as bought and still to book, beside A4 booked and A6 to schedule: the account view
// says what cancelling did. (A cancellation lasts as long as the demo account's process, so this
// conversation has a bot of its own, and runs once, on Web Chat.)
describe('the tests held after an appointment is cancelled (finding 1)', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ now: testersClock });
  });
  afterAll(() => bot.close());

  it('"what tests do I have now" after cancelling A5 still lists A5, to book again, and A4 booked', async () => {
    await runTranscript([
      [demo1, 'signed in'],
      ['what tests do I have now', all(/A5 Brakes\W+booked for Tuesday, December 15, 2026/, /A6 Electrical\/Electronic Systems\W+schedule and take by/, /A4 Suspension and Steering\W+booked/)],
      ['I want to cancel my A5 appointment', 'Cancel your A5 (Brakes) appointment'],
      ['yes', 'is cancelled'],
      ['what tests do I have now', all('2 to schedule', /A5 Brakes\W+schedule and take by Friday, February 5, 2027/, /A4 Suspension and Steering\W+booked/, not(/A5 Brakes\W+booked/))],
    ], { bot, channels: ['webchat'] });
  });
});

// Finding 2: the 72 hours are counted in the test centre's time. "the test center is in Denver" right
// after the change answer is the centre's zone (a table of US cities, states and zone names), and the
// answer is worked out again in it: Thursday at 11 AM in Denver is 1 PM in New York, so at noon in New
// York on Monday the change is still open until 11 AM Denver time.
const centreZone: Transcript[] = [
  ['"the test center is in Denver" after the change answer works it out again in Denver\'s time', [
    ['my appointment is on thursday at 11am, can I still reschedule?', all('can no longer be changed', 'America/New_York')],
    ['the test center is in Denver', all('America/Denver', /change or cancel it|can still/i, not('can no longer be changed'), not('Cancel Selected Appointment(s) option'))],
  ]],
  ['a place in the first message ("in Phoenix") is the centre\'s zone from the start', [
    ['my appointment in Phoenix is on thursday at 11am, can I still reschedule?', all('America/Phoenix', not('can no longer be changed'))],
  ]],
  ['"11am, the test center is in Denver" at the question for the time is both facts', [
    ['my appointment is on thursday, can I still reschedule?', 'What time is your appointment on Thursday, December 10, 2026?'],
    ['11am, the test center is in Denver', all('America/Denver', not('can no longer be changed'))],
  ]],
  ['"it\'s mountain time" says the same', [
    ['my appointment is on thursday at 11am, can I still reschedule?', 'can no longer be changed'],
    ["it's mountain time", all('America/Denver', not('can no longer be changed'))],
  ]],
];

// Finding 3: the retest rule needs the day the test was taken; right after the results answer for A2
// taken on a day, "and if i failed A2?" works it out from that day, never asks for it again. Another
// test named ("and if I failed A3?") was not said to be taken that day: its day is asked.
const retestFromResults: Transcript[] = [
  ['"and if i failed A2?" after the results answer for A2 uses the day already given', [
    ['when will I get my results? I took A2 on December 4', 'Friday, December 4, 2026: got it.'],
    ['and if i failed A2?', all('You can buy A2 again on or after Monday, January 4, 2027', not('What date did you take'))],
  ]],
  ['"and if I failed A3?" after the results answer for A2 asks the day A3 was taken', [
    ['when will I get my results? I took A2 on December 4', 'Friday, December 4, 2026: got it.'],
    ['and if I failed A3?', 'What date did you take A3?'],
  ]],
];

// Finding 4: "ok do it" right after a No to an offer is a yes to that offer (the task's question, or
// sign-in), never a how-to paragraph read out of "do it"; a question after the No is answered in full,
// the offer not made again.
const yesAfterNo: Transcript[] = [
  ['"no", then "ok do it", at the retest offer asks the date it needs', [
    ['when can I retake a test I failed?', 'Tell me the date you took it'],
    ['no', 'Whenever you\'re ready'],
    ['ok do it', all('What date did you take the test?', not('Once 30 full days have passed'))],
    ['March 3', 'You can buy the test again now'],
  ]],
  ['"ok do it" straight after the duplicate offer asks which certificates', [
    ['how do I get a duplicate certificate?', 'Tell me which test series you need duplicates for'],
    ['ok do it', all('Which certificates do you need duplicates of?', not('The fee for duplicate credentials'))],
  ]],
  ['"no", then "ok do it", at the offer to sign in starts sign-in', [
    ['when is my next appointment?', 'say "sign in"'],
    ['no', 'Anything else I can help with?'],
    ['ok do it', all('To check it\'s you, send your ASE ID', not("don't know that one"))],
  ]],
  ['a question after the No is answered without the offer made again', [
    ['when can I retake a test I failed?', 'Tell me the date you took it'],
    ['no', 'Whenever you\'re ready'],
    ['how do I get a duplicate certificate?', all('$7.50', not('Back to your question'))],
  ]],
];

// Finding 5: "I want to reschedule my G1 test" asks how to move it: the steps to change it lead
// (cancel the appointment, book the new one), never the cancel-a-test facet; "I want to cancel my
// test" still leads with cancelling.
const rescheduleRequest: Transcript[] = [
  ['"I want to reschedule my G1 test" opens with how to change it', [
    ['I want to reschedule my G1 test', all(/^To change your test date or time, cancel the existing appointment in myASE/, not(/^To cancel a test/), 'Tell me the date of your appointment')],
  ]],
  ['"i would like to move my exam please" too', [
    ['i would like to move my exam please', all(/^To change your test date or time/, not(/^To cancel a test/))],
  ]],
  ['"I want to cancel my test" still opens with cancelling', [
    ['I want to cancel my test', /^(?:To cancel a test, cancel its appointment first|Cancel the appointment, then the test)/],
  ]],
];

// Finding 6: signed in, "can I get an exception" speaks to the candidate's own appointments (A4 is
// inside the three days, A5 needs none) and says honestly that the source gives no exceptions, with
// Prometric and ASE to ask; signed out, the general honest answer stays, and "to the three-day rule"
// is no longer "I don't know that one".
const exceptionAsked: Transcript[] = [
  ['signed in, "can I get an exception" is about the candidate\'s own appointments', [
    [demo1, 'signed in'],
    ['can I get an exception', all(/A4 \(Suspension and Steering\) appointment on Wednesday, December 9, 2026 at 1:30 PM is less than 72 hours away/, /A5 \(Brakes\) appointment .* no exception is needed/, 'I have nothing on exceptions', '877-346-9327', '1-800-390-6789', not('illness or emergencies'))],
  ]],
  ['signed in, "can I get an exception to the three-day rule?" the same', [
    [demo1, 'signed in'],
    ['can I get an exception to the three-day rule?', all('less than 72 hours away', 'I have nothing on exceptions', not("don't know that one"))],
  ]],
  ['signed out, "can I get an exception" keeps the general honest answer', [
    ['can I get an exception', all("I don't have anything on exceptions", '877-346-9327')],
  ]],
  ['signed out, "can I get an exception to the three-day rule?" says there is none and offers to check', [
    ['can I get an exception to the three-day rule?', all('I have nothing on exceptions', '877-346-9327', 'sign in', not("don't know that one"))],
  ]],
];

transcriptTables([
  ['the test centre\'s zone from the place it is in (finding 2)', centreZone],
  ['an exception asked for, signed in, is about the own appointments (finding 6)', exceptionAsked],
  ['a request to reschedule opens the change path (finding 5)', rescheduleRequest],
  ['a yes after a No takes up the same offer (finding 4)', yesAfterNo],
  ['the retest from the day the results answer rested on (finding 3)', retestFromResults],
], { now: testersClock });
