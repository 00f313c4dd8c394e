/**
 * Test codes, test names and test series in what the candidate wrote. Pure: the catalogue is
 * passed in (src/knowledge/policyData.ts loads it), nothing is read here.
 *
 * - Codes: "A5", "a5", "A-5", "t2", "L1", "x1"; "A 5" only before "test"/"exam"/"cert", so
 *   "a 5 minute drive" is not A5. Lists ("A1, A5 and T2") and ranges ("A1-A8", "A1-8",
 *   "A1 through A8"; Spanish "de A1 hasta A8", "A1 a A8", "del A1 al A8") of one series.
 * - Names and aliases from the catalogue, longest first ("advanced engine performance" is L1,
 *   "engine performance" A8, "engine" A1), singular or plural ("brake test" is A5).
 * - Things shaped like codes that are not in the catalogue ("A12", "Z9") come back as unknown,
 *   with the nearest real codes of the same letter as suggestions.
 */

import type { Catalogue, Series, TestEntry } from '../rules/types.js';
import { editDistance } from '../knowledge/editDistance.js';

const MODULE = 'understanding/tests';

export interface TestMatches {
  /** Tests found, each once, in the order first mentioned. */
  tests: TestEntry[];
  /** Code-shaped words not in the catalogue, upper-cased, each once ("A12", "Z9"). */
  unknownCodes: string[];
  /** For each unknown code, up to two real codes of the same letter (same letter first, then nearest). */
  suggestions: Record<string, string[]>;
}

function check(text: unknown, catalogue: unknown, fn: string): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`${MODULE}: ${fn}: text must be a string, got ${JSON.stringify(text)}`);
  const c = catalogue as Partial<Catalogue> | null;
  if (!c || !Array.isArray(c.tests) || !Array.isArray(c.series)) {
    throw new TypeError(`${MODULE}: ${fn}: expected a catalogue with series and tests, got ${JSON.stringify(catalogue)?.slice(0, 80)}`);
  }
}

// ---- words ---------------------------------------------------------------------------------

interface Word {
  word: string;
  start: number;
  end: number;
}

/** 'Brakes' -> 'brake', 'systems' -> 'system'; short words and '-ss' words stay as they are. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Lower-cased, stemmed words with their offsets; '&' reads as 'and'; '/', '-' and punctuation split. */
function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9]+|&/g)) {
    const raw = m[0] === '&' ? 'and' : m[0].toLowerCase();
    out.push({ word: stem(raw), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const phraseKey = (phrase: string): string => words(phrase).map((w) => w.word).join(' ');

/** "A/C" is the alias "a/c", but "a C" (a grade) is not: two one-letter words must be joined by a mark. */
function singleLettersJoined(text: string, span: Word[]): boolean {
  for (let k = 1; k < span.length; k++) {
    const a = span[k - 1] as Word;
    const b = span[k] as Word;
    if (a.word.length === 1 && b.word.length === 1 && /^\s*$/.test(text.slice(a.end, b.start))) return false;
  }
  return true;
}

/**
 * "auto + truck + parts", "truck, parts": a list mark between two words ends a phrase ("truck parts"
 * is P1 and the Parts series, "truck + parts" two series). "&" is no such mark: names use it
 * ("Automobile & Light Truck").
 */
function noListMarkBetween(text: string, span: Word[]): boolean {
  for (let k = 1; k < span.length; k++) if (/[+,;]/.test(text.slice((span[k - 1] as Word).end, (span[k] as Word).start))) return false;
  return true;
}

interface PhraseHit<T> {
  value: T;
  start: number;
  end: number;
}

/** What a (cached, never changed) phrase map is looked up by, worked out once per map. */
interface PhraseShape {
  /** The most words in any phrase. */
  longest: number;
  /** The first word of every phrase: a word no phrase starts with is passed over at once. */
  firstWords: Set<string>;
}

const phraseShapes = new WeakMap<Map<string, unknown>, PhraseShape>();

function shapeOf(phrases: Map<string, unknown>): PhraseShape {
  let shape = phraseShapes.get(phrases);
  if (!shape) {
    shape = { longest: 1, firstWords: new Set() };
    for (const key of phrases.keys()) {
      const keyWords = key.split(' ');
      shape.longest = Math.max(shape.longest, keyWords.length);
      shape.firstWords.add(keyWords[0] as string);
    }
    phraseShapes.set(phrases, shape);
  }
  return shape;
}

/** Greedy, longest phrase first at each word, phrases not overlapping. */
function findPhrases<T>(text: string, phrases: Map<string, T>): Array<PhraseHit<T>> {
  const { longest, firstWords } = shapeOf(phrases);
  const ws = words(text);
  const hits: Array<PhraseHit<T>> = [];
  for (let i = 0; i < ws.length; ) {
    let matched = 0;
    if (firstWords.has((ws[i] as Word).word)) {
      for (let n = Math.min(longest, ws.length - i); n >= 1; n--) {
        const span = ws.slice(i, i + n);
        const value = phrases.get(span.map((w) => w.word).join(' '));
        if (value !== undefined && singleLettersJoined(text, span) && noListMarkBetween(text, span)) {
          hits.push({ value, start: (ws[i] as Word).start, end: (ws[i + n - 1] as Word).end });
          matched = n;
          break;
        }
      }
    }
    i += matched || 1;
  }
  return hits;
}

// ---- codes ---------------------------------------------------------------------------------

const TEST_WORD = String.raw`(?:tests?|exams?|certs?|certifications?|recerts?|recertifications?)\b`;
// A code: a letter and one or two digits, standing alone ("A5", "a-5"), or "A 5" before a test word.
const CODE = new RegExp(
  String.raw`(?<![A-Za-z0-9/'.$#])([A-Za-z])(?:(-)?(\d{1,2})|( )(\d{1,2})(?=\s*${TEST_WORD}))(?![A-Za-z0-9/]|[.:,]\d|%)`,
  'g',
);
// After a code: "-8", " to 8", " through A8", Spanish " hasta A8" / " hasta el A8" (a range in the same
// series); the Spanish " a A8" / " al A8" only with the letter, so "el A5 a las 8", "a 8 días" and "el A5
// al 10 de diciembre" are no range.
const RANGE_TAIL = /^\s*(?:(?:-|–|—|to|through|thru|till|until|hasta(?:\s+el)?)\s*(?:([A-Za-z])\s?-?)?(\d{1,2})|(?:a|al)\s+([A-Za-z])\s?-?(\d{1,2}))(?![A-Za-z0-9/]|[.:]\d)/i;
// SMS: "b4 the test", "cancel b4 my exam" -> before.
const B4_AS_BEFORE = /^\s+(?:the|my|i|i'm|im|u|you|your|ur|it|then|that|this|we|they|a|an|next|noon|tomorrow|tmrw|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)\b/i;

const FOLLOWED_BY_TEST_WORD = new RegExp(String.raw`^\s*${TEST_WORD}`, 'i');

interface CodeHit {
  codes: string[];
  start: number;
  end: number;
}

/** A catalogue's codes looked up by code, letter and phrase: built once per (never changed) catalogue. */
interface CatalogueIndex {
  byCode: Map<string, TestEntry>;
  letters: Set<string>;
}

const catalogueIndexes = new WeakMap<Catalogue, CatalogueIndex>();

function indexOf(catalogue: Catalogue): CatalogueIndex {
  let index = catalogueIndexes.get(catalogue);
  if (!index) {
    index = { byCode: new Map(catalogue.tests.map((t) => [t.code, t])), letters: new Set(catalogue.tests.map((t) => t.code[0] as string)) };
    catalogueIndexes.set(catalogue, index);
  }
  return index;
}

function codeHits(text: string, catalogue: Catalogue): CodeHit[] {
  const { letters, byCode: known } = indexOf(catalogue);
  const hits: CodeHit[] = [];
  CODE.lastIndex = 0;
  for (let m = CODE.exec(text); m !== null; m = CODE.exec(text)) {
    const letterRaw = m[1] as string;
    const letter = letterRaw.toUpperCase();
    const digits = (m[3] ?? m[5]) as string;
    const hyphen = m[2] !== undefined;
    const start = m.index;
    let end = start + m[0].length;
    // A letter that starts no test code must be written as a code ("Z9"), not "I-9" or "A 12".
    if (!letters.has(letter) && (hyphen || m[4] !== undefined)) continue;
    // Lower case and not a real code: SMS ("failed x2", "im l8", "w8"), not a test, unless a test word follows.
    const followedByTestWord = FOLLOWED_BY_TEST_WORD.test(text.slice(end));
    if (letterRaw !== letter && !known.has(`${letter}${Number(digits)}`) && !followedByTestWord) continue;
    if (m[0] === 'b4' && B4_AS_BEFORE.test(text.slice(end))) continue;

    const codes = [`${letter}${Number(digits)}`];
    const tail = RANGE_TAIL.exec(text.slice(end));
    const tailLetter = tail?.[1] ?? tail?.[3];
    if (tail && (tailLetter === undefined || tailLetter.toUpperCase() === letter)) {
      const to = Number(tail[2] ?? tail[4]);
      const from = Number(digits);
      const [lo, hi] = from <= to ? [from, to] : [to, from];
      const inRange = catalogue.tests
        .filter((t) => t.code[0] === letter && Number(t.code.slice(1)) >= lo && Number(t.code.slice(1)) <= hi)
        .map((t) => t.code)
        .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
      codes.splice(0, 1, ...new Set([`${letter}${lo}`, ...inRange, `${letter}${hi}`]));
      codes.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
      end += tail[0].length;
      CODE.lastIndex = end;
    }
    hits.push({ codes, start, end });
  }
  return hits;
}


/**
 * Up to two real codes near an unknown one: same letter, fewest digit edits, then nearest
 * number; returned in number order. "A12" -> ["A1", "A2"], "P3" -> ["P2", "P4"], "T9" -> ["T7", "T8"],
 * "Z9" -> [] (no Z tests).
 */
export function suggestCodes(code: string, catalogue: Catalogue): string[] {
  const m = /^\s*([A-Za-z])\s*-?\s*(\d{1,3})\s*$/.exec(code);
  if (!m) return [];
  const letter = (m[1] as string).toUpperCase();
  const digits = String(Number(m[2]));
  const n = Number(digits);
  return catalogue.tests
    .filter((t) => t.code[0] === letter && t.code !== `${letter}${digits}`)
    .map((t) => {
      const d = t.code.slice(1);
      return { code: t.code, number: Number(d), edits: editDistance(digits, d), distance: Math.abs(Number(d) - n) };
    })
    .sort((a, b) => a.edits - b.edits || a.distance - b.distance || a.number - b.number)
    .slice(0, 2)
    .sort((a, b) => a.number - b.number)
    .map((s) => s.code);
}

// ---- names and aliases ---------------------------------------------------------------------

const namePhraseCache = new WeakMap<Catalogue, Map<string, string | null>>();

/**
 * Every alias, and every test name no other test shares, to its code. A name several tests share
 * ("Diesel Engines" is T2, S2 and H2) maps to null: it names no one test, and its words are not
 * read again on their own ("engine" is A1). Aliases come first ("brakes" is A5).
 */
function testPhrases(catalogue: Catalogue): Map<string, string | null> {
  const cached = namePhraseCache.get(catalogue);
  if (cached) return cached;
  const phrases = new Map<string, string | null>();
  for (const t of catalogue.tests) {
    for (const alias of t.aliases) {
      const key = phraseKey(alias);
      if (key && !phrases.has(key)) phrases.set(key, t.code);
    }
  }
  const nameCount = new Map<string, number>();
  for (const t of catalogue.tests) nameCount.set(phraseKey(t.name), (nameCount.get(phraseKey(t.name)) ?? 0) + 1);
  for (const t of catalogue.tests) {
    const key = phraseKey(t.name);
    if (key && !phrases.has(key)) phrases.set(key, nameCount.get(key) === 1 ? t.code : null);
  }
  namePhraseCache.set(catalogue, phrases);
  return phrases;
}

// ---- resolveTests --------------------------------------------------------------------------

/** The last texts read against each catalogue: a turn reads the same message in several places. */
const recentMatches = new WeakMap<Catalogue, Map<string, TestMatches>>();
const RECENT_TEXTS = 16;

/** Test codes, ranges, names and aliases in `text`, against `catalogue`. (The result is frozen: it may be shared.) */
export function resolveTests(text: string, catalogue: Catalogue): TestMatches {
  check(text, catalogue, 'resolveTests');
  let recent = recentMatches.get(catalogue);
  if (!recent) recentMatches.set(catalogue, (recent = new Map()));
  let matches = recent.get(text);
  if (!matches) {
    matches = readTests(text, catalogue);
    if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value!);
    recent.set(text, matches);
  }
  return matches;
}

function readTests(text: string, catalogue: Catalogue): TestMatches {
  const message = text.replace(/[’‘]/g, "'");
  const { byCode } = indexOf(catalogue);

  const found: Array<{ codes: string[]; start: number }> = [];
  const codeSpans = codeHits(message, catalogue);
  found.push(...codeSpans);
  for (const hit of findPhrases(message, testPhrases(catalogue))) {
    if (hit.value !== null && !codeSpans.some((c) => hit.start < c.end && c.start < hit.end)) found.push({ codes: [hit.value], start: hit.start });
  }
  found.sort((a, b) => a.start - b.start);

  const tests: TestEntry[] = [];
  const unknownCodes: string[] = [];
  const suggestions: Record<string, string[]> = {};
  for (const { codes } of found) {
    for (const code of codes) {
      const entry = byCode.get(code);
      if (entry) {
        if (!tests.includes(entry)) tests.push(entry);
      } else if (!unknownCodes.includes(code)) {
        unknownCodes.push(code);
        suggestions[code] = suggestCodes(code, catalogue);
      }
    }
  }
  return Object.freeze({ tests: Object.freeze(tests) as TestEntry[], unknownCodes: Object.freeze(unknownCodes) as string[], suggestions: Object.freeze(suggestions) });
}

/**
 * The Master certificate or patch, which is of its series as a test's certificate is ("and my master
 * patch too", "mi certificado de técnico maestro"): a name too, for `withoutNames`.
 */
const MASTER_CERTIFICATE = /\bmaster(?:'s)?(?: (?:auto(?:mobile)?|truck))?(?: (?:tech|technician))? (?:patch(?:es)?|plaques?|certificates?|certs?|cards?)\b|\b(?:parche|certificado|placa)s? de (?:t[eé]cnico )?(?:master|maestro)\b/gi;

/**
 * The text with every test and series it names blanked out ("what if I need auto and truck" ->
 * "what if I need      and      "): what the message says besides the names, for telling a reply
 * that only names tests from a question of its own. The Master certificate or patch counts as a name.
 * Same length, so positions still hold.
 */
export function withoutNames(text: string, catalogue: Catalogue): string {
  check(text, catalogue, 'withoutNames');
  const message = text.replace(/[’‘]/g, "'");
  const spans: Array<{ start: number; end: number }> = [
    ...codeHits(message, catalogue),
    ...findPhrases(message, testPhrases(catalogue)),
    ...findPhrases(message, seriesPhrases(catalogue)),
  ];
  for (const m of message.matchAll(MASTER_CERTIFICATE)) spans.push({ start: m.index, end: m.index + m[0].length });
  let out = message;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/**
 * The text with each phrase that names a whole series blanked out, unless a longer test name covers
 * it: "parts specialist" is the Parts Specialist series (though P2's alias too), "truck parts" the
 * Parts series, but "medium/heavy truck parts" is still P1. For a task that prices a series whole
 * (duplicates): a series named is the series, never one test of it. Same length, so positions hold.
 */
export function withoutSeriesNames(text: string, catalogue: Catalogue): string {
  check(text, catalogue, 'withoutSeriesNames');
  const message = text.replace(/[’‘]/g, "'");
  const testHits = findPhrases(message, testPhrases(catalogue));
  let out = message;
  for (const { start, end } of findPhrases(message, seriesPhrases(catalogue))) {
    const longer = testHits.some((hit) => hit.start < end && start < hit.end && hit.end - hit.start > end - start);
    if (!longer) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  }
  return out;
}

// ---- resolveSeries -------------------------------------------------------------------------

/**
 * Everyday words for each series (the catalogue's series names are added to these), in English and
 * Spanish ("necesito automovil y camiones" names the A and T series, as "auto and truck" does).
 * Accented and plain spellings both: a word is split at an accented letter.
 */
const SERIES_WORDS_ES: Record<string, string[]> = {
  A: ['automovil', 'automóvil', 'automoviles', 'automóviles', 'carro', 'coche', 'camioneta ligera', 'automovil y camioneta ligera', 'automóvil y camioneta ligera'],
  T: ['camion', 'camión', 'camiones', 'camion mediano', 'camión mediano', 'camion pesado', 'camión pesado', 'camiones pesados', 'camion mediano pesado', 'camión mediano/pesado'],
  S: ['autobus escolar', 'autobús escolar'],
  B: ['colision', 'colisión', 'carroceria', 'carrocería'],
  P: ['partes', 'especialista en partes', 'partes de camion', 'partes de camión', 'refacciones'],
  H: ['autobus de transito', 'autobús de tránsito'],
};

const SERIES_WORDS: Record<string, string[]> = {
  A: ['automobile', 'auto', 'automotive', 'car', 'light truck', 'automobile and light truck', 'auto and light truck', 'light vehicle'],
  T: ['truck', 'medium heavy truck', 'medium/heavy truck', 'medium-heavy truck', 'heavy truck', 'medium truck', 'heavy duty truck', 'heavy-duty truck', 'heavy duty', 'diesel truck'],
  S: ['school bus'],
  B: ['collision', 'collision repair', 'collision repair and refinish', 'auto body', 'body shop', 'body repair', 'refinish'],
  P: ['parts', 'parts specialist', 'auto parts', 'automobile parts', 'truck parts', 'parts counter'],
  L: ['advanced level', 'advanced'],
  X: ['undercar', 'undercar specialist'],
  E: ['truck equipment'],
  H: ['transit bus', 'transit'],
  F: ['alternate fuel', 'alternate fuels', 'alternative fuel', 'alternative fuels'],
  C: ['service consultant', 'service advisor', 'service writer'],
};

const seriesPhraseCache = new WeakMap<Catalogue, Map<string, string>>();

function seriesPhrases(catalogue: Catalogue): Map<string, string> {
  const cached = seriesPhraseCache.get(catalogue);
  if (cached) return cached;
  const phrases = new Map<string, string>();
  for (const s of catalogue.series) {
    for (const phrase of [s.name, ...(SERIES_WORDS[s.id] ?? []), ...(SERIES_WORDS_ES[s.id] ?? [])]) {
      const key = phraseKey(phrase);
      if (key && !phrases.has(key)) phrases.set(key, s.id);
    }
  }
  seriesPhraseCache.set(catalogue, phrases);
  return phrases;
}

/**
 * Test series named in `text`, each once, in order: "automobile", "auto", "car" -> A; "truck",
 * "medium/heavy truck" -> T; "school bus" -> S; "collision" -> B; "parts", "truck parts" -> P;
 * "the T series" / "series T" -> T; "A and T series", "A series and the T series", "A, T and S
 * series" -> each letter before "series". Longest phrase wins ("truck parts" is Parts, not Truck).
 */
export function resolveSeries(text: string, catalogue: Catalogue): Series[] {
  check(text, catalogue, 'resolveSeries');
  const byId = new Map(catalogue.series.map((s) => [s.id, s]));
  const hits: Array<{ id: string; start: number }> = findPhrases(text, seriesPhrases(catalogue)).map((h) => ({ id: h.value, start: h.start }));
  for (const hit of seriesLetters(text)) if (byId.has(hit.id)) hits.push(hit);
  hits.sort((a, b) => a.start - b.start);
  const out: Series[] = [];
  for (const { id } of hits) {
    const series = byId.get(id);
    if (series && !out.includes(series)) out.push(series);
  }
  return out;
}

/** What may stand between series letters before "series": "A and T", "A, T & S", "A or the T". */
const LETTER_LINK = /^(?:,|&|\+|\/|and|or|the)$/i;
const LETTER_TOKENS = /[A-Za-z0-9]+|[,&+/]/g;
/** A capital letter that can be a series ("I" is the candidate). */
const SERIES_LETTER = /^(?!I$)[A-Z]$/;

/**
 * Capital letters that name series by standing before "series" ("A and T series", "the T
 * series", "T-series") or after it ("series T"). A capital only: "a series of questions" names
 * none, nor does a "series" followed by "of" ("A series of questions").
 */
function seriesLetters(text: string): Array<{ id: string; start: number }> {
  const tokens = [...text.matchAll(LETTER_TOKENS)].map((m) => ({ word: m[0], start: m.index }));
  const out: Array<{ id: string; start: number }> = [];
  tokens.forEach((token, i) => {
    if (!/^series$/i.test(token.word)) return;
    const after = tokens[i + 1];
    if (after && SERIES_LETTER.test(after.word)) out.push({ id: after.word, start: after.start });
    if (after && /^of$/i.test(after.word)) return;
    for (let j = i - 1; j >= 0; j--) {
      const word = (tokens[j] as { word: string }).word;
      if (SERIES_LETTER.test(word)) out.push({ id: word, start: (tokens[j] as { start: number }).start });
      else if (!LETTER_LINK.test(word)) break;
    }
  });
  return out;
}

/** Words that may stand beside bare series letters in an answer: "I need A and T", "just the S please". */
const LETTER_ANSWER_WORDS = /^(?:i|need|want|would|like|for|the|please|just|only|both|and|or|series|certificates?|certs?|duplicates?|of|my|,|&|\+|\/)$/i;

/**
 * Series letters given alone in answer to "which test series?": "A and T", "A, T and S", "just S".
 * Only capitals that are series, and only when nothing else is said (then "A" is no article).
 */
export function resolveSeriesLetters(text: string, catalogue: Catalogue): Series[] {
  check(text, catalogue, 'resolveSeriesLetters');
  const tokens = [...text.replace(/[.!?]+$/, '').matchAll(LETTER_TOKENS)].map((m) => m[0]);
  const letters = tokens.filter((word) => SERIES_LETTER.test(word));
  if (!letters.length || !tokens.every((word) => SERIES_LETTER.test(word) || LETTER_ANSWER_WORDS.test(word))) return [];
  const found = letters.map((id) => catalogue.series.find((series) => series.id === id));
  return found.every(Boolean) ? [...new Set(found as Series[])] : [];
}
