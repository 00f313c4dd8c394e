import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

type Env = Record<string, string | undefined>;

/** The ConfigError parseConfig throws for this environment; fails the test if it accepts it. */
function refusal(env: Env): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected the environment to be refused: ${JSON.stringify(env)}`);
}

const problemFor = (error: ConfigError, name: string): string | undefined =>
  error.problems.find((problem) => problem.startsWith(`${name}:`));

const authenticated = { MicrosoftAppId: '00000000-0000-0000-0000-00000000abcd', MicrosoftAppPassword: 'app-password-value' };
/** Production refuses the demo accounts (test/ops/productionRefusals.test.ts): a real account API. */
const realAccounts = { ACCOUNT_API_URL: 'https://accounts.example.org', ACCOUNT_API_KEY: 'account-api-key' };

describe('parseConfig defaults', () => {
  it('with an empty environment, the bot runs in development on 0.0.0.0:3978 with America/New_York as its time zone', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3978,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      KNOWLEDGE_DIR: 'knowledge',
      DEFAULT_TIMEZONE: 'America/New_York',
      SHUTDOWN_GRACE_MS: 10_000,
    });
    expect(config.MicrosoftAppId).toBeUndefined();
    expect(config.MicrosoftAppPassword).toBeUndefined();
  });

  it('values given as text are read as the numbers and flags they name', () => {
    const config = parseConfig({ PORT: '8080', SHUTDOWN_GRACE_MS: '2500', DEFAULT_TIMEZONE: 'America/Chicago' });
    expect(config.PORT).toBe(8080);
    expect(config.SHUTDOWN_GRACE_MS).toBe(2500);
    expect(config.DEFAULT_TIMEZONE).toBe('America/Chicago');
  });

});

describe('parseConfig empty values', () => {
  const defaults: Array<[name: string, blank: string, expected: unknown]> = [
    ['PORT', '', 3978],
    ['NODE_ENV', '', 'development'],
    ['DEFAULT_TIMEZONE', '', 'America/New_York'],
    ['LOG_LEVEL', '   ', 'info'],
    ['SHUTDOWN_GRACE_MS', '', 10_000],
    ['KNOWLEDGE_DIR', '', 'knowledge'],
  ];

  it.each(defaults)('%s set to an empty string (%j) is treated as unset and gets its default', (name, blank, expected) => {
    const config = parseConfig({ [name]: blank }) as Record<string, unknown>;
    expect(config[name]).toEqual(expected);
  });

  it('an empty MicrosoftAppId counts as no app id, so production still refuses to start', () => {
    const error = refusal({ NODE_ENV: 'production', MicrosoftAppId: '' });
    expect(problemFor(error, 'MicrosoftAppId')).toBeDefined();
  });

  it('an empty MicrosoftAppId outside production is simply no authentication, not a half-configured one', () => {
    const config = parseConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '' });
    expect(config.MicrosoftAppId).toBeUndefined();
    expect(config.MicrosoftAppPassword).toBeUndefined();
  });

  it('an empty MicrosoftAppPassword next to an app id is reported as a missing password', () => {
    const error = refusal({ MicrosoftAppId: 'some-app-id', MicrosoftAppPassword: '' });
    expect(problemFor(error, 'MicrosoftAppPassword')).toMatch(/required/);
  });

  it('an empty MicrosoftAppTenantId with SingleTenant is reported as a missing tenant id', () => {
    const error = refusal({ ...authenticated, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: '' });
    expect(problemFor(error, 'MicrosoftAppTenantId')).toMatch(/required with MicrosoftAppType=SingleTenant/);
  });
});

describe('parseConfig bad values', () => {
  it('when PORT is abc and DEFAULT_TIMEZONE is Mars/Base, both are listed together, each by name with the bad value', () => {
    const error = refusal({ PORT: 'abc', DEFAULT_TIMEZONE: 'Mars/Base' });
    expect(error.problems).toHaveLength(2);
    expect(problemFor(error, 'PORT')).toContain('"abc"');
    expect(problemFor(error, 'DEFAULT_TIMEZONE')).toContain('"Mars/Base"');
    expect(problemFor(error, 'DEFAULT_TIMEZONE')).toMatch(/IANA time zone/);
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('DEFAULT_TIMEZONE');
  });

  it('a turn-lock wait shorter than its lease is refused naming both values (the first message after a crash would fail)', () => {
    const error = refusal({ TURN_LOCK_TTL_MS: '5000', TURN_LOCK_WAIT_MS: '2000' });
    expect(problemFor(error, 'TURN_LOCK_WAIT_MS')).toMatch(/\(2000\) must be at least TURN_LOCK_TTL_MS \(5000\)/);
    expect(parseConfig({}).TURN_LOCK_TTL_MS).toBe(3000);
    expect(parseConfig({}).TURN_LOCK_WAIT_MS).toBe(6000);
  });

  it('four bad variables at once give four problems, one per variable', () => {
    const error = refusal({ NODE_ENV: 'staging', PORT: 'abc', LOG_LEVEL: 'loud', DEFAULT_TIMEZONE: 'Mars/Base' });
    expect(error.problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['DEFAULT_TIMEZONE', 'LOG_LEVEL', 'NODE_ENV', 'PORT']);
  });

  const bad: Array<[name: string, value: string]> = [
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['SHUTDOWN_GRACE_MS', '-1'],
    ['SHUTDOWN_GRACE_MS', '999999'],
    ['LOG_LEVEL', 'verbose'],
    ['NODE_ENV', 'staging'],
    ['MicrosoftAppType', 'Bogus'],
    ['DEFAULT_TIMEZONE', 'Eastern'],
  ];

  it.each(bad)('%s=%s is refused, naming the variable and showing the value', (name, value) => {
    const error = refusal({ [name]: value });
    const problem = problemFor(error, name);
    expect(problem).toBeDefined();
    expect(problem).toContain(`"${value}"`);
  });

  it('the error is a ConfigError whose message lists every problem on its own line', () => {
    const error = refusal({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(error.name).toBe('ConfigError');
    expect(error.message.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(2);
  });
});

describe('parseConfig authentication', () => {
  it('when NODE_ENV is production and no app id is set, start-up is refused naming MicrosoftAppId', () => {
    const error = refusal({ NODE_ENV: 'production', ...realAccounts });
    expect(error.problems).toHaveLength(1);
    expect(problemFor(error, 'MicrosoftAppId')).toMatch(/required when NODE_ENV=production/);
  });

  it('production with an app id and its password starts', () => {
    const config = parseConfig({ NODE_ENV: 'production', ...authenticated, ...realAccounts });
    expect(config.NODE_ENV).toBe('production');
    expect(config.MicrosoftAppId).toBe(authenticated.MicrosoftAppId);
  });

  it('development and test run without any app id (the Emulator needs none)', () => {
    expect(parseConfig({ NODE_ENV: 'development' }).MicrosoftAppId).toBeUndefined();
    expect(parseConfig({ NODE_ENV: 'test' }).MicrosoftAppId).toBeUndefined();
  });

  it('an app id without a password is refused naming MicrosoftAppPassword (MultiTenant is the default type)', () => {
    const error = refusal({ MicrosoftAppId: 'some-app-id' });
    expect(problemFor(error, 'MicrosoftAppPassword')).toMatch(/required with MicrosoftAppType=MultiTenant/);
  });

  it('SingleTenant without a tenant id is refused naming MicrosoftAppTenantId', () => {
    const error = refusal({ ...authenticated, MicrosoftAppType: 'SingleTenant' });
    expect(error.problems).toHaveLength(1);
    expect(problemFor(error, 'MicrosoftAppTenantId')).toMatch(/required with MicrosoftAppType=SingleTenant/);
  });

  it('SingleTenant with a tenant id is accepted', () => {
    const config = parseConfig({ ...authenticated, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-guid' });
    expect(config.MicrosoftAppTenantId).toBe('tenant-guid');
  });

  it('UserAssignedMSI needs a tenant id but no password', () => {
    const msi = { MicrosoftAppId: 'managed-identity-client-id', MicrosoftAppType: 'UserAssignedMSI' };
    expect(parseConfig({ ...msi, MicrosoftAppTenantId: 'tenant-guid' }).MicrosoftAppPassword).toBeUndefined();
    const error = refusal(msi);
    expect(problemFor(error, 'MicrosoftAppTenantId')).toBeDefined();
    expect(problemFor(error, 'MicrosoftAppPassword')).toBeUndefined();
  });

  it('a password value never appears in the error, whichever problem is reported', () => {
    const password = 'Sup3r-S3cret-Pa55word';
    const refusals = [
      refusal({ MicrosoftAppId: 'some-app-id', MicrosoftAppPassword: password, MicrosoftAppType: 'SingleTenant' }),
      refusal({ NODE_ENV: 'production', MicrosoftAppPassword: password }),
      refusal({ MicrosoftAppPassword: password, PORT: 'abc' }),
    ];
    for (const error of refusals) {
      expect(error.message).not.toContain(password);
      expect(error.problems.join('\n')).not.toContain(password);
    }
  });

  // Cross-variable checks must not wait for the per-variable ones: the operator should see every
  // problem in one pass, as the module promises.
  it('a bad PORT does not hide that production has no MicrosoftAppId: both are reported in one pass', () => {
    const error = refusal({ NODE_ENV: 'production', PORT: 'abc' });
    expect(problemFor(error, 'PORT')).toContain('"abc"');
    expect(problemFor(error, 'MicrosoftAppId')).toBeDefined();
  });

  it('a bad DEFAULT_TIMEZONE does not hide a SingleTenant app without a tenant id', () => {
    const error = refusal({ ...authenticated, MicrosoftAppType: 'SingleTenant', DEFAULT_TIMEZONE: 'Mars/Base' });
    expect(problemFor(error, 'DEFAULT_TIMEZONE')).toBeDefined();
    expect(problemFor(error, 'MicrosoftAppTenantId')).toBeDefined();
  });
});

describe('.env.example', () => {
  it('is a valid configuration as shipped, and every variable in it is one the config knows', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('dotenv');
    const { configSchema } = await import('../src/config.js');
    const env = parse(readFileSync('.env.example'));
    expect(() => parseConfig(env)).not.toThrow();
    const known = new Set(Object.keys((configSchema as unknown as { shape: Record<string, unknown> }).shape));
    expect(Object.keys(env).filter((name) => !known.has(name))).toEqual([]);
  });
});
