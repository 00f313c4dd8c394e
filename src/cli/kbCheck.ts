import { loadKnowledgeBase } from '../knowledge/knowledgeBase.js';
import { loadCatalogue, loadPolicy } from '../knowledge/policyData.js';
import { FaqIndex } from '../knowledge/faqIndex.js';

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

  let conflicts = 0;
  let checked = 0;
  for (const entry of index.entries) {
    for (const alternate of entry.alternates) {
      checked++;
      const without = index.entries.map((other) =>
        other.id === entry.id ? { ...other, alternates: other.alternates.filter((a) => a !== alternate) } : other,
      );
      const best = new FaqIndex(without, index.outOfScope).query(alternate, 1)[0];
      const bestId = best ? (best.target.kind === 'faq' ? best.target.entry.id : `out-of-scope:${best.target.topic.id}`) : '(nothing)';
      if (bestId !== entry.id) {
        conflicts++;
        console.log(`  ${entry.id}: "${alternate}" matches ${bestId} better`);
      }
    }
  }
  console.log(`kb:check: ${checked - conflicts}/${checked} alternates find their own entry first`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
