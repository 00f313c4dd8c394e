import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requireChromium, screenshot, watchForProblems } from '../support/browser.js';
import { movableClock, STAFF_PASSWORD, StaffClient, WebCandidate } from './support.js';
import { consoleInBrowser } from './consoleInBrowser.js';

/**
 * The insights as a supervisor reads them in the console (headless Chromium), after a scripted set
 * of conversations: every figure the page shows is the one the script makes, and each chart (uPlot)
 * says the same figures.
 */

/** The rows of the figure table under the heading that starts with `heading`, cells joined by " | ". */
async function tableRows(page: Page, heading: string): Promise<string[]> {
  const section = page.locator('#insights-body section').filter({ has: page.locator('h3', { hasText: heading }) });
  const rows = section.first().locator('tbody tr');
  const count = await rows.count();
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push((await rows.nth(i).locator('td').allInnerTexts()).map((cell) => cell.trim()).join(' | '));
  return out;
}

const headingOf = async (page: Page, start: string) => (await page.locator('#insights-body h3').allInnerTexts()).find((text) => text.startsWith(start));
const chartLabel = (page: Page, name: string) => page.getByRole('img', { name: new RegExp(`^${name}: `) }).getAttribute('aria-label');

describe('insights in the console match a scripted set of conversations exactly (headless Chromium)', () => {
  const clock = movableClock();
  const desk = consoleInBrowser({
    start: { clock: clock.now },
    timeout: 90_000,
    prepare: async ({ url }) => {
      // Thursday March 20, 2025, 15:00 UTC. One question the FAQ answers; one it cannot (then a person,
      // claimed 4 minutes later); one it declines (a known gap).
      await (await WebCandidate.start(url)).say('When can I retake a test I failed?');
      const unknown = await WebCandidate.start(url);
      await unknown.say('Can I bring my dog to the test center? Email me at pat@example.com');
      await unknown.say('talk to a person');
      await (await WebCandidate.start(url)).say('what score do i need to pass');
      // Three "Did you mean" offers: one picked, one "None of these", one left for another question.
      const picks = await WebCandidate.start(url);
      await picks.say('certificate');
      await picks.say('When do I get my certificate?');
      const none = await WebCandidate.start(url);
      await none.say('certificate');
      await none.say('None of these');
      const leaves = await WebCandidate.start(url);
      await leaves.say('certificate');
      // Two retest tasks: one worked out, one cancelled.
      await leaves.say('I failed A5, when can I retake it?');
      await leaves.say('two weeks ago');
      await picks.say('I failed A8, when can I retake it?');
      await picks.say('cancel');
      // Three answer ratings (one comment with a phone number) and three survey answers.
      await picks.event('webchat/feedback', { vote: 'down', entryId: 'retest-after-failing', comment: 'wrong, call me on 555-123-4567' });
      await none.event('webchat/feedback', { vote: 'up', entryId: 'retest-after-failing' });
      await leaves.event('webchat/feedback', { vote: 'up', entryId: 'certificate-delivery' });
      await picks.event('webchat/satisfaction', { score: 2, after: 'handoff' });
      await none.event('webchat/satisfaction', { score: 5, after: 'handoff' });
      await leaves.event('webchat/satisfaction', { score: 4, after: 'goodbye' });
      clock.advance(4 * 60_000);
      const alex = new StaffClient(url);
      await alex.login('agent1');
      const queued = await alex.queuedCase();
      await alex.post(`/staff/api/cases/${queued!.id}/claim`);
      await alex.post(`/staff/api/cases/${queued!.id}/end`);
    },
  });

  it('a supervisor opens Insights: the status line, every table and every chart give the scripted figures', { timeout: 60_000 }, async (test) => {
    requireChromium(test);
    const context = await desk.browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchForProblems(page, (status, url) => status === 401 && url.endsWith('/staff/api/session'));
    await page.goto(`${desk.server.url}/staff`);
    await page.locator('#login-username').fill('supervisor');
    await page.locator('#login-password').fill(STAFF_PASSWORD);
    await page.locator('#login-submit').click();
    await page.locator('#insights-open').click();
    await expect.poll(() => page.locator('#insights-status').innerText(), { timeout: 10_000 }).toMatch(/handed to staff/);

    // Six conversations; seven questions to the FAQ (the retake, the dog, the passing score, three
    // bare "certificate" and the certificate question picked from the offer; the task's answers,
    // "None of these" and "talk to a person" are not questions); one handed to a person.
    expect(await page.locator('#insights-status').innerText()).toBe('6 conversations, 7 questions, 1 handed to staff (16.7%).');
    const perDay = await chartLabel(page, 'Questions per day');
    expect(perDay).toMatch(/^Questions per day: 2025-03-14 0 questions, 0 not answered; /);
    expect(perDay).toMatch(/; 2025-03-20 7 questions, 5 not answered$/);
    expect(await headingOf(page, 'Questions the bot could not answer')).toBe('Questions the bot could not answer or declined (5)');
    expect(await tableRows(page, 'Questions the bot could not answer or declined')).toEqual([
      'Thu, Mar 20, 3:00 PM | unknown | Can I bring my dog to the test center? Email me at [email] | Web chat',
      'Thu, Mar 20, 3:00 PM | out-of-scope | what score do i need to pass | Web chat',
      'Thu, Mar 20, 3:00 PM | clarify | certificate | Web chat',
      'Thu, Mar 20, 3:00 PM | clarify | certificate | Web chat',
      'Thu, Mar 20, 3:00 PM | clarify | certificate | Web chat',
    ]);
    expect(await tableRows(page, 'Questions by FAQ entry')).toEqual(['certificate-delivery | 1', 'retest-after-failing | 1']);
    expect(await tableRows(page, 'How the bot decided')).toEqual(['clarify | 3', 'answer | 2', 'out-of-scope | 1', 'unknown | 1']);
    expect(await chartLabel(page, 'How the bot decided')).toBe('How the bot decided: clarify 3, answer 2, out-of-scope 1, unknown 1');
    expect(await tableRows(page, '\u201cDid you mean\u201d choices')).toEqual([
      'An entry picked | 1 | 33.3%',
      'None of these | 1 | 33.3%',
      'Not answered (asked something else) | 1 | 33.3%',
      'picked: certificate-delivery | 1 | 33.3%',
    ]);
    expect(await headingOf(page, '\u201cDid you mean\u201d')).toBe('\u201cDid you mean\u201d choices (3 offered)');
    expect(await chartLabel(page, 'Did you mean choices')).toBe('Did you mean choices: entry picked 1, None of these 1, not answered 1');
    expect(await tableRows(page, 'Guided tasks')).toEqual(['retest | 2 | 1 | 1']);
    expect(await chartLabel(page, 'Guided tasks finished')).toBe('Guided tasks finished: retest finished 1');
    expect(await tableRows(page, 'Handed to staff, by reason')).toEqual(['Asked for a person | 1 | 16.7%']);
    expect(await tableRows(page, 'Queue wait')).toEqual(['Cases | 1', 'Median (p50) | 4 min', 'p90 | 4 min']);
    expect(await headingOf(page, 'Answer ratings')).toBe('Answer ratings (2 helped, 1 did not)');
    expect(await tableRows(page, 'Answer ratings')).toEqual(['retest-after-failing | 1 | 1', 'certificate-delivery | 1 | 0']);
    expect(await chartLabel(page, 'Answer ratings')).toBe('Answer ratings: helped 2, did not help 1');
    expect(await tableRows(page, 'Comments left with a rating')).toEqual(['Thu, Mar 20, 3:00 PM | did not help | retest-after-failing | wrong, call me on [phone]']);
    expect(await headingOf(page, 'How was this chat?')).toBe('How was this chat? (3 answers, average 3.67 of 5)');
    expect(await tableRows(page, 'How was this chat?')).toEqual(['after goodbye | 1 | 4', 'after a handoff | 2 | 3.5']);
    expect(await chartLabel(page, 'Satisfaction scores')).toBe('Satisfaction scores: 1 of 5 0, 2 of 5 1, 3 of 5 0, 4 of 5 1, 5 of 5 1');
    // Every chart is drawn by uPlot on a canvas.
    const charts = page.locator('#insights-body [role=img]');
    expect(await charts.count()).toBe(7);
    expect(await page.locator('#insights-body [role=img] .uplot canvas').count()).toBe(7);
    await page.setViewportSize({ width: 1280, height: 2000 });
    await screenshot(page, 'staff-insights-scripted.png', { fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
