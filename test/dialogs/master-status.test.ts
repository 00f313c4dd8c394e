import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { all, didNotGetIt, expectTaskEvent, not, offersPerson, runTranscript, type Turn } from './transcript.js';

const m = en.task.master;
const auto = 'Master Automobile Technician';
const truck = 'Master Medium/Heavy Truck Technician';
// The FAQ entry's answer (a general question) and the task's own general answer (no "No:" verdict).
const faqAnswer = 'Master status lasts only while every required certification of its series is current';
const faqOffer = `Tell me which of the series' tests have lapsed (for example "A3"), or "none", and I'll check your Master status.`;
const opens = 'is my master truck status still valid?';
const opened = all(m.general, m.askLapsed(truck));
const truckHolds = all(m.holds(truck), m.next);
const t4Lapsed = all(m.lapsed(truck, 'T4'), not(m.holds(truck)));

const transcripts: Array<[name: string, turns: Turn[]]> = [
  ['a lapsed test named in the first message is answered in one turn', [['Am I still a Master Tech? My A3 expired.', m.lapsed(auto, 'A3')]]],
  ['two lapsed tests are both named, with how to get the status back', [['Am I still a master auto tech? A3 and A6 expired', all(m.lapsed(auto, 'A3 and A6'), 'Pass the recertification test for A3 and A6')]]],
  ['the truck series is read from "truck" and its test code', [['is my master truck status still valid, T4 lapsed', t4Lapsed]]],
  [
    'step by step: the series is known, so one question about lapsed tests, then the answer',
    [
      [opens, opened],
      ['none of them', truckHolds],
    ],
  ],
  [
    'step by step: a lapsed test named in answer to the question',
    [
      [opens, opened],
      ['T4 expired', t4Lapsed],
    ],
  ],
  [
    'a lapsed test named unsurely, with a question mark, in answer to the question is still the answer',
    [
      [opens, opened],
      ['T4 I think?', t4Lapsed],
    ],
  ],
  [
    'two series in the first message: the bot asks which, then answers',
    [
      ['Am I still master in auto and truck? A3 expired', all(m.general, m.askSeries)],
      ['automobile', m.lapsed(auto, 'A3')],
    ],
  ],
  [
    'a test of another series is not an answer; asked again, a truck test finishes the task',
    [
      [opens, opened],
      ['A3', all(didNotGetIt, m.askLapsed(truck))],
      ['T4 expired', t4Lapsed],
    ],
  ],
  [
    'two answers in a row that are not tests end in an offer of a person, and the next message is handled normally',
    [
      [opens, opened],
      ['banana', didNotGetIt],
      ['purple', offersPerson],
      ['Am I still a Master Tech? My A3 expired.', m.lapsed(auto, 'A3')],
    ],
  ],
  [
    '"help" mid-task gives the Master help, then the question again',
    [
      [opens, opened],
      ['help', all(m.help, m.askLapsed(truck), not(en.help))],
      ['none', truckHolds],
    ],
  ],
  [
    '"cancel" stops the task; "none" that follows is not taken as its answer; the task starts again when asked',
    [
      [opens, opened],
      ['cancel', en.cancelled],
      ['none', not(m.holds(truck))],
      [opens, opened],
      ['none', truckHolds],
    ],
  ],
  [
    '"start over" ends the task and the next question starts afresh',
    [
      [opens, opened],
      ['start over', en.startOver],
      ['is my master truck status still valid, T4 lapsed', t4Lapsed],
    ],
  ],
  [
    '"talk to a person" hands over to staff and ends the task; back with the bot, nothing stale is answered',
    [
      [opens, opened],
      ['talk to a person', /support staff to join/],
      ['back to the bot', en.handoff.left],
      ['none', not(m.holds(truck))],
    ],
  ],
  [
    'a FAQ question mid-task is answered, the task question asked again, and answering it finishes the task',
    [
      [opens, opened],
      ['how much is a duplicate certificate?', all('$7.50 per test series', `${en.task.backToIt} ${m.askLapsed(truck)}`)],
      ['T4', t4Lapsed],
    ],
  ],
  [
    'a general question gets the FAQ answer and an offer; the series in reply takes it up and the lapsed tests finish it',
    [
      ['do I stay a master technician if one of my certifications expires', all(faqAnswer, 'not for life', faqOffer)],
      ['automobile', m.askLapsed(auto)],
      ['A3 and A6', m.lapsed(auto, 'A3 and A6')],
    ],
  ],
];

describe('Master status: am I still a Master Technician?', () => {
  it.each(transcripts)('%s', async (_name, turns) => {
    await runTranscript(turns);
  });

  it('a reply to the FAQ offer that lists the tests held ("A1-A8, passed in June 2021") is not read as all of them lapsed: passed under five years ago, they are all current', async () => {
    await runTranscript([
      ['do I stay a master technician if one of my certifications expires', faqOffer],
      ['A1-A8, passed in June 2021', all(m.holds(auto), not('lapsed'), not('suspended'))],
    ]);
  });

  it('a short reply to the Master offer ("automobile, A3 expired") takes up the Master task, not recertification', async () => {
    await runTranscript([
      ['do I stay a master technician if one of my certifications expires', all(faqAnswer, faqOffer)],
      ['automobile, A3 expired', m.lapsed(auto, 'A3')],
    ]);
  });

  it('a candidate asking about their own status is not told "No" before the bot knows which tests lapsed', async () => {
    await runTranscript([[opens, all(m.askLapsed(truck), not(/^No\b/))]]);
  });
});

describe('Master status turn events', () => {
  it('a one-shot answer records route dialog, task master-status, outcome lapsed, and nothing the candidate wrote', async () => {
    const question = 'Am I still a Master Tech? My A3 expired.';
    const { events } = await runTranscript([[question, m.lapsed(auto, 'A3')]]);
    expect(events).toHaveLength(1);
    expectTaskEvent(events, 'master-status', 'lapsed', [question, 'A3', 'expired']);
  });

  it('answering the lapsed-tests question records the outcome on that turn', async () => {
    const { events } = await runTranscript(
      [
        [opens, opened],
        ['T4', t4Lapsed],
      ],
    );
    expect(events.map((event) => event.dialog?.outcome)).toEqual(['waiting', 'lapsed']);
    expectTaskEvent(events, 'master-status', 'lapsed', [opens, 'T4']);
  });

  it('"none" in answer records the outcome holds', async () => {
    const { events } = await runTranscript(
      [
        [opens, opened],
        ['none', truckHolds],
      ],
    );
    expectTaskEvent(events, 'master-status', 'holds', [opens, 'none']);
  });
});
