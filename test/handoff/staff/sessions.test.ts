import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { checkCsrf, StaffSessions } from '../../../src/handoff/staff/sessions.js';
import type { StaffUser } from '../../../src/handoff/types.js';

const alex: StaffUser = { username: 'alex', name: 'Alex Agent', role: 'agent' };
const at = (iso: string) => new Date(iso);
const hours = (n: number) => n * 3_600_000;
const START = '2025-03-20T08:00:00.000Z';

/** The store's raw contents, for checking what a dump would show. */
const dump = (storage: MemoryStorage) => (storage as unknown as { memory: Record<string, string | undefined> }).memory;

describe('staff sessions', () => {
  it('a new session has a 32-byte token and CSRF token, and ends 8 hours on if unused', async () => {
    const sessions = new StaffSessions(new MemoryStorage());
    const created = await sessions.create(alex, at(START));
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.csrfToken).not.toBe(created.token);
    expect(created.expiresAt.toISOString()).toBe('2025-03-20T16:00:00.000Z');
  });

  it('the cookie token finds the user and the CSRF token', async () => {
    const sessions = new StaffSessions(new MemoryStorage());
    const created = await sessions.create(alex, at(START));
    expect(await sessions.get(created.token, at('2025-03-20T08:00:30Z'))).toEqual({
      user: alex,
      csrfToken: created.csrfToken,
      expiresAt: at('2025-03-20T16:00:00Z'),
    });
  });

  it('the store holds only the token\'s SHA-256, never the token itself', async () => {
    const storage = new MemoryStorage();
    const created = await new StaffSessions(storage).create(alex, at(START));
    const keys = Object.keys(dump(storage));
    expect(keys).toEqual([StaffSessions.keyOf(created.token)]);
    expect(keys[0]).toMatch(/^staff\/session\/[0-9a-f]{64}$/);
    expect(JSON.stringify(dump(storage))).not.toContain(created.token);
  });

  it('an unknown, malformed or missing token finds nothing', async () => {
    const sessions = new StaffSessions(new MemoryStorage());
    await sessions.create(alex, at(START));
    expect(await sessions.get('A'.repeat(43), at(START))).toBeNull();
    expect(await sessions.get('not a token', at(START))).toBeNull();
    expect(await sessions.get(undefined, at(START))).toBeNull();
  });

  it('a session idle for 7:59:59 is still there; one idle for 8 hours is gone, and deleted', async () => {
    const storage = new MemoryStorage();
    const sessions = new StaffSessions(storage);
    const a = await sessions.create(alex, at(START));
    const b = await sessions.create(alex, at(START));
    expect(await sessions.get(a.token, at('2025-03-20T15:59:59Z'))).not.toBeNull();
    expect(await sessions.get(b.token, at('2025-03-20T16:00:00Z'))).toBeNull();
    expect(dump(storage)[StaffSessions.keyOf(b.token)]).toBeUndefined();
    expect(await sessions.get(b.token, at('2025-03-20T16:00:01Z'))).toBeNull();
  });

  it('using a session renews it: used at 15:00, it lasts until 23:00 idle', async () => {
    const sessions = new StaffSessions(new MemoryStorage(), { idleMs: hours(8), absoluteMs: hours(24) });
    const { token } = await sessions.create(alex, at(START));
    expect((await sessions.get(token, at('2025-03-20T15:00:00Z')))?.expiresAt.toISOString()).toBe('2025-03-20T23:00:00.000Z');
    expect(await sessions.get(token, at('2025-03-20T22:59:59Z'))).not.toBeNull();
  });

  it('renewal is written at most once a minute: requests 59 seconds apart leave the store alone', async () => {
    const storage = new MemoryStorage();
    const sessions = new StaffSessions(storage);
    const { token } = await sessions.create(alex, at(START));
    const key = StaffSessions.keyOf(token);
    const stored = () => dump(storage)[key];
    const before = stored();
    await sessions.get(token, at('2025-03-20T08:00:59Z'));
    expect(stored()).toBe(before);
    const renewed = await sessions.get(token, at('2025-03-20T08:01:00Z'));
    expect(stored()).not.toBe(before);
    expect(renewed?.expiresAt.toISOString()).toBe('2025-03-20T16:01:00.000Z');
  });

  it('however active, a session ends 12 hours after sign-in: still there at 19:59:59, gone at 20:00', async () => {
    const sessions = new StaffSessions(new MemoryStorage());
    const { token } = await sessions.create(alex, at(START));
    for (let hour = 9; hour <= 19; hour++) expect(await sessions.get(token, at(`2025-03-20T${String(hour).padStart(2, '0')}:00:00Z`))).not.toBeNull();
    const last = await sessions.get(token, at('2025-03-20T19:59:59Z'));
    expect(last?.expiresAt.toISOString()).toBe('2025-03-20T20:00:00.000Z');
    expect(await sessions.get(token, at('2025-03-20T20:00:00Z'))).toBeNull();
  });

  it('signing out ends the session at once; a second sign-out or an unknown token is fine', async () => {
    const sessions = new StaffSessions(new MemoryStorage());
    const { token } = await sessions.create(alex, at(START));
    await sessions.destroy(token);
    expect(await sessions.get(token, at('2025-03-20T08:00:01Z'))).toBeNull();
    await sessions.destroy(token);
    await sessions.destroy('B'.repeat(43));
    await sessions.destroy(undefined);
  });

  it('a renewal that read the session before a sign-out does not bring it back', async () => {
    const storage = new MemoryStorage();
    const sessions = new StaffSessions(storage);
    const { token } = await sessions.create(alex, at(START));
    // The renewal reads, then the sign-out lands, then the renewal writes.
    const realRead = storage.read.bind(storage);
    let signOut: Promise<void> | undefined;
    storage.read = async (keys) => {
      const items = await realRead(keys);
      if (!signOut) {
        storage.read = realRead;
        signOut = sessions.destroy(token);
        await signOut;
      }
      return items;
    };
    expect(await sessions.get(token, at('2025-03-20T09:00:00Z'))).not.toBeNull();
    expect(await sessions.get(token, at('2025-03-20T09:00:01Z'))).toBeNull();
    expect(await sessions.get(token, at('2025-03-20T10:00:00Z'))).toBeNull();
  });

  it('a signed-out session\'s marker is removed once the session would have ended anyway', async () => {
    const storage = new MemoryStorage();
    const sessions = new StaffSessions(storage);
    const { token } = await sessions.create(alex, at(START));
    await sessions.destroy(token);
    await sessions.get(token, at('2025-03-20T19:59:59Z'));
    expect(dump(storage)[StaffSessions.keyOf(token)]).toBeDefined();
    await sessions.get(token, at('2025-03-20T20:00:00Z'));
    expect(dump(storage)[StaffSessions.keyOf(token)]).toBeUndefined();
  });

  it('custom lifetimes apply, and nonsense ones are refused', async () => {
    const sessions = new StaffSessions(new MemoryStorage(), { idleMs: 60_000, absoluteMs: 120_000 });
    const { token, expiresAt } = await sessions.create(alex, at(START));
    expect(expiresAt.toISOString()).toBe('2025-03-20T08:01:00.000Z');
    expect(await sessions.get(token, at('2025-03-20T08:01:00Z'))).toBeNull();
    expect(() => new StaffSessions(new MemoryStorage(), { idleMs: 0 })).toThrow(/idleMs must be a positive/);
    expect(() => new StaffSessions(new MemoryStorage(), { absoluteMs: Number.NaN })).toThrow(/absoluteMs/);
  });
});

describe('the CSRF check', () => {
  it('passes only for the exact token', () => {
    expect(checkCsrf('abc123', 'abc123')).toBe(true);
    expect(checkCsrf('abc123', 'abc124')).toBe(false);
    expect(checkCsrf('abc123', 'abc1234')).toBe(false);
    expect(checkCsrf('abc123', 'ABC123')).toBe(false);
  });

  it('fails when the request sent none, or the session has none', () => {
    expect(checkCsrf('abc123', undefined)).toBe(false);
    expect(checkCsrf('abc123', '')).toBe(false);
    expect(checkCsrf('', '')).toBe(false);
  });
});
