// The only errors an AccountService throws. Each carries what the bot needs to choose its words
// (a `kind`, and a `reason` / `resource` / `code`) and nothing personal: messages name operations,
// field paths and HTTP statuses, never a value from a request or a response.

export type AccountOperation = 'verify' | 'getAccount' | 'cancelAppointment';

export abstract class AccountError extends Error {
  abstract readonly kind: 'not-found' | 'unavailable' | 'data' | 'request';
  constructor(
    readonly operation: AccountOperation,
    message: string,
  ) {
    super(`account: ${operation}: ${message}`);
  }
}

/** The candidate (or the appointment) does not exist: HTTP 404. */
export class AccountNotFoundError extends AccountError {
  readonly kind = 'not-found' as const;
  constructor(
    operation: AccountOperation,
    readonly resource: 'candidate' | 'appointment',
  ) {
    super(operation, `${resource} not found`);
    this.name = 'AccountNotFoundError';
  }
}

export type UnavailableReason =
  /** No answer within the attempt timeout (after retries). */
  | 'timeout'
  /** Connection refused/reset, DNS failure (after retries). */
  | 'network'
  /** 5xx on every attempt. */
  | 'server-error'
  /** Too many recent failures: not called at all until the cool-down ends. */
  | 'circuit-open'
  /** HTTP 429: the API asked us to slow down (not retried). */
  | 'rate-limited';

/** The account system cannot be reached right now. The bot says so once, politely, and moves on. */
export class AccountUnavailableError extends AccountError {
  readonly kind = 'unavailable' as const;
  constructor(
    operation: AccountOperation,
    readonly reason: UnavailableReason,
    readonly detail: { attempts: number; status?: number } = { attempts: 0 },
  ) {
    const status = detail.status === undefined ? '' : `, last status ${detail.status}`;
    super(operation, `unavailable (${reason}, ${detail.attempts} attempt(s)${status})`);
    this.name = 'AccountUnavailableError';
  }
}

export interface DataProblem {
  /** Where in the body, e.g. `appointments[0].start` or `(body)`. */
  path: string;
  /** What was wrong, in schema terms ("expected string"), never the value itself. */
  problem: string;
}

/** The API answered 2xx with a body that does not match the contract (docs/account-api.yaml). */
export class AccountDataError extends AccountError {
  readonly kind = 'data' as const;
  constructor(
    operation: AccountOperation,
    readonly problems: DataProblem[],
  ) {
    const shown = problems.slice(0, 5).map((p) => `${p.path}: ${p.problem}`);
    if (problems.length > 5) shown.push(`... ${problems.length - 5} more`);
    super(operation, `unexpected response: ${shown.join('; ')}`);
    this.name = 'AccountDataError';
  }
}

/**
 * Any other 4xx: the API refused the request. `code` is the API's machine-readable error code when
 * the body had one (e.g. 'change-window-closed', 'already-cancelled', 'idempotency-key-reused'),
 * or 'invalid-request' when the client refused to send malformed input.
 */
export class AccountRequestError extends AccountError {
  readonly kind = 'request' as const;
  constructor(
    operation: AccountOperation,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(operation, `refused with HTTP ${status}${code ? ` (${code})` : ''}`);
    this.name = 'AccountRequestError';
  }
}

export function isAccountError(error: unknown): error is AccountError {
  return error instanceof AccountError;
}
