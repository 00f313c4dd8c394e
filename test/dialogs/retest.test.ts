import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { all, buttons, didNotGetIt, expectTaskEvent, not, offersPerson, runTranscript, type Turn } from './transcript.js';

// The fixed clock: Thursday, March 20, 2025, 11:00 in New York. Failed on F -> may buy again from F + 31.
const m = en.task.retest;
const opens = 'I failed A5, when can I retake it?';
const opened = all('You must wait 30 full days', m.askDate('A5'));
const march3Answer = all('You can buy A5 again on or after Thursday, April 3, 2025', 'Monday, March 3, 2025', '14 days from today');

const transcripts: Array<[name: string, turns: Turn[]]> = [
  ['everything in the first message is answered in one turn with the exact date', [['I failed A5 on March 3, can I retake it?', march3Answer]]],
  [
    'step by step: the general rule and one question, then the date, then the answer',
    [
      [opens, opened],
      ['March 3', all('Monday, March 3, 2025: got it.', march3Answer)],
    ],
  ],
  [
    'failed 30 days ago: one more day to wait',
    [['I failed A5 on February 18, can I retake it?', all('on or after Friday, March 21, 2025', 'Tuesday, February 18, 2025', '1 day from today')]],
  ],
  ['failed 31 days ago: can buy it again today', [['I failed A5 on February 17, can I retake it?', all('You can buy A5 again now', 'Monday, February 17, 2025')]]],
  ['failed today: the wait is 31 days', [['I failed A5 today, when can I retake it?', all('on or after Sunday, April 20, 2025', '31 days from today')]]],
  [
    'a year-less date still to come this year is taken as last year, and the bot says so',
    [
      [opens, opened],
      ['March 25', all('I took that as Monday, March 25, 2024.', 'You can buy A5 again now')],
    ],
  ],
  [
    'one answer that is not a date is asked again; a date then finishes the task',
    [
      [opens, opened],
      ['banana', all(didNotGetIt, m.askDate('A5'))],
      ['March 3', march3Answer],
    ],
  ],
  [
    'two answers in a row that are not dates end in an offer of a person, and the next message is handled normally',
    [
      [opens, opened],
      ['banana', didNotGetIt],
      ['purple', offersPerson],
      ['how much is a duplicate certificate?', all('$7.50 per test series', not(en.task.backToIt))],
      // Longer than a short reply, so it is not read as taking up the duplicates offer just made.
      ['I failed A5 on March 3, can I retake it?', march3Answer],
    ],
  ],
  [
    '"Thursday" on a Thursday asks which Thursday, with both as choices',
    [
      [opens, opened],
      ['Thursday', all(en.task.whichDate, buttons('Thursday, March 20, 2025', 'Thursday, March 13, 2025'))],
      ['2025-03-13', all('Thursday, March 13, 2025: got it.', 'on or after Sunday, April 13, 2025')],
    ],
  ],
  [
    'a failure date in the future is questioned in the first message, and the task goes on with a real date',
    [
      ['I failed A5 on March 25, 2025', all('30 full days', en.task.dateInFuture('Tuesday, March 25, 2025'))],
      ['March 3', march3Answer],
    ],
  ],
  [
    '"tomorrow" as the failure date is questioned too',
    [
      [opens, opened],
      ['tomorrow', en.task.dateInFuture('Friday, March 21, 2025')],
      ['yesterday', all('Wednesday, March 19, 2025: got it.', 'on or after Saturday, April 19, 2025')],
    ],
  ],
  [
    '"help" mid-task gives the retest help, then the question again',
    [
      [opens, opened],
      ['help', all(m.help, m.askDate('A5'), not(en.help))],
      ['March 3', march3Answer],
    ],
  ],
  [
    '"cancel" stops the task; the date that follows is not taken as its answer; the task starts again when asked',
    [
      [opens, opened],
      ['cancel', en.cancelled],
      ['March 3', not('April 3')],
      ['can I retake A5?', all('30 full days', m.askDate('A5'))],
      ['March 3', march3Answer],
    ],
  ],
  [
    '"start over" ends the task and the next question starts afresh',
    [
      [opens, opened],
      ['start over', en.startOver],
      ['I failed A5 on March 3', march3Answer],
    ],
  ],
  [
    '"talk to a person" hands over to staff and ends the task; back with the bot, nothing stale is answered',
    [
      [opens, opened],
      ['talk to a person', /support staff to join/],
      ['back to the bot', en.handoff.left],
      ['March 3', not('April 3')],
    ],
  ],
  [
    'a FAQ question mid-task is answered, the task question asked again, and answering it finishes the task',
    [
      [opens, opened],
      ['how much is a duplicate certificate?', all('$7.50 per test series', `${en.task.backToIt} ${m.askDate('A5')}`)],
      ['March 3', march3Answer],
    ],
  ],
  [
    'a general question gets the FAQ answer and an offer; a short reply with the date takes the offer up',
    [
      ['how long do I have to wait after failing a test?', all('30 full days', "Tell me the date you took it and I'll work out")],
      ['March 3', all('You can buy the test again on or after Thursday, April 3, 2025', 'Monday, March 3, 2025')],
    ],
  ],
];

describe('retest: when can I buy a test I failed again?', () => {
  it.each(transcripts)('%s', async (_name, turns) => {
    await runTranscript(turns);
  });

  it('on the first day it can be bought again, the answer does not tell the candidate to wait for the day', async () => {
    await runTranscript([['I failed A5 on February 17, can I retake it?', all('You can buy A5 again now', not('When the day comes'))]]);
  });

  it.each([['start over', en.startOver], ['cancel', en.cancelled]])(
    '%j after the FAQ offer forgets it: a date that follows is not taken as the failure date',
    async (command, reply) => {
      await runTranscript([
        ['how long do I have to wait after failing a test?', "Tell me the date you took it and I'll work out"],
        [command, reply],
        ['March 3', not('April 3')],
      ]);
    },
  );

  it('a numbered pick ("2") chooses the second date offered, as "1"/"2" do for FAQ choices', async () => {
    await runTranscript([
      [opens, opened],
      ['Thursday', en.task.whichDate],
      ['2', all('Thursday, March 13, 2025: got it.', 'on or after Sunday, April 13, 2025')],
    ]);
  });

  it('a FAQ answer given mid-task does not also invite the facts of another task before re-asking', async () => {
    await runTranscript([
      [opens, opened],
      ['how much is a duplicate certificate?', all('$7.50 per test series', not('Tell me which test series'), `${en.task.backToIt} ${m.askDate('A5')}`)],
    ]);
  });
});

describe('retest turn events', () => {
  it('a one-shot answer records route dialog, task retest, outcome wait, and nothing the candidate wrote', async () => {
    const { events } = await runTranscript([['I failed A5 on March 3, can I retake it?', march3Answer]]);
    expectTaskEvent(events, 'retest', 'wait', ['I failed A5 on March 3, can I retake it?', 'A5', 'March 3']);
    expect(events).toHaveLength(1);
  });

  it('step by step, the first turn is in progress and the last records the outcome', async () => {
    const { events } = await runTranscript(
      [
        [opens, opened],
        ['February 17', 'You can buy A5 again now'],
      ],
    );
    expectTaskEvent(events, 'retest', 'can-buy-now', [opens, 'February 17', 'A5']);
    expect(events[0]).toMatchObject({ route: 'task', dialog: { id: 'retest', outcome: 'waiting' } });
  });

  it('two answers that are not dates record the outcome gave-up', async () => {
    const { events } = await runTranscript(
      [
        [opens, opened],
        ['banana', didNotGetIt],
        ['purple', offersPerson],
      ],
    );
    expectTaskEvent(events, 'retest', 'gave-up', ['banana', 'purple']);
  });
});
