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

  const storage = () => new RedisStorage(client, { prefix: `${prefix}state:`, maxItemBytes: 100_000 });
  const build = (
    turn: (context: TurnContext, state: ConsistentConversationState) => Promise<void>,
    afterSave: () => Promise<void> = async () => undefined,
    beforeSave: () => Promise<void> = async () => undefined,
  ) => {
    const state = new ConsistentConversationState(storage());
    const said: string[] = [];
    const onTurn = createTurnRunner({
      gate: new RedisTurnGate(client, { prefix: `${prefix}turn:` }),
      state,
      turn: async (context) => {
        await turn(context, state);
        await beforeSave();
        await state.saveChanges(context);
        await afterSave();
      },
      withoutStore: async (context) => void (await context.sendActivity('answered without state')),
      logger: pino({ level: 'silent' }),
    });
    const adapter = new TestAdapter(onTurn);
    adapter.onTurnError = async (context) => void (await context.sendActivity('apology'));
    const send = async (id: string, text: string, conversation = 'runner') => {
      await adapter.processActivity({ type: ActivityTypes.Message, id, text, conversation: { id: conversation } } as Partial<Activity>, onTurn);
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

  /** Counts the conversation's turns in its state, and says the count. */
  const counter = async (context: TurnContext, state: ConsistentConversationState) => {
    const count = state.createProperty<number>('count');
    const next = (await count.get(context, 0)) + 1;
    await count.set(context, next);
    await context.sendActivity(`turn ${next}`);
  };

  it('records the activity id in the conversation item, in the state write: no separate "seen" keys', async () => {
    const { send, said } = build(counter);
    await send('s1', 'a', 'seen-in-state');
    await send('s1', 'a', 'seen-in-state');
    await send('s2', 'b', 'seen-in-state');
    expect(said).toEqual(['turn 1', 'turn 2']);
    const item = await storage().read(['test/conversations/seen-in-state/']);
    expect(item['test/conversations/seen-in-state/']).toMatchObject({ count: 2, _seenActivityIds: ['s1', 's2'] });
    // Nothing but state items: no per-activity marker keys (and no lock left behind).
    expect((await client.keys(`${prefix}*`)).filter((key) => !key.startsWith(`${prefix}state:`))).toEqual([]);
  });

  it('a turn that dies before its write leaves nothing: the redelivery runs it on the old state, once', async () => {
    let die = true;
    const { send, said } = build(counter, undefined, async () => {
      if (!die) return;
      die = false;
      throw new Error('process died before the write');
    });
    await send('d1', 'a', 'died-before');
    await send('d1', 'a', 'died-before');
    expect(said).toEqual(['apology', 'turn 1']);
  });

  it('a turn that dies after its write leaves a seen turn: the redelivery is skipped, the state advanced once', async () => {
    let die = true;
    const { send, said } = build(counter, async () => {
      if (!die) return;
      die = false;
      throw new Error('process died after the write');
    });
    await send('d1', 'a', 'died-after');
    await send('d1', 'a', 'died-after');
    await send('d2', 'b', 'died-after');
    // The first delivery's replies were lost with it (held until the write, then the crash).
    expect(said).toEqual(['apology', 'turn 2']);
  });

  it('a turn that changes nothing is still recorded as seen', async () => {
    const { send, said } = build(async (context) => void (await context.sendActivity('hello')));
    await send('n1', 'hi', 'unchanged');
    await send('n1', 'hi', 'unchanged');
    expect(said).toEqual(['hello']);
  });
});
