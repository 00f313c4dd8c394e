/**
 * Splits a reply into SMS messages. Twilio refuses a body over 1,600 characters; a message under
 * about 320 reads as a text rather than a letter. So: a text that fits the target is one message;
 * otherwise it breaks at the strongest boundary that makes the pieces fit (paragraph, then line,
 * then sentence), and the pieces are packed back together up to the target. A sentence is never
 * cut while it fits in `max`; a longer one is cut between words; only a single word longer than
 * `max` is cut inside.
 */

export interface SplitOptions {
  /** Hard limit per message, in UTF-16 code units (what Twilio counts). Default 1,600. */
  max?: number;
  /** Preferred size per message. Default 320. */
  target?: number;
}

/** A piece of text and the whitespace that stood before it in the original. */
interface Atom {
  sep: string;
  text: string;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /^\(?(?:e\.g|i\.e|vs|approx|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Inc|Ltd|Co|U\.S|[A-Z])\.$/i;
const ENDS_SENTENCE = /[.!?]["')\]]*$/;

/** Splits `text` at `boundary` (a regex with one capture group: the separator), keeping each separator with the piece after it. */
function splitKeeping(sep: string, text: string, boundary: RegExp): Atom[] {
  const parts = text.split(boundary);
  const atoms: Atom[] = [];
  let pendingSep = sep;
  for (let i = 0; i < parts.length; i += 2) {
    const piece = parts[i] ?? '';
    if (piece.trim()) {
      atoms.push({ sep: pendingSep, text: piece });
      pendingSep = '';
    }
    // Separators around a blank piece run together; before the first piece the outer separator stands.
    if (atoms.length) pendingSep += parts[i + 1] ?? '';
  }
  return atoms;
}

/** Sentences of one line: a break after . ! ? (and closing quotes/brackets) before a word that does not start in lower case. */
function sentences(sep: string, line: string): Atom[] {
  const tokens = line.split(/(\s+)/);
  const atoms: Atom[] = [];
  let current = '';
  let currentSep = sep;
  for (let i = 0; i < tokens.length; i += 2) {
    const word = tokens[i] ?? '';
    const space = tokens[i + 1] ?? '';
    current += word;
    const next = tokens[i + 2] ?? '';
    const firstWordOfLine = i === 0;
    const isBoundary =
      space !== '' &&
      next !== '' &&
      ENDS_SENTENCE.test(word) &&
      !ABBREVIATION.test(word) &&
      !(firstWordOfLine && /^\d{1,3}[.)]$/.test(word)) &&
      !/^\p{Ll}/u.test(next);
    if (isBoundary) {
      if (current.trim()) atoms.push({ sep: currentSep, text: current });
      current = '';
      currentSep = space;
    } else {
      current += space;
    }
  }
  if (current.trim()) atoms.push({ sep: currentSep, text: current.trimEnd() });
  return atoms;
}

/** Cuts a word longer than `max` into pieces of at most `max`, never inside a surrogate pair. */
function hardSplit(sep: string, word: string, max: number): Atom[] {
  const atoms: Atom[] = [];
  let current = '';
  for (const char of word) {
    if (current.length + char.length > max) {
      atoms.push({ sep: atoms.length ? '' : sep, text: current });
      current = '';
    }
    current += char;
  }
  if (current) atoms.push({ sep: atoms.length ? '' : sep, text: current });
  return atoms;
}

type Level = 'paragraph' | 'line' | 'sentence' | 'word' | 'char';

function atomize(atom: Atom, level: Level, max: number, target: number): Atom[] {
  const { sep, text } = atom;
  switch (level) {
    case 'paragraph':
      if (text.length <= target) return [atom];
      return splitKeeping(sep, text, /(\n[ \t]*\n\s*)/).flatMap((a) => atomize(a, 'line', max, target));
    case 'line':
      if (text.length <= target) return [atom];
      return splitKeeping(sep, text, /(\s*\n\s*)/).flatMap((a) => atomize(a, 'sentence', max, target));
    case 'sentence':
      // A sentence that fits in one message stays whole, even past the target.
      if (text.length <= target) return [atom];
      return sentences(sep, text).flatMap((a) => (a.text.length <= max ? [a] : atomize(a, 'word', max, target)));
    case 'word':
      return splitKeeping(sep, text, /(\s+)/).flatMap((a) => (a.text.length <= max ? [a] : atomize(a, 'char', max, target)));
    case 'char':
      return hardSplit(sep, text, max);
  }
}

export function splitForSms(text: string, options: SplitOptions = {}): string[] {
  const max = options.max ?? 1600;
  const target = Math.min(options.target ?? 320, max);
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`splitForSms: max must be an integer of at least 2 (got ${max})`);
  if (!Number.isInteger(target) || target < 1) throw new RangeError(`splitForSms: target must be a positive integer (got ${target})`);
  const whole = text.trim();
  if (!whole) return [];
  if (whole.length <= target) return [whole];

  const atoms = atomize({ sep: '', text: whole }, 'paragraph', max, target);
  const parts: string[] = [];
  let current = '';
  for (const atom of atoms) {
    const piece = atom.text.trim();
    if (!piece) continue;
    // A cut inside a word (sep '') still packs with its neighbours; only the whitespace is dropped at a part boundary.
    const joined = current ? current + atom.sep + piece : piece;
    if (current && joined.length <= target) {
      current = joined;
    } else if (!current) {
      current = piece;
    } else {
      parts.push(current);
      current = piece;
    }
  }
  if (current) parts.push(current);
  return parts;
}
