import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { all, buttons, didNotGetIt, expectTaskEvent, not, offersPerson, runTranscript, type Turn } from './transcript.js';

// A missed appointment is a No Show: fees forfeited; the same test can be bought again (paying again)
// once the No Show result is posted in myASE. The task's one question: has it been posted?
const m = en.task.missed;
const general = 'it is scored as No Show, all fees are forfeited';
const opens = 'I missed my test yesterday, what now?';
const opened = all(general, m.askPosted, buttons(en.task.yes, en.task.no));
const canRebuy = all(m.canRebuyNow, not(m.wait));
const mustWait = all(m.wait, not(m.canRebuyNow));

const transcripts: Array<[name: string, turns: Turn[]]> = [
  [
    'a first message that says the result is posted still gets the question (yes/no is only read from an answer); "it\'s posted" then finishes the task',
    [
      ['I missed my test yesterday and the No Show result is already posted, can I buy it again?', all(opened, not(m.canRebuyNow))],
      ["it's posted", canRebuy],
    ],
  ],
  [
    'step by step: the general rule and the one question, then "yes", then the answer',
    [
      [opens, opened],
      ['yes', canRebuy],
    ],
  ],
  [
    'step by step: "no" means wait for the No Show result',
    [
      ['I missed my exam', opened],
      ['no', mustWait],
    ],
  ],
  [
    'one answer that is neither yes nor no is asked again; "not yet" then finishes the task',
    [
      [opens, opened],
      ['banana', all(didNotGetIt, m.askPosted)],
      ['not yet', mustWait],
    ],
  ],
  [
    'two answers in a row that are neither yes nor no end in an offer of a person, and the next message is handled normally',
    [
      [opens, opened],
      ['banana', didNotGetIt],
      ['purple', offersPerson],
      ['how much is a duplicate certificate?', all('$7.50 per test series', not(en.task.backToIt))],
    ],
  ],
  [
    '"help" mid-task explains what to answer, then the question again',
    [
      [opens, opened],
      ['help', all(m.help, m.askPosted, not(en.help))],
      ['yes', canRebuy],
    ],
  ],
  [
    '"cancel" stops the task; "yes" after it is not taken as its answer; the task starts again when asked',
    [
      [opens, opened],
      ['cancel', en.cancelled],
      ['yes', not(m.canRebuyNow)],
      [opens, opened],
      ['yes', canRebuy],
    ],
  ],
  [
    '"start over" ends the task and the next question starts afresh',
    [
      [opens, opened],
      ['start over', en.startOver],
      ['I missed my exam', m.askPosted],
    ],
  ],
  [
    '"talk to a person" hands over to staff and ends the task; back with the bot, nothing stale is answered',
    [
      [opens, opened],
      ['talk to a person', /support staff to join/],
      ['back to the bot', en.handoff.left],
      ['yes', not(m.canRebuyNow)],
    ],
  ],
  [
    'a FAQ question mid-task is answered, the task question asked again, and answering it finishes the task',
    [
      [opens, opened],
      ['how much is a duplicate certificate?', all('$7.50 per test series', `${en.task.backToIt} ${m.askPosted}`)],
      ['no', mustWait],
    ],
  ],
  [
    'a general question gets the FAQ answer (whose offer is the purchase date); saying "I missed my test" then starts the task and "it\'s posted" finishes it',
    [
      ['what happens if I miss my appointment?', all(general, 'only after the official No Show test result is posted', 'Tell me the date you bought your test')],
      ['I missed my test', all(m.askPosted, buttons(en.task.yes, en.task.no))],
      ["it's posted", canRebuy],
    ],
  ],
];

describe('missed appointment: I missed my test, what now?', () => {
  it.each(transcripts)('%s', async (_name, turns) => {
    await runTranscript(turns);
  });

  it('a first message that starts with "yes" is not taken as "the No Show result is posted"', async () => {
    await runTranscript([['yes i missed my exam, what now', all(not(m.canRebuyNow), m.askPosted)]]);
  });

  it('the offer in the missed-appointment answer (the purchase date) can be taken up', async () => {
    await runTranscript([
      ['what happens if I miss my appointment?', 'Tell me the date you bought your test'],
      ['January 10', 'Thursday, April 10, 2025'],
    ]);
  });

  it('after small talk, a bare "yes" is not taken as the answer to a question never asked', async () => {
    await runTranscript([
      ['what happens if I miss my appointment?', general],
      ['hi', en.greeting],
      ['yes', not(m.canRebuyNow)],
    ]);
  });
});

describe('missed appointment turn events', () => {
  it('answering the question records route dialog, task missed-appointment, its outcome, and nothing the candidate wrote', async () => {
    const { events } = await runTranscript(
      [
        [opens, opened],
        ['yes, it has been posted', canRebuy],
      ],
    );
    expect(events.map((event) => event.dialog?.outcome)).toEqual(['waiting', 'can-rebuy-now']);
    expectTaskEvent(events, 'missed-appointment', 'can-rebuy-now', ['missed my test', 'it has been posted']);
  });
});
