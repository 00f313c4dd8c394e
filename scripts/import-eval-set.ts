import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadFaq } from '../src/knowledge/loadFaq.js';
import { seededRandom } from '../src/knowledge/seededRandom.js';

/**
 * Imports the independent labelled set (written from the source FAQ alone, labelled by the number
 * of the source question) and splits it ONCE into a dev part (for tuning) and a frozen test part
 * (never tuned on), stratified by entry (in-domain) and by kind (out-of-domain), with a fixed seed.
 * Run once: `npx tsx scripts/import-eval-set.ts <questions.yaml> <source.txt>`. Running it again
 * on the same inputs writes the same files.
 */

const SEED = 12;

const writerSet = z
  .object({
    inDomain: z.array(z.object({ q: z.string(), source: z.number().int(), facet: z.string().optional(), second: z.number().int().optional() }).strict()),
    outOfDomain: z.array(z.object({ q: z.string(), kind: z.string() }).strict()),
  })
  .strict();

const words = (text: string): Set<string> => new Set(text.toLowerCase().replace(/[’‘]/g, "'").split(/[^a-z0-9']+/).filter((w) => w.length > 2));
const overlap = (a: Set<string>, b: Set<string>): number => [...a].filter((w) => b.has(w)).length / Math.max(new Set([...a, ...b]).size, 1);

/** The seeded generator the split uses, so the split is the same on every machine. */
export const random = seededRandom;

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Half of each stratum to dev, half to test; an odd one out goes to either side by the coin. */
export function split<T>(items: T[], stratum: (item: T) => string, next: () => number): { dev: T[]; test: T[] } {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(stratum(item), [...(groups.get(stratum(item)) ?? []), item]);
  const dev: T[] = [];
  const test: T[] = [];
  for (const key of [...groups.keys()].sort()) {
    const shuffled = shuffle(groups.get(key)!, next);
    const devCount = Math.floor(shuffled.length / 2) + (shuffled.length % 2 === 1 && next() < 0.5 ? 1 : 0);
    dev.push(...shuffled.slice(0, devCount));
    test.push(...shuffled.slice(devCount));
  }
  // Back in the writer's order, so the files read like the original.
  const order = new Map(items.map((item, i) => [item, i]));
  const byOrder = (a: T, b: T) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  return { dev: dev.sort(byOrder), test: test.sort(byOrder) };
}

async function main(): Promise<void> {
  const [setFile, sourceFile] = process.argv.slice(2);
  if (!setFile || !sourceFile) throw new Error('usage: import-eval-set <questions.yaml> <source.txt>');
  const set = writerSet.parse(parse(readFileSync(setFile, 'utf8')));
  const entries = await loadFaq('knowledge');
  // The source's questions, in order: the lines ending in "?" after the title line.
  const questions = readFileSync(sourceFile, 'utf8').split('\n').slice(1).map((line) => line.trim()).filter((line) => line.endsWith('?'));
  const idOf = new Map<number, string>();
  questions.forEach((question, i) => {
    const scored = entries.map((entry) => ({ id: entry.id, score: overlap(words(question), words(entry.question)) })).sort((a, b) => b.score - a.score);
    const [best, next] = scored;
    if (!best || best.score < 0.5 || (next && next.score >= best.score)) throw new Error(`source question ${i + 1} matches no entry clearly: ${question}`);
    idOf.set(i + 1, best.id);
  });
  if (new Set(idOf.values()).size !== entries.length || idOf.size !== entries.length) throw new Error('source questions and entries are not one to one');
  const label = (n: number): string => {
    const id = idOf.get(n);
    if (!id) throw new Error(`no source question ${n}`);
    return id;
  };
  const inDomain = set.inDomain.map(({ q, source, facet, second }) => ({ q, expect: label(source), ...(facet ? { facet } : {}), ...(second ? { second: label(second) } : {}) }));
  const next = random(SEED);
  const inSplit = split(inDomain, (item) => item.expect, next);
  const outSplit = split(set.outOfDomain, (item) => item.kind, next);
  const header = (part: string) =>
    `# ${part} of the independent labelled set (${setFile.split('/').at(-2)}/${setFile.split('/').at(-1)}), written from the source FAQ\n` +
    `# alone by someone who never saw the knowledge base; source numbers mapped to entry ids by question text.\n` +
    `# Split once, before any tuning, by scripts/import-eval-set.ts (seed ${SEED}, stratified by entry and by kind).\n` +
    (part === 'Dev part' ? '# Tuning looks at this part only.\n' : '# Frozen: never tuned on; the CI gate is on this part.\n');
  // One flow mapping a line, as in test/fixtures/retrieval-set.yaml.
  const line = (item: Record<string, string>) => `  - { ${Object.entries(item).map(([key, value]) => `${key}: ${key === 'q' ? JSON.stringify(value) : value}`).join(', ')} }`;
  const write = (file: string, part: string, data: { inDomain: Array<Record<string, string>>; outOfDomain: Array<Record<string, string>> }) =>
    writeFileSync(file, [header(part) + 'inDomain:', ...data.inDomain.map(line), 'outOfDomain:', ...data.outOfDomain.map(line), ''].join('\n'));
  write('test/fixtures/eval-dev.yaml', 'Dev part', { inDomain: inSplit.dev, outOfDomain: outSplit.dev });
  write('test/fixtures/eval-test.yaml', 'Frozen test part', { inDomain: inSplit.test, outOfDomain: outSplit.test });
  console.log(`mapped ${idOf.size} source questions; dev ${inSplit.dev.length} + ${outSplit.dev.length}, test ${inSplit.test.length} + ${outSplit.test.length}`);
  for (const [n, id] of idOf) console.log(`  ${n} -> ${id}`);
}

if (process.argv[1]?.endsWith('import-eval-set.ts')) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
