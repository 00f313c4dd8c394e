import { ActivityTypes, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTurnRunner } from '../../src/bot/turnRunner.js';
import { ConsistentConversationState } from '../../src/storage/consistentConversationState.js';
import { createRedisClient, waitForRedisReady } from '../../src/storage/redisConnection.js';
import { RedisStorage, type RedisClient } from '../../src/storage/redisStorage.js';
import { RedisTurnGate } from '../../src/storage/redisTurnGate.js';
import { deleteTestKeys, externalRedisUrl, redisSuiteGate, startRedisServer, type TestRedis } from '../support/redisServer.js';

const suite = redisSuiteGate('turn runner faults');

/**
 * The stateless fallback never answers an activity twice: not when a store command fails after the
 * turn's replies left, and not when an activity it answered is redelivered after the store is back.
 */
describe.skipIf(suite.skip || Boolean(externalRedisUrl))('the turn runner when the store fails', () => {
  let redis: TestRedis;
  let client: RedisClient;
  const prefix = `runner-${process.pid}:`;

  beforeAll(async () => {
    redis = await startRedisServer();
    client = createRedisClient({ url: redis.url, retryBaseDelayMs: 20, retryMaxDelayMs: 100, commandTimeoutMs: 500, onError: () => undefined });
    await waitForRedisReady(client);
  });
  afterAll(async () => {
    await deleteTestKeys(redis.url, prefix).catch(() => undefined);
    client?.disconnect();
    await redis?.stop();
  });

  const build = (turn: (context: TurnContext) => Promise<void>, afterSave: () => Promise<void> = async () => undefined) => {
    const state = new ConsistentConversationState(new RedisStorage(client, { prefix: `${prefix}state:`, maxItemBytes: 100_000 }));
    const said: string[] = [];
    const onTurn = createTurnRunner({
      gate: new RedisTurnGate(client, { prefix: `${prefix}turn:` }),
      state,
      turn: async (context) => {
        await turn(context);
        await state.saveChanges(context);
        await afterSave();
      },
      withoutStore: async (context) => void (await context.sendActivity('answered without state')),
      logger: pino({ level: 'silent' }),
    });
    const adapter = new TestAdapter(onTurn);
    adapter.onTurnError = async (context) => void (await context.sendActivity('apology'));
    const send = async (id: string, text: string) => {
      await adapter.processActivity({ type: ActivityTypes.Message, id, text, conversation: { id: 'runner' } } as Partial<Activity>, onTurn);
      while (adapter.activeQueue.length > 0) said.push(String(adapter.activeQueue.shift()!.text));
    };
    return { send, said };
  };

  const echo = async (context: TurnContext) => {
    await context.sendActivity(`echo ${context.activity.text}`);
  };

  it('does not answer again when a store command fails after the turn was answered', async () => {
    let crash = true;
    // Redis dies after the turn's state was saved, before the turn is over (the crash window).
    const { send, said } = build(echo, async () => {
      if (!crash) return;
      crash = false;
      await redis.crash();
    });
    try {
      await send('m1', 'one');
    } finally {
      await redis.restart();
      await waitForRedisReady(client, 5000).catch(() => undefined);
    }
    expect(said).toEqual(['echo one']);
  });

  it('does not answer an activity answered without state again when it is redelivered after the store is back', async () => {
    const { send, said } = build(echo);
    await redis.crash();
    try {
      await send('m2', 'two');
    } finally {
      await redis.restart();
    }
    await expect.poll(() => client.status, { timeout: 5000 }).toBe('ready');
    await send('m2', 'two');
    await send('m3', 'three');
    expect(said).toEqual(['answered without state', 'echo three']);
  });
});
