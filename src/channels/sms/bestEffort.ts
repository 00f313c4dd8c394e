import type { Logger } from '../../logging/logger.js';

/**
 * A note an SMS middleware keeps in the store between turns (the rest of an answer for MORE, the
 * numbered choices) is a convenience: a store that fails is logged (`failed` says what was not
 * done) and the turn goes on without it.
 */
export async function bestEffort<T>(logger: Logger | undefined, failed: string, step: () => Promise<T>): Promise<T | undefined> {
  try {
    return await step();
  } catch (error) {
    logger?.warn({ reason: (error as Error).message }, failed);
    return undefined;
  }
}
