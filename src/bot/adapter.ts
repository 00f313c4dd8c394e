import { CloudAdapter } from 'botbuilder/lib/cloudAdapter.js';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder-core';
import type { TurnContext } from 'botbuilder';
import { loggableConversationId } from '../logging/redact.js';
import {
  AuthenticationConstants,
  AuthenticationError,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botframework-schema';
import type { Config } from '../config.js';
import type { Logger } from '../logging/logger.js';
import { spokenFor, type SpokenText } from '../language/turnLanguage.js';
import { limitedConnectorFactory, type ReplyLimits } from './replyLimits.js';

export type AuthSettings = Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'> &
  Partial<Pick<Config, 'BOT_REPLY_TIMEOUT_MS' | 'BOT_REPLY_MAX_RETRY_AFTER_SECONDS'>>;

const tokenErrors = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** Clients kept for reuse; the oldest goes first (without an app id a sender picks its serviceUrl). */
const MAX_CLIENTS = 100;

/** A bounded map of promised clients: a failed creation is forgotten so the next turn tries again. */
class ClientCache<T> {
  private readonly clients = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    const cached = this.clients.get(key);
    if (cached) return cached;
    const created = create();
    created.catch(() => this.clients.delete(key));
    if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    this.clients.set(key, created);
    return created;
  }
}

/** The app id a request's connector and token clients act for, as botframework-connector reads it. */
const appIdOf = (identity: ClaimsIdentity): string =>
  identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';

/** The connector factory of one request, handing out the client its app id already has for that service. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: ClientCache<ConnectorClient>,
    /** Applied to the factory only when a client is built (the reply limits go on each new client once). */
    private readonly limit: (factory: ConnectorFactory) => ConnectorFactory,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.get(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.limit(this.inner).create(serviceUrl, audience));
  }
}

/**
 * The Bot Framework's OpenID metadata (the keys tokens are checked against) could not be fetched:
 * no token can be judged right now, good or forged. The caller should try again (503), and it is
 * not the caller's fault, but neither is it a fault in this process.
 */
export class AuthMetadataUnavailableError extends Error {
  constructor(reason: string) {
    super(`bot-auth: the Bot Framework signing keys could not be fetched (${reason})`);
    this.name = 'AuthMetadataUnavailableError';
  }
}

/** botframework-connector's signs of a metadata fetch that failed (its own error, node-fetch's, a bad body). */
const isMetadataFailure = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  if (error instanceof AuthenticationError && /Failed to load (openID config|Keys)/i.test(error.message)) return true;
  return error.name === 'FetchError' || error.name === 'AbortError' || (error instanceof SyntaxError && /JSON/i.test(error.message));
};

/**
 * - Every way a request's token can fail comes out as one of two errors: an AuthenticationError with
 *   401 (forged, expired, for another bot, malformed: the caller's fault; botframework-connector lets
 *   some of these escape as plain JsonWebTokenErrors, which CloudAdapter answers with 500), or
 *   AuthMetadataUnavailableError (the keys could not be fetched: 503).
 * - CloudAdapter builds a new Bot Connector client and user-token client (each an HTTP pipeline of a
 *   dozen policies) for every incoming activity: about a twentieth of a FAQ turn's CPU. They hold no
 *   per-turn state (credentials fetch and cache their own tokens), so a turn reuses the ones built
 *   for the same app id and service, as the older BotFrameworkAdapter did. Proactive sends
 *   (continueConversationAsync) still get their own client: `sendToTeams` changes its pipeline.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new ClientCache<ConnectorClient>();
  private readonly tokenClients = new ClientCache<UserTokenClient>();

  constructor(
    settings: Record<string, string>,
    private readonly logger: Logger,
    private readonly limit: (factory: ConnectorFactory) => ConnectorFactory,
  ) {
    super(settings);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await withLibraryConsoleAsDebug(this.logger, () => super.authenticateRequest(activity, authHeader));
    } catch (error) {
      if (isMetadataFailure(error)) throw new AuthMetadataUnavailableError((error as Error).message);
      if (error instanceof AuthenticationError && error.statusCode === 401) throw error;
      if (error instanceof Error && tokenErrors.has(error.name)) {
        throw new AuthenticationError(`bot-auth: token rejected (${error.message})`, 401);
      }
      // Whatever else a token can make the library throw (a header it cannot split, a claim of the
      // wrong type) is still a token we cannot accept.
      throw new AuthenticationError(`bot-auth: token rejected (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`, 401);
    }
    if (!result.connectorFactory) return result;
    // Limited once, when the client is built; kept for the next turn on the same service.
    const connectorFactory = new ReusingConnectorFactory(result.connectorFactory, appIdOf(result.claimsIdentity), this.connectors, this.limit);
    return { ...result, connectorFactory };
  }

  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(identity), () => super.createUserTokenClient(identity));
  }

  // Proactive sends (staff replies, Teams notices) build their clients here, each its own.
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.limit(super.createConnectorFactory(claimsIdentity));
  }
}

let quieted = 0;

/** The library's console output as debug lines of `logger`: one writer per logger, not one per request. */
const debugWriters = new WeakMap<Logger, (...args: unknown[]) => void>();
function debugWriter(logger: Logger): (...args: unknown[]) => void {
  let write = debugWriters.get(logger);
  if (!write) {
    write = (...args: unknown[]) =>
      logger.debug({ library: 'botframework-connector', said: args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg).split('\n')[0])).join(' ') }, 'library output');
    debugWriters.set(logger, write);
  }
  return write;
}
let original: Pick<Console, 'error' | 'warn'> | undefined;

/**
 * botframework-connector prints every rejected token to stderr with console.error (a stack trace
 * for an expired one, the PEM of every key for a forged one): one request from anyone would write
 * several non-JSON lines. While a token is being checked, console.error/warn go to the JSON log at
 * debug level instead. The application itself never uses console (it logs through pino), so only
 * the library's lines are moved; the count keeps overlapping checks from restoring too early.
 */
async function withLibraryConsoleAsDebug<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  if (quieted++ === 0) {
    original = { error: console.error, warn: console.warn };
    const toDebug = debugWriter(logger);
    console.error = toDebug;
    console.warn = toDebug;
  }
  try {
    return await work();
  } finally {
    if (--quieted === 0 && original) {
      console.error = original.error;
      console.warn = original.warn;
    }
  }
}

/**
 * CloudAdapter with the authentication step on its own, so the server can answer a bad token
 * (401/503) itself: CloudAdapter.process answers anything but a 401 with 500 and the error's text,
 * and prints the error's stack to stderr.
 */
export class ChannelAdapter extends CloudAdapter {
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs the turn of an activity whose request `authenticate` accepted. */
  runAuthenticated(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(auth, activity, logic);
  }
}

/** Defaults for callers (tests) that pass only credentials; the app passes the configured values. */
const DEFAULT_REPLY_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RETRY_AFTER_SECONDS = 5;

/**
 * With no app id the adapter accepts unauthenticated requests (the Emulator's way); with one, every
 * request must carry a valid channel JWT or it is answered 401.
 */
export function createAdapter(auth: AuthSettings, logger: Logger, sorry: SpokenText): ChannelAdapter {
  const settings: Record<string, string> = {};
  for (const key of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId'] as const) {
    const value = auth[key];
    if (value) settings[key] = value;
  }
  if (auth.MicrosoftAppId && !auth.MicrosoftAppType) settings.MicrosoftAppType = 'MultiTenant';
  const limits: ReplyLimits = {
    deadlineMs: auth.BOT_REPLY_TIMEOUT_MS ?? DEFAULT_REPLY_TIMEOUT_MS,
    maxRetryAfterMs: (auth.BOT_REPLY_MAX_RETRY_AFTER_SECONDS ?? DEFAULT_MAX_RETRY_AFTER_SECONDS) * 1000,
  };
  let warned = false;
  const onUnlimited = () => {
    if (warned) return;
    warned = true;
    logger.error({}, 'bot-connector: could not add the reply deadline to botbuilder\'s HTTP pipeline (botbuilder changed?); replies have no timeout');
  };
  const adapter = new ChannelAdapter(new StrictAuthentication(settings, logger, (factory) => limitedConnectorFactory(factory, limits, onUnlimited)));
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error(
      { err: error, conversationId: loggableConversationId(context.activity.conversation?.id), activityId: context.activity.id },
      'turn failed',
    );
    try {
      await context.sendActivity(spokenFor(sorry, context));
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not tell the user about the failed turn');
    }
  };
  return adapter;
}
