import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { describeIssues, guarded, queryOf } from '../../channels/web/http.js';
import type { Logger } from '../../logging/logger.js';
import type { LiveChannel } from '../../storage/liveChannel.js';
import { isTurnBusy } from '../../storage/turnGate.js';
import { DeskError, MAX_CASE_PAGE, type AuditLog, type HandoffDesk, type LiveEvent, type StaffRole, type StaffUser } from '../types.js';
import { CONSOLE_ASSET_PATH, consoleSecurityPolicy, loadConsoleAssets } from './consoleAssets.js';
import { clearSessionCookie, readCookie, sessionCookie, STAFF_SESSION_COOKIE } from './cookies.js';
import type { CannedReply } from '../../knowledge/cannedReplies.js';
import type { LoginLimiter } from './loginLimiter.js';
import type { StaffPresence } from '../presence.js';
import { LANGUAGES } from '../../language/languages.js';
import { insightsCsv, insightsReport, type InsightsRecorder } from './insights.js';
import type { KnowledgeEditor } from './knowledgeEditor.js';
import { checkCsrf, type StaffSession, type StaffSessions } from './sessions.js';
import type { StaffDirectory } from './staffAccounts.js';

export interface StaffRoutesDeps {
  desk: HandoffDesk;
  directory: StaffDirectory;
  sessions: StaffSessions;
  limiter: LoginLimiter;
  audit: AuditLog;
  live: LiveChannel<LiveEvent>;
  logger: Logger;
  clock: () => Date;
  /** Secure cookies (HTTPS, or a browser on localhost). */
  secureCookies: boolean;
  /** Cookie lifetime: the sessions' absolute limit. */
  sessionMaxAgeSeconds: number;
  /** Behind a proxy that sets X-Forwarded-For: use it for the login rate limit. */
  trustProxy?: boolean;
  /** SSE heartbeat (default 15 s); also how often a stream re-checks its session. */
  heartbeatMs?: number;
  /** Replies staff insert with "/" in the console (knowledge/canned-replies.yaml). */
  cannedReplies?: CannedReply[];
  /** Agents' available/away (the queue's wait estimate counts the available ones). */
  presence?: StaffPresence;
  /** The turn figures behind the supervisors' insights. */
  insights?: InsightsRecorder;
  /** The improvement loop: editors attach unanswered questions to FAQ entries. */
  editor?: KnowledgeEditor;
}

export interface StaffConsole {
  /** Ends every open stream (before the HTTP server closes). */
  close(): Promise<void>;
}

const loginBody = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(1024) });
const messageBody = z.object({ text: z.string().trim().min(1).max(2000) });
const transferBody = z.object({ to: z.string().trim().min(1).max(100).nullable() });
const handBackBody = z.object({ note: z.string().trim().max(500).optional() });
const presenceBody = z.object({ status: z.enum(['available', 'away']) });
const alternateBody = z.object({ entryId: z.string().trim().min(1).max(100), text: z.string().trim().min(3).max(200) }).strict();
const outOfScopeBody = z.object({ text: z.string().trim().min(1).max(300), topicId: z.string().regex(/^[a-z0-9-]+$/).max(100).optional() }).strict();
const undoMarkBody = z.object({ text: z.string().trim().min(1).max(300) }).strict();
const caseId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(value)), 'a real day');
const historyQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    q: z.string().trim().max(200).optional(),
    channel: z.string().trim().max(40).optional(),
    agent: z.string().trim().max(100).optional(),
    outcome: z.enum(['candidate', 'agent', 'handback']).optional(),
  })
  .strict();
/**
 * A page of the queue: `GET /staff/api/cases?limit=50&offset=0`, in one language with `language=es`
 * (cases without a language are English).
 */
const pageNumber = (max: number) => z.string().regex(/^\d{1,6}$/, 'a whole number').transform(Number).pipe(z.number().int().min(0).max(max));
const casesQuery = z
  .object({
    language: z.enum(LANGUAGES).optional(),
    limit: pageNumber(MAX_CASE_PAGE).pipe(z.number().min(1, 'at least 1')).optional(),
    offset: pageNumber(999_999).optional(),
  })
  .strict();
/** A history search spans at most this many days (one store read per day). */
const MAX_HISTORY_DAYS = 31;

/** Who works cases: the default of every case route. */
const CASE_ROLES: readonly StaffRole[] = ['agent', 'supervisor'];
/** Insights: the figures, and the questions the bot could not answer. */
const INSIGHT_ROLES: readonly StaffRole[] = ['supervisor', 'editor'];

const deskStatus: Record<DeskError['code'], number> = { 'not-found': 404, forbidden: 403, conflict: 409, invalid: 400 };

const apiHeaders = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function reply(res: Response, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, { ...apiHeaders, ...headers });
    res.end();
    return;
  }
  const json = JSON.stringify(body);
  res.writeHead(status, { ...apiHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(json)), ...headers });
  res.end(json);
}

const refuse = (res: Response, status: number, error: string, message: string, headers?: Record<string, string>) => reply(res, status, { error, message }, headers);

/**
 * The support staff console: GET /staff (the page), its JSON API under /staff/api, and the live
 * stream. Every API route but login needs a session cookie; every POST but login also needs the
 * session's CSRF token in X-CSRF-Token and, when the browser sends one, a same-origin Origin.
 */
export function mountStaffConsole(server: Server, deps: StaffRoutesDeps): StaffConsole {
  const { logger } = deps;
  const heartbeatMs = deps.heartbeatMs ?? 15_000;
  const streams = new Set<() => void>();
  // One sign-in per username at a time on this instance: guesses sent together are all counted.
  const signingIn = new Set<string>();
  const pageHeaders = {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': consoleSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  };
  const assets = loadConsoleAssets();
  const page = assets.html;

  const clientIp = (req: Request): string | undefined => {
    const forwarded = req.headers['x-forwarded-for'];
    // The proxy appends the address it saw: the last entry. Earlier ones are whatever the client sent.
    if (deps.trustProxy && typeof forwarded === 'string') return forwarded.split(',').at(-1)?.trim() || req.socket?.remoteAddress;
    return req.socket?.remoteAddress;
  };

  /**
   * A signed-in member of staff was refused an action: audited with where it came from. (Requests
   * with no session are not audited, only logged: anyone could fill the audit log with them.)
   */
  const auditRefusal = (req: Request, actor: string, reason: string, caseId?: string) =>
    deps.audit.record({
      at: deps.clock().toISOString(),
      actor,
      action: 'action-refused',
      ...(caseId ? { caseId } : {}),
      detail: { reason, route: `${req.method ?? ''} ${(req.url ?? '').split('?')[0]}` },
      ...(clientIp(req) ? { address: clientIp(req) } : {}),
    });

  /** The signed-in user, or a refusal already sent. */
  const signedIn = async (req: Request, res: Response, options: { csrf: boolean }): Promise<{ session: StaffSession; token: string } | undefined> => {
    const token = readCookie(req.headers.cookie, STAFF_SESSION_COOKIE);
    const stored = await deps.sessions.get(token, deps.clock());
    // Who they are and their role come from the staff accounts now, not as they were at sign-in:
    // someone removed is signed out at once, someone demoted loses supervisor rights at once.
    const user = stored ? deps.directory.find(stored.user.username) : undefined;
    if (!stored || !token || !user) {
      refuse(res, 401, 'not-signed-in', 'Sign in to the staff console first.');
      return undefined;
    }
    const session: StaffSession = { ...stored, user };
    if (options.csrf) {
      const origin = req.headers.origin;
      if (origin && !sameOrigin(origin, req)) {
        await auditRefusal(req, user.username, 'csrf');
        refuse(res, 403, 'csrf', `Requests from ${origin} are not accepted.`);
        return undefined;
      }
      const given = req.headers['x-csrf-token'];
      if (!checkCsrf(session.csrfToken, typeof given === 'string' ? given : undefined)) {
        await auditRefusal(req, user.username, 'csrf');
        refuse(res, 403, 'csrf', 'The X-CSRF-Token header is missing or does not match this session.');
        return undefined;
      }
    }
    return { session, token };
  };

  /** A staff action on a case: session, CSRF for POSTs, a checked body, and desk refusals as HTTP codes. */
  const action = <B>(
    name: string,
    body: z.ZodType<B> | undefined,
    handler: (user: StaffUser, id: string, input: B, req: Request, res: Response) => Promise<void>,
    options: { csrf: boolean; roles?: readonly StaffRole[] } = { csrf: true },
  ) =>
    guarded(logger, name, async (req: Request, res: Response) => {
      const auth = await signedIn(req, res, options);
      if (!auth) return;
      // Every route names the roles it serves: case routes are for agents and supervisors only.
      const roles = options.roles ?? CASE_ROLES;
      if (!roles.includes(auth.session.user.role)) {
        await auditRefusal(req, auth.session.user.username, 'forbidden');
        return refuse(res, 403, 'forbidden', `This is for ${roles.join(' and ')} accounts; yours is ${auth.session.user.role}.`);
      }
      const given = caseId.safeParse(req.params?.id ?? '');
      if (req.params?.id !== undefined && !given.success) return refuse(res, 404, 'not-found', 'No such case.');
      // A case number ("C-1042") names the same case as its id.
      const resolved = given.success && req.params?.id !== undefined ? await deps.desk.caseIdFor(given.data) : undefined;
      if (req.params?.id !== undefined && !resolved) return refuse(res, 404, 'not-found', 'No such case.');
      const id = resolved ? { success: true as const, data: resolved } : { success: false as const };
      let input = undefined as B;
      if (body) {
        const parsed = body.safeParse(req.body === '' || req.body === undefined ? {} : req.body);
        if (!parsed.success) return refuse(res, 400, 'invalid-request', describeIssues(parsed.error));
        input = parsed.data;
      }
      try {
        await handler(auth.session.user, id.success ? id.data : '', input, req, res);
      } catch (error) {
        // The candidate's turn (or a colleague's action) held the conversation longer than we wait.
        if (isTurnBusy(error)) return refuse(res, 503, 'busy', 'The conversation is busy for a moment; try again.', { 'Retry-After': String(error.retryAfterSeconds) });
        if (!(error instanceof DeskError)) throw error;
        await auditRefusal(req, auth.session.user.username, error.code, id.success ? id.data : undefined);
        refuse(res, deskStatus[error.code], error.code, error.message.replace(/^handoff: /, ''));
      }
    });

  /** A knowledge-editor route: after action's checks, refused (404) where this instance has no editor; else the handler is given it. */
  const editorAction = <B>(
    name: string,
    body: z.ZodType<B> | undefined,
    handler: (editor: KnowledgeEditor, user: StaffUser, input: B, res: Response) => Promise<void>,
    options: { csrf: boolean; roles?: readonly StaffRole[] },
  ) =>
    action(name, body, async (user, _id, input, _req, res) => {
      if (!deps.editor) return refuse(res, 404, 'not-found', 'The knowledge editor is not on.');
      await handler(deps.editor, user, input, res);
    }, options);

  server.get('/staff', guarded(logger, 'staff.page', async (_req, res) => {
    res.writeHead(200, pageHeaders);
    res.end(page);
  }));
  // The console's stylesheet and modules, by hashed name: the name changes with the content, so they are cached for good.
  server.get(`${CONSOLE_ASSET_PATH}:file`, guarded(logger, 'staff.asset', async (req, res) => {
    const asset = assets.files.get(String(req.params?.file ?? ''));
    if (!asset) return refuse(res, 404, 'not-found', 'No such file.');
    res.writeHead(200, {
      'Content-Type': asset.contentType,
      'Content-Length': String(Buffer.byteLength(asset.body)),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(asset.body);
  }));

  server.post('/staff/api/login', guarded(logger, 'staff.login', async (req, res) => {
    const origin = req.headers.origin;
    if (origin && !sameOrigin(origin, req)) return refuse(res, 403, 'csrf', `Requests from ${origin} are not accepted.`);
    const parsed = loginBody.safeParse(req.body);
    if (!parsed.success) return refuse(res, 400, 'invalid-request', describeIssues(parsed.error));
    const { username, password } = parsed.data;
    const now = deps.clock();
    const ip = clientIp(req);
    const who = username.toLowerCase();
    if (signingIn.has(who)) return refuse(res, 429, 'too-many-attempts', 'A sign-in for this user is already in progress.', { 'Retry-After': '1' });
    signingIn.add(who);
    try {
      await signIn(req, res, username, password, ip, now);
    } finally {
      signingIn.delete(who);
    }
  }));

  // A name that is no account is often a password typed in the wrong box: it is not kept.
  const auditName = (typed: string) => deps.directory.find(typed)?.username ?? '(unknown user)';

  const signIn = async (_req: Request, res: Response, username: string, password: string, ip: string | undefined, now: Date): Promise<void> => {
    const address = ip ? { address: ip } : {};
    const check = await deps.limiter.check(username, ip, now);
    if (!check.allowed) {
      await deps.audit.record({ at: now.toISOString(), actor: auditName(username), action: 'login-refused', detail: { reason: 'rate-limited' }, ...address });
      return refuse(res, 429, 'too-many-attempts', 'Too many failed sign-ins. Try again later.', { 'Retry-After': String(check.retryAfterSeconds) });
    }
    const user = await deps.directory.authenticate(username, password);
    if (!user) {
      await deps.limiter.fail(username, ip, now);
      await deps.audit.record({ at: now.toISOString(), actor: auditName(username), action: 'login-failed', ...address });
      return refuse(res, 401, 'invalid-credentials', 'Wrong username or password.');
    }
    await deps.limiter.succeed(user.username, ip, now);
    const session = await deps.sessions.create(user, now);
    await deps.audit.record({ at: now.toISOString(), actor: user.username, action: 'signed-in', ...address });
    reply(res, 200, { user, csrfToken: session.csrfToken }, {
      'Set-Cookie': sessionCookie(session.token, { secure: deps.secureCookies, maxAgeSeconds: deps.sessionMaxAgeSeconds }),
    });
  };

  server.post('/staff/api/logout', guarded(logger, 'staff.logout', async (req, res) => {
    const auth = await signedIn(req, res, { csrf: true });
    if (!auth) return;
    await deps.sessions.destroy(auth.token);
    await deps.audit.record({ at: deps.clock().toISOString(), actor: auth.session.user.username, action: 'signed-out' });
    reply(res, 204, undefined, { 'Set-Cookie': clearSessionCookie(deps.secureCookies) });
  }));

  server.get('/staff/api/session', guarded(logger, 'staff.session', async (req, res) => {
    const auth = await signedIn(req, res, { csrf: false });
    if (auth) reply(res, 200, { user: auth.session.user, csrfToken: auth.session.csrfToken });
  }));

  server.get('/staff/api/agents', action('staff.agents', undefined, async (_user, _id, _input, _req, res) => {
    const statuses = (await deps.presence?.statuses(deps.clock())) ?? {};
    reply(res, 200, { agents: deps.directory.users().map((user) => ({ ...user, status: statuses[user.username] ?? 'away' })) });
  }, { csrf: false }));

  server.post('/staff/api/presence', action('staff.presence', presenceBody, async (user, _id, input, _req, res) => {
    await deps.presence?.set(user.username, input.status, deps.clock());
    reply(res, 200, { status: input.status });
  }));

  server.get('/staff/api/canned-replies', action('staff.cannedReplies', undefined, async (_user, _id, _input, _req, res) => {
    reply(res, 200, { replies: deps.cannedReplies ?? [] });
  }, { csrf: false }));

  server.get('/staff/api/cases', action('staff.cases', undefined, async (user, _id, _input, req, res) => {
    const parsed = casesQuery.safeParse(Object.fromEntries([...queryOf(req).entries()].filter(([, value]) => value !== '')));
    if (!parsed.success) return refuse(res, 400, 'invalid-request', describeIssues(parsed.error));
    const { language, limit, offset } = parsed.data;
    reply(res, 200, await deps.desk.cases(user, deps.clock(), { ...(language ? { language } : {}), ...(limit !== undefined ? { limit } : {}), ...(offset !== undefined ? { offset } : {}) }));
  }, { csrf: false }));

  server.get('/staff/api/cases/:id', action('staff.case', undefined, async (user, id, _input, _req, res) => {
    reply(res, 200, await deps.desk.open(user, id, deps.clock()));
  }, { csrf: false }));

  server.post('/staff/api/cases/:id/claim', action('staff.claim', undefined, async (user, id, _input, _req, res) => {
    reply(res, 200, { case: await deps.desk.claim(user, id, deps.clock()) });
  }));

  server.post('/staff/api/cases/:id/messages', action('staff.message', messageBody, async (user, id, input, _req, res) => {
    const line = await deps.desk.reply(user, id, input.text, deps.clock());
    if (line.delivery === 'failed') return reply(res, 502, { error: 'delivery-failed', message: `Not delivered: ${line.failure ?? 'unknown reason'}`, line });
    reply(res, 201, { line });
  }));

  // Sent by the console at most every few seconds while the owner types; 204, nothing kept.
  server.post('/staff/api/cases/:id/typing', action('staff.typing', undefined, async (user, id, _input, _req, res) => {
    await deps.desk.typing(user, id);
    reply(res, 204);
  }));

  server.post('/staff/api/cases/:id/transfer', action('staff.transfer', transferBody, async (user, id, input, _req, res) => {
    reply(res, 200, { case: await deps.desk.transfer(user, id, input.to, deps.clock()) });
  }));

  server.post('/staff/api/cases/:id/end', action('staff.end', undefined, async (user, id, _input, _req, res) => {
    reply(res, 200, { case: await deps.desk.end(user, id, deps.clock()) });
  }));

  server.post('/staff/api/cases/:id/handback', action('staff.handback', handBackBody, async (user, id, input, _req, res) => {
    reply(res, 200, { case: await deps.desk.handBack(user, id, input.note || undefined, deps.clock()) });
  }));

  server.get('/staff/api/history', action('staff.history', undefined, async (user, _id, _input, req, res) => {
    const given = Object.fromEntries([...queryOf(req).entries()].filter(([, value]) => value !== ''));
    const parsed = historyQuery.safeParse(given);
    if (!parsed.success) return refuse(res, 400, 'invalid-request', describeIssues(parsed.error));
    const today = deps.clock().toISOString().slice(0, 10);
    const to = parsed.data.to ?? parsed.data.from ?? today;
    const from = parsed.data.from ?? to;
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (span < 1 || span > MAX_HISTORY_DAYS) return refuse(res, 400, 'invalid-request', `from must be on or before to, at most ${MAX_HISTORY_DAYS} days apart (got ${from} to ${to})`);
    const { q, channel, agent, outcome } = parsed.data;
    const cases = await deps.desk.history(user, { from, to, ...(q ? { text: q } : {}), ...(channel ? { channel } : {}), ...(agent ? { agent } : {}), ...(outcome ? { outcome } : {}) }, deps.clock());
    reply(res, 200, { from, to, cases });
  }, { csrf: false }));

  /** The period of an insights request: from/to (UTC days), the last 7 days by default, at most 92. */
  const insightsFor = async (req: Request, res: Response) => {
    const parsed = z.object({ from: day.optional(), to: day.optional() }).strict().safeParse(Object.fromEntries([...queryOf(req).entries()].filter(([, value]) => value !== '')));
    if (!parsed.success) return refuse(res, 400, 'invalid-request', describeIssues(parsed.error));
    const now = deps.clock();
    const to = parsed.data.to ?? now.toISOString().slice(0, 10);
    const from = parsed.data.from ?? new Date(Date.parse(to) - 6 * 86_400_000).toISOString().slice(0, 10);
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (span < 1 || span > 92) return refuse(res, 400, 'invalid-request', `from must be on or before to, at most 92 days apart (got ${from} to ${to})`);
    const days = Array.from({ length: span }, (_, i) => new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10));
    const [figures, closed, marked] = await Promise.all([
      deps.insights ? deps.insights.days(days) : Promise.resolve([]),
      deps.desk.closedOn(days),
      deps.editor ? deps.editor.outOfScope() : Promise.resolve(new Set<string>()),
    ]);
    return insightsReport(from, to, figures, closed, marked);
  };

  server.get('/staff/api/insights', action('staff.insights', undefined, async (_user, _id, _input, req, res) => {
    const report = await insightsFor(req, res);
    if (report) reply(res, 200, report);
  }, { csrf: false, roles: INSIGHT_ROLES }));

  server.get('/staff/api/insights.csv', action('staff.insightsCsv', undefined, async (_user, _id, _input, req, res) => {
    const report = await insightsFor(req, res);
    if (!report) return;
    const csv = insightsCsv(report);
    res.writeHead(200, {
      ...apiHeaders,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="insights-${report.from}-to-${report.to}.csv"`,
      'Content-Length': String(Buffer.byteLength(csv)),
    });
    res.end(csv);
  }, { csrf: false, roles: INSIGHT_ROLES }));

  server.get('/staff/api/knowledge/entries', editorAction('staff.knowledge.entries', undefined, async (editor, _user, _input, res) => {
    reply(res, 200, { entries: editor.entries(), topics: editor.topics(), added: (await editor.added()).added, declined: await editor.declined(), marks: await editor.marks() });
  }, { csrf: false, roles: INSIGHT_ROLES }));

  server.post('/staff/api/knowledge/alternates/check', editorAction('staff.knowledge.check', alternateBody, async (editor, _user, input, res) => {
    reply(res, 200, await editor.check(input.entryId, input.text));
  }, { csrf: true, roles: ['editor'] }));

  server.post('/staff/api/knowledge/alternates', editorAction('staff.knowledge.add', alternateBody, async (editor, user, input, res) => {
    reply(res, 201, await editor.add(user, input.entryId, input.text, deps.clock()));
  }, { csrf: true, roles: ['editor'] }));

  server.post('/staff/api/knowledge/out-of-scope', editorAction('staff.knowledge.outOfScope', outOfScopeBody, async (editor, user, input, res) => {
    reply(res, 201, await editor.markOutOfScope(user, input.text, deps.clock(), input.topicId));
  }, { csrf: true, roles: ['editor'] }));

  // Undo: the change taken back out the same way it went in (files checked as kb:check checks them, store, audit, every instance).
  server.post('/staff/api/knowledge/alternates/undo', editorAction('staff.knowledge.undoAlternate', alternateBody, async (editor, user, input, res) => {
    reply(res, 200, await editor.undoAlternate(user, input.entryId, input.text, deps.clock()));
  }, { csrf: true, roles: ['editor'] }));

  server.post('/staff/api/knowledge/out-of-scope/undo', editorAction('staff.knowledge.undoOutOfScope', undoMarkBody, async (editor, user, input, res) => {
    reply(res, 200, await editor.undoOutOfScope(user, input.text, deps.clock()));
  }, { csrf: true, roles: ['editor'] }));

  server.get('/staff/api/audit', action('staff.audit', undefined, async (user, _id, _input, req, res) => {
    if (user.role !== 'supervisor') {
      await auditRefusal(req, user.username, 'forbidden');
      return refuse(res, 403, 'forbidden', 'Only supervisors read the audit log.');
    }
    const limit = Math.min(1000, Math.max(1, Number(queryOf(req).get('limit') ?? 100) || 100));
    reply(res, 200, { entries: await deps.audit.list(limit) });
  }, { csrf: false, roles: ['agent', 'supervisor', 'editor'] }));

  server.get('/staff/api/events', guarded(logger, 'staff.events', async (req, res) => {
    const auth = await signedIn(req, res, { csrf: false });
    if (!auth) return;
    const { user } = auth.session;
    // Subscribed before the stream opens: what happens after "connected" is heard. A subscription
    // that cannot be made (Redis reconnecting) is a 503 the browser retries, not a stream left hanging.
    const subscribed = await Promise.race([deps.live.ready().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000).unref())]);
    if (req.destroyed || res.destroyed || res.writableEnded) return;
    if (!subscribed) return refuse(res, 503, 'unavailable', 'Live updates are unavailable for a moment; try again.', { 'Retry-After': '3' });
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write(`retry: 3000\n: connected\n\n`);
    // An open console is an agent at their desk: seen now and at every heartbeat (presence).
    const seen = () => void deps.presence?.seen(user.username, deps.clock()).catch(() => undefined);
    seen();
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const unsubscribe = deps.live.subscribe((event) => {
      if (event.type === 'case') send('case', { caseId: event.caseId, status: event.status, owner: event.owner });
      // Agents hear the lines of their own cases; supervisors watch every case.
      else if (event.type === 'line' && (user.role === 'supervisor' || event.owner === user.username)) send('line', { caseId: event.caseId, line: event.line });
    });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(end);
      res.end();
    };
    // Each heartbeat also re-checks the session: signing out (anywhere) ends the stream.
    const heartbeat = setInterval(() => {
      void deps.sessions.get(auth.token, deps.clock()).then(
        // A role changed in the staff accounts ends the stream too; the page reconnects with the new one.
        (session) => (session && deps.directory.find(user.username)?.role === user.role ? (seen(), res.write(': ping\n\n')) : end()),
        () => res.write(': ping\n\n'),
      );
    }, heartbeatMs);
    streams.add(end);
    res.on('close', end);
  }));

  return {
    async close() {
      for (const end of [...streams]) end();
    },
  };
}

/** Is the browser's Origin this server (as the request reached it, through a proxy or not)? */
function sameOrigin(origin: string, req: Request): boolean {
  const forwardedHost = req.headers['x-forwarded-host'];
  const host = (typeof forwardedHost === 'string' ? forwardedHost.split(',')[0]?.trim() : undefined) ?? req.headers.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
