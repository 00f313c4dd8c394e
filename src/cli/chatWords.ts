import { detectLanguage } from '../language/detect.js';
import { languageOfLocale, type Language } from '../language/languages.js';

/**
 * The terminal chat's own words (its prompt, its hints, the staff console line), in the language the
 * conversation speaks: the terminal's locale at the start (LANG, LC_ALL, LC_MESSAGES as the C library
 * reads them, or CHAT_LOCALE), then the bot's: a reply clearly in the other language (the candidate
 * wrote "en español" or "English, please") switches them, as the bot keeps the conversation's.
 */
export interface ChatWords {
  prompt: string;
  /** How to use the chat, printed once at the start. */
  hint: string;
  staffConsole: (address: string, demoPassword?: string) => string;
  /** What ends the chat besides Ctrl+D. */
  quit: readonly string[];
}

const words: Record<Language, ChatWords> = {
  en: {
    prompt: 'you> ',
    hint: '(type a question; a number picks a button; Ctrl+D or /quit ends)',
    staffConsole: (address, demoPassword) => `(staff console: ${address}${demoPassword ? `, demo staff password ${demoPassword}` : ''})`,
    quit: ['/quit', '/salir'],
  },
  es: {
    prompt: 'usted> ',
    hint: '(escriba su pregunta; un número elige un botón; Ctrl+D o /salir termina)',
    staffConsole: (address, demoPassword) => `(consola del personal de soporte: ${address}${demoPassword ? `, contraseña de demostración del personal: ${demoPassword}` : ''})`,
    quit: ['/salir', '/quit'],
  },
};

export const chatWords = (language: Language): ChatWords => words[language];

/** The locale the terminal says it speaks, as a Bot Framework locale ("es_MX.UTF-8" -> "es-MX"); en-US otherwise. */
export function terminalLocale(env: Record<string, string | undefined>): string {
  for (const value of [env.CHAT_LOCALE, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!value || value === 'C' || value === 'POSIX') continue;
    const locale = value.replace(/\..*$/, '').replace(/@.*$/, '').replace('_', '-');
    if (languageOfLocale(locale)) return locale;
  }
  return 'en-US';
}

/** The chat's language after the bot said this: the other language only when the reply is clearly in it. */
export function languageAfterReply(current: Language, replyText: string): Language {
  const guess = detectLanguage(replyText);
  return guess.strength === 'clear' && guess.language && guess.language !== current ? guess.language : current;
}
