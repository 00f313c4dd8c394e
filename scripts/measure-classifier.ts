import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evaluate, type LabelledSet, type RetrievalReport } from '../src/knowledge/evaluate.js';
import { FaqAnswerer, type FaqDecision } from '../src/knowledge/faqAnswerer.js';
import type { FaqEntry } from '../src/knowledge/faqEntry.js';
import { withSecondOpinion, type SecondOpinionRule } from '../src/knowledge/secondOpinion.js';
import { defaultClassifierOptions, examplesOf, IntentClassifier, OUTSIDE, type ClassifierOptions, type IntentScore } from '../src/knowledge/intentClassifier.js';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase.js';
import { loadDomain } from '../src/knowledge/outOfScope.js';
import { chooseLanguage } from '../src/language/detect.js';
import { answererFor, loadLabelledSet, SETS } from './labelledSets.js';

/**
 * The experiment behind docs/quality.md "A trained classifier (session 13)": a supervised intent
 * classifier (src/knowledge/intentClassifier.ts) trained on the knowledge base's own phrasings,
 * beside MiniSearch. DEV PARTS ONLY (and the unseen sets given by file): never the frozen parts.
 *
 *   npx tsx scripts/measure-classifier.ts alone            # the classifier alone, several options
 *   npx tsx scripts/measure-classifier.ts rules            # each combination rule alone, a small grid
 *   npx tsx scripts/measure-classifier.ts together '{...}' # one setting, all rules together, per part
 *   npx tsx scripts/measure-classifier.ts unseen '{}' file.yaml en|es  # MiniSearch alone, then the shipped bot (or the rules given), on an unseen set
 *   npx tsx scripts/measure-classifier.ts cost             # training ms per language, prediction µs
 *
 * The score was fixed before any sweep: summed over a language's dev parts, right first picks +
 * out-of-domain declined - 3 x confident wrong.
 */
const EN_DEV = ['dev', 'second dev', 'third dev', 'fourth dev', 'fifth dev', 'sixth dev', 'eighth dev', 'old set'] as const;
const ES_DEV = ['Spanish dev', 'Spanish dev 3', 'Spanish dev 4', 'Spanish dev 5', 'Spanish dev 6', 'Spanish dev 7'] as const;

const kb = await loadKnowledgeBase('knowledge');
const es = kb.es!;
const domains = { en: await loadDomain('knowledge'), es: await loadDomain('knowledge', 'es') };
const bases = { en: kb, es } as const;

type Lang = 'en' | 'es';
const langOf = (q: string, setLang: Lang): Lang => chooseLanguage({ text: q, locale: setLang }).language;

const classifiers = new Map<string, IntentClassifier>();
function classifierFor(lang: Lang, options: ClassifierOptions): IntentClassifier {
  const key = `${lang}${JSON.stringify(options)}`;
  let known = classifiers.get(key);
  if (!known) {
    const { index } = bases[lang];
    known = IntentClassifier.train(examplesOf(index.entries, index.outOfScope), index.text, options);
    classifiers.set(key, known);
  }
  return known;
}

const setFile = (name: string) => SETS.find((s) => s.name === name)!.file;
const setLang = (name: string): Lang => SETS.find((s) => s.name === name)!.lang;
const loaded = new Map<string, LabelledSet>();
const setOf = (file: string): LabelledSet => {
  if (!loaded.has(file)) loaded.set(file, file.includes('/helpers/') ? (parse(readFileSync(file, 'utf8')) as LabelledSet) : loadLabelledSet(file));
  return loaded.get(file)!;
};

/** The classifier alone: its top class right for in-domain, `outside` for out-of-domain. */
function alone(file: string, lang: Lang, options: ClassifierOptions): { right: number; inDomain: number; outside: number; outOfDomain: number } {
  const set = setOf(file);
  let right = 0;
  let outside = 0;
  for (const { q, expect } of set.inDomain) if (classifierFor(langOf(q, lang), options).predict(q)[0]!.label === expect) right++;
  for (const item of set.outOfDomain) {
    const q = typeof item === 'string' ? item : item.q;
    if (classifierFor(langOf(q, lang), options).predict(q)[0]!.label === OUTSIDE) outside++;
  }
  return { right, inDomain: set.inDomain.length, outside, outOfDomain: set.outOfDomain.length };
}

const predictions = new Map<string, IntentScore[]>();
function predicted(q: string, lang: Lang, options: ClassifierOptions): IntentScore[] {
  const key = `${lang}${JSON.stringify(options)}:${q}`;
  let known = predictions.get(key);
  if (!known) predictions.set(key, (known = classifierFor(lang, options).predict(q)));
  return known;
}

/**
 * MiniSearch's decision (before any second opinion), the answerer that gave it, and its pair (two
 * questions in one, which src/knowledge/evaluate.ts counts as the bot answers them, whatever the decision).
 */
const shippedCache = new Map<string, { decision: FaqDecision; pair: [FaqEntry, FaqEntry] | null; answerer: FaqAnswerer }>();
function shipped(q: string, lang: Lang) {
  const key = `${lang}:${q}`;
  let known = shippedCache.get(key);
  if (!known) {
    const answerer = bases[langOf(q, lang)].answerer;
    const decision = answerer.decideByScores(q);
    known = { decision, pair: decision.kind === 'out-of-scope' ? null : answerer.decidePair(q), answerer };
    shippedCache.set(key, known);
  }
  return known;
}

/** A setting: the rows of the second opinion (src/knowledge/secondOpinion.ts), in order, and the classifier's options. */
export interface Setting {
  rules: SecondOpinionRule[];
  options: ClassifierOptions;
}
export const baseline: Setting = { rules: [], options: defaultClassifierOptions };

const TEST_CODE = /(?<![a-z0-9])[abcefghlpstx]-?\d{1,2}(?![a-z0-9])/i;
const ASE = /\b(?:my)?ase\b/i;

function hybrid(q: string, lang: Lang, s: Setting): FaqDecision {
  const { decision } = shipped(q, lang);
  if (!s.rules.length) return decision;
  const asked = langOf(q, lang);
  const index = bases[asked].index;
  return withSecondOpinion(decision, predicted(q, asked, s.options), s.rules, { entry: (id) => index.get(id), answerWith: (entry) => entry, anchored: TEST_CODE.test(q) || ASE.test(q) });
}

class Experiment extends FaqAnswerer {
  lang: Lang = 'en';
  choose: (q: string) => FaqDecision = () => {
    throw new Error('measure-classifier: no choice set');
  };
  override decide(q: string): FaqDecision {
    return this.choose(q);
  }
  override decidePair(q: string): [FaqEntry, FaqEntry] | null {
    return shipped(q, this.lang).pair;
  }
}
const experiment = new Experiment(kb.index, undefined, domains.en);

function measure(file: string, lang: Lang, choose: (q: string) => FaqDecision): RetrievalReport {
  experiment.choose = choose;
  experiment.lang = lang;
  return evaluate(experiment, setOf(file));
}
const wrongOf = (r: RetrievalReport) => r.answeredWrong + r.outOfDomainAnswered;
const scoreOf = (r: RetrievalReport) => r.top1Correct + r.outOfDomainRejected - 3 * wrongOf(r);
const figures = (r: RetrievalReport) => `${r.top1Correct}/${r.inDomainTotal} top-1, ${r.outOfDomainRejected}/${r.outOfDomainTotal} declined, ${wrongOf(r)} confident wrong, ${r.answeredCorrect} confident right`;

function total(names: readonly string[], s: Setting): { score: number; top1: number; declined: number; wrong: number; right: number } {
  let [score, top1, declined, wrong, right] = [0, 0, 0, 0, 0];
  for (const name of names) {
    const r = measure(setFile(name), setLang(name), (q) => hybrid(q, setLang(name), s));
    score += scoreOf(r);
    top1 += r.top1Correct;
    declined += r.outOfDomainRejected;
    wrong += wrongOf(r);
    right += r.answeredCorrect;
  }
  return { score, top1, declined, wrong, right };
}
const line = (t: ReturnType<typeof total>) => `score ${t.score} (top-1 ${t.top1}, declined ${t.declined}, confident wrong ${t.wrong}, confident right ${t.right})`;

const VARIANTS: Array<[string, Partial<ClassifierOptions>]> = [
  ['logistic, words + chars 3-5', {}],
  ['logistic, words only', { charMax: 0 }],
  ['logistic, chars 3-5 weigh 2x words', { wordWeight: 0.5 }],
  ['logistic, words weigh 2x chars', { wordWeight: 2 }],
  ['logistic, 24 epochs', { epochs: 24 }],
  ['logistic, 6 epochs', { epochs: 6 }],
  ['logistic, 4 epochs', { epochs: 4 }],
  ['logistic, 6 epochs, chars 3-4', { epochs: 6, charMax: 4 }],
  ['logistic, l2 1e-3', { l2: 1e-3 }],
  ['logistic, lr 1', { learningRate: 1 }],
  ['complement NB, words + chars', { model: 'complement-nb' }],
  ['complement NB, alpha 1', { model: 'complement-nb', alpha: 1 }],
  ['complement NB, words only', { model: 'complement-nb', charMax: 0 }],
];

async function main(): Promise<void> {
  const [mode = 'alone', json, file, lang] = process.argv.slice(2);
  const given = json ? (JSON.parse(json) as Partial<Setting>) : {};
  const chosen: Setting = { rules: given.rules ?? [], options: { ...defaultClassifierOptions, ...given.options } };
  if (mode === 'cost') return cost(chosen.options);
  if (mode === 'alone') {
    const only = process.env.VARIANT;
    for (const [name, partial] of VARIANTS.filter(([n]) => !only || n.includes(only))) {
      const options = { ...defaultClassifierOptions, ...partial };
      const rows = [...EN_DEV, ...ES_DEV].map((set) => ({ set, ...alone(setFile(set), setLang(set), options) }));
      const sum = (l: Lang) => rows.filter((r) => setLang(r.set) === l).reduce((a, r) => [a[0]! + r.right, a[1]! + r.inDomain, a[2]! + r.outside, a[3]! + r.outOfDomain], [0, 0, 0, 0]);
      const [a, b, c, d] = sum('en');
      const [e, f, g, h] = sum('es');
      console.log(`${name}: EN ${a}/${b} = ${((100 * a!) / b!).toFixed(1)}% top class, ${c}/${d} = ${((100 * c!) / d!).toFixed(1)}% outside; ES ${e}/${f} = ${((100 * e!) / f!).toFixed(1)}%, ${g}/${h} = ${((100 * g!) / h!).toFixed(1)}%`);
      if (process.env.PER_SET) for (const r of rows) console.log(`   ${r.set}: ${r.right}/${r.inDomain} top class, ${r.outside}/${r.outOfDomain} outside`);
    }
    return;
  }
  if (mode === 'rules') {
    const grid: Array<[string, SecondOpinionRule[]]> = [
      ['MiniSearch alone', []],
      ...[0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((at): [string, SecondOpinionRule[]] => [`promote at ${at}`, [{ rule: 'promote', at }]]),
      ...[0, 0.3, 0.5, 0.7].map((at): [string, SecondOpinionRule[]] => [`lead at ${at}`, [{ rule: 'lead', at }]]),
      ...[0.01, 0.03, 0.05, 0.1, 0.2].map((below): [string, SecondOpinionRule[]] => [`demote below ${below}`, [{ rule: 'demote', below }]]),
      ...[0.3, 0.5, 0.6, 0.7, 0.8, 0.9].map((at): [string, SecondOpinionRule[]] => [`decline at outside ${at}`, [{ rule: 'decline', at }]]),
      ...[0.5, 0.6, 0.7, 0.8, 0.9, 0.95].map((at): [string, SecondOpinionRule[]] => [`confirm at ${at}`, [{ rule: 'confirm', at }]]),
    ];
    for (const [name, rules] of grid) {
      const s = { ...chosen, rules };
      console.log(`${name}: EN ${line(total(EN_DEV, s))} | ES ${line(total(ES_DEV, s))}`);
    }
    return;
  }
  if (mode === 'sweep') {
    const results: Array<{ rules: SecondOpinionRule[]; en: ReturnType<typeof total>; es: ReturnType<typeof total> }> = [];
    for (const decline of [undefined, 0.7, 0.9])
      for (const demote of [undefined, 0.1, 0.2])
        for (const lead of [undefined, 0.5])
          for (const confirm of [undefined, 0.8, 0.9, 0.95])
            for (const promote of [undefined, 0.6]) {
              const rules: SecondOpinionRule[] = [
                ...(decline ? [{ rule: 'decline' as const, at: decline }] : []),
                ...(demote ? [{ rule: 'demote' as const, below: demote }] : []),
                ...(lead ? [{ rule: 'lead' as const, at: lead }] : []),
                ...(confirm ? [{ rule: 'confirm' as const, at: confirm }] : []),
                ...(promote ? [{ rule: 'promote' as const, at: promote }] : []),
              ];
              const s = { ...chosen, rules };
              results.push({ rules, en: total(EN_DEV, s), es: total(ES_DEV, s) });
            }
    for (const l of ['en', 'es'] as const) {
      console.log(`${l.toUpperCase()}, best first:`);
      for (const r of [...results].sort((a, b) => b[l].score - a[l].score || b[l].right - a[l].right).slice(0, 12)) console.log(`  ${JSON.stringify(r.rules)} ${line(r[l])}`);
    }
    return;
  }
  if (mode === 'together') {
    for (const name of [...EN_DEV, ...ES_DEV]) {
      const before = measure(setFile(name), setLang(name), (q) => hybrid(q, setLang(name), baseline));
      const after = measure(setFile(name), setLang(name), (q) => hybrid(q, setLang(name), chosen));
      console.log(`${name}: ${figures(before)}  ->  ${figures(after)}`);
    }
    console.log(`EN before ${line(total(EN_DEV, baseline))}\nEN after  ${line(total(EN_DEV, chosen))}`);
    console.log(`ES before ${line(total(ES_DEV, baseline))}\nES after  ${line(total(ES_DEV, chosen))}`);
    return;
  }
  if (mode === 'unseen') {
    if (!file || (lang !== 'en' && lang !== 'es')) throw new Error('measure-classifier: unseen needs a setting, a file and en|es');
    // Before: MiniSearch's decision alone; after: the bot as shipped (src/knowledge, its rows per language).
    const before = measure(file, lang, (q) => hybrid(q, lang, baseline));
    const after = chosen.rules.length ? measure(file, lang, (q) => hybrid(q, lang, chosen)) : evaluate(answererFor(kb, lang), setOf(file));
    console.log(`${file} before: ${figures(before)}, score ${scoreOf(before)}\n${file} after:  ${figures(after)}, score ${scoreOf(after)}`);
    const a = alone(file, lang, chosen.options);
    console.log(`classifier alone: ${a.right}/${a.inDomain} top class, ${a.outside}/${a.outOfDomain} outside`);
    return;
  }
  throw new Error(`measure-classifier: no mode "${mode}"`);
}

/**
 * Training time per language (wall and CPU, 5 runs), a prediction's time, and a whole decision's
 * time with the second opinion (`decide`) and without it (`decideByScores`), over the dev questions.
 * CPU time is the figure to read on a shared machine: the wall clock counts other sessions' work.
 */
function cost(options: ClassifierOptions): void {
  const at = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const cpuMs = (run: () => void) => {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  for (const lang of ['en', 'es'] as const) {
    const { index, answerer } = bases[lang];
    const examples = examplesOf(index.entries, index.outOfScope);
    const wall: number[] = [];
    const cpu: number[] = [];
    let trained: IntentClassifier | undefined;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      cpu.push(cpuMs(() => (trained = IntentClassifier.train(examples, index.text, options))));
      wall.push(performance.now() - t0);
    }
    const names = lang === 'en' ? EN_DEV : ES_DEV;
    const questions = names.flatMap((name) => {
      const set = setOf(setFile(name));
      return [...set.inDomain.map((i) => i.q), ...set.outOfDomain.map((o) => (typeof o === 'string' ? o : o.q))];
    });
    const timed = (run: (q: string) => unknown) => {
      for (const q of questions) run(q);
      const each: number[] = [];
      for (const q of questions) {
        const t0 = performance.now();
        run(q);
        each.push(1000 * (performance.now() - t0));
      }
      const total = cpuMs(() => questions.forEach(run));
      return `median ${at(each, 0.5).toFixed(0)} µs, p99 ${at(each, 0.99).toFixed(0)} µs, CPU ${((1000 * total) / questions.length).toFixed(0)} µs a question`;
    };
    console.log(`${lang}: ${examples.length} examples; training wall ms ${wall.map((t) => t.toFixed(0)).join(', ')}; CPU ms ${cpu.map((t) => t.toFixed(0)).join(', ')} (median ${at(cpu, 0.5).toFixed(0)})`);
    console.log(`  prediction over ${questions.length} questions: ${timed((q) => trained!.predict(q))}`);
    console.log(`  decideByScores: ${timed((q) => answerer.decideByScores(q))}`);
    console.log(`  decide (with the second opinion): ${timed((q) => answerer.decide(q))}`);
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
