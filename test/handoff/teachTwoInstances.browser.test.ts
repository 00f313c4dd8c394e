import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { requireChromium, screenshot, watchForProblems } from '../support/browser.js';
import { parseLiveEvent } from '../../src/handoff/liveEvents.js';
import { parseKnowledgeChange } from '../../src/handoff/staff/knowledgeEditor.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { redisStore, type StateStore } from '../../src/storage/stateStore.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { testConfig } from '../support/testApp.js';
import { startHandoffServer, STAFF_PASSWORD, WebCandidate, type HandoffServer } from './support.js';
import { consoleInBrowser } from './consoleInBrowser.js';

/**
 * The improvement loop as an editor works it, in headless Chromium, across two instances on one
 * Redis: the editor teaches the bot in the console on instance A, and a candidate talking to
 * instance B gets the answer without a restart; the editor undoes it, and B answers as before.
 */

const gate = redisSuiteGate('the improvement loop in a browser across two instances');
const phrasing = 'where is the thing that shows how my ase test went';
const answered = /score report/i;

describe.skipIf(gate.skip)('an editor teaches the bot in the console on one instance; the other answers at once (headless Chromium, Redis)', () => {
  let redis: TestRedis | undefined;
  const prefix = `test-teach-ui-${randomUUID().slice(0, 8)}:`;
  const env = { REDIS_KEY_PREFIX: prefix, DIRECTLINE_LOCAL_SECRET: 'one-secret-shared-by-every-instance-0123456789' };
  const stores: StateStore[] = [];

  const instance = async () => {
    const client = createRedisClient({ url: redis!.url });
    await waitForRedisReady(client);
    const store = redisStore(client, testConfig(env));
    stores.push(store);
    // Each instance loads its own knowledge base, as separate processes do.
    return startHandoffServer({
      storage: store.storage,
      gate: store.gate,
      live: store.liveChannel('handoff', parseLiveEvent),
      caseQueue: store.openQueue('handoff'),
      knowledgeLive: store.liveChannel('knowledge', parseKnowledgeChange),
      knowledge: await loadKnowledgeBase('knowledge'),
      env,
    });
  };

  const desk = consoleInBrowser({
    start: async () => {
      redis = await startRedisServer();
      return [await instance(), await instance()];
    },
    timeout: 60_000,
    cleanUp: async () => {
      for (const store of stores) await store.close();
      if (redis) await deleteTestKeys(redis.url, prefix);
      await redis?.stop();
    },
  });

  it('the editor on A adds the unanswered question as an alternate; the candidate on B is answered from the entry; Undo on A puts B back', { timeout: 90_000 }, async (test) => {
    requireChromium(test);
    const [a, b] = desk.servers as [HandoffServer, HandoffServer];
    const ask = async () => (await (await WebCandidate.start(b.url)).say(phrasing)).join(' ');
    expect(await ask()).not.toMatch(answered);

    const page = await desk.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchForProblems(page, (status, url) => status === 401 && url.endsWith('/staff/api/session'));
    await page.goto(`${a.url}/staff`);
    await page.locator('#login-username').fill('editor');
    await page.locator('#login-password').fill(STAFF_PASSWORD);
    await page.locator('#login-submit').click();
    // The question asked on B reaches A's insights through the store (each instance writes its figures every few seconds).
    const row = page.locator('[data-testid=insights-unanswered] tbody tr', { hasText: phrasing });
    await expect
      .poll(async () => {
        await page.locator('#insights-show').click();
        await page.locator('#insights-status').filter({ hasText: /handed to staff/ }).waitFor({ timeout: 5_000 });
        return row.count();
      }, { timeout: 20_000, interval: 500 })
      .toBeGreaterThan(0);
    await row.first().locator('[data-testid=teach]').click();
    await page.locator('#teach-entry').selectOption('test-results');
    await page.locator('#teach-check').click();
    await expect.poll(() => page.locator('#teach-result').innerText(), { timeout: 20_000 }).toMatch(/With it: test-results\..*It can be added\./);
    await page.locator('#teach-add').click();
    await expect.poll(() => page.locator('#teach-result').innerText(), { timeout: 20_000 }).toMatch(/^Added to test-results \(version 1\): every instance answers it now\./);
    // Instance B heard the new version (Redis pub/sub): no restart.
    await expect.poll(ask, { timeout: 10_000, interval: 200 }).toMatch(answered);
    await screenshot(page, 'staff-teach-two-instances.png', { fullPage: true });

    await page.locator('[data-testid=insights-taught] tbody tr', { hasText: 'Alternate of test-results' }).getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => page.locator('#insights-status').innerText(), { timeout: 20_000 }).toMatch(/^Undone: \u201cwhere is the thing that shows how my ase test went\u201d is no longer an alternate of test-results/);
    await expect.poll(ask, { timeout: 10_000, interval: 200 }).not.toMatch(answered);
    expect(problems).toEqual([]);
  });
});
