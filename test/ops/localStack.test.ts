import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// deploy/local-stack.mjs: the compose topology as plain processes. Two production instances
// (NODE_ENV=production, staff from a staff accounts file, one shared DIRECTLINE_LOCAL_SECRET) on
// one redis-server behind nginx running deploy/nginx.conf, then a Web Chat conversation and a
// handoff to an agent through nginx. The instances run the build (dist/server.mjs, as the image
// does) when it is newer than every source (CI builds before it tests), else the sources through tsx.

const run = promisify(execFile);
const has = (command: string, flag: string) => spawnSync(command, [flag], { stdio: 'ignore' }).status === 0;
const hasRedis = has('redis-server', '--version');
const hasNginx = has('nginx', '-v');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}
const built = 'dist/server.mjs';
const builtIsCurrent = existsSync(built) && statSync(built).mtimeMs > Math.max(newest('src'), newest('dialogs'));
const entry = builtIsCurrent ? built : 'src/index.ts';

if (!hasRedis || !hasNginx) {
  const missing = [!hasRedis && 'redis-server', !hasNginx && 'nginx'].filter(Boolean).join(' and ');
  if (process.env.CI) throw new Error(`localStack.test: ${missing} not on PATH (apt-get install -y redis-server nginx-light)`);
  console.warn(`[local stack] skipped: ${missing} not on PATH (apt-get install -y redis-server nginx-light; with CI set this fails instead)`);
}

describe.skipIf(!hasRedis || !hasNginx)(`the compose topology as processes (two instances of ${entry} behind nginx, one Redis)`, () => {
  let stdout = '';
  beforeAll(async () => {
    nock.restore(); // loopback only: nginx, the instances and the script talk among themselves
    const result = await run(process.execPath, ['deploy/local-stack.mjs', '--instances', '2', '--entry', entry], { timeout: 110_000 }).then(
      (done) => done,
      (error: { stdout: string; stderr: string }) => error,
    );
    stdout = `${result.stdout}\n${result.stderr}`;
  }, 120_000);
  afterAll(() => {
    nock.activate();
  });

  it('starts both instances in production with the shared settings and puts nginx with deploy/nginx.conf in front', () => {
    expect(stdout).toContain('2 instances (NODE_ENV=production');
    expect(stdout).toContain('nginx (deploy/nginx.conf) on http://127.0.0.1:');
  });

  it('keeps /metrics off the public proxy', () => {
    expect(stdout).toMatch(/^ok {3}\/metrics through the proxy answers 404/m);
  });

  it('carries Web Chat conversations whose tokens one instance signs and the other checks', () => {
    expect(stdout).toMatch(/^ok {3}deploy\/smoke\.mjs: 4 passed, 0 failed/m);
  });

  it('hands a candidate to an agent who signs in with the staff accounts file, across instances', () => {
    expect(stdout).toMatch(/^ok {3}handoff: case C-\d+ queued, claimed by agent1 through the proxy, the reply reached the candidate/m);
    expect(stdout).toMatch(/^ok {3}nginx spread the candidate's requests over 2 instances and the agent's over 2/m);
    expect(stdout).toMatch(/^ok {3}turns run per instance: [1-9]\d*, [1-9]\d*/m);
  });

  it('passes as a whole, or prints what failed', () => {
    expect(stdout, stdout).toContain('local stack: all checks passed');
  });
});
