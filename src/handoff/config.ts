// The handoff and staff-console settings, as zod fields spread into src/config.ts's configSchema
// (still the only reader of process.env), and the cross-field rules for its problem list.

import { z } from 'zod';
import { emptyToUndefined, flag, isIanaZone, optionalString, present, wholeNumber, type RawEnv } from '../configFields.js';
import { parseSupportHours } from './supportHours.js';

export const handoffConfigFields = {
  /** console: the built-in staff console; external: Bot Framework handoff events to a contact centre; off: a phone number. */
  HANDOFF_MODE: z.preprocess(emptyToUndefined, z.enum(['console', 'external', 'off']).default('console')),
  /** "Mon-Fri 08:00-20:00; Sat 09:00-13:00"; unset or "24/7": always staffed. */
  SUPPORT_HOURS: optionalString,
  /** Zone of SUPPORT_HOURS and SUPPORT_HOLIDAYS; default DEFAULT_TIMEZONE. */
  SUPPORT_TIMEZONE: optionalString,
  /** Closed all day: "2026-12-25,2027-01-01". */
  SUPPORT_HOLIDAYS: optionalString,
  /** Minutes per case ahead in the queue, until there are claimed cases to measure. */
  HANDOFF_MINUTES_PER_CASE: wholeNumber(1, 240, 5),
  /** Longest a staff message's delivery may take before the agent is told it did not arrive (it may later). */
  HANDOFF_DELIVERY_TIMEOUT_MS: wholeNumber(1000, 15_000, 8000),
  /** Closed cases, transcripts and the audit log are deleted after this many days. */
  HANDOFF_RETENTION_DAYS: wholeNumber(1, 3650, 30),
  /** YAML or JSON list of { username, name, role, passwordHash } (hash with `npm run staff:hash`). */
  STAFF_ACCOUNTS_FILE: optionalString,
  /** The same list as a JSON string, for platforms that only take variables. */
  STAFF_ACCOUNTS: optionalString,
  /** Development only: demo staff agent1, agent2 and supervisor sign in with this password. */
  STAFF_DEMO_PASSWORD: optionalString,
  STAFF_SESSION_IDLE_MINUTES: wholeNumber(5, 24 * 60, 8 * 60),
  STAFF_SESSION_MAX_HOURS: wholeNumber(1, 7 * 24, 12),
  /** Secure cookies need HTTPS (browsers accept them on http://localhost too). */
  STAFF_COOKIE_SECURE: flag('true'),
  /** Behind a proxy that sets X-Forwarded-For (deploy/nginx.conf does): rate-limit sign-ins by the client's address. */
  STAFF_TRUST_PROXY: flag('false'),
  /** Wrong passwords per client address and username before that address must wait (docs/security.md). */
  STAFF_LOGIN_MAX_FAILURES_PER_ADDRESS_USER: wholeNumber(1, 100, 5),
  /** Wrong passwords per username from all addresses together before everyone must wait: ten addresses' worth. */
  STAFF_LOGIN_MAX_FAILURES_PER_USER: wholeNumber(1, 100, 50),
  /** The sliding window both counts are kept over. */
  STAFF_LOGIN_WINDOW_MINUTES: wholeNumber(1, 24 * 60, 15),
  /**
   * Editors' taught phrasings also written into the knowledge files (KNOWLEDGE_DIR): auto = in
   * development with memory storage (one instance, a working copy of the files); with several
   * instances or a read-only image, `npm run kb:taught -- --write` writes them from the store.
   */
  KNOWLEDGE_WRITE_FILES: z.preprocess(emptyToUndefined, z.enum(['auto', 'true', 'false']).default('auto')),
};

/** Does this instance write editors' taught phrasings into the knowledge files? */
export function writesKnowledgeFiles(config: { KNOWLEDGE_WRITE_FILES: 'auto' | 'true' | 'false'; NODE_ENV: string; REDIS_URL?: string | undefined; REDIS_CLUSTER_NODES?: string | undefined; REDIS_SENTINELS?: string | undefined }): boolean {
  if (config.KNOWLEDGE_WRITE_FILES !== 'auto') return config.KNOWLEDGE_WRITE_FILES === 'true';
  return config.NODE_ENV === 'development' && !config.REDIS_URL && !config.REDIS_CLUSTER_NODES && !config.REDIS_SENTINELS;
}

export type HandoffConfig = z.output<z.ZodObject<typeof handoffConfigFields>>;

export function handoffConfigProblems(env: RawEnv): Array<{ name: string; message: string }> {
  const problems: Array<{ name: string; message: string }> = [];
  const production = (env.NODE_ENV ?? '').trim() === 'production';
  if (present(env, 'STAFF_ACCOUNTS_FILE') && present(env, 'STAFF_ACCOUNTS')) {
    problems.push({ name: 'STAFF_ACCOUNTS_FILE+STAFF_ACCOUNTS', message: 'choose one source of staff accounts' });
  }
  // STAFF_DEMO_PASSWORD in production is refused with the other demo settings (src/productionChecks.ts).
  if (production && (env.STAFF_COOKIE_SECURE ?? '').trim() === 'false') {
    problems.push({ name: 'STAFF_COOKIE_SECURE', message: 'must stay true when NODE_ENV=production' });
  }
  const zone = env.SUPPORT_TIMEZONE?.trim() || env.DEFAULT_TIMEZONE?.trim() || 'America/New_York';
  const zoneKnown = present(env, 'SUPPORT_TIMEZONE') || isIanaZone(zone);
  // A bad DEFAULT_TIMEZONE is reported on its own; support hours are checked once there is a zone.
  if (!zoneKnown) return problems;
  try {
    parseSupportHours({
      hours: env.SUPPORT_HOURS?.trim() || undefined,
      zone,
      holidays: env.SUPPORT_HOLIDAYS?.trim() || undefined,
    });
  } catch (error) {
    problems.push({ name: 'SUPPORT_HOURS', message: (error as Error).message });
  }
  return problems;
}
