import { describe, expect, it } from 'vitest';
import { requireChromium, screenshot, watchForProblems } from '../support/browser.js';
import { STAFF_PASSWORD, WebCandidate } from './support.js';
import { consoleInBrowser } from './consoleInBrowser.js';

/** An agent works a case on a phone (390 x 844): what the ut19 tester could not do. */
describe('the staff console on a phone (headless Chromium)', () => {

  const desk = consoleInBrowser();

  it('shows every top-bar button, the lists above the case, the choices the bot offered, a short topic, and who closed it', { timeout: 120_000 }, async (test) => {
    requireChromium(test);
    // The candidate is offered "Did you mean" choices, picks one, then asks for a person.
    const candidate = await WebCandidate.start(desk.server.url);
    await candidate.say('certificate');
    await candidate.say('2');
    await candidate.say('talk to a person');

    const page = await desk.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const problems = watchForProblems(page, (status, url) => status === 401 && url.endsWith('/staff/api/session'));
    await page.goto(`${desk.server.url}/staff`);
    await page.locator('#login-username').fill('agent1');
    await page.locator('#login-password').fill(STAFF_PASSWORD);
    await page.locator('#login-submit').click();
    await expect.poll(() => page.locator('#live-status').innerText(), { timeout: 15_000 }).toBe('Live');

    // Every control of the top bar is inside the screen (Sign out and Sound were off its right edge).
    const controls = page.locator('#session-bar button:visible, #session-bar select, #session-bar label.sound-toggle');
    expect(await controls.count()).toBeGreaterThanOrEqual(4);
    for (const control of await controls.all()) {
      const box = (await control.boundingBox())!;
      expect(box.x, await control.innerText()).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, await control.innerText()).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The queue titles the case by what the bot was helping with.
    const queued = page.locator('[data-testid=queue-item]');
    await expect.poll(() => queued.count(), { timeout: 10_000 }).toBe(1);
    expect(await queued.first().locator('.item-topic').innerText()).toBe('When I get my certificate');
    await queued.first().locator('[data-testid=claim]').click();
    const box = page.locator('#reply-text');
    await expect.poll(() => box.isVisible(), { timeout: 10_000 }).toBe(true);

    // The open case comes below the lists, not on top of them.
    const lists = (await page.locator('#lists').boundingBox())!;
    const pane = (await page.locator('#pane').boundingBox())!;
    expect(pane.y).toBeGreaterThanOrEqual(lists.y + lists.height - 1);
    expect(pane.x + pane.width).toBeLessThanOrEqual(391);

    // The bot's "Did you mean" shows its choices under it.
    const offered = page.locator('[data-testid=transcript-line][data-from=bot] [data-testid=offered-choices]');
    await expect.poll(() => offered.allInnerTexts(), { timeout: 10_000 }).toContainEqual('Offered: 1. Duplicate certificate · 2. When I get my certificate · 3. Recertification tests · 4. None of these');

    // The canned greeting names the topic, not the candidate's message.
    await box.focus();
    await page.keyboard.type('/greet');
    await page.keyboard.press('Enter');
    expect(await box.inputValue()).toContain('(topic: When I get my certificate)');
    await box.fill('');
    await page.locator('#case-topic').scrollIntoViewIfNeeded();
    await screenshot(page, 'staff-phone-case.png', { fullPage: true });

    // Ended: the note says who closed it, in words.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.locator('#end-case').click();
    await expect.poll(() => page.locator('#case-closed').innerText(), { timeout: 10_000 }).toBe('Closed by Alex Agent (you). The bot answers the candidate again.');
    expect(problems).toEqual([]);
  });
});
