import type { Storage, StoreItems } from 'botbuilder';

export interface MemoryStorageOptions {
  /** The most counted items kept; past it the least recently used counted item goes. */
  maxItems: number;
  /** Does this key count towards `maxItems`? (Conversation and user state do; handoff cases must stay.) */
  counted: (key: string) => boolean;
  /** How long an item of this key lives after its last write, in ms (as Redis expires it); undefined: for ever. */
  idleMs: (key: string) => number | undefined;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
}

interface Held {
  json: string;
  eTag: string;
  /** When it idles out (Infinity: never). */
  expires: number;
  counted: boolean;
}

/**
 * botbuilder's MemoryStorage contract (each read a fresh copy, eTag compare-and-set on write, '*' or
 * no eTag overwrites), with two differences that matter in a process that runs for weeks:
 * - it is bounded: at most `maxItems` conversation items (the least recently used go first), and an
 *   item not written for its kind's time is dropped, as Redis expires it, so a flood of new conversations
 *   cannot grow the heap without end;
 * - the eTag is kept beside the JSON, so a write does not parse the old item to compare it (the
 *   reference parsed every conversation's whole state twice a turn).
 */
export class BoundedMemoryStorage implements Storage {
  /** In least recently used order: a Map keeps insertion order, and a touch re-inserts. */
  private readonly items = new Map<string, Held>();
  private counted = 0;
  private nextETag = 1;
  private readonly now: () => number;

  constructor(private readonly options: MemoryStorageOptions) {
    if (!Number.isInteger(options.maxItems) || options.maxItems < 1) {
      throw new RangeError(`storage/memoryStorage: maxItems must be a whole number of at least 1, got ${String(options.maxItems)}`);
    }
    this.now = options.now ?? Date.now;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('storage/memoryStorage: keys are required when reading.');
    const now = this.now();
    const found: StoreItems = {};
    for (const key of keys) {
      const held = this.live(key, now);
      if (!held) continue;
      // The parsed copy is the caller's own: its eTag is set on it rather than spread into another.
      const item = JSON.parse(held.json) as Record<string, unknown>;
      item.eTag = held.eTag;
      found[key] = item;
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('storage/memoryStorage: changes are required when writing.');
    const now = this.now();
    // Checked first, written after: a batch with one stale item writes nothing.
    for (const [key, item] of Object.entries(changes)) {
      const held = this.live(key, now);
      const eTag = (item as { eTag?: string } | undefined)?.eTag;
      if (held && eTag && eTag !== '*' && eTag !== held.eTag) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
    }
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: _ignored, ...rest } = (item ?? {}) as Record<string, unknown>;
      this.remove(key);
      const counted = this.options.counted(key);
      this.items.set(key, { json: JSON.stringify(rest), eTag: String(this.nextETag++), expires: this.expiry(key, now), counted });
      if (counted) this.counted++;
    }
    this.evict(now);
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('storage/memoryStorage: keys are required when deleting.');
    for (const key of keys) this.remove(key);
  }

  /** Every live item as stored (its JSON, with its eTag), by key: for inspection by tools and tests. */
  held(): Record<string, string> {
    const now = this.now();
    const out: Record<string, string> = {};
    for (const [key, item] of this.items) if (now < item.expires) out[key] = JSON.stringify({ ...JSON.parse(item.json), eTag: item.eTag });
    return out;
  }

  /** How many items are held, and how many of them count towards the cap (for tests and metrics). */
  get size(): { items: number; counted: number } {
    return { items: this.items.size, counted: this.counted };
  }

  private expiry(key: string, now: number): number {
    const idle = this.options.idleMs(key);
    return idle === undefined ? Infinity : now + idle;
  }

  private remove(key: string): void {
    const held = this.items.get(key);
    if (!held) return;
    this.items.delete(key);
    if (held.counted) this.counted--;
  }

  /**
   * The item if it has not expired. A read moves it to the back of the eviction order; its expiry,
   * as in Redis, counts from its last write.
   */
  private live(key: string, now: number): Held | undefined {
    const held = this.items.get(key);
    if (!held) return undefined;
    this.remove(key);
    if (now >= held.expires) return undefined;
    this.items.set(key, held);
    if (held.counted) this.counted++;
    return held;
  }

  /**
   * Least recently used first: drops what has idled out, and counted items while over the cap.
   * Stops at the first item that is neither (everything after it was used more recently), unless
   * the cap still needs room.
   */
  private evict(now: number): void {
    for (const [key, held] of this.items) {
      const over = this.counted > this.options.maxItems;
      if (now >= held.expires || (over && held.counted)) this.remove(key);
      else if (!over) break;
    }
  }
}
