import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient, pingRedis, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { RedisStorage, stateKindOf, ttlByStateKind } from '../../src/storage/redisStorage.js';
import { EtagConflictError, ItemTooLargeError, StorageError, StorageUnavailableError } from '../../src/storage/storageErrors.js';
import { deleteKeysWithPrefix, externalRedisUrl, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { storageContract } from './storageContract.js';

const gate = redisSuiteGate('redisStorage.test');
// Unique per run of this file, so a shared REDIS_URL server is never stepped on.
const FILE_PREFIX = `test:redisStorage:${randomUUID()}:`;
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: PromiseSettledResult<T> }> {
  const started = performance.now();
  const [result] = await Promise.allSettled([work()]);
  return { ms: Math.round(performance.now() - started), result: result! };
}

describe('stateKindOf / ttlByStateKind', () => {
  it('tells conversation, private conversation, user and other keys apart', () => {
    expect(stateKindOf('msteams/conversations/a:1Xyz;messageid=17/')).toBe('conversation');
    expect(stateKindOf('emulator/conversations/c1/users/u1/')).toBe('conversation'); // PrivateConversationState
    expect(stateKindOf('directline/users/dl_123/')).toBe('user');
    expect(stateKindOf('webchat/conversations/with/slashes/in/id/')).toBe('conversation');
    expect(stateKindOf('handoff/queue')).toBe('other');
    expect(stateKindOf('msteams/conversations/')).toBe('other');
    expect(stateKindOf('msteams/users/u1')).toBe('other'); // botbuilder keys end with a slash
  });

  it('maps each kind to its TTL; unset kinds never expire', () => {
    const ttl = ttlByStateKind({ conversationSeconds: 3600, userSeconds: 90 * 86400 });
    expect(ttl('sms/conversations/+15551234567/')).toBe(3600);
    expect(ttl('sms/users/+15551234567/')).toBe(90 * 86400);
    expect(ttl('handoff/queue')).toBeUndefined();
    expect(ttlByStateKind({ conversationSeconds: 1, userSeconds: undefined, otherSeconds: 5 })('x')).toBe(5);
  });

  it('refuses a TTL that is not a positive number, naming it', () => {
    expect(() => ttlByStateKind({ conversationSeconds: 0, userSeconds: 10 })).toThrow(/conversationSeconds.*got 0/);
    expect(() => ttlByStateKind({ conversationSeconds: 10, userSeconds: Number.NaN })).toThrow(/userSeconds.*NaN/);
  });
});

describe.skipIf(gate.skip)('RedisStorage on a real Redis', () => {
  let server: TestRedis;
  let client: Redis;
  let storageCount = 0;
  const prefixFor = (name: string) => `${FILE_PREFIX}${name}:${++storageCount}:`;

  beforeAll(async () => {
    server = await startRedisServer();
    client = createRedisClient({ url: server.url, retryMaxDelayMs: 200, commandTimeoutMs: 1000, onError: () => {} }) as Redis;
    await waitForRedisReady(client);
  });

  afterEach(async () => {
    if (client.status === 'ready') await deleteKeysWithPrefix(client, FILE_PREFIX);
  });

  afterAll(async () => {
    if (client?.status === 'ready') await deleteKeysWithPrefix(client, FILE_PREFIX);
    client?.disconnect();
    await server?.stop();
  });

  storageContract('RedisStorage', () => new RedisStorage(client, { prefix: prefixFor('contract'), maxItemBytes: MB }), {
    conflictError: EtagConflictError,
  });

  it('keeps one hash per item, key verbatim after the prefix, eTag outside the item JSON', async () => {
    const prefix = prefixFor('layout');
    const storage = new RedisStorage(client, { prefix, maxItemBytes: MB });
    await storage.write({ 'emulator/users/u1/': { name: 'Ann', eTag: '*' } });
    const stored = await client.hgetall(`${prefix}emulator/users/u1/`);
    expect(Object.keys(stored).sort()).toEqual(['etag', 'item']);
    expect(JSON.parse(stored.item!)).toEqual({ name: 'Ann' });
    expect((await storage.read(['emulator/users/u1/']))['emulator/users/u1/'].eTag).toBe(stored.etag);
  });

  it('sets the TTL per kind of state on every write (PTTL), and clears it for keys without one', async () => {
    const prefix = prefixFor('ttl');
    const storage = new RedisStorage(client, {
      prefix,
      maxItemBytes: MB,
      ttlSeconds: ttlByStateKind({ conversationSeconds: 600, userSeconds: 86_400 }),
    });
    const conversation = 'msteams/conversations/19:abc@thread.v2/';
    const privateConversation = 'msteams/conversations/19:abc@thread.v2/users/29:u1/';
    const user = 'msteams/users/29:u1/';
    const other = 'handoff/transcript/19:abc';
    await storage.write({ [conversation]: { a: 1 }, [privateConversation]: { b: 1 }, [user]: { c: 1 }, [other]: { d: 1 } });

    const pttl = (key: string) => client.pttl(prefix + key);
    expect(await pttl(conversation)).toBeGreaterThan(595_000);
    expect(await pttl(conversation)).toBeLessThanOrEqual(600_000);
    expect(await pttl(privateConversation)).toBeGreaterThan(595_000);
    expect(await pttl(user)).toBeGreaterThan(86_395_000);
    expect(await pttl(user)).toBeLessThanOrEqual(86_400_000);
    expect(await pttl(other)).toBe(-1);

    // Each write restarts the clock (expiry after inactivity).
    await client.pexpire(prefix + conversation, 5_000);
    await storage.write({ [conversation]: { a: 2 } });
    expect(await pttl(conversation)).toBeGreaterThan(595_000);

    // A rejected write leaves value and TTL alone.
    await client.pexpire(prefix + conversation, 5_000);
    await expect(storage.write({ [conversation]: { a: 3, eTag: 'stale' } })).rejects.toBeInstanceOf(EtagConflictError);
    expect(await pttl(conversation)).toBeLessThanOrEqual(5_000);

    // The same key written by a storage with no TTL for it becomes persistent.
    const noTtl = new RedisStorage(client, { prefix, maxItemBytes: MB });
    await noTtl.write({ [conversation]: { a: 4 } });
    expect(await pttl(conversation)).toBe(-1);
  });

  it('expires an item after its TTL', async () => {
    const storage = new RedisStorage(client, { prefix: prefixFor('expiry'), maxItemBytes: MB, ttlSeconds: () => 0.2 });
    await storage.write({ shortLived: { n: 1 } });
    expect(Object.keys(await storage.read(['shortLived']))).toEqual(['shortLived']);
    await sleep(400);
    expect(await storage.read(['shortLived'])).toEqual({});
  });

  it('rejects a ttlSeconds that returns nonsense, writing nothing', async () => {
    const prefix = prefixFor('badTtl');
    const storage = new RedisStorage(client, { prefix, maxItemBytes: MB, ttlSeconds: () => -5 });
    await expect(storage.write({ k: { n: 1 } })).rejects.toThrow(/ttlSeconds returned -5 for "k"/);
    expect(await client.exists(`${prefix}k`)).toBe(0);
  });

  it('isolates prefixes on one client', async () => {
    const a = new RedisStorage(client, { prefix: prefixFor('tenantA'), maxItemBytes: MB });
    const b = new RedisStorage(client, { prefix: prefixFor('tenantB'), maxItemBytes: MB });
    await a.write({ shared: { owner: 'a' } });
    await b.write({ shared: { owner: 'b' } });
    expect((await a.read(['shared'])).shared.owner).toBe('a');
    expect((await b.read(['shared'])).shared.owner).toBe('b');
    // An eTag from one prefix means nothing under the other.
    const aTag = (await a.read(['shared'])).shared.eTag as string;
    await expect(b.write({ shared: { owner: 'b2', eTag: aTag } })).rejects.toBeInstanceOf(EtagConflictError);
    await a.delete(['shared']);
    expect(await a.read(['shared'])).toEqual({});
    expect((await b.read(['shared'])).shared.owner).toBe('b');
  });

  it('rejects an item over maxItemBytes with ItemTooLargeError naming key and sizes, and writes nothing', async () => {
    const prefix = prefixFor('size');
    const storage = new RedisStorage(client, { prefix, maxItemBytes: 1000 });
    // {"s":"..."} is the string plus 8 bytes; the eTag is not counted.
    await storage.write({ exact: { s: 'x'.repeat(992), eTag: '*' } });
    expect(await client.exists(`${prefix}exact`)).toBe(1);

    const tooBig = storage.write({ big: { s: 'é'.repeat(500) } }); // 1000 UTF-8 bytes + 8
    await expect(tooBig).rejects.toBeInstanceOf(ItemTooLargeError);
    await expect(tooBig).rejects.toThrow('Storage: item "big" is 1008 bytes, over the 1000-byte limit; nothing was written');
    expect(await client.exists(`${prefix}big`)).toBe(0);

    // One oversized item in a batch: nothing in the batch is written, not even the small one.
    await expect(storage.write({ small: { n: 1 }, big: { s: 'x'.repeat(2000) } })).rejects.toBeInstanceOf(ItemTooLargeError);
    expect(await client.exists(`${prefix}small`, `${prefix}big`)).toBe(0);
    // And an oversized overwrite leaves the old value in place.
    await expect(storage.write({ exact: { s: 'y'.repeat(993) } })).rejects.toThrow(/"exact" is 1001 bytes/);
    expect((await storage.read(['exact'])).exact.s).toBe('x'.repeat(992));
  });

  it('rejects items that are not objects or whose eTag is not a string', async () => {
    const storage = new RedisStorage(client, { prefix: prefixFor('shape'), maxItemBytes: MB });
    await expect(storage.write({ n: null })).rejects.toThrow(/"n" must be an object \(got null\)/);
    await expect(storage.write({ a: [1, 2] })).rejects.toThrow(/"a" must be an object \(got an array\)/);
    await expect(storage.write({ e: { eTag: 5 } })).rejects.toThrow(/"e" has an eTag that is not a string/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(storage.write({ c: cyclic })).rejects.toThrow(/"c" cannot be serialised/);
  });

  it('in a batch, a conflict on one key does not stop the others (each key is its own atomic write)', async () => {
    const storage = new RedisStorage(client, { prefix: prefixFor('batch'), maxItemBytes: MB });
    await storage.write({ one: { n: 1 }, two: { n: 1 } });
    const attempt = storage.write({ one: { n: 2, eTag: 'stale' }, two: { n: 2, eTag: '*' } });
    await expect(attempt).rejects.toThrow('Storage: eTag conflict writing "one"');
    const items = await storage.read(['one', 'two']);
    expect([items.one.n, items.two.n]).toEqual([1, 2]);
  });

  it('reads many keys with a few commands, not one per key (a staff list of 2,600 cases is 11)', async () => {
    const prefix = prefixFor('many');
    const storage = new RedisStorage(client, { prefix, maxItemBytes: MB });
    const keys = Array.from({ length: 600 }, (_, i) => `case/${i}`);
    await storage.write(Object.fromEntries(keys.map((key, i) => [key, { i }])));
    const monitor = await client.duplicate().monitor();
    try {
      const sent: string[] = [];
      // Commands a script runs come from "lua"; what the client sent comes from its address.
      monitor.on('monitor', (_time: string, args: string[], source: string) => {
        if (source !== 'lua') sent.push(String(args[0]).toLowerCase());
      });
      const items = await storage.read(keys);
      await client.ping('read done');
      await expect.poll(() => sent.includes('ping'), { timeout: 5000 }).toBe(true);
      expect(Object.keys(items)).toHaveLength(600);
      expect(sent.filter((command) => command !== 'ping').length).toBeLessThanOrEqual(3);
    } finally {
      monitor.disconnect();
    }
  });

  it('reports data it did not write as a StorageError (a bug), not StorageUnavailableError', async () => {
    const prefix = prefixFor('foreign');
    const storage = new RedisStorage(client, { prefix, maxItemBytes: MB });
    await client.set(`${prefix}aString`, 'not a hash');
    await client.hset(`${prefix}halfHash`, 'etag', 'x');
    await client.hset(`${prefix}badJson`, 'etag', 'x', 'item', '{nope');
    for (const key of ['aString', 'halfHash', 'badJson']) {
      const error = await storage.read([key]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StorageError);
      expect(error).not.toBeInstanceOf(StorageUnavailableError);
      expect(String(error)).toContain(key === 'aString' ? 'WRONGTYPE' : `"${key}"`);
    }
    await expect(storage.write({ aString: { n: 1, eTag: 'x' } })).rejects.toThrow(/WRONGTYPE/);
  });

  // CLIENT PAUSE would stall everyone on a shared REDIS_URL server, so only on our own.
  it.skipIf(Boolean(externalRedisUrl))('a command that gets no reply rejects as unavailable after commandTimeoutMs (and may still be applied)', async () => {
    const prefix = prefixFor('timeout');
    const impatient = createRedisClient({ url: server.url, commandTimeoutMs: 300, onError: () => {} });
    await waitForRedisReady(impatient);
    try {
      const storage = new RedisStorage(impatient, { prefix, maxItemBytes: MB });
      await storage.write({ warmup: { n: 0 } }); // loads the script on this connection
      await client.call('CLIENT', 'PAUSE', '800', 'WRITE');
      const { ms, result } = await timed(() => storage.write({ paused: { n: 1 } }));
      console.info(`[redisStorage.test] write during CLIENT PAUSE rejected after ${ms} ms (commandTimeoutMs 300)`);
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(StorageUnavailableError);
      expect(ms).toBeLessThan(700);
      // The write was queued on the server and lands when the pause ends: "unavailable" means "unknown outcome".
      await sleep(900);
      expect(await client.exists(`${prefix}paused`)).toBe(1);
    } finally {
      impatient.disconnect();
    }
  });

  it.skipIf(Boolean(externalRedisUrl))(
    'fails fast with StorageUnavailableError while Redis is down, then works again on the same client after a restart',
    async () => {
      const storage = new RedisStorage(client, { prefix: prefixFor('outage'), maxItemBytes: MB });
      await storage.write({ before: { n: 1 } });

      await server.stop();
      const read = await timed(() => storage.read(['before']));
      const write = await timed(() => storage.write({ during: { n: 2 } }));
      const del = await timed(() => storage.delete(['before']));
      const ping = await timed(() => pingRedis(client, 1000));
      console.info(
        `[redisStorage.test] Redis down: read rejected in ${read.ms} ms, write in ${write.ms} ms, delete in ${del.ms} ms; pingRedis -> false in ${ping.ms} ms`,
      );
      for (const { ms, result } of [read, write, del]) {
        expect(result.status).toBe('rejected');
        const reason = (result as PromiseRejectedResult).reason as StorageUnavailableError;
        expect(reason).toBeInstanceOf(StorageUnavailableError);
        expect(reason.cause).toBeInstanceOf(Error);
        expect(ms).toBeLessThan(1000);
      }
      expect(ping.result).toEqual({ status: 'fulfilled', value: false });

      // Still down a while later (the client is reconnecting in the background): still fast.
      await sleep(300);
      const later = await timed(() => storage.read(['before']));
      expect(later.result.status).toBe('rejected');
      expect(later.ms).toBeLessThan(1000);

      await server.restart();
      const restarted = performance.now();
      while (!(await pingRedis(client, 200))) {
        expect(performance.now() - restarted).toBeLessThan(10_000);
        await sleep(20);
      }
      console.info(`[redisStorage.test] Redis back: same client answered ${Math.round(performance.now() - restarted)} ms after the restart`);

      // No persistence, so the old item is gone; the script cache is gone too (EVALSHA -> NOSCRIPT -> EVAL).
      expect(await storage.read(['before'])).toEqual({});
      await storage.write({ after: { n: 3 } });
      const after = await storage.read(['after']);
      expect(after.after.n).toBe(3);
      await storage.write({ after: { n: 4, eTag: after.after.eTag } });
      await expect(storage.write({ after: { n: 5, eTag: after.after.eTag } })).rejects.toBeInstanceOf(EtagConflictError);
    },
  );
});

describe.skipIf(gate.skip || Boolean(externalRedisUrl))('RedisStorage on a one-node Redis Cluster', () => {
  let server: TestRedis;
  let client: Cluster;
  let storageCount = 0;

  beforeAll(async () => {
    server = await startRedisServer({ cluster: true });
    client = createRedisClient({ clusterNodes: `127.0.0.1:${server.port}`, retryMaxDelayMs: 200, onError: () => {} }) as Cluster;
    await waitForRedisReady(client);
  });

  afterEach(async () => {
    await deleteKeysWithPrefix(client, FILE_PREFIX);
  });

  afterAll(async () => {
    if (client?.status === 'ready') await deleteKeysWithPrefix(client, FILE_PREFIX);
    client?.disconnect();
    await server?.stop();
  });

  storageContract(
    'RedisStorage (Cluster)',
    () => new RedisStorage(client, { prefix: `${FILE_PREFIX}cluster:${++storageCount}:`, maxItemBytes: MB }),
    { conflictError: EtagConflictError },
  );

  it('answers pingRedis through the Cluster client', async () => {
    expect(await pingRedis(client)).toBe(true);
  });
});
