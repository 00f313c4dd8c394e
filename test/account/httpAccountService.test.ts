import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  AccountDataError,
  AccountNotFoundError,
  AccountRequestError,
  AccountUnavailableError,
} from '../../src/account/errors.js';
import { HttpAccountService, type AccountClientEvent, type HttpAccountServiceOptions } from '../../src/account/httpAccountService.js';
import { accountBody } from './fixtures.js';

const BASE = 'http://account.test';
const API_KEY = 'test-key-do-not-log-7f3a';


function client(options: Partial<HttpAccountServiceOptions> = {}) {
  let t = 1_000_000;
  const sleeps: number[] = [];
  const events: AccountClientEvent[] = [];
  const service = new HttpAccountService({
    baseUrl: `${BASE}/v1`,
    apiKey: API_KEY,
    timeoutMs: 1000,
    maxAttempts: 3,
    retryBaseDelayMs: 200,
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    random: () => 0.5,
    onEvent: (e) => events.push(e),
    ...options,
  });
  return { service, sleeps, events, advance: (ms: number) => (t += ms) };
}

const api = () => nock(BASE, { reqheaders: { 'x-api-key': API_KEY, accept: 'application/json' } });

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('getAccount', () => {
  it('returns the parsed account, with the key in X-Api-Key under the base path', async () => {
    const scope = api().get('/v1/candidates/cand-123/account').reply(200, accountBody());
    const { service, sleeps } = client();
    await expect(service.getAccount('cand-123')).resolves.toEqual(accountBody());
    expect(scope.isDone()).toBe(true);
    expect(sleeps).toEqual([]);
  });

  it('ignores fields the API adds later', async () => {
    api()
      .get('/v1/candidates/cand-123/account')
      .reply(200, { ...accountBody(), loyaltyPoints: 12, profile: { ...accountBody().profile, nickname: 'x' } });
    await expect(client().service.getAccount('cand-123')).resolves.toEqual(accountBody());
  });

  it('escapes ids in the path', async () => {
    const scope = api().get('/v1/candidates/a%2Fb%3F/account').reply(200, accountBody());
    await client().service.getAccount('a/b?');
    expect(scope.isDone()).toBe(true);
  });

  it('404 -> AccountNotFoundError, not retried', async () => {
    api().get('/v1/candidates/nobody/account').reply(404, { code: 'candidate-not-found' });
    const { service, sleeps } = client();
    const error = await caught(service.getAccount('nobody'));
    expect(error).toBeInstanceOf(AccountNotFoundError);
    expect((error as AccountNotFoundError).resource).toBe('candidate');
    expect(sleeps).toEqual([]);
  });

  it('500 then success: retried once after a jittered backoff', async () => {
    const scope = api()
      .get('/v1/candidates/cand-123/account')
      .reply(500, 'oops')
      .get('/v1/candidates/cand-123/account')
      .reply(200, accountBody());
    const { service, sleeps, events } = client();
    await expect(service.getAccount('cand-123')).resolves.toEqual(accountBody());
    expect(scope.isDone()).toBe(true);
    // First retry: ceiling 200 ms, drawn from [100, 200]; random 0.5 -> 150.
    expect(sleeps).toEqual([150]);
    expect(events).toEqual([{ type: 'attempt-failed', operation: 'getAccount', attempt: 1, reason: 'server-error', status: 500 }]);
  });

  it('backoff doubles and stays within [d/2, d]', async () => {
    api().get('/v1/candidates/c/account').times(4).reply(503);
    const low = client({ maxAttempts: 4, random: () => 0 });
    await caught(low.service.getAccount('c'));
    expect(low.sleeps).toEqual([100, 200, 400]);
    api().get('/v1/candidates/c/account').times(4).reply(503);
    const high = client({ maxAttempts: 4, random: () => 0.999999 });
    await caught(high.service.getAccount('c'));
    expect(high.sleeps).toEqual([200, 400, 800]);
  });

  it('5xx on every attempt -> AccountUnavailableError(server-error) after maxAttempts', async () => {
    api().get('/v1/candidates/c/account').times(3).reply(503);
    const { service, sleeps, events } = client();
    const error = await caught(service.getAccount('c'));
    expect(error).toBeInstanceOf(AccountUnavailableError);
    expect(error).toMatchObject({ reason: 'server-error', detail: { attempts: 3, status: 503 } });
    expect(sleeps).toHaveLength(2);
    expect(events.at(-1)).toEqual({ type: 'gave-up', operation: 'getAccount', attempts: 3, reason: 'server-error', status: 503 });
  });

  it('network error then success', async () => {
    api()
      .get('/v1/candidates/c/account')
      .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
      .get('/v1/candidates/c/account')
      .reply(200, accountBody());
    const { service, events } = client();
    await expect(service.getAccount('c')).resolves.toMatchObject({ profile: { candidateId: 'cand-123' } });
    expect(events[0]).toMatchObject({ reason: 'network' });
  });

  it('timeout: each attempt is aborted after timeoutMs, then AccountUnavailableError(timeout)', async () => {
    api().get('/v1/candidates/c/account').times(2).delay(2000).reply(200, accountBody());
    const { service } = client({ timeoutMs: 50, maxAttempts: 2 });
    const started = performance.now();
    const error = await caught(service.getAccount('c'));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(error).toBeInstanceOf(AccountUnavailableError);
    expect(error).toMatchObject({ reason: 'timeout', detail: { attempts: 2 } });
  });

  it('stops retrying when the next wait would pass the overall deadline', async () => {
    api().get('/v1/candidates/c/account').reply(503);
    const { service, sleeps } = client({ deadlineMs: 1000, retryBaseDelayMs: 2000 });
    const error = await caught(service.getAccount('c'));
    expect(error).toMatchObject({ reason: 'server-error', detail: { attempts: 1 } });
    expect(sleeps).toEqual([]);
  });

  it('malformed body -> AccountDataError naming the paths, never the values', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- breaking the shape on purpose
    const body = accountBody() as any;
    body.profile.lastName = 424242;
    body.profile.firstName = undefined;
    body.appointments[0].start = '2025-06-17T09:00:00'; // no offset
    body.results[0].outcome = 'Smith-Secret-Outcome';
    body.purchasedTests[1].purchasedOn = '1985-03-14-SSN-123-45-6789';
    api().get('/v1/candidates/c/account').reply(200, body);
    const { service, sleeps } = client();
    const error = await caught(service.getAccount('c'));
    expect(error).toBeInstanceOf(AccountDataError);
    const problems = (error as AccountDataError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'profile.firstName', problem: 'required' },
        { path: 'profile.lastName', problem: 'expected string' },
        { path: 'appointments[0].start', problem: 'expected an ISO 8601 instant with an offset (Z or +hh:mm)' },
        { path: 'results[0].outcome', problem: 'expected one of "pass", "fail", "no-show"' },
        { path: 'purchasedTests[1].purchasedOn', problem: "expected a date 'YYYY-MM-DD'" },
      ]),
    );
    const everything = `${error.message} ${JSON.stringify(problems)}`;
    for (const leaked of ['424242', 'Smith-Secret', '123-45-6789', '1985-03-14']) expect(everything).not.toContain(leaked);
    expect(sleeps).toEqual([]); // a bad body is not retried
  });

  it('a body that is not JSON -> AccountDataError at (body)', async () => {
    api().get('/v1/candidates/c/account').reply(200, '<html>maintenance</html>');
    const error = await caught(client().service.getAccount('c'));
    expect(error).toBeInstanceOf(AccountDataError);
    expect((error as AccountDataError).problems).toEqual([{ path: '(body)', problem: 'expected a JSON body' }]);
  });

  it.each([
    [400, { code: 'bad-candidate-id' }, 'bad-candidate-id'],
    [401, {}, undefined],
    [403, 'forbidden', undefined],
  ])('%i -> AccountRequestError, never retried', async (status, body, code) => {
    api().get('/v1/candidates/c/account').reply(status, body);
    const { service, sleeps } = client();
    const error = await caught(service.getAccount('c'));
    expect(error).toBeInstanceOf(AccountRequestError);
    expect(error).toMatchObject({ status, code });
    expect(sleeps).toEqual([]);
  });

  it('429 -> AccountUnavailableError(rate-limited), not retried', async () => {
    api().get('/v1/candidates/c/account').reply(429);
    const { service, sleeps } = client();
    await expect(service.getAccount('c')).rejects.toMatchObject({ reason: 'rate-limited' });
    expect(sleeps).toEqual([]);
  });

  it('does not follow a redirect (the key would go with it)', async () => {
    api().get('/v1/candidates/c/account').reply(302, '', { Location: 'http://elsewhere.test/steal' });
    const elsewhere = nock('http://elsewhere.test').get('/steal').reply(200, accountBody());
    const error = await caught(client().service.getAccount('c'));
    expect(error).toMatchObject({ name: 'AccountRequestError', status: 302, code: 'unexpected-redirect' });
    expect(elsewhere.isDone()).toBe(false);
  });

  it('the API key appears in no error and no event', async () => {
    api().get('/v1/candidates/c/account').times(3).reply(500);
    const { service, events } = client();
    const error = await caught(service.getAccount('c'));
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)} ${JSON.stringify(events)}`).not.toContain(API_KEY);
    expect(JSON.stringify(service)).not.toContain(API_KEY);
  });
});

describe('circuit breaker', () => {
  it('after N failures fails fast without HTTP until the cool-down, then makes one trial call', async () => {
    const { service, advance, events } = client({ maxAttempts: 1, breakerFailureThreshold: 3, breakerCoolDownMs: 30_000 });
    api().get('/v1/candidates/c/account').times(3).reply(500);
    for (let i = 0; i < 3; i++) await expect(service.getAccount('c')).rejects.toMatchObject({ reason: 'server-error' });
    expect(service.breaker.state).toBe('open');

    // Open: no request is made at all (none is mocked; one would fail as a network error).
    let requests = 0;
    const count = () => (requests += 1);
    nock.emitter.on('no match', count);
    try {
      const started = performance.now();
      for (let i = 0; i < 5; i++) {
        await expect(service.getAccount('c')).rejects.toMatchObject({ reason: 'circuit-open', detail: { attempts: 0 } });
      }
      expect(performance.now() - started).toBeLessThan(100);
      advance(29_999);
      await expect(service.getAccount('c')).rejects.toMatchObject({ reason: 'circuit-open' });
      expect(requests).toBe(0);
    } finally {
      nock.emitter.removeListener('no match', count);
    }

    // Cool-down over: exactly one trial; it succeeds and the circuit closes.
    advance(1);
    const trial = api().get('/v1/candidates/c/account').reply(200, accountBody());
    await expect(service.getAccount('c')).resolves.toMatchObject({ profile: { candidateId: 'cand-123' } });
    expect(trial.isDone()).toBe(true);
    expect(service.breaker.state).toBe('closed');
    expect(events.filter((e) => e.type === 'circuit')).toEqual([
      { type: 'circuit', from: 'closed', to: 'open' },
      { type: 'circuit', from: 'open', to: 'half-open' },
      { type: 'circuit', from: 'half-open', to: 'closed' },
    ]);
  });

  it('a failed trial opens the circuit again; retries inside one call stop once it opens', async () => {
    const { service, advance } = client({ maxAttempts: 3, breakerFailureThreshold: 2, breakerCoolDownMs: 1000 });
    const scope = api().get('/v1/candidates/c/account').times(2).reply(503);
    // Attempt 1 and 2 fail, the circuit opens, attempt 3 is refused without HTTP.
    await expect(service.getAccount('c')).rejects.toMatchObject({ reason: 'circuit-open', detail: { attempts: 2, status: 503 } });
    expect(scope.isDone()).toBe(true);
    advance(1000);
    api().get('/v1/candidates/c/account').reply(503);
    await expect(service.getAccount('c')).rejects.toMatchObject({ reason: 'circuit-open', detail: { attempts: 1 } });
    expect(service.breaker.state).toBe('open');
  });

  it('4xx answers do not open the circuit', async () => {
    const { service } = client({ maxAttempts: 1, breakerFailureThreshold: 2 });
    api().get('/v1/candidates/c/account').times(5).reply(404);
    for (let i = 0; i < 5; i++) await expect(service.getAccount('c')).rejects.toBeInstanceOf(AccountNotFoundError);
    expect(service.breaker.state).toBe('closed');
  });
});

describe('cancelAppointment', () => {
  const path = '/v1/candidates/cand-123/appointments/appt-1/cancel';
  const cancelled = { appointmentId: 'appt-1', status: 'cancelled', cancelledAt: '2025-06-01T15:04:05Z' };

  it('sends the Idempotency-Key and returns the cancellation', async () => {
    const scope = api()
      .matchHeader('idempotency-key', 'key-0001-abcdef')
      .post(path)
      .reply(200, cancelled);
    await expect(client().service.cancelAppointment('cand-123', 'appt-1', 'key-0001-abcdef')).resolves.toEqual(cancelled);
    expect(scope.isDone()).toBe(true);
  });

  it('a retry after a 503 reuses the same key, so the API can replay instead of cancelling twice', async () => {
    const keys: Array<string | string[] | undefined> = [];
    api()
      .post(path)
      .reply(function () {
        keys.push(this.req.headers['idempotency-key']);
        return [503, ''];
      })
      .post(path)
      .reply(function () {
        keys.push(this.req.headers['idempotency-key']);
        return [200, cancelled];
      });
    await expect(client().service.cancelAppointment('cand-123', 'appt-1', 'key-0002-abcdef')).resolves.toEqual(cancelled);
    expect(keys).toEqual(['key-0002-abcdef', 'key-0002-abcdef']);
  });

  it('a timeout, then the replayed answer, under the same key', async () => {
    const keys: unknown[] = [];
    const record = function (this: { req: { headers: Record<string, unknown> } }) {
      keys.push(this.req.headers['idempotency-key']);
      return [200, cancelled] as [number, object];
    };
    api().post(path).delay(500).reply(record).post(path).reply(record);
    await expect(client({ timeoutMs: 50 }).service.cancelAppointment('cand-123', 'appt-1', 'key-0003-abcdef')).resolves.toEqual(
      cancelled,
    );
    expect(new Set(keys)).toEqual(new Set(['key-0003-abcdef']));
  });

  it.each([
    [409, 'change-window-closed'],
    [409, 'already-cancelled'],
    [422, 'idempotency-key-reused'],
  ])('%i %s -> AccountRequestError with the code', async (status, code) => {
    api().post(path).reply(status, { code, message: 'refused' });
    const error = await caught(client().service.cancelAppointment('cand-123', 'appt-1', 'key-0004-abcdef'));
    expect(error).toBeInstanceOf(AccountRequestError);
    expect(error).toMatchObject({ status, code });
  });

  it('404 for the appointment -> AccountNotFoundError(appointment)', async () => {
    api().post(path).reply(404, { code: 'appointment-not-found' });
    await expect(client().service.cancelAppointment('cand-123', 'appt-1', 'key-0005-abcdef')).rejects.toMatchObject({
      name: 'AccountNotFoundError',
      resource: 'appointment',
    });
  });

  it.each(['', 'short', 'has spaces in it', 'x'.repeat(129)])('refuses idempotency key %j without calling', async (key) => {
    await expect(client().service.cancelAppointment('cand-123', 'appt-1', key)).rejects.toMatchObject({
      name: 'AccountRequestError',
      status: 400,
      code: 'invalid-request',
    });
  });
});

describe('verify', () => {
  it.each([
    [{ verified: true, candidateId: 'cand-123' }],
    [{ verified: false }],
  ])('returns %j', async (answer) => {
    const scope = api()
      .post('/v1/candidates/verify', { aseId: 'TEST-0001', dateOfBirth: '1980-01-01', ssnLast4: '0001' })
      .reply(200, answer);
    await expect(client().service.verify(' TEST-0001 ', '1980-01-01', '0001')).resolves.toEqual(answer);
    expect(scope.isDone()).toBe(true);
  });

  it('verified without a candidate id is a contract violation', async () => {
    api().post('/v1/candidates/verify').reply(200, { verified: true });
    const error = await caught(client().service.verify('TEST-0001', '1980-01-01', '0001'));
    expect(error).toBeInstanceOf(AccountDataError);
    expect((error as AccountDataError).problems).toEqual([{ path: 'candidateId', problem: 'required' }]);
  });

  it.each([
    ['', '1980-01-01', '0001'],
    ['TEST-0001', '01/01/1980', '0001'],
    ['TEST-0001', '1980-02-30', '0001'],
    ['TEST-0001', '1980-01-01', '12a4'],
    ['TEST-0001', '1980-01-01', '123456789'],
  ])('refuses malformed input (%j, %j, %j) without calling', async (aseId, dob, ssn) => {
    await expect(client().service.verify(aseId, dob, ssn)).rejects.toMatchObject({ code: 'invalid-request' });
  });
});

describe('construction', () => {
  it.each([
    [{ baseUrl: 'not a url', apiKey: 'k' }, /baseUrl is not a valid URL/],
    [{ baseUrl: 'ftp://x.test', apiKey: 'k' }, /http\(s\)/],
    [{ baseUrl: 'https://x.test', apiKey: '' }, /apiKey is required/],
  ])('refuses %j', (options, message) => {
    expect(() => new HttpAccountService(options)).toThrow(message);
  });
});
