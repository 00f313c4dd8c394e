/**
 * Errors raised by the storage layer. Every one extends `StorageError`, and each kind means
 * something different to the caller:
 *
 * - `EtagConflictError`: someone else wrote the item since it was read; re-read and retry the turn.
 * - `ItemTooLargeError`: the item is bigger than the configured cap; a bug or runaway state, nothing
 *   was written.
 * - `StorageUnavailableError`: the store could not be reached (connection down, timed out, Redis
 *   loading / out of memory / failing over). The operation may or may not have been applied.
 * - plain `StorageError`: anything else (an unexpected Redis reply, data that is not ours at a key,
 *   an item that cannot be serialised): a bug, not an outage.
 */
export type StorageOperation = 'read' | 'write' | 'delete' | 'connect';

export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

export class EtagConflictError extends StorageError {
  constructor(
    readonly key: string,
    readonly expectedETag: string,
  ) {
    super(`Storage: eTag conflict writing "${key}": the stored item has changed since eTag "${expectedETag}" was read`);
    this.name = 'EtagConflictError';
  }
}

export class ItemTooLargeError extends StorageError {
  constructor(
    readonly key: string,
    readonly sizeBytes: number,
    readonly maxBytes: number,
  ) {
    super(`Storage: item "${key}" is ${sizeBytes} bytes, over the ${maxBytes}-byte limit; nothing was written`);
    this.name = 'ItemTooLargeError';
  }
}

export class StorageUnavailableError extends StorageError {
  constructor(
    readonly operation: StorageOperation,
    readonly key: string | undefined,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Storage: Redis unavailable during ${operation}${key === undefined ? '' : ` of "${key}"`}: ${reason}`, { cause });
    this.name = 'StorageUnavailableError';
  }
}

/**
 * Is this the store being unreachable (as opposed to a bug)? RedisStorage says so with
 * StorageUnavailableError; ioredis itself, used directly by the turn gate, fails fast with its own
 * connection errors because the offline queue is off.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'StorageUnavailableError' || error.name === 'MaxRetriesPerRequestError') return true;
  return /enableOfflineQueue|Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|Stream isn't writeable|connect ETIMEDOUT|CLUSTERDOWN|READONLY|LOADING/i.test(
    error.message,
  );
}

/** Did a write fail because someone else wrote first? (MemoryStorage and RedisStorage both say "eTag conflict".) */
export const isEtagConflict = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'EtagConflictError' || /etag conflict/i.test(error.message));
