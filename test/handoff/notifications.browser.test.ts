import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { requireChromium, screenshot, watchForProblems } from '../support/browser.js';
import { STAFF_PASSWORD, WebCandidate } from './support.js';
import { consoleInBrowser } from './consoleInBrowser.js';

/**
 * Records the desktop notifications the page shows (headless Chromium draws none): the real
 * Notification, with each one's title and body kept on the window for the test to read.
 */
const recordNotifications = () => {
  const Real = window.Notification;
  const shown: Array<{ title: string; body: string }> = [];
  (window as unknown as { __notifications: typeof shown }).__notifications = shown;
  class Recorded extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      shown.push({ title, body: options?.body ?? '' });
    }
  }
  window.Notification = Recorded as typeof Notification;
};

/** Records the notes the page plays (each oscillator started, by its frequency): headless Chromium has no speakers to listen to. */
const recordTones = () => {
  const tones: number[] = [];
  (window as unknown as { __tones: number[] }).__tones = tones;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
    tones.push(this.frequency.value);
    return start.call(this, when);
  };
};
const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number[] }).__tones);

const notifications = (page: Page) => page.evaluate(() => (window as unknown as { __notifications: Array<{ title: string; body: string }> }).__notifications);

describe('an agent is told someone is waiting (headless Chromium, notifications allowed)', () => {
  let context: BrowserContext | undefined;

  const desk = consoleInBrowser();
  // Registered after the app's: closed before the browser.
  afterAll(async () => {
    await context?.close();
  });

  it('a new case raises the title badge and a desktop notification; a message in their conversation does too', { timeout: 60_000 }, async (test) => {
    requireChromium(test);
    context = await desk.browser.newContext({ viewport: { width: 1280, height: 760 } });
    await context.grantPermissions(['notifications'], { origin: desk.server.url });
    await context.addInitScript(recordNotifications);
    const page = await context.newPage();
    const problems = watchForProblems(page, (status, url) => status === 401 && url.endsWith('/staff/api/session'));

    await page.goto(`${desk.server.url}/staff`);
    await page.locator('#login-username').fill('agent1');
    await page.locator('#login-password').fill(STAFF_PASSWORD);
    await page.locator('#login-submit').click();
    await expect.poll(() => page.locator('#live-status').innerText(), { timeout: 10_000 }).toBe('Live');
    // Allowed in the browser: the console says so instead of offering the button.
    expect(await page.locator('#notify-state').innerText()).toBe('Desktop notifications on');
    expect(await page.locator('#notify-enable').isVisible()).toBe(false);
    expect(await page.title()).toBe('Staff console · Candidate Assistant');

    const candidate = await WebCandidate.start(desk.server.url);
    await candidate.say('talk to someone');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('(1) Staff console · Candidate Assistant');
    await expect.poll(() => notifications(page), { timeout: 10_000 }).toEqual([{ title: 'New case waiting \u2013 C-1001', body: 'Asked for a person (Web chat)' }]);
    expect(await page.locator('[data-testid=queue-item] [data-testid=case-number]').innerText()).toBe('C-1001');
    await screenshot(page, 'staff-notifications-new-case.png');

    // Claimed: nobody waits any more. With the case closed on screen, the candidate writes.
    await page.locator('[data-testid=claim]').click();
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('Staff console · Candidate Assistant');
    await page.locator('#case-close').click();
    await candidate.say('Are you still there? My email is pat@example.com');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('(1) Staff console · Candidate Assistant');
    await expect.poll(async () => (await notifications(page)).at(-1), { timeout: 10_000 }).toEqual({ title: 'New message \u2013 C-1001', body: 'Are you still there? My email is [email]' });
    expect(await page.locator('[data-testid=mine-item] .badge').innerText()).toBe('1 new');

    // Opening it reads it.
    await page.locator('[data-testid=mine-item] button').click();
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('Staff console · Candidate Assistant');
    // The address the candidate gave is theirs to use: a mail link in the summary (masked in the transcript).
    const contact = page.locator('[data-testid=summary-contact] a');
    await expect.poll(() => contact.getAttribute('href'), { timeout: 10_000 }).toBe('mailto:pat@example.com');
    expect(await page.locator('[data-testid=transcript-line][data-from=candidate] .line-text').allInnerTexts()).toContain('Are you still there? My email is [email]');
    expect(problems).toEqual([]);
  });

  it('the agent sees the candidate leave when their chat page closes, said plainly (never struck through), and come back when it reopens', { timeout: 60_000 }, async (test) => {
    requireChromium(test);
    const page = context!.pages()[0]!;
    const candidate = await WebCandidate.start(desk.server.url);
    const chat = await candidate.openPage();
    await candidate.say('I need a human please');
    const queued = page.locator('[data-testid=queue-item]');
    await expect.poll(() => queued.count(), { timeout: 10_000 }).toBe(1);
    await queued.first().locator('[data-testid=claim]').click();
    const presence = page.locator('#case-meta [data-testid=presence]');
    await expect.poll(() => presence.getAttribute('data-presence'), { timeout: 10_000 }).toBe('here');
    expect(await page.locator('#presence-warning').isVisible()).toBe(false);

    chat.close();
    await expect.poll(() => presence.getAttribute('data-presence'), { timeout: 10_000 }).toBe('left');
    expect(await presence.innerText()).toBe('Candidate left the chat');
    // Struck through, "Candidate left the chat" read as its opposite (ut24): the words are shown as they are.
    const decoration = (label: typeof presence) => label.evaluate((element) => getComputedStyle(element).textDecorationLine);
    expect(await decoration(presence)).not.toContain('line-through');
    expect(await page.locator('#presence-warning').isVisible()).toBe(true);
    // The list says so too, as plainly.
    const listed = page.locator('[data-testid=mine-item][aria-current], [data-testid=mine-item].item-open').locator('[data-testid=presence]');
    await expect.poll(() => listed.getAttribute('data-presence'), { timeout: 10_000 }).toBe('left');
    expect(await decoration(listed)).not.toContain('line-through');
    await screenshot(page, 'staff-presence-left.png');

    const back = await candidate.openPage();
    await expect.poll(() => presence.getAttribute('data-presence'), { timeout: 10_000 }).toBe('here');
    expect(await page.locator('#presence-warning').isVisible()).toBe(false);
    back.close();
  });

  it('with Sound ticked a new case plays the two-note tone, the choice is remembered in this browser, and unticked nothing plays', { timeout: 60_000 }, async (test) => {
    requireChromium(test);
    const own = await desk.browser.newContext({ viewport: { width: 1280, height: 760 } });
    try {
      await own.addInitScript(recordTones);
      const page = await own.newPage();
      const problems = watchForProblems(page, (status, url) => status === 401 && url.endsWith('/staff/api/session'));
      await page.goto(`${desk.server.url}/staff`);
      await page.locator('#login-username').fill('agent2');
      await page.locator('#login-password').fill(STAFF_PASSWORD);
      await page.locator('#login-submit').click();
      await expect.poll(() => page.locator('#live-status').innerText(), { timeout: 10_000 }).toBe('Live');
      expect(await page.locator('#sound-toggle').isChecked()).toBe(false);
      // Ticking it plays the tone once, so the agent hears what it sounds like.
      await page.locator('#sound-toggle').check();
      await expect.poll(() => tones(page), { timeout: 5_000 }).toEqual([660, 880]);
      await (await WebCandidate.start(desk.server.url)).say('talk to someone');
      await expect.poll(() => tones(page), { timeout: 10_000 }).toEqual([660, 880, 660, 880]);

      // Remembered in this browser: after a reload the box is still ticked, and once the agent has
      // clicked anywhere on the page (browsers start audio only then) a new case plays the tone.
      await page.reload();
      await expect.poll(() => page.locator('#live-status').innerText(), { timeout: 10_000 }).toBe('Live');
      expect(await page.locator('#sound-toggle').isChecked()).toBe(true);
      await page.locator('#queue-heading').click();
      await (await WebCandidate.start(desk.server.url)).say('talk to someone');
      await expect.poll(() => tones(page), { timeout: 10_000 }).toEqual([660, 880]);
      // Unticked: the next case raises the badge, and plays nothing.
      await page.locator('#sound-toggle').uncheck();
      const waiting = await page.title();
      await (await WebCandidate.start(desk.server.url)).say('talk to someone');
      await expect.poll(() => page.title(), { timeout: 10_000 }).not.toBe(waiting);
      expect(await tones(page)).toEqual([660, 880]);
      expect(problems).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
