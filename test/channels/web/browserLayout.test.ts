import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../../src/messages/en.js';
import { haveChromium, launchChromium, requireChromium, screenshot, watchForProblems } from '../../support/browser.js';
import { startWebServer, type WebServer } from './support.js';

/** Every suggested-action button's box, and the chat panel's. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const box = (element: Element) => {
      const { left, right, top, bottom } = element.getBoundingClientRect();
      return { left, right, top, bottom };
    };
    const panel = document.querySelector('.ca-chat')!;
    const buttons = [...document.querySelectorAll('.webchat__suggested-action')].map((button) => ({
      title: (button as HTMLElement).innerText.trim(),
      ...box(button),
      scrollWidth: button.scrollWidth,
      clientWidth: button.clientWidth,
    }));
    return { panel: box(panel), buttons, viewport: { width: window.innerWidth, height: window.innerHeight } };
  });

describe('the website chat on a phone, 390x844 (headless Chromium)', () => {
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!haveChromium) return;
    server = await startWebServer();
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers starter buttons, and no button is wider than the panel; "None of these" is on screen', async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const problems = watchForProblems(page);
    await page.goto(server!.url);

    // A new conversation starts with a few common questions as buttons.
    await expect.poll(async () => (await layout(page)).buttons.map((button) => button.title), { timeout: 15_000 }).toEqual(
      en.welcomeStarters.map((starter) => starter.title),
    );
    await screenshot(page, 'web-chat-phone-starters.png');

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('how does the test work');
    await input.press('Enter');
    await expect.poll(async () => (await layout(page)).buttons.map((button) => button.title).at(-1), { timeout: 10_000 }).toBe(en.noneOfThese);
    await page.waitForTimeout(300); // Web Chat scrolls the transcript to the new buttons.
    await screenshot(page, 'web-chat-phone-did-you-mean.png');

    const { panel, buttons, viewport } = await layout(page);
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    for (const button of buttons) {
      // Inside the panel, and the label not cut off inside the button.
      expect({ title: button.title, inside: button.left >= panel.left - 0.5 && button.right <= panel.right + 0.5 }).toEqual({ title: button.title, inside: true });
      expect({ title: button.title, clipped: button.scrollWidth > button.clientWidth + 1 }).toEqual({ title: button.title, clipped: false });
      expect(button.title.length).toBeLessThanOrEqual(40);
    }
    const none = buttons.at(-1)!;
    expect(none.bottom <= viewport.height && none.top >= 0 && none.right <= viewport.width).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: en.noneOfThese }).isVisible()).toBe(true);

    // "None of these" works by touch.
    await page.getByRole('button', { name: en.noneOfThese }).tap();
    await expect.poll(() => page.locator('.webchat__bubble__content').allInnerTexts(), { timeout: 10_000 }).toContainEqual(
      expect.stringContaining("couldn"),
    );
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
  it('the comment box after "No" is at least 16px, so a phone does not zoom the page in when it is focused', async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const problems = watchForProblems(page);
    await page.goto(server!.url);
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await expect.poll(() => input.isVisible(), { timeout: 15_000 }).toBe(true);
    await input.fill('Can I see the questions I missed?');
    await input.press('Enter');
    const no = page.getByRole('button', { name: 'No, this answer did not help' });
    await expect.poll(() => no.count(), { timeout: 10_000 }).toBe(1);
    await no.tap();

    const comment = page.locator('.ca-comment__input');
    await expect.poll(() => comment.isVisible()).toBe(true);
    const { fontSize, right } = await comment.evaluate((box) => ({ fontSize: parseFloat(getComputedStyle(box).fontSize), right: box.getBoundingClientRect().right }));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    expect(right).toBeLessThanOrEqual(390);
    // The send box too (Web Chat's own).
    expect(await input.evaluate((box) => parseFloat(getComputedStyle(box).fontSize))).toBeGreaterThanOrEqual(16);
    await screenshot(page, 'web-chat-phone-comment.png');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
  it('an answer taller than the phone screen is shown from its first line, where the answer is', async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const problems = watchForProblems(page);
    await page.goto(server!.url);
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.waitFor({ timeout: 15_000 });
    await input.fill('how do I renew my certification');
    await input.press('Enter');
    const lastBubble = page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content').last();
    await expect.poll(() => lastBubble.innerText(), { timeout: 10_000 }).toContain('Recertification');
    await page.waitForTimeout(500); // Web Chat's scrolling settles.
    await screenshot(page, 'web-chat-phone-long-answer.png');
    const { bubble, transcript } = await page.evaluate(() => {
      const bubbles = [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content')];
      const box = (element: Element) => element.getBoundingClientRect();
      return { bubble: box(bubbles.at(-1)!), transcript: box(document.querySelector('[role="log"]') ?? document.querySelector('.webchat__basic-transcript')!) };
    });
    // Taller than the transcript (or this test says nothing), and its top not scrolled out of sight.
    expect(bubble.height).toBeGreaterThan(transcript.height * 0.6);
    expect(bubble.top).toBeGreaterThanOrEqual(transcript.top - 1);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
