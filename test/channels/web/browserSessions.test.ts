import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createRedisClient, waitForRedisReady } from '../../../src/storage/redisConnection.js';
import { redisStore, type StateStore } from '../../../src/storage/stateStore.js';
import type { RedisClient } from '../../../src/storage/redisStorage.js';
import { haveChromium, launchChromium, requireChromium, screenshot, watchForProblems } from '../../support/browser.js';
import { deleteKeysWithPrefix, redisAvailable, startRedisServer, type TestRedis } from '../../support/redisServer.js';
import { testConfig } from '../../support/testApp.js';
import { startWebServer, type WebServer } from './support.js';

const secret = 'a-shared-directline-secret-of-32+chars';

/** What the candidate sees in the transcript, one entry per message bubble's text. */
const bubbles = (page: Page) => page.locator('.webchat__bubble__content').allInnerTexts();
const ask = async (page: Page, text: string) => {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
};
const saved = (page: Page) =>
  page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('candidate-assistant.chat:'));
    return key ? (JSON.parse(sessionStorage.getItem(key)!) as { conversationId: string; watermark: string }) : undefined;
  });
const count = (texts: string[], part: string) => texts.filter((text) => text.includes(part)).length;

/**
 * A load balancer in front of several instances: each TCP connection (HTTP or WebSocket) goes to
 * the next backend in turn, and to another one when that one refuses.
 */
async function startBalancer(backends: number[]) {
  let next = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const attempt = (tries: number) => {
      const port = backends[next++ % backends.length]!;
      const upstream = createConnection({ host: '127.0.0.1', port });
      upstream.once('connect', () => {
        client.pipe(upstream).pipe(client);
        upstream.on('error', () => client.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
      });
      upstream.once('error', () => (tries > 1 ? attempt(tries - 1) : client.destroy()));
    };
    client.on('error', () => undefined);
    attempt(backends.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a website chat that lasts (headless Chromium)', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (haveChromium) browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('carries on after a reload: same conversation, the history shown again, nothing twice', async (context) => {
    requireChromium(context);
    const server = await startWebServer({ env: { DIRECTLINE_LOCAL_SECRET: secret } });
    const page = await browser!.newPage({ viewport: { width: 900, height: 800 } });
    try {
      const problems = watchForProblems(page);
      await page.goto(server.url);
      await expect.poll(() => bubbles(page), { timeout: 15_000 }).toContainEqual(expect.stringContaining('ASE Candidate Assistant'));
      await ask(page, 'How much does a duplicate certificate cost?');
      await expect.poll(async () => count(await bubbles(page), '$7.50'), { timeout: 10_000 }).toBeGreaterThan(0);
      const before = await saved(page);
      expect(before?.conversationId).toBeTruthy();

      await page.reload();
      // The history is back: the welcome, the question and the answer, each once.
      await expect.poll(async () => count(await bubbles(page), '$7.50'), { timeout: 15_000 }).toBe(1);
      const history = await bubbles(page);
      expect(count(history, 'ASE Candidate Assistant')).toBe(1);
      expect(count(history, 'How much does a duplicate certificate cost?')).toBe(1);
      expect((await saved(page))?.conversationId).toBe(before!.conversationId);

      await ask(page, 'When can I retake a test I failed?');
      await expect.poll(async () => count(await bubbles(page), '30 full days'), { timeout: 10_000 }).toBe(1);
      await screenshot(page, 'web-chat-after-reload.png');
      // The server kept one conversation: one welcome, two questions (the reload sent no second join).
      const record = await server.web.store!.get(before!.conversationId);
      const fromUser = record!.activities.filter((activity) => (activity.from as { role?: string }).role === 'user');
      expect(fromUser.map((activity) => activity.text ?? activity.name)).toEqual([
        'webchat/join',
        'How much does a duplicate certificate cost?',
        'When can I retake a test I failed?',
      ]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  }, 60_000);

  describe.skipIf(!redisAvailable() && !process.env.CI)('on Redis', () => {
    let redis: TestRedis;
    const clients: RedisClient[] = [];
    const stores: StateStore[] = [];
    const prefix = `web-restart-${process.pid}:`;

    /** An instance of the bot on the shared Redis and secret, on the given port (a restart reuses it). */
    const instance = async (port?: number) => {
      const client = createRedisClient({ url: redis.url });
      await waitForRedisReady(client, 5000);
      clients.push(client);
      const store = redisStore(client, { ...testConfig(), REDIS_KEY_PREFIX: prefix, CONVERSATION_STATE_TTL_SECONDS: 3600 });
      stores.push(store);
      return startWebServer({ env: { DIRECTLINE_LOCAL_SECRET: secret }, storage: store.storage, gate: store.gate, port });
    };

    beforeAll(async () => {
      redis = await startRedisServer();
    }, 30_000);
    afterAll(async () => {
      if (clients[0]) await deleteKeysWithPrefix(clients[0], prefix);
      for (const store of stores) await store.close();
      await redis?.stop();
    });

    it('says "Reconnecting" while the server restarts, then carries on with no message lost or doubled', async (context) => {
      requireChromium(context);
      let server: WebServer = await instance();
      const port = Number(new URL(server.url).port);
      const page = await browser!.newPage({ viewport: { width: 900, height: 800 } });
      try {
        // While the server is down the page's requests fail: that is the point of the test.
        const problems = watchForProblems(page, () => true).filter((problem) => !/ERR_CONNECTION_REFUSED|Failed to load resource|WebSocket/.test(problem));
        await page.goto(server.url);
        await expect.poll(() => bubbles(page), { timeout: 15_000 }).toContainEqual(expect.stringContaining('ASE Candidate Assistant'));
        await ask(page, 'How much does a duplicate certificate cost?');
        await expect.poll(async () => count(await bubbles(page), '$7.50'), { timeout: 10_000 }).toBe(1);

        await server.close();
        const status = page.locator('.ca-chat__status');
        await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe('Reconnecting...');
        await screenshot(page, 'web-chat-reconnecting.png');

        server = await instance(port);
        await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe('');
        await ask(page, 'When can I retake a test I failed?');
        await expect.poll(async () => count(await bubbles(page), '30 full days'), { timeout: 10_000 }).toBe(1);
        await screenshot(page, 'web-chat-after-restart.png');

        const texts = await bubbles(page);
        expect(count(texts, 'ASE Candidate Assistant')).toBe(1);
        expect(count(texts, '$7.50')).toBe(1);
        expect(count(texts, 'When can I retake a test I failed?')).toBe(1);
        expect(problems.filter((problem) => !problem.startsWith('console:'))).toEqual([]);
      } finally {
        await page.close();
        await server.close();
      }
    }, 60_000);

    it('survives a rolling restart of two instances behind a balancer, one after the other, with no message lost or doubled', async (context) => {
      requireChromium(context);
      const first = await instance();
      const second = await instance();
      const ports = [first, second].map((server) => Number(new URL(server.url).port));
      const running: WebServer[] = [first, second];
      const balancer = await startBalancer(ports);
      const page = await browser!.newPage({ viewport: { width: 900, height: 800 } });
      try {
        await page.goto(balancer.url);
        await expect.poll(() => bubbles(page), { timeout: 15_000 }).toContainEqual(expect.stringContaining('ASE Candidate Assistant'));
        const questions: Array<[string, string]> = [
          ['How much does a duplicate certificate cost?', '$7.50'],
          ['When can I retake a test I failed?', '30 full days'],
          ['When will I receive my test results?', 'myASE'],
        ];
        const [q1, q2, q3] = questions;
        await ask(page, q1![0]);
        await expect.poll(async () => count(await bubbles(page), q1![1]), { timeout: 10_000 }).toBe(1);

        // Deploy: the first instance restarts (same port), then the second; the chat goes on between.
        const status = page.locator('.ca-chat__status');
        // A page whose stream was on the stopped instance notices within a moment; waiting for that
        // (or for the moment to pass) keeps the check below from seeing the status before it changes.
        const noticed = () => expect.poll(() => status.innerText(), { timeout: 1_500 }).toBe('Reconnecting...').catch(() => undefined);
        await running[0]!.close();
        await noticed();
        running[0] = await instance(ports[0]);
        // A page whose stream was on the stopped instance says "Reconnecting..." for a moment (Web
        // Chat does not send meanwhile); one whose stream was on the other never notices.
        await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe('');
        await ask(page, q2![0]);
        await expect.poll(async () => count(await bubbles(page), q2![1]), { timeout: 15_000 }).toBe(1);
        await running[1]!.close();
        await noticed();
        running[1] = await instance(ports[1]);
        await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe('');
        await ask(page, q3![0]);
        await expect.poll(async () => (await bubbles(page)).filter((text) => text.includes(q3![0])).length, { timeout: 15_000 }).toBe(1);
        await expect.poll(async () => (await bubbles(page)).length, { timeout: 15_000 }).toBe(7);

        // Every message once: the welcome, three questions, three answers.
        const texts = await bubbles(page);
        expect(count(texts, 'ASE Candidate Assistant')).toBe(1);
        for (const [question, answer] of questions) {
          expect(texts.filter((text) => text === question).length).toBe(1);
          expect(count(texts, answer)).toBeGreaterThanOrEqual(1);
        }
        expect(count(texts, '$7.50')).toBe(1);
        expect(count(texts, '30 full days')).toBe(1);
      } finally {
        await screenshot(page, 'web-chat-rolling-restart.png');
        await page.close();
        await balancer.close();
        for (const server of running) await server.close();
      }
    }, 90_000);
  });
});
