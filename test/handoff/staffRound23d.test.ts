import { afterEach, describe, expect, it } from 'vitest';
import { enHandoff } from '../../src/messages/enHandoff.js';
import { esHandoff } from '../../src/messages/esHandoff.js';
import { movableClock, startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

// ut23 (part d), finding 5: staff saw a candidate's question as "[sign-in details]" whole because
// it held an ID-shaped word ("zebra777"); and out of hours, "no contact thanks" to "how would you
// like us to contact you?" got "Thanks, I've passed that on." as if details had been given.

/** Support is staffed weekdays 8 AM to 8 PM in New York; Thursday, March 20, 2025 at 9 PM is after closing. */
const supportHours = { SUPPORT_HOURS: 'Mon-Fri 08:00-20:00', SUPPORT_TIMEZONE: 'America/New_York' };
const thursdayEvening = new Date('2025-03-21T01:00:00Z');

describe('what staff read of a message with an ID-shaped word, and contact declined out of hours', () => {
  let server: HandoffServer;
  const clock = movableClock();

  afterEach(async () => {
    await server.close();
  });

  it('masks only the ID-shaped word, never the whole question, in the queue and the transcript', async () => {
    clock.set(new Date('2025-03-20T15:00:00Z'));
    server = await startHandoffServer({ clock: clock.now, env: supportHours });
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('talk to a person');
    await candidate.say('my myASE password zebra777 stopped working, how do I reset it?');
    const agent = new StaffClient(server.url);
    await agent.login('agent1');
    const queued = await agent.queuedCase();
    const claimed = (await agent.post(`/staff/api/cases/${queued.id}/claim`)).json.case;
    const seen = JSON.stringify({ queued, claimed });
    expect(seen).not.toContain('zebra777');
    expect(seen).toContain('my myASE password [sign-in details] stopped working, how do I reset it?');
  });

  it.each([
    ['no contact thanks', enHandoff.contactDeclined],
    ['prefiero no dar mi correo', esHandoff.contactDeclined],
  ])('out of hours, "%s" is taken as contact declined, never "passed that on"', async (declined, reply) => {
    clock.set(thursdayEvening);
    server = await startHandoffServer({ clock: clock.now, env: supportHours });
    const candidate = await WebCandidate.start(server.url);
    if (reply === esHandoff.contactDeclined) await candidate.say('hola, ¿cuándo recibo mis resultados?');
    else await candidate.say('Can I get a refund for my test?');
    await candidate.say(reply === esHandoff.contactDeclined ? 'quiero hablar con una persona' : 'talk to a person');
    const said = await candidate.say(declined);
    expect(said).toEqual([reply]);
  });
});
