import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, type TurnContext } from 'botbuilder';
import nock from 'nock';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTurnRunner } from '../../src/bot/turnRunner.js';
import { createServer } from '../../src/server.js';
import { ConsistentConversationState } from '../../src/storage/consistentConversationState.js';
import { redisChannel } from '../../src/storage/liveChannel.js';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { RedisStorage, type RedisClient } from '../../src/storage/redisStorage.js';
import { RedisTurnGate } from '../../src/storage/redisTurnGate.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';

const gate = redisSuiteGate('two instances on one Redis');

// A load test whose only traffic is loopback HTTP and Redis: nock (test/setup/network.ts) would see
// every one of its thousands of requests and nearly double its time, so its interception is off here.
beforeAll(() => nock.restore());
afterAll(() => nock.activate());
const logger = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Tally {
  count?: number;
  turns?: string[];
}

/**
 * A bot whose state says exactly which turns it saw: a counter and the list of turn texts. Each turn
 * does a little I/O-like waiting between reading and writing state, as real turns do.
 */
class TallyBot extends ActivityHandler {
  constructor(state: ConversationState) {
    super();
    const tally = state.createProperty<Tally>('tally');
    this.onMessage(async (context, next) => {
      const value = await tally.get(context, {});
      await sleep(2);
      value.count = (value.count ?? 0) + 1;
      value.turns = [...(value.turns ?? []), context.activity.text ?? ''];
      await context.sendActivity(`turn ${value.count}`);
      await next();
    });
  }
}

async function startSink() {
  let received = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"sent"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Mode = 'serialised' | 'plain';

/** One bot instance: its own Redis client, adapter and HTTP server, sharing only Redis with the others. */
async function startInstance(redisUrl: string, prefix: string, mode: Mode) {
  const client: RedisClient = createRedisClient({ url: redisUrl });
  await waitForRedisReady(client);
  const storage = new RedisStorage(client, { prefix: `${prefix}state:`, maxItemBytes: 1_000_000 });
  const state = mode === 'serialised' ? new ConsistentConversationState(storage) : new ConversationState(storage);
  const bot = new TallyBot(state);
  const turn = async (context: TurnContext) => {
    await bot.run(context);
    await state.saveChanges(context);
  };
  // As redisStore wires it: a waiting turn is woken by the release on the other instance.
  const released = { name: `${prefix}turn:released`, channel: redisChannel<string>(client, { name: `${prefix}turn:released`, parse: (raw) => (typeof raw === 'string' ? raw : undefined) }) };
  await released.channel.ready();
  const onTurn =
    mode === 'serialised'
      ? createTurnRunner({
          gate: new RedisTurnGate(client, { prefix, released }),
          state: state as ConsistentConversationState,
          turn,
          withoutStore: async () => undefined,
          logger,
        })
      : turn;
  const server = createServer({ adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), onTurn, readiness: [], logger });
  await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    storage,
    client,
    close: async () => {
      await server.shutdown(2000);
      await released.channel.close();
      client.disconnect();
    },
  };
}

type Instance = Awaited<ReturnType<typeof startInstance>>;

async function post(instance: Instance, sinkUrl: string, conversation: string, text: string, id = `${conversation}-${text}`) {
  const response = await fetch(`${instance.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id,
      text,
      channelId: 'test',
      serviceUrl: sinkUrl,
      conversation: { id: conversation },
      from: { id: `user-${conversation}` },
      recipient: { id: 'bot' },
    }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Runs jobs with at most `limit` in flight. */
async function pool<T>(jobs: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (;;) {
        const i = next++;
        if (i >= jobs.length) return;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return results;
}

async function tallyOf(storage: RedisStorage, conversation: string): Promise<Tally> {
  const key = `test/conversations/${conversation}/`;
  const items = await storage.read([key]);
  return ((items[key] as { tally?: Tally } | undefined)?.tally ?? {}) as Tally;
}

describe.skipIf(gate.skip)('two bot instances sharing one Redis', () => {
  let redis: TestRedis;
  let sink: Awaited<ReturnType<typeof startSink>>;
  const prefix = `scale-${process.pid}:`;
  const instances: Instance[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    sink = await startSink();
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await deleteTestKeys(redis.url, prefix);
    await sink.close();
    await redis.stop();
  });

  it('keep every turn of 200 conversations x 10 turns sent to both at once, plus 50 at once on one conversation, with none lost or doubled', async () => {
    const a = await startInstance(redis.url, `${prefix}ok:`, 'serialised');
    const b = await startInstance(redis.url, `${prefix}ok:`, 'serialised');
    instances.push(a, b);

    const jobs: Array<() => Promise<number>> = [];
    for (let turn = 0; turn < 10; turn++) {
      for (let c = 0; c < 200; c++) jobs.push(() => post((c + turn) % 2 ? a : b, sink.url, `conv-${c}`, `t${turn}`));
    }
    for (let turn = 0; turn < 50; turn++) jobs.push(() => post(turn % 2 ? a : b, sink.url, 'busy', `t${turn}`));
    const statuses = await pool(jobs, 64);
    expect(statuses.every((status) => status === 200)).toBe(true);

    const expected = Array.from({ length: 10 }, (_, turn) => `t${turn}`).sort();
    for (let c = 0; c < 200; c++) {
      const tally = await tallyOf(a.storage, `conv-${c}`);
      expect(tally.count, `conv-${c}`).toBe(10);
      expect([...(tally.turns ?? [])].sort(), `conv-${c}`).toEqual(expected);
    }
    const busy = await tallyOf(a.storage, 'busy');
    expect(busy.count).toBe(50);
    expect(new Set(busy.turns).size).toBe(50);
  });

  it('process a redelivered activity once, whichever instance it reaches', async () => {
    const [a, b] = instances as [Instance, Instance];
    const before = sink.received();
    const statuses = await Promise.all([
      post(a, sink.url, 'redelivered', 'hello', 'activity-1'),
      post(b, sink.url, 'redelivered', 'hello', 'activity-1'),
      post(a, sink.url, 'redelivered', 'hello', 'activity-1'),
    ]);
    expect(statuses).toEqual([200, 200, 200]);
    expect((await tallyOf(a.storage, 'redelivered')).count).toBe(1);
    expect(sink.received() - before).toBe(1);
  });

  it("but with botbuilder's plain ConversationState (eTag '*', no turn lock) the same 50 concurrent turns lose updates", async () => {
    const a = await startInstance(redis.url, `${prefix}plain:`, 'plain');
    const b = await startInstance(redis.url, `${prefix}plain:`, 'plain');
    instances.push(a, b);
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, turn) => post(turn % 2 ? a : b, sink.url, 'busy', `t${turn}`)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    const tally = await tallyOf(a.storage, 'busy');
    console.log(`plain ConversationState kept ${tally.count ?? 0} of 50 concurrent turns`);
    expect(tally.count ?? 0).toBeLessThan(50);
  });
});
