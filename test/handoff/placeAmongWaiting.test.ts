import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

// ut21 finding 9: candidates who left the chat ("Candidate left the chat" in the console) were still
// counted in the place in line a waiting candidate is told ("number 4/5 in line"), and the wait
// estimate moved with it. The place counts only candidates still waiting; staff keep the whole line.
describe('the place in line counts only the candidates still waiting', () => {
  let server: HandoffServer;
  const clock = movableClock();

  beforeEach(async () => {
    server = await startHandoffServer({ clock: clock.now });
  });
  afterEach(async () => {
    await server.close();
  });

  it('two candidates ahead who closed their chat are nobody in front: the third to join is next in line, and stays next', async () => {
    const sam = new StaffClient(server.url);
    await sam.login('supervisor');
    const pages = [];
    for (let i = 0; i < 2; i++) {
      const gone = await WebCandidate.start(server.url);
      pages.push(await gone.openPage());
      await gone.say('talk to someone');
    }
    for (const page of pages) page.close();
    await expect.poll(async () => ((await sam.get('/staff/api/cases')).json.queued as Array<{ presence: string }>).map((c) => c.presence)).toEqual(['left', 'left']);

    const waiting = await WebCandidate.start(server.url);
    expect(await waiting.say('talk to someone')).toEqual([en.handoff.queued(1, 5)]);
    expect(await waiting.say('my certificate never came')).toEqual([en.handoff.stillWaiting(1)]);
    // Staff still see the whole line, the two who left included.
    const line = (await sam.get('/staff/api/cases')).json.queued as Array<{ position: number; presence: string }>;
    expect(line.map((c) => [c.position, c.presence])).toEqual([[1, 'left'], [2, 'left'], [3, 'here']]);
  });

  it('a candidate ahead who comes back to the chat counts again', async () => {
    const sam = new StaffClient(server.url);
    await sam.login('supervisor');
    const first = await WebCandidate.start(server.url);
    const page = await first.openPage();
    await first.say('talk to someone');
    page.close();
    await expect.poll(async () => (await sam.get('/staff/api/cases')).json.queued[0].presence).toBe('left');
    const second = await WebCandidate.start(server.url);
    expect(await second.say('talk to someone')).toEqual([en.handoff.queued(1, 5)]);

    const again = await first.openPage();
    await expect.poll(async () => (await sam.get('/staff/api/cases')).json.queued[0].presence).toBe('here');
    expect(await second.say('still there?')).toEqual([en.handoff.stillWaiting(2)]);
    again.close();
  });
});
