import { randomUUID } from 'node:crypto';
import type { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryOpenQueue, redisOpenQueue, type OpenQueue } from '../../src/storage/openQueue.js';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import type { RedisClient } from '../../src/storage/redisStorage.js';
import { deleteTestKeys, externalRedisUrl, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';

/**
 * One contract for every queue: `fresh()` gives an empty queue, and `twin(q)` the same queue as
 * another instance sees it (memory: the same object; Redis: another client on the same keys).
 */
function openQueueContract(fresh: () => Promise<OpenQueue>, twin: (queue: OpenQueue) => Promise<OpenQueue>) {
  it('an empty queue has nobody waiting and nothing open', async () => {
    const queue = await fresh();
    expect(await queue.list()).toEqual([]);
    expect(await queue.head()).toEqual({ waiting: 0 });
    expect(await queue.place('nobody')).toBeUndefined();
  });

  it('items wait in order of arrival, and each is told its own place', async () => {
    const queue = await fresh();
    expect(await queue.put('a', '{"n":1}', true)).toBe(1);
    expect(await queue.put('b', '{"n":2}', true)).toBe(2);
    expect(await queue.put('c', '{"n":3}', true)).toBe(3);
    expect(await queue.place('b')).toBe(2);
    expect(await queue.list()).toEqual([
      { id: 'a', value: '{"n":1}', place: 1 },
      { id: 'b', value: '{"n":2}', place: 2 },
      { id: 'c', value: '{"n":3}', place: 3 },
    ]);
    expect(await queue.head()).toEqual({ waiting: 3, first: { id: 'a', value: '{"n":1}', place: 1 } });
  });

  it('putting a waiting item again changes its value, not its place', async () => {
    const queue = await fresh();
    await queue.put('a', 'one', true);
    await queue.put('b', 'two', true);
    expect(await queue.put('a', 'one, changed', true)).toBe(1);
    expect((await queue.list()).map((entry) => [entry.id, entry.value])).toEqual([
      ['a', 'one, changed'],
      ['b', 'two'],
    ]);
  });

  it('an item taken out of line stays open, the ones behind it move up, and put back it takes its own place again', async () => {
    const queue = await fresh();
    await queue.put('a', 'a', true);
    await queue.put('b', 'b', true);
    await queue.put('c', 'c', true);
    expect(await queue.put('a', 'a with agent', false)).toBeUndefined();
    expect(await queue.place('a')).toBeUndefined();
    expect(await queue.place('c')).toBe(2);
    expect(await queue.list()).toEqual([
      { id: 'b', value: 'b', place: 1 },
      { id: 'c', value: 'c', place: 2 },
      { id: 'a', value: 'a with agent' },
    ]);
    await queue.put('d', 'd', true);
    expect(await queue.put('a', 'a back', true)).toBe(1);
    expect((await queue.list()).map((entry) => entry.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a removed item is gone from the line and the open items; removing unknown ids is fine', async () => {
    const queue = await fresh();
    await queue.put('a', 'a', true);
    await queue.put('b', 'b', false);
    await queue.put('c', 'c', true);
    await queue.remove(['a', 'b', 'never-there']);
    expect(await queue.list()).toEqual([{ id: 'c', value: 'c', place: 1 }]);
    expect(await queue.head()).toEqual({ waiting: 1, first: { id: 'c', value: 'c', place: 1 } });
    await queue.remove([]);
  });

  it('an empty id is refused, naming the module and the value', async () => {
    const queue = await fresh();
    await expect(queue.put('', 'x', true)).rejects.toThrow('openQueue: an item\'s id must be a non-empty string (got "")');
  });

  it('a page gives the waiting items from an offset in line order with their places, how many wait, and every item not in line', async () => {
    const queue = await fresh();
    for (const id of ['a', 'b', 'c', 'd', 'e']) await queue.put(id, `v-${id}`, true);
    await queue.put('x', 'with agent', false);
    await queue.put('b', 'b with agent', false);
    expect(await queue.page({ offset: 0, limit: 2 })).toEqual({
      waiting: 4,
      matching: 4,
      entries: [
        { id: 'a', value: 'v-a', place: 1 },
        { id: 'c', value: 'v-c', place: 2 },
      ],
      others: expect.arrayContaining([
        { id: 'x', value: 'with agent' },
        { id: 'b', value: 'b with agent' },
      ]),
    });
    const rest = await queue.page({ offset: 2, limit: 2 });
    expect(rest.entries).toEqual([
      { id: 'd', value: 'v-d', place: 3 },
      { id: 'e', value: 'v-e', place: 4 },
    ]);
    expect(rest.others).toHaveLength(2);
    expect((await queue.page({ offset: 4, limit: 2 })).entries).toEqual([]);
    expect((await queue.page({ offset: 0, limit: 0 })).entries).toEqual([]);
  });

  it('a page of one group counts and pages only that group, each keeping its place in the whole line', async () => {
    const queue = await fresh();
    await queue.put('en-1', '1', true, 'en');
    await queue.put('es-1', '2', true, 'es');
    await queue.put('en-2', '3', true, 'en');
    await queue.put('es-2', '4', true, 'es');
    await queue.put('es-3', '5', true, 'es');
    await queue.put('es-aside', '6', false, 'es');
    const first = await queue.page({ offset: 0, limit: 2, group: 'es' });
    expect(first).toMatchObject({ waiting: 5, matching: 3 });
    expect(first.entries.map((entry) => [entry.id, entry.place])).toEqual([
      ['es-1', 2],
      ['es-2', 4],
    ]);
    expect(first.others.map((entry) => entry.id)).toEqual(['es-aside']);
    expect((await queue.page({ offset: 2, limit: 2, group: 'es' })).entries.map((entry) => [entry.id, entry.place])).toEqual([['es-3', 5]]);
    expect(await queue.page({ offset: 0, limit: 5, group: 'fr' })).toMatchObject({ waiting: 5, matching: 0, entries: [] });
    // Removed items leave their group too.
    await queue.remove(['es-1']);
    expect((await queue.page({ offset: 0, limit: 5, group: 'es' })).entries.map((entry) => [entry.id, entry.place])).toEqual([
      ['es-2', 3],
      ['es-3', 4],
    ]);
  });

  it('500 items put at once from two instances all wait, each at a place of its own, 1 to 500', async () => {
    const queue = await fresh();
    const other = await twin(queue);
    const places = await Promise.all(Array.from({ length: 500 }, (_, i) => (i % 2 ? other : queue).put(`case-${i}`, `v${i}`, true)));
    expect(places.every((place) => typeof place === 'number')).toBe(true);
    expect(new Set(places).size).toBe(500);
    expect(Math.min(...(places as number[]))).toBe(1);
    expect(Math.max(...(places as number[]))).toBe(500);
    const listed = await other.list();
    expect(listed).toHaveLength(500);
    // Paged through 200 at a time, the line is the same.
    const paged = [];
    for (let offset = 0; offset < 500; offset += 200) paged.push(...(await queue.page({ offset, limit: 200 })).entries);
    expect(paged).toEqual(listed);
    // The place each was told is where the list has it (nobody left the line meanwhile).
    for (const [i, place] of places.entries()) expect(listed[place! - 1]!.id).toBe(`case-${i}`);
  });
}

describe('the handoff queue in memory', () => {
  openQueueContract(
    async () => memoryOpenQueue(),
    async (queue) => queue,
  );
});

const gate = redisSuiteGate('the handoff queue on Redis');

describe.skipIf(gate.skip)('the handoff queue on Redis (a sorted set per queue)', () => {
  let redis: TestRedis;
  const prefix = `test-queue-${randomUUID().slice(0, 8)}:`;
  const clients: RedisClient[] = [];
  let made = 0;

  const client = async () => {
    const connection = createRedisClient({ url: redis.url });
    await waitForRedisReady(connection);
    clients.push(connection);
    return connection;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const c of clients) await c.quit().catch(() => c.disconnect());
    if (redis) await deleteTestKeys(redis.url, prefix);
    await redis?.stop();
  });

  const names = new WeakMap<OpenQueue, string>();
  openQueueContract(
    async () => {
      const name = `q${++made}`;
      const queue = redisOpenQueue(await client(), prefix, name);
      names.set(queue, name);
      return queue;
    },
    async (queue) => redisOpenQueue(await client(), prefix, names.get(queue)!),
  );

  it('keeps its keys in one Cluster slot, under the prefix, with no expiry', async () => {
    const c = await client();
    const queue = redisOpenQueue(c, prefix, 'layout');
    await queue.put('a', 'x', true);
    const keys = (await c.keys(`${prefix}queue:*layout*`)).sort();
    expect(keys).toEqual([
      `${prefix}queue:{${prefix}queue:layout}:arrivals`,
      `${prefix}queue:{${prefix}queue:layout}:line`,
      `${prefix}queue:{${prefix}queue:layout}:orders`,
      `${prefix}queue:{${prefix}queue:layout}:values`,
    ]);
    for (const key of keys) expect(await c.pttl(key)).toBe(-1);
  });
});

describe.skipIf(gate.skip || Boolean(externalRedisUrl))('the handoff queue on a Redis Cluster node', () => {
  let redis: TestRedis;
  let cluster: Cluster;

  beforeAll(async () => {
    redis = await startRedisServer({ cluster: true });
    cluster = createRedisClient({ clusterNodes: `127.0.0.1:${redis.port}`, retryMaxDelayMs: 200, onError: () => {} }) as Cluster;
    await waitForRedisReady(cluster, 10_000);
  });
  afterAll(async () => {
    await cluster?.quit().catch(() => cluster.disconnect());
    await redis?.stop();
  });

  it('runs its scripts (all of a queue\'s keys share a slot)', async () => {
    const queue = redisOpenQueue(cluster, 'cluster-test:', 'handoff');
    expect(await queue.put('a', 'x', true)).toBe(1);
    expect(await queue.put('b', 'y', true)).toBe(2);
    await queue.put('a', 'x', false, 'en');
    expect(await queue.page({ offset: 0, limit: 1, group: 'en' })).toEqual({ waiting: 1, matching: 0, entries: [], others: [{ id: 'a', value: 'x' }] });
    expect(await queue.list()).toEqual([
      { id: 'b', value: 'y', place: 1 },
      { id: 'a', value: 'x' },
    ]);
    await queue.remove(['a', 'b']);
    expect(await queue.head()).toEqual({ waiting: 0 });
  });
});
