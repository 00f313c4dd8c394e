// The account settings, as zod fields to spread into src/config.ts's configSchema (which stays
// the only reader of process.env), the cross-field rules to add to its problem list, and the
// factory that turns parsed settings into an AccountService and a web-identity verifier.

import path from 'node:path';
import { z } from 'zod';
import { emptyToUndefined, optionalString, present, wholeNumber, type RawEnv } from '../configFields.js';
import { DEMO_ACCOUNTS_FILE, DemoAccountService } from './demoAccountService.js';
import { HttpAccountService, httpAccountDefaults, type AccountClientEvent } from './httpAccountService.js';
import type { AccountService } from './types.js';
import { createWebIdentityVerifier, type WebIdentityVerifier } from './webIdentity.js';

const httpUrl = z.preprocess(
  emptyToUndefined,
  z.string().regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL').optional(),
);

export const accountConfigFields = {
  /** Candidate-account API base URL. Unset: the embedded demo accounts answer. */
  ACCOUNT_API_URL: httpUrl,
  /** Sent as X-Api-Key; required with ACCOUNT_API_URL. */
  ACCOUNT_API_KEY: optionalString,
  ACCOUNT_API_TIMEOUT_MS: wholeNumber(100, 30_000, httpAccountDefaults.timeoutMs),
  ACCOUNT_API_MAX_ATTEMPTS: wholeNumber(1, 5, httpAccountDefaults.maxAttempts),
  ACCOUNT_API_RETRY_BASE_MS: wholeNumber(0, 10_000, httpAccountDefaults.retryBaseDelayMs),
  ACCOUNT_API_DEADLINE_MS: wholeNumber(500, 60_000, httpAccountDefaults.deadlineMs),
  ACCOUNT_API_BREAKER_THRESHOLD: wholeNumber(1, 100, httpAccountDefaults.breakerFailureThreshold),
  ACCOUNT_API_BREAKER_COOLDOWN_MS: wholeNumber(1000, 600_000, httpAccountDefaults.breakerCoolDownMs),
  /** Demo data file; default <KNOWLEDGE_DIR>/demo-accounts.yaml. */
  ACCOUNT_DEMO_FILE: optionalString,
  WEB_IDENTITY_JWKS_URL: httpUrl,
  /** SPKI PEM; '\n' escapes are accepted for one-line environments. */
  WEB_IDENTITY_PUBLIC_KEY: optionalString,
  WEB_IDENTITY_SECRET: optionalString,
  WEB_IDENTITY_ISSUER: optionalString,
  WEB_IDENTITY_AUDIENCE: optionalString,
};

export type AccountConfig = z.output<z.ZodObject<typeof accountConfigFields>>;


/** Rules across variables, in src/config.ts's `{ name, message }` form. */
export function accountConfigProblems(env: RawEnv): Array<{ name: string; message: string }> {
  const problems: Array<{ name: string; message: string }> = [];
  if (present(env, 'ACCOUNT_API_URL') && !present(env, 'ACCOUNT_API_KEY')) {
    problems.push({ name: 'ACCOUNT_API_KEY', message: 'is required with ACCOUNT_API_URL' });
  }
  if ((env.NODE_ENV ?? '').trim() === 'production' && /^http:\/\//i.test((env.ACCOUNT_API_URL ?? '').trim())) {
    problems.push({ name: 'ACCOUNT_API_URL', message: 'must be https:// when NODE_ENV=production (it carries the API key)' });
  }
  const keys = ['WEB_IDENTITY_JWKS_URL', 'WEB_IDENTITY_PUBLIC_KEY', 'WEB_IDENTITY_SECRET'].filter((n) => present(env, n));
  if (keys.length > 1) problems.push({ name: keys.join('+'), message: 'choose one way to check web identity tokens' });
  const anyWeb = keys.length > 0 || present(env, 'WEB_IDENTITY_ISSUER') || present(env, 'WEB_IDENTITY_AUDIENCE');
  if (anyWeb) {
    if (keys.length === 0) {
      problems.push({ name: 'WEB_IDENTITY_JWKS_URL', message: 'or WEB_IDENTITY_PUBLIC_KEY or WEB_IDENTITY_SECRET is required with WEB_IDENTITY_ISSUER/AUDIENCE' });
    }
    for (const name of ['WEB_IDENTITY_ISSUER', 'WEB_IDENTITY_AUDIENCE']) {
      if (!present(env, name)) problems.push({ name, message: 'is required to check web identity tokens' });
    }
  }
  if (present(env, 'WEB_IDENTITY_SECRET') && Buffer.byteLength((env.WEB_IDENTITY_SECRET ?? '').trim()) < 32) {
    problems.push({ name: 'WEB_IDENTITY_SECRET', message: 'must be at least 32 bytes' });
  }
  return problems;
}

/** Structural subset of the pino logger. */
export interface AccountLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Client events as log lines: no candidate id, no key, no personal data. */
export function logAccountEvents(logger: AccountLogger): (event: AccountClientEvent) => void {
  return (event) => {
    if (event.type === 'circuit') {
      const line = { account: { circuit: event.to, from: event.from } };
      if (event.to === 'closed') logger.info(line, 'account API reachable again');
      else logger.warn(line, `account API circuit ${event.to}`);
    } else if (event.type === 'attempt-failed') {
      logger.warn({ account: { ...event } }, 'account API attempt failed');
    } else {
      logger.warn({ account: { ...event } }, 'account API unavailable');
    }
  };
}

export interface AccountServiceDeps {
  clock: () => Date;
  logger?: AccountLogger;
  /** From knowledge/policy.yaml, for the demo source's derived expiry dates and cancel cut-off. */
  policy?: { validityYears: { value: number }; changeCutoffHours: { value: number } };
}

/** The HTTP client when ACCOUNT_API_URL is set, else the demo source (file read and checked now). */
export async function createAccountService(
  config: AccountConfig & { KNOWLEDGE_DIR: string },
  deps: AccountServiceDeps,
): Promise<AccountService> {
  if (config.ACCOUNT_API_URL) {
    return new HttpAccountService({
      baseUrl: config.ACCOUNT_API_URL,
      apiKey: config.ACCOUNT_API_KEY ?? '',
      timeoutMs: config.ACCOUNT_API_TIMEOUT_MS,
      maxAttempts: config.ACCOUNT_API_MAX_ATTEMPTS,
      retryBaseDelayMs: config.ACCOUNT_API_RETRY_BASE_MS,
      deadlineMs: config.ACCOUNT_API_DEADLINE_MS,
      breakerFailureThreshold: config.ACCOUNT_API_BREAKER_THRESHOLD,
      breakerCoolDownMs: config.ACCOUNT_API_BREAKER_COOLDOWN_MS,
      ...(deps.logger ? { onEvent: logAccountEvents(deps.logger) } : {}),
    });
  }
  const file = config.ACCOUNT_DEMO_FILE ?? path.join(config.KNOWLEDGE_DIR, DEMO_ACCOUNTS_FILE);
  const demo = await DemoAccountService.fromFile(file, {
    clock: deps.clock,
    validityYears: deps.policy?.validityYears.value,
    changeCutoffHours: deps.policy?.changeCutoffHours.value,
  });
  deps.logger?.info(
    { account: { source: 'demo', file, candidates: demo.candidates.map((c) => c.aseId) } },
    'account: no ACCOUNT_API_URL, using the fictional demo accounts',
  );
  return demo;
}

/** The website's token verifier, or undefined when web identity is not configured. */
export function createWebIdentityFromConfig(config: AccountConfig): WebIdentityVerifier | undefined {
  const { WEB_IDENTITY_ISSUER: issuer, WEB_IDENTITY_AUDIENCE: audience } = config;
  if (!issuer || !audience) return undefined;
  return createWebIdentityVerifier({
    issuer,
    audience,
    ...(config.WEB_IDENTITY_JWKS_URL ? { jwksUrl: config.WEB_IDENTITY_JWKS_URL } : {}),
    ...(config.WEB_IDENTITY_PUBLIC_KEY ? { publicKey: config.WEB_IDENTITY_PUBLIC_KEY.replace(/\\n/g, '\n') } : {}),
    ...(config.WEB_IDENTITY_SECRET ? { secret: config.WEB_IDENTITY_SECRET } : {}),
  });
}
