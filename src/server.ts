import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from './logging/logger.js';
import { isTurnBusy, type TurnBusyError } from './storage/turnGate.js';

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
  mount?: Array<(server: Server) => void>;
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

/**
 * What CloudAdapter.process writes (status, headers, body), kept to be written later. It only ever
 * calls status, header, send and end on the response it is given.
 */
function recordingResponse() {
  let status = 200;
  const headers: Array<[string, string]> = [];
  let body: unknown;
  const response = {
    socket: undefined,
    status: (code: number) => void (status = code),
    header: (name: string, value: unknown) => void headers.push([name, String(value)]),
    send: (value: unknown) => void (body = value),
    end: () => undefined,
  };
  return {
    response,
    replay(res: Response): void {
      for (const [name, value] of headers) res.header(name, value);
      res.status(status);
      if (body !== undefined) res.send(body);
      res.end();
    },
  };
}

export function createServer(deps: ServerDeps): BotServer {
  const { adapter, onTurn, readiness, logger } = deps;
  const server = restify.createServer({ name: 'candidate-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
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
      // The adapter answers 200 once the logic returns (and its onTurnError apologises for an
      // error). A conversation whose lock stayed taken must instead answer 503 + Retry-After, so the
      // channel redelivers the activity: the adapter writes to a recorder, replayed unless busy.
      let busy: TurnBusyError | undefined;
      const recorded = recordingResponse();
      await adapter.process(req, recorded.response, async (context) => {
        try {
          await onTurn(context);
        } catch (error) {
          if (!isTurnBusy(error)) throw error;
          busy = error;
        }
      });
      if (busy) {
        logger.warn({ activityId: parsed.data.id, retryAfterSeconds: busy.retryAfterSeconds }, 'conversation busy; asked the channel to redeliver');
        res.header('Retry-After', String(busy.retryAfterSeconds));
        sendError(res, 503, 'conversation is busy; retry after the Retry-After delay');
      } else recorded.replay(res);
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

  for (const mount of deps.mount ?? []) mount(server);

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
