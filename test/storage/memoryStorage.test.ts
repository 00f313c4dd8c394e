import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { BoundedMemoryStorage, type MemoryStorageOptions } from '../../src/storage/memoryStorage.js';
import { defaultMemorySettings, memoryStore } from '../../src/storage/stateStore.js';
import { storageContract } from './storageContract.js';

// The reference implementation: if the contract disagrees with MemoryStorage, the contract is wrong.
storageContract('MemoryStorage', () => new MemoryStorage());

// What `npm start` runs on: the same contract, bounded.
storageContract('BoundedMemoryStorage', () => memoryStore().storage);

const conversation = (n: number) => `webchat/conversations/c${n}/`;
const HOUR = 3_600_000;

function bounded(options: Partial<MemoryStorageOptions> = {}) {
  let now = 0;
  const storage = new BoundedMemoryStorage({
    maxItems: 3,
    counted: (key) => !key.startsWith('handoff/'),
    idleMs: (key) => (key.startsWith('handoff/') ? 100 * HOUR : HOUR),
    now: () => now,
    ...options,
  });
  return { storage, pass: (ms: number) => (now += ms) };
}

describe('memory storage holds a bounded number of conversations', () => {
  it('past the cap the least recently used conversation goes, not the one just read', async () => {
    const { storage, pass } = bounded();
    for (const n of [1, 2, 3]) {
      await storage.write({ [conversation(n)]: { n } });
      pass(1);
    }
    await storage.read([conversation(1)]);
    await storage.write({ [conversation(4)]: { n: 4 } });
    const held = await storage.read([1, 2, 3, 4].map(conversation));
    expect(Object.keys(held).sort()).toEqual([conversation(1), conversation(3), conversation(4)].sort());
    expect(storage.size).toEqual({ items: 3, counted: 3 });
  });

  it('handoff cases do not count towards the cap and are never pushed out by conversations', async () => {
    const { storage } = bounded();
    await storage.write({ 'handoff/case/1': { open: true } });
    for (const n of [1, 2, 3, 4, 5]) await storage.write({ [conversation(n)]: { n } });
    expect(await storage.read(['handoff/case/1'])).toEqual({ 'handoff/case/1': { open: true, eTag: expect.any(String) } });
    expect(storage.size).toEqual({ items: 4, counted: 3 });
  });

  it('a conversation not written for its time is gone, as in Redis: the moment before it is there, at the time it is not', async () => {
    const { storage, pass } = bounded();
    await storage.write({ [conversation(1)]: { n: 1 }, [conversation(2)]: { n: 2 } });
    pass(HOUR / 2);
    await storage.write({ [conversation(1)]: { n: 11 } });
    pass(HOUR / 2 - 1);
    expect(Object.keys(await storage.read([conversation(2)]))).toEqual([conversation(2)]);
    pass(1);
    // Conversation 2 was only read since it was written; conversation 1 was written half an hour ago.
    expect(await storage.read([conversation(2)])).toEqual({});
    expect(Object.keys(await storage.read([conversation(1)]))).toEqual([conversation(1)]);
  });

  it('a write with a stale eTag is refused and nothing of its batch is written', async () => {
    const { storage } = bounded();
    await storage.write({ [conversation(1)]: { n: 1 } });
    const { eTag } = (await storage.read([conversation(1)]))[conversation(1)] as { eTag: string };
    await storage.write({ [conversation(1)]: { n: 2, eTag } });
    await expect(storage.write({ [conversation(2)]: { n: 2 }, [conversation(1)]: { n: 3, eTag } })).rejects.toThrow(/eTag conflict/);
    expect(await storage.read([conversation(2)])).toEqual({});
    expect((await storage.read([conversation(1)]))[conversation(1)]).toMatchObject({ n: 2 });
  });

  it('20,000 conversations written into a 1,000-conversation store leave 1,000, the newest', async () => {
    const { storage } = bounded({ maxItems: 1000 });
    for (let i = 0; i < 20_000; i++) await storage.write({ [conversation(i)]: { text: 'x'.repeat(100) } });
    expect(storage.size).toEqual({ items: 1000, counted: 1000 });
    expect(Object.keys(await storage.read([conversation(0), conversation(19_999)]))).toEqual([conversation(19_999)]);
  });

  it('20,000 conversations is the default cap', () => {
    expect(defaultMemorySettings.MEMORY_STATE_MAX_CONVERSATIONS).toBe(20_000);
    expect(() => new BoundedMemoryStorage({ maxItems: 0, counted: () => true, idleMs: () => undefined })).toThrow(/storage\/memoryStorage: maxItems .* got 0/);
  });
});
