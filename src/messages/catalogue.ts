import { currentLanguage } from '../language/turnLanguage.js';
import type { Language } from '../language/languages.js';
import { en, type Messages } from './en.js';
import { es } from './es.js';

export const catalogues: Record<Language, Messages> = { en, es };

/**
 * A catalogue that answers in the turn's language: each top-level key is looked up when it is read,
 * in the catalogue of the language the bot set for the turn (src/language/turnLanguage.ts). Dialogs
 * and route actions keep reading `deps.messages.task.retest.askDate`, so the language is a fact of
 * the turn and a parameter of this lookup, never a branch in them. Read outside a turn: English.
 */
export function inTurnLanguage<T extends object>(byLanguage: Record<Language, T>): T {
  return new Proxy(byLanguage.en, {
    get: (_target, key) => Reflect.get(byLanguage[currentLanguage()], key),
    has: (_target, key) => Reflect.has(byLanguage[currentLanguage()], key),
    ownKeys: () => Reflect.ownKeys(byLanguage[currentLanguage()]),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(byLanguage[currentLanguage()], key),
  });
}

/** The bot's messages in the turn's language. */
export const turnMessages: Messages = inTurnLanguage(catalogues);