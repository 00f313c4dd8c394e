import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { loggableConversationId } from '../logging/redact.js';
import { AuthenticationError, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorFactory } from 'botframework-connector';
import type { Activity } from 'botframework-schema';
import type { Config } from '../config.js';
import type { Logger } from '../logging/logger.js';
import { limitedConnectorFactory, type ReplyLimits } from './replyLimits.js';

export type AuthSettings = Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'> &
  Partial<Pick<Config, 'BOT_REPLY_TIMEOUT_MS' | 'BOT_REPLY_MAX_RETRY_AFTER_SECONDS'>>;

const tokenErrors = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botframework-connector lets a token with a bad signature escape as a plain JsonWebTokenError,
 * which CloudAdapter answers with 500. A forged token is the caller's fault: 401.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    settings: Record<string, string>,
    private readonly limit: (factory: ConnectorFactory) => ConnectorFactory,
  ) {
    super(settings);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      const result = await super.authenticateRequest(activity, authHeader);
      return result.connectorFactory ? { ...result, connectorFactory: this.limit(result.connectorFactory) } : result;
    } catch (error) {
      if (error instanceof Error && tokenErrors.has(error.name)) {
        throw new AuthenticationError(`bot-auth: token rejected (${error.message})`, 401);
      }
      throw error;
    }
  }

  // Proactive sends (staff replies, Teams notices) build their clients here.
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
