/**
 * What the request rate limits (src/http/rateLimits.ts) cost a FAQ turn. Two measurements in one
 * process, the bot composed as `npm start` composes it (composeApplication, memory store):
 *
 * 1. FAQ turns through /api/messages, one at a time, replies to a local connector sink: the time of
 *    a turn as a client sees it (each turn takes one `messages` limit).
 * 2. The limiter alone: `take('messages', key)` over 1,000 conversations, as many times as step 1
 *    has turns x 50, in memory; and in Redis when REDIS_URL is set (a connection like the bot's).
 *
 * The cost per turn is (2) / (1). (Kept apart from bench/run.ts, which compares the bot with the
 * EchoBot sample.)
 *
 *   npx tsx bench/rateLimitCost.ts [-- --turns 1000]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { composeApplication } from '../src/composition.js';
import { parseConfig } from '../src/config.js';
import { createRateLimits } from '../src/http/rateLimits.js';
import { createRedisClient, waitForRedisReady } from '../src/storage/redisConnection.js';

const { values } = parseArgs({ options: { turns: { type: 'string', default: '1000' } } });
const turns = Number(values.turns);
const questions = ['how do i reschedule my test', 'how much is a duplicate certificate', 'when will i get my results', 'are the tests available in spanish'];

async function main(): Promise<void> {
  const logger = pino({ level: 'silent' });
  const sink = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"sent"}');
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`;

  // Limits high enough never to refuse: the cost of counting, not of refusing, is measured.
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SHUTDOWN_DRAIN_MS: '0', STAFF_DEMO_PASSWORD: 'bench', RATE_LIMIT_MESSAGES: '1000000/60' });
  const composed = await composeApplication(config, { logger, clock: () => new Date('2025-03-20T15:00:00Z') });
  await new Promise<void>((resolve) => composed.app.http.server.listen(0, '127.0.0.1', resolve));
  const botUrl = `http://127.0.0.1:${(composed.app.http.server.address() as AddressInfo).port}`;

  const turn = async (i: number) => {
    const response = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `t-${i}`,
        text: questions[i % questions.length],
        channelId: 'emulator',
        serviceUrl: sinkUrl,
        conversation: { id: `cost-${i % 200}` },
        from: { id: 'user' },
        recipient: { id: 'bot' },
      }),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`turn ${i}: ${response.status}`);
  };
  for (let i = 0; i < 200; i++) await turn(-1 - i);
  const t0 = performance.now();
  for (let i = 0; i < turns; i++) await turn(i);
  const turnMs = (performance.now() - t0) / turns;

  const takes = turns * 50;
  const measure = async (name: string, redis?: unknown) => {
    const limits = createRateLimits({ ...config, RATE_LIMIT_MESSAGES: { points: 1_000_000_000, seconds: 60 } }, { logger, redis, prefix: `bench-${process.pid}:` });
    for (let i = 0; i < 2000; i++) await limits.take('messages', `warm-${i % 1000}`);
    const start = performance.now();
    for (let i = 0; i < takes; i++) await limits.take('messages', `emulator:cost-${i % 1000}`);
    const perTakeMs = (performance.now() - start) / takes;
    console.log(`${name}: ${(perTakeMs * 1000).toFixed(2)} µs per take = ${((100 * perTakeMs) / turnMs).toFixed(3)}% of a FAQ turn`);
  };

  console.log(`FAQ turn through /api/messages (one at a time, ${turns} turns): ${turnMs.toFixed(2)} ms`);
  await measure('rate limit in memory');
  const redisUrl = (process.env.REDIS_URL ?? '').trim();
  if (redisUrl) {
    const client = createRedisClient({ url: redisUrl, commandTimeoutMs: 2000, connectTimeoutMs: 5000 });
    // Until it is ready the limiter would count in memory (its fallback): wait, or measure the wrong thing.
    await waitForRedisReady(client, 5000);
    await measure(`rate limit in Redis (${redisUrl})`, client);
    const keys = await client.keys(`bench-${process.pid}:*`);
    if (keys.length) await client.del(...keys);
    await client.quit();
  } else {
    console.log('rate limit in Redis: set REDIS_URL to measure');
  }
  await composed.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
