import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { all, buttons, didNotGetIt, expectTaskEvent, not, offersPerson, runTranscript, type Turn } from './transcript.js';

// $7.50 per test series, however many tests of that series.
const m = en.task.duplicates;
const general = 'it costs $7.50 per test series';
const total = (amount: string, series: number) => m.total(amount, series, '$7.50');
const a1a5t2 = all(total('$15.00', 2), '**Automobile & Light Truck:** A1, A5', '**Medium/Heavy Truck:** T2', m.next);
// A code that is not a test ("A12") is enough to start the task, which names it and asks, with the
// nearest real codes as choices, which tests were meant.
const opens = 'I need a duplicate certificate for A12';
const opened = all(general, m.unknownOnly('A12', 'A1 or A2'), buttons('A1', 'A2'));
const a1WithA12 = all(total('$7.50', 1), m.unknown('A12'));
// Once the candidate has said which tests they meant, the total is for those.
const a1Only = all(total('$7.50', 1), '**Automobile & Light Truck:** A1', m.next);

const transcripts: Array<[name: string, turns: Turn[]]> = [
  ['tests of two series in the first message are priced in one turn', [['What do duplicates of my A1, A5 and T2 certificates cost?', a1a5t2]]],
  ['three tests of one series cost one fee', [['how much for duplicates of my A1, A5 and A8 certificates', all(total('$7.50', 1), '**Automobile & Light Truck:** A1, A5, A8')]]],
  ['a range of one series costs one fee', [['how much are duplicates for A1-A8', all(total('$7.50', 1), 'A1, A2, A3, A4, A5, A6, A7, A8')]]],
  [
    'three series cost three fees',
    [['how much for duplicates of my A1, T2 and P2 certificates', all(total('$22.50', 3), '**Automobile & Light Truck:** A1', '**Medium/Heavy Truck:** T2', '**Parts Specialist:** P2')]],
  ],
  ['an unknown code ("A12") is left out and said so', [['how much for duplicates of my A1 and A12 certificates', all(a1WithA12, not('$15.00'))]]],
  [
    'step by step: only an unknown code, so the general price and one question, then the total',
    [
      [opens, opened],
      ['A1 and T2', all(total('$15.00', 2), '**Automobile & Light Truck:** A1', '**Medium/Heavy Truck:** T2')],
    ],
  ],
  [
    'one answer that names no test is asked again; tests then finish the task',
    [
      [opens, opened],
      ['banana', all(didNotGetIt, m.askTests)],
      ['A1', a1Only],
    ],
  ],
  [
    'two answers in a row that name no test end in an offer of a person, and the next message is handled normally',
    [
      [opens, opened],
      ['banana', didNotGetIt],
      ['purple', offersPerson],
      ['What do duplicates of my A1, A5 and T2 certificates cost?', a1a5t2],
    ],
  ],
  [
    '"help" mid-task gives the duplicates help, then the question again',
    [
      [opens, opened],
      ['help', all(m.help, m.unknownOnly('A12', 'A1 or A2'), not(en.help))],
      ['A1', a1Only],
    ],
  ],
  [
    '"cancel" stops the task; tests named after it start nothing stale; the task starts again when asked',
    [
      [opens, opened],
      ['cancel', en.cancelled],
      ['A1', not('A12')],
      [opens, opened],
      ['A1', a1Only],
    ],
  ],
  [
    '"start over" ends the task and the next question starts afresh',
    [
      [opens, opened],
      ['start over', en.startOver],
      ['What do duplicates of my A1, A5 and T2 certificates cost?', all(a1a5t2, not('A12'))],
    ],
  ],
  [
    '"talk to a person" hands over to staff and ends the task; back with the bot, nothing stale is answered',
    [
      [opens, opened],
      ['talk to a person', /support staff to join/],
      ['back to the bot', en.handoff.left],
      ['A1', not('That comes to')],
    ],
  ],
  [
    'a FAQ question mid-task is answered, the task question asked again, and answering it finishes the task',
    [
      [opens, opened],
      // The question asked again is the one that waited: A1 or A2 for the "A12" typed.
      ['how long until my scores come out', all('score report is emailed', `${en.task.backToIt} ${m.unknownOnly('A12', 'A1 or A2')}`)],
      ['A1', a1Only],
    ],
  ],
  [
    'a general question gets the FAQ answer and an offer; a short reply with the tests takes the offer up',
    [
      ['how much is a duplicate certificate?', all(general, 'Tell me which test series you need duplicates for')],
      ['A1, A5 and T2', a1a5t2],
    ],
  ],
  [
    'the offer taken up with series names rather than codes',
    [
      ['I need duplicate certificates, what will it cost me?', general],
      ['automobile and truck', all(total('$15.00', 2), 'Automobile & Light Truck', 'Medium/Heavy Truck')],
    ],
  ],
];

describe('duplicate cost: what will duplicate certificates cost?', () => {
  it.each(transcripts)('%s', async (_name, turns) => {
    await runTranscript(turns);
  });

  it('series named as a whole are not listed as a test the candidate never mentioned (A1, T1)', async () => {
    await runTranscript([
      ['I need duplicate certificates, what will it cost me?', general],
      ['automobile and truck', all(total('$15.00', 2), not('T1'), not(/Light Truck:\*\* A1\b/))],
    ]);
  });

  it('an unknown code on its own is named when the bot asks for the tests, with the nearest real codes as choices', async () => {
    await runTranscript([[opens, all(m.unknownOnly('A12', 'A1 or A2'), buttons('A1', 'A2'), not('That comes to'))]]);
  });
});

describe('duplicate cost turn events', () => {
  it.each([
    ['What do duplicates of my A1, A5 and T2 certificates cost?', 'priced'],
    ['how much for duplicates of my A1 and A12 certificates', 'priced-with-unknown'],
  ])('%j records route dialog, task duplicate-cost, outcome %s, and nothing the candidate wrote', async (question, outcome) => {
    const { events } = await runTranscript([[question, 'That comes to']]);
    expect(events).toHaveLength(1);
    expectTaskEvent(events, 'duplicate-cost', outcome, [question, 'A1', 'A12', 'T2', '$']);
  });
});
