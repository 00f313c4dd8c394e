// A burst of "talk to a person" from 2,600 conversations at once, over two real bot processes
// (src/index.ts, as `npm start` runs it) sharing one real Redis: nobody is lost, nobody is queued
// twice, everyone is told a place of their own, and staff see the whole queue in one list. The same
// burst, smaller, on the memory store shows the one-instance store keeps the same promises.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ComposedApplication } from '../../src/composition.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { freePort, startConnectorSink } from '../support/loopback.js';
import { burstBotEnv, burstOfHandoffs } from '../support/handoffBurst.js';
import { listenComposed } from '../support/composedInstance.js';
import { StaffClient } from '../handoff/support.js';

const gate = redisSuiteGate('a burst of handoffs over two instances');
const STAFF_PASSWORD = 'correct horse battery staple';
const PLACE = /You're (next|number (\d+)) in line/;

type Sink = Awaited<ReturnType<typeof startConnectorSink>>;

/** The place each conversation was told: exactly one reply each, naming a place. */
function placesTold(sink: Sink, conversations: string[]): number[] {
  return conversations.map((conversation) => {
    const said = sink.said.get(conversation) ?? [];
    expect(said, `${conversation} got ${said.length} replies`).toHaveLength(1);
    const place = PLACE.exec(said[0]!);
    expect(place, `${conversation} was told: ${said[0]}`).not.toBeNull();
    return place![1] === 'next' ? 1 : Number(place![2]);
  });
}

/** Waits for a started bot process to answer /readyz (tsx compiles it first: seconds on a busy machine). */
async function untilReady(url: string, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if ((await fetch(`${url}/readyz`).then((r) => r.status, () => 0)) === 200) return;
  }
  throw new Error(`handoffBurst: the bot at ${url} was not ready within ${timeoutMs} ms`);
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

/**
 * Staff's case list: the whole line, paged through 200 at a time (the most one page gives), and the
 * quickest of a few reads of the first page (the machine is shared).
 */
async function staffList(baseUrl: string) {
  const staff = new StaffClient(baseUrl);
  expect((await staff.login('agent1', STAFF_PASSWORD)).status).toBe(200);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const response = await staff.get('/staff/api/cases');
    times.push(performance.now() - started);
    expect(response.status).toBe(200);
  }
  const queued: Array<{ id: string; caseNumber: string; position: number }> = [];
  let waiting = 0;
  for (let offset: number | undefined = 0; offset !== undefined; ) {
    const response = await staff.get(`/staff/api/cases?limit=200&offset=${offset}`);
    expect(response.status).toBe(200);
    queued.push(...response.json.queued);
    waiting = response.json.waiting;
    offset = response.json.nextOffset;
  }
  expect(waiting).toBe(queued.length);
  return { queued, fastestMs: Math.min(...times) };
}

function expectOneLine(queued: Array<{ id: string; caseNumber: string; position: number }>, count: number, told: number[]) {
  expect(queued).toHaveLength(count);
  expect(new Set(queued.map((c) => c.id)).size).toBe(count);
  expect(new Set(queued.map((c) => c.caseNumber)).size).toBe(count);
  expect(queued.map((c) => c.position)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  // Everyone was told a place of their own, 1 to count: nobody was let in twice or skipped.
  expect([...told].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
}

describe.skipIf(gate.skip || Boolean(process.env.REDIS_URL))('2,600 simultaneous handoffs over two bot processes sharing one Redis', () => {
  const COUNT = Number(process.env.BURST_COUNT ?? 2600);
  let redis: TestRedis;
  let sink: Sink;
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  const prefix = `burst-${process.pid}:`;

  beforeAll(async () => {
    nock.restore();
    redis = await startRedisServer();
    sink = await startConnectorSink();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/index.ts'], {
        cwd: process.cwd(),
        env: {
          ...process.env,
          ...burstBotEnv(redis.url, prefix, STAFF_PASSWORD),
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: process.env.BURST_LOG ? 'warn' : 'silent',
          RATE_LIMIT_MESSAGES: '1000000/1',
          RATE_LIMIT_DIRECTLINE_TOKENS: '1000000/1',
          RATE_LIMIT_DIRECTLINE_CONVERSATIONS: '1000000/1',
        },
        stdio: process.env.BURST_LOG ? ['ignore', openSync(`${process.env.BURST_LOG}.${i}`, 'w'), 'inherit'] : 'ignore',
      });
      children.push(child);
      urls.push(`http://127.0.0.1:${port}`);
    }
    for (const url of urls) await untilReady(url);
  }, 90_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await sink?.close();
    if (redis) {
      await deleteTestKeys(redis.url, prefix).catch(() => undefined);
      await redis.stop();
    }
    nock.activate();
  });

  it('queues every one once, each told a place of its own, and staff page through them all in line order', async () => {
    const results = await burstOfHandoffs(urls, sink.url, COUNT, 'burst');
    const times = results.map((r) => r.ms);
    const { queued, fastestMs } = await staffList(urls[0]!);
    console.log(
      `${COUNT} simultaneous handoffs over two processes on one Redis: ${queued.length} queued; answered p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms, last ${Math.max(...times).toFixed(0)} ms after all were sent; staff case list paged through (${queued.length}), its first page in ${fastestMs.toFixed(0)} ms`,
    );
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    const told = placesTold(
      sink,
      results.map((r) => r.conversation),
    );
    expectOneLine(queued, COUNT, told);
  }, 300_000);
});

describe('simultaneous handoffs on the memory store (one instance)', () => {
  const COUNT = 400;
  let composed: ComposedApplication;
  let sink: Sink;
  let url: string;

  beforeAll(async () => {
    nock.restore();
    sink = await startConnectorSink();
    ({ composed, url } = await listenComposed({ HANDOFF_MODE: 'console', STAFF_DEMO_PASSWORD: STAFF_PASSWORD }));
  });

  afterAll(async () => {
    await composed?.close();
    await sink?.close();
    nock.activate();
  });

  it('queues every one once, each told a place of its own, as on Redis', async () => {
    const results = await burstOfHandoffs([url], sink.url, COUNT, 'memory');
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    const told = placesTold(
      sink,
      results.map((r) => r.conversation),
    );
    const { queued } = await staffList(url);
    expectOneLine(queued, COUNT, told);
  }, 120_000);
});
