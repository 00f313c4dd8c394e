import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { z } from 'zod';
import type { RedisClient } from './redisStorage.js';
import { StorageUnavailableError } from './storageErrors.js';

/**
 * Builds the ioredis client behind RedisStorage: standalone (`url`), Redis Cluster (`clusterNodes`)
 * or Sentinel (`sentinels` + `sentinelName`). Exactly one of the three is given.
 *
 * Behaviour while Redis is down is chosen for a bot that must answer quickly: the offline queue is
 * off and `maxRetriesPerRequest` is small, so a command fails at once (StorageUnavailableError in
 * RedisStorage) instead of waiting for a reconnect; `commandTimeoutMs` bounds a command that was
 * sent on a connection that then went silent; the client keeps reconnecting in the background with
 * exponential backoff capped at `retryMaxDelayMs`, and works again as soon as Redis is back.
 */

export interface RedisConnectionOptions {
  /** `redis://[user:password@]host[:port][/db]`, or `rediss://...` for TLS. */
  url?: string | undefined;
  /** Redis Cluster seed nodes: `host:port,host:port` (IPv6 as `[::1]:6379`). */
  clusterNodes?: string | undefined;
  /** Sentinel addresses: `host:port,host:port`; needs `sentinelName`. */
  sentinels?: string | undefined;
  /** The master group name the sentinels monitor (`sentinel monitor <name> ...`). */
  sentinelName?: string | undefined;
  /** Password of the sentinels themselves, when they require one (often they do not). */
  sentinelPassword?: string | undefined;
  /** Credentials for Cluster/Sentinel data nodes (with `url`, put them in the URL). */
  username?: string | undefined;
  password?: string | undefined;
  /** TLS to the data nodes for Cluster/Sentinel (with `url`, use `rediss://`). */
  tls?: boolean | undefined;
  /** Do not connect until the first command or an explicit `connect()`. Default false. */
  lazyConnect?: boolean | undefined;
  /** Give up on a TCP/TLS connect after this long. Default 5000. */
  connectTimeoutMs?: number | undefined;
  /** Reject a command that got no reply within this long. Default 2000. */
  commandTimeoutMs?: number | undefined;
  /** Reconnect attempts a command sent before a disconnect may wait for. Default 1. */
  maxRetriesPerRequest?: number | undefined;
  /** First reconnect delay. Default 100. */
  retryBaseDelayMs?: number | undefined;
  /** Reconnect delay cap. Default 2000. */
  retryMaxDelayMs?: number | undefined;
  /** Shown in `CLIENT LIST`. Default `candidate-assistant`. */
  connectionName?: string | undefined;
  /** Connection errors are emitted as events while ioredis reconnects; give a logger here. */
  onError?: ((error: Error) => void) | undefined;
}

const HOST_PORT = /^(?:\[([0-9A-Fa-f:.]+)\]|([^\s:[\]/,]+)):(\d{1,5})$/;

const hostPortList = (optionName: string) =>
  z.string().transform((value, ctx) => {
    const entries = value.split(',').map((entry) => entry.trim());
    const nodes: Array<{ host: string; port: number }> = [];
    for (const entry of entries) {
      const match = HOST_PORT.exec(entry);
      const port = match ? Number(match[3]) : NaN;
      if (!match || port < 1 || port > 65535) {
        ctx.addIssue({
          code: 'custom',
          message: `${optionName}: "${entry}" is not host:port (in "${value}"; expected e.g. "10.0.0.1:6379,10.0.0.2:6379")`,
        });
        return z.NEVER;
      }
      nodes.push({ host: (match[1] ?? match[2])!, port });
    }
    return nodes;
  });

/** Shows a Redis URL with any password masked. */
function maskUrl(value: string): string {
  return value.replace(/^([a-z]+:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}

const redisUrl = z.string().superRefine((value, ctx) => {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `url: "${maskUrl(value)}" is not a URL (expected redis://host:6379 or rediss://host:6380)` });
    return;
  }
  const problem =
    parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:'
      ? `scheme "${parsed.protocol}" is not redis: or rediss:`
      : parsed.hostname === ''
        ? 'it has no host'
        : parsed.pathname !== '' && parsed.pathname !== '/' && !/^\/\d+$/.test(parsed.pathname)
          ? `the path "${parsed.pathname}" is not a database number`
          : undefined;
  if (problem) ctx.addIssue({ code: 'custom', message: `url: "${maskUrl(value)}": ${problem}` });
});

const positiveMs = (name: string, max: number) =>
  z
    .number()
    .int({ message: `${name} must be a whole number of milliseconds` })
    .min(1, { message: `${name} must be at least 1` })
    .max(max, { message: `${name} must be at most ${max}` });

const optionsSchema = z
  .object({
    url: redisUrl.optional(),
    clusterNodes: hostPortList('clusterNodes').optional(),
    sentinels: hostPortList('sentinels').optional(),
    sentinelName: z.string().min(1, { message: 'sentinelName must not be empty' }).optional(),
    sentinelPassword: z.string().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
    tls: z.boolean().optional(),
    lazyConnect: z.boolean().default(false),
    connectTimeoutMs: positiveMs('connectTimeoutMs', 120_000).default(5000),
    commandTimeoutMs: positiveMs('commandTimeoutMs', 120_000).default(2000),
    maxRetriesPerRequest: z.number().int().min(0).max(20).default(1),
    retryBaseDelayMs: positiveMs('retryBaseDelayMs', 60_000).default(100),
    retryMaxDelayMs: positiveMs('retryMaxDelayMs', 300_000).default(2000),
    connectionName: z.string().default('candidate-assistant'),
  });

/**
 * Rules across options, checked on the raw input so they are reported even when an option fails
 * its own parse (every problem in one go, as src/config.ts does for the environment).
 */
function crossOptionProblems(options: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const has = (name: string) => options[name] !== undefined;
  const given = ['url', 'clusterNodes', 'sentinels'].filter(has);
  if (given.length === 0) problems.push('one of url, clusterNodes or sentinels is required');
  if (given.length > 1) problems.push(`give only one of url, clusterNodes or sentinels (got ${given.join(' and ')})`);
  if (has('sentinels') && !has('sentinelName')) problems.push('sentinelName is required with sentinels');
  for (const name of ['sentinelName', 'sentinelPassword']) {
    if (has(name) && !has('sentinels')) problems.push(`${name} is only used with sentinels`);
  }
  if (has('url') && (has('username') || has('password') || has('tls'))) {
    problems.push('with url, put credentials in the URL and use rediss:// for TLS (username/password/tls are for clusterNodes and sentinels)');
  }
  const base = typeof options.retryBaseDelayMs === 'number' ? options.retryBaseDelayMs : 100;
  const max = typeof options.retryMaxDelayMs === 'number' ? options.retryMaxDelayMs : 2000;
  if (max < base) problems.push(`retryMaxDelayMs (${max}) is below retryBaseDelayMs (${base})`);
  return problems;
}

export type ParsedRedisConnectionOptions = z.infer<typeof optionsSchema>;

export class RedisConnectionConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`createRedisClient: invalid options:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'RedisConnectionConfigError';
  }
}

/** Validates the options (every problem reported together, each naming the bad value). */
export function parseRedisConnectionOptions(options: RedisConnectionOptions): ParsedRedisConnectionOptions {
  const { onError: _onError, ...rest } = options;
  // Unset and empty strings both mean "not given" (environment variables arrive as '').
  const cleaned = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined && value !== ''));
  const result = optionsSchema.safeParse(cleaned);
  const crossOption = crossOptionProblems(cleaned);
  if (result.success && crossOption.length === 0) return result.data;
  const own = (result.success ? [] : result.error.issues).map((issue) => {
    const path = issue.path.join('.');
    // Custom messages already name their option; zod's own messages get the option name prefixed.
    return path && !issue.message.startsWith(path) ? `${path}: ${issue.message}` : issue.message;
  });
  throw new RedisConnectionConfigError([...own, ...crossOption]);
}

/**
 * Delay before reconnect attempt `times` (1-based): exponential from `baseMs`, capped at `maxMs`,
 * with "equal jitter" (between half and all of the capped delay) so many bot instances do not
 * reconnect in lockstep after an outage.
 */
export function reconnectDelayMs(times: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = baseMs * 2 ** Math.min(Math.max(times - 1, 0), 30);
  const capped = Math.min(maxMs, exponential);
  return Math.round(capped / 2 + (random() * capped) / 2);
}

/** Creates the ioredis client (`Redis` or `Cluster`) from validated options. */
export function createRedisClient(options: RedisConnectionOptions): RedisClient {
  const parsed = parseRedisConnectionOptions(options);
  const retry = (times: number) => reconnectDelayMs(times, parsed.retryBaseDelayMs, parsed.retryMaxDelayMs);
  const perConnection = {
    connectTimeout: parsed.connectTimeoutMs,
    commandTimeout: parsed.commandTimeoutMs,
    maxRetriesPerRequest: parsed.maxRetriesPerRequest,
    connectionName: parsed.connectionName,
  } satisfies RedisOptions;
  const credentials = {
    ...(parsed.username !== undefined ? { username: parsed.username } : {}),
    ...(parsed.password !== undefined ? { password: parsed.password } : {}),
    ...(parsed.tls ? { tls: {} } : {}),
  } satisfies RedisOptions;

  let client: RedisClient;
  if (parsed.clusterNodes) {
    const clusterOptions: ClusterOptions = {
      enableOfflineQueue: false,
      lazyConnect: parsed.lazyConnect,
      clusterRetryStrategy: retry,
      redisOptions: { ...perConnection, ...credentials },
    };
    client = new Cluster(parsed.clusterNodes, clusterOptions);
  } else if (parsed.sentinels) {
    client = new Redis({
      ...perConnection,
      ...credentials,
      sentinels: parsed.sentinels,
      name: parsed.sentinelName,
      ...(parsed.sentinelPassword !== undefined ? { sentinelPassword: parsed.sentinelPassword } : {}),
      ...(parsed.tls ? { enableTLSForSentinelMode: true, sentinelTLS: {} } : {}),
      sentinelRetryStrategy: retry,
      enableOfflineQueue: false,
      lazyConnect: parsed.lazyConnect,
      retryStrategy: retry,
    });
  } else {
    client = new Redis(parsed.url!, {
      ...perConnection,
      enableOfflineQueue: false,
      lazyConnect: parsed.lazyConnect,
      retryStrategy: retry,
    });
  }
  if (options.onError) client.on('error', options.onError);
  return client;
}

/** For /readyz: true when Redis answers PING within `timeoutMs`; never throws. */
export async function pingRedis(client: RedisClient, timeoutMs = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const ping = client.ping().then(
      (reply) => reply === 'PONG',
      () => false,
    );
    return await Promise.race([ping, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves once the client is connected and ready (connecting a lazy client), or rejects with
 * StorageUnavailableError after `timeoutMs`; the client keeps trying in the background either way.
 * With the offline queue off, commands sent before "ready" fail, so call this at start-up.
 */
export async function waitForRedisReady(client: RedisClient, timeoutMs = 5000): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const onReady = () => {
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new StorageUnavailableError('connect', undefined, new Error(`not ready after ${timeoutMs} ms (status "${client.status}")`)));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      client.off('ready', onReady);
    };
    client.on('ready', onReady);
    if (client.status === 'wait') client.connect().catch(() => {});
  });
}
