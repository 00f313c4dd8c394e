import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../support/conversation.js';
import { freePort, postMessage, startConnectorSink } from '../support/loopback.js';

// The server as the image runs it: the sources compiled by `npm run build`'s tsconfig and bundled
// with the packages they load (scripts/bundle.mjs), started with plain `node` (no tsx) on
// server.mjs, from the project root (knowledge/ and the Web Chat package are found from there).
// Built into test-artifacts/ so a developer's dist/ is left alone.

const OUT = 'test-artifacts/compiled';
const QUESTION = 'can i reschedule my test';

let server: ChildProcess | undefined;
let url = '';
let output = '';

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  await promisify(execFile)(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', OUT], { timeout: 170_000 });
  // The same step as `npm run build` after tsc: the browser files the server serves.
  await promisify(execFile)(process.execPath, ['scripts/copy-assets.mjs', OUT], { timeout: 30_000 });
  await promisify(execFile)(process.execPath, ['scripts/bundle.mjs', OUT], { timeout: 120_000 });
  const port = await freePort();
  server = spawn(process.execPath, ['--no-deprecation', `${OUT}/server.mjs`], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), STAFF_DEMO_PASSWORD: 'compiled-smoke-pass' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (!(await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`compiled server did not become ready: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 320_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(OUT, { recursive: true, force: true });
});

describe('the compiled server (node dist/server.mjs, as npm run start:prod and the image)', () => {
  it('builds the server and its dialogs to JavaScript beside each other, and one bundle of them', () => {
    expect(existsSync(`${OUT}/src/index.js`)).toBe(true);
    expect(existsSync(`${OUT}/dialogs/index.js`)).toBe(true);
    expect(existsSync(`${OUT}/server.mjs`)).toBe(true);
  });

  it('runs the bundle without the SDK parts a turn does not use (the package indexes would load them)', () => {
    const bundle = readFileSync(`${OUT}/server.mjs`, 'utf8');
    expect(bundle).not.toContain('recognizers-text');
    expect(bundle).not.toMatch(/node_modules\/twilio\/lib\/rest\//);
  });

  it('answers a question through /api/messages as the TypeScript sources do', async () => {
    const sink = await startConnectorSink();
    const source = await startBot({ now: new Date() });
    try {
      const response = await postMessage(`${url}/api/messages`, { id: 'm1', text: QUESTION, conversation: 'compiled-smoke', serviceUrl: sink.url });
      expect(response.status).toBe(200);
      const compiled = (sink.said.get('compiled-smoke') ?? []).filter(Boolean);
      const expected = (await source.conversation().say(QUESTION)).activities.filter((a) => a.type === 'message' && a.text).map((a) => a.text);
      expect(compiled.length).toBeGreaterThan(0);
      expect(compiled).toEqual(expected);
    } finally {
      await source.close();
      await sink.close();
    }
  });

  it('serves the Web Chat page, its widget and stylesheet (copied beside the compiled modules) and Web Chat from the installed package', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const widget = /src="(\/webchat\/widget\.js[^"]*)"/.exec(html)?.[1];
    const css = /href="(\/webchat\/page\.css[^"]*)"/.exec(html)?.[1];
    expect(widget).toBeDefined();
    expect(css).toBeDefined();
    const widgetText = await (await fetch(`${url}${widget!.replace(/&amp;/g, '&')}`)).text();
    expect((await fetch(`${url}${css!.replace(/&amp;/g, '&')}`)).status).toBe(200);
    // The widget loads Web Chat itself, from the version it was built with.
    const webchat = /['"](\/webchat\/webchat\.js\?v=)['"]\s*\+\s*WEBCHAT_VERSION/.test(widgetText) ? /WEBCHAT_VERSION\s*=\s*("[^"]+")/.exec(widgetText)?.[1] : undefined;
    expect(webchat).toBeDefined();
    expect((await fetch(`${url}/webchat/webchat.js?v=${JSON.parse(webchat!)}`)).status).toBe(200);
  });

  it('serves the staff console and its hashed files (copied beside the compiled modules)', async () => {
    const page = await fetch(`${url}/staff`);
    expect(page.status).toBe(200);
    const assets = [...(await page.text()).matchAll(/(?:src|href)="(\/staff\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect((await fetch(`${url}${asset}`)).status, asset).toBe(200);
    // The insights' charting library, from the installed uplot package as Node finds it from the bundle.
    const library = assets.find((asset) => /\/uPlot\.iife\.min\.[A-Za-z0-9_-]{12}\.js$/.test(asset));
    expect(library).toBeDefined();
    expect(await (await fetch(`${url}${library!}`)).text()).toBe(readFileSync('node_modules/uplot/dist/uPlot.iife.min.js', 'utf8'));
  });
});
