import restify, { type Request, type Response, type Server } from 'restify';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { AuthMetadataUnavailableError, ChannelAdapter } from './bot/adapter.js';
import { z } from 'zod';
import type { Logger } from './logging/logger.js';
import { isTurnBusy, type TurnBusyError } from './storage/turnGate.js';
import { isTurnRefused, setAdmission, type TurnRefusedError } from './bot/admission.js';
import { readBodies } from './http/bodies.js';
import { attachUpgrades, type UpgradeRoutes } from './http/upgrades.js';
import { logRefusal, pathOf, refuse } from './http/refusals.js';
import { createRateLimits, rateLimitConfigFields, type RateLimits } from './http/rateLimits.js';
import { serviceUrlAllowed } from './http/serviceUrls.js';
import { requestIdOf } from './http/requestIds.js';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<boolean>;
}

export interface ServerDeps {
  /** The application's ChannelAdapter; a plain CloudAdapter (the bench's echo bot) is run as the SDK runs it. */
  adapter: ChannelAdapter | CloudAdapter;
  onTurn: (context: TurnContext) => Promise<void>;
  readiness: ReadinessCheck[];
  logger: Logger;
  /** Extra routes (channels, staff console) mounted by the composition root. */
  mount?: Array<(server: Server, edge: ServerEdge) => void>;
  /** Request rate limits (src/http/rateLimits.ts); the defaults, counted in memory, when not given. */
  limits?: RateLimits;
  /**
   * Without an app id: the hosts besides loopback that replies may go to (DEV_SERVICE_URL_ALLOW);
   * an activity with any other serviceUrl is refused. Undefined with an app id (the SDK checks it).
   */
  devServiceUrls?: readonly string[];
  /**
   * `onTurn` checks the message rate limit itself once it holds the conversation's lock (the turn
   * runner does, see bot/admission.ts): the server starts the check and does not wait for it first.
   */
  admitsInTurn?: boolean;
}

/** What a mounted channel may add to the server besides restify routes. */
export interface ServerEdge {
  /** The server's one upgrade dispatcher: an upgrade to any path not added here is 404. */
  upgrades: UpgradeRoutes;
  /** The request rate limits every route shares. */
  limits: RateLimits;
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

/** Seconds a caller waits when the signing keys could not be fetched (the library retries the fetch on the next request). */
const METADATA_RETRY_SECONDS = 30;

/** A bad token is 401; keys that could not be fetched are 503 with Retry-After; never 500. */
function authRefusal(error: unknown) {
  if (error instanceof AuthMetadataUnavailableError) {
    return { status: 503, message: 'cannot check tokens right now; try again shortly', reason: error.message, retryAfterSeconds: METADATA_RETRY_SECONDS };
  }
  const said = error instanceof Error ? error.message : String(error);
  const reason = error instanceof AuthenticationError && said.startsWith('bot-auth: ') ? said : `bot-auth: ${said}`;
  return { status: 401, message: 'unauthorized', reason };
}

/** As CloudAdapter.process does: ISO date strings become Dates (the raw text is kept beside them). */
function withDates(activity: Activity): Activity {
  const fixed = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = fixed[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return activity;
}

export interface BotServer {
  server: Server;
  /** /readyz turns 503; everything else is still served (the load balancer's drain window). */
  drain: () => void;
  /** Stops accepting, waits for turns in flight (up to graceMs), then closes. */
  shutdown: (graceMs: number) => Promise<void>;
  inFlight: () => number;
}

export function createServer(deps: ServerDeps): BotServer {
  const { adapter, onTurn, readiness, logger } = deps;
  const server = restify.createServer({ name: 'candidate-assistant', handleUncaughtExceptions: false });
  // Every answer names its request id, as every log line about the request does (pre: unrouted ones too).
  server.pre((req: Request, res: Response, next) => {
    res.setHeader('X-Request-Id', requestIdOf(req));
    next();
  });
  // Our own reader, never restify's bodyParser: its multipart branch writes uploads to disk (see http/bodies.ts).
  server.use(readBodies({ logger, maxBytes: 256 * 1024 }));
  const limits = deps.limits ?? createRateLimits(z.object(rateLimitConfigFields).parse({}), { logger });
  const edge: ServerEdge = { upgrades: attachUpgrades(server.server, logger), limits };
  let inFlight = 0;
  // Draining: /readyz says 503 and requests are still served. Stopping: the listener is closing.
  let draining = false;
  let stopping = false;

  const sendError = (res: Response, status: number, message: string) => {
    res.status(status);
    res.json({ error: message });
  };

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (stopping) return sendError(res, 503, 'server is shutting down');
    const parsed = activityBody.safeParse(req.body);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
      return sendError(res, 400, `not a Bot Framework activity (${reason})`);
    }
    if (!(adapter instanceof ChannelAdapter)) return plainAdapter(adapter, req, res);
    if (deps.devServiceUrls && !serviceUrlAllowed(parsed.data.serviceUrl, deps.devServiceUrls)) {
      return refuse(logger, req, res, {
        status: 403,
        message: 'without an app id this bot replies only to loopback or DEV_SERVICE_URL_ALLOW',
        reason: 'http.serviceUrls: serviceUrl not allowed without an app id',
      });
    }
    const activity = withDates(parsed.data as unknown as Activity);
    let auth: AuthenticateRequestResult;
    try {
      auth = await adapter.authenticate(activity, typeof req.headers.authorization === 'string' ? req.headers.authorization : '');
    } catch (error) {
      return refuse(logger, req, res, authRefusal(error));
    }
    const overLimit = (retryAfterSeconds: number) =>
      refuse(logger, req, res, { status: 429, message: 'too many messages in this conversation; slow down', reason: 'http.rateLimits: messages', retryAfterSeconds });
    const admission = limits.take('messages', `${activity.channelId ?? 'channel'}:${activity.conversation?.id ?? ''}`);
    if (!deps.admitsInTurn) {
      const verdict = await admission;
      if (!verdict.allowed) return overLimit(verdict.retryAfterSeconds);
    }
    inFlight++;
    try {
      // A conversation whose lock stayed taken answers 503 + Retry-After, so the channel redelivers
      // the activity; the adapter would otherwise answer 200 once the logic returns.
      let busy: TurnBusyError | undefined;
      let refused: TurnRefusedError | undefined;
      const invoke = await adapter.runAuthenticated(auth, activity, async (context) => {
        if (deps.admitsInTurn) setAdmission(context, admission);
        try {
          await onTurn(context);
        } catch (error) {
          if (isTurnRefused(error)) refused = error;
          else if (isTurnBusy(error)) busy = error;
          else throw error;
        }
      });
      if (refused) {
        overLimit(refused.retryAfterSeconds);
      } else if (busy) {
        logger.warn({ requestId: requestIdOf(req), activityId: activity.id, retryAfterSeconds: busy.retryAfterSeconds }, 'conversation busy; asked the channel to redeliver');
        res.header('Retry-After', String(busy.retryAfterSeconds));
        sendError(res, 503, 'conversation is busy; retry after the Retry-After delay');
      } else {
        res.status(invoke?.status ?? 200);
        if (invoke?.body !== undefined) res.send(invoke.body);
        res.end();
      }
    } catch (error) {
      // The adapter's own checks throw for shapes zod above let through; that is still the caller's
      // fault. A failed turn never gets here (onTurnError answers it).
      if (!res.headersSent) refuse(logger, req, res, { status: 400, message: 'invalid activity', reason: `server: activity rejected (${(error as Error).message})` });
    } finally {
      inFlight--;
    }
  });

  const plainAdapter = async (plain: CloudAdapter, req: Request, res: Response) => {
    inFlight++;
    try {
      await plain.process(req, res, onTurn);
    } catch (error) {
      if (!res.headersSent) refuse(logger, req, res, { status: 400, message: 'invalid activity', reason: `server: activity rejected (${(error as Error).message})` });
    } finally {
      inFlight--;
    }
  };

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
    if ((error.statusCode ?? 500) >= 500) logger.error({ err: error, requestId: requestIdOf(req), path: pathOf(req) }, 'request failed');
    callback();
  });

  // Routes that answer a 4xx themselves (Direct Line, staff, Twilio) still get their one log line.
  server.on('after', (req: Request, res: Response) => {
    if (res.statusCode >= 400 && res.statusCode < 500) logRefusal(logger, req, { status: res.statusCode, reason: `route: ${req.getRoute()?.path ?? 'none'}` });
  });

  const shutdown = async (graceMs: number): Promise<void> => {
    draining = true;
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const deadline = Date.now() + graceMs;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    if (inFlight > 0) logger.warn({ inFlight }, 'shutdown grace period over with turns still running');
    server.server.closeAllConnections?.();
    await closed;
  };

  return { server, drain: () => void (draining = true), shutdown, inFlight: () => inFlight };
}
