import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadFaq } from '../src/knowledge/loadFaq.js';
import { random, split } from './import-eval-set.js';

/**
 * Splits a labelled set that is already written with entry ids (the second independent set,
 * eval-set2/questions.yaml) ONCE into a dev part (for tuning) and a frozen test part (never tuned
 * on), stratified by entry and by kind, with a fixed seed, as scripts/import-eval-set.ts did for the
 * first set. `npx tsx scripts/split-labelled-set.ts <questions.yaml> <prefix> [set name] [who wrote it]` writes
 * test/fixtures/<prefix>-dev.yaml and test/fixtures/<prefix>-test.yaml; the same inputs write the same files.
 */

const SEED = 2026;

const labelled = z
  .object({
    inDomain: z.array(z.object({ q: z.string(), expect: z.string(), facet: z.string().optional(), second: z.string().optional() }).strict()),
    outOfDomain: z.array(z.object({ q: z.string(), kind: z.string() }).strict()),
  })
  .strict();

async function main(): Promise<void> {
  const [setFile, prefix, name = 'the second independent labelled set', author = 'someone who never saw the knowledge base or the bot'] = process.argv.slice(2);
  if (!setFile || !prefix) throw new Error('usage: split-labelled-set <questions.yaml> <prefix> [set name] [who wrote it]');
  const set = labelled.parse(parse(readFileSync(setFile, 'utf8')));
  const ids = new Set((await loadFaq('knowledge')).map((entry) => entry.id));
  for (const item of set.inDomain) {
    for (const id of [item.expect, item.second]) if (id && !ids.has(id)) throw new Error(`scripts/split-labelled-set: "${item.q}" is labelled "${id}", which is no entry`);
  }
  const next = random(SEED);
  const inSplit = split(set.inDomain, (item) => item.expect, next);
  const outSplit = split(set.outOfDomain, (item) => item.kind, next);
  const header = (part: string) =>
    `# ${part} of ${name} (${setFile.split('/').slice(-2).join('/')}), written from the source\n` +
    `# FAQ and the list of entry ids alone by ${author}.\n` +
    `# Split once, before any tuning, by scripts/split-labelled-set.ts (seed ${SEED}, stratified by entry and by kind).\n` +
    (part === 'Dev part' ? '# Tuning looks at this part only.\n' : '# Frozen: never tuned on.\n');
  const line = (item: Record<string, string | undefined>) =>
    `  - { ${Object.entries(item).filter(([, value]) => value !== undefined).map(([key, value]) => `${key}: ${key === 'q' ? JSON.stringify(value) : value}`).join(', ')} }`;
  const write = (file: string, part: string, data: { inDomain: Array<Record<string, string | undefined>>; outOfDomain: Array<Record<string, string>> }) =>
    writeFileSync(file, [header(part) + 'inDomain:', ...data.inDomain.map(line), 'outOfDomain:', ...data.outOfDomain.map(line), ''].join('\n'));
  write(`test/fixtures/${prefix}-dev.yaml`, 'Dev part', { inDomain: inSplit.dev, outOfDomain: outSplit.dev });
  write(`test/fixtures/${prefix}-test.yaml`, 'Frozen test part', { inDomain: inSplit.test, outOfDomain: outSplit.test });
  console.log(`dev ${inSplit.dev.length} + ${outSplit.dev.length}, test ${inSplit.test.length} + ${outSplit.test.length}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
