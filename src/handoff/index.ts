import type { Storage } from 'botbuilder';
import type { Server } from 'restify';
import type { Logger } from '../logging/logger.js';
import type { HandoffMessages } from '../messages/enHandoff.js';
import { memoryChannel, type LiveChannel } from '../storage/liveChannel.js';
import { ExternalHandoffRelay } from './externalRelay.js';
import { StaffHandoffRelay, type HandoffRelay } from './relay.js';
import { CaseStore } from './caseStore.js';
import { writesKnowledgeFiles, type HandoffConfig } from './config.js';
import { HandoffService } from './handoffService.js';
import { StaffPresence, type AgentStatus } from './presence.js';
import type { Language } from '../language/languages.js';
import { InsightsRecorder, type InsightEvent } from './staff/insights.js';
import { StoredAuditLog } from './staff/auditLog.js';
import { LoginLimiter } from './staff/loginLimiter.js';
import { StaffSessions } from './staff/sessions.js';
import type { StaffDirectory } from './staff/staffAccounts.js';
import { mountStaffConsole, type StaffConsole } from './staff/staffRoutes.js';
import { estimateWaitMinutes, formatReplyBy, parseSupportHours, supportStatus } from './supportHours.js';
import { worksCases, type CandidateDelivery, type LiveEvent } from './types.js';
import type { TurnGate } from '../storage/turnGate.js';
import type { Sequence } from '../storage/sequence.js';
import type { OpenQueue } from '../storage/openQueue.js';
import type { CannedReply } from '../knowledge/cannedReplies.js';
import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { KnowledgeEditor, type KnowledgeChange } from './staff/knowledgeEditor.js';

export interface HandoffParts {
  config: HandoffConfig & { DEFAULT_TIMEZONE: string; KNOWLEDGE_DIR: string; NODE_ENV: string; REDIS_URL?: string | undefined; REDIS_CLUSTER_NODES?: string | undefined; REDIS_SENTINELS?: string | undefined };
  storage: Storage;
  /** Heard by every instance (Redis pub/sub) or this process only (default). */
  live?: LiveChannel<LiveEvent>;
  /** Who may sign in to the staff console. Without it, console mode has nobody to answer: no handoff. */
  staff?: StaffDirectory;
  delivery: CandidateDelivery;
  /** What the candidate is told, by the conversation's language. */
  messages: (language: Language) => HandoffMessages;
  clock: () => Date;
  logger: Logger;
  /** The turn gate: staff actions on a case wait for the candidate's turn in progress, and vice versa. */
  gate?: TurnGate;
  /** Case numbers (C-1001...): the store's shared sequence, so two instances never give one number twice. */
  caseNumbers?: Sequence;
  /** The queue of open cases: the store's (a Redis sorted set shared by every instance); this process's own by default. */
  queue?: OpenQueue;
  /** Replies staff insert in the console (knowledge/canned-replies.yaml). */
  cannedReplies?: CannedReply[];
  /** The bot's knowledge, which editors improve (added alternates), and the channel that tells every instance. */
  knowledge?: KnowledgeBase;
  knowledgeLive?: LiveChannel<KnowledgeChange>;
  /** Hears how long each new case took to be queued with its place (seconds): /metrics' histogram. */
  handoffTimed?: (seconds: number) => void;
}

export interface Handoff {
  mode: 'console' | 'external';
  relay: HandoffRelay;
  /** Mounts /staff and its API (console mode). */
  mount?: (server: Server) => void;
  /** Ends the console's live streams (before the HTTP server closes). */
  close(): Promise<void>;
  /** The console's queue right now, for /metrics: cases waiting and the longest wait (console mode). */
  queue?: (now: Date) => Promise<{ queued: number; oldestWaitSeconds: number }>;
  /** The website chat's connection for a conversation opened or closed: the candidate's presence. */
  connection?: (conversationKey: string, open: boolean) => void;
  /** The candidate opted out of texts (SMS STOP): their open case, if any, closes (console mode). */
  optedOut?: (conversationKey: string) => Promise<void>;
  /** Every turn event, for the supervisors' insights. */
  observe?: (event: InsightEvent) => void;
  /** Hears an agent typing in a case (from any instance): the conversation's key and the agent's first name. */
  onAgentTyping?: (listener: (conversationKey: string, name: string, stopped: boolean) => void) => () => void;
}

/** Builds the handoff for the configured mode, or undefined when it is off (the bot gives the phone number). */
export function createHandoff(parts: HandoffParts): Handoff | undefined {
  const { config, messages } = parts;
  if (config.HANDOFF_MODE === 'off') return undefined;
  if (config.HANDOFF_MODE === 'external') {
    return { mode: 'external', relay: new ExternalHandoffRelay(messages), close: async () => undefined };
  }
  if (!parts.staff) {
    parts.logger.warn('HANDOFF_MODE=console but no staff accounts: candidates get the phone number instead');
    return undefined;
  }
  const staff = parts.staff;
  const zone = config.SUPPORT_TIMEZONE ?? config.DEFAULT_TIMEZONE;
  const schedule = parseSupportHours({ hours: config.SUPPORT_HOURS, zone, holidays: config.SUPPORT_HOLIDAYS });
  const live = parts.live ?? memoryChannel<LiveEvent>();
  const presence = new StaffPresence(parts.storage);
  const insights = new InsightsRecorder(parts.storage, parts.clock, { onError: (error) => parts.logger.warn({ reason: error.message }, 'insights: figures not written') });
  const audit = new StoredAuditLog(parts.storage, { retentionDays: config.HANDOFF_RETENTION_DAYS, clock: parts.clock });
  const cases = new CaseStore(parts.storage, { retentionDays: config.HANDOFF_RETENTION_DAYS, ...(parts.queue ? { queue: parts.queue } : {}) });
  const service = new HandoffService({
    store: cases,
    live,
    delivery: parts.delivery,
    audit,
    staff,
    hours: (now) => supportStatus(schedule, now),
    formatReplyBy: (date, language) => formatReplyBy(date, zone, language),
    estimateWait: (position, waits, agents) => estimateWaitMinutes(position, waits, config.HANDOFF_MINUTES_PER_CASE, agents),
    onShift: async (now) => {
      const statuses = await presence.statuses(now);
      return { available: Object.values(statuses).filter((status) => status === 'available').length, languages: languagesOf(staff, statuses) };
    },
    ...(parts.handoffTimed ? { timed: parts.handoffTimed } : {}),
    messages,
    logger: parts.logger,
    ...(parts.gate ? { serialise: serialiseWith(parts.gate) } : {}),
    ...(parts.caseNumbers ? { caseNumbers: parts.caseNumbers } : {}),
  });
  const editor = parts.knowledge
    ? new KnowledgeEditor({
        storage: parts.storage,
        knowledge: parts.knowledge,
        live: parts.knowledgeLive ?? memoryChannel<KnowledgeChange>(),
        audit,
        logger: parts.logger,
        ...(writesKnowledgeFiles(config) ? { files: { dir: config.KNOWLEDGE_DIR } } : {}),
      })
    : undefined;
  // Alternates editors added earlier (kept in the store) apply from the start; a store that is down
  // now only delays them to the next change heard.
  const editorReady = editor?.start().catch((error: Error) => parts.logger.warn({ reason: error.message }, 'knowledge: added alternates not applied at start'));
  let mounted: StaffConsole | undefined;
  const typingListeners = new Set<() => void>();
  return {
    mode: 'console',
    relay: new StaffHandoffRelay(service, messages),
    mount: (server) => {
      mounted = mountStaffConsole(server, {
        desk: service,
        directory: staff,
        sessions: new StaffSessions(parts.storage, {
          idleMs: config.STAFF_SESSION_IDLE_MINUTES * 60_000,
          absoluteMs: config.STAFF_SESSION_MAX_HOURS * 3_600_000,
        }),
        limiter: new LoginLimiter(parts.storage, {
          maxPerAddressUser: config.STAFF_LOGIN_MAX_FAILURES_PER_ADDRESS_USER,
          maxPerUser: config.STAFF_LOGIN_MAX_FAILURES_PER_USER,
          windowMs: config.STAFF_LOGIN_WINDOW_MINUTES * 60_000,
        }),
        audit,
        live,
        logger: parts.logger,
        clock: parts.clock,
        secureCookies: config.STAFF_COOKIE_SECURE,
        sessionMaxAgeSeconds: config.STAFF_SESSION_MAX_HOURS * 3600,
        trustProxy: config.STAFF_TRUST_PROXY,
        cannedReplies: parts.cannedReplies ?? [],
        presence,
        insights,
        ...(editor ? { editor } : {}),
      });
    },
    connection: (conversationKey, open) => {
      // Presence is a hint: a store hiccup here must never reach the chat's connection.
      service.connection(conversationKey, open, parts.clock()).catch((error: Error) => parts.logger.warn({ reason: error.message }, 'handoff: presence not recorded'));
    },
    optedOut: async (conversationKey) => {
      await service.candidateOptedOut(conversationKey, parts.clock());
    },
    onAgentTyping: (listener) => {
      const stop = live.subscribe((event) => {
        if (event.type === 'typing') listener(event.conversationKey, event.name, event.stopped === true);
      });
      typingListeners.add(stop);
      return () => {
        typingListeners.delete(stop);
        stop();
      };
    },
    close: async () => {
      for (const stop of typingListeners) stop();
      await mounted?.close();
      await insights.close();
      await editorReady;
      editor?.close();
    },
    queue: async (now) => {
      // One script on Redis: the count and the first in line, whatever the length of the queue.
      const { queued, firstQueuedAt } = await cases.queueHead();
      const oldest = Math.min(now.getTime(), firstQueuedAt ? Date.parse(firstQueuedAt) : now.getTime());
      return { queued, oldestWaitSeconds: Math.max(0, Math.floor((now.getTime() - oldest) / 1000)) };
    },
    observe: insights.observe,
  };
}

/**
 * The languages spoken, together, by the agents and supervisors on shift: those available in the
 * console now, or, when nobody is, every one of them (whoever opens the console next may take it).
 */
function languagesOf(staff: StaffDirectory, statuses: Record<string, AgentStatus>): Set<Language> {
  const workers = staff.users().filter(worksCases);
  const available = workers.filter((user) => statuses[user.username] === 'available');
  return new Set((available.length > 0 ? available : workers).flatMap((user) => user.languages ?? ['en']));
}

/** Work under a conversation's turn lock. */
const serialiseWith =
  (gate: TurnGate) =>
  <T>(conversationKey: string, work: () => Promise<T>): Promise<T> =>
    gate.run(conversationKey, work);

