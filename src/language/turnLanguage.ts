import type { Language } from './languages.js';

/**
 * The language a turn speaks, kept on the turn itself (its `turnState`): the bot sets it once it has
 * read the message and the conversation's state, and what renders a reply for the channel (the SMS
 * renderer) reads it there. Everything else is given its language outright: the dialogs and route
 * actions are built once per language with that language's catalogue. (An AsyncLocalStorage scope
 * did this before; in Node 20 it slows every promise in the process, the HTTP server's included.)
 * A context nobody set a language on (a proactive message without one) is English.
 */
const LANGUAGE = Symbol('turnLanguage');

interface HasTurnState {
  turnState: Map<unknown, unknown>;
}

export function setTurnLanguage(context: HasTurnState, language: Language): void {
  context.turnState.set(LANGUAGE, language);
}

export function turnLanguage(context: HasTurnState): Language {
  return (context.turnState.get(LANGUAGE) as Language | undefined) ?? 'en';
}

/** A sentence said outside the catalogues' reach (a failed turn's apology): one text, or one per language. */
export type SpokenText = string | ((language: Language) => string);

/** The text in the turn's language (a Spanish conversation's failed turn apologises in Spanish). */
export function spokenFor(text: SpokenText, context: HasTurnState): string {
  return typeof text === 'string' ? text : text(turnLanguage(context));
}
