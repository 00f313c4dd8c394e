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
