import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase.js';
import { answererFor } from './labelledSets.js';

/**
 * Puts a file of probe questions (test/fixtures/probes/*.yaml: class, q, expect) to the answerer the
 * bot would pick, and prints each decision and how many of each class got their expected entry first
 * ("out-of-scope" expects any known gap or "I don't know"). `npx tsx scripts/probe.ts <file> [class]`
 */
interface Probe {
  class: string;
  q: string;
  expect: string;
}

async function main(): Promise<void> {
  const [file, only] = process.argv.slice(2);
  if (!file) throw new Error('scripts/probe: give a probe file');
  const probes = (parse(readFileSync(file, 'utf8')) as { probes: Probe[] }).probes.filter((probe) => !only || probe.class === only);
  const answerer = answererFor(await loadKnowledgeBase('knowledge'), 'en');
  const tally = new Map<string, [number, number]>();
  for (const probe of probes) {
    const decision = answerer(probe.q).decide(probe.q);
    const first = decision.kind === 'answer' ? decision.entry.id : decision.kind === 'clarify' ? decision.candidates[0]?.id : undefined;
    const ok = probe.expect === 'out-of-scope' ? first === undefined : first === probe.expect;
    const shown = decision.kind === 'out-of-scope' ? `out-of-scope:${decision.topic.id}` : `${decision.kind}:${first ?? '-'}`;
    const [right, all] = tally.get(probe.class) ?? [0, 0];
    tally.set(probe.class, [right + (ok ? 1 : 0), all + 1]);
    console.log(`${ok ? 'ok  ' : 'MISS'} [${probe.class}] ${shown} (want ${probe.expect}): ${probe.q}`);
  }
  for (const [name, [right, all]] of tally) console.log(`${name}: ${right}/${all}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
