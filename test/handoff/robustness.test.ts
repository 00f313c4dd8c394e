import { MemoryStorage } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseStore } from '../../src/handoff/caseStore.js';
import { memoryOpenQueue } from '../../src/storage/openQueue.js';
import type { HandoffCase } from '../../src/handoff/types.js';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const aCase = (id: string, queuedAt: Date): HandoffCase => ({
  id,
  conversationKey: `test/${id}`,
  channel: 'test',
  reference: {},
  status: 'queued',
  reason: 'asked',
  topic: 'Asked for a person',
  summary: { verified: false },
  queuedAt: queuedAt.toISOString(),
});

describe('the case store over months of use', () => {
  const close = (store: CaseStore, id: string, at: Date) =>
    store.update(id, (c) => ({ ...c, status: 'closed', closedAt: at.toISOString(), closedBy: 'agent' }), at);

  it('the queue holds open cases only, however many have closed', async () => {
    const queue = memoryOpenQueue();
    const store = new CaseStore(new MemoryStorage(), { retentionDays: 30, queue });
    for (let i = 0; i < 200; i++) {
      await store.create(aCase(`c${i}`, day('2025-03-01')), [], day('2025-03-01'));
      await close(store, `c${i}`, day('2025-03-01'));
    }
    await store.create(aCase('open', day('2025-03-02')), [], day('2025-03-02'));
    expect((await store.openCases()).queued.map((c) => c.id)).toEqual(['open']);
    expect((await queue.list()).map((entry) => entry.id)).toEqual(['open']);
  });

  it('a closed case is kept 30 days: there the day before retention runs out, gone the day after', async () => {
    const store = new CaseStore(new MemoryStorage(), { retentionDays: 30 });
    await store.create(aCase('old', day('2025-03-01')), [], day('2025-03-01'));
    await close(store, 'old', day('2025-03-01'));

    // Sweeps happen as other cases close.
    await store.create(aCase('b', day('2025-03-30')), [], day('2025-03-30'));
    await close(store, 'b', day('2025-03-30'));
    expect(await store.get('old')).toBeDefined();

    await store.create(aCase('c', day('2025-03-31')), [], day('2025-03-31'));
    await close(store, 'c', day('2025-03-31'));
    expect(await store.get('old')).toBeDefined();

    await store.create(aCase('d', day('2025-04-01')), [], day('2025-04-01'));
    await close(store, 'd', day('2025-04-01'));
    expect(await store.get('old')).toBeUndefined();
    expect((await store.transcript('old')).lines).toEqual([]);
    expect(await store.get('b')).toBeDefined();
  });

  it('a queue entry whose case expired is reaped rather than counted in the queue', async () => {
    const storage = new MemoryStorage();
    const queue = memoryOpenQueue();
    const store = new CaseStore(storage, { retentionDays: 30, queue });
    await store.create(aCase('gone', day('2025-03-01')), [], day('2025-03-01'));
    await store.create(aCase('here', day('2025-03-01')), [], day('2025-03-01'));
    expect(await store.place('here')).toBe(2);
    await storage.delete(['handoff/case/gone']);
    expect((await store.openCases()).queued.map((c) => c.id)).toEqual(['here']);
    expect((await queue.list()).map((entry) => entry.id)).toEqual(['here']);
    expect(await store.place('here')).toBe(1);
  });

  it('a store written when the queue was one item keeps its queue, in the same order', async () => {
    const memory: Record<string, string> = {};
    const storage = new MemoryStorage(memory);
    const first = aCase('first', day('2025-03-01'));
    const second = aCase('second', new Date(day('2025-03-01').getTime() + 60_000));
    await storage.write({
      'handoff/case/first': first,
      'handoff/case/second': second,
      'handoff/index': { open: { second: { status: 'queued', queuedAt: second.queuedAt }, first: { status: 'queued', queuedAt: first.queuedAt } }, recentWaitsMs: [120_000] },
    });
    const store = new CaseStore(storage, { retentionDays: 30 });
    expect((await store.openCases()).queued.map((c) => c.id)).toEqual(['first', 'second']);
    expect(await store.recentWaits()).toEqual([120_000]);
    expect(memory['handoff/index']).toBeUndefined();
  });
});

describe('a handoff stays consistent when things happen at once or go wrong', () => {
  let server: HandoffServer;
  const clock = movableClock();

  afterEach(async () => {
    await server?.close();
  });

  /** What the store holds, by key. */
  let memory: Record<string, string> = {};

  async function claimedCase() {
    memory = {};
    server = await startHandoffServer({ clock: clock.now, storage: new MemoryStorage(memory) });
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('talk to a person');
    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    const caseId = (await agent.queuedCase())!.id as string;
    await agent.claim(caseId);
    return { candidate, agent, caseId };
  }

  it('claiming your own case again tells the candidate nothing twice', async () => {
    const { candidate, agent, caseId } = await claimedCase();
    expect((await agent.claim(caseId)).status).toBe(200);
    await candidate.read();
    expect(candidate.seen.filter((m) => /now chatting with Alex/.test(m.text))).toHaveLength(1);
  });

  it('a reply racing a supervisor ending the case never reaches the candidate after the end', async () => {
    const { candidate, agent, caseId } = await claimedCase();
    const supervisor = new StaffClient(server.url);
    await supervisor.login('supervisor');
    const [reply, ended] = await Promise.all([agent.post(`/staff/api/cases/${caseId}/messages`, { text: 'One more thing' }), supervisor.post(`/staff/api/cases/${caseId}/end`)]);
    expect(ended.status).toBe(200);
    await candidate.waitFor(/has ended the chat/);
    const texts = candidate.seen.map((m) => m.text);
    if (reply.status === 201) expect(texts.indexOf('One more thing')).toBeLessThan(texts.findIndex((t) => /has ended the chat/.test(t)));
    else {
      expect([403, 409]).toContain(reply.status);
      expect(texts).not.toContain('One more thing');
    }
  });

  it('when the bot has lost its note of the handoff (its state was not saved), the store still keeps it quiet', async () => {
    const { candidate, agent, caseId } = await claimedCase();
    const live = await agent.events();
    // The bot's conversation state only (the Direct Line conversation itself lives in the store too).
    const keys = Object.keys(memory).filter((key) => key === `directline/conversations/${candidate.conversationId}/`);
    expect(keys.length).toBeGreaterThan(0);
    await server.storage.delete(keys);
    expect(await candidate.say('Hello? Still there?')).toEqual([]);
    await live.waitFor((e) => e.event === 'line' && e.data.caseId === caseId && e.data.line.text === 'Hello? Still there?');
    live.close();
  });

  it('a picture sent while with staff gets no bot reply, and staff see that one came', async () => {
    const { candidate, agent, caseId } = await claimedCase();
    const sent = await candidate.send({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/photo.png' }] });
    expect(sent.filter((a) => a.type === 'message')).toEqual([]);
    const { json } = await agent.get(`/staff/api/cases/${caseId}`);
    expect(json.transcript.at(-1)).toMatchObject({ from: 'candidate', text: expect.stringMatching(/picture, file or card/) });
  });

  it('back in the queue, the next claim counts as a new wait', async () => {
    const { agent, caseId } = await claimedCase();
    await agent.post(`/staff/api/cases/${caseId}/transfer`, { to: null });
    const queued = await agent.queuedCase();
    expect(queued).toMatchObject({ id: caseId, status: 'queued' });
    expect(queued!.claimedAt).toBeUndefined();
  });

  it('a failed sign-in with a name that is no account is audited without the name', async () => {
    server = await startHandoffServer({ clock: clock.now });
    await new StaffClient(server.url).login('hunter2-oops', 'x');
    const supervisor = new StaffClient(server.url);
    await supervisor.login('supervisor');
    const { json } = await supervisor.get('/staff/api/audit');
    expect(json.entries).toEqual(expect.arrayContaining([expect.objectContaining({ actor: '(unknown user)', action: 'login-failed' })]));
    expect(JSON.stringify(json)).not.toContain('hunter2');
  });
});

describe('a channel that hangs does not hold the conversation', () => {
  let server: HandoffServer | undefined;

  afterEach(async () => {
    await server?.close();
  });

  it('a staff message the channel has not taken within the delivery timeout is shown as not arrived, and the candidate can still write', async () => {
    const nock = (await import('nock')).default;
    const connector = nock('http://slow-connector.test').persist().post(/\/v3\/conversations\/.*\/activities/).delay(4000).reply(200, { id: 'late' });
    try {
      server = await startHandoffServer({ env: { HANDOFF_DELIVERY_TIMEOUT_MS: '1000' } });
      const activity = (id: string, text: string) => ({
        type: 'message',
        id,
        text,
        channelId: 'emulator',
        serviceUrl: 'http://slow-connector.test',
        conversation: { id: 'slow-conversation' },
        from: { id: 'candidate' },
        recipient: { id: 'bot' },
      });
      const post = (id: string, text: string) =>
        fetch(`${server!.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity(id, text)) });
      // The bot's own replies go to the slow connector too; the turn finishes when they do.
      expect((await post('a1', 'talk to a person')).status).toBe(200);
      const agent = new StaffClient(server.url);
      await agent.login('agent1');
      const caseId = (await agent.queuedCase())!.id as string;
      await agent.claim(caseId);

      const started = Date.now();
      const reply = await agent.post(`/staff/api/cases/${caseId}/messages`, { text: 'Are you still there?' });
      expect(reply.status).toBe(502);
      expect(reply.json.line).toMatchObject({ delivery: 'failed', failure: expect.stringMatching(/did not answer within 1 s; it may still arrive/) });
      expect(Date.now() - started).toBeLessThan(3500);
      // The candidate's next message is relayed, not stuck behind the slow send.
      expect((await post('a2', 'yes, here')).status).toBe(200);
      const { json } = await agent.get(`/staff/api/cases/${caseId}`);
      expect(json.transcript.map((l: { text: string }) => l.text)).toContain('yes, here');
    } finally {
      connector.persist(false);
    }
  }, 30_000);
});
