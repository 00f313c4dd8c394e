import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { MemoryStorage, type Storage } from 'botbuilder';
import { buildApp } from '../../src/app.js';
import type { OpenQueue } from '../../src/storage/openQueue.js';
import type { Sequence } from '../../src/storage/sequence.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import type { KnowledgeChange } from '../../src/handoff/staff/knowledgeEditor.js';
import type { Logger } from '../../src/logging/logger.js';
import type { TurnEventSink } from '../../src/bot/turnEvents.js';
import { createAccountService } from '../../src/account/index.js';
import { getSession, startConversation } from '../channels/web/support.js';
import { demoStaffAccounts, type StaffDirectory } from '../../src/handoff/staff/staffAccounts.js';
import type { LiveEvent } from '../../src/handoff/types.js';
import type { LiveChannel } from '../../src/storage/liveChannel.js';
import type { TurnGate } from '../../src/storage/turnGate.js';
import { fixedNow, shippedKnowledge, silentLogger, testConfig } from '../support/testApp.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API bodies are read loosely, as the page does
type Loose = any;

/** The demo staff (agent1, agent2, supervisor) all sign in with this in tests. */
export const STAFF_PASSWORD = 'correct horse battery staple';

let directory: Promise<StaffDirectory> | undefined;
/** Demo staff with a cheap hash, built once per test file. */
export const testStaff = () => (directory ??= demoStaffAccounts(STAFF_PASSWORD, { N: 2 ** 10 }));

/** A clock a test can move. */
export function movableClock(start: Date = fixedNow) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    set: (date: Date) => {
      now = date;
    },
  };
}

export interface HandoffServerOptions {
  storage?: Storage;
  live?: LiveChannel<LiveEvent>;
  gate?: TurnGate;
  clock?: () => Date;
  env?: Record<string, string>;
  /** Candidate accounts: the demo accounts when true. */
  accounts?: boolean;
  /** The store's case-number sequence (two instances on one Redis share it). */
  caseNumbers?: Sequence;
  /** The store's handoff queue (two instances on one Redis share it). */
  caseQueue?: OpenQueue;
  /** Where the app logs (silent by default): a test reads it to check what is never logged. */
  logger?: Logger;
  /** Also receives every turn event (analytics' input). */
  events?: TurnEventSink;
  /** Its own knowledge base (the shipped one, loaded for this instance) instead of the file's shared one. */
  knowledge?: KnowledgeBase;
  /** The channel that tells instances editors changed the knowledge. */
  knowledgeLive?: LiveChannel<KnowledgeChange>;
}

/**
 * The whole app (bot, web channel, staff console) on a free loopback port, with the demo staff.
 * TODO(migrate): buildApp directly, accounts only on request; two-instance tests pass their own
 * storage/live/gate, which composeApplication takes from config (REDIS_URL) instead.
 */
export async function startHandoffServer(options: HandoffServerOptions = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const config = testConfig(options.env);
  const knowledge = options.knowledge ?? (await shippedKnowledge());
  const clock = options.clock ?? (() => fixedNow);
  const app = buildApp({
    config,
    logger: options.logger ?? silentLogger(),
    ...(options.events ? { events: options.events } : {}),
    storage,
    knowledge,
    clock,
    staff: await testStaff(),
    ...(options.accounts ? { accounts: await createAccountService(config, { clock, policy: knowledge.policy }) } : {}),
    live: options.live,
    gate: options.gate,
    ...(options.caseNumbers ? { caseNumbers: options.caseNumbers } : {}),
    ...(options.caseQueue ? { caseQueue: options.caseQueue } : {}),
    ...(options.knowledgeLive ? { knowledgeLive: options.knowledgeLive } : {}),
  });
  await new Promise<void>((resolve) => app.http.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.http.server.address() as AddressInfo;
  return {
    ...app,
    storage,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.handoff?.close();
      await Promise.all([app.web.close(1000), app.http.shutdown(1000)]);
    },
  };
}

export type HandoffServer = Awaited<ReturnType<typeof startHandoffServer>>;

export interface ApiResponse {
  status: number;
  headers: Headers;
  json: Loose;
}

/** A member of staff using the JSON API as the console page does: cookie, CSRF header, JSON. */
export class StaffClient {
  cookie?: string;
  csrfToken?: string;
  user?: { username: string; name: string; role: string };

  constructor(readonly baseUrl: string) {}

  async login(username: string, password = STAFF_PASSWORD): Promise<ApiResponse> {
    const response = await this.request('POST', '/staff/api/login', { username, password }, { csrf: false });
    if (response.status === 200) {
      this.cookie = /staff_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
      this.csrfToken = response.json.csrfToken;
      this.user = response.json.user;
    }
    return response;
  }

  get(path: string): Promise<ApiResponse> {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown, options: { csrf?: boolean; cookie?: boolean; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
    return this.request('POST', path, body, options);
  }

  async request(method: string, path: string, body?: unknown, options: { csrf?: boolean; cookie?: boolean; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie && options.cookie !== false) headers.cookie = this.cookie;
    if (method === 'POST' && this.csrfToken && options.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let json: Loose = {};
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = { raw: text };
    }
    return { status: response.status, headers: response.headers, json };
  }

  claim(caseId: string): Promise<ApiResponse> {
    return this.post(`/staff/api/cases/${caseId}/claim`);
  }

  /** A closed or open case's transcript as "from: text" lines, read with a supervisor's rights. */
  async asSupervisorView(caseId: string): Promise<string[] | undefined> {
    const supervisor = new StaffClient(this.baseUrl);
    await supervisor.login('supervisor');
    const { status, json } = await supervisor.get(`/staff/api/cases/${caseId}`);
    return status === 200 ? (json.transcript as Array<{ from: string; text: string }>).map((line) => `${line.from}: ${line.text}`) : undefined;
  }

  /** The first queued case whose topic or question matches. */
  async queuedCase(match?: RegExp): Promise<Loose | undefined> {
    const { json } = await this.get('/staff/api/cases');
    return (json.queued as Array<Loose>).find((c) => !match || match.test(`${c.topic} ${c.summary?.question ?? ''}`));
  }

  /** Opens the live stream; events are collected until `close`. */
  async events(): Promise<LiveStream> {
    const controller = new AbortController();
    const response = await fetch(`${this.baseUrl}/staff/api/events`, { headers: this.cookie ? { cookie: this.cookie } : {}, signal: controller.signal });
    const stream = new LiveStream(response.status, controller);
    if (response.ok && response.body) void stream.read(response.body);
    return stream;
  }
}

/** Server-Sent Events as they arrive. */
export class LiveStream {
  readonly received: Array<{ event: string; data: Loose }> = [];
  private waiters: Array<() => void> = [];

  constructor(
    readonly status: number,
    private readonly controller: AbortController,
  ) {}

  async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) {
            this.received.push({ event, data: JSON.parse(data) });
            for (const wake of this.waiters.splice(0)) wake();
          }
        }
      }
    } catch {
      // aborted
    }
  }

  /** Waits (up to timeoutMs) for an event matching `predicate`. */
  async waitFor(predicate: (event: { event: string; data: Loose }) => boolean, timeoutMs = 5000): Promise<{ event: string; data: Loose }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching live event within ${timeoutMs} ms; got ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}

/** An activity as the candidate's Direct Line client reads it. */
export interface SeenActivity {
  type: string;
  text?: string;
  name?: string;
  value?: unknown;
  timestamp?: string;
  conversation?: { id: string };
  attachments?: Array<{ contentType: string; name?: string; content?: unknown }>;
  from: { id: string; role?: string };
}

/**
 * A candidate on the website (the built-in Direct Line, over REST), reading everything the bot side
 * sends (staff messages arrive the same way) and able to post events as a contact centre does.
 */
export class WebCandidate {
  private watermark: string | undefined;
  /** Every message from the bot side read so far. */
  readonly seen: Array<{ from: string; text: string }> = [];

  private constructor(
    readonly baseUrl: string,
    readonly token: string,
    readonly conversationId: string,
  ) {}

  static async start(baseUrl: string): Promise<WebCandidate> {
    const session = await getSession(baseUrl);
    const started = await startConversation(baseUrl, session);
    if (started.status >= 300) throw new Error(`could not start a conversation: ${started.status}`);
    return new WebCandidate(baseUrl, session.token, session.conversationId);
  }

  /**
   * Opens the conversation's Direct Line WebSocket stream, as the Web Chat page does while it is
   * open; closing the socket is the page closing.
   */
  async openPage(): Promise<WebSocket> {
    const url = `${this.baseUrl.replace(/^http/, 'ws')}/v3/directline/conversations/${encodeURIComponent(this.conversationId)}/stream?watermark=0&t=${this.token}`;
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return socket;
  }

  /** Sends a message and returns the texts the bot side sent back in that turn. */
  async say(text: string, via: string = this.baseUrl): Promise<string[]> {
    const sent = await this.send({ type: 'message', text }, via);
    return sent.filter((activity) => activity.type === 'message').map((activity) => activity.text ?? '');
  }

  /** Posts an event (a `handoff.status`, as a contact centre sends it); returns what came back. */
  event(name: string, value: unknown, via: string = this.baseUrl): Promise<SeenActivity[]> {
    return this.send({ type: 'event', name, value }, via);
  }

  /** Posts an activity; returns every activity from the bot side in that turn (events included). */
  async send(activity: Record<string, unknown>, via: string = this.baseUrl): Promise<SeenActivity[]> {
    await this.readAll(via);
    const response = await fetch(`${via}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, from: { id: 'candidate' } }),
    });
    if (!response.ok) throw new Error(`activity not accepted: ${response.status}`);
    return this.readAll(via);
  }

  /** Messages from the bot side (bot and staff) since the last read. */
  async read(via: string = this.baseUrl): Promise<Array<{ from: string; text: string }>> {
    return (await this.readAll(via)).filter((activity) => activity.type === 'message').map((activity) => ({ from: activity.from.id, text: activity.text ?? '' }));
  }

  /** Every activity from the bot side since the last read. */
  async readAll(via: string = this.baseUrl): Promise<SeenActivity[]> {
    const query = this.watermark ? `?watermark=${this.watermark}` : '';
    const response = await fetch(`${via}/v3/directline/conversations/${this.conversationId}/activities${query}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    const body = (await response.json()) as { activities: SeenActivity[]; watermark?: string };
    this.watermark = body.watermark ?? this.watermark;
    const fresh = body.activities.filter((activity) => activity.from.role !== 'user' && activity.from.id !== 'candidate');
    this.seen.push(...fresh.filter((activity) => activity.type === 'message').map((activity) => ({ from: activity.from.id, text: activity.text ?? '' })));
    return fresh;
  }

  /** Waits for a message from the bot side matching `pattern`. */
  async waitFor(pattern: RegExp, timeoutMs = 5000, via: string = this.baseUrl): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.seen.find((message) => pattern.test(message.text));
      if (found) return found.text;
      if (Date.now() > deadline) throw new Error(`candidate never saw ${pattern}; saw ${JSON.stringify(this.seen.map((m) => m.text))}`);
      await this.read(via);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** An activity pushed on an open chat stream, as the page receives it. */
export interface PushedActivity {
  type: string;
  from?: { id: string; name?: string };
  channelData?: { webChat?: { styleOptions?: { typingAnimationDuration?: number } } };
}

/** Every activity pushed on an open chat stream (WebCandidate.openPage), as the page receives them, collected as they come. */
export function pushedActivities(socket: WebSocket): PushedActivity[] {
  const activities: PushedActivity[] = [];
  socket.on('message', (data) => activities.push(...((JSON.parse(String(data)) as { activities?: PushedActivity[] }).activities ?? [])));
  return activities;
}
