import type { Next, Request, Response } from 'restify';
import type { Logger } from '../logging/logger.js';
import { pathOf, refuse } from './refusals.js';

/**
 * The server's only body reader (in place of restify's bodyParser, whose multipart branch hands the
 * body to formidable 1.x, which writes every upload to the temp directory, ignores the size limit
 * and never deletes the file). A body is read into memory up to `maxBytes` and parsed only when its
 * media type is one the route takes; anything else is 415 before a byte is read, and the connection
 * is closed so the unread upload goes nowhere. Nothing is ever written to disk.
 */

export type BodyKind = 'json' | 'form';

/** Which routes take which bodies. A route not named takes JSON only. */
export const ROUTE_BODIES: ReadonlyArray<{ path: string; accepts: readonly BodyKind[]; why: string }> = [
  {
    path: '/api/sms/twilio',
    accepts: ['form'],
    why: 'Twilio posts application/x-www-form-urlencoded and signs the form fields; the raw text is kept for the signature.',
  },
];

const DEFAULT_ACCEPTS: readonly BodyKind[] = ['json'];

/** application/json and the structured +json types (application/activity+json...). */
const jsonType = /^application\/(?:[\w.-]+\+)?json$/;
const formType = 'application/x-www-form-urlencoded';

const kindOf = (contentType: string): BodyKind | undefined =>
  jsonType.test(contentType) ? 'json' : contentType === formType ? 'form' : undefined;

export interface BodyOptions {
  logger: Logger;
  /** Largest body read, in bytes; a longer one is 413. */
  maxBytes: number;
  /** Extra rows for tests; the shipped table is ROUTE_BODIES. */
  routes?: ReadonlyArray<{ path: string; accepts: readonly BodyKind[] }>;
}

/** Does the request say it has a body? (No Content-Length and no Transfer-Encoding: none, as in HTTP/1.1.) */
const hasBody = (req: Request): boolean => {
  const length = req.headers['content-length'];
  if (length !== undefined) return length.trim() !== '0';
  return req.headers['transfer-encoding'] !== undefined;
};

/** A restify `use` handler: sets req.body (parsed) and req.rawBody (the text) or answers 400/413/415. */
export function readBodies(options: BodyOptions) {
  const { logger, maxBytes } = options;
  const table = [...(options.routes ?? []), ...ROUTE_BODIES];
  return function readBody(req: Request, res: Response, next: Next): void {
    if (!hasBody(req)) return next();
    const path = pathOf(req);
    const accepts = table.find((row) => row.path === path)?.accepts ?? DEFAULT_ACCEPTS;
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const kind = kindOf(contentType);
    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (!kind || !accepts.includes(kind) || encoding !== 'identity') {
      const wanted = accepts.map((k) => (k === 'json' ? 'application/json' : formType)).join(' or ');
      refuse(logger, req, res, {
        status: 415,
        message: `this route takes ${wanted}${encoding !== 'identity' ? ' without Content-Encoding' : ''}`,
        reason: `http.bodies: unsupported body "${contentType || '(no type)'}"${encoding !== 'identity' ? ` encoded "${encoding}"` : ''}`,
        close: true,
      });
      return next(false);
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      refuse(logger, req, res, { status: 413, message: `the body may be at most ${maxBytes} bytes`, reason: `http.bodies: declared ${declared} bytes`, close: true });
      return next(false);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error?: { status: number; message: string; reason: string }) => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      if (error) {
        refuse(logger, req, res, { ...error, close: true });
        return next(false);
      }
      const text = Buffer.concat(chunks).toString('utf8');
      (req as Request & { rawBody?: string }).rawBody = text;
      if (kind === 'form') {
        req.body = Object.fromEntries(new URLSearchParams(text));
        return next();
      }
      try {
        req.body = text.trim() === '' ? undefined : JSON.parse(text);
      } catch (parseError) {
        refuse(logger, req, res, { status: 400, message: `the body is not valid JSON (${(parseError as Error).message})`, reason: 'http.bodies: invalid JSON' });
        return next(false);
      }
      next();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish({ status: 413, message: `the body may be at most ${maxBytes} bytes`, reason: `http.bodies: more than ${maxBytes} bytes sent` });
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish());
    req.once('error', () => {
      // The client went away mid-body: nobody to answer.
      done = true;
      req.removeListener('data', onData);
      next(false);
    });
  };
}
