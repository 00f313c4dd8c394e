import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { memoryStore, redisStore, type StateStore } from '../../src/storage/stateStore.js';
import { deleteTestKeys, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';
import { testConfig } from '../support/testApp.js';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

type Found = { caseNumber: string; topic: string; channel: string; owner?: string; closedBy: string; closedAt: string; contact?: string };

const redisGate = redisSuiteGate('handoff history on Redis');

describe.each([
  ['memory', false],
  ['Redis', true],
])('history and search of closed cases (%s)', (_name, onRedis) => {
  let redis: TestRedis | undefined;
  let store: StateStore;
  let server: HandoffServer;
  const prefix = `test-history-${randomUUID().slice(0, 8)}:`;
  const clock = movableClock();
  let alex: StaffClient;
  let blair: StaffClient;
  let sam: StaffClient;

  const skip = onRedis && redisGate.skip;

  /** A candidate asks `question`, then for a person; the case is closed by `close`. */
  const handOver = async (question: string) => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say(question);
    await candidate.say('talk to a person');
    return candidate;
  };

  beforeAll(async () => {
    if (skip) return;
    if (onRedis) {
      redis = await startRedisServer();
      const client = createRedisClient({ url: redis.url });
      await waitForRedisReady(client);
      store = redisStore(client, testConfig({ REDIS_KEY_PREFIX: prefix }));
    } else {
      store = memoryStore();
    }
    server = await startHandoffServer({ storage: store.storage, gate: store.gate, caseNumbers: store.sequence('handoff-case'), caseQueue: store.openQueue('handoff'), clock: clock.now });
    [alex, blair, sam] = [new StaffClient(server.url), new StaffClient(server.url), new StaffClient(server.url)];
    await alex.login('agent1');
    await blair.login('agent2');
    await sam.login('supervisor');

    // Tuesday March 18: Alex hands a refund question back to the bot.
    clock.set(new Date('2025-03-18T14:00:00Z'));
    const refund = await handOver('Can I get a refund for my test?');
    await refund.say('mail me at pat@example.com');
    const first = await alex.queuedCase(/refund/);
    await alex.post(`/staff/api/cases/${first!.id}/claim`);
    await alex.post(`/staff/api/cases/${first!.id}/handback`, { note: 'explained refunds' });
    // Wednesday March 19: Blair ends a retest question; another candidate goes back to the bot while waiting.
    clock.set(new Date('2025-03-19T15:00:00Z'));
    await handOver('When can I retake a test I failed?');
    const second = await blair.queuedCase(/retake/);
    await blair.post(`/staff/api/cases/${second!.id}/claim`);
    await blair.post(`/staff/api/cases/${second!.id}/end`);
    clock.set(new Date('2025-03-19T15:30:00Z'));
    const leaving = await handOver('How do I reschedule my appointment?');
    await leaving.say('back to the bot');
    // Still open: never in the history.
    await handOver('Where is my certificate?');
    clock.set(new Date('2025-03-19T18:00:00Z'));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await store?.close();
    if (redis) await deleteTestKeys(redis.url, prefix);
    await redis?.stop();
  });

  const search = async (who: StaffClient, query: string) => {
    const response = await who.get(`/staff/api/history?${query}`);
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    return response.json.cases as Found[];
  };

  it.skipIf(skip)('a supervisor lists the cases closed on a day, or a range of days, newest first', async () => {
    expect((await search(sam, 'from=2025-03-18')).map((c) => [c.caseNumber, c.owner, c.closedBy])).toEqual([['C-1001', 'agent1', 'handback']]);
    expect((await search(sam, 'from=2025-03-18&to=2025-03-19')).map((c) => [c.caseNumber, c.owner ?? null, c.closedBy])).toEqual([
      ['C-1003', null, 'candidate'],
      ['C-1002', 'agent2', 'agent'],
      ['C-1001', 'agent1', 'handback'],
    ]);
    // Without dates: today (the clock's day, March 19).
    expect((await search(sam, '')).map((c) => c.caseNumber)).toEqual(['C-1003', 'C-1002']);
    expect(await search(sam, 'from=2025-03-20&to=2025-03-31')).toEqual([]);
  });

  it.skipIf(skip)('searches by topic words, channel, agent and outcome, together', async () => {
    const range = 'from=2025-03-18&to=2025-03-19';
    expect((await search(sam, `${range}&q=REFUND`)).map((c) => c.caseNumber)).toEqual(['C-1001']);
    expect((await search(sam, `${range}&q=retake%20failed`)).map((c) => c.caseNumber)).toEqual(['C-1002']);
    expect((await search(sam, `${range}&q=c-1003`)).map((c) => c.caseNumber)).toEqual(['C-1003']);
    expect((await search(sam, `${range}&agent=agent2`)).map((c) => c.caseNumber)).toEqual(['C-1002']);
    expect((await search(sam, `${range}&outcome=candidate`)).map((c) => c.caseNumber)).toEqual(['C-1003']);
    expect((await search(sam, `${range}&channel=webchat&outcome=handback`)).map((c) => c.caseNumber)).toEqual(['C-1001']);
    expect(await search(sam, `${range}&channel=sms`)).toEqual([]);
    expect(await search(sam, `${range}&agent=agent1&outcome=agent`)).toEqual([]);
  });

  it.skipIf(skip)('an agent finds only the cases they handled, and may read their transcripts again', async () => {
    const mine = await search(alex, 'from=2025-03-18&to=2025-03-19');
    expect(mine.map((c) => c.caseNumber)).toEqual(['C-1001']);
    // The contact stays theirs to read.
    expect(mine[0]!.contact).toBe('pat@example.com');
    const opened = await alex.get('/staff/api/cases/C-1001');
    expect(opened.status).toBe(200);
    expect(opened.json.transcript.map((line: { text: string }) => line.text)).toContain('mail me at [email]');
    expect((await alex.get('/staff/api/cases/C-1002')).status).toBe(403);
    expect((await search(blair, 'from=2025-03-18&to=2025-03-19&agent=agent1'))).toEqual([]);
  });

  it.skipIf(skip)('refuses a bad day, a reversed or too long range and an unknown outcome, saying which', async () => {
    for (const [query, pattern] of [
      ['from=2025-3-18', /from/],
      ['from=2025-03-19&to=2025-03-18', /on or before/],
      ['from=2025-01-01&to=2025-03-01', /31 days/],
      ['outcome=lost', /outcome/],
      ['sort=desc', /sort/],
    ] as const) {
      const response = await sam.get(`/staff/api/history?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.json.message, query).toMatch(pattern);
    }
    expect((await new StaffClient(server.url).get('/staff/api/history')).status).toBe(401);
  });
});
