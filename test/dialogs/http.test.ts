import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { messageActivity, postJson, startBotServer } from '../support/http.js';
import { all, check, type Expected } from './transcript.js';

// The real server (restify, CloudAdapter in Emulator mode, the fixed clock); replies are the Bot
// Connector calls to the activity's serviceUrl, caught by nock.
const serviceUrl = 'http://connector.test';

interface SentActivity {
  type: string;
  text?: string;
  replyToId?: string;
  suggestedActions?: { actions: Array<{ title: string }> };
}

let server: Awaited<ReturnType<typeof startBotServer>>;
let conversations = 0;

beforeAll(async () => {
  server = await startBotServer();
});
afterAll(async () => {
  await server.close();
});

/** One conversation over HTTP: every turn posts to /api/messages with the same conversation id. */
function conversation() {
  const id = `dialog-conversation-${++conversations}`;
  const sent: SentActivity[] = [];
  nock(serviceUrl)
    .persist()
    .post(new RegExp(`/v3/conversations/${id}/activities`))
    .reply(200, (_uri: string, body: SentActivity) => {
      sent.push(body);
      return { id: `sent-${sent.length}` };
    });
  return {
    id,
    /** Posts the candidate's message and returns what the bot sent back on the connector. */
    async say(text: string) {
      sent.splice(0);
      const activity = messageActivity(text, { conversation: { id } });
      const response = await postJson(`${server.url}/api/messages`, activity);
      expect(response.status, `POST /api/messages for ${JSON.stringify(text)}`).toBe(200);
      const replies = sent.splice(0);
      for (const reply of replies) expect(reply).toMatchObject({ type: 'message', replyToId: activity.id });
      return {
        activities: replies,
        text: replies.map((reply) => reply.text ?? '').join('\n\n'),
        buttons: replies.flatMap((reply) => (reply.suggestedActions?.actions ?? []).map((action) => action.title)),
      };
    },
  };
}

async function runOverHttp(turns: Array<[userSays: string, expected: Expected]>): Promise<void> {
  const chat = conversation();
  for (const [index, [userSays, expected]] of turns.entries()) {
    const result = await chat.say(userSays);
    try {
      expect(result.activities.length, 'nothing was sent to the connector').toBeGreaterThan(0);
      check(result, expected);
    } catch (error) {
      throw new Error(`turn ${index + 1}, after ${JSON.stringify(userSays)}: ${(error as Error).message}\n--- the bot said ---\n${result.text}`);
    }
  }
}

const oneShot: Array<[task: string, userSays: string, expected: Expected]> = [
  ['reschedule-or-cancel', 'Can I reschedule my test on March 28 at 9am?', en.task.change.allowed('Tuesday, March 25, 2025 at 9:00 AM')],
  ['purchase-window', 'I bought my test on January 10, when does it expire?', en.task.purchase.open('Thursday, April 10, 2025', 21)],
  ['retest', 'I failed A5 on March 3, can I retake it?', 'You can buy A5 again on or after Thursday, April 3, 2025'],
  ['recertification', 'I passed A4 on June 5, 2021, when does it expire?', all(en.task.recert.expires('A4', 'on Friday, June 5, 2026'), '2030')],
  ['master-status', 'Am I still a Master Tech? My A3 expired.', en.task.master.lapsed('Master Automobile Technician', 'A3')],
  ['duplicate-cost', 'What do duplicates of my A1, A5 and T2 certificates cost?', en.task.duplicates.total('$15.00', 2, '$7.50')],
  // missed-appointment has no one-shot form today: see missed-appointment.test.ts.
];

const stepByStep: Array<[task: string, turns: Array<[userSays: string, expected: Expected]>]> = [
  [
    'reschedule-or-cancel',
    [
      ['Can I reschedule my test next week?', en.task.whichDay('next week')],
      ['March 28 at 9am', all('Friday, March 28, 2025 at 9:00 AM: got it.', en.task.change.allowed('Tuesday, March 25, 2025 at 9:00 AM'))],
    ],
  ],
  [
    'missed-appointment',
    [
      ['I missed my exam', all('No Show', en.task.missed.askPosted)],
      ['yes, it has been posted', en.task.missed.canRebuyNow],
    ],
  ],
  [
    'purchase-window',
    [
      ['when does my test expire? I bought it last month', en.task.whichDay('last month')],
      ['January 10', all('Friday, January 10, 2025: got it.', en.task.purchase.open('Thursday, April 10, 2025', 21))],
    ],
  ],
  [
    'retest',
    [
      ['I failed A5, when can I retake it?', all('30 full days', en.task.retest.askDate('A5'))],
      ['March 3', all('Monday, March 3, 2025: got it.', 'on or after Thursday, April 3, 2025')],
    ],
  ],
  [
    'recertification',
    [
      ['when does my A4 certification expire?', en.task.recert.askPassed('A4')],
      ['June 5, 2021', en.task.recert.expires('A4', 'on Friday, June 5, 2026')],
    ],
  ],
  [
    'master-status',
    [
      ['do I stay a master technician if one of my certifications expires', 'not for life'],
      ['automobile', en.task.master.askLapsed('Master Automobile Technician')],
      ['A3 and A6', en.task.master.lapsed('Master Automobile Technician', 'A3 and A6')],
    ],
  ],
  [
    'duplicate-cost',
    [
      ['how much is a duplicate certificate?', '$7.50 per test series'],
      ['A1, A5 and T2', en.task.duplicates.total('$15.00', 2, '$7.50')],
    ],
  ],
];

describe('guided tasks through POST /api/messages', () => {
  it.each(oneShot)('%s: the first message %j is answered in one turn', async (_task, userSays, expected) => {
    await runOverHttp([[userSays, expected]]);
  });

  it.each(stepByStep)('%s: step by step on one conversation id', async (_task, turns) => {
    await runOverHttp(turns);
  });

  it('the general answer and the question arrive as two messages, in that order, each a reply to the candidate', async () => {
    const chat = conversation();
    const first = await chat.say('I failed A5, when can I retake it?');
    expect(first.activities.map((activity) => activity.text)).toEqual([
      'You must wait 30 full days before you can purchase and schedule the same test again.',
      en.task.retest.askDate('A5'),
    ]);
  });

  it('a choice of dates arrives as suggested-action buttons, and the tapped value finishes the task', async () => {
    const chat = conversation();
    const first = await chat.say('Can I move my exam on Thursday?');
    expect(first.buttons).toEqual(['Thursday, March 20, 2025', 'Thursday, March 27, 2025']);
    const second = await chat.say('2025-03-27');
    expect(second.text).toContain(en.task.change.allowed('the start of Monday, March 24, 2025'));
  });

  it('two conversations do not share a task: a date in the other conversation is not an answer', async () => {
    const asked = conversation();
    const other = conversation();
    await asked.say('I failed A5, when can I retake it?');
    expect((await other.say('March 3')).text).not.toContain('April 3');
    expect((await asked.say('March 3')).text).toContain('on or after Thursday, April 3, 2025');
  });
});
