import { evaluate } from '../src/knowledge/evaluate.js';
import { defaultThresholds, FaqAnswerer } from '../src/knowledge/faqAnswerer.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase.js';
import { loadDomain } from '../src/knowledge/outOfScope.js';
import { loadLabelledSet, SETS } from './labelledSets.js';

/**
 * The sweep behind `phrasingCoverage` (docs/quality.md): for each threshold, on the English dev
 * parts only (never a frozen part), in-domain top-1 / out-of-domain declined / confident wrong /
 * confident and right. Right answers that become a "Did you mean" are the fall in the last figure.
 * `npx tsx scripts/sweep-confirmation.ts`
 */
const THRESHOLDS = [0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

async function main(): Promise<void> {
  const knowledge = await loadKnowledgeBase('knowledge');
  const domain = await loadDomain('knowledge');
  const catalogue = knowledge.catalogue;
  const known = [...catalogue.series.map((series) => series.name), ...catalogue.tests.flatMap((test) => [test.name, ...test.aliases])];
  const dev = SETS.filter((set) => set.lang === 'en' && !set.name.includes('frozen'));
  const sets = dev.map((set) => ({ name: set.name, set: loadLabelledSet(set.file) }));
  console.log(`phrasingCoverage | ${sets.map(({ name }) => name).join(' | ')}`);
  for (const phrasingCoverage of THRESHOLDS) {
    const answerer = new FaqAnswerer(knowledge.index, { ...defaultThresholds, phrasingCoverage }, domain && { ...domain, known });
    const cells = sets.map(({ set }) => {
      const r = evaluate(answerer, set);
      return `${r.top1Correct} / ${r.outOfDomainRejected} / ${r.answeredWrong + r.outOfDomainAnswered} / ${r.answeredCorrect}`;
    });
    console.log(`${phrasingCoverage} | ${cells.join(' | ')}`);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
