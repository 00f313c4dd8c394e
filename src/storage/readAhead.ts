import type { Storage, StoreItems, TurnContext } from 'botbuilder';

/**
 * Items a turn is sure to read besides its conversation state (the conversation's account link and
 * its handoff pointer), read in the same round trip as the state, right behind the turn's lock.
 * Each one would otherwise be a round trip of its own, one after the other, on every turn.
 *
 * The conversation state `hold`s what it read ahead once it holds the turn's lock; the first read of
 * such a key in the turn is served from it, once, and anything not read is dropped when the turn
 * ends (`drop`). A write or delete of a key drops what was held for it, so nothing stale is served.
 * Keys are per conversation, and a conversation runs one turn at a time, so a held item is never
 * another turn's.
 */
export class ReadAhead {
  private readonly held = new Map<string, unknown>();
  /** `storage` with the held items served first: give it to the parts whose reads are read ahead. */
  readonly storage: Storage;

  constructor(
    inner: Storage,
    /** The keys this turn will read, from its conversation (the same keys the parts build). */
    private readonly keysFor: (context: TurnContext) => string[],
  ) {
    this.storage = {
      read: async (keys: string[]): Promise<StoreItems> => {
        const found: StoreItems = {};
        const rest: string[] = [];
        for (const key of keys) {
          if (!this.held.has(key)) {
            rest.push(key);
            continue;
          }
          const item = this.held.get(key);
          this.held.delete(key);
          if (item !== undefined) found[key] = item;
        }
        return rest.length > 0 ? { ...(await inner.read(rest)), ...found } : found;
      },
      write: (changes: StoreItems) => {
        for (const key of Object.keys(changes)) this.held.delete(key);
        return inner.write(changes);
      },
      delete: (keys: string[]) => {
        for (const key of keys) this.held.delete(key);
        return inner.delete(keys);
      },
    };
  }

  /** The keys to read with this turn's conversation state. */
  keys(context: TurnContext): string[] {
    return this.keysFor(context);
  }

  /** Keeps what was read ahead for these keys (absent ones as absent) for the turn's first read. */
  hold(keys: string[], items: StoreItems): void {
    for (const key of keys) this.held.set(key, items[key]);
  }

  /** The turn is over (or runs again from the store): what it did not read goes. */
  drop(keys: string[]): void {
    for (const key of keys) this.held.delete(key);
  }
}
