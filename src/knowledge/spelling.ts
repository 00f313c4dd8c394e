import { withoutAccents } from '../language/accents.js';
import { damerauDistance } from './editDistance.js';
import { rememberingRecent } from './recentTexts.js';
import { splitWords, type TextPipeline } from './textProcessing.js';

/**
 * A spelling pass before stemming: a word of a question the knowledge base does not know
 * ("certficate", "reshedule", "prometrc") is read as the knowledge base's word it is a typo of, so it
 * counts for the entry that uses it instead of weighing like a rare word of its own. Words that are
 * real words elsewhere ("dentist", "wedding") must stay themselves: corrected into a domain word,
 * an out-of-domain question would be answered.
 */
export interface SpellingRules {
  /** Shorter words are too easily another word ("fee", "pass"): never corrected. */
  minLength: number;
  /** How many edits a word of this length may be from the word it is read as. */
  budget: (length: number) => number;
  /**
   * Below this length a word is read as another only when it lacks one of its letters or swaps two
   * ("canel", "arive"): a short real word is one letter changed from many others ("talk" and "task",
   * "dear" and "deaf"), a short typo mostly drops or swaps one.
   */
  onlyDropsOrSwapsBelow: number;
  /** Real words the knowledge base does not use, never corrected (lower case, accents folded). */
  neverCorrected: ReadonlySet<string>;
  /** A dictionary's verdict, where there is one: a real word is never corrected. */
  isWord?: (word: string) => boolean;
}

/**
 * One edit below 10 letters, two from 10: a typo's edits grow with the word, but two edits from a
 * word of 6 to 9 letters is mostly another real word ("better" and "battery", "whether" and
 * "weather", "letter" and "later"), where nearly every typo measured was one edit ("certficate").
 */
export const lengthBudget = (length: number): number => (length >= 10 ? 2 : 1);

/** QWERTY neighbours: a typo's wrong letter is mostly the key beside the right one ("certidicate"). */
const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const neighbours = (() => {
  const out = new Map<string, Set<string>>();
  KEYBOARD.forEach((row, r) => {
    [...row].forEach((key, c) => {
      const near = new Set<string>();
      for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, -1], [1, 0]] as const) {
        const other = KEYBOARD[r + dr]?.[c + dc];
        if (other) near.add(other);
      }
      out.set(key, near);
    });
  });
  return out;
})();

/** One letter changed, and into a key beside it: a slip of the finger, where "wedding" for "welding" is another word. */
function isKeySlip(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  return at >= 0 && (neighbours.get(a[at] as string)?.has(b[at] as string) ?? false);
}

/** Words the pass leaves alone however close to the vocabulary: only letters, none of "A5", "2024", "coworker's". */
const WORD = /^\p{L}+$/u;
const REMEMBERED = 20_000;

export class Speller {
  /** How often each word occurs in the knowledge base: ties go to the commoner word. */
  private readonly frequency = new Map<string, number>();
  /** The vocabulary by first letter: a typo rarely changes it, and the scan stays short. */
  private readonly byFirst = new Map<string, string[]>();
  /** The index terms of the vocabulary: a word whose term is one of them is an inflection, not a typo. */
  private readonly knownTerms = new Set<string>();
  private readonly corrections = new Map<string, string>();

  constructor(
    /** Everything the knowledge base says, in one language: its words are the vocabulary. */
    texts: Iterable<string>,
    /** The language's pipeline without spelling: how the vocabulary is split and what its terms are. */
    private readonly text: TextPipeline,
    private readonly rules: SpellingRules,
  ) {
    // The words as written: the pass reads a question's words as written, before the phrase table (adding the
    // phrase table's tokens, "noshow", changed no word of the dev parts or probes and cost 50 ms a build).
    for (const piece of texts) {
      for (const token of splitWords(withoutAccents(piece))) this.frequency.set(token, (this.frequency.get(token) ?? 0) + 1);
    }
    for (const word of this.frequency.keys()) {
      const term = text.processTerm(word);
      if (term) this.knownTerms.add(term);
      if (!WORD.test(word) || word.length < rules.minLength - 1) continue;
      const first = word[0] as string;
      const list = this.byFirst.get(first) ?? [];
      list.push(word);
      this.byFirst.set(first, list);
    }
  }

  /** How many different words the vocabulary holds. */
  get size(): number {
    return this.frequency.size;
  }

  /** The token as the knowledge base spells it, or the token itself when it is known or nothing is close enough. */
  correct(token: string): string {
    let corrected = this.corrections.get(token);
    if (corrected === undefined) {
      corrected = this.nearest(token) ?? token;
      if (this.corrections.size >= REMEMBERED) this.corrections.clear();
      this.corrections.set(token, corrected);
    }
    return corrected;
  }

  private isKnown(token: string): boolean {
    if (this.frequency.has(token) || this.rules.neverCorrected.has(token)) return true;
    // A stop word, a synonym or another form of a known word ("certificates", "kiero") is not a typo.
    const term = this.text.processTerm(token);
    if (term === null || this.knownTerms.has(term)) return true;
    return this.rules.isWord?.(token) ?? false;
  }

  private nearest(token: string): string | undefined {
    if (token.length < this.rules.minLength || !WORD.test(token) || this.isKnown(token)) return undefined;
    const budget = this.rules.budget(token.length);
    const short = token.length < this.rules.onlyDropsOrSwapsBelow;
    let best = budget + 1;
    let found: string[] = [];
    const consider = (word: string) => {
      if (Math.abs(word.length - token.length) > best) return;
      if (short && !(word.length === token.length + 1 || (word.length === token.length && isSwap(token, word)))) return;
      const distance = damerauDistance(token, word, best);
      // Below the two-edit length, a changed letter is a key slip or another word ("matter", "master").
      if (distance === 1 && budget === 1 && word.length === token.length && !isSwap(token, word) && !isKeySlip(token, word)) return;
      if (distance < best) [best, found] = [distance, [word]];
      else if (distance === best && distance <= budget) found.push(word);
    };
    for (const word of this.byFirst.get(token[0] as string) ?? []) consider(word);
    // The first two letters swapped ("ecrtificate") start with the second.
    for (const word of this.byFirst.get(token[1] as string) ?? []) if (word[1] === token[0]) consider(word);
    if (best > budget || found.length === 0) return undefined;
    return this.unique(found);
  }

  /**
   * The closest words, as one: forms of one word ("certificate", "certificates") are one; of different
   * words, the commonest in the knowledge base, when it is commoner than every other.
   */
  private unique(found: string[]): string | undefined {
    const byFrequency = [...new Set(found)].sort((a, b) => (this.frequency.get(b) ?? 0) - (this.frequency.get(a) ?? 0));
    const top = byFrequency[0] as string;
    const term = this.text.processTerm(top);
    const rival = byFrequency.find((word) => this.text.processTerm(word) !== term);
    if (rival && (this.frequency.get(rival) ?? 0) >= (this.frequency.get(top) ?? 0)) return undefined;
    return top;
  }
}

/** Two neighbouring letters swapped, and nothing else ("fial", "fail"). */
function isSwap(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** A word as written: letters, with what an apostrophe joins to them ("didn't" is one word, and not the pass's). */
const LETTERS = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

const startsSentence = (before: string): boolean => /(?:^|[.!?¿¡:;])\s*$/u.test(before);

/**
 * The pipeline with the spelling pass first, on the text as written: the phrase table, the known gaps'
 * cues ("birth certficate") and the words' terms then read the words as the knowledge base spells
 * them. The index, the answerer and the facet chooser all read the pipeline they are given.
 */
export function withSpelling(text: TextPipeline, speller: Speller): TextPipeline {
  const respelled = (written: string): string =>
    written.replace(LETTERS, (word, at: number) => {
      // A capital inside a sentence is a name ("Fresno", "Robert"), not a typo.
      if (/^\p{Lu}/u.test(word) && !startsSentence(written.slice(0, at))) return word;
      const folded = withoutAccents(word.toLowerCase());
      const corrected = speller.correct(folded);
      return corrected === folded ? word : corrected;
    });
  const normalise = rememberingRecent((written: string) => text.normalise(respelled(written)), 4);
  const tokenize = (written: string) => splitWords(normalise(written));
  return {
    ...text,
    normalise,
    tokenize,
    contentTerms: (question: string) =>
      tokenize(question)
        .map(text.processTerm)
        .filter((term): term is string => term !== null),
  };
}
