// NOT MIGRATED (startWebServer): the Direct Line tests swap in their own `onTurn` (to see exactly what
// the bot is given), their own `storage` (Redis or a store made to fail) and `gate`, and web-channel
// `options`; composeApplication deliberately takes none of these. The Redis case could go through
// REDIS_URL in env; the injected turn handler and failing stores cannot without a src/ change.
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { MemoryStorage, type Storage, type TurnContext } from 'botbuilder';
import { ConnectionStatus, DirectLine, type Activity as DirectLineActivity, type DirectLineOptions } from 'botframework-directlinejs';
import { WebSocket as NodeWebSocket } from 'ws';
import { buildBot } from '../../../src/app.js';
import { createAdapter } from '../../../src/bot/adapter.js';
import { createTurnRunner } from '../../../src/bot/turnRunner.js';
import { en } from '../../../src/messages/en.js';
import { catalogues } from '../../../src/messages/catalogue.js';
import { createServer } from '../../../src/server.js';
import { MemoryTurnGate, type TurnGate } from '../../../src/storage/turnGate.js';
import { mountWeb, type WebChannel, type WebChannelDeps } from '../../../src/channels/web/mountWeb.js';
import { parseWebSettings } from '../../../src/channels/web/settings.js';
import type { ChatSession } from '../../../src/channels/web/tokenRoute.js';
import { fixedNow, shippedKnowledge, silentLogger, testConfig } from '../../support/testApp.js';

export interface WebServerOptions {
  env?: Record<string, string>;
  /** A turn handler in place of the bot (to see exactly what the bot is given). */
  onTurn?: (context: TurnContext) => Promise<void>;
  storage?: Storage;
  /** The turn gate (Redis across instances); in-process by default. */
  gate?: TurnGate;
  clock?: () => Date;
  options?: WebChannelDeps['options'];
  /** Listen on this port (a restart on the same address); a free one by default. */
  port?: number;
}

/**
 * The bot server with the website channel mounted, composed as the app does it (bot, turn runner,
 * restify server) on a free loopback port.
 * TODO(migrate): its own wiring (no accounts, no handoff, its own adapter); the Direct Line tests
 * need `onTurn` and `storage` swapped in, which composeApplication deliberately does not allow.
 */
export async function startWebServer(opts: WebServerOptions = {}) {
  const storage = opts.storage ?? new MemoryStorage();
  const config = testConfig();
  const logger = silentLogger();
  const knowledge = await shippedKnowledge();
  const { bot, conversationState } = buildBot({ config, logger, storage, knowledge, clock: opts.clock ?? (() => fixedNow) });
  const onTurn =
    opts.onTurn ??
    createTurnRunner({
      gate: opts.gate ?? new MemoryTurnGate(),
      state: conversationState,
      turn: (context) => bot.run(context),
      withoutStore: (context) => bot.runWithoutStore(context),
      logger,
    });
  let web: WebChannel | undefined;
  const http = createServer({
    adapter: createAdapter(config, logger, en.turnError),
    onTurn,
    logger,
    readiness: [],
    mount: [
      (server, edge) => {
        web = mountWeb(server, {
          upgrades: edge.upgrades,
          limits: edge.limits,
          onTurn,
          storage,
          logger,
          settings: parseWebSettings(opts.env),
          turnError: (language) => catalogues[language].turnError,
          options: opts.options,
        });
      },
    ],
  });
  await new Promise<void>((resolve) => http.server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = http.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    web: web!,
    storage,
    close: async () => {
      await web!.close(1000);
      await http.shutdown(1000);
    },
  };
}

export type WebServer = Awaited<ReturnType<typeof startWebServer>>;

/** A raw request to the server, with a bearer token when given. */
export async function call(
  baseUrl: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as Record<string, unknown> & { error?: string } };
}

/** Starts the conversation a session is for (what directlinejs does first), returning the start response. */
export async function startConversation(baseUrl: string, session: ChatSession) {
  return call(baseUrl, '/v3/directline/conversations', { method: 'POST', token: session.token, body: {} });
}

export type { ChatSession };

export async function getSession(baseUrl: string): Promise<ChatSession> {
  const response = await fetch(`${baseUrl}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!response.ok) throw new Error(`token route answered ${response.status}`);
  return (await response.json()) as ChatSession;
}

// botframework-directlinejs speaks rxjs 5 and XMLHttpRequest; Node has fetch. Its own rxjs is used
// so the operators it patches onto Observable are there.
const requireFromDirectLine = createRequire(createRequire(import.meta.url).resolve('botframework-directlinejs'));
const { Observable } = requireFromDirectLine('rxjs/Observable') as {
  Observable: { create: (subscribe: (subscriber: Subscriber) => () => void) => unknown };
};
interface Subscriber {
  next(value: unknown): void;
  error(error: unknown): void;
  complete(): void;
}

interface AjaxRequest {
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeout?: number;
}

/** A fetch-based stand-in for rxjs's XMLHttpRequest ajax, shaped as directlinejs reads it. */
export function fetchAjax(request: AjaxRequest) {
  return Observable.create((subscriber) => {
    const controller = new AbortController();
    const timer = request.timeout ? setTimeout(() => controller.abort(), request.timeout) : undefined;
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    fetch(request.url, { method: request.method ?? 'GET', headers: request.headers, body, signal: controller.signal })
      .then(async (res) => {
        const text = await res.text();
        const result = {
          status: res.status,
          response: text ? (JSON.parse(text) as unknown) : null,
          xhr: { getResponseHeader: (name: string) => res.headers.get(name) },
        };
        if (res.ok) {
          subscriber.next(result);
          subscriber.complete();
        } else {
          subscriber.error(result);
        }
      })
      .catch((error: Error) => subscriber.error({ status: 0, message: error.message }))
      .finally(() => clearTimeout(timer));
    return () => controller.abort();
  });
}

/** An activity as a client sees it (directlinejs types it as a union; tests read fields loosely). */
export interface SeenActivity {
  id?: string;
  type: string;
  text?: string;
  name?: string;
  timestamp?: string;
  replyToId?: string;
  from: { id: string; name?: string; role?: string };
  [field: string]: unknown;
}

/** A directlinejs client on the built-in endpoint, collecting every activity it receives. */
export function openDirectLine(baseUrl: string, session: ChatSession, options: Partial<DirectLineOptions> & { webSocket?: boolean } = {}) {
  const requests: string[] = [];
  const ajax = (request: AjaxRequest) => {
    requests.push(`${request.method ?? 'GET'} ${request.url}`);
    return fetchAjax(request);
  };
  const services = { ajax, WebSocket: NodeWebSocket } as unknown as Partial<DirectLineOptions>;
  const directLine = new DirectLine({
    token: session.token,
    domain: `${baseUrl}${session.domain}`,
    webSocket: false,
    pollingInterval: 200,
    ...services,
    ...options,
  });
  const received: SeenActivity[] = [];
  const errors: unknown[] = [];
  const subscription = directLine.activity$.subscribe(
    (activity) => received.push(activity as SeenActivity),
    (error) => errors.push(error),
  );
  const post = (activity: Partial<DirectLineActivity>) =>
    new Promise<string>((resolve, reject) => {
      directLine
        .postActivity({ from: { id: session.userId }, type: 'message', ...activity } as DirectLineActivity)
        .subscribe(resolve, reject);
    });
  const botMessages = () => received.filter((activity) => activity.from.role === 'bot' && activity.type === 'message');
  return {
    directLine,
    received,
    errors,
    /** Every REST request the client made, as "METHOD url". */
    requests,
    post,
    botMessages,
    status: () => directLine.connectionStatus$.getValue() as ConnectionStatus,
    end: () => {
      subscription.unsubscribe();
      directLine.end();
    },
  };
}

/** Node 20 has no global WebSocket, and directlinejs only streams when it sees one. */
export function withGlobalWebSocket(): () => void {
  const holder = globalThis as { WebSocket?: unknown };
  const had = 'WebSocket' in holder;
  const previous = holder.WebSocket;
  if (!had) holder.WebSocket = NodeWebSocket;
  return () => {
    if (!had) delete holder.WebSocket;
    else holder.WebSocket = previous;
  };
}
