import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from './logging/logger.js';
import { readBodies } from './http/bodies.js';
import { attachUpgrades, type UpgradeRoutes } from './http/upgrades.js';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<boolean>;
}

export interface ServerDeps {
  adapter: CloudAdapter;
  onTurn: (context: TurnContext) => Promise<void>;
  readiness: ReadinessCheck[];
  logger: Logger;
  /** Extra routes (channels, staff console) mounted by the composition root. */
  mount?: Array<(server: Server, edge: ServerEdge) => void>;
}

/** What a mounted channel may add to the server besides restify routes. */
export interface ServerEdge {
  /** The server's one upgrade dispatcher: an upgrade to any path not added here is 404. */
  upgrades: UpgradeRoutes;
}

/** Just enough of an activity to be worth handing to the adapter; the adapter checks the rest. */
const activityBody = z
  .object({
    type: z.string().min(1),
    id: z.string().optional(),
    channelId: z.string().optional(),
    serviceUrl: z.string().optional(),
    conversation: z.object({ id: z.string() }).passthrough().optional(),
    from: z.object({ id: z.string() }).passthrough().optional(),
    recipient: z.object({ id: z.string() }).passthrough().optional(),
  })
  .passthrough();

export interface BotServer {
  server: Server;
  /** Stops accepting, waits for turns in flight (up to graceMs), then closes. */
  shutdown: (graceMs: number) => Promise<void>;
  inFlight: () => number;
}

export function createServer(deps: ServerDeps): BotServer {
  const { adapter, onTurn, readiness, logger } = deps;
  const server = restify.createServer({ name: 'candidate-assistant', handleUncaughtExceptions: false });
  // Our own reader, never restify's bodyParser: its multipart branch writes uploads to disk (see http/bodies.ts).
  server.use(readBodies({ logger, maxBytes: 256 * 1024 }));
  const edge: ServerEdge = { upgrades: attachUpgrades(server.server, logger) };
  let inFlight = 0;
  let draining = false;

  const sendError = (res: Response, status: number, message: string) => {
    res.status(status);
    res.json({ error: message });
  };

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (draining) return sendError(res, 503, 'server is shutting down');
    const parsed = activityBody.safeParse(req.body);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
      return sendError(res, 400, `not a Bot Framework activity (${reason})`);
    }
    inFlight++;
    try {
      await adapter.process(req, res, onTurn);
    } catch (error) {
      // The adapter's own validation throws for shapes zod above let through; that is still the caller's fault.
      logger.warn({ err: error, activityId: parsed.data.id }, 'activity rejected');
      if (!res.headersSent) sendError(res, 400, 'invalid activity');
    } finally {
      inFlight--;
    }
  });

  server.get('/healthz', (_req: Request, res: Response, next) => {
    res.json({ status: 'ok' });
    next();
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const results = await Promise.all(
      readiness.map(async ({ name, check }) => {
        try {
          return [name, await check()] as const;
        } catch {
          return [name, false] as const;
        }
      }),
    );
    const ready = !draining && results.every(([, ok]) => ok);
    res.status(ready ? 200 : 503);
    res.json({ status: ready ? 'ready' : 'not ready', draining, checks: Object.fromEntries(results) });
  });

  for (const mount of deps.mount ?? []) mount(server, edge);

  server.on('restifyError', (req: Request, res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    // Bad JSON and friends are 4xx already; anything else is logged without the request body.
    if ((error.statusCode ?? 500) >= 500) logger.error({ err: error, url: req.url }, 'request failed');
    callback();
  });

  const shutdown = async (graceMs: number): Promise<void> => {
    draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const deadline = Date.now() + graceMs;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    if (inFlight > 0) logger.warn({ inFlight }, 'shutdown grace period over with turns still running');
    server.server.closeAllConnections?.();
    await closed;
  };

  return { server, shutdown, inFlight: () => inFlight };
}
