import type { Storage, StoreItems } from 'botbuilder';
import { EtagConflictError, ItemTooLargeError, StorageUnavailableError } from './storageErrors.js';

/**
 * Reports how long each store operation took and, when it failed, what kind of failure it was
 * (the metrics in src/metrics/ listen). The wrapped store is called at once, in the same tick, so
 * Redis still pipelines a read with the turn lock's command.
 */
export type StoreObserver = (operation: 'read' | 'write' | 'delete', seconds: number, errorKind?: string) => void;

/** A storage error's kind for a metric label: the classes of src/storage/storageErrors.ts, else 'other'. */
export function storeErrorKind(error: unknown): string {
  if (error instanceof EtagConflictError) return 'etag-conflict';
  if (error instanceof ItemTooLargeError) return 'too-large';
  if (error instanceof StorageUnavailableError) return `unavailable-${error.reason}`;
  return 'other';
}

export function observedStorage(storage: Storage, observe: StoreObserver): Storage {
  const timed = <T>(operation: 'read' | 'write' | 'delete', run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    return run().then(
      (result) => {
        observe(operation, (performance.now() - started) / 1000);
        return result;
      },
      (error: unknown) => {
        observe(operation, (performance.now() - started) / 1000, storeErrorKind(error));
        throw error;
      },
    );
  };
  return {
    read: (keys: string[]) => timed('read', () => storage.read(keys)),
    write: (changes: StoreItems) => timed('write', () => storage.write(changes)),
    delete: (keys: string[]) => timed('delete', () => storage.delete(keys)),
  };
}
