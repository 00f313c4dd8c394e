import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError, type CircuitState } from '../../src/account/circuitBreaker.js';

function setup(failureThreshold = 3, coolDownMs = 1000) {
  let t = 0;
  const changes: Array<[CircuitState, CircuitState]> = [];
  const breaker = new CircuitBreaker({
    failureThreshold,
    coolDownMs,
    now: () => t,
    onStateChange: (from, to) => changes.push([from, to]),
  });
  let calls = 0;
  const ok = () => breaker.run(async () => ++calls);
  const fail = () =>
    breaker.run(async () => {
      calls += 1;
      throw new Error('boom');
    });
  return {
    breaker,
    changes,
    ok,
    fail,
    advance: (ms: number) => (t += ms),
    calls: () => calls,
  };
}

describe('CircuitBreaker: transitions', () => {
  it('opens after the threshold of consecutive failures and then refuses without calling', async () => {
    const b = setup(3, 1000);
    for (let i = 0; i < 3; i++) await expect(b.fail()).rejects.toThrow('boom');
    expect(b.breaker.state).toBe('open');
    await expect(b.ok()).rejects.toBeInstanceOf(CircuitOpenError);
    expect(b.calls()).toBe(3);
  });

  it('a success in between resets the count', async () => {
    const b = setup(3);
    await expect(b.fail()).rejects.toThrow();
    await expect(b.fail()).rejects.toThrow();
    await b.ok();
    await expect(b.fail()).rejects.toThrow();
    await expect(b.fail()).rejects.toThrow();
    expect(b.breaker.state).toBe('closed');
    expect(b.breaker.consecutiveFailures).toBe(2);
  });

  it.each([
    ['trial succeeds -> closed', true, 'closed'],
    ['trial fails -> open again', false, 'open'],
  ] as const)('after the cool-down lets one trial through: %s', async (_name, trialOk, after) => {
    const b = setup(2, 1000);
    await expect(b.fail()).rejects.toThrow();
    await expect(b.fail()).rejects.toThrow();
    b.advance(999);
    expect(b.breaker.state).toBe('open');
    await expect(b.ok()).rejects.toBeInstanceOf(CircuitOpenError);
    b.advance(1);
    expect(b.breaker.state).toBe('half-open');
    if (trialOk) await b.ok();
    else await expect(b.fail()).rejects.toThrow('boom');
    expect(b.breaker.state).toBe(after);
    expect(b.calls()).toBe(3);
  });

  it('a failed trial starts a fresh cool-down', async () => {
    const b = setup(1, 1000);
    await expect(b.fail()).rejects.toThrow();
    b.advance(1000);
    await expect(b.fail()).rejects.toThrow('boom');
    b.advance(999);
    await expect(b.ok()).rejects.toBeInstanceOf(CircuitOpenError);
    b.advance(1);
    await b.ok();
    expect(b.breaker.state).toBe('closed');
    expect(b.changes).toEqual([
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
    ]);
  });

  it('lets exactly one trial through while half-open, however many callers arrive', async () => {
    const b = setup(1, 10);
    await expect(b.fail()).rejects.toThrow();
    b.advance(10);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let trials = 0;
    const trial = b.breaker.run(async () => {
      trials += 1;
      await gate;
      return 'trial';
    });
    const others = await Promise.allSettled(Array.from({ length: 5 }, () => b.ok()));
    expect(others.every((o) => o.status === 'rejected' && o.reason instanceof CircuitOpenError)).toBe(true);
    release();
    await expect(trial).resolves.toBe('trial');
    expect(trials).toBe(1);
    expect(b.breaker.state).toBe('closed');
  });

  it('errors that do not count as failures count as successes', async () => {
    const b = setup(1);
    const notMine = b.breaker.run(
      async () => {
        throw new Error('404');
      },
      () => false,
    );
    await expect(notMine).rejects.toThrow('404');
    expect(b.breaker.state).toBe('closed');
  });

  it('a late result from before the circuit opened does not close it', async () => {
    const b = setup(1, 1000);
    const early = b.breaker.tryAcquire()!;
    await expect(b.fail()).rejects.toThrow();
    expect(b.breaker.state).toBe('open');
    early.success();
    expect(b.breaker.state).toBe('open');
  });

  it.each([
    [{ failureThreshold: 0, coolDownMs: 1 }],
    [{ failureThreshold: 1.5, coolDownMs: 1 }],
    [{ failureThreshold: 1, coolDownMs: -1 }],
  ])('refuses bad options %j', (options) => {
    expect(() => new CircuitBreaker({ ...options, now: () => 0 })).toThrow(RangeError);
  });
});

type Step = { kind: 'ok' } | { kind: 'fail' } | { kind: 'wait'; ms: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'ok' }),
  fc.constant<Step>({ kind: 'fail' }),
  fc.integer({ min: 0, max: 3000 }).map<Step>((ms) => ({ kind: 'wait', ms })),
);

describe('CircuitBreaker: properties', () => {
  it('never calls through while open, never lets more than threshold consecutive failures through while closed, and closes on any success', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.array(step, { maxLength: 60 }),
        async (threshold, coolDown, steps) => {
          const b = setup(threshold, coolDown);
          let runOfFailures = 0;
          for (const s of steps) {
            if (s.kind === 'wait') {
              b.advance(s.ms);
              continue;
            }
            const before = b.breaker.state;
            const callsBefore = b.calls();
            const outcome = await (s.kind === 'ok' ? b.ok() : b.fail()).then(
              () => 'ok',
              (e: unknown) => (e instanceof CircuitOpenError ? 'refused' : 'failed'),
            );
            const called = b.calls() > callsBefore;
            // Open: refused, fn untouched. Closed or half-open: called.
            expect(called).toBe(before !== 'open');
            expect(outcome === 'refused').toBe(before === 'open');
            if (outcome === 'ok') {
              expect(b.breaker.state).toBe('closed');
              runOfFailures = 0;
            }
            if (outcome === 'failed') {
              runOfFailures = before === 'half-open' ? threshold : runOfFailures + 1;
              expect(runOfFailures).toBeLessThanOrEqual(threshold);
              expect(b.breaker.state).toBe(runOfFailures >= threshold ? (coolDown === 0 ? 'half-open' : 'open') : 'closed');
              if (runOfFailures >= threshold) runOfFailures = 0;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
