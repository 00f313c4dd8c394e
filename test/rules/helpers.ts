// Shared test fixtures: the shipped policy and catalogue, loaded once per file.
import { fileURLToPath } from 'node:url';
import { loadCatalogue, loadPolicy } from '../../src/knowledge/policyData.js';

export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

export const policy = await loadPolicy(KNOWLEDGE_DIR);
export const catalogue = await loadCatalogue(KNOWLEDGE_DIR);

/** An instant string in UTC, for readability: utc('2025-06-17 14:00') -> '2025-06-17T14:00:00Z'. */
export function utc(dateTime: string): string {
  return `${dateTime.replace(' ', 'T')}:00Z`;
}
