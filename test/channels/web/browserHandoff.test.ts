import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { haveChromium, launchChromium, requireChromium, screenshot, watchForProblems } from '../../support/browser.js';
import type { TurnEvent } from '../../../src/bot/turnEvents.js';
import { startHandoffServer, StaffClient, type HandoffServer } from '../../handoff/support.js';

const ask = async (page: Page, text: string) => {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
};
const bubbles = (page: Page) => page.locator('.webchat__bubble__content').allInnerTexts();

const ratings = (events: TurnEvent[]) => events.filter((event) => event.route === 'feedback' || event.route === 'feedback-comment' || event.route === 'satisfaction');

describe('a handoff and feedback seen in the website chat (headless Chromium)', () => {
  let server: HandoffServer | undefined;
  let browser: Browser | undefined;
  const events: TurnEvent[] = [];
  /** The masked comments beside the events (the events themselves hold no text). */
  const comments: string[] = [];
  beforeAll(async () => {
    if (!haveChromium) return;
    server = await startHandoffServer({
      events: (event, beside) => {
        events.push(event);
        if (beside?.comment) comments.push(beside.comment);
      },
    });
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the agent by name and avatar, system lines as events, and keeps the case through a reload', async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ viewport: { width: 900, height: 900 } });
    const problems = watchForProblems(page);
    try {
      await page.goto(server!.url);
      await expect.poll(() => bubbles(page), { timeout: 15_000 }).toContainEqual(expect.stringContaining('ASE Candidate Assistant'));
      await ask(page, 'How do I reschedule my test?');
      await expect.poll(async () => (await bubbles(page)).join(' '), { timeout: 10_000 }).toMatch(/change your test date/i);
      // Thumbs under the answer: recorded with the FAQ entry it answered from, nothing else.
      await page.getByRole('button', { name: 'No, this answer did not help' }).click();
      await expect.poll(() => ratings(events)).toEqual([expect.objectContaining({ route: 'feedback', feedback: { vote: 'down', entryId: 'change-or-cancel' } })]);
      expect(await page.getByRole('button', { name: 'No, this answer did not help' }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByRole('button', { name: 'Yes, this answer helped' }).isDisabled()).toBe(true);
      // An optional comment with the "No": recorded once, masked, and the vote is not counted again.
      await page.getByLabel('What was missing? (optional, no personal details)').fill('I wanted the fee. Mail me at pat@example.com');
      await page.locator('.ca-comment__send').click();
      await expect.poll(() => ratings(events)).toEqual([
        expect.objectContaining({ route: 'feedback', feedback: { vote: 'down', entryId: 'change-or-cancel' } }),
        expect.objectContaining({ route: 'feedback-comment', commentOn: { vote: 'down', entryId: 'change-or-cancel' } }),
      ]);
      expect(comments).toEqual(['I wanted the fee. Mail me at [email]']);
      await expect.poll(() => page.getByText('Thanks: your comment was sent.').isVisible()).toBe(true);
      await screenshot(page, 'web-chat-rating-comment.png');
      await ask(page, 'talk to a person');
      await expect.poll(async () => (await bubbles(page)).join(' '), { timeout: 10_000 }).toMatch(/next in line/);

      const alex = new StaffClient(server!.url);
      expect((await alex.login('agent1')).status).toBe(200);
      const queued = await alex.queuedCase();
      expect((await alex.claim(queued.id)).status).toBe(200);

      // "Alex joined" is an event line, not a bot bubble.
      const eventLines = page.locator('.ca-event');
      await expect.poll(() => eventLines.allInnerTexts(), { timeout: 10_000 }).toEqual(["You're now chatting with Alex from ASE support."]);
      expect(await bubbles(page)).not.toContainEqual(expect.stringContaining('now chatting with Alex'));

      // Alex types in the console: the candidate sees who is typing, until the message arrives.
      expect((await alex.post(`/staff/api/cases/${queued.id}/typing`)).status).toBe(204);
      const typing = page.locator('.ca-typing');
      await expect.poll(() => typing.allInnerTexts(), { timeout: 10_000 }).toEqual(['Alex from ASE support is typing\u2026']);
      await screenshot(page, 'web-chat-agent-typing.png');

      expect((await alex.post(`/staff/api/cases/${queued.id}/messages`, { text: 'Hi, I can help you move your appointment.' })).status).toBe(201);
      await expect.poll(async () => (await bubbles(page)).join(' '), { timeout: 10_000 }).toContain('I can help you move your appointment');
      // The agent's message: their initials in the staff colour and their name, not the bot's "CA".
      await expect.poll(() => page.locator('.ca-avatar--staff').allInnerTexts()).toEqual(['A']);
      expect(await page.locator('.ca-staff-name').allInnerTexts()).toEqual(['Alex, ASE support']);
      await screenshot(page, 'web-chat-handoff.png');

      // A reload mid-handoff: the same conversation, so the same case; both ways still work.
      await page.reload();
      await expect.poll(async () => (await bubbles(page)).join(' '), { timeout: 15_000 }).toContain('I can help you move your appointment');
      await expect.poll(() => eventLines.allInnerTexts()).toEqual(["You're now chatting with Alex from ASE support."]);
      await ask(page, 'It is on Friday');
      await expect
        .poll(async () => ((await alex.get(`/staff/api/cases/${queued.id}`)).json.transcript as Array<{ from: string; text: string }>).map((line) => `${line.from}: ${line.text}`), {
          timeout: 10_000,
        })
        .toContain('candidate: It is on Friday');
      expect((await alex.post(`/staff/api/cases/${queued.id}/messages`, { text: 'Done: you are on Monday now.' })).status).toBe(201);
      await expect.poll(async () => (await bubbles(page)).join(' '), { timeout: 10_000 }).toContain('you are on Monday now');

      expect((await alex.post(`/staff/api/cases/${queued.id}/end`)).status).toBe(200);
      await expect.poll(() => eventLines.allInnerTexts(), { timeout: 10_000 }).toHaveLength(2);
      expect((await eventLines.allInnerTexts())[1]).toMatch(/Alex has ended the chat/);
      // "How was this chat?" under the end notice: 4 of 5 recorded as a score, and thanked.
      await page.getByRole('button', { name: '4 of 5' }).click();
      await expect.poll(() => ratings(events).at(-1)).toMatchObject({ route: 'satisfaction', satisfaction: { score: 4, after: 'handoff' } });
      await expect.poll(() => page.getByText('Thanks for telling us.').last().isVisible()).toBe(true);
      await screenshot(page, 'web-chat-handoff-ended.png');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('asks "how was this chat?" after a goodbye, and records the score without personal data', async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(server!.url);
      await expect.poll(() => bubbles(page), { timeout: 15_000 }).toContainEqual(expect.stringContaining('ASE Candidate Assistant'));
      await ask(page, 'thanks, bye');
      await page.getByRole('button', { name: '2 of 5' }).click();
      await expect.poll(() => ratings(events).at(-1)).toMatchObject({ route: 'satisfaction', satisfaction: { score: 2, after: 'goodbye' } });
      const recorded = JSON.stringify(ratings(events));
      expect(recorded).not.toMatch(/dl_|thanks/);
      await screenshot(page, 'web-chat-goodbye-survey.png');
    } finally {
      await page.close();
    }
  }, 30_000);
});
