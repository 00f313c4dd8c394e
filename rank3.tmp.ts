import { loadKnowledgeBase } from '/work/wt-es-conv/src/knowledge/knowledgeBase.js';
const kb = await loadKnowledgeBase('knowledge');
const a: any = kb.es!.answerer;
for (const q of process.argv.slice(2)) { const d: any = a.decideByScores(q, { onTopic: true }); console.log(q, '=>', d.kind, d.entry?.id ?? d.topic?.id ?? d.candidates?.map((c: any) => c.id).join('|'), a.text.contentTerms(q).join(' ')); }
