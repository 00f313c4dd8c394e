import pino from 'pino';
import { parseConfig, type Config } from '../../src/config.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';

let knowledge: Promise<KnowledgeBase> | undefined;
/** The shipped knowledge base, loaded once per test file. */
export const shippedKnowledge = (): Promise<KnowledgeBase> => (knowledge ??= loadKnowledgeBase('knowledge'));

export const silentLogger = () => pino({ level: 'silent' });

export const testConfig = (env: Record<string, string> = {}): Config => parseConfig({ NODE_ENV: 'test', ...env });

/** The fixed clock of conversation tests: Thursday, March 20, 2025, 11:00 in New York. */
export const fixedNow = new Date('2025-03-20T15:00:00Z');
