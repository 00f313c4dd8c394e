import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { startBot, type RunningBot, type StartBotOptions } from '../support/conversation.js';

/**
 * The security suite's server: the application exactly as `npm start` composes it
 * (composeApplication), on a free loopback port, with SMS and the staff console switched on so
 * every route an attacker could reach is there.
 */

export const TWILIO_ENV = {
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'security-suite-auth-token',
  TWILIO_PHONE_NUMBER: '+15550000000',
  TWILIO_WEBHOOK_URL: 'https://bot.example.test/api/sms/twilio',
  TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
};

export async function startSecuredBot(options: StartBotOptions = {}): Promise<RunningBot> {
  return startBot({ ...options, env: { HANDOFF_MODE: 'console', ...TWILIO_ENV, ...options.env } });
}

/** Every route the server mounts for a method, with a concrete path (`:id` filled in). */
export function routesOf(server: Server, method: string): string[] {
  const routes = (server.getDebugInfo() as { routes: Array<{ method: string; path: string }> }).routes;
  return routes.filter((route) => route.method.toUpperCase() === method).map((route) => String(route.path).replace(/:(\w+)/g, 'x-$1'));
}

/** Where loopback replies go: a connector that answers every request 200, as a channel would. */
export async function startLoopbackConnector(): Promise<{ url: string; close: () => Promise<void> }> {
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{"id":"1"}'));
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => sink.close(() => resolve())),
  };
}
