import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../logging/logger.js';
import { refuseUpgrade, type UpgradeRoutes } from '../../http/upgrades.js';
import type { DirectLineStore } from './directLineStore.js';
import type { TokenSigner } from './directLineTokens.js';
import { bearerToken } from './http.js';
import { DIRECTLINE_BASE } from './directLineRoutes.js';

export interface DirectLineStreamDeps {
  store: DirectLineStore;
  signer: TokenSigner;
  logger: Logger;
  /** How often each open stream checks the store for activities other instances appended. */
  pollMs?: number;
  /** How often a ping checks that the other end is still there. */
  heartbeatMs?: number;
  /** A conversation's stream opened or closed (the handoff shows staff whether the candidate is still there). */
  onConnection?: (conversationId: string, open: boolean) => void;
}

export interface DirectLineStream {
  /** The URL a client connects to for this conversation. */
  urlFor(req: IncomingMessage, conversationId: string, token: string, watermark: number): string;
  connections(): number;
  close(): Promise<void>;
}

const streamPath = new RegExp(`^${DIRECTLINE_BASE}/conversations/([^/]+)/stream$`);

const refuse = refuseUpgrade;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();

/**
 * Direct Line's WebSocket stream: `{ activities, watermark }` messages pushed as activities are
 * stored. This process's own appends are pushed at once; appends made by other instances (same
 * store) are found by a light poll of the store, so a stream may be served by any instance.
 */
export function attachDirectLineStream(upgrades: UpgradeRoutes, deps: DirectLineStreamDeps): DirectLineStream {
  const { store, signer, logger } = deps;
  const pollMs = deps.pollMs ?? 1000;
  const heartbeatMs = deps.heartbeatMs ?? 30_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const cleanups = new Set<() => void>();

  const serve = (ws: WebSocket, conversationId: string, from: number) => {
    let watermark = from;
    let busy = false;
    let again = false;
    let closed = false;
    let alive = true;

    const deliver = async (): Promise<void> => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const page = await store.since(conversationId, watermark);
          if (closed) return;
          if (!page) {
            ws.close(1000, 'conversation not found');
            return;
          }
          if (page.activities.length) ws.send(JSON.stringify({ activities: page.activities, watermark: String(page.watermark) }));
          watermark = page.watermark;
        } while (again && !closed);
      } catch (error) {
        logger.warn({ reason: (error as Error).message, conversationId }, 'directline stream could not read the store');
      } finally {
        busy = false;
      }
    };

    const onAppended = () => void deliver();
    // Typing is pushed as it happens, without a watermark: it is shown, never stored or replayed.
    const onTyping = (activity: unknown) => {
      if (!closed) ws.send(JSON.stringify({ activities: [activity] }));
    };
    store.events.on(`appended:${conversationId}`, onAppended);
    store.events.on(`typing:${conversationId}`, onTyping);
    const poll = setInterval(() => void deliver(), pollMs);
    const heartbeat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, heartbeatMs);
    const cleanup = () => {
      if (closed) return;
      closed = true;
      deps.onConnection?.(conversationId, false);
      clearInterval(poll);
      clearInterval(heartbeat);
      store.events.off(`appended:${conversationId}`, onAppended);
      store.events.off(`typing:${conversationId}`, onTyping);
      cleanups.delete(cleanup);
    };
    cleanups.add(cleanup);
    deps.onConnection?.(conversationId, true);
    ws.on('pong', () => (alive = true));
    // Clients send empty messages as keep-alives; nothing a client sends here means anything.
    ws.on('message', () => (alive = true));
    ws.on('close', cleanup);
    ws.on('error', (error) => {
      logger.debug({ reason: error.message, conversationId }, 'directline stream error');
      cleanup();
    });
    void deliver();
  };

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = streamPath.exec(url.pathname);
    // The server's upgrade dispatcher sends only this path here; anything else is not a stream.
    if (!match) return refuse(socket, 404, 'Not Found');
    const conversationId = decodeURIComponent(match[1]!);
    const token = url.searchParams.get('t') ?? bearerToken(req.headers.authorization);
    const check = token ? signer.verify(token) : undefined;
    if (!check) return refuse(socket, 401, 'Unauthorized');
    if (!check.ok || check.claims.conv !== conversationId) return refuse(socket, 403, 'Forbidden');
    const watermark = url.searchParams.get('watermark') ?? '';
    if (watermark && !/^\d{1,10}$/.test(watermark)) return refuse(socket, 400, 'Bad Request');
    store
      .get(conversationId)
      .then((record) => {
        if (!record) return refuse(socket, 404, 'Not Found');
        wss.handleUpgrade(req, socket, head, (ws) => serve(ws, conversationId, Number(watermark || 0)));
      })
      .catch((error: unknown) => {
        logger.warn({ reason: (error as Error).message, conversationId }, 'directline stream refused: store unavailable');
        refuse(socket, 503, 'Service Unavailable');
      });
  };
  // The dispatcher (src/http/upgrades.ts) catches what this throws and refuses with 400.
  const detach = upgrades.add({ name: 'directline.stream', matches: (path) => streamPath.test(path), handle: upgrade });

  return {
    urlFor(req, conversationId, token, watermark) {
      const forwarded = first(req.headers['x-forwarded-proto']);
      const secure = forwarded ? forwarded === 'https' : Boolean((req.socket as { encrypted?: boolean }).encrypted);
      const host = first(req.headers['x-forwarded-host']) ?? req.headers.host ?? 'localhost';
      const query = new URLSearchParams({ watermark: String(watermark), t: token });
      return `${secure ? 'wss' : 'ws'}://${host}${DIRECTLINE_BASE}/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
    },
    connections: () => wss.clients.size,
    async close() {
      detach();
      for (const cleanup of [...cleanups]) cleanup();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
