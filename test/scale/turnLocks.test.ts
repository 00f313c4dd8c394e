import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, type TurnContext } from 'botbuilder';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/adapter.js';
import { createTurnRunner } from '../../src/bot/turnRunner.js';
import { createServer } from '../../src/server.js';
import { ConsistentConversationState } from '../../src/storage/consistentConversationState.js';
import { redisChannel } from '../../src/storage/liveChannel.js';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { RedisStorage, type RedisClient } from '../../src/storage/redisStorage.js';
import { RedisTurnGate, type RedisTurnGateOptions } from '../../src/storage/redisTurnGate.js';
import { isStoreUnavailable, type StorageUnavailableError } from '../../src/storage/storageErrors.js';
import { isTurnBusy } from '../../src/storage/turnGate.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { testConfig } from '../support/testApp.js';

const suite = redisSuiteGate('turn locks on Redis');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The turn lock's faults, on a real redis-server: a holder that dies, a turn longer than the lease,
 * waiters woken by the release, an acquire whose reply never came (SIGSTOP), and a conversation that
 * stays busy (503 with Retry-After over HTTP, never a 200 apology).
 */
describe.skipIf(suite.skip)('the Redis turn lock', () => {
  let redis: TestRedis;
  const prefix = `locks-${process.pid}:`;
  const clients: RedisClient[] = [];
  const closers: Array<() => Promise<void>> = [];

  const client = async (options: { commandTimeoutMs?: number } = {}) => {
    const made = createRedisClient({ url: redis.url, retryBaseDelayMs: 20, retryMaxDelayMs: 100, onError: () => undefined, ...options });
    clients.push(made);
    await waitForRedisReady(made);
    return made;
  };

  /** A gate as an instance builds it: its own client and its own subscriber for wake-ups. */
  const gateOn = async (redisClient: RedisClient, options: Partial<RedisTurnGateOptions> = {}) => {
    const name = `${prefix}turn:released`;
    const channel = redisChannel<string>(redisClient, { name, parse: (raw) => (typeof raw === 'string' ? raw : undefined) });
    closers.push(() => channel.close());
    const gate = new RedisTurnGate(redisClient, { prefix: `${prefix}turn:`, released: { name, channel }, ...options });
    await channel.ready();
    return gate;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
    for (const made of clients.splice(0)) made.disconnect();
  });

  afterAll(async () => {
    if (!redis) return;
    await deleteTestKeys(redis.url, prefix);
    await redis.stop();
  });

  it('outlives a holder that died (no renewals, no release) by one lease at most', async () => {
    const lease = 800;
    const dying = await client();
    const holder = await gateOn(dying, { lockTtlMs: lease, waitMs: 3 * lease });
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    // The holder's turn never ends; its connection goes away as a kill -9 would take it.
    void holder.run('crash', async () => {
      entered();
      await new Promise(() => undefined);
    }).catch(() => undefined);
    await inside;
    dying.disconnect();
    const crashedAt = Date.now();

    const waiter = await gateOn(await client(), { lockTtlMs: lease, waitMs: 3 * lease });
    const waited = await waiter.run('crash', async () => Date.now() - crashedAt);
    console.log(`turn lock: next turn after a holder's crash got in after ${waited} ms (lease ${lease} ms)`);
    expect(waited).toBeLessThanOrEqual(lease + 250);
  });

  it('is renewed while a turn runs past its lease: a second turn never overlaps it', async () => {
    const lease = 300;
    const a = await gateOn(await client(), { lockTtlMs: lease, waitMs: 4000 });
    const b = await gateOn(await client(), { lockTtlMs: lease, waitMs: 4000 });
    const spans: Array<[number, number]> = [];
    const turn = (ms: number) => async () => {
      const start = Date.now();
      await sleep(ms);
      spans.push([start, Date.now()]);
    };
    const first = a.run('long', turn(4 * lease));
    await sleep(50);
    await Promise.all([first, b.run('long', turn(10))]);
    expect(spans).toHaveLength(2);
    const [[, firstEnd], [secondStart]] = spans as [[number, number], [number, number]];
    expect(secondStart).toBeGreaterThanOrEqual(firstEnd);
  });

  it('wakes a waiter on another instance when the holder releases, instead of polling', async () => {
    const admin = await client();
    // A poll far longer than the turn: only the release can wake the waiter this soon.
    const options = { lockTtlMs: 3000, waitMs: 6000, pollMs: 5000 };
    const a = await gateOn(await client(), options);
    const b = await gateOn(await client(), options);
    await admin.config('RESETSTAT');
    let releasedAt = 0;
    const first = a.run('wake', async () => {
      await sleep(200);
      releasedAt = Date.now();
    });
    await sleep(20);
    const wokenAfter = await b.run('wake', async () => Date.now() - releasedAt);
    await first;
    const latency = wokenAfter;
    const stats = String(await admin.info('commandstats'));
    const scripts = Number(/cmdstat_evalsha:calls=(\d+)/.exec(stats)?.[1] ?? 0) + Number(/cmdstat_eval:calls=(\d+)/.exec(stats)?.[1] ?? 0);
    console.log(`turn lock: waiter woken ${latency} ms after the release; ${scripts} lock scripts for 2 turns`);
    expect(latency).toBeLessThan(150);
    // Acquire + release each, one failed acquire for the waiter (a retry or two at most).
    expect(scripts).toBeLessThanOrEqual(7);
  });

  it('serialises 40 turns from two instances on one conversation with few lock commands', async () => {
    const admin = await client();
    const a = await gateOn(await client());
    const b = await gateOn(await client());
    await admin.config('RESETSTAT');
    let running = 0;
    let overlap = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).run('queue', async () => {
          if (++running > 1) overlap++;
          await sleep(5);
          running--;
        }),
      ),
    );
    const elapsed = Date.now() - started;
    const stats = String(await admin.info('commandstats'));
    const scripts = Number(/cmdstat_evalsha:calls=(\d+)/.exec(stats)?.[1] ?? 0) + Number(/cmdstat_eval:calls=(\d+)/.exec(stats)?.[1] ?? 0);
    console.log(`turn lock: 40 queued turns on one conversation over 2 instances in ${elapsed} ms, ${scripts} lock scripts`);
    expect(overlap).toBe(0);
    // Per turn: one acquire, one release and a few woken retries; polling would be hundreds.
    expect(scripts).toBeLessThan(40 * 6);
  });

  it('says busy, with the holder\'s lease as Retry-After, when the lock stays taken past the wait', async () => {
    const admin = await client();
    const gate = await gateOn(await client(), { lockTtlMs: 500, waitMs: 600 });
    await admin.set(gate.lockKey('held'), 'someone-else', 'PX', 4000);
    const error = await gate.run('held', async () => 'ran').catch((caught: unknown) => caught);
    expect(isTurnBusy(error)).toBe(true);
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(3);
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(4);
  });

  it.skipIf(Boolean(process.env.REDIS_URL))('releases by its token an acquire that timed out during a hang, so no lock is left behind', async () => {
    const admin = await client();
    // A long lease: without the release, the lock would block the conversation for 20 s.
    const gate = await gateOn(await client({ commandTimeoutMs: 300 }), { lockTtlMs: 20_000, waitMs: 20_000 });
    let ran = false;
    let failure: unknown;
    await redis.hang(async () => {
      failure = await gate.run('hung', async () => (ran = true)).catch((caught: unknown) => caught);
    });
    expect(ran).toBe(false);
    expect(isStoreUnavailable(failure)).toBe(true);
    expect((failure as StorageUnavailableError).reason).toBe('timed-out');
    // Redis ran the queued SET NX when it resumed, then the release behind it.
    await expect.poll(async () => admin.exists(gate.lockKey('hung')), { timeout: 2000, interval: 50 }).toBe(0);
  });

  it('answers HTTP 503 with Retry-After (and says nothing to the candidate) when a conversation stays busy', async () => {
    const admin = await client();
    const redisClient = await client();
    const gate = await gateOn(redisClient, { lockTtlMs: 500, waitMs: 700 });
    let sinkCalls = 0;
    const sink = http.createServer((req, res) => {
      sinkCalls++;
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"sent"}');
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const state = new ConsistentConversationState(new RedisStorage(redisClient, { prefix: `${prefix}state:`, maxItemBytes: 100_000 }));
    const bot = new ActivityHandler().onMessage(async (context, next) => {
      await context.sendActivity('hello');
      await next();
    });
    const logger = pino({ level: 'silent' });
    // The app's adapter: an error reaching its onTurnError would become an apology with HTTP 200.
    const adapter = createAdapter(testConfig(), logger, 'Sorry, something went wrong.');
    const onTurn = createTurnRunner({
      gate,
      state,
      turn: async (context: TurnContext) => {
        await bot.run(context);
        await state.saveChanges(context);
      },
      withoutStore: async () => undefined,
      logger,
    });
    const server = createServer({ adapter, onTurn, readiness: [], logger });
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    closers.push(async () => {
      await server.shutdown(500);
      await new Promise<void>((resolve) => sink.close(() => resolve()));
    });
    const post = (conversation: string, id: string) =>
      fetch(`http://127.0.0.1:${(server.server.address() as AddressInfo).port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id,
          text: 'hi',
          channelId: 'test',
          serviceUrl: `http://127.0.0.1:${(sink.address() as AddressInfo).port}`,
          conversation: { id: conversation },
          from: { id: 'user' },
          recipient: { id: 'bot' },
        }),
      });

    await admin.set(gate.lockKey('test/busy'), 'someone-else', 'PX', 2500);
    const busy = await post('busy', 'm1');
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(busy.headers.get('retry-after'))).toBeLessThanOrEqual(3);
    expect(sinkCalls).toBe(0);

    // The channel redelivers after Retry-After: answered once, normally.
    await sleep(Number(busy.headers.get('retry-after')) * 1000);
    const redelivered = await post('busy', 'm1');
    expect(redelivered.status).toBe(200);
    expect(sinkCalls).toBe(1);
  });
});
