import { EventFactory, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { handoffInitiation, readHandoffStatus, TRANSCRIPT_CONTENT_TYPE } from '../../src/handoff/external.js';
import type { CaseSummary, TranscriptLine } from '../../src/handoff/types.js';

const incoming: Partial<Activity> = {
  type: 'message',
  id: 'act-7',
  channelId: 'directline',
  serviceUrl: 'https://directline.example/',
  from: { id: 'user-1', name: 'Candidate', role: 'user' },
  recipient: { id: 'bot-1', name: 'Candidate Assistant', role: 'bot' },
  conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
  text: 'I want to talk to a person',
};

function turn(): TurnContext {
  return new TurnContext(new TestAdapter(), incoming);
}

const summary: CaseSummary = {
  question: 'My test is on [date], can I move it?',
  dialog: 'reschedule',
  facts: [{ label: 'Last day to change', value: 'Tuesday, June 17, 2025' }],
  verified: true,
};

const transcript: TranscriptLine[] = [
  { id: 'l1', at: '2025-06-10T14:00:00.000Z', from: 'candidate', text: 'Hi, my email is [email] and I need to reschedule' },
  { id: 'l2', at: '2025-06-10T14:00:02.000Z', from: 'bot', text: 'I can help with rescheduling.' },
  { id: 'l3', at: '2025-06-10T14:00:03.000Z', from: 'system', text: 'Handed to staff' },
  { id: 'l4', at: '2025-06-10T14:01:00.000Z', from: 'agent', agent: 'jsmith', text: 'Hello, this is support.', delivery: 'sent' },
  { id: 'l5', at: '2025-06-10T14:01:30.000Z', from: 'agent', agent: 'jsmith', text: 'Are you there?', delivery: 'failed', failure: 'channel offline' },
  { id: 'l6', at: '2025-06-10T14:02:00.000Z', from: 'candidate', text: 'I want to talk to a person' },
];

function initiation(lines: TranscriptLine[] = transcript, now?: Date): Partial<Activity> {
  return handoffInitiation(turn(), { reason: 'asked', topic: 'Rescheduling', summary, transcript: lines, now });
}

function transcriptOf(event: Partial<Activity>): Array<Partial<Activity>> {
  return (event.attachments?.[0]?.content as { activities: Array<Partial<Activity>> }).activities;
}

describe('handoffInitiation: the event', () => {
  it('is an event named handoff.initiate', () => {
    const event = initiation();
    expect(event.type).toBe('event');
    expect(event.name).toBe('handoff.initiate');
  });

  it('carries the reason, topic and summary as the handoff context', () => {
    expect(initiation().value).toEqual({ reason: 'asked', topic: 'Rescheduling', summary });
  });

  it('relates to the conversation it came from, like botbuilder\'s EventFactory', () => {
    const event = initiation();
    expect(event.from).toEqual(incoming.from);
    expect(event.conversation).toEqual(incoming.conversation);
    expect(event.channelId).toBe('directline');
    expect(event.serviceUrl).toBe('https://directline.example/');
    expect(event.replyToId).toBe('act-7');
    expect(event.relatesTo).toMatchObject({
      activityId: 'act-7',
      channelId: 'directline',
      conversation: { id: 'conv-1' },
      user: { id: 'user-1' },
      bot: { id: 'bot-1' },
    });
  });

  it('does not read the clock: no timestamp unless one is passed in', () => {
    expect(initiation().timestamp).toBeUndefined();
    const now = new Date('2025-06-10T14:02:05.000Z');
    expect(initiation(transcript, now).timestamp).toEqual(now);
  });
});

describe('handoffInitiation: the transcript attachment', () => {
  it('is one attachment named Transcript, of type application/json as botbuilder attaches it', () => {
    const event = initiation();
    expect(event.attachments).toHaveLength(1);
    expect(event.attachments?.[0]).toMatchObject({ contentType: TRANSCRIPT_CONTENT_TYPE, name: 'Transcript' });
    expect(TRANSCRIPT_CONTENT_TYPE).toBe('application/json');
  });

  it('holds the lines the candidate saw as message activities, in order, with their ids and times', () => {
    const activities = transcriptOf(initiation());
    expect(activities.map((a) => a.id)).toEqual(['l1', 'l2', 'l4', 'l6']);
    expect(activities.every((a) => a.type === 'message')).toBe(true);
    expect(activities.map((a) => a.timestamp)).toEqual([
      new Date('2025-06-10T14:00:00.000Z'),
      new Date('2025-06-10T14:00:02.000Z'),
      new Date('2025-06-10T14:01:00.000Z'),
      new Date('2025-06-10T14:02:00.000Z'),
    ]);
    expect(activities.every((a) => a.conversation?.id === 'conv-1' && a.channelId === 'directline')).toBe(true);
  });

  it('has candidate lines from the user and bot lines from the bot', () => {
    const [candidate, bot] = transcriptOf(initiation());
    expect(candidate?.from).toMatchObject({ id: 'user-1', role: 'user' });
    expect(candidate?.recipient).toMatchObject({ id: 'bot-1', role: 'bot' });
    expect(bot?.from).toMatchObject({ id: 'bot-1', role: 'bot' });
    expect(bot?.recipient).toMatchObject({ id: 'user-1', role: 'user' });
  });

  it('has delivered staff lines from the bot account, named Staff, and leaves out system lines and failed deliveries', () => {
    const activities = transcriptOf(initiation());
    expect(activities[2]).toMatchObject({ id: 'l4', from: { id: 'bot-1', name: 'Staff', role: 'bot' } });
    expect(activities.map((a) => a.text)).not.toContain('Handed to staff');
    expect(activities.map((a) => a.text)).not.toContain('Are you there?');
  });

  it('keeps redacted text exactly as given', () => {
    const activities = transcriptOf(initiation());
    expect(activities[0]?.text).toBe('Hi, my email is [email] and I need to reschedule');
    expect(activities.map((a) => a.text)).toEqual([
      'Hi, my email is [email] and I need to reschedule',
      'I can help with rescheduling.',
      'Hello, this is support.',
      'I want to talk to a person',
    ]);
  });

  it('an empty transcript gives an attachment with no activities', () => {
    expect(transcriptOf(initiation([]))).toEqual([]);
  });

  it('a line whose time is not an ISO time is an error naming the line and the time', () => {
    const bad: TranscriptLine = { id: 'l9', at: 'yesterday', from: 'candidate', text: 'hi' };
    expect(() => initiation([bad])).toThrow('external: transcript line "l9" has time "yesterday", not an ISO time');
  });
});

describe('readHandoffStatus', () => {
  const status = (value: unknown, name = 'handoff.status', type = 'event'): Partial<Activity> => ({ type, name, value });

  it.each(['accepted', 'failed', 'completed'] as const)('reads the %s state', (state) => {
    expect(readHandoffStatus(status({ state }))).toEqual({ state });
  });

  it('reads the state in any case', () => {
    expect(readHandoffStatus(status({ state: 'Accepted' }))).toEqual({ state: 'accepted' });
    expect(readHandoffStatus(status({ state: 'COMPLETED' }))).toEqual({ state: 'completed' });
  });

  it('keeps the desk\'s message', () => {
    expect(readHandoffStatus(status({ state: 'failed', message: 'No agents available' }))).toEqual({
      state: 'failed',
      message: 'No agents available',
    });
  });

  it('treats a null message as no message', () => {
    expect(readHandoffStatus(status({ state: 'failed', message: null }))).toEqual({ state: 'failed' });
  });

  it('ignores an event with another name', () => {
    expect(readHandoffStatus(status({ state: 'accepted' }, 'handoff.initiate'))).toBeNull();
    expect(readHandoffStatus(status({ state: 'accepted' }, 'handoffStatus'))).toBeNull();
    expect(readHandoffStatus({ type: 'event', value: { state: 'accepted' } })).toBeNull();
  });

  it('ignores a message activity, even one named handoff.status', () => {
    expect(readHandoffStatus(status({ state: 'accepted' }, 'handoff.status', 'message'))).toBeNull();
    expect(readHandoffStatus({ type: 'message', text: 'handoff.status' })).toBeNull();
  });

  it.each([
    ['no value', undefined],
    ['null', null],
    ['a string', 'accepted'],
    ['a JSON string', '{"state":"accepted"}'],
    ['no state', { message: 'hi' }],
    ['an unknown state', { state: 'pending' }],
    ['an empty state', { state: '' }],
    ['a numeric state', { state: 1 }],
    ['a numeric message', { state: 'failed', message: 42 }],
    ['an array', [{ state: 'accepted' }]],
  ])('gives null, without throwing, for a malformed value: %s', (_label, value) => {
    expect(readHandoffStatus(status(value))).toBeNull();
  });

  it('reads the status event botbuilder\'s own factory makes', () => {
    const event = EventFactory.createHandoffStatus({ id: 'conv-1', isGroup: false, conversationType: '', name: '' }, 'completed');
    expect(readHandoffStatus(event)).toEqual({ state: 'completed' });
  });
});
