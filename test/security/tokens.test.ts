// Bad tokens on /api/messages while the Bot Framework's signing keys cannot be fetched: every one is
// 401, or 503 with Retry-After when only the keys could tell; never 500, never internal error text,
// one JSON log line per refused request and nothing on stderr (issue 15: 45 of 84 forged tokens got
// 500 with the library's error text, and each wrote a stack trace).
import { createSign, generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningBot } from '../support/conversation.js';
import { messageActivity } from '../support/http.js';
import { capturedLog } from './logCapture.js';
import { startSecuredBot } from './support.js';

const appId = '00000000-0000-0000-0000-000000000015';
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const signed = (header: object, claims: object) => {
  const head = `${b64({ alg: 'RS256', typ: 'JWT', ...header })}.${b64(claims)}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(key).toString('base64url')}`;
};
const now = Math.floor(Date.now() / 1000);
const claims = { iss: 'https://api.botframework.com', aud: appId, nbf: now - 60, exp: now + 3600, serviceurl: 'http://127.0.0.1:9' };

/** Forged and malformed tokens: each must be refused without the keys' help or for want of them. */
const tokens: Array<[string, string]> = [
  ['forged, known issuer', signed({ kid: 'forged-kid' }, claims)],
  ['forged, emulator issuer', signed({ kid: 'forged-kid' }, { ...claims, iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' })],
  ['forged, no kid', signed({}, claims)],
  ['expired', signed({ kid: 'forged-kid' }, { ...claims, nbf: 1_600_000_000, exp: 1_600_003_600 })],
  ['for another bot', signed({ kid: 'forged-kid' }, { ...claims, aud: 'someone-else' })],
  ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
  ['HS256', `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.c2lnbmF0dXJl`],
  ['not a JWT', 'not-a-jwt'],
  ['two parts', 'a.b'],
  ['bad base64', '!!!.###.$$$'],
  ['a JSON array header', `${Buffer.from('[1]').toString('base64url')}.${b64(claims)}.x`],
  ['a huge claim', signed({ kid: 'forged-kid' }, { ...claims, extra: 'x'.repeat(6000) })],
];

let bot: RunningBot;
const log = capturedLog('info');

beforeAll(async () => {
  bot = await startSecuredBot({ logger: log.logger, env: { MicrosoftAppId: appId, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' } });
});
afterAll(() => bot?.close());

describe('forged tokens with the signing keys unreachable', () => {
  const stderr: string[] = [];
  beforeEach(() => {
    // The HTTP edge: every metadata address the library may ask fails as an outage would.
    for (const host of ['https://login.botframework.com', 'https://login.microsoftonline.com', 'https://login.windows.net'])
      nock(host).persist().get(/.*/).reply(502, 'bad gateway').post(/.*/).replyWithError('connect ECONNREFUSED');
    vi.spyOn(console, 'error').mockImplementation((...args) => void stderr.push(args.join(' ')));
    vi.spyOn(console, 'warn').mockImplementation((...args) => void stderr.push(args.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  it.each([['outage (502)'], ['unreachable (connection refused)']])('answers every bad token 401 or 503 with Retry-After: %s', async (kind) => {
    if (kind.startsWith('unreachable')) {
      nock.cleanAll();
      for (const host of ['https://login.botframework.com', 'https://login.microsoftonline.com', 'https://login.windows.net'])
        nock(host).persist().get(/.*/).replyWithError('connect ECONNREFUSED').post(/.*/).replyWithError('connect ECONNREFUSED');
    }
    const before = log.lines.length;
    const requests = [...tokens.map(([, token]) => `Bearer ${token}`), '', 'Basic dXNlcjpwYXNz', 'Bearer'];
    const statuses: number[] = [];
    for (const authorization of requests) {
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(messageActivity('hello', { serviceUrl: 'http://127.0.0.1:9' })),
      });
      const body = await response.text();
      statuses.push(response.status);
      expect([401, 503], `${authorization.slice(0, 40)} -> ${response.status} ${body}`).toContain(response.status);
      if (response.status === 503) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      // The caller learns nothing about the library or the keys.
      expect(body).not.toMatch(/Failed to load|openID|jwt|stack|Error:/i);
    }
    // The signed forgeries need the keys to be judged: those are the 503s.
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThan(0);
    const refused = log.lines.slice(before).filter((line) => line.msg === 'request refused');
    expect(refused).toHaveLength(requests.length);
    for (const line of refused) {
      expect(line).toMatchObject({ level: 30, path: '/api/messages', reason: expect.stringMatching(/^bot-auth: /) });
      expect(JSON.stringify(line)).not.toMatch(/\n\s+at /);
    }
    // Nothing else was logged for these requests, and the library wrote nothing to stderr.
    expect(log.lines.slice(before).filter((line) => line.msg !== 'request refused' && (line.level as number) >= 30)).toEqual([]);
    expect(stderr).toEqual([]);
  });
});

describe('refusals elsewhere', () => {
  it('logs one JSON line for each refused Direct Line, staff and webhook request', async () => {
    const before = log.lines.length;
    const refusedRequests: Array<[string, RequestInit]> = [
      ['/v3/directline/conversations', { method: 'POST' }],
      ['/v3/directline/conversations/x/activities', { method: 'POST', headers: { authorization: 'Bearer forged', 'content-type': 'application/json' }, body: '{}' }],
      ['/staff/api/cases', { method: 'GET' }],
      ['/api/sms/twilio', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Body=hi' }],
    ];
    for (const [path, init] of refusedRequests) {
      const response = await fetch(`${bot.url}${path}`, init);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = log.lines.slice(before).filter((line) => line.msg === 'request refused');
    expect(refused.map((line) => line.path)).toEqual(refusedRequests.map(([path]) => path));
  });
});
