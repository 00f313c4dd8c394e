import { execFile } from 'node:child_process';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../support/conversation.js';
import { listenOnLoopback } from '../support/loopback.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';

// deploy/smoke.mjs, the compose stack's smoke test, run here against what compose runs: two
// replicas of the application on one Redis behind a round-robin proxy (nginx's part, in Node: no
// Docker engine here). It passes when the replicas share DIRECTLINE_LOCAL_SECRET, and catches them
// when they do not (each would refuse the other's Web Chat tokens).

const gate = redisSuiteGate('compose smoke test');
const run = promisify(execFile);

/** Round-robin over the targets, one request each in turn (as nginx's upstream does). */
async function roundRobin(targets: string[]) {
  let next = 0;
  const proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url ?? '/', targets[next++ % targets.length]);
    const forwarded = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forwarded);
  });
  return listenOnLoopback(proxy);
}

describe.skipIf(gate.skip)('deploy/smoke.mjs against two replicas behind a round-robin proxy', () => {
  let redis: TestRedis;
  const prefix = `compose-smoke-${process.pid}-`;
  beforeAll(async () => {
    nock.restore(); // loopback only: the proxy, the replicas and the script talk among themselves
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await deleteTestKeys(redis.url, prefix);
    await redis.stop();
    nock.activate();
  });

  const replicas = async (secrets: [string, string], keyPrefix: string): Promise<RunningBot[]> =>
    Promise.all(secrets.map((secret) => startBot({ now: new Date(), env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: keyPrefix, DIRECTLINE_LOCAL_SECRET: secret } })));

  it('passes every round when both replicas share the secret and Redis', async () => {
    const bots = await replicas(['s'.repeat(40), 's'.repeat(40)], `${prefix}shared:`);
    const lb = await roundRobin(bots.map((bot) => bot.url));
    try {
      const { stdout } = await run(process.execPath, ['deploy/smoke.mjs', lb.url, '4'], { timeout: 60_000 });
      expect(stdout).toContain('4 passed, 0 failed');
    } finally {
      await lb.close();
      await Promise.all(bots.map((bot) => bot.close()));
    }
  }, 90_000);

  it('fails when each replica has its own secret, naming the refused request', async () => {
    const bots = await replicas(['a'.repeat(40), 'b'.repeat(40)], `${prefix}apart:`);
    const lb = await roundRobin(bots.map((bot) => bot.url));
    try {
      const failure = await run(process.execPath, ['deploy/smoke.mjs', lb.url, '2'], { timeout: 60_000 }).then(
        () => undefined,
        (error: { code: number; stderr: string; stdout: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(/answered 403/);
      expect(failure?.stdout).toContain('0 passed, 2 failed');
    } finally {
      await lb.close();
      await Promise.all(bots.map((bot) => bot.close()));
    }
  }, 90_000);
});
