import { createServer as httpServer, type Server } from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';

/** A TCP port free on 127.0.0.1 right now (for a child process that must be told its port). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Listens on a free loopback port; `close` also destroys open sockets, so a server that holds a
 * request unanswered (a reply address that never answers) still closes at once.
 */
export async function listenOnLoopback(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A message activity POSTed to a bot's /api/messages as the Emulator sends it (no token). */
export function postMessage(messagesUrl: string, message: { id: string; text: string; conversation: string; serviceUrl: string }): Promise<Response> {
  return fetch(messagesUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: message.id,
      text: message.text,
      channelId: 'emulator',
      serviceUrl: message.serviceUrl,
      conversation: { id: message.conversation },
      from: { id: `user-${message.conversation}` },
      recipient: { id: 'bot' },
    }),
  });
}

/**
 * A Bot Connector stand-in on loopback: keeps the text of every activity the bot sent, per
 * conversation; a `silent` one never answers (a reply address that hangs).
 */
export async function startConnectorSink(options: { silent?: boolean } = {}) {
  const said = new Map<string, string[]>();
  const server = httpServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? '');
      said.set(conversation, [...(said.get(conversation) ?? []), (JSON.parse(body || '{}') as { text?: string }).text ?? '']);
      if (options.silent) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"sent"}');
    });
  });
  return { ...(await listenOnLoopback(server)), said };
}

/** A reply the bot sent to the Bot Connector: which conversation, in reply to which activity, what it said. */
export interface SentReply {
  conversation: string;
  replyToId: string;
  text: string;
}

/** A stand-in Bot Connector on loopback that records every reply in `sent` (in arrival order) and acknowledges it. */
export async function replySink(sent: SentReply[]): Promise<{ url: string; close: () => Promise<void> }> {
  return listenOnLoopback(
    httpServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const activity = JSON.parse(body || '{}') as { text?: string; replyToId?: string; conversation?: { id?: string } };
        sent.push({ conversation: activity.conversation?.id ?? '', replyToId: activity.replyToId ?? '', text: activity.text ?? '' });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"sent"}');
      });
    }),
  );
}
