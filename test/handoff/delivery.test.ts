import type { Activity } from 'botbuilder';
import nock from 'nock';
import twilio from 'twilio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { smsEn } from '../../src/channels/sms/messages.js';
import { messageActivity, postJson } from '../support/http.js';
import { teamsMessage, TEAMS_SERVICE_URL } from '../channels/teams/teamsKit.js';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';


interface Posted {
  /** The request path, decoded (conversation ids carry ':' and '@'). */
  path: string;
  activity: Partial<Activity>;
}

/**
 * A Bot Connector at `serviceUrl` (Teams, Azure Web Chat, the Emulator): records every activity the bot
 * posts to a conversation, and answers 200 until told to refuse.
 */
function botConnector(serviceUrl: string) {
  const posted: Posted[] = [];
  let refusal: number | undefined;
  nock(new URL(serviceUrl).origin)
    .persist()
    .post(/\/v3\/conversations\/.+\/activities/)
    .reply((uri, body) => {
      posted.push({ path: decodeURIComponent(uri), activity: body as Partial<Activity> });
      if (refusal === undefined) return [200, { id: `sent-${posted.length}` }];
      const code = refusal === 403 ? 'BotNotInConversationRoster' : 'BadArgument';
      return [refusal, { error: { code, message: 'The bot cannot post to this conversation.' } }];
    });
  return {
    posted,
    texts: () => posted.map((p) => p.activity.text ?? ''),
    refuseWith: (status: number) => {
      refusal = status;
    },
  };
}

/** The case's transcript, as the agent who owns it reads it. */
async function transcriptOf(agent: StaffClient, caseId: string) {
  const opened = await agent.get(`/staff/api/cases/${caseId}`);
  expect(opened.status).toBe(200);
  return opened.json.transcript as Array<{ from: string; text: string; delivery?: string; failure?: string }>;
}

/** Signs agent1 (Alex) in and claims the only queued case. */
async function alexClaims(server: HandoffServer): Promise<{ alex: StaffClient; caseId: string }> {
  const alex = new StaffClient(server.url);
  expect((await alex.login('agent1')).status).toBe(200);
  const queued = await alex.queuedCase();
  expect(queued).toBeDefined();
  expect((await alex.post(`/staff/api/cases/${queued.id}/claim`)).status).toBe(200);
  return { alex, caseId: queued.id as string };
}

describe('staff replies reach a candidate in a Teams personal chat', () => {
  const conversationPath = `/amer/v3/conversations/${teamsMessage('').conversation!.id}/activities`;
  let server: HandoffServer;
  let teams: ReturnType<typeof botConnector>;
  let said = 0;

  /** The candidate writes to the bot in Teams (emulator mode: no app id, so no token to check). */
  const candidateSays = async (text: string) => {
    const response = await postJson(`${server.url}/api/messages`, teamsMessage(text, { id: `teams-${++said}` }));
    expect(response.status).toBe(200);
  };

  beforeEach(async () => {
    server = await startHandoffServer({ clock: movableClock().now });
    teams = botConnector(TEAMS_SERVICE_URL);
    await candidateSays('How do I reschedule my test?');
    await candidateSays('talk to a person');
    expect(teams.texts().at(-1)).toMatch(/You're next in line/);
  });
  afterEach(async () => {
    await server.close();
  });

  it("posts the agent's reply into the chat, rendered as Teams Markdown", async () => {
    const { alex } = await alexClaims(server);
    expect(teams.texts().at(-1)).toMatch(/You're now chatting with Alex from ASE support/);
    const queuedCase = (await alex.get('/staff/api/cases')).json.mine[0];
    expect(queuedCase).toMatchObject({ channel: 'msteams', status: 'active', owner: 'agent1' });

    const sent = await alex.post(`/staff/api/cases/${queuedCase.id}/messages`, { text: 'Your new time is **confirmed**.\nSee you on Friday.' });

    expect(sent.status).toBe(201);
    expect(sent.json.line).toMatchObject({ from: 'agent', agent: 'agent1', delivery: 'sent' });
    const reply = teams.posted.at(-1)!;
    expect(reply.path.startsWith(conversationPath)).toBe(true);
    // Teams needs a blank line to break a line.
    expect(reply.activity).toMatchObject({ type: 'message', text: 'Your new time is **confirmed**.\n\nSee you on Friday.', textFormat: 'markdown' });
  });

  it('when Teams refuses (403, the bot was removed), the agent gets 502 and the transcript shows the failed line', async () => {
    const { alex, caseId } = await alexClaims(server);
    teams.refuseWith(403);
    const before = teams.posted.length;

    const sent = await alex.post(`/staff/api/cases/${caseId}/messages`, { text: 'Are you still there?' });

    expect(sent.status).toBe(502);
    expect(sent.json.error).toBe('delivery-failed');
    expect(sent.json.line).toMatchObject({ from: 'agent', text: 'Are you still there?', delivery: 'failed' });
    expect(sent.json.line.failure).toMatch(/^Teams refused it: the bot was removed .* \(403\)$/);
    // One try (403 is final) and no apology to the candidate for a turn they never took.
    expect(teams.texts().slice(before)).toEqual(['Are you still there?']);

    const transcript = await transcriptOf(alex, caseId);
    expect(transcript.at(-1)).toMatchObject({ from: 'agent', text: 'Are you still there?', delivery: 'failed', failure: sent.json.line.failure });
  });
});

describe('staff replies reach a candidate on other Bot Framework channels (Web Chat on Azure, the Emulator)', () => {
  let server: HandoffServer;
  beforeEach(async () => {
    server = await startHandoffServer({ clock: movableClock().now });
  });
  afterEach(async () => {
    await server.close();
  });

  /** A candidate on `channelId` whose connector is at `serviceUrl`, handed to staff and claimed by Alex. */
  async function handedOver(channelId: string, serviceUrl: string, conversationId: string) {
    const connector = botConnector(serviceUrl);
    for (const text of ['How do I reschedule my test?', 'talk to a person']) {
      const activity = messageActivity(text, { channelId, serviceUrl, conversation: { id: conversationId } });
      expect((await postJson(`${server.url}/api/messages`, activity)).status).toBe(200);
    }
    expect(connector.texts().at(-1)).toMatch(/You're next in line/);
    const { alex, caseId } = await alexClaims(server);
    expect(connector.texts().at(-1)).toMatch(/You're now chatting with Alex/);
    return { connector, alex, caseId };
  }

  it('Web Chat on Azure Direct Line: the reply is posted to the conversation through the Bot Connector', async () => {
    const { connector, alex, caseId } = await handedOver('webchat', 'https://webchat.botframework.com/', 'webchat-conversation-1');

    const sent = await alex.post(`/staff/api/cases/${caseId}/messages`, { text: 'Your new time is **confirmed**.' });

    expect(sent.status).toBe(201);
    expect(sent.json.line).toMatchObject({ delivery: 'sent' });
    const reply = connector.posted.at(-1)!;
    expect(reply.path.startsWith('/v3/conversations/webchat-conversation-1/activities')).toBe(true);
    expect(reply.activity).toMatchObject({ type: 'message', text: 'Your new time is **confirmed**.', textFormat: 'markdown' });
  });

  it('the Emulator: when the connector refuses (400), the agent gets 502 naming the channel, and nothing else is sent', async () => {
    const { connector, alex, caseId } = await handedOver('emulator', 'http://connector.test', 'emulator-conversation-1');
    connector.refuseWith(400);
    const before = connector.posted.length;

    const sent = await alex.post(`/staff/api/cases/${caseId}/messages`, { text: 'Are you still there?' });

    expect(sent.status).toBe(502);
    expect(sent.json).toMatchObject({ error: 'delivery-failed', line: { from: 'agent', delivery: 'failed' } });
    expect(sent.json.line.failure).toMatch(/^the emulator channel refused it: 400/);
    // The failure goes to the agent, not an apology to the candidate.
    expect(connector.texts().slice(before)).toEqual(['Are you still there?']);
    expect((await transcriptOf(alex, caseId)).at(-1)).toMatchObject({ text: 'Are you still there?', delivery: 'failed', failure: sent.json.line.failure });
  });
});

describe('staff replies reach a candidate who texts in through Twilio', () => {
  const accountSid = `AC${'0123456789abcdef'.repeat(2)}`;
  const authToken = 'not-a-real-auth-token';
  const ourNumber = '+15550109999';
  const candidateNumber = '+15550100001';
  const webhookUrl = 'https://bot.example.org/api/sms/twilio';
  const messagesPath = `/2010-04-01/Accounts/${accountSid}/Messages.json`;

  let server: HandoffServer;
  let texts: Array<Record<string, string>>;
  let sid = 0;

  /** The candidate's text, as Twilio posts it to the webhook (signed); resolves once the bot's turn is done. */
  const candidateTexts = async (body: string) => {
    const params = { MessageSid: `SM${String(++sid).padStart(32, '0')}`, AccountSid: accountSid, From: candidateNumber, To: ourNumber, Body: body, NumMedia: '0' };
    const response = await fetch(`${server.url}/api/sms/twilio`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, webhookUrl, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(200);
    await expect.poll(() => server.twilio!.inFlight()).toBe(0);
  };

  beforeEach(async () => {
    texts = [];
    nock('https://api.twilio.com')
      .persist()
      .post(messagesPath)
      .basicAuth({ user: accountSid, pass: authToken })
      .reply((_uri, body) => {
        texts.push(Object.fromEntries(new URLSearchParams(String(body))));
        return [201, { sid: `SM${String(texts.length).padStart(32, 'f')}`, status: 'queued' }];
      });
    server = await startHandoffServer({
      clock: movableClock().now,
      env: { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_PHONE_NUMBER: ourNumber, TWILIO_WEBHOOK_URL: webhookUrl },
    });
    await candidateTexts('How do I reschedule my test?');
    await candidateTexts('talk to a person');
    expect(texts.at(-1)?.Body).toMatch(/You're next in line/);
  });
  afterEach(async () => {
    await server.close();
  });

  it("texts the agent's reply to the candidate's number as plain text", async () => {
    const { alex, caseId } = await alexClaims(server);
    expect(texts.at(-1)).toMatchObject({ To: candidateNumber, From: ourNumber, Body: expect.stringMatching(/You're now chatting with Alex/) });
    expect((await alex.get('/staff/api/cases')).json.mine[0]).toMatchObject({ channel: 'sms' });

    const sent = await alex.post(`/staff/api/cases/${caseId}/messages`, { text: 'Your new time is **confirmed**.' });

    expect(sent.status).toBe(201);
    expect(sent.json.line).toMatchObject({ delivery: 'sent' });
    expect(texts.at(-1)).toEqual({ To: candidateNumber, From: ourNumber, Body: 'Your new time is confirmed.' });
  });

  it('closes the case when the candidate texts STOP: the agent reads why, and nothing more is texted', async () => {
    const { alex, caseId } = await alexClaims(server);
    await candidateTexts('STOP');
    expect(texts.at(-1)?.Body).toBe(smsEn.optedOut);
    const before = texts.length;

    const opened = await alex.get(`/staff/api/cases/${caseId}`);
    expect(opened.json.case).toMatchObject({ status: 'closed' });
    expect(opened.json.transcript.at(-1)).toMatchObject({ from: 'system', text: expect.stringMatching(/texted STOP/) });
    expect((await alex.get('/staff/api/cases')).json.mine).toEqual([]);

    const sent = await alex.post(`/staff/api/cases/${caseId}/messages`, { text: 'Are you still there?' });
    expect(sent.status).toBe(403);
    expect(texts.length).toBe(before);
  });

  it('after STOP and START the candidate is with the bot again, not in the closed case', async () => {
    await alexClaims(server);
    await candidateTexts('STOP');
    await candidateTexts('START');

    await candidateTexts('How long do I wait to retake a failed test?');

    expect(texts.at(-1)?.Body).toMatch(/30 full days/);
  });
});

describe('staff replies reach a candidate on the built-in web chat', () => {
  let server: HandoffServer;
  beforeEach(async () => {
    server = await startHandoffServer({ clock: movableClock().now });
  });
  afterEach(async () => {
    await server.close();
  });

  it("delivers the agent's Markdown exactly as written: Web Chat renders it", async () => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('talk to a person');
    const { alex, caseId } = await alexClaims(server);
    await candidate.waitFor(/You're now chatting with Alex/);
    const markdown = [
      '**Good news:** your retest window opens on *Thursday, April 3*.',
      '',
      '- Bring a photo ID',
      '- Arrive 30 minutes early',
      '',
      'Details: [retest policy](https://www.ase.com/retest) and `A5` results <https://www.ase.com/results>',
    ].join('\n');

    const sent = await alex.post(`/staff/api/cases/${caseId}/messages`, { text: markdown });

    expect(sent.status).toBe(201);
    expect(await candidate.waitFor(/Good news/)).toBe(markdown);
    expect(candidate.seen.map((m) => m.text)).not.toContain(en.turnError);
  });
});
