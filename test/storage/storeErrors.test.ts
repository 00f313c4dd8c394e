import { createServer, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { RedisStorage, type RedisClient } from '../../src/storage/redisStorage.js';
import { isStoreUnavailable, StorageError, StorageUnavailableError, toStorageError } from '../../src/storage/storageErrors.js';
import { externalRedisUrl, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';

const suite = redisSuiteGate('store error classification');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a failed storage call says: its class and reason, or 'ok'. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof StorageUnavailableError) return `unavailable:${error.reason}`;
    return error instanceof StorageError ? `storage-error:${error.message}` : `other:${String(error)}`;
  }
}

/**
 * Every way the store fails, produced on a real redis-server and classified once (toStorageError):
 * each is a StorageUnavailableError with its reason, so the turn runner answers without state.
 */
describe.skipIf(suite.skip || Boolean(externalRedisUrl))('store errors from a real Redis', () => {
  let redis: TestRedis;
  const clients: RedisClient[] = [];
  const storageOn = async (options: { commandTimeoutMs?: number; url?: string } = {}) => {
    const client = createRedisClient({ url: options.url ?? redis.url, retryBaseDelayMs: 20, retryMaxDelayMs: 100, onError: () => undefined, ...(options.commandTimeoutMs ? { commandTimeoutMs: options.commandTimeoutMs } : {}) });
    clients.push(client);
    await waitForRedisReady(client);
    return new RedisStorage(client, { prefix: `errors-${process.pid}:`, maxItemBytes: 10_000 });
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('refused: the server is gone; nothing was sent', async () => {
    const storage = await storageOn();
    await redis.crash();
    try {
      await sleep(50);
      expect(await outcome(storage.read(['k']))).toBe('unavailable:refused');
      expect(await outcome(storage.write({ k: { v: 1 } }))).toBe('unavailable:refused');
    } finally {
      await redis.restart();
    }
  });

  it('timed out: Redis hangs (SIGSTOP) and ioredis says "Command timed out"', async () => {
    const storage = await storageOn({ commandTimeoutMs: 200 });
    let read = '';
    await redis.hang(async () => {
      read = await outcome(storage.read(['k']));
    });
    expect(read).toBe('unavailable:timed-out');
  });

  it('reset: the server dies with the command in flight', async () => {
    const storage = await storageOn({ commandTimeoutMs: 5000 });
    let write = '';
    await redis.hang(async () => {
      const pending = outcome(storage.write({ k: { v: 1 } }));
      await sleep(50);
      await redis.crash();
      write = await pending;
    });
    await redis.restart();
    expect(write).toBe('unavailable:reset');
  });

  it('read-only: a replica (or a demoted master during failover) refuses the write', async () => {
    const admin = new Redis(redis.port, '127.0.0.1', { lazyConnect: true });
    await admin.connect();
    const storage = await storageOn();
    try {
      // A master that is not there: this server becomes a read-only replica, still serving reads.
      await admin.call('REPLICAOF', '127.0.0.1', '1');
      expect(await outcome(storage.write({ k: { v: 1 } }))).toBe('unavailable:read-only');
      expect(await outcome(storage.read(['k']))).toBe('ok');
    } finally {
      await admin.call('REPLICAOF', 'NO', 'ONE');
      admin.disconnect();
    }
  });

  it('cluster down: a Cluster node with a slot not served answers CLUSTERDOWN', async () => {
    const node = await startRedisServer({ cluster: true });
    const admin = new Redis(node.port, '127.0.0.1', { lazyConnect: true });
    try {
      await admin.connect();
      await admin.call('CLUSTER', 'DELSLOTS', '0');
      await expect.poll(async () => String(await admin.call('CLUSTER', 'INFO')), { timeout: 5000 }).toMatch(/cluster_state:fail/);
      const storage = await storageOn({ url: node.url });
      expect(await outcome(storage.read(['k']))).toBe('unavailable:cluster-down');
    } finally {
      admin.disconnect();
      await node.stop();
    }
  });

  it('an error reply that is not an outage (WRONGTYPE) is a plain StorageError: a bug, not a reason to answer without state', async () => {
    const admin = new Redis(redis.port, '127.0.0.1', { lazyConnect: true });
    await admin.connect();
    const storage = await storageOn();
    try {
      await admin.set(`errors-${process.pid}:wrong`, 'a string, not a hash');
      const said = await outcome(storage.read(['wrong']));
      expect(said).toMatch(/^storage-error:.*WRONGTYPE/);
    } finally {
      await admin.del(`errors-${process.pid}:wrong`);
      admin.disconnect();
    }
  });

  it('an error from elsewhere (a reply address refusing the connection) is not a store outage', async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await fetch(`http://127.0.0.1:${port}/v3/conversations/c/activities`).catch((error: unknown) => error);
    expect(String((refused as Error).cause)).toMatch(/ECONNREFUSED/);
    expect(isStoreUnavailable(refused)).toBe(false);
    expect(isStoreUnavailable((refused as Error).cause)).toBe(false);
    // Classified as a store error only when a storage call made it one.
    expect(isStoreUnavailable(toStorageError('read', 'k', (refused as Error).cause))).toBe(true);
  });
});
