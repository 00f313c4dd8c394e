import { FaqIndex } from './faqIndex.js';
import type { FaqEntry } from './faqEntry.js';
import { memoisedPipeline } from './textProcessing.js';

/**
 * kb:check's retrieval figure: does each alternate phrasing find its own entry first, asked of an
 * index built without it (so it cannot simply find itself)? Returns the count and the conflicts.
 */
export function alternateFigures(index: FaqIndex, onlyEntries?: ReadonlySet<string>): { checked: number; own: number; conflicts: Array<{ entryId: string; alternate: string; matches: string }> } {
  const conflicts: Array<{ entryId: string; alternate: string; matches: string }> = [];
  let checked = 0;
  // Every index here reads the same texts but one alternate: each text is processed once, not once an index
  // (the spelling pass and the respelling tables made that the whole cost of kb:check).
  const text = memoisedPipeline(index.text);
  for (const entry of index.entries) {
    // One index per alternate: a subset of entries keeps an editor's check to seconds.
    if (onlyEntries && !onlyEntries.has(entry.id)) continue;
    for (const alternate of [...entry.alternates, ...(entry.facets ?? []).flatMap((facet) => facet.alternates)]) {
      checked++;
      const without = index.entries.map((other) => (other.id === entry.id ? withoutAlternate(other, alternate) : other));
      const best = new FaqIndex(without, index.outOfScope, undefined, text).query(alternate, 1)[0];
      const bestId = best ? (best.target.kind === 'faq' ? best.target.entry.id : `out-of-scope:${best.target.topic.id}`) : '(nothing)';
      if (bestId !== entry.id) conflicts.push({ entryId: entry.id, alternate, matches: bestId });
    }
  }
  return { checked, own: checked - conflicts.length, conflicts };
}

/** The entry without one phrasing, wherever it is listed (its own alternates or a facet's). */
export function withoutAlternate(entry: FaqEntry, alternate: string): FaqEntry {
  return {
    ...entry,
    alternates: entry.alternates.filter((a) => a !== alternate),
    ...(entry.facets ? { facets: entry.facets.map((facet) => ({ ...facet, alternates: facet.alternates.filter((a) => a !== alternate) })) } : {}),
  };
}
