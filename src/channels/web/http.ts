import type { Request, Response } from 'restify';
import type { z } from 'zod';
import type { Logger } from '../../logging/logger.js';
import { isStoreUnavailable } from '../../storage/storageErrors.js';
import { ConversationNotFoundError } from './directLineStore.js';
import { requestIdOf } from '../../http/requestIds.js';

export const sendError = (res: Response, status: number, message: string): void => {
  res.status(status);
  res.header('Cache-Control', 'no-store');
  res.json({ error: message });
};

/** `path: message; ...` for every zod issue, so a 400 says exactly what was wrong. */
export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');

/**
 * A restify handler that never lets an exception escape (restify 11 would take the process down, and
 * refuses async handlers that also take `next`): unknown conversations are 404, a store that cannot
 * be reached is 503, anything else 500 and logged.
 */
export function guarded(logger: Logger, name: string, handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (error) {
      if (res.headersSent) {
        logger.warn({ err: error, route: name, requestId: requestIdOf(req) }, 'request failed after the response was sent');
      } else if (error instanceof ConversationNotFoundError) {
        sendError(res, 404, 'conversation not found');
      } else if (isStoreUnavailable(error)) {
        logger.warn({ route: name, requestId: requestIdOf(req), reason: (error as Error).message }, 'store unavailable');
        sendError(res, 503, 'storage is unavailable; try again shortly');
      } else {
        logger.error({ err: error, route: name, requestId: requestIdOf(req) }, 'request failed');
        sendError(res, 500, 'internal error');
      }
    }
  };
}

/** The query string of a request as URLSearchParams (the server mounts no query parser). */
export const queryOf = (req: Request): URLSearchParams => new URL(req.url ?? '/', 'http://localhost').searchParams;

/**
 * Answers 304 Not Modified, with the headers given, when the request's If-None-Match names the
 * asset's ETag (weak or strong); says whether it did, so the caller sends the body only when not.
 */
export function answeredNotModified(req: Request, res: Response, headers: Record<string, string>, etag: string): boolean {
  const match = req.headers['if-none-match'];
  if (!match || !match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return false;
  res.writeHead(304, headers);
  res.end();
  return true;
}

/** The bearer token of a request, or undefined. */
export const bearerToken = (header: string | undefined): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
