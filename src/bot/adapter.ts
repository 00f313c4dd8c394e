import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
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
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.get(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/**
 * - botframework-connector lets a token with a bad signature escape as a plain JsonWebTokenError,
 *   which CloudAdapter answers with 500. A forged token is the caller's fault: 401.
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
    private readonly limit: (factory: ConnectorFactory) => ConnectorFactory,
  ) {
    super(settings);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      const result = await super.authenticateRequest(activity, authHeader);
      if (!result.connectorFactory) return result;
      // Limited once, when the client is built; kept for the next turn on the same service.
      const connectorFactory = new ReusingConnectorFactory(this.limit(result.connectorFactory), appIdOf(result.claimsIdentity), this.connectors);
      return { ...result, connectorFactory };
    } catch (error) {
      if (error instanceof Error && tokenErrors.has(error.name)) {
        throw new AuthenticationError(`bot-auth: token rejected (${error.message})`, 401);
      }
      throw error;
    }
  }

  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(identity), () => super.createUserTokenClient(identity));
  }

  // Proactive sends (staff replies, Teams notices) build their clients here, each its own.
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.limit(super.createConnectorFactory(claimsIdentity));
  }
}

/** Defaults for callers (tests) that pass only credentials; the app passes the configured values. */
const DEFAULT_REPLY_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RETRY_AFTER_SECONDS = 5;

/**
 * With no app id the adapter accepts unauthenticated requests (the Emulator's way); with one, every
 * request must carry a valid channel JWT or it is answered 401.
 */
export function createAdapter(auth: AuthSettings, logger: Logger, sorry: string): CloudAdapter {
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
  const adapter = new CloudAdapter(new StrictAuthentication(settings, (factory) => limitedConnectorFactory(factory, limits, onUnlimited)));
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error(
      { err: error, conversationId: loggableConversationId(context.activity.conversation?.id), activityId: context.activity.id },
      'turn failed',
    );
    try {
      await context.sendActivity(sorry);
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not tell the user about the failed turn');
    }
  };
  return adapter;
}
