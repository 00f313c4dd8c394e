import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { haveChromium, launchChromium } from '../support/browser.js';
import { startHandoffServer, type HandoffServer, type HandoffServerOptions } from './support.js';

/*
 * Kept apart from support.ts: the handoff suites that use no browser import support.ts, and need not
 * load playwright-core.
 */

export interface ConsoleInBrowserSetUp {
  /**
   * The app's options, or a function that starts the instances itself (two on one Redis); the first
   * instance is `server`.
   */
  start?: HandoffServerOptions | (() => Promise<HandoffServer[]>);
  /** What happens once the app is up and before the browser starts (a scripted set of conversations). */
  prepare?: (server: HandoffServer) => Promise<void>;
  /** What closes after the browser and the instances (their stores, the Redis server). */
  cleanUp?: () => Promise<void>;
  /** How long starting may take, in ms. */
  timeout?: number;
}

/**
 * The whole app and a headless Chromium for one describe block: started before its tests (only where
 * Chromium is installed; each test calls `requireChromium`), closed after them, browser first.
 */
export function consoleInBrowser(setUp: ConsoleInBrowserSetUp = {}) {
  let servers: HandoffServer[] = [];
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!haveChromium) return;
    const { start = {} } = setUp;
    servers = typeof start === 'function' ? await start() : [await startHandoffServer(start)];
    await setUp.prepare?.(servers[0]!);
    browser = await launchChromium();
  }, setUp.timeout ?? 30_000);
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
    await setUp.cleanUp?.();
  });
  return {
    /** The (first) instance. */
    get server(): HandoffServer {
      return servers[0]!;
    },
    get servers(): HandoffServer[] {
      return servers;
    },
    get browser(): Browser {
      return browser!;
    },
  };
}
