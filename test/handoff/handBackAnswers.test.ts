import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

// ut20 finding 4: an agent handed a case back while the candidate's last message ("ok thanks sam.
// also when can I retake it?") had no reply; the bot said only "What else can I help you with?", and
// the missed appointment behind the question was forgotten (the 30-day failed-test wait came next).
// The bot now answers that message itself, in the light of the conversation before the handoff.

describe('handing a case back with the candidate\'s last message unanswered', () => {
  let server: HandoffServer;

  beforeEach(async () => {
    server = await startHandoffServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('has the bot answer that message, as said after the missed appointment: the No Show rule, never the 30-day wait', async () => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('I missed my A1 test yesterday because I was in the hospital');
    await candidate.say('no it has not been posted');
    await candidate.say('I want to talk to a real person please');

    const alex = new StaffClient(server.url);
    await alex.login('agent1');
    const queued = await alex.queuedCase();
    await alex.post(`/staff/api/cases/${queued.id}/claim`);
    await alex.post(`/staff/api/cases/${queued.id}/messages`, { text: 'Please send us the discharge paperwork and we will review a fee waiver.' });
    await candidate.say('ok thanks sam. also when can I retake it?');
    await alex.post(`/staff/api/cases/${queued.id}/handback`, { note: 'fee waiver review' });

    const answer = await candidate.waitFor(/No Show, not a failed test/);
    expect(answer).toContain('once the No Show result appears in myASE');
    expect(answer).not.toContain('30 full days');
    const said = candidate.seen.map((message) => message.text).join('\n');
    expect(said).toContain('You asked: "ok thanks sam. also when can I retake it?"');
    expect(said).not.toContain('What else can I help you with?');
  });

  it('says only that the bot is back when the agent answered last', async () => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('talk to a person');
    const alex = new StaffClient(server.url);
    await alex.login('agent1');
    const queued = await alex.queuedCase();
    await alex.post(`/staff/api/cases/${queued.id}/claim`);
    await candidate.say('can I get a fee waiver?');
    await alex.post(`/staff/api/cases/${queued.id}/messages`, { text: 'Send us the paperwork and we will review it.' });
    await alex.post(`/staff/api/cases/${queued.id}/handback`, {});
    await candidate.waitFor(/passed you back to me/);
    expect(candidate.seen.map((message) => message.text).join('\n')).toContain('What else can I help you with?');
  });
});
