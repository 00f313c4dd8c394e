import type { Storage, StoreItems } from 'botbuilder';
import { beforeEach, describe, expect, it } from 'vitest';

/**
 * The Storage contract every implementation keeps (botbuilder's MemoryStorage is the reference):
 * run with `storageContract('name', () => storage)` inside the implementation's own test file.
 * Each test gets a fresh storage from `makeStorage`; the caller cleans up whatever it holds.
 */
export interface StorageContractOptions {
  /** The error class a stale eTag rejects with, when the implementation has one. */
  conflictError?: new (...args: never[]) => Error;
}

// Keys a real deployment meets (channel ids, Teams conversation ids) and some it should survive.
export const oddKeys: string[] = [
  'emulator/conversations/4f1c2e3a-aaaa-bbbb-cccc-1234567890ab|livechat/',
  'msteams/conversations/a:1Xyz-AbC_d;messageid=1712345678901/users/29:1AbC/',
  'ünïcødé/日本語/🙂/עברית',
  'with spaces and\ttabs\nand newlines',
  'a/b/c/',
  '/leading/and/trailing/',
  '{braces}',
  'x{tag}y',
  '}{',
  '{}',
  '!@#$%^&*()~/\\><,.?\';"`~',
  '*',
  '?',
  '[a-z]',
  'key:with:colons',
  'nul\u0000inside',
  'k'.repeat(10_000),
  '',
  ' ',
  '  ',
  '\t',
  '\uD800', // lone surrogates: distinct JavaScript strings, same bytes once carelessly UTF-8 encoded
  '\uDFFF',
];

export function storageContract(name: string, makeStorage: () => Storage | Promise<Storage>, options: StorageContractOptions = {}) {
  describe(`${name}: Storage contract`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await makeStorage();
    });

    const readOne = async (key: string) => (await storage.read([key]))[key] as Record<string, unknown> | undefined;
    const eTagOf = async (key: string) => {
      const item = await readOne(key);
      expect(item).toBeDefined();
      return item!.eTag as string;
    };

    it('reads an unknown key as absent: {} (and an empty key list as {})', async () => {
      expect(await storage.read(['unknown'])).toEqual({});
      expect(await storage.read([])).toEqual({});
    });

    it('returns only the keys found', async () => {
      await storage.write({ present: { id: 1 } });
      const items = await storage.read(['present', 'missing']);
      expect(Object.keys(items)).toEqual(['present']);
    });

    it('round-trips nested objects, with an eTag added', async () => {
      const item = {
        id: 7,
        ratio: 1.5,
        text: 'ünïcødé 🙂',
        flags: { on: true, off: false, none: null },
        list: [1, 'two', { three: [3] }, []],
        nested: { a: { b: { c: { d: 'deep' } } } },
        empty: {},
      };
      await storage.write({ nested: item });
      expect(await readOne('nested')).toEqual({ ...item, eTag: expect.any(String) });
    });

    it('leaves the caller’s object alone and hands out copies', async () => {
      const item = { count: 1, inner: { n: 1 } };
      await storage.write({ copies: item });
      expect(item).toEqual({ count: 1, inner: { n: 1 } });
      const first = await readOne('copies');
      (first!.inner as { n: number }).n = 99;
      expect((await readOne('copies'))!.inner).toEqual({ n: 1 });
    });

    it('assigns a string eTag and a new one on every write', async () => {
      await storage.write({ etags: { count: 1 } });
      const first = await eTagOf('etags');
      expect(typeof first).toBe('string');
      expect(first).not.toBe('');
      await storage.write({ etags: { count: 2, eTag: first } });
      const second = await eTagOf('etags');
      await storage.write({ etags: { count: 3, eTag: '*' } });
      const third = await eTagOf('etags');
      await storage.write({ etags: { count: 4 } });
      const fourth = await eTagOf('etags');
      expect(new Set([first, second, third, fourth]).size).toBe(4);
    });

    it('rejects a stale eTag, names the key, and keeps the stored value', async () => {
      await storage.write({ stale: { count: 1 } });
      const original = await eTagOf('stale');
      await storage.write({ stale: { count: 2, eTag: original } });
      const current = await eTagOf('stale');

      const attempt = storage.write({ stale: { count: 3, eTag: original } });
      await expect(attempt).rejects.toThrow(/stale/);
      await expect(attempt).rejects.toThrow(/eTag conflict/i);
      if (options.conflictError) await expect(attempt).rejects.toBeInstanceOf(options.conflictError);

      expect(await readOne('stale')).toEqual({ count: 2, eTag: current });
    });

    it('rejects a made-up eTag on an existing item', async () => {
      await storage.write({ madeUp: { count: 1 } });
      await expect(storage.write({ madeUp: { count: 2, eTag: 'not-an-etag-we-gave' } })).rejects.toThrow(/madeUp/);
      expect((await readOne('madeUp'))!.count).toBe(1);
    });

    it("overwrites with eTag '*' whatever is stored", async () => {
      await storage.write({ star: { count: 1 } });
      const first = await eTagOf('star');
      await storage.write({ star: { count: 2, eTag: first } });
      await storage.write({ star: { count: 100, eTag: '*' } });
      expect((await readOne('star'))!.count).toBe(100);
    });

    it('overwrites when the item has no eTag (or an empty one)', async () => {
      await storage.write({ noEtag: { count: 1 } });
      await storage.write({ noEtag: { count: 2 } });
      expect((await readOne('noEtag'))!.count).toBe(2);
      await storage.write({ noEtag: { count: 3, eTag: '' } });
      expect((await readOne('noEtag'))!.count).toBe(3);
    });

    it('writes an item carrying an eTag when the key no longer exists (as MemoryStorage does)', async () => {
      await storage.write({ recreated: { count: 1 } });
      const eTag = await eTagOf('recreated');
      await storage.delete(['recreated']);
      await storage.write({ recreated: { count: 2, eTag } });
      expect((await readOne('recreated'))!.count).toBe(2);
    });

    it('deletes: the key reads as absent, other keys stay', async () => {
      await storage.write({ gone: { id: 1 }, kept: { id: 2 } });
      await storage.delete(['gone']);
      expect(await storage.read(['gone', 'kept'])).toEqual({ kept: { id: 2, eTag: expect.any(String) } });
    });

    it('deletes an unknown key (and an empty list) without complaint', async () => {
      await expect(storage.delete(['never-written'])).resolves.toBeUndefined();
      await expect(storage.delete([])).resolves.toBeUndefined();
    });

    it('writes nothing for an empty change set', async () => {
      await expect(storage.write({})).resolves.toBeUndefined();
    });

    it('rejects missing keys / changes with a ReferenceError', async () => {
      await expect(storage.read(null as unknown as string[])).rejects.toThrow(ReferenceError);
      await expect(storage.write(null as unknown as StoreItems)).rejects.toThrow(ReferenceError);
    });

    it('handles odd keys: unicode, whitespace, slashes, braces, glob characters, very long, empty-ish', async () => {
      const changes: StoreItems = {};
      oddKeys.forEach((key, index) => (changes[key] = { index, key }));
      await storage.write(changes);

      const items = await storage.read(oddKeys);
      expect(Object.keys(items).sort()).toEqual([...oddKeys].sort());
      oddKeys.forEach((key, index) => expect(items[key]).toEqual({ index, key, eTag: expect.any(String) }));

      // Each key is its own item: a conditional write to one does not disturb another.
      const [first, second] = ['\uD800', '\uDFFF'];
      await storage.write({ [first!]: { index: -1, eTag: items[first!].eTag } });
      expect((await storage.read([second!]))[second!].index).toBe(oddKeys.indexOf(second!));

      await storage.delete(oddKeys);
      expect(await storage.read(oddKeys)).toEqual({});
    });

    it('writes, reads and deletes many keys in one call', async () => {
      // More than one of RedisStorage's read scripts holds (256 keys), with missing keys among them.
      const keys = Array.from({ length: 600 }, (_, i) => `batch/${i}/`);
      await storage.write(Object.fromEntries(keys.map((key, i) => [key, { i, payload: { square: i * i } }])));
      const items = await storage.read(keys.flatMap((key, i) => (i % 7 === 0 ? [`batch/missing/${i}/`, key] : [key])));
      expect(Object.keys(items)).toHaveLength(600);
      keys.forEach((key, i) => expect(items[key]).toMatchObject({ i, payload: { square: i * i } }));
      expect(new Set(keys.map((key) => items[key].eTag)).size).toBe(600);
      await storage.delete(keys);
      expect(await storage.read(keys)).toEqual({});
    });

    it('reads the same key listed twice', async () => {
      await storage.write({ twice: { id: 1 } });
      expect(Object.keys(await storage.read(['twice', 'twice']))).toEqual(['twice']);
    });

    it('lets exactly one of 20 concurrent writes with the same eTag win', async () => {
      await storage.write({ race: { winner: -1 } });
      const eTag = await eTagOf('race');
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, winner) => storage.write({ race: { winner, eTag } })),
      );
      const won = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
      expect(won).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(String(result.reason)).toMatch(/eTag conflict/i);
          if (options.conflictError) expect(result.reason).toBeInstanceOf(options.conflictError);
        }
      }
      const stored = await readOne('race');
      expect(stored!.winner).toBe(won[0]);
      expect(stored!.eTag).not.toBe(eTag);
    });

    it("lets every one of 20 concurrent '*' writes through, leaving one of them stored", async () => {
      await Promise.all(Array.from({ length: 20 }, (_, n) => storage.write({ lastWins: { n, eTag: '*' } })));
      const stored = await readOne('lastWins');
      expect(stored!.n).toBeGreaterThanOrEqual(0);
      expect(stored!.n).toBeLessThan(20);
    });
  });
}
