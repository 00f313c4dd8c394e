import { FaqIndex } from './faqIndex.js';
import type { FaqEntry } from './faqEntry.js';
import { memoisedPipeline } from './textProcessing.js';

type Conflict = { entryId: string; alternate: string; matches: string };
type Figures = { checked: number; own: number; conflicts: Conflict[] };

/**
 * kb:check's retrieval figure: does each alternate phrasing find its own entry first, asked of an
 * index built without it (so it cannot simply find itself)? Returns the count and the conflicts.
 */
export function alternateFigures(index: FaqIndex, onlyEntries?: ReadonlySet<string>): Figures {
  return tally(alternateChecks(index, onlyEntries));
}

/**
 * The same figure for a server: it gives the event loop back after every few indexes built (each
 * takes milliseconds; an editor's check builds a hundred or more, and the instance's other requests,
 * and the store's command timeouts, would wait behind them).
 */
export async function alternateFiguresYielding(index: FaqIndex, onlyEntries?: ReadonlySet<string>, every = 8): Promise<Figures> {
  const results: Array<Conflict | undefined> = [];
  for (const result of alternateChecks(index, onlyEntries)) {
    results.push(result);
    if (results.length % every === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return tally(results);
}

function tally(results: Iterable<Conflict | undefined>): Figures {
  const conflicts: Conflict[] = [];
  let checked = 0;
  for (const result of results) {
    checked++;
    if (result) conflicts.push(result);
  }
  return { checked, own: checked - conflicts.length, conflicts };
}

/** One result per alternate checked: the conflict when it finds another entry first, else undefined. */
function* alternateChecks(index: FaqIndex, onlyEntries?: ReadonlySet<string>): Generator<Conflict | undefined> {
  // Every index here reads the same texts but one alternate: each text is processed once, not once an index
  // (the spelling pass and the respelling tables made that the whole cost of kb:check).
  const text = memoisedPipeline(index.text);
  for (const entry of index.entries) {
    // One index per alternate: a subset of entries keeps an editor's check to seconds.
    if (onlyEntries && !onlyEntries.has(entry.id)) continue;
    for (const alternate of [...entry.alternates, ...(entry.facets ?? []).flatMap((facet) => facet.alternates)]) {
      const without = index.entries.map((other) => (other.id === entry.id ? withoutAlternate(other, alternate) : other));
      const best = new FaqIndex(without, index.outOfScope, undefined, text).query(alternate, 1)[0];
      const bestId = best ? (best.target.kind === 'faq' ? best.target.entry.id : `out-of-scope:${best.target.topic.id}`) : '(nothing)';
      yield bestId !== entry.id ? { entryId: entry.id, alternate, matches: bestId } : undefined;
    }
  }
}

/** The entry without one phrasing, wherever it is listed (its own alternates or a facet's). */
export function withoutAlternate(entry: FaqEntry, alternate: string): FaqEntry {
  return {
    ...entry,
    alternates: entry.alternates.filter((a) => a !== alternate),
    ...(entry.facets ? { facets: entry.facets.map((facet) => ({ ...facet, alternates: facet.alternates.filter((a) => a !== alternate) })) } : {}),
  };
}
