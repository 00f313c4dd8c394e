import { describe, expect, it } from 'vitest';
import { requireChromium, screenshot, watchForProblems } from '../support/browser.js';
import { movableClock, STAFF_PASSWORD, WebCandidate } from './support.js';
import { consoleInBrowser } from './consoleInBrowser.js';


/** Candidate text that would run script if the console ever parsed transcript text as HTML. */
const probe = 'My test is the A5 <img src=x onerror="window.__xss = 1"> <b>not bold</b>';

describe('the staff console in headless Chromium', () => {
  const clock = movableClock();

  const desk = consoleInBrowser({ start: { clock: clock.now } });

  it('an agent signs in, claims the waiting candidate, reads the transcript, replies (the candidate gets it) and hands back', { timeout: 60_000 }, async (context) => {
    requireChromium(context);
    // A candidate on the website asks for a person, says more while waiting, and waits 4 minutes.
    const candidate = await WebCandidate.start(desk.server.url);
    await candidate.say('talk to someone');
    await candidate.waitFor(/member of ASE support staff/);
    await candidate.say(probe);
    clock.advance(4 * 60_000);

    const page = await desk.browser.newPage({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 1280, height: 820 } });
    // Before signing in, the page asks whether a session exists: that 401 is expected.
    const problems = watchForProblems(page, (status, url) => status === 401 && url.endsWith('/staff/api/session'));

    await page.goto(`${desk.server.url}/staff`, { waitUntil: 'load' });
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

    await screenshot(page, 'staff-console.png');

    // Hand back to the bot with a note, in the page's own small form (no window.prompt). The
    // candidate wrote last, so the form warns that their message is unanswered and the bot will answer it.
    await page.locator('#handback-open').click();
    expect(await page.locator('#handback-unanswered').isVisible()).toBe(true);
    expect(await page.locator('#handback-unanswered').innerText()).toContain("The candidate's last message is unanswered");
    await page.locator('#handback-note').fill('Candidate wants next Thursday; sent the rescheduling steps.');
    await page.locator('#handback-submit').click();
    await expect.poll(() => page.locator('#case-closed').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('#reply-text').isVisible()).toBe(false);
    expect(await candidate.waitFor(/passed you back to me, the bot/, 10_000)).toContain('You asked: "Next Thursday, please"');
    await expect.poll(() => page.locator('[data-testid=mine-item]').count(), { timeout: 10_000 }).toBe(0);
    expect(problems).toEqual([]);
  });

  it('an agent filters the queue by language: a Spanish conversation is marked Spanish, and the filter shows it alone', { timeout: 60_000 }, async (context) => {
    requireChromium(context);
    const english = await WebCandidate.start(desk.server.url);
    await english.say('talk to someone');
    const spanish = await WebCandidate.start(desk.server.url);
    await spanish.say('hola, ¿cuándo recibo mis resultados?');
    await spanish.say('quiero hablar con una persona');

    const page = await desk.browser.newPage({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 1280, height: 820 } });
    const problems = watchForProblems(page, (status, url) => status === 401 && url.endsWith('/staff/api/session'));
    await page.goto(`${desk.server.url}/staff`, { waitUntil: 'load' });
    await page.locator('#login-username').fill('agent2');
    await page.locator('#login-password').fill(STAFF_PASSWORD);
    await page.locator('#login-submit').click();

    const queued = page.locator('[data-testid=queue-item]');
    await expect.poll(() => queued.count(), { timeout: 10_000 }).toBe(2);
    expect(await queued.locator('[data-testid=case-language]').allInnerTexts()).toEqual(['English', 'Spanish']);

    await page.locator('#queue-language').selectOption('es');
    await expect.poll(() => queued.count()).toBe(1);
    expect(await queued.first().locator('[data-testid=case-language]').getAttribute('data-language')).toBe('es');
    await page.locator('#queue-language').selectOption('en');
    await expect.poll(() => queued.locator('[data-testid=case-language]').allInnerTexts()).toEqual(['English']);
    await page.locator('#queue-language').selectOption('');
    await expect.poll(() => queued.count()).toBe(2);

    // Claimed, the Spanish case says its language at the top, and the candidate is told in Spanish.
    await page.locator('#queue-language').selectOption('es');
    await queued.first().locator('[data-testid=claim]').click();
    await expect.poll(() => page.locator('#case-meta [data-testid=case-language]').innerText(), { timeout: 10_000 }).toBe('Spanish');
    expect(await spanish.waitFor(/Ahora está hablando con Blair/, 10_000)).toContain('soporte de ASE');
    expect(problems).toEqual([]);
  });
});
