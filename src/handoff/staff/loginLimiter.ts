import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { Storage } from 'botbuilder';
import { ItemUpdater } from '../../storage/updateItem.js';

/**
 * Limits password guessing at the staff sign-in: failed sign-ins are counted per client address
 * and username together, and per username from anywhere, over a sliding window (default: 5 per
 * address+username and 50 per username in 15 minutes); once either count reaches its limit,
 * sign-ins are refused until enough failures have aged out.
 *
 * Never per address alone, and the per-username limit is ten times the other: one outsider (one
 * address) guessing a colleague's password stops at 5 and locks out only themselves, not the
 * colleague signing in from elsewhere, nor everyone behind the same proxy. Locking a username out
 * takes 10 addresses guessing together; that is a distributed attack, and the lock lifts as the
 * failures age out. (Behind nginx, STAFF_TRUST_PROXY=true is what makes addresses real clients.)
 *
 * Counters live in the bot's store (`staff/login/user/<username>`,
 * `staff/login/address-user/<address>/<username>`) so every instance shares them, and the
 * application's clock governs them. Each failure is a compare-and-set on the eTag read, retried on
 * conflict, and failures on one key from this process queue behind each other, so failures sent at
 * the same moment are all counted. (The store cannot create a key only-if-absent, so two instances
 * writing the very first failure of a key at the same instant could still count one instead of two.)
 *
 * Use: `check` before verifying the password (refuse with Retry-After if not allowed), then `fail`
 * or `succeed`. Note that sign-ins sent in parallel all pass `check` before any of their failures is
 * recorded; the route should bound that (e.g. one sign-in in flight per username).
 */

/** Store keys of the counters start with this. */
export const STAFF_LOGIN_KEY_PREFIX = 'staff/login/';

export interface LoginLimiterOptions {
  /** Failures allowed per username (from any address) within the window. Default 50. */
  maxPerUser?: number;
  /** Failures allowed per client address and username together within the window. Default 5. */
  maxPerAddressUser?: number;
  /** Window length in milliseconds. Default 15 minutes. */
  windowMs?: number;
}

export type LoginCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Failures within the window, after a `fail`. */
export interface LoginFailureCounts {
  user: number;
  addressUser: number;
}

interface Counter {
  /** Times (epoch ms) of the most recent failures, oldest first. */
  failures: number[];
}

/** The most failure times kept per key: enough to judge any sensible limit, and a bounded item. */
const KEEP = 100;
const MAX_ATTEMPTS = 20;

/**
 * The counter bucket for a client address: IPv4 as is, IPv4-mapped IPv6 as IPv4, other IPv6 by its
 * /64 network (one subscriber usually holds a whole /64), anything unparseable as `unknown`.
 */
export function ipBucket(ip: string | undefined): string {
  let address = (ip ?? '').trim().toLowerCase();
  if (address.startsWith('[') && address.includes(']')) address = address.slice(1, address.indexOf(']'));
  address = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address)?.[1];
  if (mapped) address = mapped;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return 'unknown';
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of a valid IPv6 address, without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((part) => parseInt(part, 16).toString(16));
}

/** A username as a key part: trimmed, lower-case; anything outside the username alphabet is hashed. */
function userBucket(username: string): string {
  const name = (typeof username === 'string' ? username : '').trim().toLowerCase();
  return /^[a-z0-9._-]{1,64}$/.test(name) ? name : `~${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 32)}`;
}

export class LoginLimiter {
  private readonly maxPerUser: number;
  private readonly maxPerAddressUser: number;
  private readonly windowMs: number;
  private readonly items: ItemUpdater;

  /** @throws RangeError when a limit or the window is not a positive whole number. */
  constructor(
    private readonly storage: Storage,
    options: LoginLimiterOptions = {},
  ) {
    this.maxPerUser = options.maxPerUser ?? 50;
    this.maxPerAddressUser = options.maxPerAddressUser ?? 5;
    this.items = new ItemUpdater(storage, MAX_ATTEMPTS);
    this.windowMs = options.windowMs ?? 15 * 60_000;
    for (const [name, value] of [['maxPerUser', this.maxPerUser], ['maxPerAddressUser', this.maxPerAddressUser], ['windowMs', this.windowMs]] as const) {
      if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`LoginLimiter: ${name} must be a positive whole number (got ${value})`);
    }
    if (Math.max(this.maxPerUser, this.maxPerAddressUser) > KEEP) throw new RangeError(`LoginLimiter: limits above ${KEEP} are not supported`);
  }

  /** The store keys for a username, and for a client address with that username. */
  static keysOf(username: string, ip: string | undefined): { user: string; addressUser: string } {
    const user = userBucket(username);
    return { user: `${STAFF_LOGIN_KEY_PREFIX}user/${user}`, addressUser: `${STAFF_LOGIN_KEY_PREFIX}address-user/${ipBucket(ip)}/${user}` };
  }

  /** May this username try a password from this address now? If not, for how many seconds not. */
  async check(username: string, ip: string | undefined, now: Date): Promise<LoginCheck> {
    const keys = LoginLimiter.keysOf(username, ip);
    const items = await this.storage.read([keys.user, keys.addressUser]);
    const waits = [
      this.waitMs(items[keys.user] as Counter | undefined, this.maxPerUser, now),
      this.waitMs(items[keys.addressUser] as Counter | undefined, this.maxPerAddressUser, now),
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) } : { allowed: true };
  }

  /** Counts a failed sign-in against the username and the address+username; returns the counts in the window. */
  async fail(username: string, ip: string | undefined, now: Date): Promise<LoginFailureCounts> {
    const keys = LoginLimiter.keysOf(username, ip);
    const [user, addressUser] = await Promise.all([this.increment(keys.user, now), this.increment(keys.addressUser, now)]);
    return { user, addressUser };
  }

  /** A successful sign-in from this address: its failures for this username are forgotten (the username's elsewhere are kept). */
  async succeed(username: string, ip: string | undefined, _now: Date): Promise<void> {
    await this.storage.delete([LoginLimiter.keysOf(username, ip).addressUser]);
  }

  /** Failures within the window for this username and address (for logs and tests). */
  async failures(username: string, ip: string | undefined, now: Date): Promise<LoginFailureCounts> {
    const keys = LoginLimiter.keysOf(username, ip);
    const items = await this.storage.read([keys.user, keys.addressUser]);
    return {
      user: this.recent(items[keys.user] as Counter | undefined, now).length,
      addressUser: this.recent(items[keys.addressUser] as Counter | undefined, now).length,
    };
  }

  /** Failure times still inside the window at `now`, oldest first. */
  private recent(counter: Counter | undefined, now: Date): number[] {
    const since = now.getTime() - this.windowMs;
    const times = Array.isArray(counter?.failures) ? counter.failures.filter((time) => typeof time === 'number') : [];
    return times.filter((time) => time > since).sort((a, b) => a - b);
  }

  /** How long until fewer than `max` failures are in the window (0: allowed now). */
  private waitMs(counter: Counter | undefined, max: number, now: Date): number {
    const times = this.recent(counter, now);
    if (times.length < max) return 0;
    // Allowed again once the failure that brings the count down to max-1 has aged out.
    return times[times.length - max]! + this.windowMs - now.getTime();
  }

  /** One more failure on one key, as a compare-and-set (guesses sent together are all counted). */
  private async increment(key: string, now: Date): Promise<number> {
    const counter = await this.items.update<Counter>(key, (previous) => ({
      failures: [...this.recent(previous, now), now.getTime()].sort((a, b) => a - b).slice(-KEEP),
    }));
    return counter?.failures.length ?? 0;
  }
}
