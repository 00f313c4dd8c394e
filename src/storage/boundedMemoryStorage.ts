import { MemoryStorage, type StoreItems } from 'botbuilder';

/**
 * The in-process store with bounds, so one client cannot grow it until the process dies (each
 * conversation keeps a few KB forever in botbuilder's MemoryStorage). Items not read or written for
 * their idle time (the same times Redis keeps them) are dropped, checked at most once a minute; past
 * `maxItems` the least recently used are dropped first. For one development instance: Redis, with
 * its TTLs and its own memory limit, is the production store.
 */
export interface BoundedMemoryOptions {
  /** The most items kept; the least recently used go first. */
  maxItems: number;
  /** How long an item may go unused, by key (milliseconds); undefined: kept until evicted. */
  idleMs: (key: string) => number | undefined;
  /** Milliseconds since the epoch; tests pass their own. */
  now?: () => number;
}

const SWEEP_EVERY_MS = 60_000;

export class BoundedMemoryStorage extends MemoryStorage {
  /** Last use per key, oldest first (a Map keeps insertion order; a use moves the key to the end). */
  private readonly used = new Map<string, number>();
  private lastSweep = 0;
  private readonly now: () => number;

  constructor(private readonly options: BoundedMemoryOptions) {
    super();
    if (!Number.isSafeInteger(options.maxItems) || options.maxItems < 1) throw new RangeError(`BoundedMemoryStorage: maxItems must be a positive whole number (got ${options.maxItems})`);
    this.now = options.now ?? Date.now;
  }

  /** Items held now. */
  size(): number {
    return this.used.size;
  }

  override async read(keys: string[]): Promise<StoreItems> {
    this.sweep();
    const items = await super.read(keys);
    for (const key of Object.keys(items)) this.touch(key);
    return items;
  }

  override async write(changes: StoreItems): Promise<void> {
    await super.write(changes);
    for (const key of Object.keys(changes)) this.touch(key);
    this.sweep();
    for (const key of this.used.keys()) {
      if (this.used.size <= this.options.maxItems) break;
      this.drop(key);
    }
  }

  override async delete(keys: string[]): Promise<void> {
    await super.delete(keys);
    for (const key of keys) this.used.delete(key);
  }

  private touch(key: string): void {
    this.used.delete(key);
    this.used.set(key, this.now());
  }

  private drop(key: string): void {
    delete this.memory[key];
    this.used.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, at] of [...this.used]) {
      const idle = this.options.idleMs(key);
      if (idle !== undefined && now - at > idle) this.drop(key);
    }
  }
}
