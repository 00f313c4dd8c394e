import type { IncomingMessage } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { z } from 'zod';
import { emptyToUndefined, flag } from '../configFields.js';
import type { Logger } from '../logging/logger.js';

/**
 * Request rate limits (rate-limiter-flexible): counted in memory by default, in Redis when the
 * composition root passes a client (REDIS_URL), so all instances share the counts. A Redis that
 * cannot be reached falls back to this process's memory counts rather than refusing everyone.
 * Each limit is a row of RATE_LIMITS; its size comes from the environment as `<count>/<seconds>`.
 */

export type RateLimitName = 'directlineTokens' | 'directlineConversations' | 'messages';

export const RATE_LIMITS: ReadonlyArray<{ name: RateLimitName; env: string; per: string; fallback: string; why: string }> = [
  {
    name: 'directlineTokens',
    env: 'RATE_LIMIT_DIRECTLINE_TOKENS',
    per: 'client address',
    fallback: '60/60',
    why: 'POST /api/directline/token: each token opens a conversation; one page load takes one.',
  },
  {
    name: 'directlineConversations',
    env: 'RATE_LIMIT_DIRECTLINE_CONVERSATIONS',
    per: 'client address',
    fallback: '60/60',
    why: 'POST /v3/directline/conversations: each start stores a conversation and runs a turn.',
  },
  {
    name: 'messages',
    env: 'RATE_LIMIT_MESSAGES',
    per: 'conversation',
    fallback: '30/60',
    why: 'Messages into one conversation (Direct Line posts, /api/messages, an SMS sender): each runs a turn.',
  },
];

const limitText = (fallback: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{1,7}\/\d{1,7}$/, 'must be <count>/<seconds>, e.g. 20/60')
      .default(fallback)
      .transform((text) => {
        const [points, seconds] = text.split('/').map(Number) as [number, number];
        return { points, seconds };
      })
      .refine((limit) => limit.points >= 1 && limit.seconds >= 1, { message: 'count and seconds must be at least 1' }),
  );

const fallbackOf = (env: string) => RATE_LIMITS.find((row) => row.env === env)!.fallback;

export const rateLimitConfigFields = {
  RATE_LIMIT_DIRECTLINE_TOKENS: limitText(fallbackOf('RATE_LIMIT_DIRECTLINE_TOKENS')),
  RATE_LIMIT_DIRECTLINE_CONVERSATIONS: limitText(fallbackOf('RATE_LIMIT_DIRECTLINE_CONVERSATIONS')),
  RATE_LIMIT_MESSAGES: limitText(fallbackOf('RATE_LIMIT_MESSAGES')),
  /** Behind a proxy (the shipped nginx), the client is the last X-Forwarded-For entry, not the proxy. */
  TRUST_PROXY: flag('false'),
};

export type RateLimitSettings = { [K in keyof typeof rateLimitConfigFields]: z.infer<(typeof rateLimitConfigFields)[K]> };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimits {
  /** Counts one request against `key` under a limit; over the limit, how long to wait. */
  take(name: RateLimitName, key: string): Promise<RateDecision>;
  /** The client address of a request, by this deployment's proxy setting, as a limit key (IPv6 by /64). */
  clientOf(req: IncomingMessage): string;
}

export interface RateLimitBackend {
  /** An ioredis client (REDIS_URL); without one, counts are per process. */
  redis?: unknown;
  /** Key prefix in Redis. */
  prefix?: string;
  logger: Logger;
}

export function createRateLimits(settings: RateLimitSettings, backend: RateLimitBackend): RateLimits {
  const limiters = new Map<RateLimitName, RateLimiterAbstract>();
  for (const row of RATE_LIMITS) {
    const { points, seconds } = settings[row.env as keyof RateLimitSettings] as { points: number; seconds: number };
    const memory = new RateLimiterMemory({ points, duration: seconds, keyPrefix: row.name });
    limiters.set(
      row.name,
      backend.redis
        ? new RateLimiterRedis({ storeClient: backend.redis, points, duration: seconds, keyPrefix: `${backend.prefix ?? ''}rate:${row.name}`, insuranceLimiter: memory })
        : memory,
    );
  }
  return {
    async take(name, key) {
      try {
        await limiters.get(name)!.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        // Neither Redis nor the insurance limiter answered: let the request through, and say so.
        backend.logger.warn({ limit: name, reason: (rejection as Error)?.message }, 'rate limit could not be checked');
        return { allowed: true };
      }
    },
    clientOf: (req) => addressBucket(clientAddress(req, settings.TRUST_PROXY)),
  };
}

/** The client's address: the socket's, or behind a trusted proxy the entry the proxy appended (the last). */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') return forwarded.split(',').at(-1)?.trim() || req.socket?.remoteAddress;
  return req.socket?.remoteAddress;
}

/** IPv4 as is (IPv4-mapped IPv6 too), IPv6 by its /64 (one subscriber holds a whole /64), else `unknown`. */
export function addressBucket(ip: string | undefined): string {
  let address = (ip ?? '').trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address)?.[1];
  if (mapped) address = mapped;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return 'unknown';
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}
