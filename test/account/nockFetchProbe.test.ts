import nock from 'nock';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Probe: nock 14 (@mswjs/interceptors) intercepts the global fetch (undici) on Node 20.
beforeAll(() => { nock.disableNetConnect(); nock.enableNetConnect(/127\.0\.0\.1|localhost/); });
afterAll(() => { nock.cleanAll(); nock.enableNetConnect(); });

it('nock intercepts global fetch', async () => {
  const scope = nock('http://account.test').get('/probe').matchHeader('x-api-key', 'k').reply(200, { ok: true });
  const response = await fetch('http://account.test/probe', { headers: { 'X-Api-Key': 'k' } });
  expect(await response.json()).toEqual({ ok: true });
  expect(scope.isDone()).toBe(true);
});

it('refuses an unmocked host with disableNetConnect', async () => {
  await expect(fetch('http://elsewhere.test/x')).rejects.toThrow();
});
