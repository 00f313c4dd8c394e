import { AsyncLocalStorage } from 'node:async_hooks';
import type { Language } from './languages.js';

/**
 * The language of the turn being run. The bot opens a scope per turn and sets the language once it
 * has read the message and the conversation's state; everything that speaks during the turn (the
 * message catalogue, the date writer) reads it here instead of taking it through every signature.
 * Outside a turn (start-up, a proactive staff message) it is English.
 */
const scope = new AsyncLocalStorage<{ language: Language }>();

export function inLanguageScope<T>(language: Language, run: () => T): T {
  return scope.run({ language }, run);
}

/** Sets the turn's language (inside a scope; outside one there is no turn to set it on). */
export function setTurnLanguage(language: Language): void {
  const slot = scope.getStore();
  if (slot) slot.language = language;
}

export function currentLanguage(): Language {
  return scope.getStore()?.language ?? 'en';
}
