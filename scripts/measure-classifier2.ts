import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evaluate, type LabelledSet, type RetrievalReport } from '../src/knowledge/evaluate.js';
import { FaqAnswerer, type FaqDecision } from '../src/knowledge/faqAnswerer.js';
import type { FaqEntry } from '../src/knowledge/faqEntry.js';
import { defaultClassifierOptions, examplesOf, IntentClassifier, OUTSIDE, type ClassifierOptions, type IntentExample, type IntentScore } from '../src/knowledge/intentClassifier.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase.js';
import { loadDomain } from '../src/knowledge/outOfScope.js';
import { loadLabelledSet, SETS } from './labelledSets.js';

/**
 * Round 2 of docs/quality.md "A trained classifier": English combinations that use the classifier
 * to choose WHICH entry when MiniSearch is unsure. DEV PARTS ONLY (and an unseen file given by name).
 * Score fixed before any sweep: right first picks + out-of-domain declined - 3 x confident wrong,
 * summed over the English dev parts.
 *
 *   npx tsx scripts/measure-classifier2.ts sweep           # ideas (a), (b), (d), (e) on the dev parts
 *   npx tsx scripts/measure-classifier2.ts loso            # idea (c): leave one dev part out
 *   npx tsx scripts/measure-classifier2.ts unseen '<combo json>' file.yaml
 */
const EN_DEV = ['dev', 'second dev', 'third dev', 'fourth dev', 'fifth dev', 'sixth dev', 'eighth dev', 'old set'] as const;

const kb = await loadKnowledgeBase('knowledge');
const index = kb.index;
const answerer = kb.answerer;
const domain = await loadDomain('knowledge');

const file = (name: string) => SETS.find((s) => s.name === name)!.file;
const loaded = new Map<string, LabelledSet>();
const setOf = (f: string): LabelledSet => {
  if (!loaded.has(f)) loaded.set(f, f.includes('/helpers/') ? (parse(readFileSync(f, 'utf8')) as LabelledSet) : loadLabelledSet(f));
  return loaded.get(f)!;
};

/** Idea (d): a class per known gap, summed back into `outside` when predicting. */
function examples(perGap: boolean, extra: IntentExample[] = []): IntentExample[] {
  const base = examplesOf(index.entries, perGap ? [] : index.outOfScope);
  const gaps = perGap ? index.outOfScope.flatMap((t) => t.phrasings.map((text) => ({ text, label: `${OUTSIDE}:${t.id}` }))) : [];
  return [...base, ...gaps, ...extra];
}
interface Model {
  predict(q: string): IntentScore[];
}
function model(options: ClassifierOptions, perGap: boolean, extra: IntentExample[] = []): Model {
  const c = IntentClassifier.train(examples(perGap, extra), index.text, options);
  const cache = new Map<string, IntentScore[]>();
  return {
    predict(q) {
      let r = cache.get(q);
      if (r) return r;
      r = c.predict(q);
      if (perGap || extra.length) {
        const outside = r.filter((s) => s.label.startsWith(OUTSIDE)).reduce((a, s) => a + s.probability, 0);
        r = [...r.filter((s) => !s.label.startsWith(OUTSIDE)), { label: OUTSIDE, probability: outside }].sort((a, b) => b.probability - a.probability);
      }
      cache.set(q, r);
      return r;
    },
  };
}

const decisions = new Map<string, { decision: FaqDecision; pair: [FaqEntry, FaqEntry] | null }>();
function shipped(q: string) {
  let k = decisions.get(q);
  if (!k) {
    const decision = answerer.decideByScores(q);
    k = { decision, pair: decision.kind === 'out-of-scope' ? null : answerer.decidePair(q) };
    decisions.set(q, k);
  }
  return k;
}

/** A combination: how the classifier's ranking changes MiniSearch's decision. */
export interface Combo {
  /** (a) a "Did you mean" is led by the classifier's top entry at `lead` or more, if among the candidates (or, `fromHits`, MiniSearch's hits). */
  lead?: number;
  fromHits?: boolean;
  /** (a) ...and only when the classifier gives its top entry `ratio` times what it gives MiniSearch's first choice. */
  ratio?: number;
  /** (a) "I'm not sure" with hits/suggestions becomes a one-entry "Did you mean" when the classifier's top entry is among them at `promote` or more. */
  promote?: number;
  /** (a) a "Did you mean" whose first choice the classifier gives `confirm` or more is answered. */
  confirm?: number;
  /**
   * (b) the mix (1-w) x MiniSearch's score / its best hit's + w x the probability picks the first
   * entry of a "Did you mean" (an answer carries one hit only: nothing to mix it with).
   */
  mix?: number;
}

const faqHits = (d: FaqDecision) => (d.kind === 'answer' ? [d.hit] : d.kind === 'out-of-scope' ? [] : d.hits).filter((h) => h.target.kind === 'faq');
const idOf = (h: { target: { kind: string; entry?: FaqEntry } }) => (h.target as { entry: FaqEntry }).entry.id;

function combine(q: string, d: FaqDecision, ranking: IntentScore[], c: Combo): FaqDecision {
  if (d.kind === 'out-of-scope' || (d.kind === 'answer' && (d.hit.score === Infinity || d.inContext || d.again || d.repeated))) return d;
  const top = ranking.find((s) => s.label !== OUTSIDE)!;
  const prob = (id: string) => ranking.find((s) => s.label === id)?.probability ?? 0;
  let out: FaqDecision = d;
  if (c.mix !== undefined) {
    const hits = faqHits(d);
    const candidates = new Map<string, number>();
    for (const h of hits) candidates.set(idOf(h), Math.max(candidates.get(idOf(h)) ?? 0, h.score));
    if (d.kind === 'clarify') for (const e of d.candidates) if (!candidates.has(e.id)) candidates.set(e.id, 0);
    const best = Math.max(1e-9, ...[...candidates.values()].filter(Number.isFinite));
    const mixed = [...candidates].map(([id, s]) => ({ id, m: (1 - c.mix!) * (s / best) + c.mix! * prob(id) })).sort((a, b) => b.m - a.m);
    const winner = mixed[0] && index.get(mixed[0].id);
    if (winner && out.kind === 'clarify' && out.candidates[0]?.id !== winner.id) out = { ...out, candidates: [winner, ...out.candidates.filter((e) => e.id !== winner.id)].slice(0, Math.max(out.candidates.length, 2)) };
  }
  if (c.lead !== undefined && out.kind === 'clarify' && top.probability >= c.lead && out.candidates[0]?.id !== top.label && top.probability >= (c.ratio ?? 0) * prob(out.candidates[0]?.id ?? '')) {
    const inCandidates = out.candidates.find((e) => e.id === top.label);
    const inHits = c.fromHits && out.hits.some((h) => h.target.kind === 'faq' && idOf(h) === top.label) ? index.get(top.label) : undefined;
    const e = inCandidates ?? inHits;
    if (e) out = { ...out, candidates: [e, ...out.candidates.filter((x) => x !== e)] };
  }
  if (c.promote !== undefined && out.kind === 'unknown' && top.probability >= c.promote && ranking[0]!.label === top.label) {
    const found = out.hits.some((h) => h.target.kind === 'faq' && idOf(h) === top.label) || out.suggestions.some((e) => e.id === top.label);
    const e = found ? index.get(top.label) : undefined;
    if (e) out = { kind: 'clarify', candidates: [e], hits: out.hits };
  }
  if (c.confirm !== undefined && out.kind === 'clarify' && out.candidates[0]?.id === ranking[0]!.label && ranking[0]!.probability >= c.confirm) {
    const first = out.candidates[0]!;
    const hit = out.hits.find((h) => h.target.kind === 'faq' && idOf(h) === first.id) ?? { target: { kind: 'faq' as const, entry: first }, score: 0, coverage: 1, matched: [] };
    out = { kind: 'answer', entry: first, hit };
  }
  void q;
  return out;
}

class Experiment extends FaqAnswerer {
  choose: (q: string) => FaqDecision = () => {
    throw new Error('measure-classifier2: no choice set');
  };
  override decide(q: string): FaqDecision {
    return this.choose(q);
  }
  override decidePair(q: string): [FaqEntry, FaqEntry] | null {
    return shipped(q).pair;
  }
}
const experiment = new Experiment(index, undefined, domain);
const measure = (f: string, m: Model, c: Combo): RetrievalReport => {
  experiment.choose = (q) => combine(q, shipped(q).decision, m.predict(q), c);
  return evaluate(experiment, setOf(f));
};
const wrongOf = (r: RetrievalReport) => r.answeredWrong + r.outOfDomainAnswered;
const scoreOf = (r: RetrievalReport) => r.top1Correct + r.outOfDomainRejected - 3 * wrongOf(r);
type Total = { score: number; top1: number; declined: number; wrong: number; right: number };
function total(files: string[], m: Model | ((f: string) => Model), c: Combo): Total {
  const t = { score: 0, top1: 0, declined: 0, wrong: 0, right: 0 };
  for (const f of files) {
    const r = measure(f, typeof m === 'function' ? m(f) : m, c);
    t.score += scoreOf(r);
    t.top1 += r.top1Correct;
    t.declined += r.outOfDomainRejected;
    t.wrong += wrongOf(r);
    t.right += r.answeredCorrect;
  }
  return t;
}
const line = (t: Total) => `score ${t.score} (top-1 ${t.top1}, declined ${t.declined}, confident wrong ${t.wrong}, confident right ${t.right})`;
function alone(f: string, m: Model) {
  const s = setOf(f);
  const right = s.inDomain.filter(({ q, expect }) => m.predict(q).find((x) => x.label !== OUTSIDE)!.label === expect && m.predict(q)[0]!.label === expect).length;
  const outside = s.outOfDomain.filter((o) => m.predict(typeof o === 'string' ? o : o.q)[0]!.label === OUTSIDE).length;
  return { right, n: s.inDomain.length, outside, m: s.outOfDomain.length };
}

const OPTIONS: Array<[string, Partial<ClassifierOptions>, boolean]> = [
  ['kept options', {}, false],
  ['(d) class per gap', {}, true],
  ['(e) words 2x', { wordWeight: 2 }, false],
  ['(e) step 1', { learningRate: 1 }, false],
  ['(e) words 2x, step 1', { wordWeight: 2, learningRate: 1 }, false],
  ['(d)+(e) per gap, words 2x, step 1', { wordWeight: 2, learningRate: 1 }, true],
];

const FINE: Array<[string, Combo]> = [
  ['MiniSearch alone', {}],
  ...[0.6, 0.7, 0.75, 0.8, 0.85, 0.9].map((at): [string, Combo] => [`(a) lead from hits at ${at}`, { lead: at, fromHits: true }]),
  ...[2, 3, 5, 10, 20].flatMap((ratio) => [0, 0.3, 0.5].map((at): [string, Combo] => [`(a) lead from hits at ${at}, ${ratio}x the bot's first`, { lead: at, fromHits: true, ratio }])),
  ...[0.5, 0.55, 0.6, 0.65, 0.7].map((w): [string, Combo] => [`(b) mix w ${w}`, { mix: w }]),
];
const COMBOS: Array<[string, Combo]> = process.env.FINE ? FINE : [
  ['MiniSearch alone', {}],
  ...[0, 0.3, 0.5, 0.7].map((at): [string, Combo] => [`(a) lead at ${at}`, { lead: at }]),
  ...[0, 0.3, 0.5, 0.7].map((at): [string, Combo] => [`(a) lead from hits at ${at}`, { lead: at, fromHits: true }]),
  ...[0.3, 0.5, 0.7, 0.9].map((at): [string, Combo] => [`(a) promote at ${at}`, { promote: at }]),
  ...[0.3, 0.5, 0.7].map((at): [string, Combo] => [`(a) lead from hits at ${at} + promote at 0.7`, { lead: at, fromHits: true, promote: 0.7 }]),
  ...[0.9, 0.95].map((at): [string, Combo] => [`(a) lead from hits at 0.5 + confirm at ${at}`, { lead: 0.5, fromHits: true, confirm: at }]),
  ...[0.2, 0.4, 0.6, 0.8].map((w): [string, Combo] => [`(b) mix w ${w}, "Did you mean" only`, { mix: w }]),
];

async function main(): Promise<void> {
  const [mode = 'sweep', json, unseen] = process.argv.slice(2);
  const files = EN_DEV.map(file);
  if (mode === 'sweep') {
    const only = process.env.OPTIONS;
    for (const [name, partial, perGap] of OPTIONS.filter(([n]) => !only || n.includes(only))) {
      const m = model({ ...defaultClassifierOptions, ...partial }, perGap);
      const a = files.map((f) => alone(f, m)).reduce((x, y) => ({ right: x.right + y.right, n: x.n + y.n, outside: x.outside + y.outside, m: x.m + y.m }));
      console.log(`== ${name}: alone ${a.right}/${a.n} top class, ${a.outside}/${a.m} outside`);
      for (const [cn, c] of COMBOS.filter(([cn]) => !process.env.COMBOS || cn.includes(process.env.COMBOS))) console.log(`  ${cn}: ${line(total(files, m, c))}`);
    }
    return;
  }
  if (mode === 'loso') {
    const combo = json && json !== 'all' ? (JSON.parse(json) as Combo) : {};
    const options = { ...defaultClassifierOptions, ...(process.env.OPTS ? JSON.parse(process.env.OPTS) : {}) };
    const labelled = (f: string): IntentExample[] => {
      const s = setOf(f);
      return [...s.inDomain.map(({ q, expect }) => ({ text: q, label: expect })), ...s.outOfDomain.map((o) => ({ text: typeof o === 'string' ? o : o.q, label: `${OUTSIDE}:dev` }))];
    };
    const kbOnly = model(options, false);
    const sums = { kb: 0, loso: 0, n: 0, kbOut: 0, losoOut: 0, m: 0 };
    const losoModels = new Map<string, Model>();
    for (const f of files) {
      const m = model(options, false, files.filter((g) => g !== f).flatMap(labelled));
      losoModels.set(f, m);
      const a = alone(f, kbOnly);
      const b = alone(f, m);
      const bot = measure(f, kbOnly, {});
      console.log(`${f}: bot first pick ${bot.top1Correct}/${a.n}; classifier alone, knowledge only ${a.right}/${a.n}, ${a.outside}/${a.m} outside; + other dev parts ${b.right}/${b.n}, ${b.outside}/${b.m} outside`);
      Object.assign(sums, { kb: sums.kb + a.right, loso: sums.loso + b.right, n: sums.n + a.n, kbOut: sums.kbOut + a.outside, losoOut: sums.losoOut + b.outside, m: sums.m + a.m });
    }
    console.log(JSON.stringify(sums));
    if (json === 'all') {
      for (const [cn, c] of COMBOS) console.log(`  ${cn}: knowledge only ${line(total(files, kbOnly, c))} | leave one out ${line(total(files, (f) => losoModels.get(f)!, c))}`);
    } else if (json) {
      console.log(`combo ${json}, knowledge only: ${line(total(files, kbOnly, combo))}`);
      console.log(`combo ${json}, leave one out: ${line(total(files, (f) => losoModels.get(f)!, combo))}`);
      console.log(`MiniSearch alone: ${line(total(files, kbOnly, {}))}`);
    }
    return;
  }
  if (mode === 'unseen') {
    const combo = JSON.parse(json!) as Combo;
    const options = { ...defaultClassifierOptions, ...(process.env.OPTS ? JSON.parse(process.env.OPTS) : {}) };
    const m = model(options, process.env.PER_GAP === '1');
    const b = measure(unseen!, m, {});
    const a = measure(unseen!, m, combo);
    const f = (r: RetrievalReport) => `${r.top1Correct}/${r.inDomainTotal} top-1, ${r.outOfDomainRejected}/${r.outOfDomainTotal} declined, ${wrongOf(r)} confident wrong, ${r.answeredCorrect} confident right, score ${scoreOf(r)}`;
    console.log(`before: ${f(b)}\nafter:  ${f(a)}`);
    const x = alone(unseen!, m);
    console.log(`classifier alone: ${x.right}/${x.n}, ${x.outside}/${x.m} outside`);
    return;
  }
}
main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
