import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { enHandoff } from '../../src/messages/enHandoff.js';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

/** Support is staffed weekdays 8 AM to 8 PM in New York, and closed on Friday, March 21, 2025. */
const supportHours = { SUPPORT_HOURS: 'Mon-Fri 08:00-20:00', SUPPORT_TIMEZONE: 'America/New_York', SUPPORT_HOLIDAYS: '2025-03-21' };

/** Monday, March 24, 2025, 8:00 AM in New York (daylight time): the next opening after Thursday's close. */
const mondayOpening = '2025-03-24T12:00:00.000Z';

describe('asking for a person outside support hours', () => {
  let server: HandoffServer;
  const clock = movableClock();

  afterEach(async () => {
    await server.close();
  });

  const startAt = async (iso: string) => {
    clock.set(new Date(iso));
    server = await startHandoffServer({ clock: clock.now, env: supportHours });
  };

  it('one minute before closing (Thursday 7:59 PM), the candidate is queued with a place in line', async () => {
    await startAt('2025-03-20T23:59:00Z');
    const candidate = await WebCandidate.start(server.url);

    expect(await candidate.say('talk to a person')).toEqual([enHandoff.queued(1, 5)]);

    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    const queued = await agent.queuedCase();
    expect(queued).toMatchObject({ status: 'queued', position: 1 });
    expect(queued.replyBy).toBeUndefined();
  });

  it.each([
    ['at closing time, Thursday 8:00 PM (the end is exclusive)', '2025-03-21T00:00:00Z'],
    ['on the holiday, Friday 10:00 AM', '2025-03-21T14:00:00Z'],
  ])('%s, the candidate is told staff will reply by Monday at 8:00 AM, and the email they leave reaches staff', async (_when, now) => {
    await startAt(now);
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('Can I get a refund for my test?');

    expect(await candidate.say('talk to a person')).toEqual([enHandoff.afterHours('Monday, March 24 at 8:00 AM EDT')]);
    // The candidate is told the message was passed on (out of hours: no place in line).
    expect(await candidate.say('Please email me at pat.candidate@example.com about the refund')).toEqual([enHandoff.messageTaken]);

    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    const queued = await agent.queuedCase();
    // Staff need the address to reply: the case keeps it, for whoever takes the case.
    expect(queued).toMatchObject({ status: 'queued', replyBy: mondayOpening, contactGiven: true });
    expect(queued.contact).toBeUndefined();
    expect((await agent.post(`/staff/api/cases/${queued.id}/claim`)).json.case).toMatchObject({ contact: 'pat.candidate@example.com' });

    // The transcript, like every line staff read, has personal data masked.
    const supervisor = new StaffClient(server.url);
    await supervisor.login('supervisor');
    const opened = await supervisor.get(`/staff/api/cases/${queued.id}`);
    expect(opened.status).toBe(200);
    const said = opened.json.transcript.map((line: { from: string; text: string }) => `${line.from}: ${line.text}`);
    expect(said).toContain('candidate: Please email me at [email] about the refund');
    expect(JSON.stringify(opened.json.transcript)).not.toContain('pat.candidate@example.com');
  });
});

describe('HANDOFF_MODE=off', () => {
  let server: HandoffServer;
  afterEach(async () => {
    await server.close();
  });

  it('"talk to a person" gives the ASE Customer Service phone number, queues nothing, and the bot keeps answering', async () => {
    server = await startHandoffServer({ env: { HANDOFF_MODE: 'off' } });
    const candidate = await WebCandidate.start(server.url);

    expect(await candidate.say('talk to a person')).toEqual([en.person]);

    expect(server.handoff).toBeUndefined();
    expect((await fetch(`${server.url}/staff`)).status).toBe(404);
    expect((await candidate.say('How do I reschedule my test?')).join(' ')).toMatch(/change your test date/i);
  });
});
