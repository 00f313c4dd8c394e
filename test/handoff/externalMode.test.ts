import type { Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRANSCRIPT_CONTENT_TYPE } from '../../src/handoff/external.js';
import { enHandoff } from '../../src/messages/enHandoff.js';
import { fixedNow } from '../support/testApp.js';
import { startHandoffServer, WebCandidate, type HandoffServer, type SeenActivity } from './support.js';

const messagesIn = (activities: SeenActivity[]) => activities.filter((a) => a.type === 'message').map((a) => a.text);

describe('HANDOFF_MODE=external: the Bot Framework handoff protocol to a contact centre', () => {
  let server: HandoffServer;
  let candidate: WebCandidate;

  beforeEach(async () => {
    server = await startHandoffServer({ env: { HANDOFF_MODE: 'external' } });
    candidate = await WebCandidate.start(server.url);
    await candidate.readAll(); // the welcome
  });
  afterEach(async () => {
    await server.close();
  });

  /** Asks a question, then for a person: returns what the bot sent on the second turn. */
  async function askForAPerson(): Promise<SeenActivity[]> {
    expect((await candidate.say('How do I reschedule my test?')).join(' ')).toMatch(/change your test date/i);
    return candidate.send({ type: 'message', text: 'talk to a person' });
  }

  it('"talk to a person" tells the candidate and sends handoff.initiate with the conversation so far', async () => {
    const sent = await askForAPerson();

    expect(messagesIn(sent)).toEqual([enHandoff.externalRequested]);
    const initiate = sent.find((activity) => activity.type === 'event');
    expect(initiate).toMatchObject({
      name: 'handoff.initiate',
      conversation: { id: candidate.conversationId },
      value: { reason: 'asked', topic: 'Change or cancel an appointment', summary: { question: 'How do I reschedule my test?', subject: 'Change or cancel an appointment', verified: false } },
    });
    expect(initiate!.attachments).toHaveLength(1);
    const transcript = initiate!.attachments![0]!;
    expect(transcript).toMatchObject({ contentType: TRANSCRIPT_CONTENT_TYPE, name: 'Transcript' });
    const lines = (transcript.content as { activities: Array<Partial<Activity>> }).activities;
    const asked = lines.findIndex((line) => line.from?.role === 'user' && line.text === 'How do I reschedule my test?');
    expect(asked).toBeGreaterThanOrEqual(0);
    expect(lines[asked]).toMatchObject({ type: 'message', timestamp: fixedNow.toISOString() });
    expect(lines[asked + 1]).toMatchObject({ type: 'message', from: { role: 'bot' }, text: expect.stringMatching(/change your test date/i) });
    expect(lines.map((line) => `${line.from?.role}: ${line.text}`)).toContain('user: talk to a person');
  });

  it('while handed off the bot keeps quiet, and an "accepted" status changes nothing', async () => {
    await askForAPerson();

    expect(await candidate.say('Are you there?')).toEqual([]);
    expect(await candidate.event('handoff.status', { state: 'accepted' })).toEqual([]);
    expect(await candidate.say('How do I reschedule my test?')).toEqual([]);
  });

  it('a "failed" status: the bot apologises with the phone number and answers again', async () => {
    await askForAPerson();

    const apology = messagesIn(await candidate.event('handoff.status', { state: 'failed', message: 'No agents available' }));

    expect(apology).toEqual([enHandoff.externalFailed]);
    expect(apology[0]).toContain('1-800-390-6789');
    expect((await candidate.say('How do I reschedule my test?')).join(' ')).toMatch(/change your test date/i);
  });

  it('a "completed" status: the chat with staff has ended and the bot answers again', async () => {
    await askForAPerson();
    await candidate.event('handoff.status', { state: 'accepted' });

    expect(messagesIn(await candidate.event('handoff.status', { state: 'completed' }))).toEqual([enHandoff.externalCompleted]);
    expect((await candidate.say('How do I reschedule my test?')).join(' ')).toMatch(/change your test date/i);
  });

  it('has no staff console: /staff and its API are not there', async () => {
    expect(server.handoff?.mode).toBe('external');
    expect((await fetch(`${server.url}/staff`)).status).toBe(404);
    expect((await fetch(`${server.url}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
  });
});
