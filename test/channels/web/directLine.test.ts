import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStorage, type Activity, type TurnContext } from 'botbuilder';
import { ConnectionStatus } from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { en } from '../../../src/messages/en.js';
import { es } from '../../../src/messages/es.js';
import { setTurnLanguage } from '../../../src/language/turnLanguage.js';
import { createTokenSigner } from '../../../src/channels/web/directLineTokens.js';
import { DirectLineStore } from '../../../src/channels/web/directLineStore.js';
import {
  call,
  getSession,
  openDirectLine,
  startConversation,
  startWebServer,
  withGlobalWebSocket,
  type SeenActivity,
  type WebServer,
} from './support.js';

const sharedSecret = 'a-shared-directline-secret-of-32+chars';
const env = { DIRECTLINE_LOCAL_SECRET: sharedSecret };


const clients: Array<{ end: () => void }> = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.end();
});

const activitiesPath = (conversationId: string) => `/v3/directline/conversations/${conversationId}/activities`;

describe('the built-in Direct Line with the bot, driven by botframework-directlinejs', () => {
  let server: WebServer;
  beforeAll(async () => (server = await startWebServer({ env })));
  afterAll(() => server.close());

  it('polling: welcomes the user when the conversation starts, then answers a question', async () => {
    const session = await getSession(server.url);
    expect(session).toMatchObject({ domain: '/v3/directline', webSocket: true });
    expect(session.userId).toMatch(/^dl_[A-Za-z0-9_-]{16}$/);
    const client = openDirectLine(server.url, session);
    clients.push(client);
    await expect.poll(() => client.botMessages().map((a) => a.text), { timeout: 5000 }).toContain(en.welcome);
    expect(client.status()).toBe(ConnectionStatus.Online);

    const id = await client.post({ text: 'how much does a duplicate certificate cost?', channelData: { clientActivityID: 'c-1' } });
    expect(id).toMatch(new RegExp(`^${session.conversationId}\\|\\d{7}$`));
    await expect.poll(() => client.botMessages().at(-1)?.text ?? '', { timeout: 5000 }).toContain('$7.50');

    // The user's own message comes back (Web Chat marks it sent by that echo), then the reply to it.
    const echo = client.received.find((a) => a.id === id)!;
    expect(echo).toMatchObject({ type: 'message', from: { id: session.userId, role: 'user' }, channelData: { clientActivityID: 'c-1' } });
    const reply = client.botMessages().at(-1)!;
    expect(reply).toMatchObject({ replyToId: id, from: { role: 'bot' }, conversation: { id: session.conversationId }, textFormat: 'markdown' });
    expect(Date.parse(reply.timestamp!)).toBeGreaterThan(Date.parse(echo.timestamp!));
    expect(client.errors).toEqual([]);
  });

  it('WebSocket stream: the same conversation arrives pushed, without polling', async () => {
    const restore = withGlobalWebSocket();
    try {
      const session = await getSession(server.url);
      const client = openDirectLine(server.url, session, { webSocket: true });
      clients.push(client);
      await expect.poll(() => client.botMessages().map((a) => a.text), { timeout: 5000 }).toContain(en.welcome);
      expect(server.web.inFlight()).toBe(0);
      await client.post({ text: 'when can I retake a test I failed?' });
      await expect.poll(() => client.botMessages().length, { timeout: 5000 }).toBe(2);
      expect(client.botMessages()[1]!.text).toMatch(/30 full days/);
      expect(client.errors).toEqual([]);
      expect(client.requests.filter((request) => request.startsWith('GET ') && request.includes('/activities'))).toEqual([]);
      // The bot "types" while the turn runs: pushed on the stream just before the reply, never stored;
      // its turn's end is a typing that lasts no time, which ends the dots where nothing is said.
      const lasts = (a: object) => ((a as { channelData?: unknown }).channelData as { webChat?: { styleOptions?: { typingAnimationDuration?: number } } } | undefined)?.webChat?.styleOptions?.typingAnimationDuration;
      await expect.poll(() => client.received.filter((a) => a.from.role === 'bot' && a.type === 'typing').map((a) => lasts(a) ?? 'shown')).toEqual(['shown', 0]);
      const seen = client.received.map((a) => `${a.from.role}:${a.type}`);
      expect(seen.indexOf('bot:typing')).toBeLessThan(seen.lastIndexOf('bot:message'));
      const stored = await call(server.url, `${activitiesPath(session.conversationId)}?watermark=0`, { token: session.token });
      expect((stored.json.activities as SeenActivity[]).filter((a) => a.type === 'typing')).toEqual([]);
    } finally {
      restore();
    }
  });

  it('runs a client retry of the same activity (same clientActivityID) only once', async () => {
    const session = await getSession(server.url);
    await startConversation(server.url, session);
    const body = { type: 'message', text: 'how much does a duplicate certificate cost?', channelData: { clientActivityID: 'retry-1' } };
    const first = await call(server.url, activitiesPath(session.conversationId), { token: session.token, body });
    const second = await call(server.url, activitiesPath(session.conversationId), { token: session.token, body });
    expect(second.json.id).toBe(first.json.id);
    const page = await call(server.url, `${activitiesPath(session.conversationId)}?watermark=0`, { token: session.token });
    const activities = page.json.activities as SeenActivity[];
    expect(activities.filter((a) => a.from.role === 'user')).toHaveLength(1);
    expect(activities.filter((a) => a.text?.includes('$7.50'))).toHaveLength(1);
  });
});

describe('what the bot is given, and what it may not be given', () => {
  const seen: Partial<Activity>[] = [];
  let server: WebServer;
  /** A turn that takes its time: it ends when the test says so. */
  let finishSlowTurn = () => {};
  beforeAll(
    async () =>
      (server = await startWebServer({
        env,
        onTurn: async (context: TurnContext) => {
          seen.push(context.activity);
          if (context.activity.text === 'fail') throw new Error('the bot fell over');
          if (context.activity.text === 'falla') {
            // A Spanish conversation's turn fails after the bot has read its language.
            setTurnLanguage(context, 'es');
            throw new Error('the bot fell over');
          }
          if (context.activity.text === 'slow') await new Promise<void>((resolve) => (finishSlowTurn = resolve));
          if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text}`);
        },
      })),
  );
  afterAll(() => server.close());
  afterEach(() => void seen.splice(0));

  it('starts with a conversationUpdate adding the bot and the token user, as Direct Line does', async () => {
    const session = await getSession(server.url);
    const started = await startConversation(server.url, session);
    expect(started.status).toBe(201);
    expect(started.json).toMatchObject({ conversationId: session.conversationId, expires_in: 1800 });
    expect(String(started.json.streamUrl)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/[^/]+\/stream\?watermark=0&t=/);
    expect(seen).toEqual([
      expect.objectContaining({
        type: 'conversationUpdate',
        channelId: 'directline',
        conversation: { id: session.conversationId },
        recipient: { id: 'candidate-assistant', name: 'Candidate Assistant', role: 'bot' },
        membersAdded: [{ id: 'candidate-assistant', name: 'Candidate Assistant' }, { id: session.userId, name: '' }],
      }),
    ]);
    // Starting again (directlinejs after a reload with the same token) does not start it twice.
    expect((await startConversation(server.url, session)).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it('passes the time zone and locale through, and sets from, recipient and ids itself', async () => {
    const session = await getSession(server.url);
    await startConversation(server.url, session);
    seen.splice(0);
    const posted = await call(server.url, activitiesPath(session.conversationId), {
      token: session.token,
      body: {
        type: 'message',
        text: 'hello',
        localTimezone: 'America/Los_Angeles',
        locale: 'en-US',
        from: { id: 'dl_someone-else', name: 'Pat', role: 'bot' },
        recipient: { id: 'another-bot' },
        serviceUrl: 'https://attacker.example',
        id: 'chosen-id',
        replyToId: 'x',
      },
    });
    expect(posted.status).toBe(200);
    const [activity] = seen;
    expect(activity).toMatchObject({
      type: 'message',
      text: 'hello',
      localTimezone: 'America/Los_Angeles',
      locale: 'en-US',
      id: posted.json.id,
      from: { id: session.userId, name: 'Pat', role: 'user' },
      recipient: { id: 'candidate-assistant', role: 'bot' },
      serviceUrl: 'urn:candidate-assistant:directline',
    });
    expect(activity!.timestamp).toBeInstanceOf(Date);
    expect(activity).not.toHaveProperty('replyToId');
    // The reply is already stored when the post is answered.
    const page = await call(server.url, `${activitiesPath(session.conversationId)}?watermark=0`, { token: session.token });
    expect((page.json.activities as SeenActivity[]).map((a) => a.text)).toEqual(['hello', 'echo: hello']);
    expect(page.json.watermark).toBe('2');
    const later = await call(server.url, `${activitiesPath(session.conversationId)}?watermark=1`, { token: session.token });
    expect((later.json.activities as SeenActivity[]).map((a) => a.text)).toEqual(['echo: hello']);
  });

  it('polling: a poll while a message\'s turn runs has the bot typing (never stored), and the poll after the reply has not', async () => {
    const session = await getSession(server.url);
    await startConversation(server.url, session);
    const posting = call(server.url, activitiesPath(session.conversationId), { token: session.token, body: { type: 'message', text: 'slow' } });
    const poll = async () => (await call(server.url, `${activitiesPath(session.conversationId)}?watermark=0`, { token: session.token })).json as { activities: SeenActivity[]; watermark: string };
    await expect.poll(async () => (await poll()).activities.map((a) => `${a.from.role}:${a.type}`), { timeout: 5000 }).toEqual(['user:message', 'bot:typing']);
    const during = await poll();
    expect(during.watermark).toBe('1');
    expect(during.activities.at(-1)).toMatchObject({ type: 'typing', from: { id: 'candidate-assistant', role: 'bot' }, conversation: { id: session.conversationId } });
    finishSlowTurn();
    expect((await posting).status).toBe(200);
    expect((await poll()).activities.map((a) => `${a.from.role}:${a.type}:${a.text ?? ''}`)).toEqual(['user:message:slow', 'bot:message:echo: slow']);
  });

  it('tells the user when the turn fails', async () => {
    const session = await getSession(server.url);
    await startConversation(server.url, session);
    await call(server.url, activitiesPath(session.conversationId), { token: session.token, body: { type: 'message', text: 'fail' } });
    const page = await call(server.url, activitiesPath(session.conversationId), { token: session.token });
    expect((page.json.activities as SeenActivity[]).map((a) => a.text)).toEqual(['fail', en.turnError]);
  });

  it('tells a Spanish conversation in Spanish when its turn fails', async () => {
    const session = await getSession(server.url);
    await startConversation(server.url, session);
    await call(server.url, activitiesPath(session.conversationId), { token: session.token, body: { type: 'message', text: 'falla' } });
    const page = await call(server.url, activitiesPath(session.conversationId), { token: session.token });
    expect((page.json.activities as SeenActivity[]).map((a) => a.text)).toEqual(['falla', es.turnError]);
  });

  it('accepts typing without keeping it or waking the bot', async () => {
    const session = await getSession(server.url);
    await startConversation(server.url, session);
    seen.splice(0);
    const typing = await call(server.url, activitiesPath(session.conversationId), { token: session.token, body: { type: 'typing' } });
    expect(typing.status).toBe(200);
    expect(seen).toEqual([]);
    const page = await call(server.url, activitiesPath(session.conversationId), { token: session.token });
    expect(page.json.activities).toEqual([]);
  });
});

describe('tokens and bad requests', () => {
  let server: WebServer;
  let mine: Awaited<ReturnType<typeof getSession>>;
  let theirs: Awaited<ReturnType<typeof getSession>>;
  beforeAll(async () => {
    server = await startWebServer({ env, onTurn: async () => undefined });
    mine = await getSession(server.url);
    theirs = await getSession(server.url);
    await startConversation(server.url, mine);
    await startConversation(server.url, theirs);
  });
  afterAll(() => server.close());

  it('gives each page its own user and conversation', () => {
    expect(mine.userId).not.toBe(theirs.userId);
    expect(mine.conversationId).not.toBe(theirs.conversationId);
  });

  it.each<[string, (id: string) => { path: string; body?: unknown }]>([
    ['read', (id: string) => ({ path: activitiesPath(id) })],
    ['post to', (id: string) => ({ path: activitiesPath(id), body: { type: 'message', text: 'hi' } })],
    ['reconnect to', (id: string) => ({ path: `/v3/directline/conversations/${id}` })],
    ['upload to', (id: string) => ({ path: `/v3/directline/conversations/${id}/upload?userId=x`, body: {} })],
  ])('refuses a token used to %s another conversation with 403', async (_name, request) => {
    const { path, body } = request(theirs.conversationId);
    const response = await call(server.url, path, { token: mine.token, body });
    expect(response.status).toBe(403);
    expect(response.json.error).toBe('token is not valid for this conversation');
  });

  it('refuses a request without a token with 401', async () => {
    const response = await call(server.url, activitiesPath(mine.conversationId));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it.each([
    ['signed with another key', () => createTokenSigner({ secret: 'x'.repeat(32) }).sign(mine.conversationId, mine.userId).token],
    ['expired', () => createTokenSigner({ secret: sharedSecret, clock: () => Date.now() - 3600_000 }).sign(mine.conversationId, mine.userId).token],
    ['not a token', () => 'not-a-token'],
    ['unsigned (alg none)', () => `${mine.token.split('.').slice(0, 2).join('.').replace(/^[^.]+/, Buffer.from('{"alg":"none"}').toString('base64url'))}.`],
  ])('refuses a token %s with 403', async (_name, token) => {
    const response = await call(server.url, activitiesPath(mine.conversationId), { token: token() });
    expect(response.status).toBe(403);
  });

  it('refreshes a token into a new one that still opens only its conversation', async () => {
    const refreshed = await call(server.url, '/v3/directline/tokens/refresh', { method: 'POST', token: mine.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toMatchObject({ conversationId: mine.conversationId, expires_in: 1800 });
    const token = String(refreshed.json.token);
    expect((await call(server.url, activitiesPath(mine.conversationId), { token })).status).toBe(200);
    expect((await call(server.url, activitiesPath(theirs.conversationId), { token })).status).toBe(403);
  });

  it('reconnects with a stream URL that resumes at the watermark', async () => {
    const response = await call(server.url, `/v3/directline/conversations/${mine.conversationId}?watermark=3`, { token: mine.token });
    expect(response.status).toBe(200);
    expect(String(response.json.streamUrl)).toContain('/stream?watermark=3&t=');
  });

  it.each([
    ['a type clients may not send', { type: 'invoke', name: 'x' }, /type: must be "message", "event" or "typing"/],
    ['no type', { text: 'hi' }, /type:/],
    ['an event without a name', { type: 'event' }, /name: an event needs a name/],
    ['text over 5000 characters', { type: 'message', text: 'a'.repeat(5001) }, /text: is longer than 5000 characters/],
    ['channelData that is not an object', { type: 'message', text: 'hi', channelData: 'x' }, /channelData:/],
    ['an array', [{ type: 'message' }], /body:|type:/],
  ])('answers %s with 400 and the reason', async (_name, body, reason) => {
    const response = await call(server.url, activitiesPath(mine.conversationId), { token: mine.token, body });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/^not a Direct Line activity/);
    expect(response.json.error).toMatch(reason);
  });

  it('answers malformed JSON and a bad watermark with 400', async () => {
    const bad = await call(server.url, activitiesPath(mine.conversationId), { token: mine.token, body: '{"type": "message",' });
    expect(bad.status).toBe(400);
    const watermark = await call(server.url, `${activitiesPath(mine.conversationId)}?watermark=abc`, { token: mine.token });
    expect(watermark.status).toBe(400);
    expect(watermark.json.error).toBe('watermark must be a whole number');
  });

  it('refuses a token request that tries to choose the user', async () => {
    const response = await call(server.url, '/api/directline/token', { body: { user: { id: 'dl_admin' } } });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/takes no parameters/);
  });

  it('answers 404 for a conversation the store no longer has (expired)', async () => {
    const session = await getSession(server.url);
    const response = await call(server.url, activitiesPath(session.conversationId), { token: session.token });
    expect(response.status).toBe(404);
  });

  it('refuses a stream for another conversation, without a token, or with a mangled path', async () => {
    const port = new URL(server.url).port;
    const refused = (url: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url);
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
        socket.on('error', () => undefined);
      });
    const base = `ws://127.0.0.1:${port}/v3/directline/conversations`;
    expect(await refused(`${base}/${theirs.conversationId}/stream?t=${mine.token}`)).toBe(403);
    expect(await refused(`${base}/${mine.conversationId}/stream`)).toBe(401);
    expect(await refused(`${base}/%E0%A4%A/stream?t=${mine.token}`)).toBe(400);
    expect(await refused(`${base}/${mine.conversationId}/stream?t=${mine.token}`)).toBe(101);
  });
});

describe('several instances on one store', () => {
  it('serves one conversation from any instance that shares the store and DIRECTLINE_LOCAL_SECRET', async () => {
    const storage = new MemoryStorage();
    const a = await startWebServer({ env, storage });
    const b = await startWebServer({ env, storage });
    const restore = withGlobalWebSocket();
    try {
      const session = await getSession(a.url);
      // The page streams from B while its posts land on A (a load balancer's round robin).
      const streamed = openDirectLine(b.url, session, { webSocket: true });
      clients.push(streamed);
      await expect.poll(() => streamed.botMessages().map((m) => m.text), { timeout: 5000 }).toContain(en.welcome);
      const posted = await call(a.url, activitiesPath(session.conversationId), {
        token: session.token,
        body: { type: 'message', text: 'how much does a duplicate certificate cost?' },
      });
      expect(posted.status).toBe(200);
      await expect.poll(() => streamed.botMessages().at(-1)?.text ?? '', { timeout: 5000 }).toContain('$7.50');
      const polled = await call(b.url, activitiesPath(session.conversationId), { token: session.token });
      expect((polled.json.activities as SeenActivity[]).map((m) => m.id)).toEqual(streamed.received.map((m) => m.id));
    } finally {
      restore();
      await a.close();
      await b.close();
    }
  });

  it('without a shared DIRECTLINE_LOCAL_SECRET, another instance refuses the token', async () => {
    const storage = new MemoryStorage();
    const a = await startWebServer({ storage, onTurn: async () => undefined });
    const b = await startWebServer({ storage, onTurn: async () => undefined });
    try {
      const session = await getSession(a.url);
      expect((await startConversation(a.url, session)).status).toBe(201);
      expect((await call(b.url, activitiesPath(session.conversationId), { token: session.token })).status).toBe(403);
      expect(await new DirectLineStore(storage).get(session.conversationId)).toBeDefined();
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('a store that cannot be reached', () => {
  it('answers 503, not 500', async () => {
    const storage = new MemoryStorage();
    const server = await startWebServer({ env, storage, onTurn: async () => undefined });
    try {
      const session = await getSession(server.url);
      await startConversation(server.url, session);
      const down = Object.assign(new Error('redis: connection is closed'), { name: 'StorageUnavailableError' });
      storage.read = async () => {
        throw down;
      };
      const response = await call(server.url, activitiesPath(session.conversationId), { token: session.token });
      expect(response.status).toBe(503);
    } finally {
      await server.close();
    }
  });
});
