import { isIPv4, isIPv6 } from 'node:net';
import { z } from 'zod';
import { emptyToUndefined } from '../configFields.js';

/**
 * Where replies may go when the bot has no app id (development: nothing proves that an activity
 * came from a channel, so its `serviceUrl` is whatever the caller wrote, and the bot would POST its
 * replies there, to internal services included). Then only loopback and the hosts in
 * DEV_SERVICE_URL_ALLOW are answered; any other activity is refused 403 before its turn runs. With
 * an app id the SDK checks that the token's `serviceurl` claim is the activity's, and this is off.
 */

export const serviceUrlConfigFields = {
  /** Comma-separated hostnames (or host:port) a bot without an app id may send replies to, besides loopback. */
  DEV_SERVICE_URL_ALLOW: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[\w.-]+(?::\d{1,5})?(?:\s*,\s*[\w.-]+(?::\d{1,5})?)*$/, 'must be host[:port][,host[:port]...]')
      .optional()
      .transform((text) => (text ? text.split(',').map((host) => host.trim().toLowerCase()) : [])),
  ),
};

const isLoopback = (host: string): boolean => {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (isIPv6(bare)) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
};

/** Verdicts for the service URLs seen lately, per allow list: a channel sends the same one on every activity. */
const verdicts = new WeakMap<readonly string[], Map<string, boolean>>();
const REMEMBERED_URLS = 200;

/** May a bot without an app id send replies to this serviceUrl? */
export function serviceUrlAllowed(serviceUrl: unknown, allow: readonly string[]): boolean {
  if (typeof serviceUrl !== 'string') return false;
  let known = verdicts.get(allow);
  if (!known) verdicts.set(allow, (known = new Map()));
  let verdict = known.get(serviceUrl);
  if (verdict === undefined) {
    verdict = judge(serviceUrl, allow);
    if (known.size >= REMEMBERED_URLS) known.clear();
    known.set(serviceUrl, verdict);
  }
  return verdict;
}

function judge(serviceUrl: string, allow: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return isLoopback(host) || allow.includes(host) || allow.includes(url.host.toLowerCase());
}
