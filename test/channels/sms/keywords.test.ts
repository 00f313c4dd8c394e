import { MemoryStorage, TestAdapter } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectKeyword, optOutStorageKey, SmsKeywordsMiddleware } from '../../../src/channels/sms/keywords.js';
import { smsEn } from '../../../src/channels/sms/messages.js';
import { loggableConversationId } from '../../../src/logging/redact.js';
import { startBot, type RunningBot } from '../../support/conversation.js';
import { candidateNumber, text } from './smsBot.js';

describe('detectKeyword', () => {
  it.each([
    ['STOP', 'optOut'],
    ['stop', 'optOut'],
    ['  Stop.  ', 'optOut'],
    ['STOP!', 'optOut'],
    ['Unsubscribe', 'optOut'],
    ['stopall', 'optOut'],
    ['cancel', 'optOut'],
    ['end', 'optOut'],
    ['quit', 'optOut'],
    ['revoke', 'optOut'],
    ['optout', 'optOut'],
    ['start', 'optIn'],
    ['Unstop', 'optIn'],
    ['yes', 'optIn'],
    ['HELP', 'help'],
    ['help?', 'help'],
    ['info', 'help'],
  ])('%j is %s', (typed, kind) => {
    expect(detectKeyword(typed)?.kind).toBe(kind);
  });

  it.each(['please stop', 'stop sending me texts', 'how do I cancel my test?', 'help me reschedule', 'stopped', 'yes please', '', undefined])(
    '%j is not a keyword (only a message that is the word alone is)',
    (typed) => {
      expect(detectKeyword(typed)).toBeUndefined();
    },
  );
});

describe('SMS keywords on the real bot', () => {
  // The whole bot as `npm start` composes it, reached over /api/messages on the sms channel (the
  // Azure SMS channel's path: the SMS middleware is on that adapter); each test texts from its own number.
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(() => bot.close());

  // Turn events carry the number as it is logged (all but its last two digits masked).
  const conversation = async () => {
    const sms = bot.conversation({ channel: 'sms' });
    /** Every activity the bot sent back (typing included), so "nothing at all" means nothing. */
    const text = async (message: string) => (await sms.say(message)).activities;
    return { text, number: sms.id, storage: bot.store.storage, events: () => bot.events.filter((event) => event.conversationId === loggableConversationId(sms.id)) };
  };

  it('STOP sends one confirmation, then nothing at all; START brings the answers back', async () => {
    const { text, number, storage, events } = await conversation();
    expect((await text('how much does a duplicate certificate cost?'))[0]?.text).toContain('$7.50');

    const stopped = await text('STOP');
    expect(stopped.map((a) => a.text)).toEqual([smsEn.optedOut]);
    const key = optOutStorageKey(number);
    expect((await storage.read([key]))[key]).toMatchObject({ optedOut: true, keyword: 'STOP', channelId: 'sms' });

    const turnsBefore = events().length;
    expect(turnsBefore).toBeGreaterThan(0);
    expect(await text('how much does a duplicate certificate cost?')).toEqual([]);
    expect(await text('1')).toEqual([]);
    expect(await text('STOP')).toEqual([]); // one confirmation only
    expect(events().length).toBe(turnsBefore); // the bot did not even run

    const started = await text('start');
    expect(started.map((a) => a.text)).toEqual([smsEn.optedIn]);
    expect((await storage.read([key]))[key]).toBeUndefined();
    expect((await text('how much does a duplicate certificate cost?'))[0]?.text).toContain('$7.50');
  });

  it('HELP answers with who we are, ASE Customer Service and how to stop, then the bot helps with the step; opted out, only the notice', async () => {
    const { text, events } = await conversation();
    const [help, bots] = await text('help');
    expect(help?.text).toBe(smsEn.help);
    expect(help?.text).toContain('1-800-390-6789');
    expect(help?.text).toMatch(/Reply STOP/);
    expect(bots?.text).toMatch(/start over/);
    expect(bots?.text).not.toMatch(/\bcancel\b/i);
    expect(events()).toHaveLength(1);
    await text('stop');
    const afterStop = await text('INFO');
    expect(afterStop.map((reply) => reply.text)).toEqual([smsEn.help]);
    expect(events()).toHaveLength(1);
  });

  it('YES is an ordinary answer unless the number has opted out', async () => {
    const { text, events } = await conversation();
    await text('yes');
    expect(events()).toHaveLength(1);
    await text('stop');
    expect((await text('Yes'))[0]?.text).toBe(smsEn.optedIn);
    expect(events()).toHaveLength(1);
  });

  it('a longer message with a keyword in it goes to the bot', async () => {
    const { text, events } = await conversation();
    const [reply] = await text('how do I cancel my test?');
    expect(reply?.text).not.toBe(smsEn.optedOut);
    expect(events()).toHaveLength(1);
  });

  it('one number opting out does not silence another', async () => {
    const first = await conversation();
    const second = await conversation();
    expect(second.number).not.toBe(first.number);
    await first.text('stop');
    expect((await second.text('how much does a duplicate certificate cost?'))[0]?.text).toContain('$7.50');
  });
});

describe('SmsKeywordsMiddleware on outgoing messages', () => {
  const staffMessage = async (adapter: TestAdapter) => {
    adapter.activeQueue.splice(0);
    await adapter.processActivity({ type: 'event', name: 'continueConversation' }, async (context) => {
      await context.sendActivity('A member of staff answered your question.');
    });
    return adapter.activeQueue.splice(0);
  };
  const echoAdapter = (middleware: SmsKeywordsMiddleware, channelId = 'sms') =>
    new TestAdapter(async (context) => void (await context.sendActivity(`echo ${context.activity.text}`)), {
      channelId,
      from: { id: candidateNumber, name: '' },
    }).use(middleware);

  it('drops proactive messages (staff replies) to an opted-out number', async () => {
    const adapter = echoAdapter(new SmsKeywordsMiddleware(new MemoryStorage()));
    expect(await staffMessage(adapter)).toHaveLength(1);
    await text(adapter, 'stop');
    expect(await staffMessage(adapter)).toEqual([]);
    await text(adapter, 'start');
    expect(await staffMessage(adapter)).toHaveLength(1);
  });

  it('the opt-out is by number, whatever spelling of it the channel uses', async () => {
    const storage = new MemoryStorage();
    const middleware = new SmsKeywordsMiddleware(storage);
    await middleware.optOuts.optOut('+1 (555) 010-0001', { keyword: 'STOP', at: '2025-03-20T15:00:00.000Z', channelId: 'sms' });
    expect(await text(echoAdapter(middleware), 'hello')).toEqual([]);
  });

  it('with replies off (Twilio answers the keywords itself) it records the opt-out and sends nothing', async () => {
    const storage = new MemoryStorage();
    const adapter = echoAdapter(new SmsKeywordsMiddleware(storage, { reply: false, clock: () => new Date('2025-03-20T15:00:00Z') }));
    expect(await text(adapter, 'stop')).toEqual([]);
    const key = optOutStorageKey(candidateNumber);
    expect((await storage.read([key]))[key]).toMatchObject({ optedOut: true, at: '2025-03-20T15:00:00.000Z' });
    expect(await text(adapter, 'hello')).toEqual([]);
  });

  it('leaves other channels alone', async () => {
    const adapter = echoAdapter(new SmsKeywordsMiddleware(new MemoryStorage()), 'webchat');
    expect((await text(adapter, 'stop'))[0]?.text).toBe('echo stop');
  });

  it('with the store down, still answers the candidate but sends nothing proactive', async () => {
    const storage = new MemoryStorage();
    storage.read = async () => {
      throw new Error('store down');
    };
    const adapter = echoAdapter(new SmsKeywordsMiddleware(storage));
    expect((await text(adapter, 'hello'))[0]?.text).toBe('echo hello');
    expect(await staffMessage(adapter)).toEqual([]);
  });
});
