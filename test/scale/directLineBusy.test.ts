// The built-in Direct Line on Redis, a conversation whose lock another instance's turn holds past
// the wait: the activity is already stored, so the turn runs again after the holder's lease and the
// candidate gets the answer, never the apology (on /api/messages the channel is told 503 instead).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedApplication } from '../../src/composition.js';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { DIRECTLINE_CHANNEL_ID } from '../../src/channels/web/directLineRoutes.js';
import { listenComposed } from '../support/composedInstance.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { call, getSession, startConversation } from '../channels/web/support.js';

const gate = redisSuiteGate('the built-in Direct Line on a busy conversation');

describe.skipIf(gate.skip || Boolean(process.env.REDIS_URL))('a Direct Line message to a conversation that stays busy', () => {
  let redis: TestRedis;
  let composed: ComposedApplication;
  let base: string;
  const prefix = `dlbusy-${process.pid}:`;

  beforeAll(async () => {
    redis = await startRedisServer();
    ({ composed, url: base } = await listenComposed({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, TURN_LOCK_TTL_MS: '500', TURN_LOCK_WAIT_MS: '700' }));
  });

  afterAll(async () => {
    await composed?.close();
    if (redis) {
      await deleteTestKeys(redis.url, prefix);
      await redis.stop();
    }
  });

  it('is answered once the holder\'s lease is over, with no apology', async () => {
    const session = await getSession(base);
    const started = await startConversation(base, session);
    const conversationId = String(started.json.conversationId);
    const token = String(started.json.token ?? session.token);

    // Another instance's turn holds the conversation's lock for 2.5 s, past this instance's wait.
    const admin = createRedisClient({ url: redis.url });
    await waitForRedisReady(admin);
    const lockKey = (composed.store.gate as unknown as { lockKey(conversationKey: string): string }).lockKey(`${DIRECTLINE_CHANNEL_ID}/${conversationId}`);
    await admin.set(lockKey, 'another-instance', 'PX', 2500);
    admin.disconnect();

    const posted = await call(base, `/v3/directline/conversations/${conversationId}/activities`, {
      token,
      body: { type: 'message', from: { id: 'candidate' }, text: 'how much is a duplicate certificate?' },
    });
    expect(posted.status).toBe(200);

    let said: string[] = [];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const page = await call(base, `/v3/directline/conversations/${conversationId}/activities?watermark=0`, { token });
      const activities = (page.json.activities ?? []) as Array<{ type: string; from?: { id?: string }; text?: string }>;
      said = activities.filter((a) => a.type === 'message' && a.from?.id !== 'candidate').map((a) => a.text ?? '');
      if (said.some((text) => text.includes('$7.50'))) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(said.join('\n')).toContain('$7.50');
    expect(said.join('\n')).not.toMatch(/Sorry, something went wrong/i);
  });
});
