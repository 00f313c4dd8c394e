import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { all, buttons, didNotGetIt, expectTaskEvent, not, offersPerson, runTranscript, type Turn } from './transcript.js';

// The fixed clock: Thursday, March 20, 2025 in New York. Bought on P -> P + 90 is the last day.
const m = en.task.purchase;
const general = 'after buying a test you have 90 days from the purchase date to schedule and take it';
const opens = 'when does my test expire? I bought it last month';
const opened = all(general, en.task.whichDay('last month'));
const january10 = all(m.open('Thursday, April 10, 2025', 21), m.next);

const transcripts: Array<[name: string, turns: Turn[]]> = [
  ['a purchase date in the first message is answered in one turn with the last day', [['I bought my test on January 10, when does it expire?', january10]]],
  ['bought 90 days ago: today is the last day', [['I bought A5 on December 20, how long do I have to take it?', all(m.lastDay('Thursday, March 20, 2025'), m.next)]]],
  ['bought 91 days ago: it expired yesterday', [['I bought A5 on December 19, how long do I have to take it?', all(m.expired('Wednesday, March 19, 2025'), not(m.next))]]],
  ['bought 89 days ago: one day left', [['I bought A5 on December 21, how long do I have to take it?', m.open('Friday, March 21, 2025', 1)]]],
  ['bought today: 90 days left', [['I bought A5 today, how long do I have?', m.open('Wednesday, June 18, 2025', 90)]]],
  [
    'step by step: "last month" is not a day, so the bot gives the rule and asks which day, then answers',
    [
      [opens, opened],
      ['January 10', all('Friday, January 10, 2025: got it.', january10)],
    ],
  ],
  [
    'a purchase date in the future is questioned, and the task goes on with a real date',
    [
      ['I bought my test on March 25, 2025, when does it expire?', all(general, en.task.dateInFuture('Tuesday, March 25, 2025'))],
      ['March 1', all('Saturday, March 1, 2025: got it.', m.open('Friday, May 30, 2025', 71))],
    ],
  ],
  [
    '"Thursday" on a Thursday asks which Thursday, with both as choices',
    [
      [opens, opened],
      ['Thursday', all(en.task.whichDate, buttons('Thursday, March 20, 2025', 'Thursday, March 13, 2025'))],
      ['2025-03-13', m.open('Wednesday, June 11, 2025', 83)],
    ],
  ],
  [
    '"3/4" could be March 4 or April 3, so the bot asks',
    [
      [opens, opened],
      ['3/4', all(en.task.whichDate, buttons('Tuesday, March 4, 2025', 'Wednesday, April 3, 2024'))],
      ['2025-03-04', m.open('Monday, June 2, 2025', 74)],
    ],
  ],
  [
    'one answer that is not a date is asked again; a date then finishes the task',
    [
      [opens, opened],
      ['banana', all(didNotGetIt, m.askDate)],
      ['January 10', january10],
    ],
  ],
  [
    'two answers in a row that are not dates end in an offer of a person, and the next message is handled normally',
    [
      [opens, opened],
      ['banana', didNotGetIt],
      ['purple', offersPerson],
      ['I bought my test on January 10, when does it expire?', january10],
    ],
  ],
  [
    '"help" mid-task gives the purchase-date help, then the question again',
    [
      [opens, opened],
      ['help', all(m.help, en.task.whichDay('last month'), not(en.help))],
      ['January 10', january10],
    ],
  ],
  [
    '"cancel" stops the task; the date that follows is not taken as its answer; the task starts again when asked',
    [
      [opens, opened],
      ['cancel', en.cancelled],
      ['January 10', not('April 10')],
      [opens, opened],
      ['January 10', january10],
    ],
  ],
  [
    '"start over" ends the task and the next question starts afresh',
    [
      [opens, opened],
      ['start over', en.startOver],
      ['I bought my test on January 10, when does it expire?', january10],
    ],
  ],
  [
    '"talk to a person" hands over to staff and ends the task; back with the bot, nothing stale is answered',
    [
      [opens, opened],
      ['talk to a person', /support staff to join/],
      ['back to the bot', en.handoff.left],
      ['January 10', not('April 10')],
    ],
  ],
  [
    'a FAQ question mid-task is answered, the task question asked again, and answering it finishes the task',
    [
      [opens, opened],
      // The question asked again is the one that waited: which day of "last month".
      ['how much is a duplicate certificate?', all('$7.50 per test series', `${en.task.backToIt} ${en.task.whichDay('last month')}`)],
      ['January 10', january10],
    ],
  ],
  [
    'a general question gets the FAQ answer and an offer; a short reply with the date takes the offer up',
    [
      ['how does registration and scheduling work?', all('90 days', 'Tell me the date you bought your test')],
      ['2 weeks ago', m.open('Wednesday, June 4, 2025', 76)],
    ],
  ],
];

describe('purchase window: how long do I have to take a test I bought?', () => {
  it.each(transcripts)('%s', async (_name, turns) => {
    await runTranscript(turns);
  });
});

describe('purchase window turn events', () => {
  it.each([
    ['December 21', 'open'],
    ['December 20', 'last-day'],
    ['December 19', 'expired'],
  ])('bought on %s records route dialog, task purchase-window, outcome %s, and nothing the candidate wrote', async (date, outcome) => {
    const question = `I bought A5 on ${date}, how long do I have to take it?`;
    const { events } = await runTranscript([[question, 'March']]);
    expect(events).toHaveLength(1);
    expectTaskEvent(events, 'purchase-window', outcome, [question, date, 'A5']);
  });
});
