import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

// Production refuses to start on demo data or demo secrets (src/productionChecks.ts): one message
// naming every problem, checked here on the parser and on the process `npm start` runs.

const ready = {
  NODE_ENV: 'production',
  MicrosoftAppId: '00000000-0000-0000-0000-00000000abcd',
  MicrosoftAppPassword: 'app-password-value',
  ACCOUNT_API_URL: 'https://accounts.example.org',
  ACCOUNT_API_KEY: 'account-api-key',
};

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
};

const names = (problems: string[]) => problems.map((problem) => problem.split(':')[0]);

describe('production refuses demo data and demo secrets', () => {
  it('a production environment with a real account API, an app id and no demo settings starts', () => {
    expect(problemsOf(ready)).toEqual([]);
  });

  it('without ACCOUNT_API_URL production would serve the demo accounts, and is refused saying so', () => {
    const { ACCOUNT_API_URL: _url, ACCOUNT_API_KEY: _key, ...withoutApi } = ready;
    const problems = problemsOf(withoutApi);
    expect(names(problems)).toEqual(['ACCOUNT_API_URL']);
    expect(problems[0]).toMatch(/demo accounts/);
  });

  it('a demo staff password is refused in production', () => {
    expect(names(problemsOf({ ...ready, STAFF_DEMO_PASSWORD: 'demo-staff-pass' }))).toEqual(['STAFF_DEMO_PASSWORD']);
  });

  it.each(['REDIS_URL', 'REDIS_CLUSTER_NODES', 'REDIS_SENTINELS'])('with %s (several instances) and no shared Direct Line key, production is refused', (name) => {
    const redis = { REDIS_URL: 'redis://redis:6379/0', REDIS_CLUSTER_NODES: 'redis:6379', REDIS_SENTINELS: 'sentinel:26379' }[name]!;
    const env = { ...ready, [name]: redis, ...(name === 'REDIS_SENTINELS' ? { REDIS_SENTINEL_NAME: 'mymaster' } : {}) };
    const problems = problemsOf(env);
    expect(names(problems)).toEqual(['DIRECTLINE_LOCAL_SECRET']);
    expect(problems[0]).toContain(name);
  });

  it('several instances may share DIRECTLINE_LOCAL_SECRET, or use Azure Direct Line (DIRECTLINE_SECRET) instead', () => {
    const redis = { ...ready, REDIS_URL: 'redis://redis:6379/0' };
    expect(problemsOf({ ...redis, DIRECTLINE_LOCAL_SECRET: 'x'.repeat(48) })).toEqual([]);
    expect(problemsOf({ ...redis, DIRECTLINE_SECRET: 'azure-direct-line-secret' })).toEqual([]);
  });

  it('outside production the demo accounts, demo staff and a per-process token key are allowed', () => {
    expect(problemsOf({ NODE_ENV: 'development', STAFF_DEMO_PASSWORD: 'demo-staff-pass', REDIS_URL: 'redis://redis:6379/0' })).toEqual([]);
  });

  it('every problem is listed at once, next to a bad value of another variable', () => {
    const problems = problemsOf({ NODE_ENV: 'production', STAFF_DEMO_PASSWORD: 'demo-staff-pass', REDIS_URL: 'redis://redis:6379/0', PORT: 'eighty' });
    expect(names(problems).sort()).toEqual(['ACCOUNT_API_URL', 'DIRECTLINE_LOCAL_SECRET', 'MicrosoftAppId', 'PORT', 'STAFF_DEMO_PASSWORD']);
  });
});

describe('the process refusing to start in production', () => {
  it('exits non-zero with one message naming every problem and no stack trace', async () => {
    const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/index.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', STAFF_DEMO_PASSWORD: 'demo-staff-pass', REDIS_URL: 'redis://127.0.0.1:1/0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(78);
    for (const name of ['MicrosoftAppId', 'ACCOUNT_API_URL', 'STAFF_DEMO_PASSWORD', 'DIRECTLINE_LOCAL_SECRET']) expect(output).toContain(`  - ${name}:`);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('demo-staff-pass');
  }, 30_000);
});
