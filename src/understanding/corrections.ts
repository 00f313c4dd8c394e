/**
 * Corrections: the candidate replacing something they said before. "no, I meant A4", "sorry,
 * the 10th not the 12th", "actually it was A5". The repair base of every dialog re-reads the
 * `replacement` as the new value of the slot it corrects (a test code, a date), so it is the
 * value's own words: "I meant" and "it was" are taken off.
 *
 * A message is a correction when it has a correcting lead-in ("no, I meant", "I mean",
 * "actually", "correction:", "wait", "oops", "sorry", "no it's") followed by a short value, or
 * says "X, not Y" / "not Y, X". "no, A4" is not: it answers a yes/no question as readily as it
 * corrects, and the yes/no reader has it first. It is not a correction when what follows is a sentence of its
 * own: "actually I missed my appointment yesterday" is a new question, and "no, it hasn't been
 * posted" answers one. The sign of a sentence is a verb (missed, failed, want, can, is, ...), a
 * pronoun as subject, or a question.
 */
import { describeValue } from './describeValue.js';

const MODULE = 'understanding/corrections';

export interface Correction {
  /** The new value, in the candidate's words: "A4", "the 10th", "March 3". */
  replacement: string;
  /** The old value, when the candidate named it: "the 12th" in "the 10th, not the 12th". */
  replaced?: string;
  /**
   * Where the value is a list (which duplicates): "and T4?" adds to it, "drop the P2" / "without T2"
   * takes out, "just the auto ones" keeps only those; without it the value is changed.
   */
  list?: ListChange;
  /**
   * "what about A4?", "and T2?", "¿y el A4?": a value asked about in the topic on the table, not a
   * slip put right ("no, I meant A4").
   */
  asked?: boolean;
}

export type ListChange = 'add' | 'remove' | 'keep';

/** "oops drop the P2", "remove T3", "without T2", "take out the A5 one", "not P2": that value taken out of a list. */
const REMOVE = /^(?:(?:oops|whoops|sorry|actually|wait|ok|okay|oh|and|so|um+|hmm+|no)[\s,.!-]+)*(?:(?:please|pls|can you|could you|i want to|let'?s)\s+)?(?:drop|remove|delete|take out|take off|leave out|leave off|skip|scratch|minus|without|forget|not|except|but not|no need for|don'?t need)\s+(?:the\s+|my\s+)?(.{1,40}?)(\s+(?:one|ones|cert|certs|certificate|certificates|test|tests))?(?:\s+(?:please|pls|then|too|from (?:it|that|the list)))?[\s.!?]*$/i;
/** "what about just the auto ones", "only A1 and A4", "just T2 then": keep only those. */
const KEEP = /^(?:(?:what about|how about|and|ok|okay|so|then|actually|oh|well|hmm+|um+)[\s,.!-]+)*(?:just|only)\s+(?:the\s+|my\s+)?(.{1,40}?)(\s+(?:one|ones|cert|certs|certificate|certificates|test|tests))?(?:\s+(?:then|please|pls))?[\s.!?]*$/i;

/**
 * A change to a list the candidate gave (test codes, or a series by name): taken out or kept only.
 * The value must be short and plainly a value: a code ("the P2") or words said to be certificates or
 * tests ("the auto ones"), never a sentence or a word alone ("not sure", "just wondering").
 */
export function readListChange(text: string): Correction | null {
  if (typeof text !== 'string') throw new TypeError(`${MODULE}: text must be a string, got ${describeValue(text)}`);
  const t = text.trim().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');
  for (const [pattern, list] of [[REMOVE, 'remove'], [KEEP, 'keep']] as const) {
    const [, found, ones] = pattern.exec(t) ?? [];
    const words = found?.trim();
    if (!words || !(/\d/.test(words) || ones)) continue;
    if (words.split(/\s+/).length <= 5 && !SENTENCE.test(words) && !NOT_A_VALUE.test(words)) return { replacement: words, list };
  }
  return null;
}

/** Words in front that announce a correction (or, for "no" and "oh", only go with one). */
const PREFIX = /^(no|nope|sorry|oops|whoops|oh|ah|wait|hold on|actually|my bad|my mistake)\b[\s,.!:;-]*/i;
/** Words that correct on their own: "I meant", "correction:", "make it". */
const CORRECTING = /^(?:i\s+(?:meant|mean|said)(?:\s+to\s+say)?|meant|correction|make\s+(?:it|that))\b[\s,.!:;-]*/i;
/** Words that introduce the value: "it was", "it's". */
const IT_WAS = /^(?:it\s+was|it'?s|it\s+is|that\s+was|that'?s)\b\s*/i;
/** Prefix words that announce a correction by themselves ("no" and "oh" need "it's" or "I meant"). */
const ANNOUNCING = new Set(['sorry', 'oops', 'whoops', 'wait', 'hold on', 'actually', 'my bad', 'my mistake']);

/**
 * A value put in place of another, both named: which of the pattern's two groups is the new value.
 * Tried in order; the first whose two sides are both values wins.
 */
interface PairPattern {
  pattern: RegExp;
  /** The group holding the new value (the other holds the old one). */
  replacement: 1 | 2;
}

const PAIRS: PairPattern[] = [
  // "not the 12th, the 10th", "not T3 but T2", "not the 12th, it was the 10th".
  { pattern: /^not\s+(.+?)\s*(?:,|\bbut\b|;)\s*(?:but\s+)?(?:it\s+was\s+|it'?s\s+|it\s+is\s+)?(.+)$/i, replacement: 2 },
  // "the 10th, not the 12th", "T2 not T3", "the 10th and not the 12th".
  { pattern: /^(.+?)\s*,?\s+(?:and\s+)?not\s+(.+)$/i, replacement: 1 },
  // "A4 instead of A5", "the 10th rather than the 12th": it used to read "A4" alone and add it to the list.
  { pattern: /^(.+?)\s*,?\s+(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(.+)$/i, replacement: 1 },
  // "instead of A5, A4".
  { pattern: /^(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(.+?)\s*[,;]\s*(?:it\s+was\s+|it'?s\s+|it\s+is\s+)?(.+)$/i, replacement: 2 },
];

/**
 * Words that make the rest a sentence, not a value: verbs a candidate uses about their tests, the
 * verbs "be", "have" and "do", modals, and pronouns as subjects.
 */
const SENTENCE =
  /\b(?:i|i'm|i've|i'd|we|you|he|she|they|missed|miss|failed|fail|bought|buy|passed|pass|took|take|want|wanted|need|needed|can|can't|could|will|would|should|must|may|might|is|are|was|were|am|be|been|being|has|have|had|hasn't|haven't|hadn't|do|does|did|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|get|got|go|went|know|think|help|cancel|reschedule|schedule|scheduled|posted|show|shows|showed)\b|\b(?!(?:morning|evening|spring|thing)\b)\w{3,}(?:ed|ing)\b/i;
/** Not values: answers, small talk, apologies ("sorry about that") and questions without a "?". */
const NOT_A_VALUE = /^(?:yes|yeah|yep|no|nope|nah|ok|okay|thanks|thank you|thx|never ?mind|nothing|that|this|it|what|huh)$|^(?:about|for the|for that|for this|again|what|when|how|why|where|who|which)\b/i;
const YES_OR_NO = /^(?:yes|yeah|yep|no|nope|nah)$/i;
/** At most this many words make a value ("the 10th of March 2024" is five). */
const MAX_VALUE_WORDS = 6;

/**
 * How one language says "no, I meant X": the lead-in words, the words that correct on their own, the
 * words that introduce the value, the pairs ("X not Y"), and what a value is. One reader runs each row.
 */
interface CorrectionGrammar {
  /** The text trimmed and tidied, before anything is read. */
  clean(text: string): string;
  /** Pairs tried on the whole message before lead-ins are taken off (Spanish "no el 12, el 10": its "no" is the pair's). */
  first: PairPattern[];
  prefix: RegExp;
  correcting: RegExp;
  itWas: RegExp;
  /** Lead-ins that announce a correction by themselves. */
  announcing: Set<string>;
  pairs: PairPattern[];
  value(words: string): string | null;
  /** "no, I meant no": a yes or a no that "I meant" says replaces the other. */
  meantYesOrNo?: RegExp;
}

function readWith(grammar: CorrectionGrammar, text: string): Correction | null {
  if (typeof text !== 'string') throw new TypeError(`${MODULE}: text must be a string, got ${describeValue(text)}`);
  let rest = grammar.clean(text);
  if (rest === '' || rest.includes('?')) return null;
  const first = pairIn(rest, grammar.first, grammar.value);
  if (first) return first;

  // "oh wait, no, I meant it was A4": prefix words, then "I meant", then "it was".
  const prefixes: string[] = [];
  for (let m = grammar.prefix.exec(rest); m?.[1]; m = grammar.prefix.exec(rest)) {
    prefixes.push(m[1].toLowerCase());
    rest = rest.slice(m[0].length);
  }
  const correcting = grammar.correcting.exec(rest);
  if (correcting) rest = rest.slice(correcting[0].length);
  const itWas = grammar.itWas.exec(rest);
  if (itWas) rest = rest.slice(itWas[0].length);
  if (rest === '') return null;
  if (correcting !== null && grammar.meantYesOrNo?.test(rest)) return { replacement: rest.toLowerCase() };

  const pair = pairIn(rest, grammar.pairs, grammar.value);
  if (pair) return pair;
  // A bare value counts only when announced: "A4" alone or "no, A4" answers a question.
  const announced = correcting !== null || prefixes.some((word) => grammar.announcing.has(word)) || (itWas !== null && prefixes.length > 0);
  if (!announced) return null;
  const replacement = grammar.value(rest);
  return replacement === null ? null : { replacement };
}

const ENGLISH: CorrectionGrammar = {
  clean: (text) => text.trim().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').replace(/[\s.!]+$/, ''),
  first: [],
  prefix: PREFIX,
  correcting: CORRECTING,
  itWas: IT_WAS,
  announcing: ANNOUNCING,
  pairs: PAIRS,
  value: (words) => value(words),
  meantYesOrNo: YES_OR_NO,
};

/** The correction `text` makes, or null when it is not one. */
export function readCorrection(text: string): Correction | null {
  return readWith(ENGLISH, text);
}

/** The first pair pattern that matches with both sides values (read by `asValue`), as a correction. */
function pairIn(rest: string, pairs: PairPattern[], asValue: (words: string) => string | null): Correction | null {
  for (const { pattern, replacement: at } of pairs) {
    const match = pattern.exec(rest);
    if (!match?.[1] || !match[2]) continue;
    const replacement = asValue(match[at]!);
    const replaced = asValue(match[at === 1 ? 2 : 1]!);
    if (replaced !== null && replacement !== null) return { replacement, replaced };
  }
  return null;
}

/** The words as a value, trimmed, or null when they are a sentence, an answer, or too long. */
function value(words: string): string | null {
  const v = words
    .replace(/^(?:it\s+was\s+|it'?s\s+|it\s+is\s+)/i, '')
    .replace(/^(?:on|in)\s+(?=\S)/i, '')
    .replace(/^[\s,;:.!-]+|[\s,;:.!-]+$/g, '');
  if (v === '' || NOT_A_VALUE.test(v) || SENTENCE.test(v)) return null;
  if (/^not\b/i.test(v)) return null;
  if (v.split(/\s+/).length > MAX_VALUE_WORDS) return null;
  return v;
}

/** Spanish lead-ins: "no", "perdón", "uy", "espera", "en realidad", "mejor dicho" (any of them, in a row). */
const ES_PREFIX = /^(no|perd[oó]n|disculpe?|uy|ups|espera|espere|en realidad|mejor dicho|me equivoqu[eé])\b[\s,.!:;-]*/i;
/** "quise decir", "quería decir", "me refiero a", "digo": correcting on their own. */
const ES_CORRECTING = /^(?:quise\s+decir|quer[ií]a\s+decir|me\s+refiero\s+a|me\s+refer[ií]a\s+a|digo)\b[\s,.!:;-]*/i;
/** "es", "era", "fue": introduce the value. */
const ES_IT_WAS = /^(?:es|era|fue)\b\s*/i;
const ES_ANNOUNCING = new Set(['perdón', 'perdon', 'disculpa', 'disculpe', 'uy', 'ups', 'espera', 'espere', 'en realidad', 'mejor dicho', 'me equivoqué', 'me equivoque']);
/** "no el 12, el 10", "no T2 sino T3". */
const ES_NOT_Y_X = /^no\s+(.+?)\s*(?:,|;|\bsino\b)\s*(?:sino\s+)?(?:es\s+|era\s+|fue\s+)?(.+)$/i;
/** The Spanish twins of PAIRS. */
const ES_PAIRS: PairPattern[] = [
  { pattern: ES_NOT_Y_X, replacement: 2 },
  // "el T3, no el T2", "T3 y no T2".
  { pattern: /^(.+?)\s*,?\s+(?:y\s+)?no\s+(.+)$/i, replacement: 1 },
  // "A4 en vez de A5", "el 10 en lugar del 12" (the "el" of "del" is the old value's: "el 12").
  { pattern: /^(.+?)\s*,?\s+en\s+(?:vez|lugar)\s+(?:de\s+|d(?=el\s))(.+)$/i, replacement: 1 },
  // "en vez de A5, A4", "en lugar del 12, el 10".
  { pattern: /^en\s+(?:vez|lugar)\s+(?:de\s+|d(?=el\s))(.+?)\s*[,;]\s*(?:es\s+|era\s+|fue\s+)?(.+)$/i, replacement: 2 },
];

const SPANISH: CorrectionGrammar = {
  clean: (text) => text.trim().replace(/^[¿¡\s]+/, '').replace(/\s+/g, ' ').replace(/[\s.!]+$/, ''),
  // "no el T2 sino el T3": the "no" belongs to the pair, not a lead-in.
  first: [{ pattern: ES_NOT_Y_X, replacement: 2 }],
  prefix: ES_PREFIX,
  correcting: ES_CORRECTING,
  itWas: ES_IT_WAS,
  announcing: ES_ANNOUNCING,
  pairs: ES_PAIRS,
  value: (words) => spanishValue(words),
};

/**
 * The Spanish twin of readCorrection: "no, quise decir el A4", "perdón, el 10 no el 12", "en realidad
 * fue el T3". A Spanish value is a few words with a digit in it (a test code, a day): without "not"'s
 * rarity in Spanish sentences ("no" is everywhere), the digit is what says a value was meant.
 */
export function readSpanishCorrection(text: string): Correction | null {
  return readWith(SPANISH, text);
}

/** The words as a Spanish value ("el T3", "el 10 de marzo"), or null: no digit, or too long to be one. */
function spanishValue(words: string): string | null {
  const v = words.replace(/^[\s,;:.!-]+|[\s,;:.!-]+$/g, '');
  if (v === '' || !/\d/.test(v) || v.split(/\s+/).length > MAX_VALUE_WORDS) return null;
  return v;
}
