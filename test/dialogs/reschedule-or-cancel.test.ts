import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { all, buttons, didNotGetIt, expectTaskEvent, not, offersPerson, runTranscript, type Turn } from './transcript.js';

// The fixed clock: Thursday, March 20, 2025, 11:00 in New York (EDT). Changes need MORE than 72 hours
// before the appointment's start: Sunday, March 23 at 11:00 is exactly 72 hours away.
const m = en.task.change;
const general = 'You can, as long as your appointment is more than three days away';
const newYorkNote = m.zoneNote('America/New_York');
const tooLate = all(m.tooLate(72), newYorkNote, not('Yes, you can'));
const march28at9 = all(m.allowed('Tuesday, March 25, 2025 at 9:00 AM'), m.cancelFirst, m.how('877-346-9327'), newYorkNote, not(m.assumedStart));
const march28 = all(m.allowed('the start of Tuesday, March 25, 2025'), m.assumedStart);
const opensVague = 'Can I reschedule my test next week?';
const openedVague = all(general, en.task.whichDay('next week'));

const transcripts: Array<[name: string, turns: Turn[]]> = [
  ['a date and time in the first message are answered in one turn with the exact deadline', [['Can I reschedule my test on March 28 at 9am?', march28at9]]],
  ['an appointment exactly 72 hours away (Sunday 11:00) can no longer be changed', [['Can I reschedule my test on Sunday March 23 at 11am?', tooLate]]],
  ['an appointment 72 hours and 1 minute away (Sunday 11:01) can still be changed, until 11:01 today, a minute from now', [['Can I reschedule my test on March 23 at 11:01am?', m.allowedToday('11:01 AM', m.minutesLeft(1))]]],
  ['an appointment 71 hours and 59 minutes away (Sunday 10:59) can no longer be changed', [['Can I reschedule my test on March 23 at 10:59am?', tooLate]]],
  ['a date without a time counts from the start of that day, and the bot says so', [['Can I reschedule my test on March 24?', all(m.allowed('the start of Friday, March 21, 2025'), m.assumedStart)]]],
  ['Sunday March 23 without a time: the 72 hours end during it (at 11:00), so its time is asked, never a No counted from midnight', [
    ['Can I reschedule my appointment on March 23?', all(m.askTime(72, 'Sunday, March 23, 2025'), not(m.tooLate(72)))],
    ['10am', all('Sunday, March 23, 2025 at 10:00 AM: got it.', tooLate)],
  ]],
  ['Saturday March 22 without a time is too late whatever its time', [['Can I reschedule my appointment on March 22?', all(tooLate, not('What time'))]]],
  ['cancelling tomorrow afternoon is too late', [['can I cancel my appointment tomorrow at 3pm', tooLate]]],
  ['an appointment earlier today has passed', [['Can I reschedule my test today at 9am?', all(m.passed, newYorkNote)]]],
  [
    'step by step: "Thursday" on a Thursday gets the general rule and a choice of Thursdays, then the answer',
    [
      ['Can I move my exam on Thursday?', all(general, en.task.whichDate, buttons('Thursday, March 20, 2025', 'Thursday, March 27, 2025'))],
      ['2025-03-27', all('Thursday, March 27, 2025: got it.', m.allowed('the start of Monday, March 24, 2025'), m.assumedStart)],
    ],
  ],
  [
    'step by step: "next week" is not a day, so the bot asks which day, then answers',
    [
      [opensVague, openedVague],
      ['Friday at 2pm', all('Friday, March 21, 2025 at 2:00 PM: got it.', tooLate)],
    ],
  ],
  [
    'a date already past is questioned, and the task goes on with a real date',
    [
      [opensVague, openedVague],
      ['March 3, 2025', en.task.dateInPast('Monday, March 3, 2025')],
      ['March 28', all('Friday, March 28, 2025: got it.', march28)],
    ],
  ],
  [
    'one answer that is not a date is asked again; a date then finishes the task',
    [
      [opensVague, openedVague],
      ['banana', all(didNotGetIt, m.askDate)],
      ['March 28', march28],
    ],
  ],
  [
    'two answers in a row that are not dates end in an offer of a person, and the next message is handled normally',
    [
      [opensVague, openedVague],
      ['banana', didNotGetIt],
      ['purple', offersPerson],
      ['Can I reschedule my test on March 28 at 9am?', march28at9],
    ],
  ],
  [
    '"help" mid-task gives the appointment help, then the question again',
    [
      [opensVague, openedVague],
      ['help', all(m.help, en.task.whichDay('next week'), not(en.help))],
      ['March 28 at 9am', march28at9],
    ],
  ],
  [
    '"cancel" stops the task; the date that follows is not taken as its answer; the task starts again when asked',
    [
      [opensVague, openedVague],
      ['cancel', en.cancelled],
      ['March 28', not('Do it before')],
      [opensVague, openedVague],
      ['March 28', march28],
    ],
  ],
  [
    '"start over" ends the task and the next question starts afresh',
    [
      [opensVague, openedVague],
      ['start over', en.startOver],
      ['Can I reschedule my test on March 28 at 9am?', march28at9],
    ],
  ],
  [
    '"talk to a person" hands over to staff and ends the task; back with the bot, nothing stale is answered',
    [
      [opensVague, openedVague],
      ['talk to a person', /support staff to join/],
      ['back to the bot', en.handoff.left],
      ['March 28', not('Do it before')],
    ],
  ],
  [
    'a FAQ question mid-task is answered, the task question asked again, and answering it finishes the task',
    [
      [opensVague, openedVague],
      // The question asked again is the one that waited: which day of "next week".
      ['how much is a duplicate certificate?', all('$7.50 per test series', `${en.task.backToIt} ${en.task.whichDay('next week')}`)],
      ['March 28 at 9am', all('Friday, March 28, 2025 at 9:00 AM: got it.', march28at9)],
    ],
  ],
  [
    'a general question gets the FAQ answer and an offer; a short reply with the date takes the offer up',
    [
      // "How do I ...?" gets the steps first (the how-to-change facet); "Can I ...?" gets `general`.
      ['How do I reschedule my test?', all(/^To change your test date or time, cancel the existing appointment/, 'Tell me the date of your appointment', '877-346-9327')],
      ['March 28 at 9am', march28at9],
    ],
  ],
];

describe('reschedule or cancel: can I still change my appointment?', () => {
  it.each(transcripts)('%s', async (_name, turns) => {
    await runTranscript(turns);
  });

  it('an appointment today with no time given is too late to change, not "already passed" (it may be this afternoon)', async () => {
    await runTranscript([['Can I reschedule my test today?', all(m.todayNoTime, m.tooLateNext('877-346-9327'), not(m.passed), not('Yes, you can'))]]);
  });
});

describe('reschedule or cancel turn events', () => {
  it('a one-shot answer records route dialog, task reschedule-or-cancel, outcome allowed, and nothing the candidate wrote', async () => {
    const { events } = await runTranscript([['Can I reschedule my test on March 28 at 9am?', march28at9]]);
    expect(events).toHaveLength(1);
    expectTaskEvent(events, 'reschedule-or-cancel', 'allowed', ['Can I reschedule my test', 'March 28', '9am']);
  });

  it('step by step ends with outcome too-late', async () => {
    const { events } = await runTranscript(
      [
        [opensVague, openedVague],
        ['Friday at 2pm', tooLate],
      ],
    );
    expect(events[0]).toMatchObject({ route: 'task', dialog: { id: 'reschedule-or-cancel', outcome: 'waiting' } });
    expectTaskEvent(events, 'reschedule-or-cancel', 'too-late', ['next week', 'Friday', '2pm']);
  });

  it('"cancel" mid-task records route command with the task interrupted', async () => {
    const { events } = await runTranscript(
      [
        [opensVague, openedVague],
        ['cancel', en.cancelled],
      ],
    );
    expect(events.at(-1)).toMatchObject({ route: 'dialog', dialog: { id: 'reschedule-or-cancel', outcome: 'cancelled' } });
  });
});
