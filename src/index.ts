import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logging/logger.js';
import { loadKnowledgeBase } from './knowledge/knowledgeBase.js';
import { buildApp } from './app.js';
import { openStateStore } from './storage/stateStore.js';
import { createAccountService, createWebIdentityFromConfig } from './account/index.js';
import { demoStaffAccounts, loadStaffAccounts, type StaffDirectory } from './handoff/staff/staffAccounts.js';
import { parseLiveEvent } from './handoff/liveEvents.js';


/** Composition root: the only place that reads config and builds concrete objects. */
async function main(): Promise<void> {
  let config;
  try {
    config = await loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const knowledge = await loadKnowledgeBase(config.KNOWLEDGE_DIR).catch((error: Error) => {
    logger.fatal({ reason: error.message }, 'knowledge base is invalid; not starting');
    process.exit(1);
  });
  const store = await openStateStore(config, logger);
  const clock = () => new Date();
  const accounts = await createAccountService(config, { clock, logger, policy: knowledge.policy });
  const webIdentity = createWebIdentityFromConfig(config);
  let staff: StaffDirectory | undefined;
  if (config.HANDOFF_MODE === 'console') {
    try {
      if (config.STAFF_ACCOUNTS_FILE || config.STAFF_ACCOUNTS) {
        staff = await loadStaffAccounts({ file: config.STAFF_ACCOUNTS_FILE, json: config.STAFF_ACCOUNTS });
      } else if (config.NODE_ENV !== 'production' && (config.STAFF_DEMO_PASSWORD || store.kind === 'memory')) {
        // (With Redis, several instances would each make up a password: demo staff need one set.)
        // No password in the source: unless one is set, each start makes its own and says it once.
        const password = config.STAFF_DEMO_PASSWORD ?? randomBytes(9).toString('base64url');
        staff = await demoStaffAccounts(password);
        logger.warn(
          { users: staff.users().map((user) => user.username), ...(config.STAFF_DEMO_PASSWORD ? {} : { password }) },
          'staff console: demo staff accounts (development only; set STAFF_ACCOUNTS_FILE for real ones)',
        );
      }
    } catch (error) {
      logger.fatal({ reason: (error as Error).message }, 'staff accounts are invalid; not starting');
      process.exit(78);
    }
  }
  const app = buildApp({
    config,
    logger,
    storage: store.storage,
    gate: store.gate,
    storeReady: store.ready,
    knowledge,
    clock,
    accounts,
    webIdentity,
    staff,
    live: store.liveChannel('handoff', parseLiveEvent),
  });

  await new Promise<void>((resolve) => app.http.server.listen(config.PORT, config.HOST, resolve));
  logger.info(
    { port: config.PORT, store: store.kind, auth: config.MicrosoftAppId ? 'bot-framework-jwt' : 'none (emulator mode)', entries: knowledge.index.entries.length },
    `Candidate Assistant on http://localhost:${config.PORT} (Web Chat), /staff (staff console) and /api/messages (Bot Framework)`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: app.http.inFlight() }, 'shutting down');
    // Open Web Chat streams would keep the server from closing: end them, with the turns in flight.
    await Promise.all([app.web.close(config.SHUTDOWN_GRACE_MS), app.handoff?.close(), app.http.shutdown(config.SHUTDOWN_GRACE_MS)]);
    // Twilio's webhook is answered before its turn runs; let those turns finish too.
    const deadline = Date.now() + config.SHUTDOWN_GRACE_MS;
    while ((app.twilio?.inFlight() ?? 0) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    await store.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
}

void main();
