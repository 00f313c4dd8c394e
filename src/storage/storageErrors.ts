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
export type StorageOperation = 'read' | 'write' | 'delete' | 'connect' | 'lock';

/**
 * Why the store could not serve, decided once (in `toStorageError`) from what ioredis reported:
 *
 * - `refused`: no connection (connection refused, or not connected and the offline queue is off):
 *   the command was never sent, so nothing was applied.
 * - `timed-out`: sent, no reply within the command timeout (a hung or paused Redis, a partition):
 *   it may still run when Redis resumes.
 * - `reset`: the connection dropped with the command in flight (server killed, `CLIENT KILL`,
 *   retries exhausted): it may or may not have run.
 * - `cluster-down`: a Cluster with slots not served (`CLUSTERDOWN`, `TRYAGAIN`, no node reachable).
 * - `read-only`: a replica or a demoted master (`READONLY`, `MASTERDOWN`, `NOREPLICAS`): failover.
 * - `not-serving`: the server answers but will not serve now (`LOADING`, `OOM`, `BUSY`, `MISCONF`,
 *   `NOAUTH`, `WRONGPASS`, `NOPERM`).
 * - `connection`: any other failure that is not an error reply (ioredis' own errors): treated as an
 *   outage, since a reply we could check never came.
 */
export type UnavailableReason = 'refused' | 'timed-out' | 'reset' | 'cluster-down' | 'read-only' | 'not-serving' | 'connection';

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
    readonly reason: UnavailableReason = 'connection',
  ) {
    const said = cause instanceof Error ? cause.message : String(cause);
    super(`Storage: Redis unavailable (${reason}) during ${operation}${key === undefined ? '' : ` of "${key}"`}: ${said}`, { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** Error replies (their first word) that mean "cannot serve right now", not "we sent something wrong". */
const UNAVAILABLE_REPLIES: Record<string, UnavailableReason> = {
  CLUSTERDOWN: 'cluster-down',
  TRYAGAIN: 'cluster-down',
  READONLY: 'read-only',
  MASTERDOWN: 'read-only',
  NOREPLICAS: 'read-only',
  LOADING: 'not-serving',
  OOM: 'not-serving',
  BUSY: 'not-serving',
  MISCONF: 'not-serving',
  NOAUTH: 'not-serving',
  WRONGPASS: 'not-serving',
  NOPERM: 'not-serving',
};

/**
 * Why an ioredis failure that is not an error reply happened. The messages are ioredis' own (5.x):
 * "Command timed out" (commandTimeout), "Stream isn't writeable and enableOfflineQueue options is
 * false" (not connected), "Connection is closed." and MaxRetriesPerRequestError (dropped with the
 * command in flight), "Failed to refresh slots cache" / "None of startup nodes is available" /
 * "Cluster isn't ready" (Cluster), and Node's socket error codes.
 */
function connectionReason(error: unknown): UnavailableReason {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  if (/command timed out/i.test(message) || code === 'ETIMEDOUT') return 'timed-out';
  if (code === 'ECONNREFUSED' || /ECONNREFUSED|enableOfflineQueue|Stream isn't writeable/i.test(message)) return 'refused';
  if (name === 'MaxRetriesPerRequestError' || code === 'ECONNRESET' || code === 'EPIPE' || /Connection is closed|ECONNRESET|EPIPE/i.test(message)) return 'reset';
  if (name === 'ClusterAllFailedError' || /slots cache|startup nodes|Cluster isn't ready|cluster.*(?:down|ready)/i.test(message)) return 'cluster-down';
  return 'connection';
}

/**
 * The one place an ioredis failure becomes ours. Anything that is not an error reply from the server
 * means the store is unavailable, with its reason; error replies are sorted by their code, and any
 * other reply (`WRONGTYPE`: something else wrote at our key) is a plain StorageError: a bug.
 */
export function toStorageError(operation: StorageOperation, key: string | undefined, error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const isReply = error instanceof Error && error.name === 'ReplyError';
  if (!isReply) return new StorageUnavailableError(operation, key, error, connectionReason(error));
  const code = error.message.split(' ', 1)[0] ?? '';
  const reason = UNAVAILABLE_REPLIES[code];
  if (reason) return new StorageUnavailableError(operation, key, error, reason);
  return new StorageError(`Storage: Redis rejected ${operation}${key === undefined ? '' : ` of "${key}"`}: ${error.message}`, { cause: error });
}

/**
 * Is this the store being unreachable (as opposed to a bug)? Every Redis command of the storage layer
 * goes through `toStorageError`, so the answer is the class alone: an error from elsewhere (a Bot
 * Connector reply refused with ECONNREFUSED) is never mistaken for a store outage.
 */
export const isStoreUnavailable = (error: unknown): error is StorageUnavailableError =>
  error instanceof Error && error.name === 'StorageUnavailableError';

/** Did a write fail because someone else wrote first? (MemoryStorage and RedisStorage both say "eTag conflict".) */
export const isEtagConflict = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'EtagConflictError' || /etag conflict/i.test(error.message));
