import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import nock from 'nock';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createWebIdentityVerifier,
  verifyWebIdentityToken,
  WebIdentityError,
  type WebIdentityFailure,
} from '../../src/account/webIdentity.js';

const ISSUER = 'https://candidates.example.test';
const AUDIENCE = 'candidate-assistant';
const NOW = new Date('2025-06-17T14:00:00Z');
const nowSec = Math.floor(NOW.getTime() / 1000);

let privateKey: CryptoKey;
let publicPem: string;
let otherPrivateKey: CryptoKey;
let publicJwk: Record<string, unknown>;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  publicPem = await exportSPKI(pair.publicKey);
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'site-1', alg: 'RS256', use: 'sig' };
  otherPrivateKey = (await generateKeyPair('RS256')).privateKey;
});

interface TokenOptions {
  issuer?: string;
  audience?: string;
  subject?: string | null;
  issuedAt?: number;
  expiresAt?: number | null;
  notBefore?: number;
  key?: CryptoKey | Uint8Array;
  alg?: string;
  kid?: string;
}

function token(o: TokenOptions = {}): Promise<string> {
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: o.alg ?? 'RS256', kid: o.kid ?? 'site-1' })
    .setIssuer(o.issuer ?? ISSUER)
    .setAudience(o.audience ?? AUDIENCE)
    .setIssuedAt(o.issuedAt ?? nowSec - 60);
  if (o.subject !== null) jwt.setSubject(o.subject ?? 'cand-123');
  if (o.expiresAt !== null) jwt.setExpirationTime(o.expiresAt ?? nowSec + 600);
  if (o.notBefore !== undefined) jwt.setNotBefore(o.notBefore);
  return jwt.sign(o.key ?? privateKey);
}

async function reason(promise: Promise<unknown>): Promise<WebIdentityFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebIdentityError);
    return (error as WebIdentityError).reason;
  }
  throw new Error('expected a WebIdentityError');
}

const withPem = (t: string, now = NOW) => verifyWebIdentityToken(t, { publicKey: publicPem, issuer: ISSUER, audience: AUDIENCE, now });

describe('verifyWebIdentityToken with a public key', () => {
  it('valid token -> candidate id and expiry', async () => {
    await expect(withPem(await token())).resolves.toEqual({
      candidateId: 'cand-123',
      expiresAt: new Date((nowSec + 600) * 1000),
    });
  });

  it.each<[string, TokenOptions, WebIdentityFailure]>([
    ['wrong issuer', { issuer: 'https://evil.example.test' }, 'wrong-issuer'],
    ['wrong audience', { audience: 'some-other-app' }, 'wrong-audience'],
    ['expired', { issuedAt: nowSec - 3600, expiresAt: nowSec - 120 }, 'expired'],
    ['not yet valid', { notBefore: nowSec + 600 }, 'not-yet-valid'],
    ['no expiry', { expiresAt: null }, 'missing-claim'],
    ['no subject', { subject: null }, 'missing-claim'],
  ])('%s -> %s', async (_name, options, expected) => {
    expect(await reason(withPem(await token(options)))).toBe(expected);
  });

  it('bad signature: signed by another key', async () => {
    expect(await reason(withPem(await token({ key: otherPrivateKey })))).toBe('bad-signature');
  });

  it('bad signature: payload altered after signing', async () => {
    const [header, , signature] = (await token()).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'someone-else', iss: ISSUER, aud: AUDIENCE, exp: nowSec + 600 })).toString('base64url');
    expect(await reason(withPem(`${header}.${forged}.${signature}`))).toBe('bad-signature');
  });

  it('expiry is judged at the `now` passed in, with 30 s tolerance', async () => {
    const t = await token({ expiresAt: nowSec + 10 });
    await expect(withPem(t, new Date((nowSec + 35) * 1000))).resolves.toMatchObject({ candidateId: 'cand-123' });
    expect(await reason(withPem(t, new Date((nowSec + 45) * 1000)))).toBe('expired');
  });

  it('an HMAC token cannot pass for one signed with the public key (algorithm confusion)', async () => {
    const hmac = await token({ alg: 'HS256', key: new TextEncoder().encode(publicPem) });
    expect(await reason(withPem(hmac))).toBe('algorithm-not-allowed');
  });

  it.each(['', 'not-a-jwt', 'a.b.c', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'])('malformed %j', async (t) => {
    expect(['malformed', 'algorithm-not-allowed']).toContain(await reason(withPem(t)));
  });

  it('an error never contains the token', async () => {
    const t = await token({ issuer: 'https://evil.example.test' });
    const error = await withPem(t).catch((e: Error) => e);
    expect(String((error as Error).message)).not.toContain(t.split('.')[1]);
  });
});

describe('with a shared secret', () => {
  const secret = 'a-shared-secret-of-at-least-32-bytes!!';
  const key = new TextEncoder().encode(secret);
  const verify = createWebIdentityVerifier({ secret, issuer: ISSUER, audience: AUDIENCE });

  it('valid / wrong secret', async () => {
    await expect(verify(await token({ alg: 'HS256', key }), NOW)).resolves.toMatchObject({ candidateId: 'cand-123' });
    const wrong = new TextEncoder().encode('another-secret-of-at-least-32-bytes!!!');
    expect(await reason(verify(await token({ alg: 'HS256', key: wrong }), NOW))).toBe('bad-signature');
  });

  it('an RS256 token is refused when only HS256 is allowed', async () => {
    expect(await reason(verify(await token(), NOW))).toBe('algorithm-not-allowed');
  });
});

describe('with a JWKS URL', () => {
  it('fetches the issuer keys once and verifies; unknown kid -> bad-signature', async () => {
    const jwks = nock('https://candidates.example.test').get('/.well-known/jwks.json').once().reply(200, { keys: [publicJwk] });
    const verify = createWebIdentityVerifier({ jwksUrl: `${ISSUER}/.well-known/jwks.json`, issuer: ISSUER, audience: AUDIENCE });
    await expect(verify(await token(), NOW)).resolves.toMatchObject({ candidateId: 'cand-123' });
    await expect(verify(await token({ subject: 'cand-456' }), NOW)).resolves.toMatchObject({ candidateId: 'cand-456' });
    expect(jwks.isDone()).toBe(true);
    // An unknown kid makes jose refetch (after its cool-down); the issuer still does not know it.
    nock('https://candidates.example.test').get('/.well-known/jwks.json').optionally().reply(200, { keys: [publicJwk] });
    expect(await reason(verify(await token({ kid: 'unknown', key: otherPrivateKey }), NOW))).toBe('bad-signature');
  });

  it('JWKS endpoint down -> key-unavailable (our problem, not the candidate)', async () => {
    nock('https://keys-down.example.test').get('/jwks.json').reply(503);
    const verify = createWebIdentityVerifier({ jwksUrl: 'https://keys-down.example.test/jwks.json', issuer: ISSUER, audience: AUDIENCE });
    expect(await reason(verify(await token(), NOW))).toBe('key-unavailable');
  });
});

describe('misconfiguration fails at construction', () => {
  it.each([
    [{ issuer: ISSUER, audience: AUDIENCE }],
    [{ issuer: ISSUER, audience: AUDIENCE, secret: 'x'.repeat(32), jwksUrl: 'https://k.test/jwks' }],
    [{ issuer: ISSUER, audience: AUDIENCE, secret: 'too-short' }],
    [{ issuer: '', audience: AUDIENCE, secret: 'x'.repeat(32) }],
    [{ issuer: ISSUER, audience: AUDIENCE, jwksUrl: 'not a url' }],
  ])('%j', (options) => {
    expect(() => createWebIdentityVerifier(options)).toThrow(WebIdentityError);
  });

  it('a bad PEM is reported as misconfigured', async () => {
    const verify = createWebIdentityVerifier({ publicKey: 'not a pem', issuer: ISSUER, audience: AUDIENCE });
    expect(await reason(verify(await token(), NOW))).toBe('misconfigured');
  });
});
