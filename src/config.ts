import { z } from 'zod';
import { accountConfigFields, accountConfigProblems } from './account/config.js';
import { webConfigShape } from './channels/web/settings.js';
import { rateLimitConfigFields } from './http/rateLimits.js';
import { serviceUrlConfigFields } from './http/serviceUrls.js';
import { metricsConfigFields } from './http/metricsRoute.js';
import { handoffConfigFields, handoffConfigProblems } from './handoff/config.js';
import { emptyToUndefined, flag, isIanaZone, optionalString, present, type RawEnv } from './configFields.js';
import { productionProblems } from './productionChecks.js';

/**
 * The one reader of the environment. Parsed once at start; every problem is reported together so an
 * operator fixes a bad deployment in one pass instead of one restart per variable.
 */

const ianaZone = z.string().refine(isIanaZone, { message: 'must be an IANA time zone such as America/New_York' });

export const configSchema = z
  .object({
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
    MicrosoftAppTenantId: optionalString,
    KNOWLEDGE_DIR: z.preprocess(emptyToUndefined, z.string().default('knowledge')),
    DEFAULT_TIMEZONE: z.preprocess(emptyToUndefined, ianaZone.default('America/New_York')),
    SHUTDOWN_GRACE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(120_000).default(10_000)),
    // /readyz is 503 this long before the listener closes, so a load balancer has stopped sending traffic.
    SHUTDOWN_DRAIN_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(120_000).default(5000)),
    REDIS_URL: z.preprocess(emptyToUndefined, z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional()),
    REDIS_CLUSTER_NODES: z.preprocess(
      emptyToUndefined,
      z.string().regex(/^[^\s,:]+:\d+(?:,[^\s,:]+:\d+)*$/, 'must be host:port[,host:port...]').optional(),
    ),
    REDIS_SENTINELS: z.preprocess(
      emptyToUndefined,
      z.string().regex(/^[^\s,:]+:\d+(?:,[^\s,:]+:\d+)*$/, 'must be host:port[,host:port...]').optional(),
    ),
    REDIS_SENTINEL_NAME: optionalString,
    REDIS_USERNAME: optionalString,
    REDIS_PASSWORD: optionalString,
    REDIS_SENTINEL_PASSWORD: optionalString,
    REDIS_TLS: flag('false'),
    REDIS_COMMAND_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(50).default(2000)),
    REDIS_CONNECT_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(5000)),
    REDIS_KEY_PREFIX: z.preprocess(emptyToUndefined, z.string().default('candidate-assistant:')),
    CONVERSATION_STATE_TTL_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(60).default(7 * 24 * 3600)),
    USER_STATE_TTL_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(60).default(180 * 24 * 3600)),
    MEMORY_STATE_MAX_CONVERSATIONS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(20_000)),
    STATE_MAX_ITEM_BYTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1024).default(256 * 1024)),
    // A short lease renewed while the turn runs: a crashed instance blocks its conversations this long.
    TURN_LOCK_TTL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(500).max(60_000).default(3_000)),
    // At least one lease (checked below), so the first message after a crash still gets in.
    TURN_LOCK_WAIT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(500).max(120_000).default(6_000)),
    // Outgoing Bot Connector calls (replies): the whole call, retries included, and the longest
    // Retry-After waited for; botbuilder itself has neither, so a silent reply address held a turn.
    BOT_REPLY_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(500).max(60_000).default(10_000)),
    BOT_REPLY_MAX_RETRY_AFTER_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(60).default(5)),
    TWILIO_ACCOUNT_SID: z.preprocess(emptyToUndefined, z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits').optional()),
    TWILIO_AUTH_TOKEN: optionalString,
    TWILIO_PHONE_NUMBER: z.preprocess(emptyToUndefined, z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be E.164, e.g. +15551234567').optional()),
    TWILIO_MESSAGING_SERVICE_SID: z.preprocess(emptyToUndefined, z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'must be MG followed by 32 hex digits').optional()),
    TWILIO_WEBHOOK_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
    TWILIO_API_BASE_URL: z.preprocess(emptyToUndefined, z.string().url().default('https://api.twilio.com')),
    TWILIO_STATUS_CALLBACK_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
    TWILIO_MAX_ATTEMPTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10).default(4)),
    SMS_KEYWORD_REPLIES: flag('true'),
    SMS_TARGET_CHARS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(70).max(1600).default(320)),
    SMS_MAX_CHARS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(160).max(1600).default(1600)),
    ACCOUNT_LINK_IDLE_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(24 * 60).default(30)),
    ACCOUNT_LOCKOUT_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(24 * 60).default(15)),
    ACCOUNT_MAX_FAILED_VERIFICATIONS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(20).default(5)),
    // An ASE ID is never locked (anyone could lock its owner out): after the failures above, each try waits up to this.
    ACCOUNT_ASE_ID_BACKOFF_MAX_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(5).max(15 * 60).default(60)),
    ...accountConfigFields,
    ...handoffConfigFields,
    ...webConfigShape,
    ...rateLimitConfigFields,
    ...serviceUrlConfigFields,
    ...metricsConfigFields,
  })
;


/**
 * Rules across variables, checked on the raw environment so they are reported even when another
 * variable fails its own parse (an operator should see every problem in one run).
 */
function crossFieldProblems(env: RawEnv): Array<{ name: string; message: string }> {
  const problems: Array<{ name: string; message: string }> = [];
  if ((env.NODE_ENV ?? '').trim() === 'production' && !present(env, 'MicrosoftAppId')) {
    problems.push({
      name: 'MicrosoftAppId',
      message: 'is required when NODE_ENV=production: an unauthenticated production bot accepts anyone',
    });
  }
  if (present(env, 'MicrosoftAppId')) {
    const type = present(env, 'MicrosoftAppType') ? env.MicrosoftAppType!.trim() : 'MultiTenant';
    if (type !== 'UserAssignedMSI' && !present(env, 'MicrosoftAppPassword')) {
      problems.push({ name: 'MicrosoftAppPassword', message: `is required with MicrosoftAppType=${type}` });
    }
    if (type !== 'MultiTenant' && !present(env, 'MicrosoftAppTenantId')) {
      problems.push({ name: 'MicrosoftAppTenantId', message: `is required with MicrosoftAppType=${type}` });
    }
  }
  if (present(env, 'REDIS_SENTINELS') && !present(env, 'REDIS_SENTINEL_NAME')) {
    problems.push({ name: 'REDIS_SENTINEL_NAME', message: 'is required with REDIS_SENTINELS (the master group name)' });
  }
  if (present(env, 'TWILIO_ACCOUNT_SID')) {
    for (const name of ['TWILIO_AUTH_TOKEN', 'TWILIO_WEBHOOK_URL']) {
      if (!present(env, name)) problems.push({ name, message: 'is required with TWILIO_ACCOUNT_SID' });
    }
    if (!present(env, 'TWILIO_PHONE_NUMBER') && !present(env, 'TWILIO_MESSAGING_SERVICE_SID')) {
      problems.push({ name: 'TWILIO_PHONE_NUMBER', message: 'or TWILIO_MESSAGING_SERVICE_SID is required with TWILIO_ACCOUNT_SID' });
    }
  }
  problems.push(...accountConfigProblems(env));
  problems.push(...handoffConfigProblems(env));
  problems.push(...productionProblems(env));
  const lease = Number((env.TURN_LOCK_TTL_MS ?? '').trim() || 3_000);
  const wait = Number((env.TURN_LOCK_WAIT_MS ?? '').trim() || 6_000);
  if (Number.isFinite(lease) && Number.isFinite(wait) && wait < lease) {
    problems.push({ name: 'TURN_LOCK_WAIT_MS', message: `(${wait}) must be at least TURN_LOCK_TTL_MS (${lease}): a turn must outwait a crashed holder's lease` });
  }
  const redisModes = ['REDIS_URL', 'REDIS_CLUSTER_NODES', 'REDIS_SENTINELS'].filter((name) => present(env, name));
  if (redisModes.length > 1) {
    problems.push({ name: redisModes.join('+'), message: 'choose one way to reach Redis, not several' });
  }
  return problems;
}

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`config: invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: RawEnv): Config {
  const result = configSchema.safeParse(env);
  const crossField = crossFieldProblems(env).map(({ name, message }) => `${name}: ${message}`);
  if (result.success && crossField.length === 0) return result.data;
  const problems = (result.success ? [] : result.error.issues).map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const raw = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
    // Secrets never appear in the message; other values do, so the operator sees what was wrong.
    const shown = raw === undefined || /password|secret|key|token/i.test(name) ? '' : ` (got "${raw}")`;
    return `${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError([...problems, ...crossField]);
}

/** Loads `.env` (if present) beneath the real environment, then parses. */
export async function loadConfig(): Promise<Config> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}
