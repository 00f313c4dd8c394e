import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushedActivities, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

// ut23 (part d), finding 2: an agent handed a case back while the candidate's last message began
// with thanks ("ok thank you! will i get my money back?"); the bot said "You asked: ... Here's my
// answer." and no answer followed, since "ok thank you!" read as an acknowledgement of its own.

describe('handing back a message that thanks the agent and asks something', () => {
  let server: HandoffServer;

  beforeEach(async () => {
    server = await startHandoffServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('has the bot answer the question after the thanks', async () => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('talk to a person');
    const alex = new StaffClient(server.url);
    await alex.login('agent1');
    const queued = await alex.queuedCase();
    await alex.post(`/staff/api/cases/${queued.id}/claim`);
    await alex.post(`/staff/api/cases/${queued.id}/messages`, { text: 'Hi, I can help with that.' });
    await candidate.say('ok thank you! will i get my money back?');
    await alex.post(`/staff/api/cases/${queued.id}/handback`, {});
    await candidate.waitFor(/Here's my answer/);
    const answer = await candidate.waitFor(/refund/i);
    expect(answer).not.toContain("Here's my answer");
  });

  // Also finding 2: "Alex is typing" stayed in the candidate's chat after the hand-back.
  it("takes the agent's typing indicator away when the agent hands the chat back", async () => {
    const candidate = await WebCandidate.start(server.url);
    const page = await candidate.openPage();
    const pushed = pushedActivities(page);
    await candidate.say('talk to a person');
    const alex = new StaffClient(server.url);
    await alex.login('agent1');
    const queued = await alex.queuedCase();
    await alex.post(`/staff/api/cases/${queued.id}/claim`);
    await alex.post(`/staff/api/cases/${queued.id}/typing`);
    await alex.post(`/staff/api/cases/${queued.id}/handback`, {});
    const alexTyping = () => pushed.filter((activity) => activity.type === 'typing' && activity.from?.name === 'Alex');
    await expect.poll(() => alexTyping().length).toBe(2);
    expect(alexTyping()[0]!.channelData?.webChat).toBeUndefined();
    expect(alexTyping()[1]!.channelData?.webChat?.styleOptions?.typingAnimationDuration).toBe(0);
    page.close();
  });
});
