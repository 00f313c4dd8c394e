import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import nock from 'nock';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/bot/adapter.js';
import { testConfig } from '../support/testApp.js';

const logger = pino({ level: 'silent' });

const message = (serviceUrl: string, id: string): Activity =>
  ({
    type: 'message',
    id,
    text: 'hello',
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: 'conversation-1' },
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
  }) as Activity;

/** Runs one incoming activity through the adapter; returns the turn's connector client and sends a reply. */
async function turn(adapter: ReturnType<typeof createAdapter>, activity: Activity): Promise<unknown> {
  let client: unknown;
  await adapter.processActivityDirect('', activity, async (context) => {
    client = context.turnState.get(adapter.ConnectorClientKey);
    await context.sendActivity('reply');
  });
  return client;
}

afterEach(() => {
  nock.cleanAll();
});

describe('the adapter reuses Bot Connector clients across turns', () => {
  it('two turns on one service share one client, and both replies are delivered', async () => {
    const service = nock('http://127.0.0.1:9001').post(/\/v3\/conversations\/.*\/activities/).times(2).reply(200, { id: 'sent' });
    const adapter = createAdapter(testConfig(), logger, 'sorry');
    const first = await turn(adapter, message('http://127.0.0.1:9001', 'a1'));
    const second = await turn(adapter, message('http://127.0.0.1:9001', 'a2'));
    expect(first).toBeDefined();
    expect(second).toBe(first);
    expect(service.isDone()).toBe(true);
  });

  it('a turn from another service gets its own client', async () => {
    nock('http://127.0.0.1:9001').post(/activities/).reply(200, { id: 'sent' });
    nock('http://127.0.0.1:9002').post(/activities/).reply(200, { id: 'sent' });
    const adapter = createAdapter(testConfig(), logger, 'sorry');
    const first = await turn(adapter, message('http://127.0.0.1:9001', 'a1'));
    const other = await turn(adapter, message('http://127.0.0.1:9002', 'a2'));
    expect(other).not.toBe(first);
  });

  it('a proactive send gets a client of its own (its retry policy is changed for that send alone)', async () => {
    nock('http://127.0.0.1:9001').post(/activities/).times(2).reply(200, { id: 'sent' });
    const adapter = createAdapter(testConfig(), logger, 'sorry');
    const inTurn = await turn(adapter, message('http://127.0.0.1:9001', 'a1'));
    const reference = TurnContext.getConversationReference(message('http://127.0.0.1:9001', 'a1')) as ConversationReference;
    let proactive: unknown;
    await adapter.continueConversationAsync('', reference, async (context) => {
      proactive = context.turnState.get(adapter.ConnectorClientKey);
      await context.sendActivity('later');
    });
    expect(proactive).toBeDefined();
    expect(proactive).not.toBe(inTurn);
  });
});
