/**
 * FAQ turns through /api/messages against the botbuilder EchoBot sample's shape (same CloudAdapter,
 * reply = echo), side by side in one process, replies going to a local Bot Connector sink.
 * Rounds alternate between the two bots so drift in the machine's speed hits both alike.
 *
 *   npm run bench [-- --turns 2000 --concurrency 16 --rounds 4]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MemoryStorage, type TurnContext } from 'botbuilder';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { demoStaffAccounts } from '../src/handoff/staff/staffAccounts.js';
import { parseConfig } from '../src/config.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase.js';
import { createServer } from '../src/server.js';

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '4' },
  },
});
const turnsPerRound = Number(values.turns);
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);

const questions = [
  'how do i reschedule my test',
  'how much is a duplicate certificate',
  'when can i retake a test i failed',
  'when will i get my results',
  'are the tests available in spanish',
  'how do i apply for ada accommodations',
  'what happens if i miss my appointment',
  'do i still hold master technician status if one expired',
];

async function startSink(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
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

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text}`);
      await next();
    });
  }
}

interface Target {
  name: string;
  url: string;
}

interface RoundResult {
  seconds: number;
  latencies: number[];
  failures: number;
}

async function runRound(target: Target, sinkUrl: string, round: number): Promise<RoundResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const worker = async (w: number) => {
    for (;;) {
      const i = next++;
      if (i >= turnsPerRound) return;
      const body = JSON.stringify({
        type: 'message',
        id: `a-${round}-${i}`,
        text: questions[i % questions.length],
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
  return { seconds: (performance.now() - started) / 1000, latencies, failures };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function summarise(results: RoundResult[]) {
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  return {
    turnsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
  };
}

async function main(): Promise<void> {
  const logger = pino({ level: 'silent' });
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const sink = await startSink();

  // As `npm start` runs it: handoff to the staff console on, so each turn also asks the store
  // whether staff have the conversation.
  const staff = await demoStaffAccounts('bench-password', { N: 2 ** 10 });
  const faqApp = buildApp({ config, logger, storage: new MemoryStorage(), knowledge: await loadKnowledgeBase('knowledge'), clock: () => new Date(), staff });
  // The same bot with handoff off: what the per-turn "are staff on this?" read costs.
  const plainApp = buildApp({
    config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HANDOFF_MODE: 'off' }),
    logger,
    storage: new MemoryStorage(),
    knowledge: await loadKnowledgeBase('knowledge'),
    clock: () => new Date(),
  });
  const echoAdapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const echoBot = new EchoBot();
  const echoServer = createServer({ adapter: echoAdapter, onTurn: (context: TurnContext) => echoBot.run(context), readiness: [], logger });

  const listen = async (server: typeof faqApp.http.server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const faq: Target = { name: 'faq', url: await listen(faqApp.http.server) };
  const echo: Target = { name: 'echo', url: await listen(echoServer.server) };
  const plain: Target = { name: 'plain', url: await listen(plainApp.http.server) };

  // Warm-up: JIT, connection pools, the index's first queries.
  await runRound(faq, sink.url, -1);
  await runRound(echo, sink.url, -1);
  await runRound(plain, sink.url, -1);

  const results: Record<string, RoundResult[]> = { faq: [], echo: [], plain: [] };
  for (let round = 0; round < rounds; round++) {
    const order = [[faq, echo, plain], [echo, plain, faq], [plain, faq, echo]][round % 3]!;
    for (const target of order) results[target.name]!.push(await runRound(target, sink.url, round));
  }

  const f = summarise(results.faq!);
  const e = summarise(results.echo!);
  const p = summarise(results.plain!);
  const row = (name: string, s: ReturnType<typeof summarise>) =>
    `${name.padEnd(10)} ${s.turnsPerSecond.toFixed(0).padStart(8)} turns/s   p50 ${s.p50.toFixed(2).padStart(7)} ms   p99 ${s.p99.toFixed(2).padStart(7)} ms   failures ${s.failures}`;
  console.log(`bench: ${rounds} rounds x ${turnsPerRound} turns, concurrency ${concurrency}, node ${process.version}`);
  console.log(row('echo bot', e));
  console.log(row('FAQ bot', f));
  console.log(row('no handoff', p));
  console.log(`ratio FAQ/echo: throughput ${(f.turnsPerSecond / e.turnsPerSecond).toFixed(2)}x, p50 ${(f.p50 / e.p50).toFixed(2)}x, p99 ${(f.p99 / e.p99).toFixed(2)}x (target throughput >= 0.80x)`);

  console.log(`ratio handoff on/off: throughput ${(f.turnsPerSecond / p.turnsPerSecond).toFixed(2)}x, p50 ${(f.p50 / p.p50).toFixed(2)}x`);

  await faqApp.http.shutdown(1000);
  await plainApp.http.shutdown(1000);
  await echoServer.shutdown(1000);
  await sink.close();
}

void main();
