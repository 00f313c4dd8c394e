import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logging/logger.js';
import { requestIdOf } from './requestIds.js';

/**
 * Every request the server turns away for the caller's own reasons (bad body, bad token, too many
 * requests, unknown upgrade...) is answered here: a short JSON error, and one JSON log line at info
 * level with no stack trace. A stack trace is for our faults; these are not ours.
 */

export interface Refusal {
  status: number;
  /** What the caller reads in `{ error }`. */
  message: string;
  /** What the log says (the module that refused and why); never personal data. */
  reason: string;
  /** Seconds the caller should wait (429, 503): sent as Retry-After. */
  retryAfterSeconds?: number;
  /** Close the connection after answering (the body was not read, e.g. a multipart upload). */
  close?: boolean;
}

/** The client's address as the socket sees it (a proxy's forwarded header is for the caller to trust). */
export const socketAddress = (req: IncomingMessage): string => req.socket?.remoteAddress ?? 'unknown';

/** The path of a request, without its query (which may carry a token). */
export const pathOf = (req: IncomingMessage): string => (req.url ?? '/').split('?')[0] ?? '/';

const logged = new WeakSet<IncomingMessage>();

/** Has this request's refusal been logged already (by refuse)? The server's catch-all logs the rest once. */
export const refusalLogged = (req: IncomingMessage): boolean => logged.has(req);

/** The one log line of a refused request. */
export function logRefusal(logger: Logger, req: IncomingMessage, refusal: Pick<Refusal, 'status' | 'reason'>, address?: string): void {
  if (logged.has(req)) return;
  logged.add(req);
  logger.info(
    { refused: refusal.status, requestId: requestIdOf(req), method: req.method, path: pathOf(req), address: address ?? socketAddress(req), reason: refusal.reason },
    'request refused',
  );
}

/** Answers and logs a refusal; a response already under way is left alone. */
export function refuse(logger: Logger, req: IncomingMessage, res: ServerResponse, refusal: Refusal, address?: string): void {
  logRefusal(logger, req, refusal, address);
  if (res.headersSent) return;
  const body = JSON.stringify({ error: refusal.message, ...(refusal.retryAfterSeconds ? { retryAfterSeconds: refusal.retryAfterSeconds } : {}) });
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    'X-Request-Id': requestIdOf(req),
  };
  if (refusal.retryAfterSeconds) headers['Retry-After'] = String(Math.max(1, Math.ceil(refusal.retryAfterSeconds)));
  if (refusal.close) headers.Connection = 'close';
  res.writeHead(refusal.status, headers);
  res.end(body);
  // An unread body is not worth reading: the socket goes once the answer is out.
  if (refusal.close) res.once('finish', () => req.destroy());
}
