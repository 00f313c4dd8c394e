import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLiveEvent } from '../../src/handoff/liveEvents.js';
import { parseKnowledgeChange } from '../../src/handoff/staff/knowledgeEditor.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { redisStore, type StateStore } from '../../src/storage/stateStore.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { testConfig } from '../support/testApp.js';
import { startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

const run = promisify(execFile);
const gate = redisSuiteGate('the improvement loop across two instances');
const phrasing = 'where is the thing that shows how my ase test went';
const wifi = 'Is there free wifi for my laptop?';

describe.skipIf(gate.skip)('the improvement loop: an editor teaches the bot a phrasing, and every instance answers it without a restart', () => {
  let redis: TestRedis;
  const prefix = `test-learn-${randomUUID().slice(0, 8)}:`;
  const env = { REDIS_KEY_PREFIX: prefix, DIRECTLINE_LOCAL_SECRET: 'one-secret-shared-by-every-instance-0123456789' };
  const stores: StateStore[] = [];
  let a: HandoffServer;
  let b: HandoffServer;

  const instance = async () => {
    const client = createRedisClient({ url: redis.url });
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

  beforeAll(async () => {
    redis = await startRedisServer();
    a = await instance();
    b = await instance();
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const store of stores) await store.close();
    if (redis) await deleteTestKeys(redis.url, prefix);
    await redis?.stop();
  });

  it('the unanswered question, checked like kb:check, added on instance A, is answered on instance B; audited; a bad one is refused with the reason; a question marked out of scope is declined on B; kb:taught lists both from the store', { timeout: 120_000 }, async () => {
    const before = await WebCandidate.start(b.url);
    const unanswered = (await before.say(phrasing)).join(' ');
    expect(unanswered).not.toMatch(/score report|myASE within three days/i);

    const editor = new StaffClient(a.url);
    await editor.login('editor');
    // The insights list it (instance B saw it; the figures are shared through the store).
    await expect.poll(async () => ((await editor.get('/staff/api/insights')).json.unanswered as Array<{ text: string }>).map((q) => q.text), { timeout: 10_000 }).toContain(phrasing);

    // The retrieval figures before the change is accepted.
    const check = await editor.post('/staff/api/knowledge/alternates/check', { entryId: 'test-results', text: phrasing });
    expect(check.status).toBe(200);
    expect(check.json).toMatchObject({ entryId: 'test-results', text: phrasing, findsAfter: 'test-results', accepted: true, newConflicts: [] });
    expect(check.json.findsNow).not.toBe('test-results');
    expect(check.json.after.checked).toBe(check.json.before.checked + 1);
    expect(check.json.after.own).toBeGreaterThanOrEqual(check.json.before.own);

    const added = await editor.post('/staff/api/knowledge/alternates', { entryId: 'test-results', text: phrasing });
    expect(added.status).toBe(201);
    expect(added.json.version).toBe(1);

    // Instance B heard the new version (Redis pub/sub) and answers the phrasing from the entry.
    await expect
      .poll(async () => (await (await WebCandidate.start(b.url)).say(phrasing)).join(' '), { timeout: 30_000, interval: 200 })
      .toMatch(/score report/i);

    // Refused, with the reason: the same phrasing again, an unknown entry, and an agent trying.
    const again = await editor.post('/staff/api/knowledge/alternates', { entryId: 'test-results', text: phrasing });
    expect(again.status).toBe(400);
    expect(again.json.message).toMatch(/already a phrasing of test-results/);
    expect((await editor.post('/staff/api/knowledge/alternates', { entryId: 'no-such-entry', text: 'anything at all' })).json.message).toMatch(/no FAQ entry "no-such-entry"/);
    const agent = new StaffClient(a.url);
    await agent.login('agent1');
    expect((await agent.post('/staff/api/knowledge/alternates', { entryId: 'test-results', text: 'some other words' })).status).toBe(403);

    const sam = new StaffClient(b.url);
    await sam.login('supervisor');
    const audit = (await sam.get('/staff/api/audit')).json.entries as Array<{ actor: string; action: string; detail?: Record<string, unknown> }>;
    expect(audit.find((e) => e.action === 'alternate-added')).toMatchObject({ actor: 'editor', detail: { entry: 'test-results', version: 1 } });
    expect((await editor.get('/staff/api/knowledge/entries')).json.added).toEqual([expect.objectContaining({ entryId: 'test-results', text: phrasing, by: 'editor' })]);

    // A question marked out of scope on instance A is declined on instance B (the off-topic reply).
    expect((await (await WebCandidate.start(b.url)).say(wifi)).join(' ')).not.toMatch(/outside what I can answer/i);
    expect((await editor.post('/staff/api/knowledge/out-of-scope', { text: wifi })).json).toMatchObject({ declined: true, topicId: 'off-topic' });
    await expect.poll(async () => (await (await WebCandidate.start(b.url)).say(wifi)).join(' '), { timeout: 30_000, interval: 200 }).toMatch(/outside what I can answer/i);
    // With Redis (several instances) no instance writes the knowledge files: kb:taught does.
    expect(added.json.file).toEqual({ notWritten: expect.stringMatching(/npm run kb:taught -- --write/) });

    // npm run kb:taught reads the same store and lists what the knowledge files lack (a dry run here).
    const listed = await run(process.execPath, ['--import', 'tsx', 'src/cli/kbTaught.ts'], { env: { ...process.env, NODE_ENV: 'test', REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix } });
    expect(listed.stdout).toContain('kb:taught: 1 alternate phrasing and 1 declined question in the Redis store');
    expect(listed.stdout).toContain(`to write faq/test-results.md: "${phrasing}"`);
    expect(listed.stdout).toContain(`to write out-of-scope.yaml: "${wifi}"`);

    // A third instance started now applies both from the store at start.
    const c = await instance();
    try {
      await expect.poll(async () => (await (await WebCandidate.start(c.url)).say(phrasing)).join(' '), { timeout: 30_000, interval: 200 }).toMatch(/score report/i);
      expect((await (await WebCandidate.start(c.url)).say(wifi)).join(' ')).toMatch(/outside what I can answer/i);
    } finally {
      await c.close();
    }
  });
  it('an editor undoes both on instance B: instance A stops answering the phrasing from the entry and declines the question no more, without a restart; audited; kb:taught lists neither', { timeout: 120_000 }, async () => {
    const editor = new StaffClient(b.url);
    await editor.login('editor');
    const undone = await editor.post('/staff/api/knowledge/alternates/undo', { entryId: 'test-results', text: phrasing });
    expect(undone.status).toBe(200);
    expect(undone.json).toMatchObject({ kind: 'alternate', entryId: 'test-results', text: phrasing, version: 2, file: { notWritten: expect.stringMatching(/kb:taught no longer writes it/) } });
    // Instance A heard the new version and answers as before the change.
    await expect
      .poll(async () => (await (await WebCandidate.start(a.url)).say(phrasing)).join(' '), { timeout: 30_000, interval: 200 })
      .not.toMatch(/score report|myASE within three days/i);

    const unmarked = await editor.post('/staff/api/knowledge/out-of-scope/undo', { text: wifi });
    expect(unmarked.status).toBe(200);
    expect(unmarked.json).toMatchObject({ kind: 'out-of-scope', topicId: 'off-topic', text: wifi, version: 2, marked: 0 });
    await expect.poll(async () => (await (await WebCandidate.start(a.url)).say(wifi)).join(' '), { timeout: 30_000, interval: 200 }).not.toMatch(/outside what I can answer/i);

    // Undone twice is nothing to undo; an agent may not undo.
    expect((await editor.post('/staff/api/knowledge/alternates/undo', { entryId: 'test-results', text: phrasing })).status).toBe(404);
    const agent = new StaffClient(a.url);
    await agent.login('agent1');
    expect((await agent.post('/staff/api/knowledge/out-of-scope/undo', { text: wifi })).status).toBe(403);

    const sam = new StaffClient(a.url);
    await sam.login('supervisor');
    const audit = (await sam.get('/staff/api/audit')).json.entries as Array<{ actor: string; action: string; detail?: Record<string, unknown> }>;
    expect(audit.find((e) => e.action === 'alternate-undone')).toMatchObject({ actor: 'editor', detail: { entry: 'test-results', version: 2 } });
    expect(audit.find((e) => e.action === 'out-of-scope-undone')).toMatchObject({ actor: 'editor', detail: { topic: 'off-topic', declined: true, marked: 0 } });
    expect((await editor.get('/staff/api/knowledge/entries')).json).toMatchObject({ added: [], declined: [], marks: [] });

    const listed = await run(process.execPath, ['--import', 'tsx', 'src/cli/kbTaught.ts'], { env: { ...process.env, NODE_ENV: 'test', REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix } });
    expect(listed.stdout).toContain('kb:taught: 0 alternate phrasings and 0 declined questions in the Redis store');
  });
});
