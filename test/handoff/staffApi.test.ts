import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

/** Every state-changing staff route, with a body it would accept. */
const actions = (caseId: string): Array<[string, unknown]> => [
  [`/staff/api/cases/${caseId}/claim`, undefined],
  [`/staff/api/cases/${caseId}/messages`, { text: 'hello' }],
  [`/staff/api/cases/${caseId}/transfer`, { to: null }],
  [`/staff/api/cases/${caseId}/end`, undefined],
  [`/staff/api/cases/${caseId}/handback`, { note: 'done' }],
  ['/staff/api/logout', undefined],
];
const reads = (caseId: string) => ['/staff/api/session', '/staff/api/agents', '/staff/api/canned-replies', '/staff/api/cases', `/staff/api/cases/${caseId}`, '/staff/api/audit', '/staff/api/events'];

describe('the staff API refuses whoever may not act', () => {
  let server: HandoffServer;
  let caseId: string;
  const clock = movableClock();

  beforeEach(async () => {
    server = await startHandoffServer({ clock: clock.now });
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('talk to someone');
    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    caseId = (await agent.queuedCase())!.id;
  });
  afterEach(async () => {
    await server.close();
  });

  it('every endpoint refuses a request without a session with 401', async () => {
    const stranger = new StaffClient(server.url);
    for (const path of reads(caseId)) {
      const response = await stranger.get(path);
      expect(response.status, path).toBe(401);
      if (!path.endsWith('/events')) expect(response.json.error, path).toBe('not-signed-in');
    }
    for (const [path, body] of actions(caseId)) expect((await stranger.post(path, body)).status, path).toBe(401);
  });

  it('a forged or signed-out session cookie is refused', async () => {
    const forger = new StaffClient(server.url);
    forger.cookie = 'staff_session=' + 'A'.repeat(43);
    forger.csrfToken = 'whatever';
    expect((await forger.get('/staff/api/cases')).status).toBe(401);

    const agent = new StaffClient(server.url);
    await agent.login('agent2');
    const cookie = agent.cookie;
    expect((await agent.post('/staff/api/logout')).status).toBe(204);
    agent.cookie = cookie;
    expect((await agent.get('/staff/api/cases')).status).toBe(401);
  });

  it('every state-changing request without the CSRF token, or with a wrong one, is refused with 403', async () => {
    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    for (const [path, body] of actions(caseId)) {
      const missing = await agent.post(path, body, { csrf: false });
      expect(missing.status, path).toBe(403);
      expect(missing.json.error, path).toBe('csrf');
      const wrong = await agent.post(path, body, { csrf: false, headers: { 'x-csrf-token': 'not-the-token' } });
      expect(wrong.status, path).toBe(403);
    }
    // Nothing happened: the case is still waiting.
    expect((await agent.queuedCase())?.id).toBe(caseId);
  });

  it('a request from another site is refused even with the token', async () => {
    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    const response = await agent.post(`/staff/api/cases/${caseId}/claim`, undefined, { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect((await agent.post('/staff/api/login', { username: 'agent1', password: 'x' }, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('an agent cannot read, answer, transfer, end or hand back a case they do not own', async () => {
    const owner = new StaffClient(server.url);
    const other = new StaffClient(server.url);
    await owner.login('agent1');
    await other.login('agent2');
    // Not yet claimed: only the queue entry is visible, not the conversation.
    expect((await other.get(`/staff/api/cases/${caseId}`)).status).toBe(403);
    expect((await owner.post(`/staff/api/cases/${caseId}/claim`)).status).toBe(200);
    expect((await other.post(`/staff/api/cases/${caseId}/claim`)).status).toBe(409);
    expect((await other.get(`/staff/api/cases/${caseId}`)).status).toBe(403);
    for (const [path, body] of actions(caseId).slice(1, 5)) {
      const response = await other.post(path, body);
      expect(response.status, path).toBe(403);
      expect(response.json.error, path).toBe('forbidden');
    }
    expect((await owner.get(`/staff/api/cases/${caseId}`)).status).toBe(200);
  });

  it('a supervisor watches a conversation live before taking it over, and the audit log records it all', async () => {
    const agent = new StaffClient(server.url);
    const supervisor = new StaffClient(server.url);
    await agent.login('agent1');
    await supervisor.login('supervisor');
    await agent.post(`/staff/api/cases/${caseId}/claim`);
    expect((await supervisor.get('/staff/api/cases')).json.others.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await agent.get('/staff/api/cases')).json.others).toEqual([]);

    const watching = await supervisor.events();
    expect((await supervisor.get(`/staff/api/cases/${caseId}`)).status).toBe(200);
    await agent.post(`/staff/api/cases/${caseId}/messages`, { text: 'Let me look into that.' });
    await watching.waitFor((e) => e.event === 'line' && e.data.line.text === 'Let me look into that.');
    // Watching is not answering.
    expect((await supervisor.post(`/staff/api/cases/${caseId}/messages`, { text: 'hi' })).status).toBe(403);

    const taken = await supervisor.post(`/staff/api/cases/${caseId}/claim`);
    expect(taken.json.case).toMatchObject({ owner: 'supervisor' });
    expect((await agent.post(`/staff/api/cases/${caseId}/messages`, { text: 'hello?' })).status).toBe(403);

    expect((await agent.get('/staff/api/audit')).status).toBe(403);
    const audit = await supervisor.get('/staff/api/audit?limit=50');
    const actionsSeen = audit.json.entries.map((e: { actor: string; action: string }) => `${e.actor} ${e.action}`);
    expect(actionsSeen).toEqual(expect.arrayContaining(['bot queued', 'agent1 claimed', 'supervisor watched', 'agent1 replied', 'supervisor took-over', 'supervisor signed-in']));
    // The audit log holds who and what, never what was said.
    expect(JSON.stringify(audit.json)).not.toContain('Let me look into that');
    watching.close();
  });

  it('an agent only hears the live lines of their own cases', async () => {
    const owner = new StaffClient(server.url);
    const other = new StaffClient(server.url);
    await owner.login('agent1');
    await other.login('agent2');
    const otherLive = await other.events();
    const ownerLive = await owner.events();
    await owner.post(`/staff/api/cases/${caseId}/claim`);
    await owner.post(`/staff/api/cases/${caseId}/messages`, { text: 'Private reply' });
    await ownerLive.waitFor((e) => e.event === 'line' && e.data.line.text === 'Private reply');
    // Everyone hears the queue change; only the owner hears what is said.
    await otherLive.waitFor((e) => e.event === 'case' && e.data.owner === 'agent1');
    expect(otherLive.received.filter((e) => e.event === 'line')).toEqual([]);
    ownerLive.close();
    otherLive.close();
  });

  it('sign-in: a wrong password is 401, and the sixth wrong one in 15 minutes is refused with a retry time even with the right password', async () => {
    const client = new StaffClient(server.url);
    expect((await client.login('agent1', 'wrong')).status).toBe(401);
    expect((await client.login('nobody', 'wrong')).json.error).toBe('invalid-credentials');
    for (let i = 0; i < 4; i++) expect((await client.login('agent1', 'wrong')).status).toBe(401);
    const refused = await client.login('agent1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(15 * 60_000 + 1000);
    expect((await client.login('agent1')).status).toBe(200);
    clock.set(new Date('2025-03-20T15:00:00Z'));
  });

  it('the session cookie is HttpOnly, Secure, SameSite=Strict and scoped to /staff', async () => {
    const response = await new StaffClient(server.url).login('agent1');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^staff_session=[A-Za-z0-9_-]{43};/);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/staff']) expect(cookie).toContain(attribute);
  });

  it('bad bodies get a 400 that says what was wrong, and unknown cases a 404', async () => {
    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    await agent.post(`/staff/api/cases/${caseId}/claim`);
    const empty = await agent.post(`/staff/api/cases/${caseId}/messages`, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.json.message).toMatch(/text/);
    expect((await agent.post(`/staff/api/cases/${caseId}/transfer`, { to: 'nobody' })).status).toBe(400);
    expect((await agent.post('/staff/api/login', { username: 'agent1' })).status).toBe(400);
    expect((await agent.get('/staff/api/cases/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await agent.get('/staff/api/cases/..%2F..%2Fetc')).status).toBe(404);
  });

  it('GET /staff serves the console with a strict content security policy', async () => {
    const response = await fetch(`${server.url}/staff`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const page = await response.text();
    const script = page.match(/src="(\/staff\/assets\/main\.[A-Za-z0-9_-]{12}\.js)"/)?.[1];
    expect(script).toBeDefined();
    // The module and the modules it imports are served by their hashed names, cached for good.
    const main = await fetch(`${server.url}${script}`);
    expect(main.status).toBe(200);
    expect(main.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(main.headers.get('cache-control')).toContain('immutable');
    const imported = [...(await main.text()).matchAll(/from '\.\/([^']+)'/g)].map((match) => match[1]!);
    expect(imported.some((name) => /^api\.[A-Za-z0-9_-]{12}\.js$/.test(name))).toBe(true);
    for (const name of imported) expect((await fetch(`${server.url}/staff/assets/${name}`)).status, name).toBe(200);
    expect((await fetch(`${server.url}/staff/assets/main.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/staff/assets/..%2Fstaff`)).status).toBe(404);
  });
});

describe('case numbers', () => {
  let server: HandoffServer;
  beforeEach(async () => {
    server = await startHandoffServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('each case gets a short number, shown in the lists and accepted in the API in place of the id', async () => {
    const first = await WebCandidate.start(server.url);
    await first.say('talk to someone');
    const second = await WebCandidate.start(server.url);
    await second.say('I want a human');
    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    const { queued } = (await agent.get('/staff/api/cases')).json as { queued: Array<{ id: string; caseNumber: string }> };
    expect(queued.map((c) => c.caseNumber)).toEqual(['C-1001', 'C-1002']);

    const claimed = await agent.post('/staff/api/cases/C-1002/claim');
    expect(claimed.status).toBe(200);
    expect(claimed.json.case).toMatchObject({ id: queued[1]!.id, caseNumber: 'C-1002', owner: 'agent1' });
    expect((await agent.get('/staff/api/cases/c1002')).json.case.id).toBe(queued[1]!.id);
    expect((await agent.post('/staff/api/cases/C-1002/messages', { text: 'Hello from Alex' })).status).toBe(201);
    // The audit log names the case by its id, whichever way it was asked for.
    const supervisor = new StaffClient(server.url);
    await supervisor.login('supervisor');
    const audit = (await supervisor.get('/staff/api/audit')).json.entries as Array<{ action: string; caseId?: string }>;
    expect(audit.find((e) => e.action === 'replied')?.caseId).toBe(queued[1]!.id);

    expect((await agent.get('/staff/api/cases/C-9999')).status).toBe(404);
    expect((await agent.post('/staff/api/cases/C-9999/claim')).json.error).toBe('not-found');
  });
});
