/**
 * The text-message keywords: the carriers' opt-out, opt-in and help words, and MORE (the rest of a
 * long answer). One table for every reader: the SMS channel answers them (src/channels/sms/), and a
 * handoff's question skips them wherever they are typed, since "MORE" on the website chat asks
 * nothing (src/bot/handoffSubject.ts).
 */

export const OPT_OUT_WORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'] as const;
export const OPT_IN_WORDS = ['START', 'UNSTOP', 'YES'] as const;
export const HELP_WORDS = ['HELP', 'INFO', 'AYUDA'] as const;

export type Keyword = { kind: 'optOut' | 'optIn' | 'help'; word: string };

const optOut = new Set<string>(OPT_OUT_WORDS);
const optIn = new Set<string>(OPT_IN_WORDS);
const help = new Set<string>(HELP_WORDS);

/** The keyword a message is, if it is one: the whole message, one word, case and surrounding punctuation ignored. */
export function detectKeyword(text: string | undefined): Keyword | undefined {
  const word = (text ?? '')
    .normalize('NFKC')
    .trim()
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .toUpperCase();
  if (!word || /\s/.test(word)) return undefined;
  if (optOut.has(word)) return { kind: 'optOut', word };
  if (optIn.has(word)) return { kind: 'optIn', word };
  if (help.has(word)) return { kind: 'help', word };
  return undefined;
}

// English, and Spanish as a Spanish answer asks for it ("Responda MAS"), with or without the accent.
const MORE =
  /^(?:more|more please|please more|more details|more info|tell me more|details|m[aá]s|m[aá]s por favor|m[aá]s detalles|m[aá]s informaci[oó]n|m[aá]s info|quiero m[aá]s|d[ií]game m[aá]s|dime m[aá]s|detalles)$/;

/** Is this text a request for the rest of the last answer? The whole message, case and punctuation ignored. */
export function asksForMore(text: string | undefined): boolean {
  return MORE.test(wholeMessageWords(text));
}

/** The message's words alone: case, punctuation and spacing ignored (the keywords here match whole messages). */
function wholeMessageWords(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A yes and nothing else ("si", "sí porfa", "yes please", "claro"): what a text offering only MORE
 * takes as MORE. Anything more ("si cancélela", "yes, is it refunded?") asks something of its own.
 */
const ONLY_YES = /^(?:s[ií]|yes|yeah|yea|yep|yup|sure|claro|dale|please|por favor)(?: (?:please|pls|por favor|porfa|plis|thanks|gracias))?$/;

export function saysOnlyYes(text: string | undefined): boolean {
  return ONLY_YES.test(wholeMessageWords(text));
}

/** Is the whole message a text-message keyword (STOP, HELP, AYUDA, MORE, MAS, ...)? */
export const isTextKeyword = (text: string | undefined): boolean => asksForMore(text) || detectKeyword(text) !== undefined;
