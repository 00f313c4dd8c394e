import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choicesStorageKey, NumberedChoicesMiddleware, pickChoice } from '../../../src/channels/sms/numberedChoices.js';
import { renderSms, type SmsChoice } from '../../../src/channels/sms/renderSms.js';
import { en } from '../../../src/messages/en.js';
import type { KnowledgeBase } from '../../../src/knowledge/knowledgeBase.js';
import { loggableConversationId } from '../../../src/logging/redact.js';
import { startBot, type RunningBot } from '../../support/conversation.js';
import { shippedKnowledge } from '../../support/testApp.js';
import { text } from './smsBot.js';

const joined = (activities: Partial<Activity>[]) => activities.map((activity) => activity.text).join('\n\n');

const choices: SmsChoice[] = [
  { n: 1, title: 'How do I get a duplicate certificate?', value: 'How do I get a duplicate certificate?' },
  { n: 2, title: 'When do I get my certificate?', value: 'When do I get my certificate?' },
  { n: 3, title: 'None of these', value: 'None of these' },
];

describe('pickChoice', () => {
  it.each([
    ['1', 1],
    [' 2 ', 2],
    ['3.', 3],
    ['#2', 2],
    ['option 1', 1],
    ['No. 3', 3],
    ['none of these', 3],
    ['When do I get my certificate', 2],
    ['\u201CNone of these!\u201D', 3],
    ['2. When do I get my certificate?', 2],
  ])('%j picks choice %d', (typed, n) => {
    expect(pickChoice(typed, choices)?.n).toBe(n);
  });

  it.each(['0', '4', '12', 'certificate', 'I took it on 3/3', '1 2', ''])('%j picks nothing', (typed) => {
    expect(pickChoice(typed, choices)).toBeUndefined();
  });
});

describe('NumberedChoicesMiddleware on the real bot', () => {
  // The whole bot as `npm start` composes it, over /api/messages on the sms channel; each test texts
  // from its own number. Picking "Talk to a person" by number is checked on a bot without handoff,
  // where it gives the phone number (with handoff it queues the candidate: test/handoff).
  let bot: RunningBot;
  let noHandoff: RunningBot;
  let kb: KnowledgeBase;
  beforeAll(async () => {
    [bot, noHandoff, kb] = await Promise.all([startBot(), startBot({ without: { handoff: true } }), shippedKnowledge()]);
  });
  afterAll(() => Promise.all([bot.close(), noHandoff.close()]));

  const conversation = async (on: RunningBot = bot) => {
    const sms = on.conversation({ channel: 'sms' });
    /** The messages the bot sent back (typing left out). */
    const text = async (message: string) => (await sms.say(message)).activities.filter((activity) => activity.type === 'message');
    const events = on.events;
    // Turn events carry the number as it is logged (all but its last two digits masked).
    const mine = () => events.filter((event) => event.conversationId === loggableConversationId(sms.id));
    return { text, id: sms.id, storage: on.store.storage, events: { at: (i: number) => mine().at(i) } };
  };

  it('a "did you mean" is numbered, and "2" picks the second choice', async () => {
    const { text, id, storage, events } = await conversation();
    const parts = await text('certificate');
    const question = joined(parts);
    expect(question).toMatch(/^I want to be sure I answer the right question\. Did you mean one of these\?\n\n1\. .+\n2\. .+\n/);
    expect(question).toMatch(/\nReply with a number\.$/);
    const secondTitle = /\n2\. (.+)\n/.exec(question)?.[1];
    expect(secondTitle).toBeTruthy();
    // What leaves the bot carries no bookkeeping, and nothing a phone cannot show.
    for (const part of parts) {
      expect(part.text!.length).toBeLessThanOrEqual(320);
      expect(part.channelData).toBeUndefined();
      expect(part.suggestedActions).toBeUndefined();
      expect(part.attachments ?? []).toEqual([]);
    }
    const key = choicesStorageKey('sms', id);
    expect((await storage.read([key]))[key]).toMatchObject({ choices: expect.arrayContaining([expect.objectContaining({ n: 2, title: secondTitle })]) });

    const answer = joined(await text('2'));
    const picked = events.at(-1);
    // The pick is read by the offer dialog that was waiting: the route row is 'dialog'.
    expect(picked).toMatchObject({ route: 'dialog', faq: { decision: 'answer' } });
    const entry = kb.index.get(picked?.faq?.entryId ?? '');
    expect(entry?.button).toBe(secondTitle);
    expect(answer).toContain(entry?.answer.split('\n')[0]?.slice(0, 40));
  });

  it('the words of a choice pick it too', async () => {
    const { text } = await conversation(noHandoff);
    await text('certificate');
    const reply = joined(await text('none of these'));
    expect(reply).toContain(en.noneChosen);
    expect(reply).toMatch(/1\. Talk to a person\nReply with a number\.$/);
    expect(joined(await text('1'))).toContain('1-800-390-6789');
  });

  it('a number out of range is handed to the bot as typed', async () => {
    const { text, events } = await conversation();
    await text('certificate');
    const [reply] = await text('9');
    // Not a pick: the waiting "did you mean" lets it go and it is read afresh, as typed.
    expect(events.at(-1)?.route).toBe('faq');
    expect(events.at(-1)?.faq?.decision).not.toBe('answer');
    expect(reply?.text).toBeTruthy();
  });

  it('forgets the numbers once a reply offers none', async () => {
    const { text, id, storage } = await conversation();
    await text('certificate');
    const key = choicesStorageKey('sms', id);
    expect((await storage.read([key]))[key]).toBeDefined();
    await text('thank you');
    expect((await storage.read([key]))[key]).toBeUndefined();
  });

  it('suggestions after an answer (its rest, on MORE) are numbered and "1" asks the first one', async () => {
    const { text, events } = await conversation();
    expect(joined(await text('how much does a duplicate certificate cost?'))).toContain('$7.50');
    const answer = joined(await text('MORE'));
    expect(answer).toMatch(/You can also ask:\n1\. (.+)\n/);
    const first = /\n1\. (.+)\n/.exec(answer)?.[1];
    await text('1');
    const entry = kb.index.get(events.at(-1)?.faq?.entryId ?? '');
    expect(entry?.button).toBe(first);
  });
});

describe('NumberedChoicesMiddleware alone', () => {
  const echo = (storage = new MemoryStorage(), channelId = 'sms') => {
    const seen: string[] = [];
    const adapter = new TestAdapter(
      async (context) => {
        seen.push(context.activity.text ?? '');
        if (context.activity.text === 'ask') {
          await context.sendActivity(renderSms({ text: 'Pick one', choices: [{ title: 'Red', value: 'colour red' }, { title: 'Blue', value: 'colour blue' }] }));
        } else if (context.activity.text === 'buttons') {
          await context.sendActivity({ text: 'Pick', suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Left', value: 'go left' }] } });
        } else {
          await context.sendActivity(`echo ${context.activity.text}`);
        }
      },
      { channelId },
    ).use(new NumberedChoicesMiddleware(storage));
    return { adapter, seen, storage };
  };

  it('rewrites the answer to the value, and strips channelData.choices before sending', async () => {
    const { adapter, seen } = echo();
    const [sent] = await text(adapter, 'ask');
    expect(sent?.channelData).toBeUndefined();
    await text(adapter, '2');
    expect(seen.at(-1)).toBe('colour blue');
  });

  it('keeps other channelData and reads choices from suggested actions a different renderer made', async () => {
    const { adapter, seen } = echo();
    const [sent] = await text(adapter, 'buttons');
    expect(sent?.suggestedActions).toBeDefined();
    await text(adapter, '1');
    expect(seen.at(-1)).toBe('go left');

    const keep = new TestAdapter(async (context) => {
      await context.sendActivity({ ...renderSms({ text: 'x', choices: [{ title: 'A', value: 'a' }] }), channelData: { choices: [{ n: 1, title: 'A', value: 'a' }], other: 1 } } as Partial<Activity>);
    }, { channelId: 'sms' }).use(new NumberedChoicesMiddleware(new MemoryStorage()));
    const [kept] = await text(keep, 'hi');
    expect(kept?.channelData).toEqual({ other: 1 });
  });

  it('leaves other channels alone', async () => {
    const { adapter, seen } = echo(new MemoryStorage(), 'webchat');
    await text(adapter, 'ask');
    await text(adapter, '1');
    expect(seen.at(-1)).toBe('1');
  });

  it('answers without the numbers when the store fails', async () => {
    const storage = new MemoryStorage();
    storage.read = async () => {
      throw new Error('store down');
    };
    storage.write = async () => {
      throw new Error('store down');
    };
    const { adapter, seen } = echo(storage);
    const [sent] = await text(adapter, 'ask');
    expect(sent?.text).toContain('1. Red');
    await text(adapter, '1');
    expect(seen.at(-1)).toBe('1');
  });
});
