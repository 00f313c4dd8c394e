import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startupBanner, startupRecord, type StartupFacts } from '../../src/logging/startupBanner.js';
import { startBot, type RunningBot } from '../support/conversation.js';
import { freePort, postMessage, startConnectorSink } from '../support/loopback.js';
import { startChildBot } from '../security/childServer.js';
import { capturedLog } from '../security/logCapture.js';

// Logs as an operator reads them: a refused request is one JSON line with its request id and no
// stack trace; the start-up message names only what is served.

const activity = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'message', text: 'hi', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' }, ...overrides });

describe('expected refusals in the log', () => {
  const log = capturedLog();
  const authLog = capturedLog();
  let bot: RunningBot;
  let authenticated: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ logger: log.logger, env: { RATE_LIMIT_MESSAGES: '1/60', DEV_SERVICE_URL_ALLOW: '' } });
    authenticated = await startBot({ logger: authLog.logger, env: { MicrosoftAppId: '00000000-0000-0000-0000-00000000abcd', MicrosoftAppPassword: 'app-password-value' } });
  });
  afterAll(async () => {
    await bot.close();
    await authenticated.close();
  });

  it('401, 403, 404, 413, 415 and 429 are each one info line with a request id, and never a stack trace', async () => {
    const sink = await startConnectorSink();
    try {
      const post = (url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => fetch(`${url}/api/messages`, { method: 'POST', headers, body });
      const answers: Array<[number, Response]> = [
        [401, await post(authenticated.url, activity())],
        [403, await post(bot.url, activity({ serviceUrl: 'https://elsewhere.example.com' }))],
        [404, await fetch(`${bot.url}/no-such-page`)],
        [413, await post(bot.url, JSON.stringify({ text: 'x'.repeat(300 * 1024) }))],
        [415, await post(bot.url, 'hello', { 'content-type': 'text/plain' })],
      ];
      await postMessage(`${bot.url}/api/messages`, { id: 'a', text: 'hi', conversation: 'limited', serviceUrl: sink.url });
      answers.push([429, await postMessage(`${bot.url}/api/messages`, { id: 'b', text: 'hi again', conversation: 'limited', serviceUrl: sink.url })]);
      const lines = [...log.lines, ...authLog.lines].filter((line) => line.refused);
      for (const [status, response] of answers) {
        expect(response.status).toBe(status);
        const id = response.headers.get('x-request-id');
        expect(id).toBeTruthy();
        const logged = lines.filter((line) => line.requestId === id);
        expect(logged).toHaveLength(1);
        expect(logged[0]).toMatchObject({ level: 30, refused: status });
        expect(logged[0]).not.toHaveProperty('err');
      }
      expect([...log.raw, ...authLog.raw].join('\n')).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
    } finally {
      await sink.close();
    }
  });

  it("a proxy's X-Request-Id is kept, so one id follows the request through both logs", async () => {
    const response = await fetch(`${bot.url}/no-such-page`, { headers: { 'x-request-id': 'nginx-0123abcd' } });
    expect(response.headers.get('x-request-id')).toBe('nginx-0123abcd');
    expect(log.lines.find((line) => line.requestId === 'nginx-0123abcd')).toMatchObject({ refused: 404 });
    const odd = await fetch(`${bot.url}/no-such-page`, { headers: { 'x-request-id': 'has spaces and "quotes"' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the start-up message', () => {
  const facts: StartupFacts = { url: 'http://localhost:3978', store: 'memory', auth: 'none (emulator mode)', entries: 22, staff: 'mounted', metrics: 'open' };

  it('on a terminal: the page, the Bot Framework endpoint, the staff console with the demo password, in a few plain lines', () => {
    const banner = startupBanner({ ...facts, demoStaff: { generated: 'Xy12-generated' } });
    expect(banner).toContain('http://localhost:3978/\n');
    expect(banner).toContain('http://localhost:3978/api/messages');
    expect(banner).toContain('http://localhost:3978/staff');
    expect(banner).toContain('password: Xy12-generated');
    expect(banner.trim().split('\n').length).toBeLessThanOrEqual(8);
    expect(banner).not.toContain('{');
  });

  it.each(['no-accounts', 'off', 'external'] as const)('never advertises /staff when the console is not mounted (%s), and says why', (staff) => {
    const banner = startupBanner({ ...facts, staff });
    const record = startupRecord({ ...facts, staff });
    expect(banner).not.toContain('/staff');
    expect(record.message).not.toContain('/staff');
    expect(banner).toMatch(/no staff console/);
    expect(record.fields.staffConsole).toBe(staff);
  });

  it('the process, logging to a file, writes one JSON line without /staff when handoff is off, and /staff is indeed 404', async () => {
    const child = await startChildBot({ HANDOFF_MODE: 'off' });
    try {
      const started = child.stdout.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => String(line.msg).startsWith('Candidate Assistant on'));
      expect(started).toBeDefined();
      expect(started!.msg).not.toContain('/staff');
      expect(started!.staffConsole).toBe('off');
      expect((await fetch(`${child.url}/staff`)).status).toBe(404);
    } finally {
      await child.stop();
    }
  }, 40_000);

  it('a port another process holds stops the start with one line that says so (exit 1), never a stack trace', async () => {
    const holder = (await import('node:net')).createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info' };
      const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/index.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(output).toContain(`cannot listen on port ${port}: another process is using it`);
      expect(output).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
      expect(output).not.toContain('Unhandled');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 40_000);

  it('the process on a terminal prints the banner, with /staff when the console is there (and it is)', async () => {
    const port = await freePort();
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), STAFF_DEMO_PASSWORD: 'banner-test-pass', SHUTDOWN_DRAIN_MS: '0', TERM: 'dumb' };
    // script(1) gives the server a pseudo-terminal as stdout; its own group is stopped as a whole.
    const child = spawn('script', ['-qfec', `${process.execPath} --no-deprecation --import tsx src/index.ts`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const deadline = Date.now() + 30_000;
      while (!output.includes('Candidate Assistant is ready')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no banner: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(output).toContain(`http://127.0.0.1:${port}/staff`);
      expect(output).toContain('password: the value of STAFF_DEMO_PASSWORD');
      expect((await fetch(`http://127.0.0.1:${port}/staff`)).status).toBe(200);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      // script(1) passes the signal on and waits for the server: nothing is left listening.
      expect(await fetch(`http://127.0.0.1:${port}/healthz`).then(() => 'listening', () => 'closed')).toBe('closed');
    }
  }, 40_000);
});
