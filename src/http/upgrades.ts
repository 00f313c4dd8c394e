import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logging/logger.js';
import { logRefusal, pathOf } from './refusals.js';

/**
 * The server's one `upgrade` listener. Node hands every request with an `Upgrade:` header to the
 * `upgrade` event and never answers it itself once anyone listens (restify always listened, so an
 * upgrade to any other path sat in CLOSE-WAIT for the life of the process). Here each upgrade goes
 * to the route whose path it matches (the Direct Line stream); every other one is answered 404 and
 * its socket destroyed, whatever else is mounted.
 */

export type UpgradeHandle = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface UpgradeRoute {
  /** For logs: which module took the upgrade. */
  name: string;
  matches: (path: string) => boolean;
  handle: UpgradeHandle;
}

export interface UpgradeRoutes {
  /** Adds a route; returns its removal (e.g. when the stream closes at shutdown). */
  add(route: UpgradeRoute): () => void;
}

/** Answers a refused upgrade on the raw socket and destroys it, so nothing is left half-open. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  // Destroyed once the answer is flushed, or after a second if the client never reads it.
  const timer = setTimeout(() => socket.destroy(), 1000);
  timer.unref();
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => {
    clearTimeout(timer);
    socket.destroy();
  });
}

export function attachUpgrades(httpServer: HttpServer, logger: Logger): UpgradeRoutes {
  const routes: UpgradeRoute[] = [];
  // restify proxies `upgrade` to its own emitter, which nobody answers: ours is the only listener.
  httpServer.removeAllListeners('upgrade');
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that resets mid-handshake must not become an unhandled 'error' event.
    socket.on('error', () => socket.destroy());
    const path = pathOf(req);
    const route = routes.find((candidate) => candidate.matches(path));
    if (!route) {
      logRefusal(logger, req, { status: 404, reason: 'http.upgrades: no upgrade at this path' });
      return refuseUpgrade(socket, 404, 'Not Found');
    }
    try {
      route.handle(req, socket, head);
    } catch (error) {
      // An exception here would escape every handler and end the process: refuse instead.
      logRefusal(logger, req, { status: 400, reason: `http.upgrades: ${route.name} threw (${(error as Error).message})` });
      refuseUpgrade(socket, 400, 'Bad Request');
    }
  });
  return {
    add(route) {
      routes.push(route);
      return () => {
        const at = routes.indexOf(route);
        if (at >= 0) routes.splice(at, 1);
      };
    },
  };
}
