import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logging/logger.js';
import { composeApplication, StartupError, type ComposedApplication } from './composition.js';
import { startupBanner, startupRecord, type StartupFacts } from './logging/startupBanner.js';
import { metricsServed } from './http/metricsRoute.js';
import type { AddressInfo } from 'node:net';

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

  try {
    await new Promise<void>((resolve, reject) => {
      app.http.server.once('error', reject);
      app.http.server.listen(config.PORT, config.HOST, () => {
        app.http.server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // Another process on the port (or one this user may not open): one line that says so, not a stack.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    logger.fatal(
      { port: config.PORT, host: config.HOST, code },
      code === 'EADDRINUSE'
        ? `cannot listen on port ${config.PORT}: another process is using it (stop it, or set PORT to a free port)`
        : `cannot listen on port ${config.PORT}: not allowed for this user (set PORT to one above 1023)`,
    );
    await composed.close();
    process.exit(1);
  }
  const port = (app.http.server.address() as AddressInfo | null)?.port ?? config.PORT;
  const host = ['0.0.0.0', '::', ''].includes(config.HOST) ? 'localhost' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const facts: StartupFacts = {
    url: `http://${host}:${port}`,
    store: store.kind,
    auth: config.MicrosoftAppId ? 'bot-framework-jwt' : 'none (emulator mode)',
    entries: knowledge.index.entries.length,
    staff: app.handoff?.mount ? 'mounted' : config.HANDOFF_MODE === 'console' ? 'no-accounts' : config.HANDOFF_MODE,
    ...(composed.staffPassword ? { demoStaff: config.STAFF_DEMO_PASSWORD ? { from: 'STAFF_DEMO_PASSWORD' as const } : { generated: composed.staffPassword } } : {}),
    metrics: !metricsServed({ token: config.METRICS_TOKEN, production: config.NODE_ENV === 'production' }) ? 'off' : config.METRICS_TOKEN ? 'token' : 'open',
  };
  // A person at a terminal gets a few plain lines; a log collector gets one JSON line.
  if (process.stdout.isTTY) process.stdout.write(startupBanner(facts));
  else {
    const { fields, message } = startupRecord(facts);
    logger.info(fields, message);
  }

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
