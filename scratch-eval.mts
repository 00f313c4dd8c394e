import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evaluate, formatReport } from './src/knowledge/evaluate.js';
import { loadKnowledgeBase } from './src/knowledge/knowledgeBase.js';
const kb = await loadKnowledgeBase('knowledge');
const r = evaluate(kb.es!.answerer, parse(readFileSync('test/fixtures/eval-es.yaml', 'utf8')));
console.log(formatReport(r, 'es'));
for (const m of r.misses) console.log('miss', m.expect, 'got', m.got, ':', m.q);
for (const m of r.falseAnswers) console.log('false', m.got, ':', m.q);
