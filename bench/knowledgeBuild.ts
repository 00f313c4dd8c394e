/**
 * What building the knowledge index costs at start (issue 12: "the index builds in under 1 s at
 * start"), against MiniSearch alone in the same process as the baseline: the same documents
 * (question, alternates, answer, tags of every English entry and known gap) indexed with MiniSearch's
 * own tokenizer and no term processing. The difference is our text pipeline (normalising, spelling,
 * phrase rules, stemming) and the index's term tables. Rounds alternate the two.
 *
 * Also what a whole start's knowledge costs (both languages, the spelling vocabularies, the trained
 * classifier: loadKnowledgeBase), and one editor's rebuild with a phrasing added (the staff console's
 * Check). A phrase rule that rescans a text from every position shows here first (one did: an index
 * took 3.2 s, and the console's Check 100 s).
 *
 *   npm run bench:knowledge [-- --rounds 5]
 */
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { FaqIndex } from '../src/knowledge/faqIndex.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Number(values.rounds);

const timed = <T>(fn: () => T): { ms: number; value: T } => {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const loads: number[] = [];
for (let i = 0; i < Math.max(1, Math.min(rounds, 3)); i++) {
  const started = performance.now();
  await loadKnowledgeBase('knowledge');
  loads.push(performance.now() - started);
}
const knowledge = await loadKnowledgeBase('knowledge');
const { entries, outOfScope } = knowledge.index;
const documents = [
  ...entries.map((e) => ({ id: e.id, question: e.question, alternates: [...e.alternates, ...(e.facets ?? []).flatMap((f) => f.alternates)].join('\n'), answer: e.answer, tags: e.tags.join(' ') })),
  ...outOfScope.map((t) => ({ id: `gap:${t.id}`, question: '', alternates: t.phrasings.join('\n'), answer: '', tags: '' })),
];
const plain = () => {
  const search = new MiniSearch({ fields: ['question', 'alternates', 'answer', 'tags'] });
  search.addAll(documents);
  return search;
};

const ours: number[] = [];
const baseline: number[] = [];
const rebuilds: number[] = [];
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
  for (const which of order) {
    if (which === 'ours') ours.push(timed(() => new FaqIndex(entries, outOfScope, undefined, knowledge.index.text)).ms);
    else baseline.push(timed(plain).ms);
  }
  rebuilds.push(timed(() => knowledge.rebuild([{ entryId: 'test-results', text: `where do i see how my ase thing went ${round}`, lang: 'en' }])).ms);
}

console.log(`documents: ${documents.length} (${entries.length} English entries, ${outOfScope.length} known gaps), ${rounds} rounds`);
console.log(`English FAQ index: median ${median(ours).toFixed(0)} ms (target under 1000 ms at start)`);
console.log(`MiniSearch alone on the same documents: median ${median(baseline).toFixed(1)} ms`);
console.log(`ratio index/MiniSearch alone: ${(median(ours) / median(baseline)).toFixed(1)}x`);
console.log(`whole knowledge base at start (both languages, spelling, classifier): median ${median(loads).toFixed(0)} ms`);
console.log(`an editor's rebuild with one phrasing added (both languages): median ${median(rebuilds).toFixed(0)} ms`);
