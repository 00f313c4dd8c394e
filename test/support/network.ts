import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * For a test file: the network is closed but for loopback (our own servers), so an outgoing call
 * nobody intercepted fails instead of leaving the machine; each test's interceptors end with it.
 */
export function loopbackOnlyNetwork(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  });
  afterEach(() => {
    nock.abortPendingRequests();
    nock.cleanAll();
  });
  afterAll(() => nock.enableNetConnect());
}
