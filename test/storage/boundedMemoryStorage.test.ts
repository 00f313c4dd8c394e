import { describe, expect, it } from 'vitest';
import { BoundedMemoryStorage } from '../../src/storage/boundedMemoryStorage.js';
import { storageContract } from './storageContract.js';

// The bounds change nothing a caller can see while under them.
storageContract('BoundedMemoryStorage', () => new BoundedMemoryStorage({ maxItems: 1000, idleMs: () => 60 * 60_000 }));

describe('the memory store keeps itself bounded', () => {
  it('past maxItems the least recently used items go, and a read counts as a use', async () => {
    const store = new BoundedMemoryStorage({ maxItems: 3, idleMs: () => undefined });
    await store.write({ a: { v: 1 }, b: { v: 2 }, c: { v: 3 } });
    await store.read(['a']);
    await store.write({ d: { v: 4 } });
    expect(store.size()).toBe(3);
    expect(Object.keys(await store.read(['a', 'b', 'c', 'd'])).sort()).toEqual(['a', 'c', 'd']);
  });

  it('items unused for their idle time are gone; used ones stay', async () => {
    let now = Date.parse('2025-03-20T10:00:00Z');
    const store = new BoundedMemoryStorage({ maxItems: 100, idleMs: (key) => (key.startsWith('staff/') ? 30 * 86_400_000 : 7 * 86_400_000), now: () => now });
    await store.write({ 'conv/1': { v: 1 }, 'conv/2': { v: 2 }, 'staff/audit/x': { v: 3 } });
    now += 6 * 86_400_000;
    await store.read(['conv/2']);
    now += 2 * 86_400_000;
    const items = await store.read(['conv/1', 'conv/2', 'staff/audit/x']);
    expect(Object.keys(items).sort()).toEqual(['conv/2', 'staff/audit/x']);
    expect(store.size()).toBe(2);
  });

  it('20,000 conversations written into a 1,000-item store leave 1,000', async () => {
    const store = new BoundedMemoryStorage({ maxItems: 1000, idleMs: () => undefined });
    for (let i = 0; i < 20_000; i++) await store.write({ [`conversation/${i}`]: { text: 'x'.repeat(100) } });
    expect(store.size()).toBe(1000);
    expect(Object.keys(await store.read(['conversation/0', 'conversation/19999']))).toEqual(['conversation/19999']);
  });
});
