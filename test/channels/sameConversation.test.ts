import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, postJson, startBotServer } from '../support/http.js';

interface Sent {
  text?: string;
  textFormat?: string;
  suggestedActions?: { actions: Array<{ title: string; value: string }> };
  attachments?: Array<{ contentType: string; content: { version?: string; body?: unknown[]; actions?: unknown[] } }>;
}

const serviceUrl = 'http://connector.test';
let server: Awaited<ReturnType<typeof startBotServer>>;

beforeAll(async () => {
  server = await startBotServer();
});
afterAll(async () => {
  await server.close();
});

type Channel = { name: string; overrides: (conversation: string) => Record<string, unknown>; text: (said: string) => string };

const channels: Channel[] = [
  { name: 'webchat', overrides: (id) => ({ channelId: 'webchat', conversation: { id } }), text: (said) => said },
  {
    name: 'msteams personal chat',
    overrides: (id) => ({ channelId: 'msteams', conversation: { id, conversationType: 'personal' } }),
    text: (said) => said,
  },
  {
    name: 'msteams channel',
    overrides: (id) => ({
      channelId: 'msteams',
      conversation: { id, conversationType: 'channel', isGroup: true },
      recipient: { id: 'bot-1', name: 'Candidate Assistant' },
      entities: [{ type: 'mention', text: '<at>Candidate Assistant</at>', mentioned: { id: 'bot-1', name: 'Candidate Assistant' } }],
    }),
    text: (said) => `<at>Candidate Assistant</at> ${said}`,
  },
  { name: 'sms', overrides: (id) => ({ channelId: 'sms', conversation: { id }, from: { id: '+15555550123' } }), text: (said) => said },
];

/** One turn on a channel: every activity the bot sent back to the Bot Connector. */
async function turn(channel: Channel, conversation: string, said: string): Promise<Sent[]> {
  const sent: Sent[] = [];
  nock(serviceUrl)
    .persist()
    .post(new RegExp(`/v3/conversations/${encodeURIComponent(conversation)}/activities`))
    .reply(200, (_uri: string, body: Sent) => {
      sent.push(body);
      return { id: `sent-${sent.length}` };
    });
  const activity = messageActivity(channel.text(said), { serviceUrl, ...channel.overrides(conversation) });
  const response = await postJson(`${server.url}/api/messages`, activity);
  expect(response.status).toBe(200);
  nock.cleanAll();
  return sent;
}

const buttonsOf = (sent: Sent[]) => sent.flatMap((activity) => activity.suggestedActions?.actions ?? []);
const cardsOf = (sent: Sent[]) => sent.flatMap((activity) => activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
const textOf = (sent: Sent[]) => sent.map((activity) => activity.text ?? '').join('\n');

describe('the same conversation on every channel', () => {
  it.each(channels)('$name: a FAQ answer with its follow-ups arrives in the form the channel shows', async (channel) => {
    const conversation = `faq-${channel.name.replace(/\W/g, '-')}`;
    const sent = await turn(channel, conversation, 'how much is a duplicate certificate?');
    const text = textOf(sent);
    expect(text).toContain('$7.50 per test series');
    switch (channel.name) {
      case 'webchat':
      case 'msteams personal chat':
        expect(buttonsOf(sent).map((b) => b.title)).toContain('When I get my certificate');
        expect(cardsOf(sent)).toHaveLength(0);
        break;
      case 'msteams channel':
        // No quick replies outside personal chat: the follow-ups ride on an Adaptive Card.
        expect(buttonsOf(sent)).toHaveLength(0);
        expect(cardsOf(sent)[0]?.content.version).toBe('1.5');
        expect(JSON.stringify(cardsOf(sent)[0]?.content)).toContain('When I get my certificate');
        break;
      case 'sms':
        expect(buttonsOf(sent)).toHaveLength(0);
        expect(cardsOf(sent)).toHaveLength(0);
        expect(text).not.toMatch(/\*\*|_Source/);
        // A short answer; the details and the numbered follow-ups come on MORE.
        expect(text).toContain('Reply MORE for details.');
        expect(textOf(await turn(channel, conversation, 'MORE'))).toMatch(/^1\. When I get my certificate$/m);
        for (const part of sent) expect((part.text ?? '').length).toBeLessThanOrEqual(1600);
        break;
    }
  });

  it.each(channels)('$name: a task question with choices can be answered the way the channel allows', async (channel) => {
    const conversation = `task-${channel.name.replace(/\W/g, '-')}`;
    // On the test clock it is Thursday, March 20, 2025: "Thursday" could be today or next week.
    const first = await turn(channel, conversation, 'my exam is Thursday, can I still move it?');
    expect(textOf(first)).toContain('Which date did you mean?');
    const pick =
      channel.name === 'sms'
        ? (expect(textOf(first)).toMatch(/^2\. Thursday, March 27, 2025/m), '2')
        : channel.name === 'msteams channel'
          ? (expect(JSON.stringify(cardsOf(first))).toContain('Thursday, March 27, 2025'), '2025-03-27')
          : String(buttonsOf(first).find((b) => b.title === 'Thursday, March 27, 2025')?.value);
    const second = await turn(channel, conversation, pick);
    expect(textOf(second)).toContain('Yes, you can still change or cancel it');
    expect(textOf(second)).toContain('Monday, March 24, 2025');
  });
});
