// Rate limits hold against one client, and only against that client: Direct Line tokens and
// conversations per client address, messages per conversation; counted in Redis, two instances
// share them (issue 15: ~1,100 conversations a second from one client took a 128 MB bot down).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import nock from 'nock';
import { startChildBot, type ChildBot } from './childServer.js';
import type { RunningBot } from '../support/conversation.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { startSecuredBot } from './support.js';

// Thousands of loopback requests: nock's interception would see every one (test/setup/network.ts).
beforeAll(() => nock.restore());
afterAll(() => nock.activate());

/** The shipped defaults (the suites' UNLIMITED is switched off by setting the variables empty). */
const SHIPPED = { RATE_LIMIT_DIRECTLINE_TOKENS: '', RATE_LIMIT_DIRECTLINE_CONVERSATIONS: '', RATE_LIMIT_MESSAGES: '' };

const token = (bot: RunningBot, from?: string) =>
  fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) }, body: '{}' });

describe('one address asking for 20,000 Direct Line conversations (shipped limits, a bot process)', () => {
  let bot: ChildBot;
  beforeAll(async () => {
    bot = await startChildBot({ TRUST_PROXY: 'true' });
  }, 40_000);
  afterAll(() => bot?.stop());

  it('gets 60 tokens and 60 conversations a minute, 429 + Retry-After for the rest; the process grows < 48 MB', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const post = (path: string, headers: Record<string, string>, body = '') =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        const request = http.request(`${bot.url}${path}`, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        });
        request.on('error', reject);
        request.end(body);
      });
    const attacker = { 'x-forwarded-for': '203.0.113.66' };
    // Warm up (JIT, pools), then measure.
    for (let i = 0; i < 200; i++) await post('/healthz', {});
    const rssBefore = bot.rssMb();
    const statuses = new Map<number, number>();
    let retryAfter = 0;
    let next = 0;
    const worker = async () => {
      while (next < 20_000) {
        next++;
        const response = await post('/api/directline/token', { ...attacker, 'content-type': 'application/json' }, '{}');
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 429) retryAfter = Number(response.headers['retry-after']);
        if (response.status === 200) {
          const session = JSON.parse(response.body) as { token: string };
          const started = await post('/v3/directline/conversations', { ...attacker, authorization: `Bearer ${session.token}` });
          statuses.set(1000 + started.status, (statuses.get(1000 + started.status) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    agent.destroy();
    expect(statuses.get(200)).toBe(60);
    expect(statuses.get(429)).toBe(20_000 - 60);
    expect(statuses.get(1201)).toBe(60);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const grownMb = bot.rssMb() - rssBefore;
    console.info(`[rate limits] 20,000 token requests: RSS ${rssBefore.toFixed(0)} MB -> ${bot.rssMb().toFixed(0)} MB`);
    expect(grownMb).toBeLessThan(48);
    // Another address is not affected by the first one's limit.
    expect((await post('/api/directline/token', { 'x-forwarded-for': '198.51.100.7', 'content-type': 'application/json' }, '{}')).status).toBe(200);
  }, 60_000);
});

describe('messages per conversation', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startSecuredBot({ env: { ...SHIPPED, RATE_LIMIT_MESSAGES: '5/60' } });
  });
  afterAll(() => bot?.close());

  const open = async () => {
    const session = (await (await token(bot)).json()) as { token: string; conversationId: string };
    await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` } });
    return (text: string) =>
      fetch(`${bot.url}/v3/directline/conversations/${session.conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text, from: { id: 'me' } }),
      });
  };

  it('takes 5 messages a minute in one conversation, refuses the 6th with 429, and other conversations go on', async () => {
    const say = await open();
    for (let i = 0; i < 5; i++) expect((await say('what does a duplicate certificate cost?')).status).toBe(200);
    const refused = await say('and again?');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: expect.stringMatching(/too many messages/) });
    const other = await open();
    expect((await other('hello')).status).toBe(200);
  });

  it('counts /api/messages turns per conversation too', async () => {
    const post = (id: string) =>
      fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'typing', id: `a-${Math.random()}`, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', conversation: { id }, from: { id: 'u' }, recipient: { id: 'b' } }),
      });
    for (let i = 0; i < 5; i++) expect((await post('busy')).status).toBe(200);
    expect((await post('busy')).status).toBe(429);
    expect((await post('quiet')).status).toBe(200);
  });
});

const gate = redisSuiteGate('rate limits in Redis');

describe.skipIf(gate.skip)('two instances on one Redis share the counts', () => {
  let redis: TestRedis;
  const bots: RunningBot[] = [];
  const prefix = `security-rate-${process.pid}:`;
  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { ...SHIPPED, RATE_LIMIT_DIRECTLINE_TOKENS: '10/60', REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, STAFF_DEMO_PASSWORD: 'security-suite-password' };
    bots.push(await startSecuredBot({ env }), await startSecuredBot({ env }));
  });
  afterAll(async () => {
    for (const bot of bots) await bot.close();
    if (redis) {
      await deleteTestKeys(redis.url, prefix);
      await redis.stop();
    }
  });

  it('10 tokens a minute from one address across both instances, not 10 each', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await token(bots[i % 2]!)).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
  });
});
