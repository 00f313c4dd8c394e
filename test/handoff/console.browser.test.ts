import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { movableClock, startHandoffServer, STAFF_PASSWORD, WebCandidate, type HandoffServer } from './support.js';

/** Debian's chromium (apt-get install -y chromium); playwright-core never downloads a browser. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
const artifacts = join(process.cwd(), 'test-artifacts');

/** Candidate text that would run script if the console ever parsed transcript text as HTML. */
const probe = 'My test is the A5 <img src=x onerror="window.__xss = 1"> <b>not bold</b>';

describe('the staff console in headless Chromium', () => {
  let server: HandoffServer | undefined;
  let browser: Browser | undefined;
  const clock = movableClock();

  beforeAll(async () => {
    if (!haveChromium) return;
    server = await startHandoffServer({ clock: clock.now });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an agent signs in, claims the waiting candidate, reads the transcript, replies (the candidate gets it) and hands back', { timeout: 60_000 }, async (context) => {
    if (!haveChromium) {
      // In CI the browser test must run: a missing browser is a broken CI image, not a reason to skip.
      if (process.env.CI) throw new Error(`Chromium not found at ${chromiumPath}; install Debian's chromium (apt-get install -y chromium)`);
      context.skip(`Chromium not found at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    }
    // A candidate on the website asks for a person, says more while waiting, and waits 4 minutes.
    const candidate = await WebCandidate.start(server!.url);
    await candidate.say('talk to someone');
    await candidate.waitFor(/member of ASE support staff/);
    await candidate.say(probe);
    clock.advance(4 * 60_000);

    const page = await browser!.newPage({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 1280, height: 820 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('response', (response) => {
      // Before signing in, the page asks whether a session exists: that 401 is expected.
      if (response.status() >= 400 && !(response.status() === 401 && response.url().endsWith('/staff/api/session'))) {
        problems.push(`${response.status()} ${response.url()}`);
      }
    });
    // CSP violations and failed loads show up here too.
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(`console: ${message.text()}`);
    });

    await page.goto(`${server!.url}/staff`, { waitUntil: 'load' });
    await page.locator('#login-username').fill('agent1');
    await page.locator('#login-password').fill(STAFF_PASSWORD);
    await page.locator('#login-submit').click();
    await expect.poll(() => page.locator('#signed-in-as').innerText(), { timeout: 10_000 }).toMatch(/\(agent\)$/);
    await expect.poll(() => page.locator('#live-status').innerText(), { timeout: 10_000 }).toBe('Live');

    // The queue shows the candidate: channel, how long they have waited, why.
    const queued = page.locator('[data-testid=queue-item]');
    await expect.poll(() => queued.count(), { timeout: 10_000 }).toBe(1);
    const entry = await queued.first().innerText();
    expect(entry).toContain('Web chat');
    expect(entry).toContain('waiting 4 min');
    expect(await page.locator('[data-testid=mine-item]').count()).toBe(0);

    await queued.first().locator('[data-testid=claim]').click();
    await expect.poll(() => page.locator('[data-testid=mine-item]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => queued.count()).toBe(0);
    expect(await candidate.waitFor(/now chatting with/i, 10_000)).toContain('Alex');

    // The transcript: what the candidate said (as text, never as HTML), the bot's answers, the handoff.
    const lines = page.locator('[data-testid=transcript-line]');
    await expect.poll(() => lines.locator('xpath=self::*[@data-from="system"]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const fromCandidate = await page.locator('[data-testid=transcript-line][data-from=candidate] .line-text').allInnerTexts();
    expect(fromCandidate).toContain('talk to someone');
    expect(fromCandidate).toContain(probe);
    expect(await page.locator('[data-testid=transcript-line][data-from=bot]').count()).toBeGreaterThan(0);
    expect(await page.locator('#transcript img, #transcript b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('[data-testid=summary-verified]').innerText()).toBe('Account verified: no');

    // Reply with Enter: the line is recorded as delivered, and the candidate reads it on the website.
    const replyText = 'Hi, this is Alex from ASE support. Which date would suit you better?';
    await page.locator('#reply-text').fill(replyText);
    await page.locator('#reply-text').press('Enter');
    const sent = page.locator('[data-testid=transcript-line][data-from=agent][data-delivery=sent]');
    await expect.poll(() => sent.count(), { timeout: 10_000 }).toBe(1);
    expect(await sent.locator('.line-text').innerText()).toBe(replyText);
    expect(await page.locator('#reply-text').inputValue()).toBe('');
    expect(await candidate.waitFor(/Which date would suit you better\?/, 10_000)).toContain(replyText);

    // The candidate answers; the line reaches the open transcript over the live stream, once.
    await candidate.say('Next Thursday, please');
    const answer = page.locator('[data-testid=transcript-line][data-from=candidate]', { hasText: 'Next Thursday, please' });
    await expect.poll(() => answer.count(), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(500);
    expect(await answer.count()).toBe(1);
    expect(await page.locator('#transfer-select option').allInnerTexts()).toEqual(expect.arrayContaining(['Back to the queue']));

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'staff-console.png') });

    // Hand back to the bot with a note, in the page's own small form (no window.prompt).
    await page.locator('#handback-open').click();
    await page.locator('#handback-note').fill('Candidate wants next Thursday; sent the rescheduling steps.');
    await page.locator('#handback-submit').click();
    await expect.poll(() => page.locator('#case-closed').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('#reply-text').isVisible()).toBe(false);
    expect(await candidate.waitFor(/passed you back to me, the bot/, 10_000)).toContain('Alex');
    await expect.poll(() => page.locator('[data-testid=mine-item]').count(), { timeout: 10_000 }).toBe(0);
    expect(problems).toEqual([]);
  });
});
