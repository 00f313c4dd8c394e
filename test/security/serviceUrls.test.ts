// Without an app id the bot cannot tell a channel from anyone else, so it must not POST its replies
// wherever an activity's serviceUrl points (issue 15: a local Redis logged the bot's POST).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceUrlAllowed } from '../../src/http/serviceUrls.js';
import type { RunningBot } from '../support/conversation.js';
import { messageActivity } from '../support/http.js';
import { startSecuredBot } from './support.js';

/** A connector on loopback (as the Emulator or `npm run chat` runs one): counts what reaches it. */
let internal: { url: string; hits: number; close: () => Promise<void> };
let bot: RunningBot;

beforeAll(async () => {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    req.resume();
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  internal = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get hits() {
      return hits;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  bot = await startSecuredBot({ env: { DEV_SERVICE_URL_ALLOW: 'connector.test' } });
});
afterAll(async () => {
  await bot?.close();
  await internal?.close();
});

const post = (serviceUrl: string) =>
  fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity('how do I get a duplicate certificate?', { serviceUrl })),
  });

describe('replies without an app id', () => {
  it.each([
    'http://10.0.0.5:6379/',
    'http://169.254.169.254/latest/meta-data/',
    'http://redis:6379',
    'http://127.0.0.1.attacker.example/',
    'http://localhost.attacker.example/',
    'file:///etc/passwd',
    'gopher://127.0.0.1:6379/_INFO',
    'not a url',
  ])('refuses an activity whose serviceUrl is %s with 403, before any turn', async (serviceUrl) => {
    const response = await post(serviceUrl);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: expect.stringMatching(/DEV_SERVICE_URL_ALLOW/) });
  });

  it('answers an activity from loopback (the Emulator, npm run chat) by POSTing its reply there', async () => {
    const before = internal.hits;
    expect((await post(`${internal.url}/`)).status).toBe(200);
    expect(internal.hits).toBeGreaterThan(before);
  });

  it('reads the allow-list by host, and loopback in every spelling', () => {
    for (const url of ['http://127.0.0.1:3978/', 'http://localhost/', 'http://[::1]:80/', 'https://connector.test/v3', 'http://127.8.9.10/']) {
      expect(serviceUrlAllowed(url, ['connector.test']), url).toBe(true);
    }
    for (const url of ['http://connector.test.evil/', 'http://evil/connector.test', 'http://10.0.0.1/', 'ftp://127.0.0.1/', 42]) {
      expect(serviceUrlAllowed(url, ['connector.test']), String(url)).toBe(false);
    }
  });
});
