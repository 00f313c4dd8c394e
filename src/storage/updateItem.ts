import type { Storage, StoreItem } from 'botbuilder';
import { isEtagConflict } from './storageErrors.js';

/** What a change function returns: the new value, `null` to delete the item, or `undefined` to leave it. */
export type ItemChange<T> = T | null | undefined;

/**
 * Read-modify-write of one item as a compare-and-set on the eTag read, retried on conflict, so
 * changes made at the same moment on several instances all land. Within a process the updates of one
 * key also queue behind each other, which covers the first write of a new item (it has no eTag to
 * compare yet). `change` may run more than once: it must not have side effects.
 */
export class ItemUpdater {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly storage: Storage,
    private readonly attempts = 20,
  ) {}

  update<T extends object>(key: string, change: (current: T | undefined) => ItemChange<T>): Promise<T | undefined> {
    const run = async (): Promise<T | undefined> => {
      for (let attempt = 1; ; attempt++) {
        const stored = (await this.storage.read([key]))[key] as (T & { eTag?: string }) | undefined;
        const current = stored ? withoutETag(stored) : undefined;
        const next = change(current);
        if (next === undefined) return current;
        try {
          if (next === null) {
            if (stored) await this.storage.delete([key]);
            return undefined;
          }
          const item: StoreItem = stored?.eTag ? { ...next, eTag: stored.eTag } : { ...next };
          await this.storage.write({ [key]: item });
          return next;
        } catch (error) {
          if (attempt >= this.attempts || !isEtagConflict(error)) throw error;
        }
      }
    };
    const queued = (this.queues.get(key) ?? Promise.resolve()).then(run, run);
    const settled = queued.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return queued;
  }
}

function withoutETag<T extends object>(item: T & { eTag?: string }): T {
  const { eTag: _eTag, ...rest } = item;
  return rest as T;
}
