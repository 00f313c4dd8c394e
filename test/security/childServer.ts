import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../support/loopback.js';

/**
 * The bot as a separate process (`node --import tsx src/index.ts`, as `npm start` runs it), for tests
 * that need what only a process shows: its resident memory, its exit, its shutdown window.
 */
export interface ChildBot {
  url: string;
  pid: number;
  process: ChildProcess;
  /** Everything the process wrote to stdout (JSON log lines) and stderr. */
  stdout: string[];
  stderr: string[];
  /** Resident set size in MB, from /proc. */
  rssMb(): number;
  /** SIGTERM, then waits for the exit (SIGKILL after `ms`). */
  stop(ms?: number): Promise<number | null>;
}


export async function startChildBot(env: Record<string, string> = {}): Promise<ChildBot> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/index.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      STAFF_DEMO_PASSWORD: 'security-suite-password',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => stdout.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot process exited (${child.exitCode}): ${stderr.join('')} ${stdout.join('\n')}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('bot process did not start in 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    process: child,
    stdout,
    stderr,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    async stop(ms = 15_000) {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export { freePort };
