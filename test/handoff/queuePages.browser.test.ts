import { describe, expect, it } from 'vitest';
import { requireChromium, watchForProblems } from '../support/browser.js';
import { STAFF_PASSWORD, WebCandidate } from './support.js';
import { consoleInBrowser } from './consoleInBrowser.js';

describe('a long queue in the staff console (headless Chromium)', () => {

  const desk = consoleInBrowser();

  it('shows the first 50 waiting and "N more waiting."; Show more adds the rest in line order', { timeout: 120_000 }, async (context) => {
    requireChromium(context);
    for (let i = 0; i < 57; i++) await (await WebCandidate.start(desk.server.url)).say('talk to a person');

    const page = await desk.browser.newPage({ viewport: { width: 1280, height: 820 } });
    const problems = watchForProblems(page, (status, url) => status === 401 && url.endsWith('/staff/api/session'));
    await page.goto(`${desk.server.url}/staff`, { waitUntil: 'load' });
    await page.locator('#login-username').fill('agent1');
    await page.locator('#login-password').fill(STAFF_PASSWORD);
    await page.locator('#login-submit').click();

    const queued = page.locator('[data-testid=queue-item]');
    await expect.poll(() => queued.count(), { timeout: 10_000 }).toBe(50);
    expect(await page.locator('#queue-count').innerText()).toBe('57');
    expect(await page.locator('#queue-more').isVisible()).toBe(true);
    expect(await page.locator('#queue-more-text').innerText()).toBe('7 more waiting.');

    await page.locator('#queue-show-more').click();
    await expect.poll(() => queued.count(), { timeout: 10_000 }).toBe(57);
    expect(await page.locator('#queue-more').isVisible()).toBe(false);
    // In line order, each once: the case numbers were given in the order the candidates asked.
    const numbers = (await queued.locator('[data-testid=case-number]').allInnerTexts()).map((text) => Number(/\d+/.exec(text)![0]));
    expect(numbers).toHaveLength(57);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(57);
    expect(problems).toEqual([]);
  });
});
