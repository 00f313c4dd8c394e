import type { Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../logging/logger.js';
import { newConversationId, newUserId, type TokenSigner } from './directLineTokens.js';
import { describeIssues, guarded, sendError } from './http.js';
import { DIRECTLINE_BASE } from './directLineRoutes.js';
import type { RateLimits } from '../../http/rateLimits.js';
import { refuse } from '../../http/refusals.js';

export const TOKEN_ROUTE = '/api/directline/token';

/** What the page gets: enough to open Direct Line, and nothing that outlives the token. */
export interface ChatSession {
  token: string;
  conversationId: string;
  /** The user id bound into the token; the page cannot post as anyone else. */
  userId: string;
  expiresIn: number;
  /** The Direct Line base URL (relative for the built-in endpoint). */
  domain: string;
  /** Whether the page should use the WebSocket stream (else it polls). */
  webSocket: boolean;
}

export type TokenSource =
  | { kind: 'azure'; secret: string; domain: string; fetch?: typeof fetch; timeoutMs?: number }
  | { kind: 'local'; signer: TokenSigner; webSocket: boolean };

/** Nothing may be asked of the token route: in particular not a user id. */
const tokenRequest = z.union([z.undefined(), z.object({}).strict()]);

const azureTokenResponse = z.object({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

export class TokenServiceError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'TokenServiceError';
  }
}

/**
 * Exchanges the Direct Line secret for a token bound to a new `dl_` user id (Azure Bot Service's
 * POST /tokens/generate). The secret stays on the server; the token expires (`expires_in`) and
 * opens one conversation.
 */
export async function generateAzureToken(
  source: Extract<TokenSource, { kind: 'azure' }>,
  userId: string,
): Promise<Omit<ChatSession, 'userId' | 'webSocket' | 'domain'>> {
  let response: Response;
  try {
    response = await (source.fetch ?? fetch)(`${source.domain}/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${source.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(source.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new TokenServiceError(`Direct Line token service ${timedOut ? 'timed out' : `unreachable (${(error as Error).message})`}`, timedOut ? 504 : 502);
  }
  if (!response.ok) {
    // 403 here means the secret is wrong or revoked: an operator problem, not the page's.
    throw new TokenServiceError(`Direct Line token service answered ${response.status}`, 502);
  }
  const parsed = azureTokenResponse.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new TokenServiceError(`Direct Line token service sent an unexpected body (${describeIssues(parsed.error)})`, 502);
  return { token: parsed.data.token, conversationId: parsed.data.conversationId, expiresIn: parsed.data.expires_in };
}

/** POST /api/directline/token: a fresh chat session for the page, from Azure or the built-in endpoint. */
export function mountTokenRoute(server: Server, source: TokenSource, logger: Logger, limits: RateLimits): void {
  server.post(
    TOKEN_ROUTE,
    guarded(logger, 'directline.token', async (req, res) => {
      const client = limits.clientOf(req);
      const rate = await limits.take('directlineTokens', client);
      if (!rate.allowed) {
        return refuse(logger, req, res, { status: 429, message: 'too many chat sessions from this address; try again shortly', reason: 'http.rateLimits: directlineTokens', retryAfterSeconds: rate.retryAfterSeconds }, client);
      }
      const body = tokenRequest.safeParse(req.body === '' ? undefined : req.body);
      if (!body.success) return sendError(res, 400, `the token request takes no parameters (${describeIssues(body.error)})`);
      const userId = newUserId();
      let session: ChatSession;
      if (source.kind === 'azure') {
        try {
          session = { ...(await generateAzureToken(source, userId)), userId, domain: source.domain, webSocket: true };
        } catch (error) {
          if (!(error instanceof TokenServiceError)) throw error;
          logger.error({ reason: error.message }, 'could not get a Direct Line token');
          return sendError(res, error.status, 'the chat service is unavailable; try again shortly');
        }
      } else {
        const conversationId = newConversationId();
        const { token, expiresIn } = source.signer.sign(conversationId, userId);
        session = { token, conversationId, userId, expiresIn, domain: DIRECTLINE_BASE, webSocket: source.webSocket };
      }
      res.header('Cache-Control', 'no-store');
      res.json(session);
    }),
  );
}
