import { MemoryStorage } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryChannel } from '../../src/storage/liveChannel.js';
import { memoryOpenQueue } from '../../src/storage/openQueue.js';
import type { LiveEvent } from '../../src/handoff/types.js';
import { pushedActivities, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

describe('the agent typing, shown in the candidate website chat, from whichever instance the agent uses', () => {
  // Two instances sharing one store, one live channel and one queue, as two replicas share Redis.
  const storage = new MemoryStorage();
  const live = memoryChannel<LiveEvent>();
  const caseQueue = memoryOpenQueue();
  let a: HandoffServer;
  let b: HandoffServer;
  beforeAll(async () => {
    a = await startHandoffServer({ storage, live, caseQueue, env: { DIRECTLINE_LOCAL_SECRET: 'one-secret-shared-by-every-instance-0123456789' } });
    b = await startHandoffServer({ storage, live, caseQueue, env: { DIRECTLINE_LOCAL_SECRET: 'one-secret-shared-by-every-instance-0123456789' } });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  /** A candidate on the instance at `url` who asked for a person, the chat's pushed activities, and Alex (agent1, on the first instance) seeing the case queued. */
  async function queuedWithAlex(url: string) {
    const candidate = await WebCandidate.start(url);
    const page = await candidate.openPage();
    const pushed = pushedActivities(page);
    await candidate.say('talk to a person');
    const alex = new StaffClient(a.url);
    await alex.login('agent1');
    return { candidate, page, pushed, alex, queued: await alex.queuedCase() };
  }

  it("pushes a typing activity under the agent's name to the chat open on the other instance, stores nothing, and only the case's owner may send it", async () => {
    const { candidate, page, pushed, alex, queued } = await queuedWithAlex(b.url);
    // Not yet Alex's case: nobody may say they are typing in it.
    expect((await alex.post(`/staff/api/cases/${queued!.id}/typing`)).status).toBe(403);
    await alex.post(`/staff/api/cases/${queued!.id}/claim`);

    expect((await alex.post(`/staff/api/cases/${queued!.id}/typing`)).status).toBe(204);
    await expect.poll(() => pushed.filter((activity) => activity.type === 'typing' && activity.from?.name === 'Alex')).toEqual([
      expect.objectContaining({ type: 'typing', from: expect.objectContaining({ id: 'candidate-assistant/staff/alex', name: 'Alex', role: 'bot' }), channelData: { speaker: { kind: 'agent', name: 'Alex' } } }),
    ]);
    // Another agent, a supervisor watching and an editor do not type in Alex's case.
    for (const username of ['agent2', 'supervisor', 'editor']) {
      const other = new StaffClient(a.url);
      await other.login(username);
      expect({ username, status: (await other.post(`/staff/api/cases/${queued!.id}/typing`)).status }).toEqual({ username, status: 403 });
    }
    // Shown, never kept: a reload (reading the conversation from the start) has no typing in it.
    const history = await fetch(`${a.url}/v3/directline/conversations/${candidate.conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${candidate.token}` } });
    const stored = ((await history.json()) as { activities: Array<{ type: string; from: { id: string } }> }).activities;
    expect(stored.filter((activity) => activity.from.id.includes('/staff/'))).toEqual([]);
    page.close();
  });

  it("ends the bot's typing when its turn ends: a message passed on to the agent leaves no dots on the candidate's screen", async () => {
    const { candidate, page, pushed, alex, queued } = await queuedWithAlex(a.url);
    await alex.post(`/staff/api/cases/${queued!.id}/claim`);
    expect((await alex.post(`/staff/api/cases/${queued!.id}/messages`, { text: 'Hi, Alex here. How can I help?' })).status).toBe(201);
    await candidate.waitFor(/Alex here/);

    pushed.length = 0;
    // The bot says nothing to this one (Alex answers it): its typing, shown when the message came in,
    // is ended by a typing that lasts no time (ut24: the dots stayed on after the agent's replies).
    expect(await candidate.say('I need to move my A5 appointment')).toEqual([]);
    const botTyping = () => pushed.filter((activity) => activity.type === 'typing' && !activity.from?.id.includes('/staff/'));
    await expect.poll(() => botTyping().map((activity) => activity.channelData?.webChat?.styleOptions?.typingAnimationDuration ?? 'shown')).toEqual(['shown', 0]);
    page.close();
  });
});
