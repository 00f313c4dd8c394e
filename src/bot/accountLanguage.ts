import type { TurnObserver } from './turnObservers.js';

/**
 * Keeps the language the account just signed in prefers (`preferredLanguage`): it settles a later
 * message that only leans that way ("hola").
 */
export const accountLanguageObserver: TurnObserver = {
  name: 'preferredLanguage',
  answered: ({ request: { preferredLanguage }, facts, data }) => {
    if (!preferredLanguage) return;
    data.preferredLanguage = preferredLanguage;
    // Signed in with the first message, which said nothing in either language: the account's language is the conversation's.
    if (facts.languageOpen) data.language = preferredLanguage;
  },
};
