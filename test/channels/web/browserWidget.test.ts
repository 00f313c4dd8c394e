import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { haveChromium, launchChromium, requireChromium, screenshot, watchForProblems } from '../../support/browser.js';
import { startWebServer, type WebServer } from './support.js';
import { startHostSite, type HostSite } from './hostSite.js';

describe('the chat widget on another website (headless Chromium)', () => {
  let bot: WebServer | undefined;
  let site: HostSite | undefined;
  let browser: Browser | undefined;
  let siteOrigin = '';

  beforeAll(async () => {
    if (!haveChromium) return;
    site = await startHostSite();
    siteOrigin = site.origin;
    bot = await startWebServer({ env: { WEB_ALLOWED_ORIGINS: siteOrigin } });
    site.useBot(bot.url);
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await site?.close();
  });

  it('adds a launcher; the panel chats with the bot across origins and sends the site identity token', async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchForProblems(page);
    const identityTokens: unknown[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/activities')) identityTokens.push(request.postDataJSON()?.channelData?.identityToken);
    });
    try {
      await page.goto(siteOrigin);
      const launcher = page.getByRole('button', { name: 'Open the chat: Ask about ASE tests' });
      await expect.poll(() => launcher.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      await launcher.click();
      expect(await launcher.getAttribute('aria-expanded')).toBe('true');

      const panel = page.getByRole('region', { name: 'Ask about ASE tests' });
      await expect.poll(() => panel.locator('.webchat__bubble__content').allInnerTexts(), { timeout: 15_000 }).toContainEqual(
        expect.stringContaining('ASE Candidate Assistant'),
      );
      const input = panel.locator('[data-id="webchat-sendbox-input"]');
      await input.fill('How much does a duplicate certificate cost?');
      await input.press('Enter');
      await expect.poll(async () => (await panel.locator('.webchat__bubble__content').allInnerTexts()).join(' '), { timeout: 10_000 }).toContain('$7.50');
      await screenshot(page, 'widget-on-another-site.png');

      // The site's colour on the header; the panel inside the window.
      expect(await panel.locator('.ca-chat__header').evaluate((header) => getComputedStyle(header).backgroundColor)).toBe('rgb(122, 31, 31)');
      expect(identityTokens.length).toBeGreaterThan(0);
      expect(identityTokens.every((token) => token === 'site-identity-token-123')).toBe(true);

      // Escape closes the panel and gives the focus back to the launcher.
      await input.press('Escape');
      expect(await panel.isHidden()).toBe(true);
      expect(await launcher.evaluate((button) => button === document.activeElement)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('refuses a site that is not in WEB_ALLOWED_ORIGINS: its browser gets no CORS answer, the panel says so', async (context) => {
    requireChromium(context);
    const page = await browser!.newPage();
    try {
      // The same site under another name is another origin, and not on the list.
      const other = siteOrigin.replace('localhost', '127.0.0.1');
      await page.goto(other);
      await page.getByRole('button', { name: /Open the chat/ }).click();
      await expect.poll(() => page.locator('.ca-chat__status').innerText(), { timeout: 10_000 }).toMatch(/could not start/);
    } finally {
      await page.close();
    }
  }, 30_000);
});
