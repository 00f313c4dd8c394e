import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import nock from 'nock';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../../../src/bot/adapter.js';
import { classifyTeamsError, retryAfterMs, sendToTeams, type SendToTeamsOptions } from '../../../src/channels/teams/proactive.js';
import { testConfig } from '../../support/testApp.js';
import { TEAMS_SERVICE_URL, teamsMessage } from './teamsKit.js';


const SORRY = 'Sorry, something went wrong.';
const origin = new URL(TEAMS_SERVICE_URL).origin;

/** A channel thread's reference, as the bot saved it from the candidate's last message. */
const reference: Partial<ConversationReference> = TurnContext.getConversationReference(
  teamsMessage('hello', { scope: 'channel', id: '1700000000001' }) as Activity,
);
const conversationPath = `/amer/v3/conversations/${encodeURIComponent(reference.conversation!.id)}/activities`;
const toConversation = (uri: string) => uri.startsWith(conversationPath);

interface Sent {
  text?: string;
  authorization?: string;
}

type Response = [status: number, body?: unknown, headers?: Record<string, string>];

/** Answers each POST with the next response in the list (the last one repeats), recording what was sent. */
function teamsService(responses: Response[]) {
  const sent: Sent[] = [];
  const scope = nock(origin);
  responses.forEach((response, index) => {
    const [status, body = {}, headers = {}] = response;
    scope
      .post(toConversation)
      .times(index === responses.length - 1 ? 1000 : 1)
      .reply(status, body as nock.Body, headers);
  });
  scope.on('request', (req: { headers: Record<string, string | undefined> }, _interceptor: unknown, body: string) => {
    sent.push({ text: (JSON.parse(body || '{}') as { text?: string }).text, authorization: req.headers.authorization });
  });
  return { sent, calls: () => sent.length };
}

/** Log lines as objects, to check what was logged (and that the text was not). */
function captureLogs() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

let adapter: CloudAdapter;
let logs: ReturnType<typeof captureLogs>;
let sleeps: number[];
let options: SendToTeamsOptions;

beforeEach(() => {
  logs = captureLogs();
  // The app's own adapter: its onTurnError would apologise to the candidate if an error reached it.
  adapter = createAdapter(testConfig(), logs.logger, SORRY);
  sleeps = [];
  options = {
    appId: '',
    retries: 3,
    logger: logs.logger,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  };
});

const message = { type: 'message', text: 'An ASE agent has joined the conversation.' } as Partial<Activity>;
const notOnRoster = { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } };
const notFound = { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } };

describe('sendToTeams', () => {
  it('200: delivered, with the id Teams gave the message', async () => {
    const service = teamsService([[200, { id: '1:message-id' }]]);
    const result = await sendToTeams(adapter, reference, message, options);
    expect(result).toEqual({ delivered: true, activityId: '1:message-id', attempts: 1 });
    expect(service.sent.map((s) => s.text)).toEqual([message.text]);
    expect(sleeps).toEqual([]);
  });

  it('accepts plain text', async () => {
    const service = teamsService([[200, { id: 'x' }]]);
    expect((await sendToTeams(adapter, reference, 'Hello again', options)).delivered).toBe(true);
    expect(service.sent[0]?.text).toBe('Hello again');
  });

  it('403: bot-removed at once, no retry, logged, and nothing else sent to the conversation', async () => {
    const service = teamsService([[403, notOnRoster]]);
    const result = await sendToTeams(adapter, reference, message, options);
    expect(result).toMatchObject({ delivered: false, reason: 'bot-removed', status: 403, code: 'BotNotInConversationRoster', attempts: 1 });
    // One call only: no retry, and the adapter's onTurnError never ran (it would have sent SORRY).
    expect(service.calls()).toBe(1);
    expect(service.sent.map((s) => s.text)).not.toContain(SORRY);
    expect(sleeps).toEqual([]);
    const warning = logs.lines.find((line) => line.msg === 'teams message not delivered');
    expect(warning).toMatchObject({ level: 40, reason: 'bot-removed', status: 403, conversationId: reference.conversation!.id });
    expect(logs.lines.some((line) => line.msg === 'turn failed')).toBe(false);
    expect(JSON.stringify(logs.lines)).not.toContain(message.text);
  });

  it('404: conversation-gone, no retry', async () => {
    const service = teamsService([[404, notFound]]);
    const result = await sendToTeams(adapter, reference, message, options);
    expect(result).toMatchObject({ delivered: false, reason: 'conversation-gone', status: 404, code: 'ConversationNotFound', attempts: 1 });
    expect(service.calls()).toBe(1);
  });

  it('429 with Retry-After, then 200: delivered on the second try, after waiting what Teams asked', async () => {
    const service = teamsService([[429, {}, { 'Retry-After': '2' }], [200, { id: 'ok' }]]);
    const result = await sendToTeams(adapter, reference, message, options);
    expect(result).toEqual({ delivered: true, activityId: 'ok', attempts: 2 });
    expect(service.calls()).toBe(2);
    expect(sleeps).toEqual([2000]);
  });

  it('429 forever: rate-limited after 1 + retries tries, with exponential backoff and jitter between them', async () => {
    const service = teamsService([[429, { error: { code: 'Throttled' } }]]);
    const result = await sendToTeams(adapter, reference, message, { ...options, random: () => 0 });
    expect(result).toMatchObject({ delivered: false, reason: 'rate-limited', status: 429, attempts: 4 });
    // Exactly four requests: the Bot Connector's own retry policy is out of the way.
    expect(service.calls()).toBe(4);
    expect(sleeps).toEqual([250, 500, 1000]);
    expect(logs.lines.filter((line) => line.msg === 'teams send failed; trying again')).toHaveLength(3);
  });

  it('jitter spreads each wait over the upper half of its backoff step', async () => {
    teamsService([[429, {}]]);
    await sendToTeams(adapter, reference, message, { ...options, random: () => 0.999 });
    const steps = [500, 1000, 2000];
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(steps[i]! / 2);
      expect(ms).toBeLessThanOrEqual(steps[i]!);
    });
    expect(sleeps[2]).toBeGreaterThan(sleeps[1]!);
  });

  it('caps the backoff at maxDelayMs', async () => {
    teamsService([[503, {}]]);
    await sendToTeams(adapter, reference, message, { ...options, retries: 6, random: () => 1, maxDelayMs: 2000 });
    expect(sleeps).toEqual([500, 1000, 2000, 2000, 2000, 2000]);
  });

  it('gives up at once, as rate-limited with the wait, when Teams asks for more than maxWaitMs', async () => {
    const service = teamsService([[429, {}, { 'Retry-After': '120' }]]);
    const result = await sendToTeams(adapter, reference, message, options);
    expect(result).toMatchObject({ delivered: false, reason: 'rate-limited', retryAfterMs: 120_000, attempts: 1 });
    expect(service.calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('503 then 200: delivered after a retry', async () => {
    teamsService([[503, {}], [200, { id: 'ok' }]]);
    expect(await sendToTeams(adapter, reference, message, options)).toEqual({ delivered: true, activityId: 'ok', attempts: 2 });
  });

  it('5xx forever: teams-unavailable after the retries', async () => {
    const service = teamsService([[502, {}], [500, {}], [504, {}]]);
    const result = await sendToTeams(adapter, reference, message, { ...options, retries: 2 });
    expect(result).toMatchObject({ delivered: false, reason: 'teams-unavailable', status: 504, attempts: 3 });
    expect(service.calls()).toBe(3);
  });

  it('a dropped connection is retried like a 5xx', async () => {
    // A real socket reset from a loopback server (nock's simulated errors never reach this HTTP client).
    let requests = 0;
    const server = createServer((req, res) => {
      requests++;
      if (requests === 1) {
        req.socket.destroy();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: 'ok' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const local = { ...reference, serviceUrl: `http://127.0.0.1:${port}/amer/` };
      expect(await sendToTeams(adapter, local, message, options)).toMatchObject({ delivered: true, attempts: 2 });
      expect(requests).toBe(2);
      expect(sleeps).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('other 4xx (400, 413): rejected, no retry', async () => {
    const service = teamsService([[413, { error: { code: 'MessageSizeTooBig' } }]]);
    expect(await sendToTeams(adapter, reference, message, options)).toMatchObject({
      delivered: false,
      reason: 'rejected',
      status: 413,
      code: 'MessageSizeTooBig',
      attempts: 1,
    });
    expect(service.calls()).toBe(1);
  });

  it('never throws, even for a reference it cannot use', async () => {
    const result = await sendToTeams(adapter, { ...reference, serviceUrl: '' }, message, options);
    expect(result).toMatchObject({ delivered: false, reason: 'rejected' });
  });

  it('with an app id, sends with the bot token', async () => {
    const appId = '00000000-0000-0000-0000-000000000001';
    nock('https://login.microsoftonline.com')
      .persist()
      .post(/\/oauth2\/v2\.0\/token/)
      .reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'outgoing-token' });
    const authenticated = createAdapter(
      testConfig({ MicrosoftAppId: appId, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' }),
      logs.logger,
      SORRY,
    );
    const service = teamsService([[200, { id: 'ok' }]]);
    expect(await sendToTeams(authenticated, reference, message, { ...options, appId })).toMatchObject({ delivered: true });
    expect(service.sent[0]?.authorization).toBe('Bearer outgoing-token');
  });
});

describe('retryAfterMs', () => {
  const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? undefined });
  it('reads seconds, an HTTP date and retry-after-ms', () => {
    expect(retryAfterMs(headers({ 'retry-after': '3' }))).toBe(3000);
    const now = () => Date.parse('2025-03-20T15:00:00Z');
    expect(retryAfterMs(headers({ 'retry-after': 'Thu, 20 Mar 2025 15:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(headers({ 'retry-after-ms': '750', 'retry-after': '9' }))).toBe(750);
    expect(retryAfterMs({ 'Retry-After': '1' })).toBe(1000);
  });
  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs(headers({}))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});

describe('classifyTeamsError', () => {
  it.each([
    [{ statusCode: 403 }, 'final', 'bot-removed'],
    [{ statusCode: 404 }, 'final', 'conversation-gone'],
    [{ statusCode: 429 }, 'retry', 'rate-limited'],
    [{ statusCode: 500 }, 'retry', 'teams-unavailable'],
    [{ statusCode: 412 }, 'retry', 'teams-unavailable'],
    [{ statusCode: 401 }, 'final', 'rejected'],
    [{ code: 'ETIMEDOUT', message: 'timed out' }, 'retry', 'teams-unavailable'],
    [new TypeError('bad input'), 'final', 'rejected'],
  ])('%j -> %s %s', (error, kind, reason) => {
    expect(classifyTeamsError(error)).toMatchObject({ kind, reason });
  });
});
