import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, isPasswordHash, verifyAgainstNothing, verifyPassword } from '../../../src/handoff/staff/passwords.js';

// A low cost keeps the suite fast; production uses N=2^15.
const FAST = { N: 2 ** 10 };

describe('staff password hashes', () => {
  it('a hashed password verifies, in the scrypt$N$r$p$salt$hash format', async () => {
    const stored = await hashPassword('correct horse battery staple', FAST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
  });

  it('the default cost is N=2^15, r=8, p=1', () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ N: 2 ** 15, r: 8, p: 1 });
  });

  it('the same password hashed twice gives different hashes (random salt), both valid', async () => {
    const [a, b] = await Promise.all([hashPassword('same', FAST), hashPassword('same', FAST)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', a!)).toBe(true);
    expect(await verifyPassword('same', b!)).toBe(true);
  });

  it('a wrong password, a different case, or an empty password does not verify', async () => {
    const stored = await hashPassword('Secret-1', FAST);
    expect(await verifyPassword('Secret-2', stored)).toBe(false);
    expect(await verifyPassword('secret-1', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('a password typed in composed or decomposed Unicode verifies the same', async () => {
    const stored = await hashPassword('caf\u00e9', FAST);
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('a malformed stored hash gives false instead of throwing', async () => {
    const good = await hashPassword('pw', FAST);
    const [, n, r, p, salt, key] = good.split('$');
    const malformed = [
      '',
      'hunter2',
      'bcrypt$2b$10$abc',
      `scrypt$${n}$${r}$${p}$${salt}`,
      `scrypt$1000$${r}$${p}$${salt}$${key}`, // N not a power of two
      `scrypt$${2 ** 30}$${r}$${p}$${salt}$${key}`, // would need gigabytes
      `scrypt$${n}$${r}$${p}$${salt}$not*base64`,
      `scrypt$${n}$${r}$${p}$${salt}$${key}$extra`,
      `scrypt$0${n}$${r}$${p}$${salt}$${key}`,
    ];
    for (const stored of malformed) {
      expect(isPasswordHash(stored), stored).toBe(false);
      expect(await verifyPassword('pw', stored), stored).toBe(false);
    }
    expect(await verifyPassword('pw', undefined as unknown as string)).toBe(false);
    expect(isPasswordHash(good)).toBe(true);
  });

  it('an empty password, an over-long one, or a bad cost cannot be hashed', async () => {
    await expect(hashPassword('', FAST)).rejects.toThrow(/passwords: refusing to hash an empty password/);
    await expect(hashPassword('x'.repeat(1025), FAST)).rejects.toThrow(/at most 1024 characters/);
    await expect(hashPassword('pw', { N: 1000 })).rejects.toThrow(/N must be a power of two/);
  });

  it('verifying against nothing is always false, whatever the input', async () => {
    const like = await hashPassword('pw', FAST);
    expect(await verifyAgainstNothing('pw', like)).toBe(false);
    expect(await verifyAgainstNothing('', like)).toBe(false);
  });

  it('verifying against nothing costs about as much as a wrong password', async () => {
    const like = await hashPassword('pw', { N: 2 ** 13 });
    const elapsed = async (check: () => Promise<boolean>) => {
      const start = process.hrtime.bigint();
      await check();
      return Number(process.hrtime.bigint() - start);
    };
    await verifyPassword('warm-up', like);
    let wrong = 0;
    let nothing = 0;
    // Interleaved, so a busy machine slows both alike.
    for (let i = 0; i < 6; i++) {
      wrong += await elapsed(() => verifyPassword('wrong', like));
      nothing += await elapsed(() => verifyAgainstNothing('wrong', like));
    }
    // Generous bounds: the point is "same order of work", not a benchmark.
    expect(nothing).toBeGreaterThan(wrong / 3);
    expect(nothing).toBeLessThan(wrong * 3);
  });
});
