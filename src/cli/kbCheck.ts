import { loadKnowledgeBase } from '../knowledge/knowledgeBase.js';
import { loadCatalogue, loadPolicy } from '../knowledge/policyData.js';
import { alternateFigures, withoutAlternate } from '../knowledge/alternateCheck.js';
import { FacetChooser } from '../knowledge/facetChooser.js';
import { loadFaq } from '../knowledge/loadFaq.js';
import { checkTwins } from '../knowledge/twinCheck.js';

/**
 * Validates every knowledge file, then asks the question support editors care about: does each
 * alternate phrasing still find its own entry first? An alternate is checked against an index built
 * without it, so it cannot simply find itself.
 */
async function main(): Promise<number> {
  const dir = process.argv[2] ?? 'knowledge';
  const { index, cannedReplies, es } = await loadKnowledgeBase(dir);
  await loadPolicy(dir);
  await loadCatalogue(dir);
  console.log(`kb:check: ${index.entries.length} FAQ entries, ${index.outOfScope.length} known gaps, ${cannedReplies.length} canned replies, policy and catalogue valid`);

  const figures = alternateFigures(index);
  for (const conflict of figures.conflicts) console.log(`  ${conflict.entryId}: "${conflict.alternate}" matches ${conflict.matches} better`);
  console.log(`kb:check: ${figures.own}/${figures.checked} alternates find their own entry first`);

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

  // Spanish: every English entry has a twin that states the same facts (docs/spanish.md).
  const twins = checkTwins(index.entries, es ? es.index.entries : await loadFaq(dir, 'es'));
  for (const { id, problem } of twins) console.log(`  ${id}: ${problem}`);
  if (es) {
    const spanish = alternateFigures(es.index);
    for (const conflict of spanish.conflicts) console.log(`  ${conflict.entryId} (es): "${conflict.alternate}" matches ${conflict.matches} better`);
    console.log(`kb:check: ${spanish.own}/${spanish.checked} Spanish alternates find their own entry first`);
  }
  console.log(`kb:check: ${index.entries.length - new Set(twins.map((t) => t.id)).size}/${index.entries.length} English entries have a Spanish twin that agrees on every number, phone number, date rule and test code`);
  return twins.length ? 1 : 0;
}

/** The entry without one phrasing (in its own alternates or a facet's), so the phrasing cannot find itself. */

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
