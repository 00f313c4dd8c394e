// The HTTP client for the candidate-account API (docs/account-api.yaml). Every response body is
// checked with zod; 5xx, network errors and timeouts are retried with exponential backoff and
// jitter inside one overall deadline (4xx never are); every attempt passes through a circuit
// breaker, so while the API is down a call costs nothing but an immediate AccountUnavailableError.
// The API key travels in the X-Api-Key header and appears in no message, event or log line.

import { CircuitBreaker, CircuitOpenError, type CircuitState } from './circuitBreaker.js';
import {
  AccountDataError,
  AccountNotFoundError,
  AccountRequestError,
  AccountUnavailableError,
  type AccountOperation,
  type UnavailableReason,
} from './errors.js';
import {
  apiErrorSchema,
  cancellationSchema,
  candidateAccountSchema,
  idempotencyKeySchema,
  parseWith,
  verifyRequestSchema,
  verifyResponseSchema,
} from './schemas.js';
import type { AccountService, CancellationResult, CandidateAccount, VerifyResult } from './types.js';
import type { z } from 'zod';

export interface HttpAccountServiceOptions {
  /** e.g. 'https://accounts.example.org/v1' (a path prefix is kept). */
  baseUrl: string;
  apiKey: string;
  /** Per attempt, including reading the body. Default 3000. */
  timeoutMs?: number;
  /** Attempts per operation, first included. Default 3. */
  maxAttempts?: number;
  /** Backoff before retry n is drawn from [d/2, d] with d = min(retryMaxDelayMs, retryBaseDelayMs * 2^(n-1)). Default 200. */
  retryBaseDelayMs?: number;
  /** Default 2000. */
  retryMaxDelayMs?: number;
  /** Budget for the whole operation, retries and waits included; no attempt starts past it. Default 8000. */
  deadlineMs?: number;
  /** Consecutive failed attempts that open the circuit. Default 5. */
  breakerFailureThreshold?: number;
  /** How long the circuit stays open before one trial call. Default 30000. */
  breakerCoolDownMs?: number;
  /** A breaker to share (else one is built from the two settings above). */
  breaker?: CircuitBreaker;
  /** Clock for the deadline and the breaker. Default Date.now. */
  now?: () => number;
  /** Waits between attempts; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** [0, 1); jitter source. Default Math.random. */
  random?: () => number;
  fetch?: typeof fetch;
  /** Operational events (no personal data, no key): wire to the logger. */
  onEvent?: (event: AccountClientEvent) => void;
}

export type AccountClientEvent =
  | { type: 'attempt-failed'; operation: AccountOperation; attempt: number; reason: UnavailableReason; status?: number }
  | { type: 'gave-up'; operation: AccountOperation; attempts: number; reason: UnavailableReason; status?: number }
  | { type: 'circuit'; from: CircuitState; to: CircuitState };

type Settings = Required<
  Pick<
    HttpAccountServiceOptions,
    | 'timeoutMs'
    | 'maxAttempts'
    | 'retryBaseDelayMs'
    | 'retryMaxDelayMs'
    | 'deadlineMs'
    | 'breakerFailureThreshold'
    | 'breakerCoolDownMs'
  >
>;

export const httpAccountDefaults: Readonly<Settings> = {
  timeoutMs: 3000,
  maxAttempts: 3,
  retryBaseDelayMs: 200,
  retryMaxDelayMs: 2000,
  deadlineMs: 8000,
  breakerFailureThreshold: 5,
  breakerCoolDownMs: 30_000,
};

/** An attempt that failed in a way worth retrying (and that counts against the breaker). */
class TransientFailure extends Error {
  constructor(
    readonly reason: 'timeout' | 'network' | 'server-error',
    readonly status?: number,
  ) {
    super(`transient ${reason}${status ? ` ${status}` : ''}`);
  }
}

const NOT_JSON = Symbol('not-json');
interface RawResponse {
  status: number;
  body: unknown;
}

interface Call<S extends z.ZodType> {
  operation: AccountOperation;
  method: 'GET' | 'POST';
  path: string[];
  body?: unknown;
  headers?: Record<string, string>;
  schema: S;
  /** Which resource a 404 means, unless the error body says otherwise. */
  notFound: 'candidate' | 'appointment';
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HttpAccountService implements AccountService {
  readonly source = 'api' as const;
  readonly breaker: CircuitBreaker;
  private readonly base: URL;
  private readonly settings: Settings;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly fetchImpl: typeof fetch;
  private readonly emit: (event: AccountClientEvent) => void;
  // Kept off `this` as an enumerable field so a stray console.log(service) cannot print it.
  readonly #apiKey: string;

  constructor(options: HttpAccountServiceOptions) {
    let base: URL;
    try {
      base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    } catch {
      throw new TypeError('account: baseUrl is not a valid URL');
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError('account: baseUrl must be http(s)');
    if (!options.apiKey) throw new TypeError('account: apiKey is required');
    this.base = base;
    this.#apiKey = options.apiKey;
    this.settings = {
      timeoutMs: options.timeoutMs ?? httpAccountDefaults.timeoutMs,
      maxAttempts: Math.max(1, options.maxAttempts ?? httpAccountDefaults.maxAttempts),
      retryBaseDelayMs: options.retryBaseDelayMs ?? httpAccountDefaults.retryBaseDelayMs,
      retryMaxDelayMs: options.retryMaxDelayMs ?? httpAccountDefaults.retryMaxDelayMs,
      deadlineMs: options.deadlineMs ?? httpAccountDefaults.deadlineMs,
      breakerFailureThreshold: options.breakerFailureThreshold ?? httpAccountDefaults.breakerFailureThreshold,
      breakerCoolDownMs: options.breakerCoolDownMs ?? httpAccountDefaults.breakerCoolDownMs,
    };
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.emit = options.onEvent ?? (() => undefined);
    this.breaker =
      options.breaker ??
      new CircuitBreaker({
        failureThreshold: this.settings.breakerFailureThreshold,
        coolDownMs: this.settings.breakerCoolDownMs,
        now: this.now,
        onStateChange: (from, to) => this.emit({ type: 'circuit', from, to }),
      });
  }

  async verify(aseId: string, dateOfBirth: string, ssnLast4: string): Promise<VerifyResult> {
    const request = parseWith(verifyRequestSchema, { aseId, dateOfBirth, ssnLast4 });
    if (!request.ok) throw new AccountRequestError('verify', 400, 'invalid-request');
    return this.call({
      operation: 'verify',
      method: 'POST',
      path: ['candidates', 'verify'],
      body: request.value,
      schema: verifyResponseSchema,
      notFound: 'candidate',
    });
  }

  async getAccount(candidateId: string): Promise<CandidateAccount> {
    if (!candidateId) throw new AccountRequestError('getAccount', 400, 'invalid-request');
    return this.call({
      operation: 'getAccount',
      method: 'GET',
      path: ['candidates', candidateId, 'account'],
      schema: candidateAccountSchema,
      notFound: 'candidate',
    });
  }

  async cancelAppointment(candidateId: string, appointmentId: string, idempotencyKey: string): Promise<CancellationResult> {
    if (!candidateId || !appointmentId || !idempotencyKeySchema.safeParse(idempotencyKey).success) {
      throw new AccountRequestError('cancelAppointment', 400, 'invalid-request');
    }
    // Every attempt of this operation carries the same key, so a retry after a lost response
    // returns the first cancellation instead of making a second one.
    return this.call({
      operation: 'cancelAppointment',
      method: 'POST',
      path: ['candidates', candidateId, 'appointments', appointmentId, 'cancel'],
      headers: { 'Idempotency-Key': idempotencyKey },
      schema: cancellationSchema,
      notFound: 'appointment',
    });
  }

  // ---- the one request loop -------------------------------------------------------------------

  private async call<S extends z.ZodType>(call: Call<S>): Promise<z.output<S>> {
    const { operation } = call;
    const url = new URL(call.path.map(encodeURIComponent).join('/'), this.base);
    const started = this.now();
    let last: TransientFailure | undefined;
    let attempts = 0;

    while (attempts < this.settings.maxAttempts) {
      const remaining = this.settings.deadlineMs - (this.now() - started);
      if (remaining <= 0) break;
      let raw: RawResponse;
      try {
        raw = await this.breaker.run(
          () => this.attempt(call, url, Math.min(this.settings.timeoutMs, remaining)),
          (error) => error instanceof TransientFailure,
        );
      } catch (error) {
        if (error instanceof CircuitOpenError) {
          this.emit({ type: 'gave-up', operation, attempts, reason: 'circuit-open', status: last?.status });
          throw new AccountUnavailableError(operation, 'circuit-open', { attempts, status: last?.status });
        }
        if (!(error instanceof TransientFailure)) throw error;
        attempts += 1;
        last = error;
        this.emit({ type: 'attempt-failed', operation, attempt: attempts, reason: error.reason, status: error.status });
        if (attempts >= this.settings.maxAttempts) break;
        const delay = this.backoff(attempts);
        // No point waiting for an attempt that would have no time left to run.
        if (this.now() - started + delay >= this.settings.deadlineMs) break;
        await this.sleep(delay);
        continue;
      }
      attempts += 1;
      return this.interpret(call, raw, attempts);
    }

    const reason = last?.reason ?? 'timeout';
    this.emit({ type: 'gave-up', operation, attempts, reason, status: last?.status });
    throw new AccountUnavailableError(operation, reason, { attempts, status: last?.status });
  }

  /** One HTTP exchange, body included, under its own timeout. Throws TransientFailure or returns. */
  private async attempt(call: Call<z.ZodType>, url: URL, timeoutMs: number): Promise<RawResponse> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-Api-Key': this.#apiKey,
      ...call.headers,
    };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const response = await this.fetchImpl(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
        // A redirect could carry the key to another host: never follow one.
        redirect: 'manual',
      });
      const text = await response.text();
      if (response.status >= 500) throw new TransientFailure('server-error', response.status);
      let body: unknown = NOT_JSON;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          body = NOT_JSON;
        }
      }
      return { status: response.status, body };
    } catch (error) {
      if (error instanceof TransientFailure) throw error;
      throw new TransientFailure(timedOut ? 'timeout' : 'network');
    } finally {
      clearTimeout(timer);
    }
  }

  private interpret<S extends z.ZodType>(call: Call<S>, raw: RawResponse, attempts: number): z.output<S> {
    const { operation } = call;
    const { status, body } = raw;
    if (status >= 200 && status < 300) {
      if (body === NOT_JSON) throw new AccountDataError(operation, [{ path: '(body)', problem: 'expected a JSON body' }]);
      const parsed = parseWith(call.schema, body);
      if (!parsed.ok) throw new AccountDataError(operation, parsed.problems);
      return parsed.value;
    }
    const errorBody = body === NOT_JSON ? undefined : apiErrorSchema.safeParse(body);
    const code = errorBody?.success ? errorBody.data.code : undefined;
    if (status === 404) {
      const resource =
        code === 'appointment-not-found' ? 'appointment' : code === 'candidate-not-found' ? 'candidate' : call.notFound;
      throw new AccountNotFoundError(operation, resource);
    }
    if (status === 429) throw new AccountUnavailableError(operation, 'rate-limited', { attempts, status });
    if (status >= 300 && status < 400) throw new AccountRequestError(operation, status, 'unexpected-redirect');
    throw new AccountRequestError(operation, status, code);
  }

  private backoff(failedAttempts: number): number {
    const { retryBaseDelayMs, retryMaxDelayMs } = this.settings;
    const ceiling = Math.min(retryMaxDelayMs, retryBaseDelayMs * 2 ** (failedAttempts - 1));
    return Math.round(ceiling / 2 + this.random() * (ceiling / 2));
  }
}
