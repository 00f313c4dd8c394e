// Website identity: the page that hosts Web Chat passes a signed token (a JWT) from the
// candidate's logged-in session; this checks its signature, issuer, audience and expiry with jose
// and returns the candidate id it names. No ASE ID / DOB / SSN questions are needed on the web.
// The token itself never appears in an error message.

import {
  createRemoteJWKSet,
  customFetch,
  errors,
  importSPKI,
  jwtVerify,
  type CryptoKey,
  type JWK,
  type JWTVerifyGetKey,
  type KeyObject,
} from 'jose';

export type WebIdentityFailure =
  /** Not a JWT, or a JWT this verifier cannot read. */
  | 'malformed'
  /** Signature does not verify, or was made with a key the issuer does not publish. */
  | 'bad-signature'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'expired'
  | 'not-yet-valid'
  /** No `exp`, or no candidate id claim. */
  | 'missing-claim'
  /** Signed with an algorithm not in the allow-list (e.g. 'none', or HS256 where RS256 is expected). */
  | 'algorithm-not-allowed'
  /** The JWKS could not be fetched or read: the bot's problem, not the candidate's. */
  | 'key-unavailable'
  /** The options themselves are wrong (no key, two keys, short secret, bad PEM). */
  | 'misconfigured';

export class WebIdentityError extends Error {
  constructor(
    readonly reason: WebIdentityFailure,
    detail?: string,
  ) {
    super(`web-identity: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'WebIdentityError';
  }
}

export interface WebIdentityKeyOptions {
  /** Issuer's JWKS endpoint, e.g. 'https://login.example.org/.well-known/jwks.json' (keys cached, rotated by kid). */
  jwksUrl?: string;
  /** Issuer's public key: SPKI PEM ('-----BEGIN PUBLIC KEY-----'), a CryptoKey/KeyObject, or a public JWK. */
  publicKey?: string | CryptoKey | KeyObject | JWK;
  /** Shared HMAC secret (HS256), at least 32 bytes. Prefer a public key where the site can sign with one. */
  secret?: string | Uint8Array;
}

export interface WebIdentityVerifierOptions extends WebIdentityKeyOptions {
  issuer: string;
  audience: string;
  /** Allowed algorithms. Default: ['HS256'] with a secret, ['RS256', 'PS256', 'ES256', 'EdDSA'] otherwise. */
  algorithms?: string[];
  /** Clock skew allowed on exp/nbf, seconds. Default 30. */
  clockToleranceSec?: number;
  /** Claim holding the candidate id. Default 'sub'. */
  candidateIdClaim?: string;
  /** Overrides fetch for the JWKS (tests, proxies). */
  fetchJwks?: typeof fetch;
}

export interface WebIdentityOptions extends WebIdentityVerifierOptions {
  /** The moment to judge expiry at: the bot's clock, passed in. */
  now: Date;
}

export interface WebIdentity {
  candidateId: string;
  /** When the token stops being accepted; the bot should not trust the identity beyond it. */
  expiresAt: Date;
}

export type WebIdentityVerifier = (token: string, now: Date) => Promise<WebIdentity>;

const MIN_SECRET_BYTES = 32;
const ASYMMETRIC = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/** Builds a verifier once (key imported, JWKS cached) for use on every conversation. */
export function createWebIdentityVerifier(options: WebIdentityVerifierOptions): WebIdentityVerifier {
  const keys = [options.jwksUrl, options.publicKey, options.secret].filter((k) => k !== undefined && k !== '');
  if (keys.length !== 1) throw new WebIdentityError('misconfigured', 'give exactly one of jwksUrl, publicKey, secret');
  if (!options.issuer || !options.audience) throw new WebIdentityError('misconfigured', 'issuer and audience are required');
  const algorithms = options.algorithms ?? (options.secret !== undefined ? ['HS256'] : ASYMMETRIC);
  const claim = options.candidateIdClaim ?? 'sub';
  const key = resolveKey(options, algorithms);
  // A bad PEM rejects here, before any token arrives; each verification re-throws it.
  key.catch(() => undefined);

  return async (token, now) => {
    if (typeof token !== 'string' || token.split('.').length !== 3) throw new WebIdentityError('malformed');
    let payload: Record<string, unknown>;
    try {
      const resolved = await key;
      // Two calls because jwtVerify's overloads (key vs. key-getter) do not accept the union.
      const result =
        typeof resolved === 'function'
          ? await jwtVerify(token, resolved, verifyOptions())
          : await jwtVerify(token, resolved, verifyOptions());
      payload = result.payload;
    } catch (error) {
      throw toWebIdentityError(error);
    }
    const candidateId = payload[claim];
    if (typeof candidateId !== 'string' || candidateId.trim() === '') throw new WebIdentityError('missing-claim', claim);
    return { candidateId, expiresAt: new Date((payload.exp as number) * 1000) };

    function verifyOptions() {
      return {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        currentDate: now,
        clockTolerance: options.clockToleranceSec ?? 30,
        requiredClaims: ['exp', claim],
      };
    }
  };
}

/** One-shot form: verifies `token` at `now`. JWKS key sets are cached per URL across calls. */
export async function verifyWebIdentityToken(token: string, options: WebIdentityOptions): Promise<WebIdentity> {
  const { now, ...rest } = options;
  return createWebIdentityVerifier(rest)(token, now);
}

// ---- keys ----------------------------------------------------------------------------------------

type ResolvedKey = JWTVerifyGetKey | CryptoKey | KeyObject | JWK | Uint8Array;

const remoteSets = new Map<string, JWTVerifyGetKey>();

function resolveKey(options: WebIdentityKeyOptions & { fetchJwks?: typeof fetch }, algorithms: string[]): Promise<ResolvedKey> {
  if (options.jwksUrl) {
    let url: URL;
    try {
      url = new URL(options.jwksUrl);
    } catch {
      throw new WebIdentityError('misconfigured', 'jwksUrl is not a URL');
    }
    // A custom fetch gets its own set; the default one is shared per URL so the keys are fetched once.
    if (options.fetchJwks) return Promise.resolve(remoteJwks(url, options.fetchJwks));
    let set = remoteSets.get(url.href);
    if (!set) {
      set = remoteJwks(url);
      remoteSets.set(url.href, set);
    }
    return Promise.resolve(set);
  }
  if (options.secret !== undefined) {
    const bytes = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
    if (bytes.byteLength < MIN_SECRET_BYTES) {
      throw new WebIdentityError('misconfigured', `secret must be at least ${MIN_SECRET_BYTES} bytes`);
    }
    return Promise.resolve(bytes);
  }
  const publicKey = options.publicKey!;
  if (typeof publicKey === 'string') {
    const alg = algorithms[0] ?? 'RS256';
    return importSPKI(publicKey, alg).catch(() => {
      throw new WebIdentityError('misconfigured', `publicKey is not an SPKI PEM usable with ${alg}`);
    });
  }
  return Promise.resolve(publicKey);
}

function remoteJwks(url: URL, fetchImpl?: typeof fetch): JWTVerifyGetKey {
  const set = createRemoteJWKSet(url, {
    timeoutDuration: 3000,
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
    ...(fetchImpl ? { [customFetch]: fetchImpl } : {}),
  });
  // A token whose kid the issuer does not publish is a bad signature; any other failure to get the
  // keys (network, timeout, non-200, not a JWKS) is ours, and must not read as the candidate's fault.
  return async (header, token) => {
    try {
      return await set(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new WebIdentityError('key-unavailable');
    }
  };
}

// ---- errors ----------------------------------------------------------------------------------------

function toWebIdentityError(error: unknown): WebIdentityError {
  if (error instanceof WebIdentityError) return error;
  if (error instanceof errors.JWTExpired) return new WebIdentityError('expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new WebIdentityError(error.reason === 'missing' ? 'missing-claim' : 'wrong-issuer', 'iss');
    if (error.claim === 'aud') return new WebIdentityError(error.reason === 'missing' ? 'missing-claim' : 'wrong-audience', 'aud');
    if (error.claim === 'nbf') return new WebIdentityError('not-yet-valid');
    if (error.reason === 'missing') return new WebIdentityError('missing-claim', error.claim);
    return new WebIdentityError('malformed', `claim ${error.claim}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new WebIdentityError('bad-signature');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new WebIdentityError('algorithm-not-allowed');
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new WebIdentityError('malformed');
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return new WebIdentityError('key-unavailable');
  // Anything else (a key of the wrong type for the token's algorithm, say) refuses the token.
  return new WebIdentityError('malformed');
}
