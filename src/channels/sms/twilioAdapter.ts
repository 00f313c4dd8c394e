import type { IncomingHttpHeaders } from 'node:http';
import { ActivityTypes, RoleTypes } from 'botframework-schema';
import { BotAdapter, TurnContext } from 'botbuilder-core';
import type { Activity, Attachment, ConversationReference, ResourceResponse } from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';
// Only the signature check: the package index loads the whole REST client (240 modules, 0.13 s CPU at start).
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import type { Logger } from '../../logging/logger.js';
import { spokenFor, type SpokenText } from '../../language/turnLanguage.js';
import { BUSY_ATTEMPTS, runUntilServed } from '../busyRetry.js';
import { maskNumber, normaliseNumber } from './phone.js';
import { plainSmsText } from './renderSms.js';
import { splitForSms, type SplitOptions } from './segments.js';

/**
 * SMS straight from Twilio, for deployments without Azure Bot Service. Twilio POSTs each incoming
 * text to our webhook (form-encoded, signed with the account's auth token); we check the signature
 * against the public URL Twilio was given, answer at once with empty TwiML, run the bot, and send
 * its replies through Twilio's Messages REST API. Activities look like the Azure SMS channel's:
 * channelId 'sms', the conversation is the candidate's number.
 */

export interface TwilioSmsSettings {
  /** AC... */
  accountSid: string;
  authToken: string;
  /** Our Twilio number in E.164 (+1...): the From of every message. */
  phoneNumber?: string;
  /** MG...: send through a Messaging Service instead of a single number. One of the two is required. */
  messagingServiceSid?: string;
  /** The webhook URL exactly as configured at Twilio (the public one; behind a proxy the request's own URL differs). */
  webhookUrl: string;
  /** Default https://api.twilio.com. */
  apiBaseUrl?: string;
  /** Optional StatusCallback URL for delivery receipts. */
  statusCallbackUrl?: string;
}

export interface RetryOptions {
  /** Tries per message part, the first included. Default 4. */
  attempts?: number;
  /** First back-off in ms, doubled each retry, with jitter. Default 500. */
  baseDelayMs?: number;
  /** Longest wait between tries (a Retry-After header is honoured up to this). Default 8000. */
  maxDelayMs?: number;
}

export interface TwilioSmsAdapterOptions extends TwilioSmsSettings {
  logger: Logger;
  retry?: RetryOptions;
  split?: SplitOptions;
  /** Per request. Default 10,000 ms. */
  requestTimeoutMs?: number;
  /** Sent to the candidate when their turn fails (not when sending itself failed). */
  turnErrorText?: SpokenText;
  /** Tries of a turn whose conversation stays busy (another instance's turn holds it). Default 4. */
  busyAttempts?: number;
  /** For tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The parts of an HTTP request the webhook reads (restify's and node's requests fit). */
export interface WebhookRequest {
  headers: IncomingHttpHeaders;
  body?: unknown;
  /** The server's body reader (src/http/bodies.ts) keeps the unparsed body here. */
  rawBody?: unknown;
}

/** The parts of an HTTP response the webhook writes (node's ServerResponse, hence restify's). */
export interface WebhookResponse {
  readonly headersSent: boolean;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
}

/** Sending failed for good (a 4xx, or retries used up). Carries no personal data. */
export class TwilioSendError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    detail: string,
  ) {
    super(`Twilio SMS: message not sent (${detail})`);
    this.name = 'TwilioSendError';
  }
}

/** Twilio's error for a recipient who has replied STOP: expected, not a failure. */
export const TWILIO_OPTED_OUT = 21610;

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

type FormParams = Record<string, string | string[]>;

/** The form fields of a webhook request, from the raw body when there is one (what Twilio signed), else the parsed body. */
export function formParams(req: WebhookRequest): FormParams {
  const raw = req.rawBody ?? req.body;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) {
    const params: FormParams = {};
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
      const existing = params[key];
      params[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    return params;
  }
  const params: FormParams = {};
  if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === 'string') params[key] = value;
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) params[key] = value as string[];
    }
  }
  return params;
}

/** Twilio's own check of X-Twilio-Signature (HMAC-SHA1 of the URL and the sorted parameters, compared in constant time). */
export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: FormParams): boolean {
  if (!signature) return false;
  return validateRequest(authToken, signature, url, params);
}

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TwilioSmsAdapter extends BotAdapter {
  private readonly settings: TwilioSmsSettings & { apiBaseUrl: string };
  private readonly logger: Logger;
  private readonly retry: Required<RetryOptions>;
  private readonly split: SplitOptions;
  private readonly requestTimeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private running = 0;
  private readonly busyAttempts: number;

  constructor(options: TwilioSmsAdapterOptions) {
    super();
    const problems: string[] = [];
    if (!/^AC[0-9a-fA-F]{32}$/.test(options.accountSid ?? '')) problems.push('accountSid must be AC followed by 32 hex digits');
    if (!options.authToken) problems.push('authToken is required');
    if (!options.phoneNumber && !options.messagingServiceSid) problems.push('phoneNumber or messagingServiceSid is required');
    if (!/^https?:\/\//.test(options.webhookUrl ?? '')) problems.push('webhookUrl must be the full public http(s) URL configured at Twilio');
    if (problems.length) throw new Error(`TwilioSmsAdapter: ${problems.join('; ')}`);
    this.settings = { ...options, apiBaseUrl: (options.apiBaseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '') };
    this.logger = options.logger;
    this.retry = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8000, ...options.retry };
    this.split = options.split ?? {};
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.busyAttempts = options.busyAttempts ?? BUSY_ATTEMPTS;

    const sorry = options.turnErrorText;
    this.onTurnError = async (context: TurnContext, error: Error) => {
      this.logger.error(
        { err: error instanceof TwilioSendError ? { name: error.name, message: error.message } : error, from: maskNumber(context.activity.from?.id) },
        'sms: turn failed',
      );
      // When sending is what failed, another message would only fail again.
      if (!sorry || error instanceof TwilioSendError) return;
      try {
        await context.sendActivity({ type: ActivityTypes.Message, text: spokenFor(sorry, context), textFormat: 'plain' });
      } catch (sendError) {
        this.logger.warn({ reason: (sendError as Error).message }, 'sms: could not tell the candidate about the failed turn');
      }
    };
  }

  /** Webhook turns still running (their HTTP answer has already gone); for a graceful shutdown. */
  inFlight(): number {
    return this.running;
  }

  /**
   * Handles one Twilio webhook POST: 403 on a missing or wrong signature, 400 when it is not an
   * incoming message, else 200 with empty TwiML straight away and then the bot's turn (run again
   * after the holder's lease while its conversation is busy: see runUntilServed). Resolves when
   * the turn (and its sends) are done; never rejects because of the turn itself.
   */
  async processWebhook(req: WebhookRequest, res: WebhookResponse, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const params = formParams(req);
    const signature = first(req.headers['x-twilio-signature']);
    if (!isValidTwilioSignature(this.settings.authToken, signature, this.settings.webhookUrl, params)) {
      this.logger.warn({ signature: signature ? 'invalid' : 'missing' }, 'sms: webhook refused, Twilio signature does not match');
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Twilio signature missing or invalid');
      return;
    }
    const from = first(params.From);
    const to = first(params.To);
    if (!from || !to) {
      this.logger.warn({ fields: Object.keys(params).sort() }, 'sms: signed webhook without From/To; not an incoming message');
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not an incoming SMS (From and To are required)');
      return;
    }
    // Replies go through the REST API, so Twilio is answered before the bot thinks (its timeout is 15 s).
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(EMPTY_TWIML);

    const activity = this.activityFrom(params, from, to);
    this.logger.debug({ from: maskNumber(from), messageId: activity.id }, 'sms: message received');
    this.running++;
    try {
      // Twilio has its 200: a busy conversation is run again after the holder's lease, not apologised to.
      await runUntilServed((turnLogic) => this.runMiddleware(new TurnContext(this, activity), turnLogic), logic, {
        attempts: this.busyAttempts,
        sleep: this.sleep,
        onBusy: (retryAfterSeconds, attempt) => this.logger.warn({ from: maskNumber(from), messageId: activity.id, retryAfterSeconds, attempt }, 'sms: conversation busy; running the turn again after the lease'),
      });
    } catch (error) {
      // runMiddleware hands errors to onTurnError; this is what onTurnError itself threw.
      this.logger.error({ err: error, from: maskNumber(from) }, 'sms: turn failed and its error handler too');
    } finally {
      this.running--;
    }
  }

  private activityFrom(params: FormParams, from: string, to: string): Partial<Activity> {
    const candidate = normaliseNumber(from);
    const ours = normaliseNumber(to);
    const id = first(params.MessageSid) ?? first(params.SmsMessageSid) ?? first(params.SmsSid);
    const attachments: Attachment[] = [];
    const media = Number(first(params.NumMedia) ?? 0);
    for (let i = 0; i < Math.min(Number.isFinite(media) ? media : 0, 10); i++) {
      const contentUrl = first(params[`MediaUrl${i}`]);
      if (contentUrl) attachments.push({ contentType: first(params[`MediaContentType${i}`]) ?? 'application/octet-stream', contentUrl });
    }
    return {
      type: ActivityTypes.Message,
      id,
      channelId: 'sms',
      serviceUrl: this.settings.apiBaseUrl,
      timestamp: new Date(),
      conversation: { id: candidate, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: candidate, name: '', role: RoleTypes.User },
      recipient: { id: ours, name: '', role: RoleTypes.Bot },
      text: first(params.Body) ?? '',
      textFormat: 'plain',
      attachments: attachments.length ? attachments : undefined,
      channelData: { provider: 'twilio', messagingServiceSid: first(params.MessagingServiceSid) },
    };
  }

  /** The serviceUrl of every conversation this adapter carries (how its conversations are told apart). */
  get serviceUrl(): string {
    return this.settings.apiBaseUrl;
  }

  /** A reference for texting a number first (staff answering later): pass it to continueConversation. */
  referenceFor(number: string): Partial<ConversationReference> {
    const candidate = normaliseNumber(number);
    return {
      channelId: 'sms',
      serviceUrl: this.settings.apiBaseUrl,
      conversation: { id: candidate, isGroup: false, conversationType: 'personal', name: '' },
      user: { id: candidate, name: '', role: RoleTypes.User },
      bot: { id: this.settings.phoneNumber ? normaliseNumber(this.settings.phoneNumber) : (this.settings.messagingServiceSid ?? ''), name: '', role: RoleTypes.Bot },
    };
  }

  /** Proactive turn (staff reply, reminder): runs the middleware (so opt-outs apply) and `logic`. */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  override continueConversationAsync(claimsIdentity: ClaimsIdentity, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  override continueConversationAsync(
    claimsIdentity: ClaimsIdentity,
    reference: Partial<ConversationReference>,
    audience: string,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
  /** Same as continueConversation; Twilio has no Bot Framework identity, so the app id or claims are ignored. */
  override async continueConversationAsync(
    _botAppIdOrClaims: string | ClaimsIdentity,
    reference: Partial<ConversationReference>,
    logicOrAudience: ((context: TurnContext) => Promise<void>) | string,
    maybeLogic?: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new TypeError('TwilioSmsAdapter.continueConversationAsync: logic is required');
    await this.continueConversation(reference, logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await this.sleep(typeof activity.value === 'number' ? activity.value : 1000);
        responses.push({ id: '' });
      } else if (activity.type === ActivityTypes.Message) {
        responses.push(await this.sendMessage(context, activity));
      } else {
        // Typing indicators, traces, events: SMS has nothing to show for them.
        responses.push({ id: '' });
      }
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('TwilioSmsAdapter: a text message cannot be changed once sent');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('TwilioSmsAdapter: a text message cannot be deleted once sent');
  }

  private async sendMessage(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse> {
    const to = activity.recipient?.id ?? activity.conversation?.id ?? context.activity.from?.id;
    if (!to) throw new TwilioSendError(0, undefined, 'no recipient');
    const parts = splitForSms(plainSmsText(activity), this.split);
    let id = '';
    for (let index = 0; index < parts.length; index++) {
      const sid = await this.postMessage(to, parts[index]!, { part: index + 1, parts: parts.length });
      if (sid === undefined) break; // opted out at Twilio: the rest would be refused too
      id = sid;
    }
    return { id };
  }

  /** One message part, retried on 429/5xx/network errors. Resolves to its SID, or undefined when Twilio says the number opted out. */
  private async postMessage(to: string, body: string, where: { part: number; parts: number }): Promise<string | undefined> {
    const { accountSid, authToken, phoneNumber, messagingServiceSid, statusCallbackUrl, apiBaseUrl } = this.settings;
    const url = `${apiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
    const form = new URLSearchParams({ To: to, Body: body });
    if (messagingServiceSid) form.set('MessagingServiceSid', messagingServiceSid);
    else form.set('From', phoneNumber!);
    if (statusCallbackUrl) form.set('StatusCallback', statusCallbackUrl);
    const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    const log = { to: maskNumber(to), ...where };

    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: form.toString(),
          signal: AbortSignal.timeout(this.requestTimeoutMs),
        });
      } catch (error) {
        const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : ((error as Error).cause as { code?: string } | undefined)?.code ?? (error as Error).message;
        if (attempt < this.retry.attempts) {
          this.logger.warn({ ...log, attempt, reason }, 'sms: Twilio not reached; retrying');
          await this.sleep(this.backoff(attempt));
          continue;
        }
        this.logger.error({ ...log, attempt, reason }, 'sms: Twilio not reached; message not sent');
        throw new TwilioSendError(0, undefined, `Twilio not reached: ${reason}`);
      }

      if (response.ok) {
        const sent = (await response.json().catch(() => ({}))) as { sid?: string };
        return sent.sid ?? '';
      }
      const problem = (await response.json().catch(() => ({}))) as { code?: number; more_info?: string };
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && attempt < this.retry.attempts) {
        const delay = this.retryAfter(response) ?? this.backoff(attempt);
        this.logger.warn({ ...log, attempt, status: response.status, code: problem.code, delayMs: delay }, 'sms: Twilio busy; retrying');
        await this.sleep(delay);
        continue;
      }
      if (problem.code === TWILIO_OPTED_OUT) {
        this.logger.info({ ...log, status: response.status, code: problem.code }, 'sms: Twilio says the number has opted out; not sent');
        return undefined;
      }
      // Twilio's message text quotes the number, so only the status, code and reference page are logged.
      this.logger.error(
        { ...log, attempt, status: response.status, code: problem.code, moreInfo: problem.more_info },
        retryable ? 'sms: Twilio still failing after retries; message not sent' : 'sms: Twilio refused the message',
      );
      throw new TwilioSendError(response.status, problem.code, `HTTP ${response.status}${problem.code ? `, Twilio error ${problem.code}` : ''}`);
    }
  }

  /** Exponential back-off with jitter: half fixed, half random, so retries from many turns spread out. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + this.random() * (ceiling / 2));
  }

  private retryAfter(response: Response): number | undefined {
    const header = response.headers.get('retry-after');
    if (!header) return undefined;
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, this.retry.maxDelayMs) : undefined;
  }
}
