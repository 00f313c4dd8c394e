import { createServer } from 'node:net';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRedisClient,
  parseRedisConnectionOptions,
  pingRedis,
  reconnectDelayMs,
  RedisConnectionConfigError,
  waitForRedisReady,
} from '../../src/storage/redisConnection.js';
import { StorageUnavailableError } from '../../src/storage/storageErrors.js';
import { redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';

const gate = redisSuiteGate('redisConnection.test');
const quiet = () => {};

/** A loopback port nothing listens on (bound, closed, and not reused within the test). */
async function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

const problemsOf = (options: Parameters<typeof parseRedisConnectionOptions>[0]) => {
  try {
    parseRedisConnectionOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(RedisConnectionConfigError);
    return (error as RedisConnectionConfigError).problems;
  }
  throw new Error('expected the options to be rejected');
};

describe('parseRedisConnectionOptions', () => {
  it('accepts each kind of deployment and fills production defaults', () => {
    expect(parseRedisConnectionOptions({ url: 'redis://cache:6379/2' })).toMatchObject({
      url: 'redis://cache:6379/2',
      lazyConnect: false,
      connectTimeoutMs: 5000,
      commandTimeoutMs: 2000,
      maxRetriesPerRequest: 1,
      retryBaseDelayMs: 100,
      retryMaxDelayMs: 2000,
    });
    expect(parseRedisConnectionOptions({ url: 'rediss://:secret@cache.example.com:6380' }).url).toBe('rediss://:secret@cache.example.com:6380');
    expect(parseRedisConnectionOptions({ clusterNodes: ' 10.0.0.1:7000, node-b:7001 ,[::1]:7002' }).clusterNodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'node-b', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    expect(parseRedisConnectionOptions({ sentinels: 's1:26379,s2:26379', sentinelName: 'mymaster' })).toMatchObject({
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
      sentinelName: 'mymaster',
    });
  });

  it('treats empty strings (unset environment variables) as not given', () => {
    expect(parseRedisConnectionOptions({ url: 'redis://localhost:6379', clusterNodes: '', sentinels: '', sentinelName: '' }).url).toBe(
      'redis://localhost:6379',
    );
  });

  it('names the bad host:port entry and the whole value', () => {
    expect(problemsOf({ clusterNodes: '10.0.0.1:7000,localhost' })).toEqual([
      'clusterNodes: "localhost" is not host:port (in "10.0.0.1:7000,localhost"; expected e.g. "10.0.0.1:6379,10.0.0.2:6379")',
    ]);
    expect(problemsOf({ sentinels: 's1:99999', sentinelName: 'm' })[0]).toMatch(/^sentinels: "s1:99999" is not host:port/);
    expect(problemsOf({ clusterNodes: 'a:1,,b:2' })[0]).toMatch(/^clusterNodes: "" is not host:port/);
  });

  it('names a bad URL, masking its password', () => {
    expect(problemsOf({ url: 'http://cache:6379' })).toEqual(['url: "http://cache:6379": scheme "http:" is not redis: or rediss:']);
    expect(problemsOf({ url: 'cache:6379' })[0]).toMatch(/scheme "cache:"/);
    expect(problemsOf({ url: 'not a url' })).toEqual(['url: "not a url" is not a URL (expected redis://host:6379 or rediss://host:6380)']);
    const masked = problemsOf({ url: 'redis://user:hunter2@cache:6379/zero' });
    expect(masked).toEqual(['url: "redis://user:***@cache:6379/zero": the path "/zero" is not a database number']);
  });

  it('requires exactly one of url, clusterNodes, sentinels, and sentinelName with sentinels', () => {
    expect(problemsOf({})).toEqual(['one of url, clusterNodes or sentinels is required']);
    expect(problemsOf({ url: 'redis://a:1', clusterNodes: 'b:2' })).toEqual(['give only one of url, clusterNodes or sentinels (got url and clusterNodes)']);
    expect(problemsOf({ sentinels: 's1:26379' })).toEqual(['sentinelName is required with sentinels']);
    expect(problemsOf({ url: 'redis://a:1', sentinelName: 'm' })).toEqual(['sentinelName is only used with sentinels']);
    expect(problemsOf({ url: 'redis://a:1', password: 'p' })[0]).toMatch(/put credentials in the URL/);
  });

  it('reports every problem at once, naming the option', () => {
    const problems = problemsOf({ clusterNodes: 'x', commandTimeoutMs: 0, retryBaseDelayMs: 500, retryMaxDelayMs: 100 });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/clusterNodes: "x"/);
    expect(problems.join('\n')).toMatch(/commandTimeoutMs must be at least 1/);
    expect(problems.join('\n')).toMatch(/retryMaxDelayMs \(100\) is below retryBaseDelayMs \(500\)/);
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from the base delay, is capped, and jitters between half and all of it', () => {
    expect([1, 2, 3, 4, 5, 6].map((times) => reconnectDelayMs(times, 100, 2000, () => 1))).toEqual([100, 200, 400, 800, 1600, 2000]);
    expect(reconnectDelayMs(1_000, 100, 2000, () => 1)).toBe(2000);
    expect(reconnectDelayMs(6, 100, 2000, () => 0)).toBe(1000);
    for (let times = 1; times < 50; times++) {
      const delay = reconnectDelayMs(times, 100, 2000);
      expect(delay).toBeGreaterThanOrEqual(50);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });
});

describe('createRedisClient', () => {
  it('builds a Cluster for clusterNodes, fail-fast options on every node', () => {
    const client = createRedisClient({ clusterNodes: '127.0.0.1:7000,127.0.0.1:7001', lazyConnect: true, password: 'p' });
    try {
      expect(client).toBeInstanceOf(Cluster);
      const options = (client as Cluster).options;
      expect(options.enableOfflineQueue).toBe(false);
      expect(options.lazyConnect).toBe(true);
      expect(options.redisOptions).toMatchObject({ maxRetriesPerRequest: 1, commandTimeout: 2000, password: 'p' });
      expect(options.clusterRetryStrategy?.(10)).toBeLessThanOrEqual(2000);
    } finally {
      client.disconnect();
    }
  });

  it('builds a Sentinel-backed Redis for sentinels', () => {
    const client = createRedisClient({ sentinels: '127.0.0.1:26379', sentinelName: 'mymaster', lazyConnect: true, tls: true });
    try {
      expect(client).toBeInstanceOf(Redis);
      const options = (client as Redis).options;
      expect(options).toMatchObject({
        sentinels: [{ host: '127.0.0.1', port: 26379 }],
        name: 'mymaster',
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        enableTLSForSentinelMode: true,
        tls: {},
      });
    } finally {
      client.disconnect();
    }
  });

  it('turns on TLS for rediss:// URLs', () => {
    const client = createRedisClient({ url: 'rediss://cache.example.com:6380', lazyConnect: true });
    try {
      expect((client as Redis).options).toMatchObject({ host: 'cache.example.com', port: 6380, tls: true, enableOfflineQueue: false });
    } finally {
      client.disconnect();
    }
  });

  it('throws before connecting when the options are bad', () => {
    expect(() => createRedisClient({ clusterNodes: 'nope' })).toThrow(/clusterNodes: "nope" is not host:port/);
  });

  it('with nothing listening: pingRedis is false at once, waitForRedisReady rejects as unavailable', async () => {
    const client = createRedisClient({ url: `redis://127.0.0.1:${await deadPort()}`, retryMaxDelayMs: 100, onError: quiet });
    try {
      const started = performance.now();
      expect(await pingRedis(client, 1000)).toBe(false);
      expect(performance.now() - started).toBeLessThan(500);
      await expect(waitForRedisReady(client, 300)).rejects.toBeInstanceOf(StorageUnavailableError);
    } finally {
      client.disconnect();
    }
  });
});

describe.skipIf(gate.skip)('createRedisClient against a real Redis', () => {
  let server: TestRedis;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('connects from a URL; pingRedis is true', async () => {
    const client = createRedisClient({ url: server.url, onError: quiet });
    try {
      await waitForRedisReady(client);
      expect(await pingRedis(client)).toBe(true);
    } finally {
      client.disconnect();
    }
  });

  it('with lazyConnect, stays idle until waitForRedisReady connects it', async () => {
    const client = createRedisClient({ url: server.url, lazyConnect: true, onError: quiet });
    try {
      expect(client.status).toBe('wait');
      await waitForRedisReady(client);
      expect(client.status).toBe('ready');
    } finally {
      client.disconnect();
    }
  });
});
