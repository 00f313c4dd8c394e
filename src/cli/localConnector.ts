import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/**
 * A stand-in for the Bot Connector service on loopback: it posts a channel's activities to the bot's
 * /api/messages with its own address as `serviceUrl`, and collects what the bot sends back there
 * (replies, and later staff messages), as Azure Bot Service would deliver them to the channel. Used
 * by `npm run chat` and the conversation tests, so both reach the bot exactly as a channel does:
 * through the HTTP route, the adapter's middleware and the turn runner.
 */
export interface LocalConnector {
  /** This connector's address, to put in each activity's `serviceUrl`. */
  serviceUrl: string;
  /** Posts an activity to the bot's /api/messages and returns the replies of that turn. */
  send(activity: Partial<Activity>): Promise<{ status: number; replies: Array<Partial<Activity>> }>;
  /** Called for every activity the bot sends to a conversation while no `send` of it is waiting. */
  onUnprompted?: (activity: Partial<Activity>) => void;
  close(): Promise<void>;
}

export async function startLocalConnector(botUrl: string): Promise<LocalConnector> {
  /** Activities received per conversation since its last `send` collected them. */
  const waiting = new Map<string, Array<Partial<Activity>>>();
  let receiving = 0;
  let settled: Array<() => void> = [];

  const sink = createServer((req: IncomingMessage, res: ServerResponse) => {
    receiving++;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const conversationId = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1];
      if (req.method === 'POST' && conversationId) {
        const activity = parse(Buffer.concat(chunks).toString('utf8'));
        const id = decodeURIComponent(conversationId);
        if (activity) {
          const collecting = waiting.get(id);
          if (collecting) collecting.push(activity);
          else connector.onUnprompted?.(activity);
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
      if (--receiving === 0) for (const wake of settled.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`;
  /** Resolves once no delivery to the sink is half-way (a reply sent just before the 200). */
  const quiet = () => (receiving === 0 ? Promise.resolve() : new Promise<void>((resolve) => settled.push(resolve)));

  const connector: LocalConnector = {
    serviceUrl,
    async send(activity) {
      const conversationId = activity.conversation?.id ?? '';
      const replies: Array<Partial<Activity>> = [];
      waiting.set(conversationId, replies);
      try {
        // The adapter sends a message turn's replies before it answers the POST, so they are here by then.
        const response = await fetch(`${botUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ serviceUrl, ...activity }),
        });
        await response.arrayBuffer();
        await quiet();
        return { status: response.status, replies };
      } finally {
        waiting.delete(conversationId);
      }
    },
    close: async () => {
      settled = [];
      sink.closeAllConnections();
      await new Promise<void>((resolve) => sink.close(() => resolve()));
    },
  };
  return connector;
}

function parse(body: string): Partial<Activity> | undefined {
  try {
    return JSON.parse(body) as Partial<Activity>;
  } catch {
    return undefined;
  }
}
