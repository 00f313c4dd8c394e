import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cluster, Redis } from 'ioredis';
import { freePort } from './loopback.js';

/**
 * A real Redis for the storage suites: its own `redis-server` on a free loopback port with no
 * persistence, in a temp dir, or the server at `REDIS_URL` when that is set (then `stop()` leaves it
 * running and `restart()` is unsupported: outage tests skip themselves).
 */
export interface TestRedis {
  url: string;
  port: number;
  /** True when this is `REDIS_URL`'s server, which the tests do not own. */
  external: boolean;
  /** Started with `cluster-enabled yes` and all 16384 slots assigned to itself. */
  cluster: boolean;
  /** Stops the server and removes its temp dir; safe to call twice. */
  stop(): Promise<void>;
  /**
   * Stop (if running), then start again on the same port: an outage. Also starts a stopped server,
   * so a test can `stop()`, look at the outage, then `restart()`. Data is lost unless started with
   * `aof` (then the append-only file is loaded back, as after a crash of a persistent Redis).
   */
  restart(): Promise<void>;
  /**
   * Saves the data, stops the server, runs `during` while it is down, then starts it again on the
   * same port with the data back: an outage that loses nothing (as a persistent Redis would).
   */
  outage(during: () => Promise<void>): Promise<void>;
  /**
   * SIGSTOP, run `during`, SIGCONT: a Redis that hangs (connections stay open, nothing is answered,
   * commands sent meanwhile run when it resumes). Not with REDIS_URL.
   */
  hang(during: () => Promise<void>): Promise<void>;
  /** SIGKILL: the server dies with connections open and commands in flight. `restart()` brings it back. */
  crash(): Promise<void>;
}

/** The server the tests should use instead of starting their own. */
export const externalRedisUrl = (process.env.REDIS_URL ?? '').trim() || undefined;

/** Whether `redis-server` is on PATH (or an external one is configured). */
export function redisAvailable(): boolean {
  if (externalRedisUrl) return true;
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

/**
 * Gate for the Redis suites: skip (with a printed reason) on a laptop without redis-server, but
 * never in CI, where a missing binary must fail the run.
 */
export function redisSuiteGate(suite: string): { skip: boolean } {
  const skip = !redisAvailable() && !process.env.CI;
  if (skip) console.warn(`[${suite}] skipped: redis-server is not on PATH (install it, or set REDIS_URL; with CI set this fails instead)`);
  return { skip };
}


/** One inline command over TCP; resolves true on a +OK/+PONG reply. No client library, so no reconnect noise. */
function sendOnce(port: number, command: string, timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+'));
    });
  });
}

/** One raw PING over TCP. */
const pingOnce = (port: number, timeoutMs = 500): Promise<boolean> => sendOnce(port, 'PING', timeoutMs);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

function launch(port: number, dir: string, cluster: boolean, aof = false): Running {
  // With `aof`, every write is in the append-only file before Redis answers it (fsync always), and a
  // restart in the same dir loads it back: a persistent production Redis.
  const persistence = aof ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const args = ['--port', String(port), '--save', '', ...persistence, '--bind', '127.0.0.1', '--dir', dir, '--daemonize', 'no'];
  if (cluster) {
    // A lone node never learns its own address from a peer; announce it so CLUSTER SLOTS names it.
    args.push('--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--cluster-announce-ip', '127.0.0.1');
  }
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // A crashed test run must not leave servers behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  child.once('error', (error) => (output += `\nspawn error: ${error.message}`));
  return { child, output: () => output, exited };
}

async function waitUntilAnswering(port: number, running: Running, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null || running.child.signalCode !== null) {
      throw new Error(`redis-server on port ${port} exited before answering PING:\n${running.output()}`);
    }
    if (await pingOnce(port)) return;
    await sleep(25);
  }
  running.child.kill('SIGKILL');
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms:\n${running.output()}`);
}

/** Makes a fresh cluster-enabled node a one-node cluster holding every slot. */
async function claimAllSlots(port: number): Promise<void> {
  const { Redis } = await import('ioredis');
  const admin = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await admin.connect();
    const info = String(await admin.call('CLUSTER', 'INFO'));
    if (!/cluster_slots_assigned:16384/.test(info)) await admin.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
    const deadline = Date.now() + 10_000;
    while (!/cluster_state:ok/.test(String(await admin.call('CLUSTER', 'INFO')))) {
      if (Date.now() > deadline) throw new Error(`one-node cluster on port ${port} never reached cluster_state:ok`);
      await sleep(50);
    }
  } finally {
    admin.disconnect();
  }
}

export async function startRedisServer(options: { cluster?: boolean; aof?: boolean } = {}): Promise<TestRedis> {
  const cluster = options.cluster ?? false;
  const aof = options.aof ?? false;
  if (externalRedisUrl) {
    if (cluster) throw new Error('startRedisServer: a cluster server cannot be provided through REDIS_URL');
    const port = Number(new URL(externalRedisUrl).port || 6379);
    return {
      url: externalRedisUrl,
      port,
      external: true,
      cluster: false,
      stop: async () => {},
      restart: async () => {
        throw new Error('startRedisServer: restart() is unsupported with REDIS_URL (the server is not ours to stop)');
      },
      outage: async () => {
        throw new Error('startRedisServer: outage() is unsupported with REDIS_URL (the server is not ours to stop)');
      },
      hang: async () => {
        throw new Error('startRedisServer: hang() is unsupported with REDIS_URL (the server is not ours to stop)');
      },
      crash: async () => {
        throw new Error('startRedisServer: crash() is unsupported with REDIS_URL (the server is not ours to stop)');
      },
    };
  }
  if (!redisAvailable()) throw new Error('startRedisServer: redis-server is not on PATH (install redis-server, or set REDIS_URL)');

  const dir = await mkdtemp(join(tmpdir(), 'candidate-assistant-redis-'));
  let port = 0;
  let running: Running | undefined;
  // A free port can be taken between choosing it and binding it; try a few.
  for (let attempt = 1; !running; attempt++) {
    port = await freePort();
    const candidate = launch(port, dir, cluster, aof);
    try {
      await waitUntilAnswering(port, candidate);
      running = candidate;
    } catch (error) {
      if (attempt >= 3) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  // The exit handler in launch() kills the server; this one removes its directory.
  const removeDirOnExit = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDirOnExit);
  if (cluster) await claimAllSlots(port);

  const stopProcess = async () => {
    if (!running) return;
    const current = running;
    running = undefined;
    current.child.kill('SIGTERM');
    const killed = await Promise.race([current.exited.then(() => true), sleep(3000).then(() => false)]);
    if (!killed) {
      current.child.kill('SIGKILL');
      await current.exited;
    }
  };

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    external: false,
    cluster,
    stop: async () => {
      await stopProcess();
      await rm(dir, { recursive: true, force: true });
      process.off('exit', removeDirOnExit);
    },
    restart: async () => {
      await stopProcess();
      await mkdir(dir, { recursive: true });
      process.off('exit', removeDirOnExit);
      process.once('exit', removeDirOnExit);
      const next = launch(port, dir, cluster, aof);
      await waitUntilAnswering(port, next);
      running = next;
      if (cluster) await claimAllSlots(port);
    },
    crash: async () => {
      const current = running;
      running = undefined;
      if (!current) return;
      current.child.kill('SIGKILL');
      await current.exited;
    },
    hang: async (during) => {
      const current = running;
      if (!current) throw new Error(`startRedisServer: hang() on port ${port}, but the server is stopped`);
      current.child.kill('SIGSTOP');
      try {
        await during();
      } finally {
        current.child.kill('SIGCONT');
      }
    },
    outage: async (during) => {
      // SAVE writes dump.rdb into the server's dir even with no save points; the next start loads it.
      if (!(await sendOnce(port, 'SAVE'))) throw new Error(`redis-server on port ${port} did not SAVE`);
      await stopProcess();
      try {
        await during();
      } finally {
        const next = launch(port, dir, cluster, aof);
        await waitUntilAnswering(port, next);
        running = next;
      }
    },
  };
}

/** Deletes every key under `prefix` (SCAN, so it is safe on a shared server). Prefix must hold no glob characters. */
export async function deleteKeysWithPrefix(client: Redis | Cluster, prefix: string): Promise<number> {
  if (/[*?[\]\\]/.test(prefix)) throw new Error(`deleteKeysWithPrefix: prefix "${prefix}" holds glob characters`);
  const nodes = 'nodes' in client && typeof client.nodes === 'function' ? (client as Cluster).nodes('master') : [client as Redis];
  let deleted = 0;
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scanBuffer(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next.toString();
      for (const key of keys) deleted += await node.del(key);
    } while (cursor !== '0');
  }
  return deleted;
}

/** After a suite: deletes the keys it made under `prefix` on the given server, with a client of its own. */
export async function deleteTestKeys(url: string, prefix: string): Promise<void> {
  const { createRedisClient, waitForRedisReady } = await import('../../src/storage/redisConnection.js');
  const cleaner = createRedisClient({ url });
  try {
    await waitForRedisReady(cleaner);
    await deleteKeysWithPrefix(cleaner, prefix);
  } finally {
    cleaner.disconnect();
  }
}
