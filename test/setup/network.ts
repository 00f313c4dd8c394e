import nock from 'nock';
import { afterEach, beforeAll } from 'vitest';

/**
 * Every test file (vitest `setupFiles`): the network is closed but for loopback (our own servers and
 * sinks), so a call nobody intercepted fails instead of leaving the machine; each test's interceptors
 * end with it. A file that needs more (nockFetchProbe) sets it up itself after this has run.
 */
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
});

afterEach(() => {
  nock.abortPendingRequests();
  nock.cleanAll();
});
