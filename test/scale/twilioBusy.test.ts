// A text message (Twilio's webhook) to a conversation whose lock another instance's turn holds past
// the wait. Twilio is answered 200 before the turn runs, and it would not redeliver on a 5xx anyway
// (it retries only when it cannot connect, and sends a failed request to the fallback URL), so the
// turn runs again after the holder's lease: the candidate gets the answer once, never the apology.
// Twilio's REST API is the only thing stood in for (nock); the bot, Redis and the lock are real.
import nock from 'nock';
import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ComposedApplication } from '../../src/composition.js';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { listenComposed } from '../support/composedInstance.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';

const gate = redisSuiteGate('a text message to a busy conversation');

const accountSid = `AC${'0123456789abcdef'.repeat(2)}`;
const authToken = 'not-a-real-auth-token';
const ourNumber = '+15550109999';
const candidate = '+15550100042';
const another = '+15550100043';
const webhookUrl = 'https://bot.example.org/api/sms/twilio';
const api = 'https://api.twilio.com';
const messagesPath = `/2010-04-01/Accounts/${accountSid}/Messages.json`;

describe.skipIf(gate.skip || Boolean(process.env.REDIS_URL))('a text message to a conversation that stays busy', () => {
  let redis: TestRedis;
  let composed: ComposedApplication;
  let base: string;
  const prefix = `smsbusy-${process.pid}:`;
  const texted: string[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    ({ composed, url: base } = await listenComposed({
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: prefix,
      TURN_LOCK_TTL_MS: '500',
      TURN_LOCK_WAIT_MS: '700',
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_PHONE_NUMBER: ourNumber,
      TWILIO_WEBHOOK_URL: webhookUrl,
    }));
  });

  // Twilio's Messages endpoint, set up per test (test/setup/network.ts cleans nock after each).
  beforeEach(() => {
    nock(api)
      .persist()
      .post(messagesPath)
      .basicAuth({ user: accountSid, pass: authToken })
      .reply((_uri, body) => {
        const form = new URLSearchParams(typeof body === 'string' ? body : '');
        if (form.get('To') === candidate || form.get('To') === another) texted.push(form.get('Body') ?? '');
        return [201, { sid: `SM${String(texted.length).padStart(32, '0')}`, status: 'queued' }];
      });
  });

  afterEach(() => {
    texted.length = 0;
  });

  afterAll(async () => {
    await composed?.close();
    if (redis) {
      await deleteTestKeys(redis.url, prefix);
      await redis.stop();
    }
  });

  /** Twilio's webhook POST for one incoming text, signed as Twilio signs it. */
  const textIn = (sid: string, body: string, from = candidate) => {
    const params = { MessageSid: sid, AccountSid: accountSid, From: from, To: ourNumber, Body: body, NumMedia: '0' };
    return fetch(`${base}/api/sms/twilio`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, webhookUrl, params) },
      body: new URLSearchParams(params).toString(),
    });
  };

  /** Another instance's turn holds the candidate's conversation for `ms`. */
  const holdConversation = async (ms: number, from = candidate) => {
    const admin = createRedisClient({ url: redis.url });
    await waitForRedisReady(admin);
    const lockKey = (composed.store.gate as unknown as { lockKey(conversationKey: string): string }).lockKey(`sms/${from}`);
    await admin.set(lockKey, 'another-instance', 'PX', ms);
    admin.disconnect();
  };

  it("is answered once the holder's lease is over, once, with no apology", async () => {
    await holdConversation(2500);
    const response = await textIn('SM00000000000000000000000000000001', 'how much is a duplicate certificate?');
    // Twilio has its answer at once (it does not wait for the bot), as for any text.
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Response/>');
    await expect.poll(() => texted.join('\n'), { timeout: 10_000, interval: 100 }).toContain('$7.50');
    await expect.poll(() => composed.app.twilio!.inFlight(), { timeout: 10_000 }).toBe(0);
    expect(texted.join('\n')).not.toMatch(/Sorry, something went wrong/i);
    expect(new Set(texted).size).toBe(texted.length);
  });

  it('a redelivery of the same text (Twilio retrying a connection) after it was answered is not answered again', async () => {
    await textIn('SM00000000000000000000000000000002', 'how much is a duplicate certificate?', another);
    await expect.poll(() => texted.join('\n'), { timeout: 10_000, interval: 100 }).toContain('$7.50');
    const answered = [...texted];
    // The redelivery finds the conversation busy too, waits out the lease, then sees the id in the state.
    await holdConversation(1200, another);
    expect((await textIn('SM00000000000000000000000000000002', 'how much is a duplicate certificate?', another)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(texted).toEqual(answered);
  });
});
