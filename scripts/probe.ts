import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evaluate, type LabelledSet } from '../src/knowledge/evaluate.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase.js';
import { answererFor } from './labelledSets.js';

/**
 * A tuning session's probe questions (a file shaped as a labelled set, of any size), asked as the quality report asks the
 * labelled sets: its figures, then each miss. `npx tsx scripts/probe.ts test/fixtures/probes-es21/price.yaml [--lang en]`
 */
async function main(): Promise<void> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) throw new Error('scripts/probe.ts: name a probe file');
  const lang = rest.includes('--lang') && rest[rest.indexOf('--lang') + 1] === 'en' ? 'en' : 'es';
  const read = parse(readFileSync(file, 'utf8')) as Partial<LabelledSet>;
  const set: LabelledSet = { inDomain: read.inDomain ?? [], outOfDomain: read.outOfDomain ?? [] };
  const report = evaluate(answererFor(await loadKnowledgeBase('knowledge'), lang), set);
  const wrong = report.answeredWrong + report.outOfDomainAnswered;
  console.log(`${file}: top-1 ${report.top1Correct}/${report.inDomainTotal}, declined ${report.outOfDomainRejected}/${report.outOfDomainTotal}, confident and wrong ${wrong}, facet ${report.facetRight}/${report.facetTotal}`);
  for (const miss of report.misses) console.log(`  miss: [${miss.expect}] got ${miss.got}: ${miss.q}`);
  for (const answered of report.falseAnswers) console.log(`  not declined (${answered.kind ?? '-'}): ${answered.got}: ${answered.q}`);
}

void main();
