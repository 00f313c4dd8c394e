import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evaluate, type LabelledSet } from '../src/knowledge/evaluate.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase.js';
import { answererFor } from './labelledSets.js';

/**
 * A tuning session's probe questions, put to the answerer the bot would pick. Two shapes of file:
 * - a class list (test/fixtures/probes/*.yaml: `probes: [{ class, q, expect }]`; "out-of-scope" expects
 *   any known gap or "I don't know"): prints each decision and a tally per class;
 *   `npx tsx scripts/probe.ts <file> [class]`
 * - a labelled set of any size (test/fixtures/probes-es21/*.yaml: `inDomain` / `outOfDomain`), asked as
 *   the quality report asks the labelled sets: its figures, then each miss;
 *   `npx tsx scripts/probe.ts <file> [--lang en]` (Spanish unless told)
 */
interface Probe {
  class: string;
  q: string;
  expect: string;
}

type ProbeFile = { probes: Probe[] } | Partial<LabelledSet>;

async function main(): Promise<void> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) throw new Error('scripts/probe: give a probe file');
  const read = parse(readFileSync(file, 'utf8')) as ProbeFile;
  const knowledge = await loadKnowledgeBase('knowledge');
  if ('probes' in read) classProbes(read.probes, answererFor(knowledge, 'en'), rest[0]);
  else labelledProbes(file, read, answererFor(knowledge, rest.includes('--lang') && rest[rest.indexOf('--lang') + 1] === 'en' ? 'en' : 'es'));
}

function classProbes(all: Probe[], answerer: ReturnType<typeof answererFor>, only: string | undefined): void {
  const probes = all.filter((probe) => !only || probe.class === only);
  const tally = new Map<string, [number, number]>();
  for (const probe of probes) {
    const decision = answerer(probe.q).decide(probe.q);
    const first = decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : undefined;
    const ok = probe.expect === 'out-of-scope' ? first === undefined : first === probe.expect;
    const shown = decision.kind === 'out-of-scope' ? `out-of-scope:${decision.topic.id}` : `${decision.kind}:${first ?? '-'}`;
    const [right, count] = tally.get(probe.class) ?? [0, 0];
    tally.set(probe.class, [right + (ok ? 1 : 0), count + 1]);
    console.log(`${ok ? 'ok  ' : 'MISS'} [${probe.class}] ${shown} (want ${probe.expect}): ${probe.q}`);
  }
  for (const [name, [right, count]] of tally) console.log(`${name}: ${right}/${count}`);
}

function labelledProbes(file: string, read: Partial<LabelledSet>, answerer: ReturnType<typeof answererFor>): void {
  const set: LabelledSet = { inDomain: read.inDomain ?? [], outOfDomain: read.outOfDomain ?? [] };
  const report = evaluate(answerer, set);
  const wrong = report.answeredWrong + report.outOfDomainAnswered;
  console.log(`${file}: top-1 ${report.top1Correct}/${report.inDomainTotal}, declined ${report.outOfDomainRejected}/${report.outOfDomainTotal}, confident and wrong ${wrong}, facet ${report.facetRight}/${report.facetTotal}`);
  for (const miss of report.misses) console.log(`  miss: [${miss.expect}] got ${miss.got}: ${miss.q}`);
  for (const answered of report.falseAnswers) console.log(`  not declined (${answered.kind ?? '-'}): ${answered.got}: ${answered.q}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
