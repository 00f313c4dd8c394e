import { loadKnowledgeBase } from '../knowledge/knowledgeBase.js';
import { loadCatalogue, loadPolicy } from '../knowledge/policyData.js';
import { alternateFigures } from '../knowledge/alternateCheck.js';

/**
 * Validates every knowledge file, then asks the question support editors care about: does each
 * alternate phrasing still find its own entry first? An alternate is checked against an index built
 * without it, so it cannot simply find itself.
 */
async function main(): Promise<number> {
  const dir = process.argv[2] ?? 'knowledge';
  const { index, cannedReplies } = await loadKnowledgeBase(dir);
  await loadPolicy(dir);
  await loadCatalogue(dir);
  console.log(`kb:check: ${index.entries.length} FAQ entries, ${index.outOfScope.length} known gaps, ${cannedReplies.length} canned replies, policy and catalogue valid`);

  const figures = alternateFigures(index);
  for (const conflict of figures.conflicts) console.log(`  ${conflict.entryId}: "${conflict.alternate}" matches ${conflict.matches} better`);
  console.log(`kb:check: ${figures.own}/${figures.checked} alternates find their own entry first`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
