import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../src/messages/en.js';
import { DirectLineStore } from '../../../src/channels/web/directLineStore.js';
import { createRedisClient, waitForRedisReady } from '../../../src/storage/redisConnection.js';
import { redisStore, type StateStore } from '../../../src/storage/stateStore.js';
import type { RedisClient } from '../../../src/storage/redisStorage.js';
import { deleteKeysWithPrefix, redisSuiteGate, startRedisServer, type TestRedis } from '../../support/redisServer.js';
import { testConfig } from '../../support/testApp.js';
import { call, getSession, openDirectLine, startWebServer, type SeenActivity, type WebServer } from './support.js';

const gate = redisSuiteGate('built-in Direct Line on Redis');
const env = { DIRECTLINE_LOCAL_SECRET: 'a-shared-directline-secret-of-32+chars' };
const prefix = `web-test-${process.pid}:`;

describe.skipIf(gate.skip)('the built-in Direct Line on Redis, two instances', () => {
  let redis: TestRedis;
  const clients: RedisClient[] = [];
  const servers: WebServer[] = [];
  const stores: StateStore[] = [];
  const opened: Array<{ end: () => void }> = [];

  const instance = async () => {
    const client = createRedisClient({ url: redis.url });
    await waitForRedisReady(client, 5000);
    clients.push(client);
    const store = redisStore(client, { ...testConfig(), REDIS_KEY_PREFIX: prefix, CONVERSATION_STATE_TTL_SECONDS: 3600 });
    stores.push(store);
    const server = await startWebServer({ env, storage: store.storage, gate: store.gate });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  }, 30_000);
  afterEach(() => {
    for (const client of opened.splice(0)) client.end();
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    if (clients[0]) await deleteKeysWithPrefix(clients[0], prefix);
    for (const store of stores) await store.close();
    await redis?.stop();
  });

  it('chats across instances: started on one, polled on the other, posts alternating', async () => {
    const a = await instance();
    const b = await instance();
    const session = await getSession(a.url);
    const client = openDirectLine(b.url, session);
    opened.push(client);
    await expect.poll(() => client.botMessages().map((m) => m.text), { timeout: 5000 }).toContain(en.welcome);

    const questions = ['how much does a duplicate certificate cost?', 'when can I retake a test I failed?'];
    for (const [i, text] of questions.entries()) {
      const via = i % 2 === 0 ? a : b;
      const posted = await call(via.url, `/v3/directline/conversations/${session.conversationId}/activities`, {
        token: session.token,
        body: { type: 'message', text },
      });
      expect(posted.status).toBe(200);
    }
    await expect.poll(() => client.botMessages().length, { timeout: 5000 }).toBe(3);
    expect(client.botMessages()[1]!.text).toContain('$7.50');
    expect(client.botMessages()[2]!.text).toContain('30 full days');
    const ids = client.received.map((activity: SeenActivity) => activity.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every activity appended at once from both instances, under the conversation TTL', async () => {
    const [one, two] = stores as [StateStore, StateStore];
    const first = new DirectLineStore(one.storage);
    const second = new DirectLineStore(two.storage);
    await first.create('redis-conv', 'dl_user');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).append('redis-conv', [{ type: 'message', text: `m${i}` }])),
    );
    const record = (await second.get('redis-conv'))!;
    expect(record.activities.map((activity) => activity.text).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`).sort());
    const ttl = await (clients[0] as { ttl(key: string): Promise<number> }).ttl(`${prefix}state:${DirectLineStore.key('redis-conv')}`);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });
});
