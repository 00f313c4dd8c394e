import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from 'botbuilder';
import { startBot, type RunningBot } from '../support/conversation.js';
import { listenOnLoopback, postMessage } from '../support/loopback.js';
import { observedStorage } from '../../src/storage/observedStorage.js';
import { EtagConflictError, StorageUnavailableError } from '../../src/storage/storageErrors.js';

// /metrics on the application `npm start` runs (src/metrics/appMetrics.ts, src/http/metricsRoute.ts),
// read as Prometheus would: counts follow what candidates did, through HTTP.

const scrape = async (bot: RunningBot, headers: Record<string, string> = {}) => {
  const response = await fetch(`${bot.url}/metrics`, { headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
};

/** The value of one sample, e.g. value(text, 'candidate_assistant_turns_total', { route: 'faq' }); 0 when absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const lines = text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
  const matching = lines.filter((line) => Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)));
  return matching.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe('/metrics in development (no METRICS_TOKEN): open', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.close());

  it('counts turns by channel and route, and FAQ decisions by kind and entry', async () => {
    const before = (await scrape(bot)).text;
    const webchat = bot.conversation({ channel: 'webchat' });
    await webchat.say('can i reschedule my test');
    await bot.conversation({ channel: 'webchat' }).say('how do I renew my passport');
    await bot.conversation({ channel: 'sms' }).say('can i reschedule my test');
    const { status, text, headers } = await scrape(bot);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/plain');
    expect(value(text, 'candidate_assistant_turns_total', { channel: 'webchat', route: 'faq' }) - value(before, 'candidate_assistant_turns_total', { channel: 'webchat', route: 'faq' })).toBeGreaterThanOrEqual(1);
    expect(value(text, 'candidate_assistant_turns_total', { channel: 'sms' })).toBeGreaterThanOrEqual(1);
    const answered = bot.events.filter((event) => event.faq?.decision === 'answer');
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(value(text, 'candidate_assistant_faq_decisions_total', { kind: 'answer', entry: answered[0]!.faq!.entryId! })).toBe(answered.filter((e) => e.faq?.entryId === answered[0]!.faq!.entryId).length);
    const kinds = new Set(bot.events.filter((e) => e.faq).map((e) => e.faq!.decision));
    expect(kinds.size).toBeGreaterThan(1);
    expect(text).toMatch(/candidate_assistant_faq_decisions_total\{kind="(declined|unknown|did-you-mean)"/);
  });

  it('counts a guided task that ended, by task and outcome', async () => {
    await bot.conversation().say('I failed A5 on March 3, 2025. When can I retake it?');
    const ended = bot.events.filter((event) => event.dialog?.outcome && event.dialog.outcome !== 'waiting');
    expect(ended.length).toBeGreaterThan(0);
    const { id, outcome } = ended.at(-1)!.dialog!;
    expect(value((await scrape(bot)).text, 'candidate_assistant_task_outcomes_total', { task: id, outcome: outcome! })).toBeGreaterThanOrEqual(1);
  });

  it('counts a handoff by reason and shows the queue it joined', async () => {
    await bot.conversation().say('talk to a person');
    const { text } = await scrape(bot);
    expect(value(text, 'candidate_assistant_handoffs_total', { outcome: 'started', reason: 'asked' })).toBe(1);
    expect(value(text, 'candidate_assistant_handoff_queue_length')).toBe(1);
    expect(text).toMatch(/^candidate_assistant_handoff_oldest_wait_seconds \d+$/m);
    // The new case was timed from the decision to its place in line.
    expect(value(text, 'candidate_assistant_handoff_request_seconds_count')).toBe(1);
  });

  it('times store operations and carries Node default metrics', async () => {
    const { text } = await scrape(bot);
    expect(value(text, 'candidate_assistant_store_operation_seconds_count', { operation: 'read' })).toBeGreaterThan(0);
    expect(value(text, 'candidate_assistant_store_operation_seconds_count', { operation: 'write' })).toBeGreaterThan(0);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it('counts a reply the channel refused, by channel', async () => {
    const refusing = await listenOnLoopback(createServer((_req, res) => {
      res.writeHead(400);
      res.end();
    }));
    try {
      const response = await postMessage(`${bot.url}/api/messages`, { id: 'r1', text: 'can i reschedule my test', conversation: 'metrics-refused', serviceUrl: refusing.url });
      expect(response.status).toBeLessThan(600);
      expect(value((await scrape(bot)).text, 'candidate_assistant_reply_failures_total', { channel: 'emulator' })).toBeGreaterThanOrEqual(1);
    } finally {
      await refusing.close();
    }
  });

  it('each application keeps its own counts (one registry per app)', async () => {
    const other = await startBot();
    try {
      expect(value((await scrape(other)).text, 'candidate_assistant_turns_total')).toBe(0);
      await other.conversation().say('can i reschedule my test');
      const mine = value((await scrape(bot)).text, 'candidate_assistant_turns_total');
      expect(value((await scrape(other)).text, 'candidate_assistant_turns_total')).toBe(1);
      expect(mine).toBeGreaterThan(1);
    } finally {
      await other.close();
    }
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const token = 'metrics-token-for-the-scraper-0123';
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ env: { METRICS_TOKEN: token } });
  });
  afterAll(() => bot.close());

  it('answers 401 without the bearer token or with a wrong one, and 200 with it', async () => {
    const none = await scrape(bot);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(none.text).not.toContain('candidate_assistant_');
    expect((await scrape(bot, { authorization: `Bearer ${token}x` })).status).toBe(401);
    const right = await scrape(bot, { authorization: `Bearer ${token}` });
    expect(right.status).toBe(200);
    expect(right.text).toContain('candidate_assistant_turns_total');
  });
});

describe('/metrics in production without METRICS_TOKEN', () => {
  it('is not served at all (404)', async () => {
    const bot = await startBot({
      env: {
        NODE_ENV: 'production',
        MicrosoftAppId: '00000000-0000-0000-0000-00000000abcd',
        MicrosoftAppPassword: 'app-password-value',
        ACCOUNT_API_URL: 'https://accounts.example.org',
        ACCOUNT_API_KEY: 'account-api-key',
      },
    });
    try {
      expect((await scrape(bot)).status).toBe(404);
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      await bot.close();
    }
  });
});

describe('store errors by kind', () => {
  it('each failed store operation is reported with its kind: an eTag conflict, Redis unavailable', async () => {
    const seen: Array<[string, string | undefined]> = [];
    const failing: Storage = {
      read: async () => {
        throw new StorageUnavailableError('read', 'k', new Error('connect ECONNREFUSED'), 'refused');
      },
      write: async () => {
        throw new EtagConflictError('k', '1');
      },
      delete: async () => undefined,
    };
    const storage = observedStorage(failing, (operation, _seconds, kind) => seen.push([operation, kind]));
    await expect(storage.read(['k'])).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.write({ k: { eTag: '1' } })).rejects.toBeInstanceOf(EtagConflictError);
    await storage.delete(['k']);
    expect(seen).toEqual([
      ['read', 'unavailable-refused'],
      ['write', 'etag-conflict'],
      ['delete', undefined],
    ]);
  });
});
