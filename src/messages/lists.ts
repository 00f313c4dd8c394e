import type { Language } from '../language/languages.js';

/** "A", "A <word> B", "A, B <word> C": items joined as a sentence lists them, the word chosen by the last item. */
function listed(items: readonly string[], conjunction: (last: string) => string): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1] as string;
  return `${items.slice(0, -1).join(', ')} ${conjunction(last)} ${last}`;
}

/** "A", "A and B", "A, B and C": a list as a sentence says it. */
export function andList(items: readonly string[]): string {
  return listed(items, () => 'and');
}

/** "A", "A y B", "A, B y C": the Spanish list ("e" before a word that starts with an i sound). */
export function yList(items: readonly string[]): string {
  return listed(items, (last) => (/^h?[ií](?![aeou])/i.test(last) ? 'e' : 'y'));
}

/** "A or B", "A, B or C". */
export function orList(items: readonly string[]): string {
  return listed(items, () => 'or');
}

/** "A o B", "A, B o C" ("u" before a word that starts with an o sound). */
export function oList(items: readonly string[]): string {
  return listed(items, (last) => (/^h?o/i.test(last) ? 'u' : 'o'));
}

/** The "and" list of a language: a Spanish reply never says "A1 and A5". */
export const andListIn = (language: Language) => (language === 'es' ? yList : andList);
/** The "or" list of a language. */
export const orListIn = (language: Language) => (language === 'es' ? oList : orList);

/** A sentence's end after a value that may already end with a period ("a las 9:00 a. m."): one period, never two. */
export function withPeriod(value: string): string {
  return value.endsWith('.') ? value : `${value}.`;
}

/** Words that keep their capital inside a sentence: names (ASE, myASE, Prometric, a test code), days, months, "I". */
const KEEPS_CAPITAL = /^(?:I\b|[A-Z][A-Z0-9]|my[A-Z]|Prometric|Master|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)/;

/**
 * A sentence carried on after a colon ("the answer is the same: it has expired ..."): its first
 * letter in lower case, as English and Spanish write it there, unless it begins with a name.
 */
export function afterColon(sentence: string): string {
  return KEEPS_CAPITAL.test(sentence) ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

/** A sentence's first letter in capitals: a Spanish date written out begins with its weekday ("Viernes, 3 de abril ..."). */
export function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
