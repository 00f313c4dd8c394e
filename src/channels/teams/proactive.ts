import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from '../../logging/logger.js';

/**
 * Why a message could not be delivered to Teams, in words the handoff console can show an agent:
 * - bot-removed: 403, the bot was removed from the team or chat, uninstalled, blocked or disabled;
 * - conversation-gone: 404, the conversation (or the chat) no longer exists;
 * - rate-limited: 429 on every try, or Teams asked for a longer wait than we may spend;
 * - teams-unavailable: 5xx, 408/412 or a network failure on every try;
 * - rejected: any other refusal (400, 401 bad credentials, 413 too large ...) or an unexpected error.
 */
export type TeamsSendFailure = 'bot-removed' | 'conversation-gone' | 'rate-limited' | 'teams-unavailable' | 'rejected';

export type TeamsSendResult =
  | { delivered: true; activityId?: string; attempts: number }
  | {
      delivered: false;
      reason: TeamsSendFailure;
      attempts: number;
      /** HTTP status from Teams, when there was one. */
      status?: number;
      /** Teams' error code (BotNotInConversationRoster, ConversationNotFound ...), when it sent one. */
      code?: string;
      /** Wait Teams asked for before giving up on a 429, so the caller can try later. */
      retryAfterMs?: number;
      /** Short description for logs and the agent; never contains the message text. */
      detail: string;
    };

export interface SendToTeamsOptions {
  /** The bot's Microsoft App Id ('' in Emulator mode, where requests are unauthenticated). */
  appId: string;
  /** How many times to try again after a 429 / 5xx / network failure (default 3). */
  retries?: number;
  logger: Logger;
  /** Waits between tries; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** 0 <= x < 1; tests pass a fixed one. */
  random?: () => number;
  /** Epoch ms, to read a Retry-After given as an HTTP date. */
  now?: () => number;
  /** First backoff step (default 500 ms); doubles each try up to `maxDelayMs` (default 8 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest single wait we accept; a longer Retry-After ends the send as rate-limited (default 30 s). */
  maxWaitMs?: number;
}

export interface TeamsErrorClassification {
  kind: 'final' | 'retry';
  reason: TeamsSendFailure;
  status?: number;
  code?: string;
  retryAfterMs?: number;
  detail: string;
}

interface HeaderBag {
  get?: (name: string) => string | null | undefined;
  [name: string]: unknown;
}

const transientNetworkCodes = new Set([
  'REQUEST_SEND_ERROR',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const bag = headers as HeaderBag;
  if (typeof bag.get === 'function') return bag.get(name) ?? undefined;
  const key = Object.keys(bag).find((candidate) => candidate.toLowerCase() === name);
  const value = key ? bag[key] : undefined;
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}

/** Retry-After as milliseconds: `retry-after-ms`, or `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(headers: unknown, now: () => number = Date.now): number | undefined {
  const ms = header(headers, 'retry-after-ms') ?? header(headers, 'x-ms-retry-after-ms');
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const value = header(headers, 'retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

/** What an error from the Bot Connector means for delivery: give up now, or try again. */
export function classifyTeamsError(error: unknown, now: () => number = Date.now): TeamsErrorClassification {
  const err = (error ?? {}) as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
    name?: unknown;
    response?: { status?: unknown; headers?: unknown };
    details?: { error?: { code?: unknown; message?: unknown } };
  };
  const status =
    typeof err.statusCode === 'number' ? err.statusCode : typeof err.response?.status === 'number' ? err.response.status : undefined;
  const teamsCode = typeof err.details?.error?.code === 'string' ? err.details.error.code : undefined;
  const code = teamsCode ?? (typeof err.code === 'string' ? err.code : undefined);
  const message = typeof err.message === 'string' ? err.message : String(error);
  const detail = `${status ?? 'no status'}${code ? ` ${code}` : ''}: ${message}`.slice(0, 300);

  if (status === 403) return { kind: 'final', reason: 'bot-removed', status, code, detail };
  if (status === 404) return { kind: 'final', reason: 'conversation-gone', status, code, detail };
  if (status === 429) return { kind: 'retry', reason: 'rate-limited', status, code, retryAfterMs: retryAfterMs(err.response?.headers, now), detail };
  if (status !== undefined && (status >= 500 || status === 408 || status === 412)) {
    return { kind: 'retry', reason: 'teams-unavailable', status, code, retryAfterMs: retryAfterMs(err.response?.headers, now), detail };
  }
  if (status === undefined && (transientNetworkCodes.has(code ?? '') || err.name === 'AbortError')) {
    return { kind: 'retry', reason: 'teams-unavailable', code, detail };
  }
  return { kind: 'final', reason: 'rejected', status, code, detail };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The Bot Connector client retries 429 and 5xx itself (three times, sleeping for real). For these
 * sends we own the retry policy (bounded, jittered, observable, testable), so the client's own is
 * taken out of this one client's pipeline. The client is private to this send, so nothing else is
 * affected. Returns false when the client does not look as expected (then both policies apply).
 */
function disableConnectorRetries(adapter: CloudAdapter, context: TurnContext): boolean {
  const connector = context.turnState.get(adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy?: (options: { name: string }) => unknown[] } } }
    | undefined;
  const pipeline = connector?.client?.pipeline;
  if (typeof pipeline?.removePolicy !== 'function') return false;
  return pipeline.removePolicy({ name: 'defaultRetryPolicy' }).length > 0;
}

/**
 * Sends one activity into an existing Teams conversation outside a turn (handoff messages, agent
 * replies). Never throws: 403 and 404 end at once (the bot was removed, the chat is gone); 429, 5xx
 * and network failures are tried again up to `retries` times with exponential backoff and jitter,
 * never sooner than Teams' Retry-After; the result says what happened so the caller can tell the
 * agent. Errors are caught inside the turn, so the adapter's onTurnError never sees them (it would
 * apologise to the candidate and swallow the failure).
 */
export async function sendToTeams(
  adapter: CloudAdapter,
  reference: Partial<ConversationReference>,
  activity: Partial<Activity> | string,
  options: SendToTeamsOptions,
): Promise<TeamsSendResult> {
  const retries = Math.max(0, options.retries ?? 3);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 8000;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const log = options.logger.child({ component: 'teams-proactive', conversationId: reference.conversation?.id });
  const outgoing: Partial<Activity> = typeof activity === 'string' ? { type: 'message', text: activity } : activity;

  for (let attempt = 1; ; attempt++) {
    // Filled in by the turn below (a holder object, since the callback runs out of sight of the type checker).
    const outcome: { sent?: { id?: string }; failure?: unknown } = {};
    try {
      await adapter.continueConversationAsync(options.appId, reference, async (context) => {
        try {
          if (!disableConnectorRetries(adapter, context)) log.debug('connector retry policy not found; its retries add to ours');
          const response = await context.sendActivity(outgoing);
          outcome.sent = { id: response?.id };
        } catch (error) {
          outcome.failure = error;
        }
      });
    } catch (error) {
      // Raised before the turn ran: the connector or its token could not be created.
      outcome.failure = error;
    }
    if (outcome.sent && outcome.failure === undefined) {
      if (attempt > 1) log.info({ attempt }, 'teams message delivered after retrying');
      return { delivered: true, activityId: outcome.sent.id, attempts: attempt };
    }

    const problem = classifyTeamsError(outcome.failure ?? new Error('the turn ended without sending'), now);
    const fields = { attempt, status: problem.status, code: problem.code, reason: problem.reason, detail: problem.detail };
    const notDelivered = (retryAfter?: number): TeamsSendResult => ({
      delivered: false,
      reason: problem.reason,
      attempts: attempt,
      status: problem.status,
      code: problem.code,
      ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
      detail: problem.detail,
    });
    if (problem.kind === 'final') {
      log.warn(fields, 'teams message not delivered');
      return notDelivered();
    }
    if (attempt > retries) {
      log.warn(fields, 'teams message not delivered after retries');
      return notDelivered(problem.retryAfterMs);
    }

    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    const jittered = Math.round(backoff / 2 + random() * (backoff / 2));
    const wait = Math.max(problem.retryAfterMs ?? 0, jittered);
    if (wait > maxWaitMs) {
      log.warn({ ...fields, retryAfterMs: problem.retryAfterMs }, 'teams asked for a longer wait than allowed; not delivered');
      return notDelivered(problem.retryAfterMs);
    }
    log.info({ ...fields, waitMs: wait, retryAfterMs: problem.retryAfterMs }, 'teams send failed; trying again');
    await sleep(wait);
  }
}
