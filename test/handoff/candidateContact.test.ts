import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TurnEvent } from '../../src/bot/turnEvents.js';
import { createLogger } from '../../src/logging/logger.js';
import { startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

describe('the contact a candidate gives during a handoff', () => {
  let server: HandoffServer;
  let logged: string;
  const events: TurnEvent[] = [];

  beforeEach(async () => {
    logged = '';
    events.length = 0;
    const sink = new Writable({ write: (chunk, _encoding, done) => ((logged += String(chunk)), done()) });
    // Debug: the most the app ever logs.
    server = await startHandoffServer({ logger: createLogger('debug', sink), events: (event) => events.push(event) });
  });
  afterEach(async () => {
    await server.close();
  });

  it('is shown to the agent who has the case and to supervisors, and is masked in the transcript, the log and the turn events', async () => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('talk to someone');
    await candidate.say('You can reach me at Pat.Lee@example.com or (555) 123-4567');
    await candidate.say('again: pat.lee@example.com, 555-123-4567, and my work phone 555 987 6543');

    const alex = new StaffClient(server.url);
    await alex.login('agent1');
    const queued = await alex.queuedCase();
    // In the queue every agent sees that there is a contact, not what it is.
    expect(queued.contactGiven).toBe(true);
    expect(JSON.stringify(await alex.get('/staff/api/cases'))).not.toMatch(/example\.com|123-4567/);

    const claimed = await alex.post(`/staff/api/cases/${queued.id}/claim`);
    // Each address and number once, as typed the first time.
    expect(claimed.json.case.contact).toBe('Pat.Lee@example.com, (555) 123-4567, 555 987 6543');
    const opened = await alex.get(`/staff/api/cases/${queued.id}`);
    expect(opened.json.case.contact).toBe('Pat.Lee@example.com, (555) 123-4567, 555 987 6543');
    expect(opened.json.transcript.map((line: { text: string }) => line.text)).toContain('You can reach me at [email] or [phone]');

    const blair = new StaffClient(server.url);
    await blair.login('agent2');
    expect((await blair.get(`/staff/api/cases/${queued.id}`)).status).toBe(403);
    expect(JSON.stringify((await blair.get('/staff/api/cases')).json)).not.toMatch(/example\.com/);

    const sam = new StaffClient(server.url);
    await sam.login('supervisor');
    expect((await sam.get(`/staff/api/cases/${queued.id}`)).json.case.contact).toContain('Pat.Lee@example.com');

    // Handed back: the case keeps it for the agent who had it; the log and analytics never had it.
    await alex.post(`/staff/api/cases/${queued.id}/handback`, { note: 'will email' });
    expect(logged.length).toBeGreaterThan(0);
    for (const secret of [/pat\.lee@example\.com/i, /123-4567/, /987 6543/]) {
      expect(logged).not.toMatch(secret);
      expect(JSON.stringify(events)).not.toMatch(secret);
    }
  });

  it('is also what the candidate gave in the message that asked for a person, and stays masked in the transcript and the log', async () => {
    const candidate = await WebCandidate.start(server.url);
    await candidate.say('I need a human, my score report never came, email me at pat@example.com');

    const alex = new StaffClient(server.url);
    await alex.login('agent1');
    const queued = await alex.queuedCase();
    expect(queued.contactGiven).toBe(true);
    const claimed = await alex.post(`/staff/api/cases/${queued.id}/claim`);
    expect(claimed.json.case.contact).toBe('pat@example.com');
    const opened = await alex.get(`/staff/api/cases/${queued.id}`);
    expect(opened.json.transcript.map((line: { text: string }) => line.text)).toContain('I need a human, my score report never came, email me at [email]');
    expect(logged).not.toMatch(/pat@example\.com/i);
    expect(JSON.stringify(events)).not.toMatch(/pat@example\.com/i);
  });
});
