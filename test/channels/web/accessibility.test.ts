import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../../src/messages/en.js';
import { haveChromium, launchChromium, requireChromium, screenshot } from '../../support/browser.js';
import { startWebServer, type WebServer } from './support.js';
import { startHostSite, type HostSite } from './hostSite.js';

const viewports = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

/** axe's serious and critical findings, as "rule: where" lines (WCAG 2.1 A and AA, and best practice). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // axe did look: many rules applied and passed (contrast, names, landmarks...).
  expect(results.passes.length).toBeGreaterThan(15);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

const bubbles = (page: Page) => page.locator('.webchat__bubble__content').allInnerTexts();

describe('accessibility of the website chat (headless Chromium, axe-core)', () => {
  let bot: WebServer | undefined;
  let site: HostSite | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!haveChromium) return;
    site = await startHostSite();
    bot = await startWebServer({ env: { WEB_ALLOWED_ORIGINS: site.origin } });
    site.useBot(bot.url);
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await site?.close();
  });

  it.for(viewports)('the page at / ($name) has no serious or critical axe finding, with an answer and its buttons shown', { timeout: 60_000 }, async ({ name, viewport }, context) => {
    requireChromium(context);
    const browserContext = await browser!.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await browserContext.newPage();
    try {
      await page.goto(bot!.url);
      await expect.poll(() => bubbles(page), { timeout: 15_000 }).toContainEqual(expect.stringContaining('ASE Candidate Assistant'));
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await input.fill('How much does a duplicate certificate cost?');
      await input.press('Enter');
      await expect.poll(async () => (await bubbles(page)).join(' '), { timeout: 10_000 }).toContain('$7.50');
      await screenshot(page, `a11y-page-${name}.png`);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await browserContext.close();
    }
  });

  it.for(viewports)('the widget on another site ($name), closed and open, has no serious or critical axe finding', { timeout: 60_000 }, async ({ name, viewport }, context) => {
    requireChromium(context);
    const browserContext = await browser!.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await browserContext.newPage();
    try {
      await page.goto(site!.origin);
      const launcher = page.getByRole('button', { name: /Open the chat/ });
      await expect.poll(() => launcher.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await launcher.click();
      await expect.poll(() => bubbles(page), { timeout: 15_000 }).toContainEqual(expect.stringContaining('ASE Candidate Assistant'));
      await screenshot(page, `a11y-widget-${name}.png`);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await browserContext.close();
    }
  });

  it('works with the keyboard alone: open, ask, pick a button, rate, close', async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(site!.origin);
      await page.getByRole('button', { name: /Open the chat/ }).waitFor();
      // Tab to the launcher (the first focusable thing on this page) and open it with Enter.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open the chat: Ask about ASE tests');
      await page.keyboard.press('Enter');
      await expect.poll(() => bubbles(page), { timeout: 15_000 }).toContainEqual(expect.stringContaining('ASE Candidate Assistant'));
      // Opening puts the focus in the message box: type and send.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('webchat-sendbox-input');
      await page.keyboard.type('How much does a duplicate certificate cost?');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await bubbles(page)).join(' '), { timeout: 10_000 }).toContain('$7.50');

      // Web Chat's keyboard model: Tab to the chat history, arrows pick a message (the newest is
      // picked at first), Enter goes into it, Tab moves between its buttons, Escape comes back out.
      const focused = () =>
        page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          return { label: element?.getAttribute('aria-label') ?? '', text: element?.innerText?.trim() ?? '' };
        });
      const tabUntil = async (matches: (now: { label: string; text: string }) => boolean, limit = 20) => {
        for (let i = 0; i < limit; i++) {
          if (matches(await focused())) return true;
          await page.keyboard.press('Tab');
        }
        return false;
      };
      expect(await tabUntil(({ label }) => label.startsWith('Chat history'))).toBe(true);
      await page.keyboard.press('Enter');
      expect(await tabUntil(({ label }) => label === 'Yes, this answer helped', 6)).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByText('Thanks for telling us.').first().isVisible()).toBe(true);
      await page.keyboard.press('Escape');

      // On to the follow-up buttons under the answer; Enter asks the first. (Waited for first: on a
      // busy machine the rating's thanks re-renders the activity, and Tab must not outrun it.)
      await page
        .getByRole('button', { name: 'When I get my certificate' })
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(async (caught: unknown) => {
          // Seen once in a clean-clone run and never here: say what the page showed instead, so the next failure names its cause.
          const buttons = await page.getByRole('button').allInnerTexts();
          throw new Error(`the follow-up button did not show; the buttons were ${JSON.stringify(buttons)}; the messages ${JSON.stringify(await bubbles(page))}`, { cause: caught });
        });
      expect(await tabUntil(({ text }) => text === 'When I get my certificate', 60)).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await bubbles(page)).join(' '), { timeout: 10_000 }).toMatch(/three weeks/);
      await screenshot(page, 'a11y-keyboard.png');

      // Escape closes the panel and the focus returns to the launcher.
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
      expect(en.welcomeStarters.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  }, 60_000);
});
