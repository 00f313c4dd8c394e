import type { Request, Response, Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../logging/logger.js';
import { requestIdOf } from '../../http/requestIds.js';
import type { TwilioSmsAdapter } from './twilioAdapter.js';

export interface MountTwilioSmsDeps {
  adapter: TwilioSmsAdapter;
  /** The same turn handler /api/messages runs (turn gate, held replies, the bot). */
  onTurn: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** Default /api/sms/twilio. */
  path?: string;
}

/**
 * Adds Twilio's webhook route. The server's body reader (src/http/bodies.ts: a form on this route only) has already read the
 * form-encoded body into req.body and kept the raw text in req.rawBody. The handler is async and
 * takes no `next` (restify 11 refuses the mix), and catches everything itself.
 */
export function mountTwilioSms(server: Server, { adapter, onTurn, logger, path = '/api/sms/twilio' }: MountTwilioSmsDeps): void {
  server.post(path, async (req: Request, res: Response) => {
    try {
      await adapter.processWebhook(req as Request & { rawBody?: unknown }, res, onTurn);
    } catch (error) {
      logger.error({ err: error, requestId: requestIdOf(req) }, 'sms: Twilio webhook failed');
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('webhook failed');
      }
    }
  });
}
