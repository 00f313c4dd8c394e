import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import type { RedisClient } from '../../src/storage/redisStorage.js';
import { memoryStore, redisStore } from '../../src/storage/stateStore.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { testConfig } from '../support/testApp.js';

describe('a memory store sequence', () => {
  it('counts from 1 and gives one counter per name, however often it is asked for', async () => {
    const store = memoryStore();
    expect(await store.sequence('cases').next()).toBe(1);
    expect(await store.sequence('cases').next()).toBe(2);
    expect(await store.sequence('other').next()).toBe(1);
    await store.close();
  });
});

const gate = redisSuiteGate('sequence on Redis');

describe.skipIf(gate.skip)('a Redis sequence shared by two instances', () => {
  let redis: TestRedis;
  const prefix = `test-seq-${randomUUID().slice(0, 8)}:`;
  const clients: RedisClient[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const client of clients) await client.quit().catch(() => client.disconnect());
    if (redis) await deleteTestKeys(redis.url, prefix);
    await redis?.stop();
  });

  it('never gives one number twice, asked 100 times at once from two instances', async () => {
    const instances = await Promise.all(
      [1, 2].map(async () => {
        const client = createRedisClient({ url: redis.url });
        await waitForRedisReady(client);
        clients.push(client);
        return redisStore(client, testConfig({ REDIS_KEY_PREFIX: prefix }));
      }),
    );
    const numbers = await Promise.all(Array.from({ length: 100 }, (_, i) => instances[i % 2]!.sequence('cases').next()));
    expect(new Set(numbers).size).toBe(100);
    expect(Math.min(...numbers)).toBe(1);
    expect(Math.max(...numbers)).toBe(100);
  });
});
