import { CardFactory, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { renderDefault } from '../../../src/channels/render.js';
import { smsMiddleware } from '../../../src/channels/sms/index.js';
import { SmsOutgoingMiddleware } from '../../../src/channels/sms/outgoing.js';
import { text } from './smsBot.js';

/** A bot that sends whatever the test hands it, on the given channel, behind the SMS middleware. */
function sender(channelId = 'sms') {
  let next: Partial<Activity> | string = '';
  const adapter = new TestAdapter(async (context) => void (await context.sendActivity(next)), { channelId, from: { id: '+15550100001', name: '' } });
  for (const middleware of smsMiddleware(new MemoryStorage())) adapter.use(middleware);
  return async (activity: Partial<Activity> | string) => {
    next = activity;
    return text(adapter, 'go');
  };
}

describe('SmsOutgoingMiddleware (the Azure SMS channel path)', () => {
  it('splits a long text into several plain activities of at most 320 characters', async () => {
    const sentence = 'Each sentence of this long answer says a little more about scheduling a test. ';
    const sent = await sender()(sentence.repeat(20));
    expect(sent.length).toBeGreaterThan(1);
    for (const activity of sent) {
      expect(activity.text!.length).toBeLessThanOrEqual(320);
      expect(activity.textFormat).toBe('plain');
      expect(activity.type).toBe('message');
    }
    expect(sent.map((activity) => activity.text).join(' ')).toBe(sentence.repeat(20).trim());
  });

  it('turns what another renderer made into plain numbered text, without cards or buttons', async () => {
    const activity = renderDefault({
      text: 'It costs **$7.50** per series \u2014 see [myASE](https://myase.ase.com).',
      choices: [{ title: 'Talk to a person', value: 'Talk to a person' }],
    });
    activity.attachments = [CardFactory.heroCard('A card')];
    const [sent, ...rest] = await sender()(activity);
    expect(rest).toEqual([]);
    expect(sent?.text).toBe('It costs $7.50 per series - see myASE (https://myase.ase.com).\n\n1. Talk to a person\nReply with a number.');
    expect(sent?.suggestedActions).toBeUndefined();
    expect(sent?.attachments).toBeUndefined();
  });

  it('sends nothing for a message that has no text to show', async () => {
    expect(await sender()({ type: 'message', attachments: [CardFactory.heroCard('Only a card')] })).toEqual([]);
  });

  it('lets other activity types and other channels through untouched', async () => {
    expect((await sender()({ type: 'typing' })).map((a) => a.type)).toEqual(['typing']);
    const [web] = await sender('webchat')({ text: '**bold**', textFormat: 'markdown' });
    expect(web?.text).toBe('**bold**');
  });

  it('splits with the limits it is given', async () => {
    const adapter = new TestAdapter(async (context) => void (await context.sendActivity('One two three. Four five six.')), { channelId: 'sms' });
    adapter.use(new SmsOutgoingMiddleware({ split: { max: 20, target: 15 } }));
    expect((await text(adapter, 'go')).map((a) => a.text)).toEqual(['One two three.', 'Four five six.']);
  });
});
