import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { isEtagConflict } from '../../storage/storageErrors.js';
import type { StaffUser } from '../types.js';

/**
 * Signed-in staff sessions, kept in the bot's store (memory or Redis) so every instance knows them.
 *
 * The cookie carries a random token; the store key is `staff/session/<sha256(token) hex>`, so a dump
 * of the store holds no usable cookie. A session ends after `idleMs` without a request (renewed at
 * most once a minute, so a busy console does not write on every request) or `absoluteMs` after
 * sign-in, whichever comes first. Time is always passed in.
 */

/** Store keys of sessions start with this. */
export const STAFF_SESSION_KEY_PREFIX = 'staff/session/';

export interface StaffSessionsOptions {
  /** A session ends after this long without a request. Default 8 hours. */
  idleMs?: number;
  /** A session ends this long after sign-in, however active. Default 12 hours. */
  absoluteMs?: number;
}

/** A new session: set `token` as the cookie, give `csrfToken` to the page. */
export interface NewStaffSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A live session. `user` is as it was at sign-in. */
export interface StaffSession {
  user: StaffUser;
  csrfToken: string;
  /** When it ends unless used again (idle), or for good (absolute), whichever is sooner. */
  expiresAt: Date;
}

interface StoredSession {
  user: StaffUser;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  eTag?: string;
}

/** What a signed-out session leaves until its absolute end, so a renewal in flight cannot revive it. */
interface Revoked {
  revoked: true;
  until: number;
  eTag?: string;
}

const HOUR = 3_600_000;
/** A session's last-seen time is written at most this often. */
const RENEW_EVERY_MS = 60_000;
/** 32 random bytes in base64url, no padding. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const newToken = () => randomBytes(32).toString('base64url');
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export class StaffSessions {
  private readonly idleMs: number;
  private readonly absoluteMs: number;

  /**
   * @param storage - The bot's store.
   * @param options - Idle timeout and absolute lifetime, in milliseconds.
   * @throws RangeError if either is not a positive whole number.
   */
  constructor(
    private readonly storage: Storage,
    options: StaffSessionsOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 8 * HOUR;
    this.absoluteMs = options.absoluteMs ?? 12 * HOUR;
    for (const [name, value] of [['idleMs', this.idleMs], ['absoluteMs', this.absoluteMs]] as const) {
      if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`StaffSessions: ${name} must be a positive number of milliseconds (got ${value})`);
    }
  }

  /** The store key of a token: its SHA-256, so the store never holds a usable token. */
  static keyOf(token: string): string {
    return `${STAFF_SESSION_KEY_PREFIX}${digest(token).toString('hex')}`;
  }

  /** Starts a session for a user who has just signed in. */
  async create(user: StaffUser, now: Date): Promise<NewStaffSession> {
    const token = newToken();
    const session: StoredSession = {
      user: { username: user.username, name: user.name, role: user.role },
      csrfToken: newToken(),
      createdAt: now.getTime(),
      lastSeenAt: now.getTime(),
    };
    await this.storage.write({ [StaffSessions.keyOf(token)]: { ...session, eTag: '*' } });
    return { token, csrfToken: session.csrfToken, expiresAt: this.expiresAt(session) };
  }

  /**
   * The session for this cookie token, or null if there is none or it has ended (an ended one is
   * deleted). Renews the idle timeout, writing at most once a minute per session.
   */
  async get(token: string | undefined, now: Date): Promise<StaffSession | null> {
    if (typeof token !== 'string' || !TOKEN.test(token)) return null;
    const key = StaffSessions.keyOf(token);
    const item = (await this.storage.read([key]))[key] as StoredSession | Revoked | undefined;
    if (!item) return null;
    const time = now.getTime();
    if ('revoked' in item) {
      if (time >= item.until) await this.storage.delete([key]);
      return null;
    }
    if (typeof item.createdAt !== 'number' || typeof item.lastSeenAt !== 'number' || !item.user) return null;
    if (time >= this.expiresAt(item).getTime()) {
      await this.storage.delete([key]);
      return null;
    }
    let session = item;
    if (time - item.lastSeenAt >= RENEW_EVERY_MS) {
      session = { ...item, lastSeenAt: time };
      try {
        // Written against the eTag read: a sign-out in between wins, and a concurrent renewal is enough.
        await this.storage.write({ [key]: session });
      } catch (error) {
        if (!isEtagConflict(error)) throw error;
      }
    }
    return { user: { ...session.user }, csrfToken: session.csrfToken, expiresAt: this.expiresAt(session) };
  }

  /**
   * Signs a session out. What remains is a marker, kept until the session's absolute end, so a
   * request renewing it at the same moment cannot bring it back. Unknown tokens are fine.
   */
  async destroy(token: string | undefined): Promise<void> {
    if (typeof token !== 'string' || !TOKEN.test(token)) return;
    const key = StaffSessions.keyOf(token);
    const item = (await this.storage.read([key]))[key] as StoredSession | Revoked | undefined;
    if (!item || 'revoked' in item) return;
    const until = typeof item.createdAt === 'number' ? item.createdAt + this.absoluteMs : 0;
    const revoked: Revoked = { revoked: true, until };
    await this.storage.write({ [key]: { ...revoked, eTag: '*' } });
  }

  private expiresAt(session: StoredSession): Date {
    return new Date(Math.min(session.lastSeenAt + this.idleMs, session.createdAt + this.absoluteMs));
  }
}

/**
 * Does the CSRF token the request sent match the session's? Constant-time (whatever the lengths);
 * false when either is missing or empty.
 */
export function checkCsrf(expected: string, given: string | undefined): boolean {
  if (typeof expected !== 'string' || typeof given !== 'string' || expected === '' || given === '') return false;
  return timingSafeEqual(digest(expected), digest(given));
}
