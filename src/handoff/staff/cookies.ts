/**
 * The staff console's session cookie: HttpOnly (page scripts cannot read it), SameSite=Strict (no
 * other site's page can send it), scoped to `/staff`, and Secure whenever the console is served over
 * HTTPS.
 */

/** Name of the session cookie. */
export const STAFF_SESSION_COOKIE = 'staff_session';

/** Path the cookie is sent to: the console and its API. */
export const STAFF_COOKIE_PATH = '/staff';

/** Characters allowed in a cookie value without quoting (RFC 6265 cookie-octet). */
const COOKIE_VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/;

const attributes = (secure: boolean) => `Path=${STAFF_COOKIE_PATH}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;

/**
 * The Set-Cookie value that starts a session.
 *
 * @param token - The session token (from `StaffSessions.create`).
 * @param options.secure - Add `Secure` (always, unless serving plain HTTP in development).
 * @param options.maxAgeSeconds - Cookie lifetime; use the session's absolute lifetime (rounded down).
 * @throws TypeError when the token has characters a cookie cannot carry, or the age is negative.
 */
export function sessionCookie(token: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  if (typeof token !== 'string' || !COOKIE_VALUE.test(token)) throw new TypeError('cookies: the session token is not a valid cookie value');
  const maxAge = Math.floor(options.maxAgeSeconds);
  if (!Number.isFinite(maxAge) || maxAge < 0) throw new TypeError(`cookies: maxAgeSeconds must be zero or more (got ${options.maxAgeSeconds})`);
  return `${STAFF_SESSION_COOKIE}=${token}; Max-Age=${maxAge}; ${attributes(options.secure)}`;
}

/** The Set-Cookie value that removes the session cookie (on sign-out or an ended session). */
export function clearSessionCookie(secure: boolean): string {
  return `${STAFF_SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${attributes(secure)}`;
}

/**
 * The value of the first cookie called `name` in a Cookie request header, or undefined. Tolerates
 * whatever a client sends: missing header, stray separators and spaces, pairs without `=`, quoted
 * values, bad percent-escapes (the raw value is returned).
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (typeof header !== 'string' || header === '') return undefined;
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0 || pair.slice(0, equals).trim() !== name) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!value.includes('%')) return value;
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
