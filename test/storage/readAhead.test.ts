import { MemoryStorage, TurnContext, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ReadAhead } from '../../src/storage/readAhead.js';
import { ConsistentConversationState } from '../../src/storage/consistentConversationState.js';

/** A storage that counts the reads that reach it, by key. */
function countingStorage() {
  const inner = new MemoryStorage();
  const reads: string[] = [];
  return {
    reads,
    storage: {
      read: (keys: string[]) => {
        reads.push(...keys);
        return inner.read(keys);
      },
      write: inner.write.bind(inner),
      delete: inner.delete.bind(inner),
    },
  };
}

const contextFor = (conversation: string) =>
  new TurnContext(new TestAdapter(), { type: 'message', id: 'a1', channelId: 'test', conversation: { id: conversation }, from: { id: 'u' }, recipient: { id: 'b' } } as Activity);

describe('reading ahead with the conversation state', () => {
  it('the turn\'s first read of an item read ahead is served without going to the store, once', async () => {
    const { storage, reads } = countingStorage();
    await storage.write({ 'link/c1': { who: 'candidate' } });
    const ahead = new ReadAhead(storage, (context) => [`link/${context.activity.conversation.id}`]);
    const state = new ConsistentConversationState(storage, ahead);
    const context = contextFor('c1');
    state.install(context, await state.prefetch(context));
    reads.length = 0;
    expect((await ahead.storage.read(['link/c1']))['link/c1']).toMatchObject({ who: 'candidate' });
    expect(reads).toEqual([]);
    // A second read in the same turn goes to the store.
    await ahead.storage.read(['link/c1']);
    expect(reads).toEqual(['link/c1']);
  });

  it('an item absent when read ahead is served as absent', async () => {
    const { storage, reads } = countingStorage();
    const ahead = new ReadAhead(storage, () => ['link/none']);
    const state = new ConsistentConversationState(storage, ahead);
    const context = contextFor('c2');
    state.install(context, await state.prefetch(context));
    reads.length = 0;
    expect(await ahead.storage.read(['link/none'])).toEqual({});
    expect(reads).toEqual([]);
  });

  it('a write of the item drops what was read ahead, so the next read sees the write', async () => {
    const { storage } = countingStorage();
    await storage.write({ 'link/c3': { n: 1 } });
    const ahead = new ReadAhead(storage, () => ['link/c3']);
    const state = new ConsistentConversationState(storage, ahead);
    const context = contextFor('c3');
    state.install(context, await state.prefetch(context));
    await ahead.storage.write({ 'link/c3': { n: 2, eTag: '*' } });
    expect((await ahead.storage.read(['link/c3']))['link/c3']).toMatchObject({ n: 2 });
  });

  it('what the turn did not read is dropped when it ends, never served to a later turn', async () => {
    const { storage, reads } = countingStorage();
    await storage.write({ 'link/c4': { n: 1 } });
    const ahead = new ReadAhead(storage, () => ['link/c4']);
    const state = new ConsistentConversationState(storage, ahead);
    const context = contextFor('c4');
    state.install(context, await state.prefetch(context));
    state.done(context);
    await storage.write({ 'link/c4': { n: 2, eTag: '*' } });
    reads.length = 0;
    expect((await ahead.storage.read(['link/c4']))['link/c4']).toMatchObject({ n: 2 });
    expect(reads).toEqual(['link/c4']);
  });
});
