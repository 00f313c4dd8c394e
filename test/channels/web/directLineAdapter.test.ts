import { describe, expect, it } from 'vitest';
import { MemoryStorage, TurnContext } from 'botbuilder';
import { DirectLineAdapter } from '../../../src/channels/web/directLineAdapter.js';
import { DirectLineStore } from '../../../src/channels/web/directLineStore.js';
import { silentLogger } from '../../support/testApp.js';

async function setup() {
  const store = new DirectLineStore(new MemoryStorage());
  await store.create('c', 'dl_user');
  const adapter = new DirectLineAdapter(store, silentLogger(), 'sorry');
  const incoming = {
    type: 'message',
    id: 'c|0000000',
    text: 'hi',
    channelId: 'directline',
    serviceUrl: 'urn:test',
    conversation: { id: 'c' },
    from: { id: 'dl_user', role: 'user' },
    recipient: { id: 'bot', name: 'Bot', role: 'bot' },
  };
  const texts = async () => ((await store.get('c'))?.activities ?? []).map((a) => a.text ?? a.type);
  return { store, adapter, incoming, texts };
}

describe('DirectLineAdapter', () => {
  it('appends what the bot sends, in order, honouring delays and dropping traces', async () => {
    const { adapter, incoming, texts, store } = await setup();
    let responses: Array<{ id: string }> = [];
    await adapter.processActivity(incoming as never, async (context) => {
      responses = await context.sendActivities([
        { type: 'message', text: 'one' },
        { type: 'delay', value: 20 },
        { type: 'trace', name: 'debug' },
        { type: 'message', text: 'two' },
      ]);
    });
    expect(await texts()).toEqual(['one', 'two']);
    expect(responses.map((r) => r.id)).toEqual(['c|0000000', '', '', 'c|0000001']);
    const [one] = (await store.get('c'))!.activities;
    expect(one).toMatchObject({ from: { id: 'bot', role: 'bot' }, recipient: { id: 'dl_user' }, replyToId: 'c|0000000' });
  });

  it('apologises when the turn throws', async () => {
    const { adapter, incoming, texts } = await setup();
    await adapter.processActivity(incoming as never, async () => {
      throw new Error('boom');
    });
    expect(await texts()).toEqual(['sorry']);
  });

  it('sends proactively into a conversation it has a reference for', async () => {
    const { adapter, incoming, texts } = await setup();
    const reference = TurnContext.getConversationReference(incoming as never);
    await adapter.continueConversation(reference, async (context) => {
      await context.sendActivity('a person has joined');
    });
    expect(await texts()).toEqual(['a person has joined']);
  });

  it('says plainly that updates and deletes are not supported', async () => {
    const { adapter, incoming } = await setup();
    await adapter.processActivity(incoming as never, async (context) => {
      await expect(context.updateActivity({ id: 'x', text: 'changed' })).rejects.toThrow(/not supported/);
      await expect(context.deleteActivity('x')).rejects.toThrow(/not supported/);
    });
  });
});
