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
