import pino from 'pino';
import { parseConfig, type Config } from '../../src/config.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';

let knowledge: Promise<KnowledgeBase> | undefined;
/** The shipped knowledge base, loaded once per test file. */
export const shippedKnowledge = (): Promise<KnowledgeBase> => (knowledge ??= loadKnowledgeBase('knowledge'));

export const silentLogger = () => pino({ level: 'silent' });

/**
 * Suites that are not about rate limits run many conversations a minute from 127.0.0.1: their
 * limits are out of the way. test/security/ sets its own, and checks the shipped defaults.
 */
const UNLIMITED = { RATE_LIMIT_DIRECTLINE_TOKENS: '1000000/1', RATE_LIMIT_DIRECTLINE_CONVERSATIONS: '1000000/1', RATE_LIMIT_MESSAGES: '1000000/1' };

/** The made-up connector hosts the suites nock (a bot without an app id answers only these and loopback). */
const TEST_CONNECTORS = { DEV_SERVICE_URL_ALLOW: 'connector.test,slow-connector.test,smba.trafficmanager.net,directline.example,webchat.botframework.com' };

/** Test servers close at once (test/security/drain.test.ts checks the shipped drain window). */
const NO_DRAIN = { SHUTDOWN_DRAIN_MS: '0' };

export const testConfig = (env: Record<string, string> = {}): Config => parseConfig({ NODE_ENV: 'test', ...UNLIMITED, ...TEST_CONNECTORS, ...NO_DRAIN, ...env });

/** The fixed clock of conversation tests: Thursday, March 20, 2025, 11:00 in New York. */
export const fixedNow = new Date('2025-03-20T15:00:00Z');
