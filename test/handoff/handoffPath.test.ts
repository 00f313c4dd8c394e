import { enHandoff } from '../../src/messages/enHandoff.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

describe('a candidate handed to staff and back, through the staff API', () => {
  let server: HandoffServer;
  const clock = movableClock();

  beforeEach(async () => {
    server = await startHandoffServer({ clock: clock.now });
  });
  afterEach(async () => {
    await server.close();
  });

  it('goes candidate -> bot -> queue -> agent -> another agent -> bot, with every message delivered', async () => {
    const candidate = await WebCandidate.start(server.url);
    const alex = new StaffClient(server.url);
    const blair = new StaffClient(server.url);
    expect((await alex.login('agent1')).status).toBe(200);
    expect((await blair.login('agent2')).status).toBe(200);
    const alexLive = await alex.events();
    const blairLive = await blair.events();

    // The bot answers first, then the candidate asks for a person.
    expect((await candidate.say('How do I reschedule my test?')).join(' ')).toMatch(/change your test date/i);
    const queuedReply = (await candidate.say('talk to a person')).join(' ');
    expect(queuedReply).toMatch(/You're next in line; it should be about 5 minutes/);

    // Staff see it queued, with the question that led here.
    await alexLive.waitFor((e) => e.event === 'case' && e.data.status === 'queued');
    const queued = await alex.queuedCase();
    expect(queued).toMatchObject({ channel: 'directline', status: 'queued', reason: 'asked', position: 1, summary: { question: 'How do I reschedule my test?', verified: false } });

    // While waiting, the bot only says the message was passed on (and the place); staff hear the candidate.
    expect(await candidate.say('Are you there?')).toEqual([enHandoff.stillWaiting(1)]);

    const claimed = await alex.post(`/staff/api/cases/${queued!.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.json.case).toMatchObject({ status: 'active', owner: 'agent1' });
    await candidate.waitFor(/You're now chatting with Alex from ASE support/);

    const opened = await alex.get(`/staff/api/cases/${queued!.id}`);
    const said = opened.json.transcript.map((line: { from: string; text: string }) => `${line.from}: ${line.text}`);
    expect(said).toEqual(expect.arrayContaining(['candidate: How do I reschedule my test?', 'candidate: talk to a person', 'candidate: Are you there?']));
    expect(said.some((line: string) => /^bot: .*change your test date/is.test(line))).toBe(true);

    // Messages both ways.
    const sent = await alex.post(`/staff/api/cases/${queued!.id}/messages`, { text: 'Hi, I can help you move your appointment.' });
    expect(sent.status).toBe(201);
    expect(sent.json.line).toMatchObject({ from: 'agent', delivery: 'sent', agent: 'agent1' });
    await candidate.waitFor(/I can help you move your appointment/);
    expect(await candidate.say('Thanks, it is on Friday')).toEqual([]);
    await alexLive.waitFor((e) => e.event === 'line' && e.data.line.text === 'Thanks, it is on Friday');

    // Blair cannot act on Alex's case until it is passed over.
    expect((await blair.post(`/staff/api/cases/${queued!.id}/messages`, { text: 'hello' })).status).toBe(403);
    const moved = await alex.post(`/staff/api/cases/${queued!.id}/transfer`, { to: 'agent2' });
    expect(moved.json.case).toMatchObject({ status: 'active', owner: 'agent2' });
    await candidate.waitFor(/Blair from ASE support is taking over/);
    expect((await alex.post(`/staff/api/cases/${queued!.id}/messages`, { text: 'still me' })).status).toBe(403);
    await blairLive.waitFor((e) => e.event === 'case' && e.data.owner === 'agent2');
    expect((await blair.get('/staff/api/cases')).json.mine.map((c: { id: string }) => c.id)).toEqual([queued!.id]);

    expect((await blair.post(`/staff/api/cases/${queued!.id}/messages`, { text: 'Your new time is confirmed.' })).status).toBe(201);
    await candidate.waitFor(/Your new time is confirmed/);
    await blairLive.waitFor((e) => e.event === 'line' && e.data.line.text === 'Your new time is confirmed.');

    const back = await blair.post(`/staff/api/cases/${queued!.id}/handback`, { note: 'Rescheduled by phone with Prometric' });
    expect(back.json.case).toMatchObject({ status: 'closed', closedBy: 'handback', note: 'Rescheduled by phone with Prometric' });
    await candidate.waitFor(/Blair has passed you back to me/);

    // The bot answers again.
    expect((await candidate.say('How do I reschedule my test?')).join(' ')).toMatch(/change your test date/i);
    expect((await blair.get('/staff/api/cases')).json).toMatchObject({ queued: [], mine: [] });

    // No staff message was lost on the way.
    const texts = candidate.seen.map((message) => message.text);
    for (const text of ['Hi, I can help you move your appointment.', 'Your new time is confirmed.']) expect(texts.filter((t) => t === text)).toHaveLength(1);
    alexLive.close();
    blairLive.close();
  });

  it('when the candidate says "back to the bot" while queued, the case closes and the bot answers again', async () => {
    const candidate = await WebCandidate.start(server.url);
    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    await candidate.say('I want to talk to a human');
    const queued = await agent.queuedCase();
    expect(queued).toBeDefined();
    expect((await candidate.say('back to the bot')).join(' ')).toMatch(/taken you out of the queue/);
    expect((await agent.get('/staff/api/cases')).json.queued).toEqual([]);
    expect((await agent.post(`/staff/api/cases/${queued!.id}/claim`)).status).toBe(409);
    expect((await candidate.say('What is the retest policy?')).length).toBeGreaterThan(0);
  });

  it('when the bot fails to understand twice in a row, it offers a person, and the tap hands the conversation over', async () => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('purple monkey dishwasher');
    const second = (await candidate.say('zebra quantum lasagna')).join(' ');
    expect(second).toMatch(/Talk to a person/);
    expect(second).not.toMatch(/in line/);
    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    const { json: before } = await agent.get('/staff/api/cases');
    expect(before.queued).toEqual([]);
    expect((await candidate.say('Talk to a person')).join(' ')).toMatch(/in line/);
    expect(await agent.queuedCase()).toMatchObject({ reason: 'misunderstood' });
  });

  it('the queue says where each candidate stands, and the wait grows with the place', async () => {
    const first = await WebCandidate.start(server.url);
    const second = await WebCandidate.start(server.url);
    await first.say('agent');
    clock.advance(60_000);
    const reply = (await second.say('agent')).join(' ');
    expect(reply).toMatch(/You're number 2 in line; it should be about 10 minutes/);
    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    const { json } = await agent.get('/staff/api/cases');
    expect(json.queued.map((c: { position: number }) => c.position)).toEqual([1, 2]);
    expect(json.queued[0].waitingSeconds).toBe(60);
  });

  it('an agent who ends the conversation leaves the candidate with the bot, told so', async () => {
    const candidate = await WebCandidate.start(server.url);
    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    await candidate.say('customer service');
    const queued = await agent.queuedCase();
    await agent.post(`/staff/api/cases/${queued!.id}/claim`);
    const ended = await agent.post(`/staff/api/cases/${queued!.id}/end`);
    expect(ended.json.case).toMatchObject({ status: 'closed', closedBy: 'agent' });
    await candidate.waitFor(/Alex has ended the chat/);
    expect((await candidate.say('hello')).join(' ')).toMatch(/Hello!/);
  });
});
