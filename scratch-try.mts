import { loadKnowledgeBase } from './src/knowledge/knowledgeBase.js';
const kb = await loadKnowledgeBase('knowledge');
console.log(kb.es?.index.entries.length);
for (const q of process.argv.slice(2)) {
  const d = kb.es!.answerer.decide(q);
  console.log(q, '=>', d.kind, d.kind === 'answer' ? d.entry.id + (d.entry.facet ? '#' + d.entry.facet : '') : d.kind === 'clarify' ? d.candidates.map((c) => c.id).join(',') : d.kind === 'out-of-scope' ? d.topic.id : '', d.kind === 'answer' ? d.hit.score.toFixed(1) : d.hits?.[0]?.score?.toFixed(1));
}
