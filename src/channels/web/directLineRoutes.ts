import { readCredentials } from '../../understanding/credentials.js';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../../logging/logger.js';
import type { DirectLineAdapter } from './directLineAdapter.js';
import type { DirectLineStore, StoredActivity } from './directLineStore.js';
import type { DirectLineClaims, TokenSigner } from './directLineTokens.js';
import { bearerToken, describeIssues, guarded, queryOf, sendError } from './http.js';
import type { RateLimits } from '../../http/rateLimits.js';
import { refuse } from '../../http/refusals.js';
import { runUntilServed } from '../busyRetry.js';

/** The channel id the bot sees for conversations on the built-in endpoint (as on Azure Direct Line). */
export const DIRECTLINE_CHANNEL_ID = 'directline';

/** Not a URL anything calls: replies never leave the process (see DirectLineAdapter). */
export const DIRECTLINE_SERVICE_URL = 'urn:candidate-assistant:directline';

export const DIRECTLINE_BASE = '/v3/directline';

export interface BotAccount {
  id: string;
  name: string;
}

export interface DirectLineRouteDeps {
  store: DirectLineStore;
  adapter: DirectLineAdapter;
  signer: TokenSigner;
  /** The bot's turn (the same turn runner as /api/messages: turn gate, state, held replies). */
  onTurn: (context: TurnContext) => Promise<void>;
  logger: Logger;
  bot: BotAccount;
  /** How long a POST waits for the bot's turn before answering (the turn goes on regardless). */
  replyWaitMs: number;
  /** The stream URL to hand out, when the WebSocket stream is mounted. */
  streamUrl?: (req: IncomingMessage, conversationId: string, token: string, watermark: number) => string;
  /** Counts turns in flight, for shutdown. */
  track: <T>(work: Promise<T>) => Promise<T>;
  /** Conversations per client address, messages per conversation. */
  limits: RateLimits;
}

const channelAccount = z.object({
  id: z.string().max(256).optional(),
  name: z.string().max(256).optional(),
  role: z.string().max(32).optional(),
});

/**
 * What a client may post. Anything not named here (id, timestamp, conversation, recipient, serviceUrl,
 * replyToId, ...) is dropped: those are the server's to set. `from` is replaced by the token's user.
 */
const postedActivity = z
  .object({
    type: z.enum(['message', 'event', 'typing'], { message: 'must be "message", "event" or "typing"' }),
    text: z.string().max(5000, 'is longer than 5000 characters').optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    name: z.string().min(1).max(256).optional(),
    value: z.unknown().optional(),
    locale: z.string().max(35).optional(),
    localTimezone: z.string().max(64).optional(),
    localTimestamp: z.string().max(64).optional(),
    from: channelAccount.optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
    attachments: z
      .array(
        z.object({
          contentType: z.string().min(1).max(256),
          content: z.unknown().optional(),
          contentUrl: z.string().max(2048).optional(),
          name: z.string().max(256).optional(),
        }),
      )
      .max(10)
      .optional(),
  })
  .refine((activity) => activity.type !== 'event' || activity.name, { message: 'an event needs a name', path: ['name'] });

const startBody = z
  .object({
    user: channelAccount.optional(),
    locale: z.string().max(35).optional(),
  })
  .optional();

const watermarkPattern = /^\d{1,10}$/;

const noStore = (res: Response) => res.header('Cache-Control', 'no-store');

/**
 * A Direct Line 3.0 endpoint (the subset Web Chat and botframework-directlinejs use) over the bot's
 * store: start or resume a conversation, post an activity (the turn runs here), read activities
 * from a watermark, refresh a token. Every route needs a token from POST /api/directline/token, and
 * a token opens only its own conversation (403 for any other).
 */
export function mountDirectLineRoutes(server: Server, deps: DirectLineRouteDeps): void {
  const { store, signer, logger, bot } = deps;

  const authorize = (req: Request, res: Response, conversationId?: string): DirectLineClaims | undefined => {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      res.header('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'an "Authorization: Bearer <token>" header is required (get a token from POST /api/directline/token)');
      return undefined;
    }
    const check = signer.verify(token);
    if (!check.ok) {
      sendError(res, 403, check.reason === 'expired' ? 'token expired' : 'token not valid');
      return undefined;
    }
    if (conversationId !== undefined && check.claims.conv !== conversationId) {
      sendError(res, 403, 'token is not valid for this conversation');
      return undefined;
    }
    return check.claims;
  };

  const conversationBody = (req: IncomingMessage, claims: DirectLineClaims, watermark: number) => {
    const { token, expiresIn } = signer.sign(claims.conv, claims.user);
    return {
      conversationId: claims.conv,
      token,
      expires_in: expiresIn,
      ...(deps.streamUrl ? { streamUrl: deps.streamUrl(req, claims.conv, token, watermark) } : {}),
    };
  };

  /**
   * Runs a stored activity's turn. A conversation whose lock stays taken (another instance's turn
   * ran long) is the channel's to redeliver on /api/messages (503 + Retry-After); here the activity
   * is already ours, so the turn is run again after the holder's lease, a few times, instead of
   * answering the candidate with an apology (runUntilServed).
   */
  const runTurn = (activity: Partial<Activity>): Promise<void> =>
    deps.track(
      runUntilServed(
        (logic) =>
          deps.adapter.processActivity(activity, logic).catch((error: unknown) => {
            logger.error({ err: error, conversationId: activity.conversation?.id, activityId: activity.id }, 'directline turn failed');
          }),
        deps.onTurn,
        {
          onBusy: (retryAfterSeconds, attempt) =>
            logger.warn({ conversationId: activity.conversation?.id, activityId: activity.id, retryAfterSeconds, attempt }, 'directline conversation busy; running the turn again after the lease'),
        },
      ),
    );

  /**
   * The bot "typing": shown by Web Chat until the bot's next message; never stored, never replayed.
   * `stopped`: the turn is over. A typing that lasts no time ends the last one (Web Chat reads its
   * typingAnimationDuration per activity), so a turn that says nothing (a message passed on to the
   * member of staff the candidate is chatting with) leaves no dots behind (ut24).
   */
  const botTyping = (conversationId: string, stopped = false) => ({
    type: 'typing',
    timestamp: new Date().toISOString(),
    channelId: DIRECTLINE_CHANNEL_ID,
    conversation: { id: conversationId },
    from: { id: bot.id, name: bot.name, role: 'bot' },
    ...(stopped ? { channelData: { webChat: { styleOptions: { typingAnimationDuration: 0 } } } } : {}),
  });

  /** Conversations with a message's turn running in this process (for polling pages' typing indicator), and how many. */
  const running = new Map<string, number>();
  const whileRunning = (conversationId: string, message: boolean, turn: Promise<void>): Promise<void> => {
    if (!message) return turn;
    running.set(conversationId, (running.get(conversationId) ?? 0) + 1);
    return turn.finally(() => {
      const left = (running.get(conversationId) ?? 1) - 1;
      if (left > 0) running.set(conversationId, left);
      else running.delete(conversationId);
    });
  };

  /** Waits for the turn, but not past replyWaitMs: a slow turn must not make the client retry its post. */
  const awaitTurn = async (turn: Promise<void>) => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([turn, new Promise<void>((resolve) => (timer = setTimeout(resolve, deps.replyWaitMs)))]);
    clearTimeout(timer);
  };

  const toBot = (activity: StoredActivity): Partial<Activity> => ({
    ...(activity as unknown as Partial<Activity>),
    timestamp: new Date(activity.timestamp),
    serviceUrl: DIRECTLINE_SERVICE_URL,
  });

  server.post(
    `${DIRECTLINE_BASE}/conversations`,
    guarded(logger, 'directline.start', async (req, res) => {
      const body = startBody.safeParse(req.body === '' ? undefined : req.body);
      if (!body.success) return sendError(res, 400, `not a conversation start (${describeIssues(body.error)})`);
      const claims = authorize(req, res);
      if (!claims) return;
      const client = deps.limits.clientOf(req);
      const rate = await deps.limits.take('directlineConversations', client);
      if (!rate.allowed) {
        return refuse(logger, req, res, { status: 429, message: 'too many conversations from this address; try again shortly', reason: 'http.rateLimits: directlineConversations', retryAfterSeconds: rate.retryAfterSeconds }, client);
      }
      const { record, created } = await store.create(claims.conv, claims.user);
      if (record.userId !== claims.user) return sendError(res, 403, 'token is not valid for this conversation');
      if (created) {
        // As Direct Line does for a token bound to a user: the bot hears that the bot and the user joined.
        await awaitTurn(
          runTurn({
            type: 'conversationUpdate',
            id: `start-${randomBytes(6).toString('hex')}`,
            timestamp: new Date(),
            channelId: DIRECTLINE_CHANNEL_ID,
            serviceUrl: DIRECTLINE_SERVICE_URL,
            conversation: { id: claims.conv } as Activity['conversation'],
            from: { id: claims.user, role: 'user' } as Activity['from'],
            recipient: { ...bot, role: 'bot' } as Activity['recipient'],
            membersAdded: [
              { id: bot.id, name: bot.name },
              { id: claims.user, name: body.data?.user?.name ?? '' },
            ],
            ...(body.data?.locale ? { locale: body.data.locale } : {}),
          }),
        );
      }
      noStore(res);
      res.status(created ? 201 : 200);
      res.json(conversationBody(req, claims, 0));
    }),
  );

  server.get(
    `${DIRECTLINE_BASE}/conversations/:conversationId`,
    guarded(logger, 'directline.reconnect', async (req, res) => {
      const claims = authorize(req, res, req.params.conversationId);
      if (!claims) return;
      const watermark = queryOf(req).get('watermark') ?? '';
      if (watermark && !watermarkPattern.test(watermark)) return sendError(res, 400, 'watermark must be a whole number');
      if (!(await store.get(claims.conv))) return sendError(res, 404, 'conversation not found');
      noStore(res);
      res.json(conversationBody(req, claims, Number(watermark || 0)));
    }),
  );

  server.post(
    `${DIRECTLINE_BASE}/conversations/:conversationId/activities`,
    guarded(logger, 'directline.post', async (req, res) => {
      const claims = authorize(req, res, req.params.conversationId);
      if (!claims) return;
      const parsed = postedActivity.safeParse(req.body);
      if (!parsed.success) return sendError(res, 400, `not a Direct Line activity (${describeIssues(parsed.error)})`);
      const posted = parsed.data;
      // Typing indicators are not turns: they do not count.
      if (posted.type !== 'typing') {
        const rate = await deps.limits.take('messages', `${DIRECTLINE_CHANNEL_ID}:${claims.conv}`);
        if (!rate.allowed) {
          return refuse(logger, req, res, { status: 429, message: 'too many messages in this conversation; slow down', reason: 'http.rateLimits: messages', retryAfterSeconds: rate.retryAfterSeconds });
        }
      }
      noStore(res);
      // Typing from the page has no reader here: accepted, not kept, not sent to the bot.
      if (posted.type === 'typing') return void res.json({ id: '' });
      const activity = {
        ...posted,
        channelId: DIRECTLINE_CHANNEL_ID,
        conversation: { id: claims.conv },
        from: { id: claims.user, ...(posted.from?.name ? { name: posted.from.name } : {}), role: 'user' },
        recipient: { id: bot.id, name: bot.name, role: 'bot' },
      };
      const clientActivityId = posted.channelData?.clientActivityID;
      // The transcript keeps what is safe to keep: sign-in details and identity tokens go to the bot
      // for this turn only, never into the stored conversation.
      const { activities, duplicate } = await store.append(claims.conv, [withoutSecrets(activity)], {
        clientActivityId: typeof clientActivityId === 'string' ? clientActivityId : undefined,
        userId: claims.user,
      });
      const stored = activities[0]!;
      const typing = !duplicate && posted.type === 'message';
      // The bot is on it: open streams show a typing indicator until its reply arrives, or its turn ends. Not stored.
      if (typing) store.events.emit(`typing:${claims.conv}`, botTyping(claims.conv));
      const turn = duplicate ? undefined : whileRunning(claims.conv, posted.type === 'message', runTurn(toBot({ ...stored, text: activity.text, channelData: activity.channelData })));
      if (turn && typing) {
        const stop = () => void store.events.emit(`typing:${claims.conv}`, botTyping(claims.conv, true));
        turn.then(stop, stop);
      }
      // A client's retry of a post already taken is answered with the same id and not run again.
      if (turn) await awaitTurn(turn);
      res.json({ id: stored.id });
    }),
  );

  server.get(
    `${DIRECTLINE_BASE}/conversations/:conversationId/activities`,
    guarded(logger, 'directline.poll', async (req, res) => {
      const claims = authorize(req, res, req.params.conversationId);
      if (!claims) return;
      const watermark = queryOf(req).get('watermark') ?? '';
      if (watermark && !watermarkPattern.test(watermark)) return sendError(res, 400, 'watermark must be a whole number');
      const page = await store.since(claims.conv, Number(watermark || 0));
      if (!page) return sendError(res, 404, 'conversation not found');
      noStore(res);
      // A polling page sees the bot typing while a message's turn runs here, as a stream does (not stored, no watermark).
      const typing = running.has(claims.conv) ? [botTyping(claims.conv)] : [];
      res.json({ activities: [...page.activities, ...typing], watermark: String(page.watermark) });
    }),
  );

  server.post(
    `${DIRECTLINE_BASE}/tokens/refresh`,
    guarded(logger, 'directline.refresh', async (req, res) => {
      const claims = authorize(req, res);
      if (!claims) return;
      const { token, expiresIn } = signer.sign(claims.conv, claims.user);
      noStore(res);
      res.json({ conversationId: claims.conv, token, expires_in: expiresIn });
    }),
  );

  server.post(
    `${DIRECTLINE_BASE}/conversations/:conversationId/upload`,
    guarded(logger, 'directline.upload', async (req, res) => {
      if (!authorize(req, res, req.params.conversationId)) return;
      sendError(res, 400, 'file uploads are not supported by this bot');
    }),
  );
}

const SIGN_IN_DETAILS = '[sign-in details sent]';

/** A posted activity as it may be stored: no identity token, and sign-in details replaced. */
function withoutSecrets<T extends { text?: string; channelData?: Record<string, unknown> }>(activity: T): T {
  const { identityToken: _token, ...channelData } = activity.channelData ?? {};
  // A birth date only counts with its year written, so the reference instant does not change the reading.
  const text = activity.text && readCredentials(activity.text, { now: new Date(0), zone: 'UTC' }).ok ? SIGN_IN_DETAILS : activity.text;
  return { ...activity, text, channelData };
}
