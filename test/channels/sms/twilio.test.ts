import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import nock from 'nock';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdapter } from '../../../src/bot/adapter.js';
import { smsMiddleware } from '../../../src/channels/sms/index.js';
import { mountTwilioSms } from '../../../src/channels/sms/mountTwilio.js';
import { smsEn } from '../../../src/channels/sms/messages.js';
import { formParams, isValidTwilioSignature, TwilioSmsAdapter, type TwilioSmsAdapterOptions } from '../../../src/channels/sms/twilioAdapter.js';
import { createLogger } from '../../../src/logging/logger.js';
import { en } from '../../../src/messages/en.js';
import { createServer } from '../../../src/server.js';
import { testConfig } from '../../support/testApp.js';
import { smsBot } from './smsBot.js';


const accountSid = `AC${'0123456789abcdef'.repeat(2)}`;
const authToken = 'not-a-real-auth-token';
const ourNumber = '+15550109999';
const candidate = '+15550100001';
const publicUrl = 'https://bot.example.org/api/sms/twilio';
const api = 'https://api.twilio.com';
const messagesPath = `/2010-04-01/Accounts/${accountSid}/Messages.json`;

// Twilio's published example (docs: "Webhooks security"), checked here against the twilio package itself.
const example = {
  url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
  authToken: '12345',
  params: { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' },
  signature: '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
};

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

function logSink() {
  const lines: LogLine[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { logger, lines };
}

type Sent = Record<string, string>;
const formOf = (body: unknown): Sent => (typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Sent));

/** Twilio's Messages endpoint: answers each POST with the next scripted status (201 once the script runs out). */
function twilioApi(script: Array<number | { status: number; body?: object; headers?: Record<string, string> } | 'network'> = []) {
  const sent: Sent[] = [];
  let call = 0;
  const scope = nock(api)
    .persist()
    .post(messagesPath)
    .basicAuth({ user: accountSid, pass: authToken })
    .reply(function (_uri, body) {
      const step = script[call++];
      if (step === 'network') {
        this.req.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        return [500, {}];
      }
      const status = typeof step === 'number' ? step : (step?.status ?? 201);
      if (status === 201) {
        sent.push(formOf(body));
        return [201, { sid: `SM${String(sent.length).padStart(32, '0')}`, status: 'queued' }];
      }
      const problem = typeof step === 'object' && step.body ? step.body : { code: 20500, message: 'Internal Server Error', status };
      return [status, problem, typeof step === 'object' ? (step.headers ?? {}) : {}];
    });
  return { sent, scope, calls: () => call };
}

function adapterOptions(overrides: Partial<TwilioSmsAdapterOptions> = {}) {
  const { logger, lines } = logSink();
  const sleep = vi.fn(async (_ms: number) => undefined);
  const options: TwilioSmsAdapterOptions = {
    accountSid,
    authToken,
    phoneNumber: ourNumber,
    webhookUrl: publicUrl,
    logger,
    sleep,
    random: () => 0.5,
    ...overrides,
  };
  return { options, lines, sleep };
}

async function startSmsServer(overrides: Partial<TwilioSmsAdapterOptions> = {}) {
  const { options, lines } = adapterOptions(overrides);
  const storage = new MemoryStorage();
  const bot = await smsBot({ storage });
  const adapter = new TwilioSmsAdapter(options);
  adapter.use(...smsMiddleware(storage, { logger: options.logger }));
  const http = createServer({
    adapter: createAdapter(testConfig(), options.logger, en.turnError),
    onTurn: bot.onTurn,
    readiness: [],
    logger: options.logger,
    mount: [(server) => mountTwilioSms(server, { adapter, onTurn: bot.onTurn, logger: options.logger })],
  });
  await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
  const { port } = http.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/sms/twilio`;
  let sid = 0;
  /** Posts a webhook the way Twilio does; signs it for `signedUrl` unless a signature is given. */
  const post = async (params: Record<string, string>, signature: string | null | undefined = undefined, signedUrl = options.webhookUrl) => {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const sig = signature === undefined ? twilio.getExpectedTwilioSignature(options.authToken, signedUrl, params) : signature;
    if (sig !== null) headers['x-twilio-signature'] = sig;
    const response = await fetch(url, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
    const body = await response.text();
    // Twilio has its answer before the bot runs: wait for the turn (and its sends) to finish.
    await expect.poll(() => adapter.inFlight(), { timeout: 10_000 }).toBe(0);
    return { status: response.status, body, contentType: response.headers.get('content-type') };
  };
  const sms = (body: string, from = candidate) => ({
    MessageSid: `SM${String(++sid).padStart(32, 'a')}`,
    AccountSid: accountSid,
    From: from,
    To: ourNumber,
    Body: body,
    NumMedia: '0',
  });
  return { adapter, lines, storage, post, sms, events: bot.events, kb: bot.kb, close: () => http.shutdown(1000) };
}

describe('Twilio signature', () => {
  it("validates Twilio's published example with the twilio package's validator", () => {
    expect(twilio.getExpectedTwilioSignature(example.authToken, example.url, example.params)).toBe(example.signature);
    expect(isValidTwilioSignature(example.authToken, example.signature, example.url, example.params)).toBe(true);
  });

  it('refuses a tampered parameter, a tampered URL, another token, or no signature', () => {
    expect(isValidTwilioSignature(example.authToken, example.signature, example.url, { ...example.params, Digits: '1235' })).toBe(false);
    expect(isValidTwilioSignature(example.authToken, example.signature, example.url, { ...example.params, Extra: 'x' })).toBe(false);
    expect(isValidTwilioSignature(example.authToken, example.signature, 'https://mycompany.com/myapp.php?foo=1&bar=3', example.params)).toBe(false);
    expect(isValidTwilioSignature(example.authToken, example.signature, 'https://evil.example/myapp.php?foo=1&bar=2', example.params)).toBe(false);
    expect(isValidTwilioSignature('54321', example.signature, example.url, example.params)).toBe(false);
    expect(isValidTwilioSignature(example.authToken, undefined, example.url, example.params)).toBe(false);
    expect(isValidTwilioSignature(example.authToken, '', example.url, example.params)).toBe(false);
  });

  it('reads the form fields from the raw body (what Twilio signed) or a parsed body', () => {
    expect(formParams({ headers: {}, rawBody: Buffer.from('A=1&B=two+words&B=x'), body: { ignored: 'yes' } })).toEqual({ A: '1', B: ['two words', 'x'] });
    expect(formParams({ headers: {}, body: 'Body=%E2%9C%93' })).toEqual({ Body: '\u2713' });
    expect(formParams({ headers: {}, body: { A: '1', N: 2, L: ['a', 'b'] } })).toEqual({ A: '1', L: ['a', 'b'] });
  });
});

describe('POST /api/sms/twilio with the published example', () => {
  let server: Awaited<ReturnType<typeof startSmsServer>>;
  beforeAll(async () => (server = await startSmsServer({ authToken: example.authToken, webhookUrl: example.url })));
  afterAll(() => server.close());

  it('accepts the example signature, answers empty TwiML at once and replies through the REST API', async () => {
    const { sent } = nockWithToken(example.authToken);
    const response = await server.post(example.params, example.signature);
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^text\/xml/);
    expect(response.body).toMatch(/<Response\/>$/);
    // The example is a voice call: no Body, so the bot asks for text, to the caller's number.
    expect(sent).toEqual([{ To: '+12349013030', From: ourNumber, Body: en.emptyMessage }]);
  });

  it.each([
    ['a tampered parameter', { ...example.params, Digits: '9999' }, example.signature],
    ['an added parameter', { ...example.params, Body: 'hello' }, example.signature],
    ['a signature for another URL', example.params, twilio.getExpectedTwilioSignature(example.authToken, 'https://mycompany.com/myapp.php?foo=1&bar=3', example.params)],
    ['a signature made with another token', example.params, twilio.getExpectedTwilioSignature('another-token', example.url, example.params)],
    ['no signature', example.params, null],
  ])('refuses %s with 403 and runs nothing', async (_name, params, signature) => {
    const { sent } = nockWithToken(example.authToken);
    const response = await server.post(params as Record<string, string>, signature);
    expect(response.status).toBe(403);
    expect(sent).toEqual([]);
  });

  function nockWithToken(token: string) {
    const sent: Sent[] = [];
    nock(api)
      .persist()
      .post(messagesPath)
      .basicAuth({ user: accountSid, pass: token })
      .reply(201, (_uri, body) => {
        sent.push(formOf(body));
        return { sid: 'SM1' };
      });
    return { sent };
  }
});

describe('POST /api/sms/twilio running the bot', () => {
  let server: Awaited<ReturnType<typeof startSmsServer>>;
  beforeAll(async () => (server = await startSmsServer()));
  afterAll(() => server.close());

  it('validates against the configured public URL, not the URL the request arrived on', async () => {
    const { sent } = twilioApi();
    const params = server.sms('how much does a duplicate certificate cost?');
    expect((await server.post(params, undefined, 'http://127.0.0.1/api/sms/twilio')).status).toBe(403);
    expect((await server.post(params)).status).toBe(200);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    for (const message of sent) expect(message).toMatchObject({ To: candidate, From: ourNumber });
    const whole = sent.map((message) => message.Body).join('\n\n');
    expect(whole).toContain('$7.50');
    // The answer is short; its details and suggestions wait for MORE (test/channels/sms/more.test.ts).
    expect(whole).toContain('\nReply MORE for details.');
  });

  it('sends the rest of a long answer (on MORE) as several plain-text parts, each at most 1,600 and here under 320', async () => {
    const { sent } = twilioApi();
    // A conversation of its own: the test above left a duplicate-certificate offer open on `candidate`.
    const fresh = '+15550100077';
    expect((await server.post(server.sms('how do I renew my certification?', fresh))).status).toBe(200);
    expect(sent).toHaveLength(1);
    expect((await server.post(server.sms('MORE', fresh))).status).toBe(200);
    expect(sent.length).toBeGreaterThan(2);
    for (const message of sent) {
      expect(message).toMatchObject({ To: fresh, From: ourNumber });
      expect(message.Body!.length).toBeLessThanOrEqual(1600);
      expect(message.Body!.length).toBeLessThanOrEqual(320);
      expect(message.Body).not.toMatch(/\*\*|\]\(/);
    }
    const whole = sent.map((message) => message.Body).join('\n\n');
    expect(whole).toMatch(/the new expiration date is five years from the date of your recertification/);
    expect(whole).toMatch(/Reply with a number, or ask another question\.$/);
  });

  it('answers "1" with the first numbered choice', async () => {
    const { sent } = twilioApi();
    await server.post(server.sms('certificate', '+15550100003'));
    const question = sent.splice(0).map((message) => message.Body).join('\n');
    const first = /^1\. (.+)$/m.exec(question)?.[1];
    expect(first).toBeTruthy();
    await server.post(server.sms('1', '+15550100003'));
    const answer = sent.map((message) => message.Body).join('\n');
    expect(answer).not.toContain('Did you mean');
    expect(server.events.at(-1)).toMatchObject({ channel: 'sms', route: 'dialog' });
    expect(server.kb.index.get(server.events.at(-1)?.faq?.entryId ?? '')?.button).toBe(first);
  });

  it('after STOP sends nothing to that number; Twilio refusing our confirmation (21610) is not an error', async () => {
    const number = '+15550100004';
    const { sent, calls } = twilioApi([{ status: 400, body: { code: 21610, message: `Attempt to send to unsubscribed recipient ${number}`, status: 400 } }]);
    await server.post(server.sms('STOP', number));
    expect(calls()).toBe(1); // the one confirmation, which Twilio's own STOP handling refused
    await server.post(server.sms('how much does a duplicate certificate cost?', number));
    await server.post(server.sms('1', number));
    expect(calls()).toBe(1);
    expect(sent).toEqual([]);
    expect(server.lines.some((line) => line.msg === 'sms: Twilio says the number has opted out; not sent' && line.level === 30)).toBe(true);
    expect(server.lines.filter((line) => line.level >= 50)).toEqual([]);

    await server.post(server.sms('START', number));
    expect(sent.map((message) => message.Body)).toEqual([smsEn.optedIn]);
  });

  it('answers a signed request that is not an incoming message with 400', async () => {
    const response = await server.post({ AccountSid: accountSid, MessageStatus: 'delivered' });
    expect(response.status).toBe(400);
  });
});

describe('TwilioSmsAdapter sending', () => {
  const send = async (adapter: TwilioSmsAdapter, activity: Parameters<import('botbuilder').TurnContext['sendActivity']>[0], to = candidate) =>
    adapter.continueConversation(adapter.referenceFor(to), async (context) => void (await context.sendActivity(activity)));

  it('POSTs To/From/Body with basic auth to the account Messages endpoint', async () => {
    const { options } = adapterOptions();
    const { sent, scope } = twilioApi();
    await send(new TwilioSmsAdapter(options), 'Hello from ASE.');
    expect(sent).toEqual([{ To: candidate, From: ourNumber, Body: 'Hello from ASE.' }]);
    expect(scope.isDone()).toBe(true);
  });

  it('sends through a Messaging Service when one is configured', async () => {
    const { options } = adapterOptions({ phoneNumber: undefined, messagingServiceSid: `MG${'1'.repeat(32)}` });
    const { sent } = twilioApi();
    await send(new TwilioSmsAdapter(options), 'Hi');
    expect(sent).toEqual([{ To: candidate, MessagingServiceSid: `MG${'1'.repeat(32)}`, Body: 'Hi' }]);
  });

  it('retries a 429 (honouring Retry-After) and then succeeds', async () => {
    const { options, sleep, lines } = adapterOptions();
    const { sent, calls } = twilioApi([{ status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 }, headers: { 'Retry-After': '2' } }]);
    await send(new TwilioSmsAdapter(options), 'Hello');
    expect(calls()).toBe(2);
    expect(sent).toHaveLength(1);
    expect(sleep).toHaveBeenCalledExactlyOnceWith(2000);
    expect(lines.some((line) => line.msg === 'sms: Twilio busy; retrying' && line.status === 429)).toBe(true);
  });

  it('retries 5xx and network errors with growing, jittered back-off', async () => {
    const { options, sleep } = adapterOptions({ random: () => 0.5 });
    const { sent, calls } = twilioApi([503, 'network', 500]);
    await send(new TwilioSmsAdapter(options), 'Hello');
    expect(calls()).toBe(4);
    expect(sent).toHaveLength(1);
    // ceiling 500, 1000, 2000 ms: half fixed + half times the random draw (0.5)
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([375, 750, 1500]);
  });

  it('gives up after the last attempt and logs it', async () => {
    const { options, sleep, lines } = adapterOptions({ retry: { attempts: 3 } });
    const { sent, calls } = twilioApi([500, 502, 503, 504]);
    await send(new TwilioSmsAdapter(options), 'Hello');
    expect(calls()).toBe(3);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(sent).toEqual([]);
    expect(lines.some((line) => line.msg === 'sms: Twilio still failing after retries; message not sent' && line.status === 503)).toBe(true);
  });

  it('does not retry a 400, and logs it without the phone number', async () => {
    const { options, sleep, lines } = adapterOptions();
    const { calls } = twilioApi([
      {
        status: 400,
        body: { code: 21211, message: `The 'To' number ${candidate} is not a valid phone number.`, more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 },
      },
    ]);
    await send(new TwilioSmsAdapter(options), 'Hello');
    expect(calls()).toBe(1);
    expect(sleep).not.toHaveBeenCalled();
    const refused = lines.find((line) => line.msg === 'sms: Twilio refused the message');
    expect(refused).toMatchObject({ level: 50, status: 400, code: 21211, moreInfo: 'https://www.twilio.com/docs/errors/21211', to: '+1********01' });
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain('5550100001');
    expect(everything).not.toContain(authToken);
  });

  it('splits a long message into parts of at most 1,600 (under 320 by preference)', async () => {
    const { options } = adapterOptions();
    const { sent } = twilioApi();
    const sentence = 'Each sentence of this long answer says a little more about scheduling a test. ';
    await send(new TwilioSmsAdapter(options), sentence.repeat(40)); // about 3,200 characters
    expect(sent.length).toBeGreaterThanOrEqual(10);
    for (const message of sent) expect(message.Body!.length).toBeLessThanOrEqual(320);
    expect(sent.map((message) => message.Body).join(' ')).toBe(sentence.repeat(40).trim());

    nock.cleanAll();
    const { sent: single } = twilioApi();
    await send(new TwilioSmsAdapter({ ...options, split: { max: 1600, target: 1600 } }), 'x'.repeat(3000));
    expect(single.map((message) => message.Body!.length)).toEqual([1600, 1400]);
  });

  it('writes Markdown from other renderers as plain GSM-7 text, and suggested actions as numbered lines', async () => {
    const { options } = adapterOptions();
    const { sent } = twilioApi();
    await send(new TwilioSmsAdapter(options), {
      text: '**Don\u2019t** wait \u2014 see [myASE](https://myase.ase.com).',
      textFormat: 'markdown',
      suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Talk to a person', value: 'Talk to a person' }] },
    });
    expect(sent[0]?.Body).toBe("Don't wait - see myASE (https://myase.ase.com).\n\n1. Talk to a person\nReply with a number.");
  });

  it('sends nothing proactive to a number that has opted out', async () => {
    const { options } = adapterOptions();
    const storage = new MemoryStorage();
    const adapter = new TwilioSmsAdapter(options);
    const [keywords] = smsMiddleware(storage);
    adapter.use(keywords);
    await keywords.optOuts.optOut(candidate, { keyword: 'STOP', at: '2025-03-20T15:00:00.000Z', channelId: 'sms' });
    const { calls } = twilioApi();
    await send(adapter, 'A member of staff answered your question.');
    expect(calls()).toBe(0);
  });

  it('refuses to start without what it needs', () => {
    const { options } = adapterOptions();
    expect(() => new TwilioSmsAdapter({ ...options, accountSid: 'nope' })).toThrow(/accountSid/);
    expect(() => new TwilioSmsAdapter({ ...options, phoneNumber: undefined })).toThrow(/phoneNumber or messagingServiceSid/);
    expect(() => new TwilioSmsAdapter({ ...options, webhookUrl: '/api/sms/twilio' })).toThrow(/webhookUrl/);
    expect(() => new TwilioSmsAdapter({ ...options, authToken: '' })).toThrow(/authToken/);
  });
});
