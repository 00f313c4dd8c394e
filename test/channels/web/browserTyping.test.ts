import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TurnContext } from 'botbuilder';
import { haveChromium, launchChromium, requireChromium, screenshot } from '../../support/browser.js';
import { startWebServer, type WebServer } from './support.js';

describe('the bot typing while a turn runs, on a page that polls (headless Chromium)', () => {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  /** The turn for "slow" ends when the test says so (an account look-up that takes its time). */
  let finishSlowTurn = () => {};

  beforeAll(async () => {
    if (!haveChromium) return;
    server = await startWebServer({
      env: { DIRECTLINE_LOCAL_WEBSOCKET: 'false' },
      onTurn: async (context: TurnContext) => {
        if (context.activity.type !== 'message') return;
        if (context.activity.text === 'slow') await new Promise<void>((resolve) => (finishSlowTurn = resolve));
        await context.sendActivity(`done: ${context.activity.text}`);
      },
    });
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    finishSlowTurn();
    await browser?.close();
    await server?.close();
  });

  it("shows Web Chat's typing indicator from the poll while the turn runs, and the reply in its place after", { timeout: 60_000 }, async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ viewport: { width: 900, height: 700 } });
    let sockets = 0;
    page.on('websocket', () => sockets++);
    await page.goto(server!.url, { waitUntil: 'load' });
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('slow');
    await input.press('Enter');
    const typing = page.locator('.webchat__typing-indicator');
    await expect.poll(() => typing.count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, 'web-chat-polling-typing.png');
    finishSlowTurn();
    const transcript = page.locator('.webchat__basic-transcript');
    await expect.poll(() => transcript.innerText(), { timeout: 10_000 }).toContain('done: slow');
    await expect.poll(() => typing.count(), { timeout: 10_000 }).toBe(0);
    expect(sockets).toBe(0);
  });
});
