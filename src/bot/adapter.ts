import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { loggableConversationId } from '../logging/redact.js';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Activity } from 'botframework-schema';
import type { Config } from '../config.js';
import type { Logger } from '../logging/logger.js';

export type AuthSettings = Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'>;

const tokenErrors = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

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
 * Every way a request's token can fail comes out as one of two errors: an AuthenticationError with
 * 401 (forged, expired, for another bot, malformed: the caller's fault; botframework-connector lets
 * some of these escape as plain JsonWebTokenErrors, which CloudAdapter answers with 500), or
 * AuthMetadataUnavailableError (the keys could not be fetched: 503).
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    settings: Record<string, string>,
    private readonly logger: Logger,
  ) {
    super(settings);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await withLibraryConsoleAsDebug(this.logger, () => super.authenticateRequest(activity, authHeader));
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
  }
}

let quieted = 0;
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
    const toDebug = (...args: unknown[]) =>
      logger.debug({ library: 'botframework-connector', said: args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg).split('\n')[0])).join(' ') }, 'library output');
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

/**
 * With no app id the adapter accepts unauthenticated requests (the Emulator's way); with one, every
 * request must carry a valid channel JWT or it is answered 401.
 */
export function createAdapter(auth: AuthSettings, logger: Logger, sorry: string): ChannelAdapter {
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(auth)) if (value) settings[key] = value;
  if (auth.MicrosoftAppId && !auth.MicrosoftAppType) settings.MicrosoftAppType = 'MultiTenant';
  const adapter = new ChannelAdapter(new StrictAuthentication(settings, logger));
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
