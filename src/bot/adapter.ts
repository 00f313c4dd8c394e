import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { loggableConversationId } from '../logging/redact.js';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Activity } from 'botframework-schema';
import type { Config } from '../config.js';
import type { Logger } from '../logging/logger.js';

export type AuthSettings = Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'>;

const tokenErrors = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botframework-connector lets a token with a bad signature escape as a plain JsonWebTokenError,
 * which CloudAdapter answers with 500. A forged token is the caller's fault: 401.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && tokenErrors.has(error.name)) {
        throw new AuthenticationError(`bot-auth: token rejected (${error.message})`, 401);
      }
      throw error;
    }
  }
}

/**
 * With no app id the adapter accepts unauthenticated requests (the Emulator's way); with one, every
 * request must carry a valid channel JWT or it is answered 401.
 */
export function createAdapter(auth: AuthSettings, logger: Logger, sorry: string): CloudAdapter {
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(auth)) if (value) settings[key] = value;
  if (auth.MicrosoftAppId && !auth.MicrosoftAppType) settings.MicrosoftAppType = 'MultiTenant';
  const adapter = new CloudAdapter(new StrictAuthentication(settings));
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
