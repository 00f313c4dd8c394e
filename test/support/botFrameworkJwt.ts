import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import nock from 'nock';

/**
 * Plays the Bot Framework token service: publishes an OpenID configuration and signing keys at the
 * real channel metadata address (intercepted), and signs channel tokens with the matching key.
 */
export function fakeBotFrameworkIssuer(channels = ['emulator', 'msteams', 'webchat', 'sms', 'directline']) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `test-key-${randomUUID()}`;
  const jwk = publicKey.export({ format: 'jwk' });
  // Interceptors end with each test (test/setup/network.ts): a file publishes again in beforeEach.
  const publish = () =>
    nock('https://login.botframework.com')
      .persist()
      .get('/v1/.well-known/openidconfiguration')
      .reply(200, {
        issuer: 'https://api.botframework.com',
        jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
        id_token_signing_alg_values_supported: ['RS256'],
      })
      .get('/v1/.well-known/keys')
      .reply(200, { keys: [{ ...jwk, kid, kty: 'RSA', use: 'sig', alg: 'RS256', endorsements: channels }] });
  let scope = publish();

  const sign = (claims: Record<string, unknown>, signingKey = privateKey, keyId = kid): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: keyId })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ iss: 'https://api.botframework.com', nbf: now - 60, exp: now + 3600, ...claims }),
    ).toString('base64url');
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(signingKey).toString('base64url');
    return `${header}.${payload}.${signature}`;
  };

  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return {
    kid,
    /** A token the bot must accept for this app id and service URL. */
    validToken: (appId: string, serviceUrl: string) => sign({ aud: appId, serviceurl: serviceUrl }),
    /** Right claims, signed with a key the issuer never published under this kid. */
    forgedToken: (appId: string, serviceUrl: string) => sign({ aud: appId, serviceurl: serviceUrl }, otherKey),
    expiredToken: (appId: string, serviceUrl: string) =>
      sign({ aud: appId, serviceurl: serviceUrl, nbf: 1_600_000_000, exp: 1_600_003_600 }),
    wrongAudienceToken: (serviceUrl: string) => sign({ aud: 'someone-else', serviceurl: serviceUrl }),
    /** Publishes the configuration and keys again (after the previous test's interceptors were cleaned). */
    publish: () => {
      scope = publish();
    },
    done: () => scope.persist(false),
  };
}
