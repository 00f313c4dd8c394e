import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { AccountLinks } from '../../src/account/linking.js';

const minutes = (n: number) => n * 60_000;
const at = (iso: string) => new Date(iso);
const links = () => new AccountLinks(new MemoryStorage(), { idleMs: minutes(30), maxFailures: 5, lockoutMs: minutes(15) });

describe('account links', () => {
  it('a link made at 10:00 is still there at 10:29:59 and renewed by that look', async () => {
    const store = links();
    await store.link('web/c1', 'cand-1', 'verification', at('2025-03-20T10:00:00Z'));
    expect((await store.current('web/c1', at('2025-03-20T10:29:59Z')))?.candidateId).toBe('cand-1');
    // Renewed at 10:29:59, so still alive at 10:59:00.
    expect((await store.current('web/c1', at('2025-03-20T10:59:00Z')))?.candidateId).toBe('cand-1');
  });

  it('a link idle for 30 minutes and one second is gone, and stays gone', async () => {
    const store = links();
    await store.link('web/c1', 'cand-1', 'verification', at('2025-03-20T10:00:00Z'));
    expect(await store.current('web/c1', at('2025-03-20T10:30:01Z'))).toBeUndefined();
    expect(await store.current('web/c1', at('2025-03-20T10:30:02Z'))).toBeUndefined();
  });

  it('signing out ends the link at once', async () => {
    const store = links();
    await store.link('web/c1', 'cand-1', 'web-token', at('2025-03-20T10:00:00Z'));
    await store.signOut('web/c1');
    expect(await store.current('web/c1', at('2025-03-20T10:00:01Z'))).toBeUndefined();
  });

  it('one conversation never sees another conversation\'s link', async () => {
    const store = links();
    await store.link('web/c1', 'cand-1', 'verification', at('2025-03-20T10:00:00Z'));
    expect(await store.current('web/c2', at('2025-03-20T10:00:01Z'))).toBeUndefined();
  });

  it('five failures on one ASE ID from five conversations lock nobody out: each shows its own tries left, then the ID backs off seconds, never minutes', async () => {
    const store = links();
    const now = at('2025-03-20T10:00:00Z');
    // Each conversation failed once: "tries left" is its own count, never the ASE ID's.
    for (let i = 1; i <= 5; i++) expect(await store.recordFailure('AB123456', `sms/c${i}`, now)).toEqual({ triesLeft: 4 });
    // The owner, from another conversation: not locked, asked to wait 5 s (the backoff after 5 failures).
    expect(await store.lockedUntil('AB123456', 'sms/owner', now)).toBeUndefined();
    expect(await store.recordAttempt('ab123456', 'sms/owner', at('2025-03-20T10:00:01Z'))).toEqual({ refused: true, triesLeft: 5, waitMs: 4000 });
    expect((await store.recordAttempt('AB123456', 'sms/owner', at('2025-03-20T10:00:05Z'))).refused).toBe(false);
  });

  it('the ASE ID backoff doubles with each further failure and stops at the cap (60 s)', async () => {
    const store = links();
    let time = Date.parse('2025-03-20T10:00:00Z');
    for (let i = 0; i < 5; i++) await store.recordFailure('AB123456', `sms/g${i}`, new Date(time));
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      // Try at once (refused with the wait), then again when the wait is over (counted).
      const refused = await store.recordAttempt('AB123456', `sms/h${i}`, new Date(time));
      waits.push(refused.waitMs ?? 0);
      time += refused.waitMs ?? 0;
      expect((await store.recordAttempt('AB123456', `sms/h${i}`, new Date(time))).refused).toBe(false);
    }
    expect(waits).toEqual([5000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('five failures in one conversation lock that conversation, whatever ASE ID it tries next', async () => {
    const store = links();
    const now = at('2025-03-20T10:00:00Z');
    for (let i = 1; i <= 5; i++) await store.recordFailure(`ID0000${i}`, 'sms/attacker', now);
    expect(await store.lockedUntil('ID99999', 'sms/attacker', at('2025-03-20T10:05:00Z'))).toBeDefined();
    expect(await store.lockedUntil('ID99999', 'sms/someone-else', at('2025-03-20T10:05:00Z'))).toBeUndefined();
  });

  it('after a lock-out has run out, counting starts again from one', async () => {
    const store = links();
    const now = at('2025-03-20T10:00:00Z');
    for (let i = 0; i < 5; i++) await store.recordFailure('AB123456', 'sms/c1', now);
    expect((await store.recordFailure('AB123456', 'sms/c1', at('2025-03-20T10:20:00Z'))).triesLeft).toBe(4);
  });

  it('a successful sign-in clears the count', async () => {
    const store = links();
    const now = at('2025-03-20T10:00:00Z');
    for (let i = 0; i < 4; i++) await store.recordFailure('AB123456', 'sms/c1', now);
    await store.clearFailures('AB123456', 'sms/c1');
    expect((await store.recordFailure('AB123456', 'sms/c1', now)).triesLeft).toBe(4);
  });
});

describe('attempts counted before the details are checked', () => {
  it('of ten guesses at one ASE ID sent at the same moment from ten conversations, at most five are let through to be checked (the rest wait)', async () => {
    const store = links();
    const now = at('2025-03-20T10:00:00Z');
    const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => store.recordAttempt('AB123456', `sms/c${i}`, now)));
    expect(attempts.filter((attempt) => !attempt.refused)).toHaveLength(5);
    expect(attempts.filter((attempt) => attempt.refused)).toHaveLength(5);
  });

  it('an attempt the account service could not check is taken back', async () => {
    const store = links();
    const now = at('2025-03-20T10:00:00Z');
    await store.recordAttempt('AB123456', 'sms/c1', now);
    await store.forgiveAttempt('AB123456', 'sms/c1', now);
    expect((await store.recordAttempt('AB123456', 'sms/c1', now)).triesLeft).toBe(4);
  });

  it('a run of failures older than the lock-out window no longer counts: four in January and one in June do not lock', async () => {
    const store = links();
    for (let i = 0; i < 4; i++) await store.recordAttempt('AB123456', 'sms/c1', at('2025-01-10T10:00:00Z'));
    const june = await store.recordAttempt('AB123456', 'sms/c1', at('2025-06-10T10:00:00Z'));
    expect(june.lockedUntil).toBeUndefined();
    expect(june.triesLeft).toBe(4);
  });

  it('a website sign-in ends when its token expires, however active the conversation', async () => {
    const store = links();
    await store.link('web/c1', 'cand-1', 'web-token', at('2025-03-20T10:00:00Z'), at('2025-03-20T10:10:00Z'));
    expect(await store.current('web/c1', at('2025-03-20T10:09:59Z'))).toBeDefined();
    expect(await store.current('web/c1', at('2025-03-20T10:10:00Z'))).toBeUndefined();
  });
});
