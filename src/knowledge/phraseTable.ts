/**
 * A table of phrase rewrites applied in order, each to the output of the ones before it. Most
 * messages contain none of the phrases, so the table first asks one expression made of all of them:
 * a text it does not match is left as it is by the whole table (each phrase sees the text
 * unchanged), and one scan replaces dozens. Case is ignored in that expression, the table's
 * case-sensitive phrases included: all it can do wrong is send a text through the table, where
 * every phrase keeps its own flags.
 */
export function phraseTable(phrases: ReadonlyArray<readonly [RegExp, string]>): (text: string) => string {
  // Unicode mode only where a phrase needs it (\p{L}): it refuses escapes the others may use.
  const unicode = phrases.some(([pattern]) => pattern.unicode);
  const any = new RegExp(phrases.map(([pattern]) => `(?:${pattern.source})`).join('|'), unicode ? 'iu' : 'i');
  return (text) => (any.test(text) ? phrases.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text) : text);
}
