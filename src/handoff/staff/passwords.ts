import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Staff password hashes: scrypt (node:crypto, async) with a random salt, stored as one string
 *
 *     scrypt$<N>$<r>$<p>$<saltBase64>$<hashBase64>
 *
 * so the cost can be raised later without breaking hashes already in the configuration (each hash
 * carries its own parameters). Passwords are NFC-normalised first, so the same password typed on
 * different systems gives the same hash.
 */

/** scrypt cost parameters: CPU/memory cost N (a power of two), block size r, parallelism p. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The cost for real staff passwords: N=2^15, r=8, p=1 (about 32 MiB and tens of milliseconds). */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });

/** Longest password accepted, in characters (a form post cannot make us hash megabytes). */
export const MAX_PASSWORD_LENGTH = 1024;

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** The most memory one verification may take, whatever a stored hash asks for. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const DECIMAL = /^[1-9][0-9]{0,9}$/;

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

/** Memory scrypt needs (128·r·(N+p+2) bytes, as OpenSSL counts it), plus room to spare. */
const memoryFor = ({ N, r, p }: ScryptParams) => 128 * r * (N + p + 2);

function paramsProblem({ N, r, p }: ScryptParams): string | undefined {
  if (!Number.isInteger(N) || N < 2 || (N & (N - 1)) !== 0) return `N must be a power of two of at least 2 (got ${N})`;
  if (!Number.isInteger(r) || r < 1 || r > 64) return `r must be a whole number from 1 to 64 (got ${r})`;
  if (!Number.isInteger(p) || p < 1 || p > 16) return `p must be a whole number from 1 to 16 (got ${p})`;
  if (memoryFor({ N, r, p }) > MAX_SCRYPT_MEMORY) return `N=${N}, r=${r} needs more than ${MAX_SCRYPT_MEMORY / 2 ** 20} MiB`;
  return undefined;
}

function parseHash(stored: unknown): ParsedHash | undefined {
  if (typeof stored !== 'string' || stored.length > 512) return undefined;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  if (![n, r, p].every((part) => DECIMAL.test(part)) || !BASE64.test(salt) || !BASE64.test(key)) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (paramsProblem(params)) return undefined;
  const saltBytes = Buffer.from(salt, 'base64');
  const keyBytes = Buffer.from(key, 'base64');
  // Round-trip check: Buffer.from ignores stray characters and bad padding rather than failing.
  if (saltBytes.toString('base64') !== salt || keyBytes.toString('base64') !== key) return undefined;
  if (saltBytes.length < 8 || saltBytes.length > 64 || keyBytes.length < 16 || keyBytes.length > 64) return undefined;
  return { ...params, salt: saltBytes, key: keyBytes };
}

function derive(plain: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: memoryFor(params) + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes a password for the staff configuration.
 *
 * @param plain - The password; must not be empty and at most {@link MAX_PASSWORD_LENGTH} characters.
 * @param options - scrypt cost; defaults to {@link DEFAULT_SCRYPT_PARAMS}. Tests pass a low N (2^10).
 * @returns `scrypt$N$r$p$salt$hash`, salt and hash in standard base64.
 * @throws RangeError for an empty or over-long password or invalid cost parameters.
 */
export async function hashPassword(plain: string, options: Partial<ScryptParams> = {}): Promise<string> {
  if (typeof plain !== 'string' || plain.length === 0) throw new RangeError('passwords: refusing to hash an empty password');
  if (plain.length > MAX_PASSWORD_LENGTH) throw new RangeError(`passwords: a password may be at most ${MAX_PASSWORD_LENGTH} characters`);
  const params: ScryptParams = { ...DEFAULT_SCRYPT_PARAMS, ...options };
  const problem = paramsProblem(params);
  if (problem) throw new RangeError(`passwords: ${problem}`);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(plain, salt, KEY_BYTES, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Does this password match the stored hash? Compares in constant time. A malformed or unsupported
 * stored hash, an empty or over-long password, or any scrypt failure gives `false`: this never
 * throws, so a bad configuration entry cannot turn a login into a 500 (validate configuration with
 * {@link isPasswordHash} instead).
 */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || typeof plain !== 'string' || plain.length === 0 || plain.length > MAX_PASSWORD_LENGTH) return false;
  try {
    const key = await derive(plain, parsed.salt, parsed.key.length, parsed);
    return timingSafeEqual(key, parsed.key);
  } catch {
    return false;
  }
}

/** Is this a well-formed `scrypt$N$r$p$salt$hash` string with parameters we would verify? For config checks. */
export function isPasswordHash(value: unknown): value is string {
  return parseHash(value) !== undefined;
}

/**
 * Spends the same work as checking a wrong password, and returns `false`. Call it when the username
 * is unknown, so response time does not tell an attacker which usernames exist.
 *
 * @param plain - The password that was offered.
 * @param like - A real stored hash whose cost to imitate (e.g. any account's); default cost otherwise.
 */
export async function verifyAgainstNothing(plain: string, like?: string): Promise<false> {
  const template = parseHash(like);
  const params: ScryptParams = template ?? { ...DEFAULT_SCRYPT_PARAMS };
  const keyLength = template?.key.length ?? KEY_BYTES;
  const text = typeof plain === 'string' && plain.length > 0 && plain.length <= MAX_PASSWORD_LENGTH ? plain : 'x';
  try {
    const key = await derive(text, randomBytes(template?.salt.length ?? SALT_BYTES), keyLength, params);
    timingSafeEqual(key, randomBytes(keyLength));
  } catch {
    // Nothing to report: the answer is "no" either way.
  }
  return false;
}
