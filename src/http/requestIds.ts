import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Each request's id, for its log lines and the `X-Request-Id` response header. A proxy's own id
 * (nginx's `$request_id`, passed as X-Request-Id) is kept when it is a plain token, so one id
 * follows the request through both logs; anything else gets a fresh UUID.
 */
const ids = new WeakMap<IncomingMessage, string>();
const PLAIN = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: IncomingMessage): string {
  let id = ids.get(req);
  if (!id) {
    const given = req.headers['x-request-id'];
    id = typeof given === 'string' && PLAIN.test(given) ? given : randomUUID();
    ids.set(req, id);
  }
  return id;
}
