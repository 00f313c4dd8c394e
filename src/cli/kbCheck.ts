import { loadKnowledgeBase } from '../knowledge/knowledgeBase.js';
import { loadCatalogue, loadPolicy } from '../knowledge/policyData.js';
import { FaqIndex } from '../knowledge/faqIndex.js';
import { FacetChooser } from '../knowledge/facetChooser.js';
import type { FaqEntry } from '../knowledge/faqEntry.js';

/**
 * Validates every knowledge file, then asks the question support editors care about: does each
 * alternate phrasing still find its own entry first? An alternate is checked against an index built
 * without it, so it cannot simply find itself.
 */
async function main(): Promise<number> {
  const dir = process.argv[2] ?? 'knowledge';
  const { index } = await loadKnowledgeBase(dir);
  await loadPolicy(dir);
  await loadCatalogue(dir);
  console.log(`kb:check: ${index.entries.length} FAQ entries, ${index.outOfScope.length} known gaps, policy and catalogue valid`);

  let conflicts = 0;
  let checked = 0;
  for (const entry of index.entries) {
    for (const alternate of [...entry.alternates, ...(entry.facets ?? []).flatMap((facet) => facet.alternates)]) {
      checked++;
      const without = index.entries.map((other) => (other.id === entry.id ? withoutAlternate(other, alternate) : other));
      const best = new FaqIndex(without, index.outOfScope).query(alternate, 1)[0];
      const bestId = best ? (best.target.kind === 'faq' ? best.target.entry.id : `out-of-scope:${best.target.topic.id}`) : '(nothing)';
      if (bestId !== entry.id) {
        conflicts++;
        console.log(`  ${entry.id}: "${alternate}" matches ${bestId} better`);
      }
    }
  }
  console.log(`kb:check: ${checked - conflicts}/${checked} alternates find their own entry first`);

  // Within an entry with facets: does each phrasing get the first sentence of its own question?
  let facetConflicts = 0;
  let facetChecked = 0;
  for (const entry of index.entries.filter((e) => e.facets?.length)) {
    const owners = [
      ...entry.alternates.map((alternate) => ({ alternate, facet: undefined as string | undefined })),
      ...(entry.facets ?? []).flatMap((facet) => facet.alternates.map((alternate) => ({ alternate, facet: facet.id as string | undefined }))),
    ];
    for (const { alternate, facet } of owners) {
      facetChecked++;
      const without = withoutAlternate(entry, alternate);
      const chosen = new FacetChooser([without]).choose(without, alternate)?.id;
      if (chosen !== facet) {
        facetConflicts++;
        console.log(`  ${entry.id}#${facet ?? '(own first sentence)'}: "${alternate}" gets ${chosen ? `facet ${chosen}` : 'the entry\'s own first sentence'}`);
      }
    }
  }
  console.log(`kb:check: ${facetChecked - facetConflicts}/${facetChecked} alternates of entries with facets get their own first sentence`);
  return 0;
}

/** The entry without one phrasing (in its own alternates or a facet's), so the phrasing cannot find itself. */
function withoutAlternate(entry: FaqEntry, alternate: string): FaqEntry {
  return {
    ...entry,
    alternates: entry.alternates.filter((a) => a !== alternate),
    ...(entry.facets ? { facets: entry.facets.map((facet) => ({ ...facet, alternates: facet.alternates.filter((a) => a !== alternate) })) } : {}),
  };
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
