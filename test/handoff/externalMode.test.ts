import type { Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRANSCRIPT_CONTENT_TYPE } from '../../src/handoff/external.js';
import { enHandoff } from '../../src/messages/enHandoff.js';
import { fixedNow } from '../support/testApp.js';
import { startHandoffServer, type HandoffServer } from './support.js';

/**
 * A candidate on the built-in web chat who reads everything the bot side sends, events included (as a
 * contact centre's Direct Line client would), and can post events as the contact centre does.
 */
class DirectLineCandidate {
  private watermark = '';

  private constructor(
    readonly baseUrl: string,
    readonly token: string,
    readonly conversationId: string,
  ) {}

  static async start(baseUrl: string): Promise<DirectLineCandidate> {
    const session = (await (await fetch(`${baseUrl}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as {
      token: string;
      conversationId: string;
    };
    const started = await fetch(`${baseUrl}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(started.ok).toBe(true);
    const candidate = new DirectLineCandidate(baseUrl, session.token, session.conversationId);
    await candidate.read(); // the welcome
    return candidate;
  }

  /** Posts a message; returns everything the bot side sent in that turn. */
  say(text: string): Promise<Array<Partial<Activity>>> {
    return this.post({ type: 'message', text });
  }

  /** Posts an event (a `handoff.status`, as the contact centre sends it); returns what the bot sent back. */
  event(name: string, value: unknown): Promise<Array<Partial<Activity>>> {
    return this.post({ type: 'event', name, value });
  }

  private async post(activity: Record<string, unknown>): Promise<Array<Partial<Activity>>> {
    const response = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, from: { id: 'candidate' } }),
    });
    expect(response.status).toBe(200);
    return this.read();
  }

  /** Every activity from the bot side since the last read: messages and events. */
  async read(): Promise<Array<Partial<Activity>>> {
    const response = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities${this.watermark ? `?watermark=${this.watermark}` : ''}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    const body = (await response.json()) as { activities: Array<Partial<Activity>>; watermark: string };
    this.watermark = body.watermark;
    return body.activities.filter((activity) => activity.from?.role !== 'user');
  }
}

const messagesIn = (activities: Array<Partial<Activity>>) => activities.filter((a) => a.type === 'message').map((a) => a.text);

describe('HANDOFF_MODE=external: the Bot Framework handoff protocol to a contact centre', () => {
  let server: HandoffServer;
  let candidate: DirectLineCandidate;

  beforeEach(async () => {
    server = await startHandoffServer({ env: { HANDOFF_MODE: 'external' } });
    candidate = await DirectLineCandidate.start(server.url);
  });
  afterEach(async () => {
    await server.close();
  });

  /** Asks a question, then for a person: returns what the bot sent on the second turn. */
  async function askForAPerson(): Promise<Array<Partial<Activity>>> {
    expect(messagesIn(await candidate.say('How do I reschedule my test?')).join(' ')).toMatch(/change your test date/i);
    return candidate.say('talk to a person');
  }

  it('"talk to a person" tells the candidate and sends handoff.initiate with the conversation so far', async () => {
    const sent = await askForAPerson();

    expect(messagesIn(sent)).toEqual([enHandoff.externalRequested]);
    const initiate = sent.find((activity) => activity.type === 'event');
    expect(initiate).toMatchObject({
      name: 'handoff.initiate',
      conversation: { id: candidate.conversationId },
      value: { reason: 'asked', topic: 'How do I reschedule my test?', summary: { question: 'How do I reschedule my test?', verified: false } },
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
    expect(messagesIn(await candidate.say('How do I reschedule my test?')).join(' ')).toMatch(/change your test date/i);
  });

  it('a "completed" status: the chat with staff has ended and the bot answers again', async () => {
    await askForAPerson();
    await candidate.event('handoff.status', { state: 'accepted' });

    expect(messagesIn(await candidate.event('handoff.status', { state: 'completed' }))).toEqual([enHandoff.externalCompleted]);
    expect(messagesIn(await candidate.say('How do I reschedule my test?')).join(' ')).toMatch(/change your test date/i);
  });

  it('has no staff console: /staff and its API are not there', async () => {
    expect(server.handoff?.mode).toBe('external');
    expect((await fetch(`${server.url}/staff`)).status).toBe(404);
    expect((await fetch(`${server.url}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
  });
});
