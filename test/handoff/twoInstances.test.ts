import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLiveEvent } from '../../src/handoff/liveEvents.js';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import type { RedisClient } from '../../src/storage/redisStorage.js';
import { redisStore, type StateStore } from '../../src/storage/stateStore.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { testConfig } from '../support/testApp.js';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

const gate = redisSuiteGate('handoff across two instances');

describe.skipIf(gate.skip)('a handoff across two bot instances sharing one Redis', () => {
  let redis: TestRedis;
  const prefix = `test-handoff-${randomUUID().slice(0, 8)}:`;
  const env = { REDIS_KEY_PREFIX: prefix, DIRECTLINE_LOCAL_SECRET: 'one-secret-shared-by-every-instance-0123456789' };
  const clients: RedisClient[] = [];
  const stores: StateStore[] = [];
  let a: HandoffServer;
  let b: HandoffServer;
  const clock = movableClock();

  const instance = async () => {
    const client = createRedisClient({ url: redis.url });
    await waitForRedisReady(client);
    clients.push(client);
    const store = redisStore(client, testConfig(env));
    stores.push(store);
    return startHandoffServer({ storage: store.storage, gate: store.gate, live: store.liveChannel('handoff', parseLiveEvent), caseNumbers: store.sequence('handoff-case'), caseQueue: store.openQueue('handoff'), clock: clock.now, env });
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    a = await instance();
    b = await instance();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const store of stores) await store.close();
    if (redis) await deleteTestKeys(redis.url, prefix);
    await redis?.stop();
  });

  it('the agent on instance A and the candidate on instance B talk, are transferred and handed back, with no message lost', async () => {
    const alex = new StaffClient(a.url);
    const blair = new StaffClient(b.url);
    await alex.login('agent1');
    await blair.login('agent2');
    const alexLive = await alex.events();
    const blairLive = await blair.events();

    const candidate = await WebCandidate.start(b.url);
    await candidate.say('When can I retake a test I failed?');
    expect((await candidate.say('I want to speak to a representative')).join(' ')).toMatch(/next in line/);

    // Queued on B, heard live on A.
    const queuedEvent = await alexLive.waitFor((e) => e.event === 'case' && e.data.status === 'queued');
    const caseId = queuedEvent.data.caseId as string;
    expect((await alex.claim(caseId)).status).toBe(200);
    await candidate.waitFor(/chatting with Alex/);

    // Candidate -> B -> Redis -> A's live stream; agent -> A -> store -> the candidate polling B.
    const fromCandidate = ['My test was A5', 'I failed it on March 3', 'Can I book for next week?'];
    const fromAgent = ['Let me check.', 'You can retest from March 3 + 30 days.', 'Anything else?'];
    for (let i = 0; i < 3; i++) {
      expect(await candidate.say(fromCandidate[i]!, b.url)).toEqual([]);
      await alexLive.waitFor((e) => e.event === 'line' && e.data.line.text === fromCandidate[i]);
      expect((await alex.post(`/staff/api/cases/${caseId}/messages`, { text: fromAgent[i] })).status).toBe(201);
      await candidate.waitFor(new RegExp(fromAgent[i]!.replace(/[.+?]/g, '\\$&')), 5000, b.url);
    }

    // Transfer from Alex (on A) to Blair (on B); Blair hears it on B.
    expect((await alex.post(`/staff/api/cases/${caseId}/transfer`, { to: 'agent2' })).status).toBe(200);
    await blairLive.waitFor((e) => e.event === 'case' && e.data.caseId === caseId && e.data.owner === 'agent2');
    await candidate.waitFor(/Blair from ASE support is taking over/);
    expect(await candidate.say('Thanks Blair', a.url)).toEqual([]);
    await blairLive.waitFor((e) => e.event === 'line' && e.data.line.text === 'Thanks Blair');
    expect((await blair.post(`/staff/api/cases/${caseId}/messages`, { text: 'Happy to help.' })).status).toBe(201);
    await candidate.waitFor(/Happy to help/);

    expect((await blair.post(`/staff/api/cases/${caseId}/handback`, { note: 'Explained retest wait' })).status).toBe(200);
    await candidate.waitFor(/passed you back to me/);
    expect((await candidate.say('How do I reschedule my test?', a.url)).join(' ')).toMatch(/change your test date/i);

    // Every line reached both sides exactly once.
    const transcript = (await blair.asSupervisorView(caseId)) ?? [];
    for (const text of fromCandidate) expect(transcript.filter((line) => line === `candidate: ${text}`)).toHaveLength(1);
    for (const text of [...fromAgent, 'Happy to help.']) {
      expect(transcript.filter((line) => line === `agent: ${text}`)).toHaveLength(1);
      expect(candidate.seen.filter((message) => message.text === text)).toHaveLength(1);
    }
    alexLive.close();
    blairLive.close();
  });

  it('handoff records in Redis expire after the retention period', async () => {
    const client = clients[0]!;
    const keys = await client.keys(`${prefix}state:handoff/*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await client.ttl(key);
      expect(ttl, key).toBeGreaterThan(29 * 86_400);
      expect(ttl, key).toBeLessThanOrEqual(30 * 86_400);
    }
  });

  it('cases opened on both instances at once get different case numbers, and either instance finds a case by its number', async () => {
    const alex = new StaffClient(a.url);
    await alex.login('agent1');
    const onA = await WebCandidate.start(a.url);
    const onB = await WebCandidate.start(b.url);
    await Promise.all([onA.say('talk to someone'), onB.say('talk to someone')]);
    const { queued } = (await alex.get('/staff/api/cases')).json as { queued: Array<{ id: string; caseNumber: string }> };
    const numbers = queued.map((c) => c.caseNumber);
    expect(numbers.length).toBeGreaterThanOrEqual(2);
    for (const number of numbers) expect(number).toMatch(/^C-1\d{3}$/);
    expect(new Set(numbers).size).toBe(numbers.length);
    const blair = new StaffClient(b.url);
    await blair.login('supervisor');
    for (const c of queued) expect((await blair.get(`/staff/api/cases/${c.caseNumber.toLowerCase()}`)).json.case.id).toBe(c.id);
  });
});
