/**
 * A table of phrase rewrites applied in order, each to the output of the ones before it. Most
 * messages contain none of the phrases, so the table first asks one expression made of all of them:
 * a text it does not match is left as it is by the whole table (each phrase sees the text
 * unchanged), and one scan replaces dozens. That expression may match more than the phrases do,
 * never less: case is ignored (the table's case-sensitive phrases included), and the phrases'
 * lookarounds are left out of it (a guard like "not after 'master '" only narrows a match, and
 * lookbehinds at the start of each alternative keep the engine from skipping ahead). All that costs
 * is a text sent through the table, where every phrase keeps its own flags and guards.
 */
/**
 * What a phrase becomes: a text (with `$1` for its groups), or made from the match and its groups, as
 * for String.replace (a spoken test code, "ele uno", is "l1"); a phrase without groups may read the
 * match's offset and the whole text (to look at the rest of the message without a lookaround that
 * rescans it from every position).
 */
export type Replacement = string | ((match: string, ...groups: string[]) => string) | ((match: string, offset: number, text: string) => string);

export function phraseTable(phrases: ReadonlyArray<readonly [RegExp, Replacement]>): (text: string) => string {
  // Unicode mode only where a phrase needs it (\p{L}): it refuses escapes the others may use.
  const unicode = phrases.some(([pattern]) => pattern.unicode);
  const any = new RegExp(phrases.map(([pattern]) => `(?:${withoutLookarounds(pattern.source)})`).join('|'), unicode ? 'iu' : 'i');
  return (text) => (any.test(text) ? phrases.reduce((out, [pattern, replacement]) => (typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement)), text) : text);
}

const LOOKAROUND = /^\(\?(?:<[!=]|[!=])/;

/** A pattern's source without its lookahead and lookbehind groups (escapes and character classes read as such). */
export function withoutLookarounds(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; ) {
    if (source[i] === '(' && LOOKAROUND.test(source.slice(i, i + 4))) {
      i = afterGroup(source, i);
      continue;
    }
    const end = afterToken(source, i);
    out += source.slice(i, end);
    i = end;
  }
  return out;
}

/** The index after the token at `i`: an escape, a whole character class, or one character. */
function afterToken(source: string, i: number): number {
  if (source[i] === '\\') return i + 2;
  if (source[i] !== '[') return i + 1;
  let j = i + 1;
  while (j < source.length && source[j] !== ']') j = source[j] === '\\' ? j + 2 : j + 1;
  return j + 1;
}

/** The index after the group that opens at `start`. */
function afterGroup(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; ) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return i + 1;
    i = afterToken(source, i);
  }
  throw new SyntaxError(`knowledge/phraseTable: unbalanced group in /${source}/ at ${start}`);
}
