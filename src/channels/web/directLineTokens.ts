import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens of the built-in Direct Line endpoint: compact JWTs (HS256) naming one conversation and one
 * user, signed with DIRECTLINE_LOCAL_SECRET. A token opens its own conversation and nothing else, and
 * the user id inside it is the only identity a page can post as. The `user` claim is where
 * botframework-directlinejs looks for a user id bound into the token.
 */
export interface DirectLineClaims {
  /** Conversation id. */
  conv: string;
  /** User id (dl_...). */
  user: string;
  iat: number;
  exp: number;
}

export type TokenCheck = { ok: true; claims: DirectLineClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const ISSUER = 'candidate-assistant/directline';
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export interface TokenSigner {
  sign(conversationId: string, userId: string): { token: string; expiresIn: number };
  verify(token: string): TokenCheck;
  /** True when the key was generated for this process (tokens die with it and other instances reject them). */
  readonly ephemeral: boolean;
}

export function createTokenSigner(options: { secret?: string; ttlSeconds?: number; clock?: () => number } = {}): TokenSigner {
  const key = options.secret ? Buffer.from(options.secret, 'utf8') : randomBytes(32);
  const ttlSeconds = options.ttlSeconds ?? 1800;
  const now = () => Math.floor((options.clock ?? Date.now)() / 1000);
  const mac = (input: string) => createHmac('sha256', key).update(input).digest();

  return {
    ephemeral: !options.secret,
    sign(conversationId, userId) {
      const iat = now();
      const payload = Buffer.from(JSON.stringify({ iss: ISSUER, conv: conversationId, user: userId, iat, exp: iat + ttlSeconds })).toString(
        'base64url',
      );
      const body = `${HEADER}.${payload}`;
      return { token: `${body}.${mac(body).toString('base64url')}`, expiresIn: ttlSeconds };
    },
    verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return { ok: false, reason: 'malformed' };
      const [header, payload, signature] = parts as [string, string, string];
      // Only our own header is accepted, so `alg: none` and friends never reach the signature check.
      if (header !== HEADER) return { ok: false, reason: 'malformed' };
      const expected = mac(`${header}.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
      let claims: Record<string, unknown>;
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      const { iss, conv, user, iat, exp } = claims;
      if (iss !== ISSUER || typeof conv !== 'string' || typeof user !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') {
        return { ok: false, reason: 'malformed' };
      }
      if (exp <= now()) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { conv, user, iat, exp } };
    },
  };
}

/** A new conversation id: 128 random bits, URL-safe. */
export const newConversationId = (): string => randomBytes(16).toString('base64url');

/** A new user id in Direct Line's reserved `dl_` form (ids a page may not choose for itself). */
export const newUserId = (): string => `dl_${randomBytes(12).toString('base64url')}`;
