// A small, generic circuit breaker. Closed: calls pass; consecutive failures are counted, and the
// `failureThreshold`-th opens the circuit. Open: calls are refused at once (no work is attempted)
// until `coolDownMs` has passed. Half-open: exactly one trial call is let through; its success
// closes the circuit, its failure opens it again for a fresh cool-down. The clock is injected.

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit (>= 1). */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is allowed (ms, >= 0). */
  coolDownMs: number;
  /** Milliseconds since any fixed origin; `Date.now` in production, a fake in tests. */
  now: () => number;
  onStateChange?: (from: CircuitState, to: CircuitState) => void;
}

export class CircuitOpenError extends Error {
  constructor(readonly retryInMs: number) {
    super(`circuit-breaker: open, next trial in ${Math.max(0, Math.ceil(retryInMs))} ms`);
    this.name = 'CircuitOpenError';
  }
}

/** Permission to make one call. Report its outcome exactly once (extra reports are ignored). */
export interface CircuitPermit {
  success(): void;
  failure(): void;
}

export class CircuitBreaker {
  private mode: 'closed' | 'open' = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  /** Bumped on every transition: a permit granted in an earlier state cannot move this one. */
  private generation = 0;
  private readonly options: CircuitBreakerOptions;

  constructor(options: CircuitBreakerOptions) {
    if (!Number.isInteger(options.failureThreshold) || options.failureThreshold < 1) {
      throw new RangeError(`circuit-breaker: failureThreshold must be a whole number >= 1 (got ${options.failureThreshold})`);
    }
    if (!Number.isFinite(options.coolDownMs) || options.coolDownMs < 0) {
      throw new RangeError(`circuit-breaker: coolDownMs must be >= 0 (got ${options.coolDownMs})`);
    }
    this.options = options;
  }

  /** The state a call made now would meet. */
  get state(): CircuitState {
    if (this.mode === 'closed') return 'closed';
    return this.coolDownLeft() > 0 ? 'open' : 'half-open';
  }

  /** Consecutive failures counted while closed. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /** A permit for one call, or undefined when the call must not be made (open, or a trial already running). */
  tryAcquire(): CircuitPermit | undefined {
    const generation = this.generation;
    if (this.mode === 'closed') {
      return this.permit(
        () => {
          if (this.generation === generation) this.failures = 0;
        },
        () => {
          if (this.generation !== generation) return;
          this.failures += 1;
          if (this.failures >= this.options.failureThreshold) this.open();
        },
      );
    }
    if (this.coolDownLeft() > 0 || this.trialInFlight) return undefined;
    this.trialInFlight = true;
    this.notify('open', 'half-open');
    return this.permit(
      () => {
        if (this.generation === generation) this.close();
      },
      () => {
        if (this.generation === generation) this.open();
      },
    );
  }

  /**
   * Runs `fn` under the breaker. Throws CircuitOpenError without calling `fn` when refused.
   * A thrown error counts as a failure when `countsAsFailure(error)` says so (default: always);
   * an error that does not count (a 4xx, say) is a healthy answer and counts as a success.
   */
  async run<T>(fn: () => Promise<T>, countsAsFailure: (error: unknown) => boolean = () => true): Promise<T> {
    const permit = this.tryAcquire();
    if (!permit) throw new CircuitOpenError(Math.max(0, this.coolDownLeft()));
    let value: T;
    try {
      value = await fn();
    } catch (error) {
      let failed = true;
      try {
        failed = countsAsFailure(error);
      } finally {
        if (failed) permit.failure();
        else permit.success();
      }
      throw error;
    }
    permit.success();
    return value;
  }

  private permit(onSuccess: () => void, onFailure: () => void): CircuitPermit {
    let reported = false;
    const once = (report: () => void) => () => {
      if (reported) return;
      reported = true;
      report();
    };
    return { success: once(onSuccess), failure: once(onFailure) };
  }

  private coolDownLeft(): number {
    return this.openedAt + this.options.coolDownMs - this.options.now();
  }

  private open(): void {
    const from: CircuitState = this.mode === 'closed' ? 'closed' : 'half-open';
    this.mode = 'open';
    this.openedAt = this.options.now();
    this.failures = 0;
    this.trialInFlight = false;
    this.generation += 1;
    this.notify(from, 'open');
  }

  private close(): void {
    this.mode = 'closed';
    this.failures = 0;
    this.trialInFlight = false;
    this.generation += 1;
    this.notify('half-open', 'closed');
  }

  private notify(from: CircuitState, to: CircuitState): void {
    this.options.onStateChange?.(from, to);
  }
}
