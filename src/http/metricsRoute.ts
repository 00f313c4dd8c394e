import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { emptyToUndefined } from '../configFields.js';
import type { Logger } from '../logging/logger.js';
import { refuse } from './refusals.js';

/**
 * GET /metrics (Prometheus text format). With METRICS_TOKEN set, a scrape must send
 * `Authorization: Bearer <token>` (else 401). Unset: open in development and test, and not mounted
 * at all in production (404), so a public deployment never shows its counts by accident.
 */
export const metricsConfigFields = {
  METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
};

export interface MetricsRouteOptions {
  token?: string;
  production: boolean;
  scrape: () => Promise<string>;
  contentType: string;
  logger: Logger;
}

/** Is /metrics served with these settings? (The start-up banner says so.) */
export const metricsServed = (options: Pick<MetricsRouteOptions, 'token' | 'production'>): boolean => Boolean(options.token) || !options.production;

const digest = (text: string) => createHash('sha256').update(text).digest();

export function mountMetrics(server: Server, options: MetricsRouteOptions): void {
  if (!metricsServed(options)) return;
  const expected = options.token ? digest(options.token) : undefined;
  server.get('/metrics', async (req: Request, res: Response) => {
    if (expected) {
      const given = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      // Equal-length digests, so the comparison takes the same time whatever was sent.
      if (!given || !timingSafeEqual(digest(given), expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        return refuse(options.logger, req, res, { status: 401, message: 'metrics need the bearer token', reason: 'http.metrics: missing or wrong METRICS_TOKEN' });
      }
    }
    const body = await options.scrape();
    res.writeHead(200, { 'Content-Type': options.contentType, 'Cache-Control': 'no-store' });
    res.end(body);
  });
}
