import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { all, buttons, didNotGetIt, expectTaskEvent, not, offersPerson, runTranscript, type Turn } from './transcript.js';

// The fixed clock: Thursday, March 20, 2025 in New York. Passed on D -> expires on D + 5 years (the
// first day it is no longer current); recertifying on R -> new expiry R + 5 years, no credit for time left.
const m = en.task.recert;
const general = 'Take the Recertification Test once five years have passed since your test';
const opens = 'when does my A4 certification expire?';
const opened = all(general, m.askPassed('A4'));
const recertToday = m.newExpiry(m.today, 'Wednesday, March 20, 2030');
const june2021 = all(m.expires('A4', 'on Friday, June 5, 2026'), recertToday, m.noCredit(442), m.next, not('lapsed'));

const transcripts: Array<[name: string, turns: Turn[]]> = [
  ['a pass date in the first message is answered in one turn: expiry, new expiry, days lost', [['I passed A4 on June 5, 2021, when does it expire?', june2021]]],
  [
    '"if I recertify now" is today',
    [['I passed A4 on June 5, 2021, when does it expire if I recertify now?', all(m.expires('A4', 'on Friday, June 5, 2026'), m.newExpiry(m.today, 'Wednesday, March 20, 2030'), m.noCredit(442))]],
  ],
  [
    'a planned recertification date counts from that day',
    [['If I recertify A4 on June 1, when will it expire? I passed it June 5, 2021', all(m.newExpiry(m.on('Sunday, June 1, 2025'), 'Saturday, June 1, 2030'), m.noCredit(369))]],
  ],
  [
    'an expiry date already past: lapsed, recertification still possible, nothing lost',
    [['My A4 expired on January 10, 2025, can I recertify?', all(m.expired('A4', 'on Friday, January 10, 2025'), recertToday, not('carried over'))]],
  ],
  ['passed five years ago today: lapsed today (early vs lapsed boundary)', [['I passed A4 on March 20, 2020, when does it expire?', all(m.expired('A4', 'on Thursday, March 20, 2025'), recertToday, not('carried over'))]]],
  [
    'passed five years ago tomorrow: still current, one day would be lost by recertifying today',
    [['I passed A4 on March 21, 2020, when does it expire?', all(m.expires('A4', 'on Friday, March 21, 2025'), m.expiringSoon(1), recertToday, m.noCredit(1))]],
  ],
  [
    'step by step: the general rule and one question, then the date, then the answer',
    [
      [opens, opened],
      ['June 5, 2021', all('Saturday, June 5, 2021: got it.', june2021)],
    ],
  ],
  [
    'a pass date in the future is questioned, and the task goes on with a real date',
    [
      [opens, opened],
      ['June 5, 2026', en.task.dateInFuture('Friday, June 5, 2026')],
      ['June 5, 2021', june2021],
    ],
  ],
  [
    '"Thursday" on a Thursday asks which Thursday, with both as choices',
    [
      [opens, opened],
      ['Thursday', all(en.task.whichDate, buttons('Thursday, March 20, 2025', 'Thursday, March 13, 2025'))],
      ['2025-03-13', all('Thursday, March 13, 2025: got it.', m.expires('A4', 'on Wednesday, March 13, 2030'))],
    ],
  ],
  [
    'one answer that is not a date is asked again; a date then finishes the task',
    [
      [opens, opened],
      ['banana', all(didNotGetIt, m.askPassed('A4'))],
      ['June 5, 2021', june2021],
    ],
  ],
  [
    'two answers in a row that are not dates end in an offer of a person, and the next message is handled normally',
    [
      [opens, opened],
      ['banana', didNotGetIt],
      ['purple', offersPerson],
      ['I passed A4 on June 5, 2021, when does it expire?', june2021],
    ],
  ],
  [
    '"help" mid-task gives the recertification help, then the question again',
    [
      [opens, opened],
      ['help', all(m.help, m.askPassed('A4'), not(en.help))],
      ['June 5, 2021', june2021],
    ],
  ],
  [
    '"cancel" stops the task; the date that follows is not taken as its answer; the task starts again when asked',
    [
      [opens, opened],
      ['cancel', en.cancelled],
      ['June 5, 2021', not('Friday, June 5, 2026')],
      [opens, opened],
      ['June 5, 2021', june2021],
    ],
  ],
  [
    '"start over" ends the task and the next question starts afresh',
    [
      [opens, opened],
      ['start over', en.startOver],
      ['I passed A4 on June 5, 2021, when does it expire?', june2021],
    ],
  ],
  [
    '"talk to a person" hands over to staff and ends the task; back with the bot, nothing stale is answered',
    [
      [opens, opened],
      ['talk to a person', /support staff to join/],
      ['back to the bot', en.handoff.left],
      ['June 5, 2021', not('Friday, June 5, 2026')],
    ],
  ],
  [
    'a FAQ question mid-task is answered, the task question asked again, and answering it finishes the task',
    [
      [opens, opened],
      ['how much is a duplicate certificate?', all('$7.50 per test series', `${en.task.backToIt} ${m.askPassed('A4')}`)],
      ['June 5, 2021', june2021],
    ],
  ],
  [
    'a general question gets the FAQ answer and an offer; a short reply with the date takes the offer up',
    [
      ['when do I take recertification tests?', all(general, 'Tell me when you took or last recertified a test')],
      ['June 5, 2021', all(m.expires(undefined, 'on Friday, June 5, 2026'), recertToday, m.noCredit(442))],
    ],
  ],
];

describe('recertification: when does my certification expire, and what if I recertify?', () => {
  it.each(transcripts)('%s', async (_name, turns) => {
    await runTranscript(turns);
  });
});

describe('recertification turn events', () => {
  it.each([
    ['I passed A4 on June 5, 2021, when does it expire?', 'eligible-early'],
    ['My A4 expired on January 10, 2025, can I recertify?', 'eligible-lapsed'],
  ])('%j records route dialog, task recertification, outcome %s, and nothing the candidate wrote', async (question, outcome) => {
    const { events } = await runTranscript([[question, m.next]]);
    expect(events).toHaveLength(1);
    expectTaskEvent(events, 'recertification', outcome, [question, 'A4', '2021', 'January 10']);
  });
});
