import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { redisStore, type StateStore } from '../../src/storage/stateStore.js';
import { fixedNow, shippedKnowledge, silentLogger, testConfig } from '../support/testApp.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { postMessage, startConnectorSink } from '../support/loopback.js';

const gate = redisSuiteGate('the real bot on Redis');

describe.skipIf(gate.skip)('the candidate bot on Redis, on two instances', () => {
  let redis: TestRedis;
  let sink: Awaited<ReturnType<typeof startConnectorSink>>;
  const prefix = `outage-${process.pid}:`;
  const instances: Array<{ url: string; store: StateStore; close: () => Promise<void> }> = [];
  let counter = 0;

  const start = async () => {
    // The outage makes ioredis report refused connections; they are expected here.
    const client = createRedisClient({ url: redis.url, retryBaseDelayMs: 20, retryMaxDelayMs: 100, onError: () => undefined });
    await waitForRedisReady(client);
    const config = testConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix });
    const store = redisStore(client, config);
    const app = buildApp({
      config,
      logger: silentLogger(),
      storage: store.storage,
      gate: store.gate,
      storeReady: store.ready,
      knowledge: await shippedKnowledge(),
      clock: () => fixedNow,
    });
    await new Promise<void>((resolve) => app.http.server.listen(0, '127.0.0.1', resolve));
    const instance = {
      url: `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`,
      store,
      close: async () => {
        await app.http.shutdown(1000);
        await store.close();
      },
    };
    instances.push(instance);
    return instance;
  };

  /** Sends one message and returns everything the bot said on that turn. */
  const say = async (instance: { url: string }, conversation: string, text: string): Promise<string> => {
    const before = sink.said.get(conversation)?.length ?? 0;
    const response = await postMessage(`${instance.url}/api/messages`, { id: `m-${++counter}`, text, conversation, serviceUrl: sink.url });
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    return (sink.said.get(conversation) ?? []).slice(before).join('\n');
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    sink = await startConnectorSink();
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await deleteTestKeys(redis.url, prefix);
    await sink.close();
    await redis.stop();
  });

  it('complete a guided task whose turns alternate between the instances', async () => {
    const a = await start();
    const b = await start();
    expect(await say(a, 'alternating', 'I failed A5, when can I retake it?')).toMatch(/What date did you take A5\?/);
    expect(await say(b, 'alternating', 'March 3')).toContain('You can buy A5 again on or after Thursday, April 3, 2025');
    expect(await say(a, 'alternating', 'my exam is next wednesday at 9am, can I still move it?')).toContain(
      'Yes, you can still change or cancel it',
    );
  });

  it('keep answering general questions while Redis is down, and resume the task when it is back', async () => {
    const [a, b] = instances as [(typeof instances)[number], (typeof instances)[number]];
    expect(await say(a, 'outage', 'I failed A4, when can I retake it?')).toMatch(/What date did you take A4\?/);

    await redis.outage(async () => {
      expect(await a.store.ready()).toBe(false);
      const ready = await fetch(`${a.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await say(b, 'outage', 'how much is a duplicate certificate?')).toContain('$7.50');
      // An answer to the task's question, read without state, is not guessed at.
      expect(await say(a, 'outage', 'March 3')).toBe('I lost track of our conversation for a moment; could you ask again in full?');
    });

    await expect.poll(() => a.store.ready(), { timeout: 5000 }).toBe(true);
    await expect.poll(() => b.store.ready(), { timeout: 5000 }).toBe(true);
    expect((await fetch(`${a.url}/readyz`)).status).toBe(200);
    // Nothing was half-written during the outage: the task is still waiting for its date.
    expect(await say(b, 'outage', 'March 3')).toContain('You can buy A4 again on or after Thursday, April 3, 2025');
  });

  it.skipIf(Boolean(process.env.REDIS_URL))('answer general questions while Redis hangs (SIGSTOP), ask again for follow-ups, and serve the task within 2 s of the resume', async () => {
    const [a, b] = instances as [(typeof instances)[number], (typeof instances)[number]];
    expect(await say(a, 'hang', 'I failed A2, when can I retake it?')).toMatch(/What date did you take A2\?/);
    const during: Array<[string, number]> = [];
    const timed = async (reply: Promise<string>) => {
      const started = Date.now();
      const text = await reply;
      during.push([text, Date.now() - started]);
      return text;
    };
    await redis.hang(async () => {
      // The command timeout (2000 ms, the production default) is how long a turn takes to find out.
      expect(await timed(say(b, 'hang-faq', 'how much is a duplicate certificate?'))).toContain('$7.50');
      expect(await timed(say(a, 'hang', 'what about A1, A4 and T2?'))).toBe('I lost track of our conversation for a moment; could you ask again in full?');
      expect(await timed(say(b, 'hang', 'March 3'))).toBe('I lost track of our conversation for a moment; could you ask again in full?');
    });
    const resumed = Date.now();
    expect(await say(a, 'hang', 'March 3')).toContain('You can buy A2 again on or after Thursday, April 3, 2025');
    const after = Date.now() - resumed;
    console.log(`Redis hang: answers without state after ${during.map(([, ms]) => ms).join(', ')} ms; first turn after SIGCONT served in ${after} ms`);
    expect(after).toBeLessThan(2000);
  });
});
