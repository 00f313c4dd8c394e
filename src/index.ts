import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logging/logger.js';
import { composeApplication, StartupError, type ComposedApplication } from './composition.js';

/** The process: reads config, composes the application (src/composition.ts), listens, and stops on a signal. */
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
  let composed: ComposedApplication;
  try {
    composed = await composeApplication(config, { logger, clock: () => new Date() });
  } catch (error) {
    if (error instanceof StartupError) {
      logger.fatal({ reason: error.reason }, error.message);
      process.exit(error.exitCode);
    }
    throw error;
  }
  const { app, store, knowledge } = composed;

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
    await composed.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
}

void main();
