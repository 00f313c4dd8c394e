// Start-up cost of the ways to run the server: `npm start` (tsx compiles TypeScript at start), node
// on tsc's output (dist/src/index.js) and `npm run start:prod` (node on dist/server.mjs, tsc's output
// bundled with the packages it loads; both after `npm run build`). For each, alternating, N rounds:
// the time from spawn to the first 200 from /readyz, the CPU time the process had used by then (less
// disturbed than the wall time by other work on the machine), and the resident memory after it has
// sat idle for a moment. Prints medians; docs/benchmarks.md (Operations) records a run.
//   npm run build && npm run startup:cost [-- --rounds 5 --idle-ms 3000]

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, 'idle-ms': { type: 'string', default: '3000' } } });
const rounds = Number(values.rounds);
const idleMs = Number(values['idle-ms']);

const modes = {
  'tsx (npm start)': ['--no-deprecation', '--import', 'tsx', 'src/index.ts'],
  'compiled (dist/src/index.js)': ['--no-deprecation', 'dist/src/index.js'],
  'bundled (npm run start:prod)': ['--no-deprecation', '--max-semi-space-size=4', 'dist/server.mjs'],
} as const;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** User + system CPU time of a process so far, in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function once(args: readonly string[]): Promise<{ readyMs: number; cpuMs: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...args], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', STAFF_DEMO_PASSWORD: 'startup-cost-pass' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) break;
      if (performance.now() - started > 30_000) throw new Error(`${args.join(' ')} not ready in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const readyMs = performance.now() - started;
    const cpu = cpuMs(child.pid!);
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN);
    return { readyMs, cpuMs: cpu, rssMb: rssKb / 1024 };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results = new Map<string, Array<{ readyMs: number; cpuMs: number; rssMb: number }>>();
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of Object.entries(modes)) {
    const result = await once(args);
    results.set(name, [...(results.get(name) ?? []), result]);
  }
}
console.log(`startup cost, ${rounds} alternating rounds, RSS after ${idleMs} ms idle (median [min-max]); load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
for (const [name, runs] of results) {
  const ready = runs.map((r) => r.readyMs);
  const rss = runs.map((r) => r.rssMb);
  const cpu = runs.map((r) => r.cpuMs);
  console.log(
    `${name.padEnd(30)} ready ${median(ready).toFixed(0)} ms [${Math.min(...ready).toFixed(0)}-${Math.max(...ready).toFixed(0)}]` +
      `  CPU to ready ${median(cpu).toFixed(0)} ms [${Math.min(...cpu).toFixed(0)}-${Math.max(...cpu).toFixed(0)}]` +
      `  idle RSS ${median(rss).toFixed(0)} MB [${Math.min(...rss).toFixed(0)}-${Math.max(...rss).toFixed(0)}]`,
  );
}
