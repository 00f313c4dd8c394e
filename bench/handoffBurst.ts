/**
 * A burst of "talk to a person": `--count` conversations (2,600) each POST it to /api/messages at
 * the same moment, alternating between two bot processes (src/index.ts, as `npm start` runs it)
 * that share one real Redis (a private `redis-server` on a free port), replies going to a local Bot
 * Connector sink. Then, for the floor, the same burst of POSTs to two processes of the botbuilder
 * EchoBot sample's shape (bench/echoServer.ts: the same CloudAdapter and restify server, reply =
 * echo). The correctness of the burst is tested in test/scale/handoffBurst.test.ts; this measures.
 *
 * It prints, with the load average beside each run (the machine is shared):
 * - POST-to-200 p50/p99/last for both, and their ratio (the 200 comes after the reply is sent);
 * - CPU time per request of the two server processes (/proc: user + system), less disturbed by
 *   other work on the machine than times are;
 * - the server-side handoff step (from the turn deciding to hand off to the case queued with its
 *   place known): p50/p99 from the bot's `candidate_assistant_handoff_request_seconds` histogram
 *   (interpolated within its buckets, as Prometheus' histogram_quantile does);
 * - Redis commands per handoff (INFO commandstats: those scripts run inside Redis included) and
 *   Redis's own CPU per handoff;
 * - staff's case list with every case open: its first page (`GET /staff/api/cases`, 50 cases), a
 *   page of 200 (`?limit=200`), the last page (`?offset=`) and a language's first page
 *   (`?language=es`), each the fastest of 5, and the commands the first page sends, by MONITOR;
 * - with `--trips`, the sequential Redis round trips of one handoff turn on its own: the same turn
 *   through a TCP proxy that holds every Redis reply back 50 ms, (time with - time without) / 50,
 *   and the commands it sends (MONITOR).
 *
 *   npm run bench:handoff [-- --count 2600 --rounds 1 --skip-echo --trips --cpu-prof /tmp/prof]
 *
 * `--cpu-prof DIR` starts the bot processes with `node --cpu-prof` (profiles written to DIR when
 * they stop).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { startRedisServer, type TestRedis } from '../test/support/redisServer.js';
import { freePort } from '../test/support/loopback.js';
import { delayingProxy } from '../test/support/delayingProxy.js';
import { burstBotEnv, burstOfHandoffs, type BurstResult } from '../test/support/handoffBurst.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '2600' },
    rounds: { type: 'string', default: '1' },
    'skip-echo': { type: 'boolean', default: false },
    trips: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    // The channel's side keeps at most this many connections per instance (as a channel keeps a pool).
    sockets: { type: 'string', default: '400' },
  },
});

/** The burst with the channel's pool of `--sockets` connections per instance. */
const burst = (urls: string[], sinkUrl: string, count: number, tag: string) => burstOfHandoffs(urls, sinkUrl, count, tag, Number(values.sockets));
const COUNT = Number(values.count);
const ROUNDS = Number(values.rounds);
const STAFF_PASSWORD = 'bench-staff-password';
const PLACE = /You're (next|number (\d+)) in line/;

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const ticksPerSecond = 100;
/** User + system CPU seconds of a process so far (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** A Bot Connector stand-in: keeps the text of every activity sent, per conversation. */
async function startSink() {
  const said = new Map<string, string[]>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? '');
      said.set(conversation, [...(said.get(conversation) ?? []), (JSON.parse(body || '{}') as { text?: string }).text ?? '']);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"sent"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  // Replies come from 2,600 turns ending at about the same moment, each on a connection of its own
  // at first: with Node's default backlog (511) the kernel drops SYNs and the retries (1 s, 3 s...)
  // are measured instead of the bots (the EchoBot's p99 was 10.6 s that way).
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, said, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Started {
  url: string;
  child: ChildProcess;
}

async function untilReady(url: string, timeoutMs = 120_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if ((await fetch(`${url}/readyz`).then((r) => r.status, () => 0)) === 200) return;
  }
  throw new Error(`bench:handoff: ${url} was not ready within ${timeoutMs} ms`);
}

async function startProcess(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--no-deprecation', ...nodeArgs, '--import', 'tsx', script], {
    cwd: process.cwd(),
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function stopProcess({ child }: Started): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

interface BurstFigures {
  p50: number;
  p99: number;
  last: number;
  failed: number;
  cpuMsPerRequest: number;
  load: string;
}

async function measuredBurst(targets: Started[], sinkUrl: string, tag: string): Promise<BurstFigures & { results: BurstResult[] }> {
  const loadBefore = load();
  const cpuBefore = targets.map((t) => cpuSeconds(t.child.pid!));
  const results = await burst(
    targets.map((t) => t.url),
    sinkUrl,
    COUNT,
    tag,
  );
  const cpu = targets.reduce((sum, t, i) => sum + cpuSeconds(t.child.pid!) - cpuBefore[i]!, 0);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    results,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    last: times[times.length - 1]!,
    failed: results.filter((r) => r.status !== 200).length,
    cpuMsPerRequest: (cpu * 1000) / COUNT,
    load: `${loadBefore} -> ${load()}`,
  };
}

/** Every command's calls so far (INFO commandstats), and Redis's own CPU seconds. */
async function redisCounters(redis: Redis): Promise<{ calls: Map<string, number>; cpu: number }> {
  const stats = await redis.info('commandstats');
  const calls = new Map<string, number>();
  for (const match of stats.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(match[1]!, Number(match[2]));
  const cpuInfo = await redis.info('cpu');
  const cpu = Number(/used_cpu_user:([\d.]+)/.exec(cpuInfo)?.[1]) + Number(/used_cpu_sys:([\d.]+)/.exec(cpuInfo)?.[1]);
  return { calls, cpu };
}

/**
 * The commands clients sent while `run` ran (MONITOR; those a script ran inside Redis are left out,
 * unlike INFO commandstats, which counts both), by name.
 */
async function commandsSent(redisUrl: string, run: () => Promise<unknown>): Promise<Map<string, number>> {
  const client = new Redis(redisUrl);
  await client.ping();
  const monitor = await client.monitor();
  const sent = new Map<string, number>();
  let marker = false;
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source === 'lua') return;
    const name = String(args[0]).toLowerCase();
    if (name === 'echo' && args[1] === 'bench:handoff done') marker = true;
    // A connection's own set-up (the monitor's): not the bot's.
    else if (name !== 'hello' && name !== 'info' && name !== 'monitor') sent.set(name, (sent.get(name) ?? 0) + 1);
  });
  try {
    await run();
    await client.echo('bench:handoff done');
    for (const deadline = Date.now() + 10_000; !marker && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
    return sent;
  } finally {
    client.disconnect();
    monitor.disconnect();
  }
}

const describeSent = (sent: Map<string, number>, per = 1) =>
  `${([...sent.values()].reduce((sum, n) => sum + n, 0) / per).toFixed(1)} commands sent (${[...sent]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${(n / per).toFixed(per === 1 ? 0 : 1)}`)
    .join(', ')})`;

function commandsBetween(before: Map<string, number>, after: Map<string, number>): Array<[string, number]> {
  return [...after]
    .map(([name, calls]) => [name, calls - (before.get(name) ?? 0)] as [string, number])
    .filter(([name, calls]) => calls > 0 && name !== 'info')
    .sort((a, b) => b[1] - a[1]);
}

/** The handoff step's quantile from the histogram of both processes (linear within a bucket). */
async function handoffStep(urls: string[]): Promise<{ count: number; p50: number; p99: number } | undefined> {
  const buckets = new Map<number, number>();
  for (const url of urls) {
    const text = await fetch(`${url}/metrics`).then((r) => r.text());
    for (const match of text.matchAll(/^candidate_assistant_handoff_request_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)) {
      const le = match[1] === '+Inf' ? Infinity : Number(match[1]);
      buckets.set(le, (buckets.get(le) ?? 0) + Number(match[2]));
    }
  }
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const count = buckets.get(Infinity) ?? 0;
  if (!count) return undefined;
  const quantile = (q: number) => {
    const rank = q * count;
    let lower = 0;
    let below = 0;
    for (const bound of bounds) {
      const cumulative = buckets.get(bound)!;
      if (cumulative >= rank) return bound === Infinity ? lower : lower + (bound - lower) * ((rank - below) / Math.max(1, cumulative - below));
      lower = bound;
      below = cumulative;
    }
    return lower;
  };
  return { count, p50: quantile(0.5), p99: quantile(0.99) };
}

async function staffList(url: string, query = ''): Promise<{ queued: number; waiting: number; fastestMs: number; bytes: number }> {
  const login = await fetch(`${url}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'agent1', password: STAFF_PASSWORD }) });
  if (login.status !== 200) throw new Error(`bench:handoff: staff login answered ${login.status}`);
  const cookie = /staff_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const times: number[] = [];
  let queued = 0;
  let waiting = 0;
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/staff/api/cases${query}`, { headers: { cookie } });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`bench:handoff: GET /staff/api/cases${query} answered ${response.status}: ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as { queued: unknown[]; waiting: number };
    times.push(performance.now() - started);
    queued = body.queued.length;
    waiting = body.waiting;
    bytes = text.length;
  }
  return { queued, waiting, fastestMs: Math.min(...times), bytes };
}

/**
 * Checks what the test checks, so a fast run that lost someone never reads as a result: each told
 * one place, all distinct and consecutive (the warm-up's cases are ahead of them in line).
 */
function placesTold(said: Map<string, string[]>, conversations: string[]): { distinct: boolean; problems: number; first: number } {
  const places: number[] = [];
  let problems = 0;
  for (const conversation of conversations) {
    const replies = said.get(conversation) ?? [];
    const place = replies.length === 1 ? PLACE.exec(replies[0]!) : null;
    if (!place) problems++;
    else places.push(place[1] === 'next' ? 1 : Number(place[2]));
  }
  const sorted = places.sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  return { distinct: sorted.length === conversations.length && sorted.every((place, i) => place === first + i), problems, first };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  console.log(`bench:handoff: ${COUNT} simultaneous POSTs over two processes, ${os.cpus().length} cores, Node ${process.version}, load average ${load()}`);
  const sink = await startSink();
  const redis: TestRedis = await startRedisServer();
  const proxy = values.trips ? await delayingProxy(redis.port) : undefined;
  const admin = new Redis(redis.url);
  const botEnv = (round: number, redisUrl = redis.url): Record<string, string> => ({
    ...burstBotEnv(redisUrl, `bench-handoff-${round}:`, STAFF_PASSWORD),
    LOG_LEVEL: 'silent',
  });
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      if (!values['skip-echo']) {
        const echoes = [await startProcess('bench/echoServer.ts', {}), await startProcess('bench/echoServer.ts', {})];
        try {
          for (const echo of echoes) await untilReady(echo.url);
          await burst(
            echoes.map((e) => e.url),
            sink.url,
            200,
            `echo-warm-${round}`,
          );
          const echo = await measuredBurst(echoes, sink.url, `echo-${round}`);
          console.log(
            `round ${round} echo    ${COUNT} POSTs: p50 ${ms(echo.p50)}  p99 ${ms(echo.p99)}  last ${ms(echo.last)}  failed ${echo.failed}  CPU ${echo.cpuMsPerRequest.toFixed(2)} ms/request  (load ${echo.load})`,
          );
        } finally {
          for (const echo of echoes) await stopProcess(echo);
        }
      }
      const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [];
      const bots = [await startProcess('src/index.ts', botEnv(round), profile), await startProcess('src/index.ts', botEnv(round), profile)];
      try {
        for (const bot of bots) await untilReady(bot.url);
        // Warm-up: a few handoffs (JIT, connections), then their cases closed by emptying the keys.
        await burst(
          bots.map((b) => b.url),
          sink.url,
          50,
          `warm-${round}`,
        );
        await staffList(bots[0]!.url);
        const before = await redisCounters(admin);
        const handoff = await measuredBurst(bots, sink.url, `burst-${round}`);
        const after = await redisCounters(admin);
        const step = await handoffStep(bots.map((b) => b.url));
        const told = placesTold(
          sink.said,
          handoff.results.map((r) => r.conversation),
        );
        const commands = commandsBetween(before.calls, after.calls);
        const total = commands.reduce((sum, [, calls]) => sum + calls, 0);
        console.log(
          `round ${round} handoff ${COUNT} POSTs: p50 ${ms(handoff.p50)}  p99 ${ms(handoff.p99)}  last ${ms(handoff.last)}  failed ${handoff.failed}  CPU ${handoff.cpuMsPerRequest.toFixed(2)} ms/handoff  (load ${handoff.load})`,
        );
        console.log(
          `  told a place: ${told.distinct ? `all ${COUNT}, ${told.first} to ${told.first + COUNT - 1} (behind the warm-up's), none twice` : `NOT all distinct (${told.problems} without exactly one reply naming a place)`}`,
        );
        if (step) console.log(`  handoff step (decided -> queued with its place), ${step.count} observed (warm-up included): p50 ${ms(step.p50 * 1000)}  p99 ${ms(step.p99 * 1000)}`);
        console.log(
          `  Redis: ${(total / COUNT).toFixed(1)} commands per handoff, Redis CPU ${(((after.cpu - before.cpu) * 1000) / COUNT).toFixed(3)} ms per handoff (${commands
            .slice(0, 12)
            .map(([name, calls]) => `${name} ${(calls / COUNT).toFixed(2)}`)
            .join(', ')})`,
        );
        const list = await staffList(bots[0]!.url);
        const sent = await commandsSent(redis.url, () => staffList(bots[0]!.url));
        console.log(
          `  staff case list, first page: ${list.queued} of ${list.waiting} queued (${(list.bytes / 1024).toFixed(0)} KiB of JSON): fastest of 5 ${list.fastestMs.toFixed(1)} ms; per list (sign-in included) ${describeSent(sent, 5)}  (load ${load()})`,
        );
        const lastOffset = Math.max(0, list.waiting - 50);
        for (const query of ['?limit=200', `?offset=${lastOffset}`, '?language=es']) {
          const page = await staffList(bots[0]!.url, query);
          console.log(`  staff case list ${query}: ${page.queued} cases (${(page.bytes / 1024).toFixed(0)} KiB): fastest of 5 ${page.fastestMs.toFixed(1)} ms  (load ${load()})`);
        }
      } finally {
        for (const bot of bots) await stopProcess(bot);
      }
    }
    if (proxy) {
      const bot = await startProcess('src/index.ts', botEnv(ROUNDS + 1, `redis://127.0.0.1:${proxy.port}`));
      try {
        await untilReady(bot.url);
        await burst([bot.url], sink.url, 3, 'trips-warm');
        const one = async (tag: string) => {
          const started = performance.now();
          await burst([bot.url], sink.url, 1, tag);
          return performance.now() - started;
        };
        const DELAY = 50;
        const without: number[] = [];
        const withDelay: number[] = [];
        for (let i = 0; i < 5; i++) without.push(await one(`trips-0-${i}`));
        proxy.setDelay(DELAY);
        for (let i = 0; i < 5; i++) withDelay.push(await one(`trips-${DELAY}-${i}`));
        proxy.setDelay(0);
        const sent = await commandsSent(redis.url, () => one('trips-count'));
        console.log(`one handoff turn alone: ${describeSent(sent)}`);
        const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
        console.log(
          `one handoff turn alone: ${ms(median(without))} direct, ${ms(median(withDelay))} with every Redis reply held ${DELAY} ms: ${((median(withDelay) - median(without)) / DELAY).toFixed(1)} sequential round trips (median of 5; load ${load()})`,
        );
      } finally {
        await stopProcess(bot);
      }
    }
  } finally {
    admin.disconnect();
    await proxy?.close();
    await redis.stop();
    await sink.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
