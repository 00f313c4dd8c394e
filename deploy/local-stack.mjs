// The compose topology (docker-compose.yml) as plain processes, for a machine without Docker:
// one redis-server, N bot instances from the build (`npm run build`; `node --max-semi-space-size=4 dist/server.mjs`, as
// the image's CMD), all with NODE_ENV=production and one shared settings set (as compose's one
// deploy/.env), and nginx in front with deploy/nginx.conf (its upstream pointed at the instances).
// Then a Web Chat conversation (deploy/smoke.mjs) and a handoff to a person through the proxy: the
// candidate's requests and the agent's land on different instances, and only Redis and the shared
// DIRECTLINE_LOCAL_SECRET join them.
//   npm run build && node deploy/local-stack.mjs [--instances 2] [--keep]
// Needs redis-server and nginx on PATH (Debian: apt-get install redis-server nginx-light); without
// nginx, --proxy node puts a round-robin Node proxy in its place (and says so). Exit 0: all passed.
// --keep leaves the stack running (the URLs are printed) until Ctrl-C.

/* global process, console, fetch, setTimeout, URL */

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '2' },
    entry: { type: 'string', default: 'dist/server.mjs' },
    proxy: { type: 'string', default: 'nginx' },
    keep: { type: 'boolean', default: false },
  },
});
const root = resolve(import.meta.dirname, '..');
const instances = Number(values.instances);
const entry = resolve(root, values.entry);
const work = mkdtempSync(join(tmpdir(), 'candidate-assistant-stack-'));
const children = [];
const log = (line) => console.log(`[local-stack] ${line}`);

/** What every instance shares: deploy/.env in compose. Sample secrets, made up for this run. */
const METRICS_TOKEN = 'local-stack-metrics-token';
const shared = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  // Production refuses to start without these (src/productionChecks.ts, docs/operations.md). The app
  // id is only used for the Bot Connector's channels; the built-in Direct Line needs none of it, and
  // the account API is only called for account questions, which this run does not ask.
  MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
  MicrosoftAppPassword: 'local-stack-not-a-real-password',
  ACCOUNT_API_URL: 'https://127.0.0.1:9/',
  ACCOUNT_API_KEY: 'local-stack-account-key',
  DIRECTLINE_LOCAL_SECRET: 'local-stack-directline-secret-shared-by-every-instance',
  METRICS_TOKEN,
  HANDOFF_MODE: 'console',
  // Staff at any hour, so the handoff below is taken whenever this runs.
  SUPPORT_HOURS: '',
  // The staff accounts file, as compose mounts deploy/staff-accounts.yaml: here the example file,
  // whose passwords are public (deploy/staff-accounts.example.yaml says which).
  STAFF_ACCOUNTS_FILE: join(root, 'deploy/staff-accounts.example.yaml'),
  TRUST_PROXY: 'true',
  STAFF_TRUST_PROXY: 'true',
  SHUTDOWN_DRAIN_MS: '0',
};
const AGENT = { username: 'agent1', password: 'example-agent-password-change-me' };

async function freePort() {
  const server = createNetServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function start(name, command, args, env = {}) {
  const child = spawn(command, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  children.push({ name, child, output: () => output });
  return { child, output: () => output };
}

async function waitFor(what, check, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} not ready within ${ms / 1000} s`);
    await sleep(50);
  }
}

/** nginx with deploy/nginx.conf as it is, but its upstream on the instances' ports and no Docker DNS resolver. */
async function startNginx(ports, port) {
  const site = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8');
  const servers = ports.map((p) => `  server 127.0.0.1:${p} max_fails=2 fail_timeout=10s;`).join('\n');
  const upstream = site.replace(/^resolver .*\n/m, '').replace(/^\s*server bot:3978 [^;]*;$/m, servers).replace('listen 80;', `listen 127.0.0.1:${port};`);
  if (upstream.includes('bot:3978') || !upstream.includes(`127.0.0.1:${ports[0]}`)) throw new Error('deploy/nginx.conf: its upstream line is not "server bot:3978 ...;" any more; update deploy/local-stack.mjs');
  writeFileSync(join(work, 'site.conf'), upstream);
  writeFileSync(
    join(work, 'nginx.conf'),
    `daemon off;\nworker_processes 1;\npid ${work}/nginx.pid;\nerror_log ${work}/error.log warn;\nevents { worker_connections 256; }\n` +
      `http {\n  log_format upstreams '$request_uri $upstream_addr';\n  access_log ${work}/access.log upstreams;\n  client_body_temp_path ${work}/body;\n  proxy_temp_path ${work}/proxy;\n` +
      `  fastcgi_temp_path ${work}/fastcgi;\n  uwsgi_temp_path ${work}/uwsgi;\n  scgi_temp_path ${work}/scgi;\n  include ${work}/site.conf;\n}\n`,
  );
  const test = spawnSync('nginx', ['-t', '-p', work, '-c', join(work, 'nginx.conf')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t refused the configuration: ${test.stderr}`);
  start('nginx', 'nginx', ['-p', work, '-c', join(work, 'nginx.conf')]);
}

/** Round-robin, one request per instance in turn, when nginx is not installed. */
async function startNodeProxy(ports, port) {
  let next = 0;
  const proxy = createServer((req, res) => {
    const target = new URL(req.url ?? '/', `http://127.0.0.1:${ports[next++ % ports.length]}`);
    const forwarded = request(target, { method: req.method, headers: { ...req.headers, host: target.host, 'x-forwarded-for': req.socket.remoteAddress } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.writeHead(502).end());
    req.pipe(forwarded);
  });
  await new Promise((done) => proxy.listen(port, '127.0.0.1', done));
  children.push({ name: 'node proxy', child: { kill: () => proxy.close(), exitCode: null, once: (_event, fn) => proxy.once('close', fn) }, output: () => '' });
}

async function call(base, method, path, { token, cookie, csrf, body } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(cookie ? { cookie } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return { json: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** Turns each instance has run, from its own /metrics (scraped directly, as Prometheus does). */
async function turnsPerInstance(ports) {
  return Promise.all(
    ports.map(async (port) => {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      const text = await response.text();
      return [...text.matchAll(/^candidate_assistant_turns_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    }),
  );
}

/** A candidate on Web Chat asks for a person; an agent signs in through the proxy, claims the case and answers; the candidate sees the answer. */
async function handoff(base) {
  const session = (await call(base, 'POST', '/api/directline/token')).json;
  const directLine = new URL(session.domain, `${base}/`).pathname.replace(/\/$/, '');
  const conversationId = (await call(base, 'POST', `${directLine}/conversations`, { token: session.token, body: {} })).json.conversationId;
  const conversation = `${directLine}/conversations/${encodeURIComponent(conversationId)}`;
  const say = (text) => call(base, 'POST', `${conversation}/activities`, { token: session.token, body: { type: 'message', from: { id: session.userId }, text } });
  const botLines = async () =>
    (await call(base, 'GET', `${conversation}/activities`, { token: session.token })).json.activities.filter((a) => a.type === 'message' && a.from?.id !== session.userId && a.text).map((a) => a.text);
  const waitForLine = async (what, match) => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const found = (await botLines()).find((text) => match.test(text));
      if (found) return found;
      await sleep(200);
    }
    throw new Error(`candidate: no ${what} within 15 s; the bot said: ${(await botLines()).join(' | ').slice(0, 600)}`);
  };

  await say('I want to talk to a person about my test appointment');
  await waitForLine('word that the case is queued', /support staff/i);
  const login = await call(base, 'POST', '/staff/api/login', { body: AGENT });
  const cookie = /staff_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  const csrf = login.json.csrfToken;
  const staff = (method, path, body) => call(base, method, path, { cookie, csrf, body });
  const cases = (await staff('GET', '/staff/api/cases')).json;
  // This run's Redis is new: the candidate's case is the one Web Chat (directline) case in the queue.
  const queued = cases.queued.filter((c) => c.channel === 'directline');
  if (queued.length !== 1) throw new Error(`agent: expected the candidate's one case in the queue, found ${JSON.stringify(cases.queued)}`);
  const [found] = queued;
  const { caseNumber } = found;
  await staff('POST', `/staff/api/cases/${found.id}/claim`);
  const reply = `Hello from the desk, about ${caseNumber}.`;
  await staff('POST', `/staff/api/cases/${found.id}/messages`, { text: reply });
  await waitForLine('agent reply', new RegExp(reply.replace(/[.]/g, '\\.')));
  await staff('POST', `/staff/api/cases/${found.id}/end`);
  return caseNumber;
}

async function main() {
  if (!existsSync(entry)) throw new Error(`${values.entry} is missing: run npm run build first`);
  const useNginx = values.proxy === 'nginx' && spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0;
  if (values.proxy === 'nginx' && !useNginx) log('nginx is not on PATH: a round-robin Node proxy stands in for it (deploy/nginx.conf is not exercised)');

  const redisPort = await freePort();
  start('redis', 'redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  await waitFor('redis-server', async () => spawnSync('redis-cli', ['-p', String(redisPort), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG');

  const ports = [];
  for (let n = 0; n < instances; n++) ports.push(await freePort());
  const bots = ports.map((port, n) =>
    start(`bot ${n + 1}`, process.execPath, ['--no-deprecation', '--max-semi-space-size=4', ...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry], { ...shared, PORT: String(port), REDIS_URL: `redis://127.0.0.1:${redisPort}/0` }),
  );
  await Promise.all(
    ports.map((port, n) =>
      waitFor(`bot ${n + 1}`, async () => {
        if (bots[n].child.exitCode !== null) throw new Error(`bot ${n + 1} exited with ${bots[n].child.exitCode}: ${bots[n].output()}`);
        return (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.ok;
      }, 60_000),
    ),
  );
  log(`${instances} instances (NODE_ENV=production, node ${values.entry}) on ports ${ports.join(', ')}, redis on ${redisPort}`);

  const proxyPort = await freePort();
  if (useNginx) await startNginx(ports, proxyPort);
  else await startNodeProxy(ports, proxyPort);
  const base = `http://127.0.0.1:${proxyPort}`;
  await waitFor('the proxy', async () => (await fetch(`${base}/healthz`).catch(() => undefined))?.ok);
  log(`${useNginx ? 'nginx (deploy/nginx.conf)' : 'node proxy'} on ${base}`);

  const checks = [];
  const metricsHidden = (await fetch(`${base}/metrics`)).status;
  checks.push([`/metrics through the proxy answers 404 (got ${metricsHidden})`, metricsHidden === 404]);
  const before = await turnsPerInstance(ports);
  const smoke = spawnSync(process.execPath, [join(root, 'deploy/smoke.mjs'), base, String(2 * instances)], { encoding: 'utf8', timeout: 90_000 });
  process.stdout.write(smoke.stdout);
  process.stderr.write(smoke.stderr);
  checks.push([`deploy/smoke.mjs: ${smoke.stdout.trim().split('\n').at(-1)}`, smoke.status === 0]);
  try {
    const caseNumber = await handoff(base);
    checks.push([`handoff: case ${caseNumber} queued, claimed by ${AGENT.username} through the proxy, the reply reached the candidate`, true]);
  } catch (error) {
    checks.push([`handoff: ${error.message}`, false]);
  }
  const after = await turnsPerInstance(ports);
  const served = after.map((count, n) => count - before[n]);
  checks.push([`turns run per instance: ${served.join(', ')} (every instance ran some)`, served.every((count) => count > 0)]);
  if (useNginx) {
    // Which instance nginx sent each request to: the candidate's Direct Line calls and the agent's
    // console calls each went to more than one, so the handoff crossed instances both ways.
    const lines = readFileSync(join(work, 'access.log'), 'utf8').trim().split('\n').map((line) => line.split(' '));
    const spread = (prefix) => new Set(lines.filter(([uri]) => uri.startsWith(prefix)).map(([, upstream]) => upstream)).size;
    const candidate = spread('/v3/directline/');
    const agent = spread('/staff/api/');
    checks.push([`nginx spread the candidate's requests over ${candidate} instances and the agent's over ${agent}`, candidate === instances && agent === instances]);
  }

  for (const [what, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  const failed = checks.filter(([, ok]) => !ok).length;
  if (failed) for (const { name, output } of children) if (output()) console.error(`--- ${name} output:\n${output().slice(-2000)}`);
  return failed;
}

async function stopAll() {
  for (const { child } of children.reverse()) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5_000)]);
  }
  rmSync(work, { recursive: true, force: true });
}

let failed = 1;
try {
  failed = await main();
  if (values.keep && !failed) {
    log('running; Ctrl-C stops it');
    await new Promise((done) => process.once('SIGINT', done));
  }
} catch (error) {
  console.error(`[local-stack] ${error.message}`);
  for (const { name, output } of children) if (output()) console.error(`--- ${name} output:\n${output().slice(-2000)}`);
} finally {
  await stopAll();
}
console.log(failed ? `local stack: ${failed} check(s) failed` : 'local stack: all checks passed');
process.exit(failed ? 1 : 0);
