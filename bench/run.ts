/**
 * The bot as `npm start` composes it (composeApplication: memory store, demo accounts, handoff to
 * the staff console with demo staff, the turn runner, the channel middlewares; a fixed test clock
 * and a silent log) against the botbuilder EchoBot sample's shape (same CloudAdapter and server,
 * reply = echo), side by side in one process, through /api/messages, replies going to a local Bot
 * Connector sink. Two kinds of turn for the bot: a FAQ question, and a task asked in one message
 * with its date ("I failed A5 on March 3, when can I retake it?"). Rounds alternate the order of
 * echo, FAQ and task so drift in the machine's speed hits all three alike.
 *
 * Besides turns/s and latency it reports chrono date parses per turn (target: at most one) and the
 * route each turn took, so a FAQ turn that turned into something else would show.
 *
 *   npm run bench [-- --turns 2000 --concurrency 16 --rounds 5 --warm-up 3]
 *
 * With `--redis-url redis://127.0.0.1:6379` it also runs the FAQ turn on the same bot composed with
 * that Redis (keys under a prefix of its own, deleted at the end), and reports it against the FAQ
 * turn on memory storage (target >= 0.9x) with the Redis commands per turn (INFO commandstats; the
 * sequential round trips are counted in test/scale/roundTrips.test.ts).
 *
 *   npm run bench -- --redis-url redis://127.0.0.1:6379
 *
 * Then what the request rate limits cost a FAQ turn (bench/rateLimitCost.ts), what the knowledge
 * index costs to build at start (bench/knowledgeBuild.ts), and the time from
 * Enter to the reply shown in the website chat, WebSocket against polling, in Chromium
 * (bench/webChatLatency.ts; skipped, with the reason, without Chromium; `--web-questions 20`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Chrono } from 'chrono-node';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { EchoBot } from './echoBot.js';
import { Redis } from 'ioredis';
import pino from 'pino';
import { composeApplication } from '../src/composition.js';
import { parseConfig } from '../src/config.js';
import { createServer } from '../src/server.js';

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '5' },
    // Rounds of each target run and thrown away first: the bot's code keeps getting cheaper for
    // several thousand turns (JIT, caches, the heap's size), the EchoBot's much sooner.
    'warm-up': { type: 'string', default: '3' },
    // For profiling one kind of turn (node --cpu-prof): `--only faq` runs only that target.
    only: { type: 'string' },
    'redis-url': { type: 'string' },
    // Questions per transport in the website chat's measure (bench/webChatLatency.ts).
    'web-questions': { type: 'string', default: '20' },
  },
});
const redisUrl = values['redis-url'];
const turnsPerRound = Number(values.turns);
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);
const warmUpRounds = Number(values['warm-up']);

const faqQuestions = [
  'how do i reschedule my test',
  'how much is a duplicate certificate',
  'when can i retake a test i failed',
  'when will i get my results',
  'are the tests available in spanish',
  'how do i apply for ada accommodations',
  'what happens if i miss my appointment',
  'do i still hold master technician status if one expired',
];

/** Tasks asked in one message, date included: answered in the same turn. */
const taskQuestions = [
  'I failed A5 on March 3, when can I retake it?',
  'I failed A8 on February 17, can I retake it?',
  'I failed A1 on March 12, when can I retake it?',
];

/** The conversation tests' clock: Thursday, March 20, 2025, 11:00 in New York. */
const now = new Date('2025-03-20T15:00:00Z');

/** Activities the sink received: replies per turn, so a turn that sends more shows. */
let repliesSent = 0;

async function startSink(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    repliesSent++;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"sent"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Target {
  name: string;
  url: string;
  texts: string[];
}

interface RoundResult {
  seconds: number;
  /** The process's CPU time over the round (client, sink and servers: the same for every target but the bot's part). */
  cpuSeconds: number;
  latencies: number[];
  failures: number;
  dateParses: number;
  replies: number;
  routes: Map<string, number>;
}

/** Routes of the composed bot's turns, as its turn events report them (an observer, like the tests'). */
let routes = new Map<string, number>();

async function runRound(target: Target, sinkUrl: string, round: number | string): Promise<RoundResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  routes = new Map();
  const parsesBefore = chronoRunCount();
  const repliesBefore = repliesSent;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const worker = async (w: number) => {
    for (;;) {
      const i = next++;
      if (i >= turnsPerRound) return;
      const body = JSON.stringify({
        type: 'message',
        id: `a-${round}-${i}`,
        text: target.texts[i % target.texts.length],
        channelId: 'emulator',
        serviceUrl: sinkUrl,
        conversation: { id: `bench-${target.name}-${round}-${w}-${i % 50}` },
        from: { id: `user-${w}` },
        recipient: { id: 'bot' },
      });
      const t0 = performance.now();
      const response = await fetch(`${target.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, latencies, failures, dateParses: chronoRunCount() - parsesBefore, replies: repliesSent - repliesBefore, routes };
}

/** chrono's parses, counted by wrapping its parse method (src/understanding/dates.ts runs chrono through it). */
let chronoParses = 0;
const parse = Chrono.prototype.parse;
Chrono.prototype.parse = function countedParse(this: Chrono, ...args: Parameters<Chrono['parse']>) {
  chronoParses++;
  return parse.apply(this, args);
};
const chronoRunCount = () => chronoParses;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function summarise(results: RoundResult[]) {
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const routeCounts = new Map<string, number>();
  for (const r of results) for (const [route, n] of r.routes) routeCounts.set(route, (routeCounts.get(route) ?? 0) + n);
  return {
    turns: latencies.length,
    turnsPerSecond: latencies.length / seconds,
    cpuMsPerTurn: (1000 * results.reduce((sum, r) => sum + r.cpuSeconds, 0)) / latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
    parsesPerTurn: results.reduce((sum, r) => sum + r.dateParses, 0) / latencies.length,
    repliesPerTurn: results.reduce((sum, r) => sum + r.replies, 0) / latencies.length,
    routes: [...routeCounts].sort((a, b) => b[1] - a[1]).map(([route, n]) => `${route} ${((100 * n) / latencies.length).toFixed(0)}%`).join(', ') || '-',
  };
}

async function main(): Promise<void> {
  const logger = pino({ level: 'silent' });
  const sink = await startSink();

  // What `npm start` runs with no deployment settings: memory store, the demo accounts, handoff to
  // the staff console with the demo staff (a set password, as a test would), Bot Framework auth off.
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', STAFF_DEMO_PASSWORD: 'bench-demo-staff-password' });
  const composed = await composeApplication(config, {
    logger,
    clock: () => new Date(now),
    events: (event) => routes.set(event.route, (routes.get(event.route) ?? 0) + 1),
  });
  const wired = [
    `store ${composed.store.kind}`,
    `accounts ${config.ACCOUNT_API_URL ? 'API' : 'demo'}`,
    `handoff ${composed.app.handoff?.mode ?? 'off'}${composed.staffPassword ? ' (demo staff)' : ''}`,
  ].join(', ');

  const echoAdapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const echoBot = new EchoBot();
  const echoServer = createServer({ adapter: echoAdapter, onTurn: (context: TurnContext) => echoBot.run(context), readiness: [], logger });

  const listen = async (server: typeof echoServer.server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const botUrl = await listen(composed.app.http.server);
  const echo: Target = { name: 'echo', url: await listen(echoServer.server), texts: faqQuestions };
  const faq: Target = { name: 'faq', url: botUrl, texts: faqQuestions };
  const task: Target = { name: 'task', url: botUrl, texts: taskQuestions };

  // Warm-up: JIT, connection pools, the index's first queries, the heap grown to its working size.
  for (let w = 0; w < warmUpRounds; w++) {
    for (const target of [faq, task, echo]) if (!values.only || target.name === values.only) await runRound(target, sink.url, `warm-up-${w}`);
  }

  const results: Record<string, RoundResult[]> = { echo: [], faq: [], task: [] };
  const orders = [
    [echo, faq, task],
    [faq, task, echo],
    [task, echo, faq],
  ];
  const onRedis = redisUrl ? await redisMode(redisUrl, logger) : undefined;
  if (onRedis) {
    const faqRedis: Target = { name: 'faq-redis', url: await listen(onRedis.composed.app.http.server), texts: faqQuestions };
    await runRound(faqRedis, sink.url, 'warm-up');
    results['faq-redis'] = [];
    // Right after the FAQ turn on memory in every round, so drift hits both alike.
    for (const order of orders) order.splice(order.indexOf(faq) + 1, 0, faqRedis);
  }
  const redisCommandsBefore = onRedis ? await onRedis.commands() : undefined;
  for (let round = 0; round < rounds; round++) {
    for (const target of orders[round % orders.length]!) {
      if (values.only && target.name !== values.only) continue;
      results[target.name]!.push(await runRound(target, sink.url, round));
    }
  }
  if (values.only) {
    const only = summarise(results[values.only] ?? []);
    console.log(`${values.only}: ${only.turnsPerSecond.toFixed(0)} turns/s, CPU ${only.cpuMsPerTurn.toFixed(2)} ms/turn, replies ${only.repliesPerTurn.toFixed(2)}/turn, routes ${only.routes}`);
    await composed.close();
    await echoServer.shutdown(1000);
    await sink.close();
    return;
  }
  const redisCommandsAfter = onRedis ? await onRedis.commands() : undefined;

  const e = summarise(results.echo!);
  const f = summarise(results.faq!);
  const t = summarise(results.task!);
  const row = (name: string, s: ReturnType<typeof summarise>) =>
    `${name.padEnd(10)} ${s.turnsPerSecond.toFixed(0).padStart(6)} turns/s   p50 ${s.p50.toFixed(2).padStart(7)} ms   p99 ${s.p99.toFixed(2).padStart(7)} ms   CPU ${s.cpuMsPerTurn.toFixed(2)} ms/turn   replies ${s.repliesPerTurn.toFixed(2)}/turn   failures ${s.failures}`;
  // Each round's own ratio (the same round's echo run beside it), and their median: a round that a
  // burst of other work on the machine slowed counts once, not by its length.
  const perRound = (name: string) =>
    results[name]!.map((r, i) => r.latencies.length / r.seconds / (results.echo![i]!.latencies.length / results.echo![i]!.seconds)).sort((a, b) => a - b);
  const median = (sorted: number[]) => (sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2);
  const ratio = (name: string, key: string, s: ReturnType<typeof summarise>) =>
    `ratio ${name}/echo: throughput ${median(perRound(key)).toFixed(2)}x (median of ${rounds} rounds: ${perRound(key).map((r) => r.toFixed(2)).join(' ')}), pooled ${(s.turnsPerSecond / e.turnsPerSecond).toFixed(2)}x, p50 ${(s.p50 / e.p50).toFixed(2)}x, p99 ${(s.p99 / e.p99).toFixed(2)}x, CPU per turn ${(s.cpuMsPerTurn / e.cpuMsPerTurn).toFixed(2)}x (target throughput >= 0.80x)`;
  const [load1] = os.loadavg();
  console.log(
    `bench: ${rounds} rounds x ${turnsPerRound} turns after ${warmUpRounds} warm-up rounds of each, concurrency ${concurrency}, node ${process.version}, ${os.availableParallelism()} cores, load average at the end ${load1!.toFixed(2)}`,
  );
  console.log(`bot: composeApplication (${wired})`);
  console.log(row('echo bot', e));
  console.log(row('FAQ turn', f));
  console.log(row('task turn', t));
  console.log(ratio('FAQ', 'faq', f));
  console.log(ratio('task', 'task', t));
  console.log(`date parses per turn: FAQ ${f.parsesPerTurn.toFixed(2)}, task ${t.parsesPerTurn.toFixed(2)} (target <= 1)`);
  console.log(`routes: FAQ turns ${f.routes}; task turns ${t.routes}`);
  if (onRedis) {
    const r = summarise(results['faq-redis']!);
    console.log(row('FAQ Redis', r));
    console.log(
      `ratio FAQ on Redis/FAQ on memory: throughput ${(r.turnsPerSecond / f.turnsPerSecond).toFixed(2)}x, p50 ${(r.p50 / f.p50).toFixed(2)}x, p99 ${(r.p99 / f.p99).toFixed(2)}x (target throughput >= 0.90x)`,
    );
    const per = (n: number) => (n / r.turns).toFixed(2);
    console.log(
      `Redis commands per FAQ turn: scripts ${per(redisCommandsAfter!.scripts - redisCommandsBefore!.scripts)} (lock, message rate limit beside it, state write, release), reads ${per(redisCommandsAfter!.reads - redisCommandsBefore!.reads)} (state, account link, handoff pointer: sent together with the lock)`,
    );
    await onRedis.close();
  }

  await composed.close();
  await echoServer.shutdown(1000);
  await sink.close();

  // What the request rate limits cost a FAQ turn (target: under 5%), measured in a process of its
  // own (bench/rateLimitCost.ts, also `npm run bench:limits`), with Redis too when given one.
  console.log('\nrate limits:');
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/rateLimitCost.ts', '--turns', '500'], {
    stdio: 'inherit',
    env: { ...process.env, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) },
  });

  // What building the knowledge index costs at start, against MiniSearch alone on the same
  // documents (bench/knowledgeBuild.ts, also `npm run bench:knowledge`).
  console.log('\nknowledge index at start:');
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/knowledgeBuild.ts'], { stdio: 'inherit', env: process.env });

  // Time from Enter to the reply shown in the website chat, WebSocket against polling, measured in
  // Chromium (bench/webChatLatency.ts, also `npm run bench:web`), in a process of its own, after the
  // turns so the browser does not disturb them. Skipped, saying so, where there is no Chromium.
  console.log('\nwebsite chat, send to reply shown:');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.log(`skipped: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH); npm run bench:web runs it alone`);
  } else {
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/webChatLatency.ts', '--questions', values['web-questions']], { stdio: 'inherit', env: process.env });
  }
}

/** The same bot composed with Redis, under a key prefix of its own. */
async function redisMode(url: string, logger: pino.Logger) {
  const prefix = `bench-${process.pid}:`;
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', STAFF_DEMO_PASSWORD: 'bench-demo-staff-password', REDIS_URL: url, REDIS_KEY_PREFIX: prefix });
  const composed = await composeApplication(config, { logger, clock: () => new Date(now), events: (event) => routes.set(event.route, (routes.get(event.route) ?? 0) + 1) });
  const admin = new Redis(url);
  /**
   * The commands the bot sends: scripts (turn lock, state write, release) and reads (HMGET).
   * Commands run inside scripts are counted by Redis too, so they are left out.
   */
  const commands = async () => {
    const stats = await admin.info('commandstats');
    const calls = (name: string) => Number(new RegExp(`^cmdstat_${name}:calls=(\\d+)`, 'm').exec(stats)?.[1] ?? 0);
    return { scripts: calls('evalsha') + calls('eval'), reads: calls('hmget') };
  };
  return {
    composed,
    commands,
    close: async () => {
      await composed.close();
      let cursor = '0';
      do {
        const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await admin.del(...keys);
      } while (cursor !== '0');
      admin.disconnect();
    },
  };
}

void main();
