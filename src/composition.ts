import { randomBytes } from 'node:crypto';
import { buildApp } from './app.js';
import { createAccountService, createWebIdentityFromConfig, type AccountService, type WebIdentityVerifier } from './account/index.js';
import { logTurnEvents, type TurnEventSink } from './bot/turnEvents.js';
import type { Config } from './config.js';
import { parseLiveEvent } from './handoff/liveEvents.js';
import { parseKnowledgeChange } from './handoff/staff/knowledgeEditor.js';
import { demoStaffAccounts, loadStaffAccounts, type StaffDirectory } from './handoff/staff/staffAccounts.js';
import { loadKnowledgeBase, type KnowledgeBase } from './knowledge/knowledgeBase.js';
import type { Logger } from './logging/logger.js';
import { openStateStore, type StateStore } from './storage/stateStore.js';
import { createRedisClient } from './storage/redisConnection.js';
import type { RedisClient } from './storage/redisStorage.js';
import { createRateLimits } from './http/rateLimits.js';
import { mountMetrics } from './http/metricsRoute.js';
import { createAppMetrics } from './metrics/appMetrics.js';
import { observedStorage } from './storage/observedStorage.js';

/**
 * The one wiring of the application. `npm start`, `npm run chat` and every conversation test build
 * through {@link composeApplication}, so what a test talks to is what a candidate talks to. Options
 * may only take a part away (`without`) or observe (`events`); none puts a different part in.
 */

export interface ComposeOptions {
  logger: Logger;
  /** Read by every part (bot, accounts, handoff); tests pass a fixed or movable one. */
  clock: () => Date;
  /**
   * An already loaded knowledge base, so a test file loads the shipped one once. It must be the one
   * KNOWLEDGE_DIR names: this is a cache, not a way to swap content.
   */
  knowledge?: KnowledgeBase;
  /** Also receives every turn event (they are logged and counted as ever), e.g. for a test to assert on. */
  events?: TurnEventSink;
  /** Parts to leave out, as a deployment without them would run. */
  without?: {
    /** No account service or website identity: the bot answers general questions only. */
    accounts?: true;
    /** HANDOFF_MODE=off: no staff console, no contact centre; the bot gives the phone number. */
    handoff?: true;
  };
}

export interface ComposedApplication {
  app: ReturnType<typeof buildApp>;
  store: StateStore;
  /** The knowledge base the bot answers from (loaded here unless it was given). */
  knowledge: KnowledgeBase;
  /** The demo staff's password, when demo staff were made up (development, no staff configured). */
  staffPassword?: string;
  /** /readyz 503 for SHUTDOWN_DRAIN_MS, then ends streams, waits for turns in flight (SHUTDOWN_GRACE_MS), closes the server and the store. */
  close(): Promise<void>;
}

/**
 * Start-up cannot go on. `message` is the log line, `reason` what was wrong, `exitCode` what the
 * process should end with (78: EX_CONFIG); index.ts logs and exits, a test sees a rejection.
 */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly reason: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

export async function composeApplication(config: Config, options: ComposeOptions): Promise<ComposedApplication> {
  const { logger, clock } = options;
  // Removing handoff is the configuration that has none, so every part sees the same decision.
  const settings: Config = options.without?.handoff ? { ...config, HANDOFF_MODE: 'off' } : config;
  const knowledge =
    options.knowledge ??
    (await loadKnowledgeBase(settings.KNOWLEDGE_DIR).catch((error: Error) => {
      throw new StartupError('knowledge base is invalid; not starting', error.message, 1);
    }));
  const store = await openStateStore(settings, logger);
  const limitsRedis = store.kind === 'redis' ? rateLimitRedis(settings, logger) : undefined;
  try {
    const accounts: AccountService | undefined = options.without?.accounts
      ? undefined
      : await createAccountService(settings, { clock, logger, policy: knowledge.policy });
    const webIdentity: WebIdentityVerifier | undefined = options.without?.accounts ? undefined : createWebIdentityFromConfig(settings);
    const { staff, password } = await staffDirectory(settings, store, logger);
    // One registry per application, so several apps in one process (tests) keep their own counts.
    const metrics = createAppMetrics();
    const turnMetrics = options.events ? alsoTo(metrics.turnEvents, options.events) : metrics.turnEvents;
    const app = buildApp({
      config: settings,
      logger,
      storage: observedStorage(store.storage, metrics.store),
      gate: store.gate,
      storeReady: store.ready,
      knowledge,
      clock,
      events: alsoTo(logTurnEvents(logger), turnMetrics),
      replyFailed: metrics.replyFailed,
      handoffTimed: metrics.handoffQueued,
      mount: [
        (server) =>
          mountMetrics(server, {
            token: settings.METRICS_TOKEN,
            production: settings.NODE_ENV === 'production',
            scrape: metrics.scrape,
            contentType: metrics.registry.contentType,
            logger,
          }),
      ],
      accounts,
      webIdentity,
      staff,
      live: store.liveChannel('handoff', parseLiveEvent),
      caseNumbers: store.sequence('handoff-case'),
      caseQueue: store.openQueue('handoff'),
      knowledgeLive: store.liveChannel('knowledge', parseKnowledgeChange),
      limits: createRateLimits(settings, { redis: limitsRedis, prefix: settings.REDIS_KEY_PREFIX, logger }),
    });
    const queue = app.handoff?.queue;
    if (queue) metrics.watchHandoffQueue(() => queue(clock()));
    let closing: Promise<void> | undefined;
    return {
      app,
      store,
      knowledge,
      ...(password ? { staffPassword: password } : {}),
      close: () => (closing ??= closeApplication(app, store, settings).finally(() => closeRedis(limitsRedis))),
    };
  } catch (error) {
    await closeRedis(limitsRedis);
    await store.close();
    throw error;
  }
}

/**
 * The rate limits' own connection to the store's Redis (same settings), so every instance shares the
 * counts. It does not wait for Redis: until it answers, each process counts in memory.
 */
function rateLimitRedis(config: Config, logger: Logger): RedisClient {
  return createRedisClient({
    url: config.REDIS_URL,
    clusterNodes: config.REDIS_CLUSTER_NODES,
    sentinels: config.REDIS_SENTINELS,
    sentinelName: config.REDIS_SENTINEL_NAME,
    ...(config.REDIS_URL
      ? {}
      : { username: config.REDIS_USERNAME, password: config.REDIS_PASSWORD, sentinelPassword: config.REDIS_SENTINEL_PASSWORD, tls: config.REDIS_TLS }),
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    connectTimeoutMs: config.REDIS_CONNECT_TIMEOUT_MS,
    onError: (error: Error) => logger.warn({ reason: error.message }, 'redis connection problem (rate limits)'),
  });
}

const closeRedis = async (client: RedisClient | undefined) => {
  await client?.quit().catch(() => client.disconnect());
};

/** An observer added next to the log, never in its place. */
const alsoTo =
  (log: TurnEventSink, observer: TurnEventSink): TurnEventSink =>
  (event) => {
    log(event);
    observer(event);
  };

/**
 * Who signs in to the staff console: configured staff, else (outside production) the demo staff.
 * With Redis, several instances would each make up a password, so demo staff then need one set;
 * with none set, each start makes its own and logs it once.
 */
async function staffDirectory(
  config: Config,
  store: StateStore,
  logger: Logger,
): Promise<{ staff?: StaffDirectory; password?: string }> {
  if (config.HANDOFF_MODE !== 'console') return {};
  try {
    if (config.STAFF_ACCOUNTS_FILE || config.STAFF_ACCOUNTS) {
      return { staff: await loadStaffAccounts({ file: config.STAFF_ACCOUNTS_FILE, json: config.STAFF_ACCOUNTS }) };
    }
    if (config.NODE_ENV === 'production' || (!config.STAFF_DEMO_PASSWORD && store.kind !== 'memory')) return {};
    const password = config.STAFF_DEMO_PASSWORD ?? randomBytes(9).toString('base64url');
    const staff = await demoStaffAccounts(password);
    logger.warn(
      { users: staff.users().map((user) => user.username), ...(config.STAFF_DEMO_PASSWORD ? {} : { password }) },
      'staff console: demo staff accounts (development only; set STAFF_ACCOUNTS_FILE for real ones)',
    );
    return { staff, password };
  } catch (error) {
    throw new StartupError('staff accounts are invalid; not starting', (error as Error).message, 78);
  }
}

/**
 * First the drain window (SHUTDOWN_DRAIN_MS): /readyz says 503 while every request is still served,
 * so the load balancer stops sending traffic before anything is refused. Then open Web Chat streams
 * (which would keep the server from closing) end, with the turns in flight.
 */
async function closeApplication(app: ReturnType<typeof buildApp>, store: StateStore, config: Pick<Config, 'SHUTDOWN_GRACE_MS' | 'SHUTDOWN_DRAIN_MS'>): Promise<void> {
  const graceMs = config.SHUTDOWN_GRACE_MS;
  app.http.drain();
  if (config.SHUTDOWN_DRAIN_MS > 0) await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DRAIN_MS));
  await Promise.all([app.web.close(graceMs), app.handoff?.close(), app.http.shutdown(graceMs)]);
  // Twilio's webhook is answered before its turn runs; let those turns finish too.
  const deadline = Date.now() + graceMs;
  while ((app.twilio?.inFlight() ?? 0) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  await store.close();
}
