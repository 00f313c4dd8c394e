import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ipBucket, LoginLimiter } from '../../../src/handoff/staff/loginLimiter.js';

const at = (iso: string) => new Date(iso);
const IP = '203.0.113.7';
const limiter = (storage = new MemoryStorage()) => new LoginLimiter(storage);

/** `count` failures for one username from one address, one a minute from 10:00. */
async function failEachMinute(target: LoginLimiter, count: number, username = 'alex', ip = IP) {
  for (let i = 0; i < count; i++) await target.fail(username, ip, at(`2025-03-20T10:${String(i).padStart(2, '0')}:00Z`));
}

describe('the sign-in limiter, per address and username', () => {
  it('a first sign-in is allowed', async () => {
    expect(await limiter().check('alex', IP, at('2025-03-20T10:00:00Z'))).toEqual({ allowed: true });
  });

  it('after four wrong passwords the fifth try is still allowed', async () => {
    const target = limiter();
    await failEachMinute(target, 4);
    expect(await target.check('alex', IP, at('2025-03-20T10:04:30Z'))).toEqual({ allowed: true });
  });

  it('the sixth wrong password in 15 minutes from one address is refused with a retry time', async () => {
    const target = limiter();
    await failEachMinute(target, 5); // 10:00 .. 10:04
    // The 10:00 failure ages out at 10:15:00: 10 minutes from 10:05.
    expect(await target.check('alex', IP, at('2025-03-20T10:05:00Z'))).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });

  it('the refusal holds at 10:14:59 (one second to go) and lifts at 10:15:00', async () => {
    const target = limiter();
    await failEachMinute(target, 5);
    expect(await target.check('alex', IP, at('2025-03-20T10:14:59Z'))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await target.check('alex', IP, at('2025-03-20T10:15:00Z'))).toEqual({ allowed: true });
  });

  it('the window slides: after one failure ages out, one more try is allowed, then a wait for the next', async () => {
    const target = limiter();
    await failEachMinute(target, 5);
    await target.fail('alex', IP, at('2025-03-20T10:15:00Z'));
    // In the window now: 10:01, 10:02, 10:03, 10:04, 10:15; the 10:01 one ages out at 10:16.
    expect(await target.check('alex', IP, at('2025-03-20T10:15:30Z'))).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('an outsider who guessed five times locks out only themselves: the same user from another address, and other users from theirs, sign in', async () => {
    const target = limiter();
    await failEachMinute(target, 5);
    expect((await target.check('ALEX', IP, at('2025-03-20T10:06:00Z'))).allowed).toBe(false);
    expect((await target.check('alex', '198.51.100.1', at('2025-03-20T10:06:00Z'))).allowed).toBe(true);
    expect((await target.check('sam', IP, at('2025-03-20T10:06:00Z'))).allowed).toBe(true);
  });

  it('many usernames from one address are each counted on their own (never per address alone)', async () => {
    const target = limiter();
    for (let i = 0; i < 40; i++) await target.fail(`user${i}`, IP, at('2025-03-20T10:00:00Z'));
    expect((await target.check('someone-new', IP, at('2025-03-20T10:01:00Z'))).allowed).toBe(true);
  });

  it("a successful sign-in forgets that address's failures for the user, not the user's elsewhere", async () => {
    const target = limiter();
    await failEachMinute(target, 4);
    await failEachMinute(target, 3, 'alex', '198.51.100.1');
    await target.succeed('alex', IP, at('2025-03-20T10:04:30Z'));
    expect(await target.failures('alex', IP, at('2025-03-20T10:05:00Z'))).toEqual({ user: 7, addressUser: 0 });
    expect(await target.failures('alex', '198.51.100.1', at('2025-03-20T10:05:00Z'))).toEqual({ user: 7, addressUser: 3 });
  });
});

describe('the sign-in limiter, per username from every address', () => {
  it('the 51st wrong password for one username in 15 minutes, from ten addresses, is refused everywhere', async () => {
    const target = limiter();
    for (let i = 0; i < 50; i++) await target.fail('alex', `203.0.113.${i % 10}`, at('2025-03-20T10:00:00Z'));
    expect(await target.check('alex', '198.51.100.1', at('2025-03-20T10:01:00Z'))).toEqual({ allowed: false, retryAfterSeconds: 840 });
    expect((await target.check('sam', '198.51.100.1', at('2025-03-20T10:01:00Z'))).allowed).toBe(true);
    expect((await target.check('alex', '198.51.100.1', at('2025-03-20T10:15:00Z'))).allowed).toBe(true);
  });

  it('when both limits apply, the longer wait is given', async () => {
    const target = new LoginLimiter(new MemoryStorage(), { maxPerUser: 2, maxPerAddressUser: 2 });
    await target.fail('alex', IP, at('2025-03-20T10:00:00Z'));
    await target.fail('alex', '198.51.100.1', at('2025-03-20T10:05:00Z'));
    await target.fail('alex', IP, at('2025-03-20T10:06:00Z'));
    // alex anywhere: 10:00, 10:05, 10:06 (below 2 once the 10:05 one ages out: 10:20); alex from IP: 10:00, 10:06 (10:15).
    expect(await target.check('alex', IP, at('2025-03-20T10:06:00Z'))).toEqual({ allowed: false, retryAfterSeconds: 840 });
  });
});

describe('counting failures sent at the same moment', () => {
  it('twenty failures in parallel on the memory store count twenty', async () => {
    const target = limiter();
    const now = at('2025-03-20T10:00:00Z');
    const counts = await Promise.all(Array.from({ length: 20 }, () => target.fail('alex', IP, now)));
    expect(await target.failures('alex', IP, now)).toEqual({ user: 20, addressUser: 20 });
    expect(counts.map((count) => count.user).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('two instances sharing a store, failing in parallel, lose none (compare-and-set retries)', async () => {
    const storage = new MemoryStorage();
    const [one, two] = [limiter(storage), limiter(storage)];
    const now = at('2025-03-20T10:00:00Z');
    await one.fail('alex', IP, now); // the counters exist: only the first write of a key cannot be compared
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).fail('alex', IP, now)));
    expect(await one.failures('alex', IP, now)).toEqual({ user: 21, addressUser: 21 });
  });
});

describe('keys', () => {
  it('usernames are keyed lower-case; anything odd is hashed into a safe key', () => {
    expect(LoginLimiter.keysOf(' Alex ', IP)).toEqual({ user: 'staff/login/user/alex', addressUser: `staff/login/address-user/${IP}/alex` });
    expect(LoginLimiter.keysOf('a/b\nc', IP).user).toMatch(/^staff\/login\/user\/~[0-9a-f]{32}$/);
  });

  it('addresses: IPv4 as is, IPv4-mapped as IPv4, IPv6 by /64, junk as unknown', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('[2001:DB8:1:2::ffff]')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(ipBucket('::1')).toBe('0:0:0:0::/64');
    expect(ipBucket('../../etc')).toBe('unknown');
    expect(ipBucket(undefined)).toBe('unknown');
  });
});
