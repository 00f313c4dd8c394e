// @ts-check
/** The one place the console calls the staff API: JSON, the session cookie, the CSRF header. */

export const API = '/staff/api';

/** @type {Record<string, string>} */
const FALLBACK = {
  'not-signed-in': 'Your session has ended. Please sign in again.',
  csrf: 'The page is out of date. Reload it and try again.',
  forbidden: 'You are not allowed to do that.',
  'not-found': 'That conversation no longer exists.',
  conflict: 'Someone else has already taken this conversation.',
  'invalid-request': 'The request was not accepted.',
  invalid: 'That cannot be done.',
  'delivery-failed': 'The message did not reach the candidate.',
  network: 'The server could not be reached. Check your connection and try again.',
  'page-fault': 'Something went wrong in the page. Reload it and try again.'
};

/** A refused or failed API call: the HTTP status (0: no answer), the error code and the body. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {unknown} body
   */
  constructor(status, body) {
    /** @type {Record<string, any>} */
    const data = body && typeof body === 'object' ? /** @type {Record<string, any>} */ (body) : {};
    const fromServer = typeof data.message === 'string' && data.message.length > 0;
    super(fromServer ? data.message : '');
    this.name = 'ApiError';
    this.status = status;
    /** @type {string} */
    this.code = typeof data.error === 'string' ? data.error : (status === 0 ? 'network' : 'http-' + status);
    this.fromServer = fromServer;
    this.body = data;
    /** @type {number | undefined} */
    this.retryAfter = undefined;
  }
}

/**
 * What a failure means, for people.
 * @param {unknown} err
 */
export function errorText(err) {
  if (err instanceof ApiError) {
    if (err.message && err.fromServer) return err.message;
    const fallback = FALLBACK[err.code];
    if (fallback) return fallback;
    if (err.status) return 'Something went wrong (' + err.status + '). Please try again.';
  }
  return 'Something went wrong. Please try again.';
}

/** The HTTP status of a failure (0 when it is no API error). @param {unknown} err */
export const statusOf = (err) => (err instanceof ApiError ? err.status : 0);

const session = {
  /** @type {string | null} */
  csrf: null,
  /** Called on a 401 from any call but sign-in and the session check. @type {() => void} */
  onSignedOut: () => {}
};

/** @param {string | null} token */
export function setCsrf(token) { session.csrf = token; }
/** @param {() => void} handler */
export function onSignedOut(handler) { session.onSignedOut = handler; }

/**
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>} the JSON answer (the API's shapes are in docs/staff-api.md)
 */
export async function api(method, path, body) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  /** @type {RequestInit} */
  const init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (session.csrf) headers['X-CSRF-Token'] = session.csrf;
    init.body = JSON.stringify(body || {});
  }
  let response;
  try {
    response = await fetch(API + path, init);
  } catch {
    throw new ApiError(0, null);
  }
  let data = null;
  if (response.status !== 204) {
    try { data = await response.json(); } catch { data = null; }
  }
  if (!response.ok) {
    const err = new ApiError(response.status, data);
    err.retryAfter = Number(response.headers.get('Retry-After')) || undefined;
    if (response.status === 401 && path !== '/login' && path !== '/session') session.onSignedOut();
    throw err;
  }
  return data;
}

/**
 * @param {string} id
 * @param {string} [action]
 */
export function casePath(id, action) {
  return '/cases/' + encodeURIComponent(id) + (action ? '/' + action : '');
}

/**
 * A caught failure as an ApiError; anything else is a fault in the page itself, logged for
 * whoever debugs it and shown to the user as "something went wrong".
 * @param {unknown} caught
 */
export function asApiError(caught) {
  if (caught instanceof ApiError) return caught;
  console.error('staff console:', caught);
  return new ApiError(-1, { error: 'page-fault' });
}
