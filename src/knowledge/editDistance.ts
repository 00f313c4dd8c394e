/** Levenshtein distance: single-character insertions, deletions and substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * A misspelling of a known word ("recertifiy", "certifcate"): the edits a typo makes grow with the
 * word, so one edit from 5 letters and two from 8; shorter words are too easily another word.
 */
export function isTypoOf(word: string, known: string): boolean {
  if (word.length < 5 || known.length < 4) return false;
  const allowed = word.length >= 8 ? 2 : 1;
  return Math.abs(word.length - known.length) <= allowed && editDistance(word, known) <= allowed;
}

/** Is `word` a misspelling of any of the known words? (Iterated, not copied: the sets are the vocabulary.) */
export function isTypoOfAny(word: string, known: Iterable<string>): boolean {
  for (const candidate of known) if (isTypoOf(word, candidate)) return true;
  return false;
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: two neighbouring letters swapped count as
 * one edit, "expierence"), or `limit + 1` as soon as it must exceed `limit`: a spelling pass compares a
 * word with many and keeps only the close ones, so a row past the limit ends the comparison.
 */
export function damerauDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = Array.from({ length: b.length + 1 }, () => 0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = Array.from({ length: b.length + 1 }, () => 0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] as number) + 1);
      current[j] = value;
      if (value < smallest) smallest = value;
    }
    if (smallest > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length] as number;
  return distance > limit ? limit + 1 : distance;
}
