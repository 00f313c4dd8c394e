import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  accountConfigFields,
  accountConfigProblems,
  createAccountService,
  createWebIdentityFromConfig,
  logAccountEvents,
} from '../../src/account/config.js';
import { HttpAccountService } from '../../src/account/httpAccountService.js';
import { DemoAccountService } from '../../src/account/demoAccountService.js';

const schema = z.object(accountConfigFields);
const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

describe('account config', () => {
  it('defaults', () => {
    expect(schema.parse({})).toEqual({
      ACCOUNT_API_TIMEOUT_MS: 3000,
      ACCOUNT_API_MAX_ATTEMPTS: 3,
      ACCOUNT_API_RETRY_BASE_MS: 200,
      ACCOUNT_API_DEADLINE_MS: 8000,
      ACCOUNT_API_BREAKER_THRESHOLD: 5,
      ACCOUNT_API_BREAKER_COOLDOWN_MS: 30000,
    });
  });

  it('empty strings are unset, numbers are coerced', () => {
    expect(schema.parse({ ACCOUNT_API_URL: ' ', ACCOUNT_API_TIMEOUT_MS: '1500' })).toMatchObject({
      ACCOUNT_API_URL: undefined,
      ACCOUNT_API_TIMEOUT_MS: 1500,
    });
  });

  it.each([
    [{ ACCOUNT_API_URL: 'accounts.example.org' }, 'ACCOUNT_API_URL'],
    [{ ACCOUNT_API_MAX_ATTEMPTS: '0' }, 'ACCOUNT_API_MAX_ATTEMPTS'],
    [{ ACCOUNT_API_TIMEOUT_MS: 'soon' }, 'ACCOUNT_API_TIMEOUT_MS'],
  ])('rejects %j', (env, field) => {
    const result = schema.safeParse(env);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([field]);
  });

  it.each<[Record<string, string>, string[]]>([
    [{}, []],
    [{ ACCOUNT_API_URL: 'https://a.test', ACCOUNT_API_KEY: 'k' }, []],
    [{ ACCOUNT_API_URL: 'https://a.test' }, ['ACCOUNT_API_KEY']],
    [{ NODE_ENV: 'production', ACCOUNT_API_URL: 'http://a.test', ACCOUNT_API_KEY: 'k' }, ['ACCOUNT_API_URL']],
    [{ WEB_IDENTITY_ISSUER: 'https://i.test' }, ['WEB_IDENTITY_JWKS_URL', 'WEB_IDENTITY_AUDIENCE']],
    [{ WEB_IDENTITY_JWKS_URL: 'https://i.test/jwks', WEB_IDENTITY_ISSUER: 'i', WEB_IDENTITY_AUDIENCE: 'a' }, []],
    [
      { WEB_IDENTITY_JWKS_URL: 'https://i.test/jwks', WEB_IDENTITY_SECRET: 'x'.repeat(40), WEB_IDENTITY_ISSUER: 'i', WEB_IDENTITY_AUDIENCE: 'a' },
      ['WEB_IDENTITY_JWKS_URL+WEB_IDENTITY_SECRET'],
    ],
    [{ WEB_IDENTITY_SECRET: 'short', WEB_IDENTITY_ISSUER: 'i', WEB_IDENTITY_AUDIENCE: 'a' }, ['WEB_IDENTITY_SECRET']],
  ])('cross-field %j -> %j', (env, names) => {
    expect(accountConfigProblems(env).map((p) => p.name)).toEqual(names);
  });
});

describe('createAccountService', () => {
  const clock = () => new Date('2025-06-17T14:00:00Z');

  it('no URL: the demo source, announced in the log', async () => {
    const lines: string[] = [];
    const logger = { info: (_o: object, msg: string) => lines.push(msg), warn: (_o: object, msg: string) => lines.push(msg) };
    const service = await createAccountService({ ...schema.parse({}), KNOWLEDGE_DIR }, { clock, logger });
    expect(service).toBeInstanceOf(DemoAccountService);
    expect(service.source).toBe('demo');
    expect(lines).toEqual(['account: no ACCOUNT_API_URL, using the fictional demo accounts']);
  });

  it('a missing demo file fails start-up with the file named', async () => {
    await expect(
      createAccountService({ ...schema.parse({ ACCOUNT_DEMO_FILE: '/nope/demo.yaml' }), KNOWLEDGE_DIR }, { clock }),
    ).rejects.toThrow(/\/nope\/demo\.yaml: cannot read/);
  });

  it('with a URL: the HTTP client', async () => {
    const config = schema.parse({ ACCOUNT_API_URL: 'https://a.test/v1', ACCOUNT_API_KEY: 'k' });
    const service = await createAccountService({ ...config, KNOWLEDGE_DIR }, { clock });
    expect(service).toBeInstanceOf(HttpAccountService);
    expect(service.source).toBe('api');
  });
});

describe('createWebIdentityFromConfig', () => {
  it('undefined unless configured; a verifier when it is', () => {
    expect(createWebIdentityFromConfig(schema.parse({}))).toBeUndefined();
    const verifier = createWebIdentityFromConfig(
      schema.parse({ WEB_IDENTITY_SECRET: 'x'.repeat(32), WEB_IDENTITY_ISSUER: 'i', WEB_IDENTITY_AUDIENCE: 'a' }),
    );
    expect(typeof verifier).toBe('function');
  });
});

describe('logAccountEvents', () => {
  it('logs circuit changes and give-ups without personal data', () => {
    const lines: Array<[string, object, string]> = [];
    const log = logAccountEvents({
      info: (o, m) => lines.push(['info', o, m]),
      warn: (o, m) => lines.push(['warn', o, m]),
    });
    log({ type: 'circuit', from: 'closed', to: 'open' });
    log({ type: 'circuit', from: 'half-open', to: 'closed' });
    log({ type: 'gave-up', operation: 'getAccount', attempts: 3, reason: 'timeout' });
    expect(lines.map(([level, , msg]) => `${level} ${msg}`)).toEqual([
      'warn account API circuit open',
      'info account API reachable again',
      'warn account API unavailable',
    ]);
  });
});
