import { withoutAccents } from './accents.js';
import type { Language } from './languages.js';

/**
 * What a message asks about the conversation's language, as a table of phrasings in both
 * languages: a switch ("English, please", "sorry can we do english", "en español", "no hablo
 * inglés") or a question whether the assistant speaks a language ("do u speak spanish?"), which is
 * answered with how to switch rather than switching unasked. A question about the TESTS' language
 * ("is the test in spanish?", "quiero el examen en español") is neither: the whole message must be
 * one of these phrasings, with only the courtesies around it below.
 */
export interface LanguageRequest {
  language: Language;
  asks: 'switch' | 'whether';
}

/** Words around a request that change nothing: "perdón, mejor en español", "sorry, english please", "I prefer English". */
const LEAD = String.raw`(?:(?:hola|hi|hello|hey|perdon|perdona|disculpa|disculpe|oye|ok|okay|bueno|sorry|oops|um+|uh+|mejor|prefiero|quiero|quisiera|me gustaria|i prefer|i'?d prefer|i want|i'?d like|better|actually|mejor dicho|so) )*`;
const TAIL = String.raw`(?: (?:por favor|porfa|porfavor|plis|pls|plz|please|gracias|thanks|thx|mejor|instead|now|from now on|for me|en vez|mejor dicho))*`;

/** Each language's name in each language (folded): what a request names. */
const NAMES: Record<Language, { en: string; es: string }> = {
  en: { en: 'english', es: 'ingles' },
  es: { en: 'spanish', es: 'espanol' },
};
const other = (language: Language): Language => (language === 'en' ? 'es' : 'en');

/** A phrasing with {en}/{es} standing for the language's name in English / in Spanish. */
interface Phrasing {
  asks: LanguageRequest['asks'];
  /** The language asked for is the one named, or (for "I don't speak Spanish") the other one. */
  names: 'wanted' | 'unwanted';
  pattern: string;
}

const PHRASINGS: readonly Phrasing[] = [
  // First: "can you speak spanish?" asks whether before it could read as "can we speak spanish", a switch.
  // "do u speak spanish?", "can you speak english?", "do you understand spanish", "do you do spanish"
  { asks: 'whether', names: 'wanted', pattern: String.raw`(?:do|can|could|does|will) (?:you|u|ya|the bot|this bot|this) (?:also )?(?:speak|talk|understand|know|do|write|read|work in|support) {en}` },
  // "¿sabe inglés?", "¿entiendes español?"
  { asks: 'whether', names: 'wanted', pattern: String.raw`(?:(?:usted|tu) )?(?:sabe|sabes|entiende|entiendes) (?:hablar )?(?:el )?{es}` },
  // "english please", "in english", "can we do english", "could you answer in english", "let's switch to english", "english instead"
  { asks: 'switch', names: 'wanted', pattern: String.raw`(?:(?:can|could|may) (?:you|u|we|i) |please |let'?s |lets )?(?:(?:speak|talk|write|answer|reply|respond|continue|switch|change|go|do|use|chat|text|type|have (?:it|this))(?: to| in| with| back to| back in)? )?(?:in )?{en}` },
  // "en inglés", "háblame en inglés", "¿me puede hablar en español?", "cambiar a español", "¿habla inglés?", "se habla español"
  { asks: 'switch', names: 'wanted', pattern: String.raw`(?:en |habla(?:s|me)? (?:en )?|hablame en |hablemos en |responde(?:me)? en |contesta(?:me)? en |cambia(?:r|mos)? (?:a|al) |(?:me )?puede(?:s)? hablar (?:en )?|(?:me )?puede(?:s)? (?:atender|escribir|contestar|responder) en |(?:se )?habla |podemos (?:hablar|seguir|continuar) en |sigamos en |seguimos en )?{es}` },
  // "I don't speak Spanish", "i dont understand english", "no hablo inglés", "no entiendo el español"
  { asks: 'switch', names: 'unwanted', pattern: String.raw`i (?:dont|don'?t|do not|cant|can'?t|cannot) (?:speak|read|understand|talk) (?:much |good |well )?{en}(?: (?:well|very well|good))?` },
  { asks: 'switch', names: 'unwanted', pattern: String.raw`no (?:hablo|entiendo|leo|se) (?:bien |mucho |el |nada de )?{es}(?: (?:bien|muy bien))?` },
];

const TABLE: ReadonlyArray<{ request: LanguageRequest; pattern: RegExp }> = PHRASINGS.flatMap((phrasing) =>
  (['en', 'es'] as const).map((named) => ({
    request: { asks: phrasing.asks, language: phrasing.names === 'wanted' ? named : other(named) },
    pattern: new RegExp(`^${LEAD}(?:${phrasing.pattern.replace(/\{en\}/g, NAMES[named].en).replace(/\{es\}/g, NAMES[named].es)})${TAIL}$`),
  })),
);

/** What an already folded message asks about the language, or null when it asks something else. */
export function readLanguageRequestFolded(folded: string): LanguageRequest | null {
  const cleaned = folded
    .replace(/[’‘]/g, "'")
    .replace(/[¿¡?!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return TABLE.find((row) => row.pattern.test(cleaned))?.request ?? null;
}

/** What a message asks about the language, read in lower case with its accents removed. */
export function readLanguageRequest(text: string): LanguageRequest | null {
  return readLanguageRequestFolded(withoutAccents(text.toLowerCase()));
}
