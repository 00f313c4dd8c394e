// A captured, validly signed Twilio webhook replayed later (after a restart, or to another instance)
// is not processed again: the turn runner remembers each activity id (Twilio's MessageSid) for 24 h
// in Redis (src/storage/redisTurnGate.ts), which every instance and every restart share.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../support/conversation.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { startSecuredBot, TWILIO_ENV } from './support.js';

const gate = redisSuiteGate('Twilio replay');

describe.skipIf(gate.skip)('a replayed Twilio webhook', () => {
  let redis: TestRedis;
  let api: Server;
  const sent: string[] = [];
  const prefix = `security-replay-${process.pid}:`;

  beforeAll(async () => {
    redis = await startRedisServer();
    // Twilio's Messages API, on loopback: counts the SMS the bot sends.
    api = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        sent.push(new URLSearchParams(body).get('Body') ?? '');
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ sid: `SM${sent.length}`, status: 'queued' }));
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => api?.close(() => resolve()));
    if (redis) {
      await deleteTestKeys(redis.url, prefix);
      await redis.stop();
    }
  });

  const start = () =>
    startSecuredBot({
      env: {
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: prefix,
        STAFF_DEMO_PASSWORD: 'security-suite-password',
        TWILIO_API_BASE_URL: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
      },
    });

  const deliver = async (bot: RunningBot, params: Record<string, string>) => {
    const signature = twilio.getExpectedTwilioSignature(TWILIO_ENV.TWILIO_AUTH_TOKEN, TWILIO_ENV.TWILIO_WEBHOOK_URL, params);
    const response = await fetch(`${bot.url}/api/sms/twilio`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    return response.status;
  };

  const waitForSent = async (count: number) => {
    for (let i = 0; i < 100 && sent.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  };

  it('is answered once: the first delivery gets its reply, the replay after a restart gets none', async () => {
    const params = {
      MessageSid: `SM${'a'.repeat(32)}`,
      AccountSid: TWILIO_ENV.TWILIO_ACCOUNT_SID,
      From: '+15551230001',
      To: TWILIO_ENV.TWILIO_PHONE_NUMBER,
      Body: 'how much is a duplicate certificate?',
      NumMedia: '0',
    };
    const first = await start();
    expect(await deliver(first, params)).toBe(200);
    await waitForSent(1);
    await first.close();
    const replies = sent.length;
    expect(replies).toBeGreaterThan(0);

    // The same signed request, captured and sent again to a new process on the same Redis.
    const second = await start();
    try {
      expect(await deliver(second, params)).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(sent.length).toBe(replies);
      // A new message from the same number is answered: the replay guard is per MessageSid.
      expect(await deliver(second, { ...params, MessageSid: `SM${'b'.repeat(32)}` })).toBe(200);
      await waitForSent(replies + 1);
      expect(sent.length).toBeGreaterThan(replies);
    } finally {
      await second.close();
    }
  });
});
