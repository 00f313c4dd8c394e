import type { Request, Response, Server } from 'restify';
import type { Storage, TurnContext } from 'botbuilder';
import type { Logger } from '../../logging/logger.js';
import type { SpokenText } from '../../language/turnLanguage.js';
import { DirectLineAdapter, staffSpeakerId } from './directLineAdapter.js';
import { DIRECTLINE_CHANNEL_ID, mountDirectLineRoutes, type BotAccount } from './directLineRoutes.js';
import { DirectLineStore, type DirectLineStoreOptions } from './directLineStore.js';
import { attachDirectLineStream, type DirectLineStream } from './directLineStream.js';
import { createTokenSigner } from './directLineTokens.js';
import { guarded } from './http.js';
import { allowCrossOrigin } from './cors.js';
import { pageSecurityPolicy } from './page.js';
import { createPublicAssets, pageLanguage } from './publicAssets.js';
import { mountTokenRoute, type TokenSource } from './tokenRoute.js';
import { createWebChatAssets, type WebChatPackage } from './webchatAssets.js';
import type { WebSettings } from './settings.js';
import type { UpgradeRoutes } from '../../http/upgrades.js';
import type { RateLimits } from '../../http/rateLimits.js';

export interface WebChannelDeps {
  /** The bot's turn, as given to /api/messages (the turn runner: gate, state, held replies). */
  onTurn: (context: TurnContext) => Promise<void>;
  /** The bot's store: built-in Direct Line conversations live here (Redis when configured). */
  storage: Storage;
  logger: Logger;
  settings: WebSettings;
  /** What the bot says when a turn fails (each catalogue's turnError, in the turn's language). */
  turnError: SpokenText;
  /** The server's upgrade dispatcher: the built-in Direct Line stream takes its path there. */
  upgrades: UpgradeRoutes;
  /** Tokens and conversations per client address, messages per conversation. */
  limits: RateLimits;
  botName?: string;
  /** A built-in Direct Line conversation's stream opened or closed (the candidate's presence for staff). */
  onStreamConnection?: (conversationId: string, open: boolean) => void;
  /** Tuning, mostly for tests. */
  options?: {
    store?: DirectLineStoreOptions;
    /** How long POST .../activities waits for the bot's turn before answering (default 10 s). */
    replyWaitMs?: number;
    /** How often an open stream looks for activities appended by other instances (default 1 s). */
    streamPollMs?: number;
    tokenTtlSeconds?: number;
    fetch?: typeof fetch;
    webchat?: WebChatPackage;
  };
}

export interface WebChannel {
  mode: 'azure' | 'local';
  /** The in-process adapter of the built-in Direct Line (local mode), e.g. for proactive messages. */
  adapter?: DirectLineAdapter;
  store?: DirectLineStore;
  /** Built-in Direct Line turns still running. */
  inFlight(): number;
  /**
   * Shows "<name> is typing" in a built-in Direct Line conversation's open streams on this instance
   * (a member of staff writing a reply). Pushed, never stored; nothing in azure mode.
   */
  /** `stopped`: the person left the chat (handed back, ended, transferred): their indicator goes at once. */
  staffTyping(conversationId: string, name: string, stopped?: boolean): void;
  /** Closes open streams and waits (up to graceMs) for turns in flight. Call before closing the HTTP server. */
  close(graceMs?: number): Promise<void>;
}

const html = (res: Response, status: number, body: string, headers: Record<string, string>) => {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
};

/**
 * The website channel: GET / (the Web Chat page), /webchat/* (its scripts, from the installed
 * package), POST /api/directline/token, and, when no Azure Direct Line secret is configured, the
 * built-in Direct Line 3.0 endpoint under /v3/directline (REST and WebSocket stream), whose turns run
 * in this process through `onTurn`.
 */
export function mountWeb(server: Server, deps: WebChannelDeps): WebChannel {
  const { settings, logger } = deps;
  const options = deps.options ?? {};
  const assets = createWebChatAssets(options.webchat);
  const mode: WebChannel['mode'] = settings.DIRECTLINE_SECRET ? 'azure' : 'local';
  const publicAssets = createPublicAssets(assets.version);
  // The page in the browser's language (Accept-Language): both rendered once.
  const pages = { en: publicAssets.renderPage('en'), es: publicAssets.renderPage('es') };
  const pageHeaders = {
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Language',
    'Content-Security-Policy': pageSecurityPolicy(mode === 'azure' ? settings.DIRECTLINE_DOMAIN : undefined, settings.WEB_FRAME_ANCESTORS),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };

  allowCrossOrigin(server, settings.WEB_ALLOWED_ORIGINS);
  server.get(
    '/',
    guarded(logger, 'web.page', async (req: Request, res: Response) => html(res, 200, pages[pageLanguage(req.headers['accept-language'])], pageHeaders)),
  );
  for (const name of publicAssets.names) {
    server.get(`/webchat/${name}`, guarded(logger, 'web.asset', async (req: Request, res: Response) => publicAssets.serve(name, req, res)));
  }
  for (const name of assets.names) {
    server.get(`/webchat/${name}`, guarded(logger, 'web.asset', (req: Request, res: Response) => assets.serve(name, req, res)));
  }

  if (mode === 'azure') {
    const source: TokenSource = { kind: 'azure', secret: settings.DIRECTLINE_SECRET!, domain: settings.DIRECTLINE_DOMAIN, fetch: options.fetch };
    mountTokenRoute(server, source, logger, deps.limits);
    logger.info({ directLine: settings.DIRECTLINE_DOMAIN }, 'web chat: Azure Direct Line (tokens from the Direct Line secret)');
    return { mode, inFlight: () => 0, staffTyping: () => undefined, close: async () => undefined };
  }

  const signer = createTokenSigner({ secret: settings.DIRECTLINE_LOCAL_SECRET, ttlSeconds: options.tokenTtlSeconds });
  // A conversation is one store item: keep it under the store's item cap, with room to spare.
  const itemCap = settings.STATE_MAX_ITEM_BYTES ?? 256 * 1024;
  const store = new DirectLineStore(deps.storage, { maxBytes: Math.min(200_000, Math.floor(itemCap * 0.75)), ...options.store });
  const adapter = new DirectLineAdapter(store, logger, deps.turnError);
  const bot: BotAccount = { id: settings.MicrosoftAppId ?? 'candidate-assistant', name: deps.botName ?? 'Candidate Assistant' };
  let running = 0;
  const turns = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    running++;
    turns.add(work);
    void work.finally(() => {
      running--;
      turns.delete(work);
    }).catch(() => undefined);
    return work;
  };

  const stream: DirectLineStream = attachDirectLineStream(deps.upgrades, { store, signer, logger, pollMs: options.streamPollMs, onConnection: deps.onStreamConnection });
  mountTokenRoute(server, { kind: 'local', signer, webSocket: settings.DIRECTLINE_LOCAL_WEBSOCKET }, logger, deps.limits);
  mountDirectLineRoutes(server, {
    store,
    adapter,
    signer,
    onTurn: deps.onTurn,
    logger,
    bot,
    replyWaitMs: options.replyWaitMs ?? 10_000,
    streamUrl: stream.urlFor,
    track,
    limits: deps.limits,
  });
  logger.info(
    { webSocket: settings.DIRECTLINE_LOCAL_WEBSOCKET, sharedSecret: !signer.ephemeral },
    signer.ephemeral
      ? 'web chat: built-in Direct Line; DIRECTLINE_LOCAL_SECRET not set, so its tokens are valid on this instance only'
      : 'web chat: built-in Direct Line',
  );

  return {
    mode,
    adapter,
    store,
    inFlight: () => running,
    staffTyping: (conversationId, name, stopped = false) => {
      // As the bot's own typing (directLineRoutes.ts): pushed to open streams, not stored, so a
      // reload never replays it. Under the person's id and name, so the page says who is typing.
      store.events.emit(`typing:${conversationId}`, {
        type: 'typing',
        timestamp: new Date().toISOString(),
        channelId: DIRECTLINE_CHANNEL_ID,
        conversation: { id: conversationId },
        from: { id: staffSpeakerId(bot.id, name), name, role: 'bot' },
        // Stopped: a typing that lasts no time, which Web Chat takes as the end of the last one
        // (its own typingAnimationDuration, read per activity); else it stays its 5 s after a hand-back.
        channelData: { speaker: { kind: 'agent', name }, ...(stopped ? { webChat: { styleOptions: { typingAnimationDuration: 0 } } } : {}) },
      });
    },
    async close(graceMs = 10_000) {
      await stream.close();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...turns]), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    },
  };
}
