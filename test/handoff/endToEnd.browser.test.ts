import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { requireChromium, screenshot, watchForProblems } from '../support/browser.js';
import { parseLiveEvent } from '../../src/handoff/liveEvents.js';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { redisStore, type StateStore } from '../../src/storage/stateStore.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { testConfig } from '../support/testApp.js';
import { movableClock, startHandoffServer, STAFF_PASSWORD, StaffClient, type HandoffServer } from './support.js';
import { consoleInBrowser } from './consoleInBrowser.js';

/**
 * The acceptance test of human handoff: a conversation goes candidate -> bot -> staff -> another
 * agent -> bot, end to end in one headless Chromium and across two instances on one Redis, with no
 * message lost or doubled. The candidate uses the real Web Chat page on instance B; Alex (agent1)
 * works in the console on instance A, Blair (agent2) in the console on instance B. Each person has a
 * browser context of their own (their own cookies and storage).
 */

const gate = redisSuiteGate('handoff end to end in a browser');

/** Long enough for Web Chat's 1 s polling and a debounced console refresh, many times over. */
const WAIT = { timeout: 10_000 };

/** The candidate's Web Chat page, read through its DOM. */
class WebChatPage {
  constructor(readonly page: Page) {}

  private bubbles(fromUser: boolean) {
    const bubble = fromUser ? '.webchat__bubble.webchat__bubble--from-user' : '.webchat__bubble:not(.webchat__bubble--from-user)';
    return this.page.locator(`.webchat__basic-transcript ${bubble} .webchat__bubble__content`);
  }

  /** Every message from the bot's side (the bot, staff through it, and system lines shown as events), in order, as rendered. */
  async fromBotSide(): Promise<string[]> {
    const shown = this.page.locator(
      '.webchat__basic-transcript .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content, .webchat__basic-transcript .ca-event',
    );
    return (await shown.allInnerTexts()).map((text) => text.trim());
  }

  /** Every message the candidate sent, as rendered. */
  async fromCandidate(): Promise<string[]> {
    return (await this.bubbles(true).allInnerTexts()).map((text) => text.trim());
  }

  /** Types a message and presses Enter; resolves once Web Chat shows it in the transcript. */
  async say(text: string): Promise<void> {
    const before = (await this.fromCandidate()).filter((shown) => shown === text).length;
    const input = this.page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(text);
    await input.press('Enter');
    await expect.poll(async () => (await this.fromCandidate()).filter((shown) => shown === text).length, WAIT).toBe(before + 1);
  }

  /** Waits for a message from the bot's side matching `pattern` (Web Chat's Markdown makes apostrophes typographic). */
  async waitFor(pattern: RegExp): Promise<string> {
    await expect.poll(async () => (await this.fromBotSide()).some((text) => pattern.test(text)), { ...WAIT, message: `Web Chat never showed ${pattern}` }).toBe(true);
    return (await this.fromBotSide()).find((text) => pattern.test(text))!;
  }
}

/** The staff console, signed in as `username`, with its live stream open. */
async function openConsole(browser: Browser, baseUrl: string, username: string) {
  const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 1280, height: 820 } });
  const page = await context.newPage();
  // Before signing in, the page asks whether a session exists: that 401 is expected.
  const problems = watchForProblems(page, (status, url) => status === 401 && url.endsWith('/staff/api/session'));
  await page.goto(`${baseUrl}/staff`, { waitUntil: 'load' });
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(STAFF_PASSWORD);
  await page.locator('#login-submit').click();
  await expect.poll(() => page.locator('#signed-in-as').innerText(), WAIT).toMatch(/\(agent\)$/);
  await expect.poll(() => page.locator('#live-status').innerText(), WAIT).toBe('Live');
  return { page, problems };
}

/** The console's transcript lines from `from` with exactly this text. */
const consoleLines = (page: Page, from: 'candidate' | 'agent', text: string) =>
  page.locator(`#transcript [data-testid=transcript-line][data-from=${from}]`).filter({ has: page.locator('.line-text', { hasText: text }) });

describe.skipIf(gate.skip)('handoff end to end in headless Chromium, across two instances on one Redis', () => {
  let redis: TestRedis | undefined;
  const prefix = `test-e2e-${randomUUID().slice(0, 8)}:`;
  const env = { REDIS_KEY_PREFIX: prefix, DIRECTLINE_LOCAL_SECRET: 'one-secret-shared-by-every-instance-0123456789' };
  const stores: StateStore[] = [];
  const clock = movableClock();

  const instance = async () => {
    const client = createRedisClient({ url: redis!.url });
    await waitForRedisReady(client);
    const store = redisStore(client, testConfig(env));
    stores.push(store);
    return startHandoffServer({ storage: store.storage, gate: store.gate, live: store.liveChannel('handoff', parseLiveEvent), caseQueue: store.openQueue('handoff'), clock: clock.now, env });
  };

  const desk = consoleInBrowser({
    start: async () => {
      redis = await startRedisServer();
      return [await instance(), await instance()];
    },
    cleanUp: async () => {
      for (const store of stores) await store.close();
      if (redis) await deleteTestKeys(redis.url, prefix);
      await redis?.stop();
    },
  });

  it('candidate -> bot -> Alex on A -> Blair on B -> bot, with no message lost or doubled', { timeout: 60_000 }, async (context) => {
    requireChromium(context);
    const [a, b] = desk.servers as [HandoffServer, HandoffServer];
    // The candidate opens the website chat on B (Web Chat's bundle takes a few seconds to load and
    // parse) while both agents sign in: Alex on A, Blair on B.
    const candidateContext = await desk.browser.newContext({ timezoneId: 'America/Los_Angeles', locale: 'en-US', viewport: { width: 900, height: 900 } });
    const candidatePage = await candidateContext.newPage();
    const candidateProblems = watchForProblems(candidatePage);
    const chat = new WebChatPage(candidatePage);
    const [alex, blair] = await Promise.all([
      openConsole(desk.browser, a.url, 'agent1'),
      openConsole(desk.browser, b.url, 'agent2'),
      candidatePage.goto(b.url, { waitUntil: 'load' }),
    ]);
    await chat.waitFor(/the ASE Candidate Assistant/);
    // Both agents are at their desks before the candidate asks for anyone; the queue is empty.
    const alexQueue = alex.page.locator('[data-testid=queue-item]');
    expect(await alexQueue.count()).toBe(0);

    // The candidate asks the bot a FAQ question and gets the answer.
    const faq = 'How much does a duplicate certificate cost?';
    await chat.say(faq);
    await chat.waitFor(/\$7\.50/);

    // ...then asks for a person and is queued.
    const askForPerson = 'talk to a person';
    await chat.say(askForPerson);
    await chat.waitFor(/member of ASE support staff to join/);

    // The case appears live in Alex's queue on A (queued on B, heard through Redis pub/sub) and in
    // Blair's on B: the console's own re-read is every 30 s, far beyond this wait, so only the live
    // stream can bring it.
    const blairQueue = blair.page.locator('[data-testid=queue-item]');
    await expect.poll(() => alexQueue.count(), WAIT).toBe(1);
    await expect.poll(() => blairQueue.count(), WAIT).toBe(1);
    const caseId = (await alexQueue.first().getAttribute('data-case-id'))!;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await alexQueue.first().innerText()).toContain('Web chat');
    await alexQueue.first().locator('[data-testid=claim]').click();
    await expect.poll(() => alex.page.locator('[data-testid=mine-item]').count(), WAIT).toBe(1);
    await expect.poll(() => alexQueue.count(), WAIT).toBe(0);
    expect(await chat.waitFor(/now chatting with Alex/)).toMatch(/now chatting with Alex from ASE support/);
    // Blair sees it leave the queue (claimed on A), and does not have it.
    await expect.poll(() => blairQueue.count(), WAIT).toBe(0);
    expect(await blair.page.locator('[data-testid=mine-item]').count()).toBe(0);

    // Candidate (Web Chat on B) and Alex (console on A) talk, both ways, twice.
    const toAlex = ['My A5 test was on March 3 and I failed it', 'Can I book a retest for next week?'];
    const fromAlex = ['Let me check the retest rules for you.', 'You can retest 30 days after your last attempt.'];
    for (let i = 0; i < toAlex.length; i++) {
      await chat.say(toAlex[i]!);
      await expect.poll(() => consoleLines(alex.page, 'candidate', toAlex[i]!).count(), WAIT).toBe(1);
      await alex.page.locator('#reply-text').fill(fromAlex[i]!);
      await alex.page.locator('#reply-text').press('Enter');
      await expect.poll(() => consoleLines(alex.page, 'agent', fromAlex[i]!).getAttribute('data-delivery'), WAIT).toBe('sent');
      await chat.waitFor(new RegExp(fromAlex[i]!.replace(/[.?]/g, '\\$&')));
    }

    // Alex transfers the case to Blair with the console's transfer control.
    expect(await alex.page.locator('#transfer-select option').allInnerTexts()).toEqual(expect.arrayContaining(['Blair Agent', 'Back to the queue']));
    await alex.page.locator('#transfer-select').selectOption('agent2');
    await screenshot(alex.page, 'e2e-agent1.png');
    await alex.page.locator('#transfer-submit').click();
    await expect.poll(() => alex.page.locator('#banner-text').innerText(), WAIT).toBe('Transferred to Blair Agent.');
    await expect.poll(() => alex.page.locator('[data-testid=mine-item]').count(), WAIT).toBe(0);
    expect(await alex.page.locator('#case-view').isVisible()).toBe(false);
    await chat.waitFor(/Blair from ASE support is taking over/);

    // Blair (on B) finds it in "My conversations", live, opens it and reads what came before.
    const blairMine = blair.page.locator('[data-testid=mine-item]');
    await expect.poll(() => blairMine.count(), WAIT).toBe(1);
    expect(await blairMine.first().getAttribute('data-case-id')).toBe(caseId);
    await blairMine.first().locator('[data-action=open]').click();
    await expect.poll(() => blair.page.locator('#reply-form').isVisible(), WAIT).toBe(true);
    for (const text of toAlex) await expect.poll(() => consoleLines(blair.page, 'candidate', text).count(), WAIT).toBe(1);
    for (const text of fromAlex) expect(await consoleLines(blair.page, 'agent', text).count()).toBe(1);

    // Candidate and Blair talk, one message each way.
    const toBlair = 'Thanks Blair, next Thursday would be ideal';
    const fromBlair = 'Next Thursday works: you will get a confirmation email shortly.';
    await chat.say(toBlair);
    await expect.poll(() => consoleLines(blair.page, 'candidate', toBlair).count(), WAIT).toBe(1);
    await blair.page.locator('#reply-text').fill(fromBlair);
    await blair.page.locator('#reply-text').press('Enter');
    await expect.poll(() => consoleLines(blair.page, 'agent', fromBlair).getAttribute('data-delivery'), WAIT).toBe('sent');
    await chat.waitFor(/you will get a confirmation email shortly/);

    // Blair hands back to the bot with a note; the candidate is told, and the bot answers again.
    const note = 'Retest booked for next Thursday; candidate knows the 30-day rule.';
    await blair.page.locator('#handback-open').click();
    await blair.page.locator('#handback-note').fill(note);
    await blair.page.locator('#handback-submit').click();
    await expect.poll(() => blair.page.locator('#case-closed').isVisible(), WAIT).toBe(true);
    expect(await blair.page.locator('#reply-form').isVisible()).toBe(false);
    await expect.poll(() => blairMine.count(), WAIT).toBe(0);
    expect(await chat.waitFor(/passed you back to me, the bot/)).toContain('Blair');
    const afterwards = 'How do I reschedule my test?';
    await chat.say(afterwards);
    await chat.waitFor(/change your test date/i);
    await screenshot(blair.page, 'e2e-agent2.png');
    // Web Chat scrolls inside its own box: a tall window shows more of the conversation.
    await candidatePage.setViewportSize({ width: 900, height: 2000 });
    await screenshot(candidatePage, 'e2e-candidate.png');

    // Nothing lost, nothing doubled. The case's record, read as a supervisor through the JSON API:
    // every candidate message once (from before the handoff too), every agent message once.
    const transcript = await new StaffClient(a.url).asSupervisorView(caseId);
    if (!transcript) throw new Error(`the supervisor could not open case ${caseId}`);
    const fromCandidate = [faq, askForPerson, ...toAlex, toBlair];
    const fromAgents = [...fromAlex, fromBlair];
    for (const text of fromCandidate) expect(transcript.filter((line) => line === `candidate: ${text}`), text).toHaveLength(1);
    for (const text of fromAgents) expect(transcript.filter((line) => line === `agent: ${text}`), text).toHaveLength(1);

    // What the candidate read in Web Chat: every agent message once, each staff notice once, in order.
    const shown = await chat.fromBotSide();
    for (const text of fromAgents) expect(shown.filter((message) => message === text), text).toHaveLength(1);
    const notices = [/now chatting with Alex/, /Blair from ASE support is taking over/, /passed you back to me, the bot/];
    for (const pattern of notices) expect(shown.filter((message) => pattern.test(message)), String(pattern)).toHaveLength(1);
    const at = (pattern: RegExp | string) => shown.findIndex((message) => (typeof pattern === 'string' ? message === pattern : pattern.test(message)));
    const expectedOrder = [notices[0]!, fromAlex[0]!, fromAlex[1]!, notices[1]!, fromBlair, notices[2]!, /change your test date/i];
    const positions = expectedOrder.map(at);
    expect(positions.every((position, i) => position >= 0 && (i === 0 || position > positions[i - 1]!)), JSON.stringify(shown)).toBe(true);
    // And Web Chat sent each of the candidate's messages once.
    const sent = await chat.fromCandidate();
    for (const text of [...fromCandidate, afterwards]) expect(sent.filter((message) => message === text), text).toHaveLength(1);

    expect({ candidate: candidateProblems, alex: alex.problems, blair: blair.problems }).toEqual({ candidate: [], alex: [], blair: [] });
  });
});
