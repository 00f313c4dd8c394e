import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

describe('presence: whether the candidate is still there, and which agents are', () => {
  let server: HandoffServer;
  const clock = movableClock();

  beforeEach(async () => {
    server = await startHandoffServer({ clock: clock.now });
  });
  afterEach(async () => {
    await server.close();
  });

  const presenceOf = async (agent: StaffClient, id: string) => (await agent.get(`/staff/api/cases/${id}`)).json.case.presence as string;

  it('a website candidate is here while their chat is open, left when it closes, here again when it comes back, idle after two quiet minutes', async () => {
    const candidate = await WebCandidate.start(server.url);
    const page = await candidate.openPage();
    await candidate.say('talk to someone');
    const sam = new StaffClient(server.url);
    await sam.login('supervisor');
    const live = await sam.events();
    const { id } = (await sam.queuedCase())!;
    expect(await presenceOf(sam, id)).toBe('here');

    page.close();
    // The consoles are told (a case event), and the case says so.
    await live.waitFor((event) => event.event === 'case' && event.data.caseId === id && event.data.status === 'queued');
    await expect.poll(() => presenceOf(sam, id)).toBe('left');
    expect((await sam.get('/staff/api/cases')).json.queued[0].presence).toBe('left');

    // A reload: the page opens the stream again.
    const again = await candidate.openPage();
    await expect.poll(() => presenceOf(sam, id)).toBe('here');
    clock.advance(2 * 60_000);
    expect(await presenceOf(sam, id)).toBe('idle');
    await candidate.say('hello?');
    expect(await presenceOf(sam, id)).toBe('here');
    again.close();
    live.close();
  });

  it('a candidate with no chat connection to watch (texting through the API) is here or idle, never left', async () => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('talk to someone');
    const sam = new StaffClient(server.url);
    await sam.login('supervisor');
    const { id } = (await sam.queuedCase())!;
    expect(await presenceOf(sam, id)).toBe('here');
    clock.advance(10 * 60_000);
    expect(await presenceOf(sam, id)).toBe('idle');
  });

  it('the wait a queued candidate is told counts the agents available with the console open; away agents are not counted', async () => {
    const alex = new StaffClient(server.url);
    const blair = new StaffClient(server.url);
    await alex.login('agent1');
    await blair.login('agent2');
    // Nobody at a console: one agent's pace (5 minutes a place).
    const first = await WebCandidate.start(server.url);
    await first.say('talk to someone');
    const second = await WebCandidate.start(server.url);
    expect(await second.say('talk to someone')).toEqual([en.handoff.queued(2, 10)]);

    // Two agents with their consoles open: the second in line is in the first round.
    const alexLive = await alex.events();
    const blairLive = await blair.events();
    await expect.poll(async () => (await alex.get('/staff/api/agents')).json.agents.filter((a: { status: string }) => a.status === 'available').length).toBe(2);
    const third = await WebCandidate.start(server.url);
    expect(await third.say('talk to someone')).toEqual([en.handoff.queued(3, 10)]);

    // Blair steps away: one agent again.
    expect((await blair.post('/staff/api/presence', { status: 'away' })).status).toBe(200);
    expect((await blair.post('/staff/api/presence', { status: 'gone' })).status).toBe(400);
    const fourth = await WebCandidate.start(server.url);
    expect(await fourth.say('talk to someone')).toEqual([en.handoff.queued(4, 20)]);
    const agents = (await alex.get('/staff/api/agents')).json.agents as Array<{ username: string; status: string }>;
    expect(Object.fromEntries(agents.map((a) => [a.username, a.status]))).toEqual({ agent1: 'available', agent2: 'away', supervisor: 'away', editor: 'away' });
    alexLive.close();
    blairLive.close();
  });
});
