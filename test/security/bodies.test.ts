// Request bodies: nothing a client sends is ever written to disk, whatever its type or size, and
// every POST route takes only the media type it reads (issue 15: formidable wrote multipart uploads
// of any size to the temp directory and never deleted them).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../support/conversation.js';
import { routesOf, startSecuredBot } from './support.js';

let bot: RunningBot;
let uploads: string;
const previousTmp = process.env.TMPDIR;

beforeAll(async () => {
  // os.tmpdir() reads TMPDIR on every call: any parser that spills to "the temp directory" spills here.
  uploads = mkdtempSync(join(tmpdir(), 'security-uploads-'));
  process.env.TMPDIR = uploads;
  bot = await startSecuredBot();
});

afterAll(async () => {
  await bot?.close();
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  rmSync(uploads, { recursive: true, force: true });
});

const multipart = (size: number) => {
  const boundary = '----security-suite-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.alloc(size, 0x41),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
};

describe('request bodies', () => {
  it('answers multipart to every POST route with 415 and writes no file (1 MB each)', async () => {
    const routes = routesOf(bot.app.http.server, 'POST');
    expect(routes).toEqual(expect.arrayContaining(['/api/messages', '/api/directline/token', '/api/sms/twilio', '/staff/api/login']));
    const { body, type } = multipart(1024 * 1024);
    let answered = 0;
    for (const route of routes) {
      const response = await fetch(`${bot.url}${route}`, { method: 'POST', headers: { 'content-type': type }, body }).catch((error: Error) => error);
      // The server may close before the whole upload is sent; then fetch sees the reset, not the 415.
      if (response instanceof Error) continue;
      expect(response.status, route).toBe(415);
      expect(await response.json()).toMatchObject({ error: expect.stringMatching(/takes application\//) });
      answered++;
    }
    expect(answered).toBeGreaterThan(routes.length / 2);
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('takes JSON on the JSON routes and only a form on the Twilio webhook', async () => {
    const form = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(415);
    const json = await fetch(`${bot.url}/api/sms/twilio`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    const text = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
    const token = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(token.status).toBe(200);
    // A form to the webhook is read (and then refused for its missing signature, not its type).
    const webhook = await fetch(`${bot.url}/api/sms/twilio`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'From=%2B15551234567&Body=hi' });
    expect(webhook.status).toBe(403);
  });

  it('refuses a body over 256 KB with 413 and bad JSON with 400, never 5xx', async () => {
    const big = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(300 * 1024)}"` }).catch((error: Error) => error);
    if (!(big instanceof Error)) expect(big.status).toBe(413);
    const bad = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: expect.stringMatching(/not valid JSON/) });
    expect(readdirSync(uploads)).toEqual([]);
  });
});
