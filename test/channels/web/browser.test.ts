import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { haveChromium, launchChromium, requireChromium, screenshot as saveScreenshot } from '../../support/browser.js';
import { DirectLineStore, type ConversationRecord } from '../../../src/channels/web/directLineStore.js';
import { startWebServer, type WebServer } from './support.js';

describe.each([
  { transport: 'polling', env: { DIRECTLINE_LOCAL_WEBSOCKET: 'false' } as Record<string, string>, screenshot: 'web-chat.png', streams: false },
  { transport: 'WebSocket stream (the default)', env: {}, screenshot: 'web-chat-websocket.png', streams: true },
])('the website chat in headless Chromium ($transport)', ({ env, screenshot, streams }) => {
  let server: WebServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!haveChromium) return;
    server = await startWebServer({ env });
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the page, is welcomed, asks a question and sees the answer', async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ timezoneId: 'America/Los_Angeles', locale: 'en-US', viewport: { width: 900, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    // CSP violations and failed loads show up here too.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    let polls = 0;
    let sockets = 0;
    page.on('request', (request) => {
      if (request.method() === 'GET' && /\/activities\?watermark=/.test(request.url())) polls++;
    });
    page.on('websocket', () => sockets++);

    const tokenResponse = page.waitForResponse((response) => response.url().endsWith('/api/directline/token'));
    await page.goto(server!.url, { waitUntil: 'load' });
    const { conversationId } = (await (await tokenResponse).json()) as { conversationId: string };

    const transcript = page.locator('.webchat__basic-transcript');
    // Web Chat's Markdown turns the apostrophe in "I'm" into a typographic one; match around it.
    await expect.poll(() => transcript.innerText(), { timeout: 15_000 }).toContain('the ASE Candidate Assistant');

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('How much does a duplicate certificate cost?');
    await input.press('Enter');
    await expect.poll(() => transcript.innerText(), { timeout: 15_000 }).toContain('$7.50');

    await saveScreenshot(page, screenshot, { fullPage: true });

    // Every activity the page sent carries the browser's time zone and locale; the page announced itself.
    const record = (await new DirectLineStore(server!.storage).get(conversationId)) as ConversationRecord;
    const fromPage = record.activities.filter((activity) => (activity.from as { role?: string }).role === 'user');
    expect(fromPage.map((activity) => [activity.type, activity.name ?? activity.text])).toEqual([
      ['event', 'webchat/join'],
      ['message', 'How much does a duplicate certificate cost?'],
    ]);
    for (const activity of fromPage) expect(activity).toMatchObject({ localTimezone: 'America/Los_Angeles', locale: 'en-US' });
    expect(problems).toEqual([]);
    expect({ polled: polls > 0, streamed: sockets > 0 }).toEqual({ polled: !streams, streamed: streams });
  });
});
