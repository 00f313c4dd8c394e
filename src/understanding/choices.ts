/**
 * The one choice picker: which of the choices the bot just offered a typed answer picks. Every
 * channel needs it (SMS has no buttons; on the web people type "the second one" anyway), and so
 * does every dialog that offers a list (did-you-mean, which date, which appointment).
 *
 * Read in this order, the first that applies deciding:
 *   1. a position: "2", "#2", "option 2", "number 2", "2nd", "the second one", "second", "the
 *      last one" (out of range: nothing);
 *   2. a choice's exact title or value, ignoring case, punctuation and spacing ("a1 a8" is
 *      "A1-A8"), also when typed back after its number ("2. How do I reschedule?");
 *   3. words that stand at the start of a word inside exactly one title ("automobile" picks
 *      "Automobile (A1-A8)"), at least three letters or digits of them, or one whole code ("A1").
 * Anything matching two choices equally is ambiguous and picks nothing: the dialog asks again.
 * `exactOnly` stops after step 2, for a channel that rewrites the text before the bot reads it.
 */
import { describeValue } from './describeValue.js';

const MODULE = 'understanding/choices';
/** The most words a loose pick (step 3) may have. */
const MAX_PICK_WORDS = 6;

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Lower case, straight quotes, spaces collapsed, wrapping quotes and trailing punctuation gone. */
function clean(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .replace(/[.!?,;:]+$/, '')
    .trim();
}

/** Only letters and digits: the comparison key that ignores case, punctuation and spacing. */
const key = (text: string): string => clean(text).replace(/[^\p{L}\p{N}]+/gu, '');

/** Words of letters and digits: "Automobile (A1-A8)" -> ['automobile', 'a1', 'a8']. */
const words = (text: string): string[] => clean(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The keys and words of offered titles and values, kept: the same few dozen (FAQ questions, "Yes",
 * "None of these") are offered turn after turn, and cleaning each costs a Unicode normalisation.
 */
const KEPT_TITLES = 500;
const titleKeys = new Map<string, string>();
const titleWords = new Map<string, string[]>();
function kept<T>(cache: Map<string, T>, text: string, make: (text: string) => T): T {
  let made = cache.get(text);
  if (made === undefined) {
    if (cache.size >= KEPT_TITLES) cache.clear();
    made = make(text);
    cache.set(text, made);
  }
  return made;
}
const keyOfTitle = (title: string): string => kept(titleKeys, title, key);
const wordsOfTitle = (title: string): string[] => kept(titleWords, title, words);

/** Words that say how, not which: "the", "one", "please", "I'll take"; in Spanish "el de", "la opción", "por favor". */
const FILLER = new Set([
  'the', 'a', 'an', 'one', 'option', 'choice', 'please', 'pick', 'take', 'choose', 'i', "i'll", 'ill', 'want', 'that',
  'el', 'la', 'los', 'las', 'de', 'del', 'uno', 'una', 'opcion', 'opción', 'por', 'favor', 'quiero', 'ese', 'esa',
]);

/**
 * The 1-based position a text names, Infinity for "the last one", or null. "2", "#2", "no. 2",
 * "option 2", "number 2", "2nd", "2)", "the second one", "second", "option two", "the last".
 */
const DIGIT_POSITION = /^(?:#|no\.? ?|number |option |choice |the )?(\d{1,2})(?:st|nd|rd|th)?(?:[.)])?(?: one| option)?$/;
const ORDINAL_POSITION = new RegExp(`^(?:the )?(${ORDINALS.join('|')}|last)(?: one| option| choice)?$`);
const SPELT_POSITION = new RegExp(`^(?:option|number|choice) (${NUMBER_WORDS.join('|')})$`);

function position(cleaned: string): number | null {
  const digit = DIGIT_POSITION.exec(cleaned);
  if (digit) return Number(digit[1]);
  const word = ORDINAL_POSITION.exec(cleaned);
  if (word?.[1]) return word[1] === 'last' ? Infinity : ORDINALS.indexOf(word[1]) + 1;
  const spelt = SPELT_POSITION.exec(cleaned);
  if (spelt?.[1]) return NUMBER_WORDS.indexOf(spelt[1]) + 1;
  return null;
}

/** True when `needle` (words) stands in `hay` (words), each word the start of the word it meets. */
function standsIn(needle: string[], hay: string[]): boolean {
  for (let start = 0; start + needle.length <= hay.length; start++) {
    if (needle.every((word, i) => (hay[start + i] as string).startsWith(word))) return true;
  }
  return false;
}

/** The single item `test` holds for, or undefined when none or several do. */
function only<T>(items: T[], test: (item: T) => boolean): T | undefined {
  const found = items.filter(test);
  return found.length === 1 ? found[0] : undefined;
}

/** The choice `text` picks among `choices`, or undefined when it picks none or is ambiguous. */
export function pickChoice<T extends { title: string; value: string }>(text: string, choices: T[], options: { exactOnly?: boolean } = {}): T | undefined {
  if (typeof text !== 'string') throw new TypeError(`${MODULE}: text must be a string, got ${describeValue(text)}`);
  if (!Array.isArray(choices)) throw new TypeError(`${MODULE}: choices must be an array, got ${describeValue(choices)}`);
  const cleaned = clean(text);
  if (cleaned === '' || choices.length === 0) return undefined;

  // A number is a position, even when a value happens to be a number too: the lines were numbered.
  const at = position(cleaned);
  if (at !== null) return at === Infinity ? choices[choices.length - 1] : at >= 1 ? choices[at - 1] : undefined;

  // "2. How do I reschedule?" typed back in full, or just the words.
  const typed = key(cleaned.replace(/^\d{1,2}[.)] ?(?=\S)/, ''));
  const exact = typed === '' ? undefined : only(choices, (c) => keyOfTitle(c.title) === typed || keyOfTitle(c.value) === typed);
  // Where the text is rewritten before anyone reads it (SMS numbers), only a number or the exact words pick.
  if (exact || options.exactOnly) return exact;

  const needle = words(cleaned).filter((word) => !FILLER.has(word));
  // A pick is a few words; a longer message is something new, whatever words it shares with a title.
  if (needle.length > MAX_PICK_WORDS) return undefined;
  // Two characters are a clear pick only as a whole code: "A1" picks "Engine Repair (A1)".
  if (needle.join('').length < 3) {
    const [code] = needle;
    return needle.length === 1 && code !== undefined && /\d/.test(code) ? only(choices, (c) => wordsOfTitle(c.title).includes(code)) : undefined;
  }
  return only(choices, (c) => standsIn(needle, wordsOfTitle(c.title)));
}

