import type { ConnectorClient, ConnectorFactory } from 'botframework-connector';

/**
 * Limits on the bot's outgoing Bot Connector calls (replies, proactive messages). botbuilder sets no
 * timeout on them, and its HTTP pipeline (@azure/core-rest-pipeline) waits out any `Retry-After` a
 * service sends: a reply address that accepts and never answers held a conversation's turn lock for
 * 25 minutes. With these limits a reply that cannot be delivered in time is a failed reply: the turn
 * ends (its lock is released) and the failure is logged as what it is, never as a store outage.
 */
export interface ReplyLimits {
  /** The whole call, retries included, must end within this (ms). */
  deadlineMs: number;
  /** A 429/503 asking to retry later than this (ms) is not waited for: the call fails at once. */
  maxRetryAfterMs: number;
}

/**
 * A reply the channel asked us to send much later than we wait: not sent. It carries `statusCode`
 * and `response` as the pipeline's own RestError does, so callers that read those (the Teams sender
 * reports "rate-limited" with the wait) see what the service said.
 */
export class ReplyRetryAfterTooLongError extends Error {
  readonly statusCode: number;

  constructor(
    readonly url: string,
    /** The service's response itself: @azure/core-client reads its request when the error passes. */
    readonly response: PipelineResponse,
    readonly retryAfterMs: number,
    readonly maxRetryAfterMs: number,
  ) {
    super(`bot-connector: ${url} asked to retry after ${Math.ceil(retryAfterMs / 1000)} s, over the ${Math.ceil(maxRetryAfterMs / 1000)} s cap; not sent`);
    this.name = 'ReplyRetryAfterTooLongError';
    this.statusCode = response.status;
  }
}

/** The slice of @azure/core-rest-pipeline's Pipeline and request/response used here (structural: no import of that package). */
interface PipelineRequest {
  url: string;
  timeout: number;
  abortSignal?: AbortSignal;
}
interface PipelineResponse {
  status: number;
  headers: { get(name: string): string | undefined };
}
interface PipelinePolicy {
  name: string;
  sendRequest(request: PipelineRequest, next: (request: PipelineRequest) => Promise<PipelineResponse>): Promise<PipelineResponse>;
}
interface Pipeline {
  addPolicy(policy: PipelinePolicy, options?: { afterPhase?: 'Retry' }): void;
  getOrderedPolicies(): Array<{ name: string }>;
}

const DEADLINE_POLICY = 'candidateAssistantReplyDeadline';
const RETRY_AFTER_POLICY = 'candidateAssistantReplyRetryAfterCap';

/**
 * `Retry-After` as milliseconds: `retry-after-ms` / `x-ms-retry-after-ms`, or `Retry-After` in
 * seconds or as an HTTP date (`now` is epoch ms). Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: { get(name: string): string | undefined }, now: number): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = Number(headers.get(name));
    if (headers.get(name) !== undefined && Number.isFinite(value) && value >= 0) return value;
  }
  const raw = headers.get('retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(raw)) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Adds the limits to one ConnectorClient's HTTP pipeline: the deadline outside the retry policy (it
 * aborts the call, retries and their waits included), the Retry-After cap inside it (it sees every
 * attempt's response before the retry policy would wait). Returns false when the client's pipeline
 * is not where botbuilder 4.23 keeps it (a botbuilder upgrade): the caller logs that loudly, and the
 * reply-address test fails.
 */
export function limitConnectorClient(client: ConnectorClient, limits: ReplyLimits, clock: () => number = Date.now): boolean {
  // ServiceClientContext (botbuilder-stdlib) keeps its @azure/core-client ServiceClient as `client`.
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!pipeline || typeof pipeline.addPolicy !== 'function') return false;
  if (pipeline.getOrderedPolicies().some((policy) => policy.name === DEADLINE_POLICY)) return true;
  pipeline.addPolicy({
    name: DEADLINE_POLICY,
    sendRequest: async (request, next) => {
      // A plain controller and a timer cleared when the call ends: Node 20's AbortSignal.timeout
      // and AbortSignal.any make transferable signals (makeTransferable shows in every reply's
      // profile) and keep them, with their timers, alive for the whole deadline after the reply
      // has gone: thousands at a time under load.
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(new DOMException(`bot-connector: no answer within ${limits.deadlineMs} ms`, 'TimeoutError')), limits.deadlineMs);
      timer.unref();
      const outer = request.abortSignal;
      const relay = () => deadline.abort(outer?.reason);
      if (outer?.aborted) relay();
      else outer?.addEventListener('abort', relay, { once: true });
      request.abortSignal = deadline.signal;
      request.timeout = limits.deadlineMs;
      try {
        return await next(request);
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener('abort', relay);
      }
    },
  });
  pipeline.addPolicy(
    {
      name: RETRY_AFTER_POLICY,
      sendRequest: async (request, next) => {
        const response = await next(request);
        if (response.status === 429 || response.status === 503) {
          const wait = retryAfterMs(response.headers, clock());
          if (wait !== undefined && wait > limits.maxRetryAfterMs) throw new ReplyRetryAfterTooLongError(request.url, response, wait, limits.maxRetryAfterMs);
        }
        return response;
      },
    },
    { afterPhase: 'Retry' },
  );
  return true;
}

/** A ConnectorFactory whose clients carry the limits. */
export function limitedConnectorFactory(inner: ConnectorFactory, limits: ReplyLimits, onUnlimited: () => void): ConnectorFactory {
  const limited = Object.create(inner) as ConnectorFactory;
  limited.create = async (serviceUrl: string, audience?: string): Promise<ConnectorClient> => {
    const client = await inner.create(serviceUrl, audience);
    if (!limitConnectorClient(client, limits)) onUnlimited();
    return client;
  };
  return limited;
}
