import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evaluate, type LabelledSet, type RetrievalReport } from '../src/knowledge/evaluate.js';
import { loadKnowledgeBase, type KnowledgeOptions } from '../src/knowledge/knowledgeBase.js';
import { englishSpelling, spanishSpelling } from '../src/knowledge/spellingRules.js';
import { answererFor, SETS } from './labelledSets.js';

/**
 * The spelling pass (src/knowledge/spelling.ts) measured: every dev part, the old set and the probe
 * questions (test/fixtures/spelling-probes.yaml), without and with it, and the dev score (top-1 right +
 * declined - 3 x confident wrong, over the dev parts). Frozen parts are never read here.
 * `npx tsx scripts/measure-spelling.ts [--words] [extra-set.yaml:en|es ...]`
 * --words lists each word the pass changed in the questions measured, with how often.
 */
const PROBES = 'test/fixtures/spelling-probes.yaml';

interface Part {
  name: string;
  lang: 'en' | 'es';
  set: LabelledSet;
}

const loose = (file: string): LabelledSet => {
  const data = parse(readFileSync(file, 'utf8')) as Partial<LabelledSet>;
  return { inDomain: data.inDomain ?? [], outOfDomain: data.outOfDomain ?? [] };
};

function parts(extra: string[]): Part[] {
  const dev: Part[] = SETS.filter((set) => !set.name.includes('frozen')).map((set) => ({ name: set.name, lang: set.lang, set: loose(set.file) }));
  const raw = parse(readFileSync(PROBES, 'utf8')) as { en: Partial<LabelledSet>; es: Partial<LabelledSet> };
  const probeParts: Part[] = (['en', 'es'] as const).map((lang) => ({ name: `probes ${lang}`, lang, set: { inDomain: raw[lang].inDomain ?? [], outOfDomain: raw[lang].outOfDomain ?? [] } }));
  const more: Part[] = extra.map((arg) => {
    const [file, lang] = arg.split(':') as [string, 'en' | 'es' | undefined];
    return { name: file, lang: lang ?? 'en', set: loose(file) };
  });
  return [...dev, ...probeParts, ...more];
}

const score = (r: RetrievalReport) => r.top1Correct + r.outOfDomainRejected - 3 * (r.answeredWrong + r.outOfDomainAnswered);
const line = (r: RetrievalReport) =>
  `top-1 ${r.top1Correct}/${r.inDomainTotal}, confident right ${r.answeredCorrect}, declined ${r.outOfDomainRejected}/${r.outOfDomainTotal}, confident wrong ${r.answeredWrong + r.outOfDomainAnswered}, score ${score(r)}`;

/**
 * A word list per language (a JSON array, e.g. an npm word-list package unpacked outside the project)
 * given by SPELLING_WORDS_EN / SPELLING_WORDS_ES: measures what a dictionary's "this is a real word"
 * would add. Without them the pass runs as the bot runs it.
 */
function withDictionaries(): KnowledgeOptions {
  const list = (file: string | undefined) => (file ? new Set((JSON.parse(readFileSync(file, 'utf8')) as string[]).map((word) => word.toLowerCase())) : undefined);
  const en = list(process.env.SPELLING_WORDS_EN);
  const es = list(process.env.SPELLING_WORDS_ES);
  return {
    spelling: {
      en: { ...englishSpelling, ...(en ? { isWord: (word: string) => en.has(word) } : {}) },
      es: { ...spanishSpelling, ...(es ? { isWord: (word: string) => es.has(word) } : {}) },
    },
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const extra = args.filter((arg) => !arg.startsWith('--'));
  const without = await loadKnowledgeBase('knowledge', undefined, { spelling: false });
  const started = performance.now();
  const withIt = await loadKnowledgeBase('knowledge', undefined, withDictionaries());
  console.log(`knowledge base with spelling loaded in ${(performance.now() - started).toFixed(0)} ms`);
  const totals = { before: 0, after: 0 };
  for (const part of parts(extra)) {
    const before = evaluate(answererFor(without, part.lang), part.set);
    const after = evaluate(answererFor(withIt, part.lang), part.set);
    const isDev = !part.name.startsWith('probes') && !extra.some((arg) => arg.split(':')[0] === part.name);
    if (isDev) {
      totals.before += score(before);
      totals.after += score(after);
    }
    console.log(`${part.name}\n  before ${line(before)}\n  after  ${line(after)}`);
    const missesBefore = new Set(before.misses.map((m) => m.q));
    const missesAfter = new Set(after.misses.map((m) => m.q));
    for (const m of after.misses) if (!missesBefore.has(m.q)) console.log(`  NEW MISS [${m.expect}] ${m.got}: ${m.q}`);
    for (const m of before.misses) if (!missesAfter.has(m.q)) console.log(`  fixed [${m.expect}] was ${m.got}: ${m.q}`);
    const falseBefore = new Set(before.falseAnswers.map((m) => m.q));
    const falseAfter = new Set(after.falseAnswers.map((m) => m.q));
    for (const m of after.falseAnswers) if (!falseBefore.has(m.q)) console.log(`  NEW NOT DECLINED ${m.got}: ${m.q}`);
    for (const m of before.falseAnswers) if (!falseAfter.has(m.q)) console.log(`  now declined (was ${m.got}): ${m.q}`);
    if (args.includes('--words')) {
      const changed = new Map<string, number>();
      const pipeline = (part.lang === 'es' ? withIt.es! : withIt).index.text;
      const plain = (part.lang === 'es' ? without.es! : without).index.text;
      const questions = [...part.set.inDomain.map((item) => item.q), ...part.set.outOfDomain.map((item) => (typeof item === 'string' ? item : item.q))];
      for (const q of questions) {
        const a = plain.tokenize(q);
        const b = pipeline.tokenize(q);
        const pairs = a.length === b.length ? a.map((token, i) => [token, b[i] as string]) : [[a.join(' '), b.join(' ')]];
        for (const [x, y] of pairs) if (x !== y) changed.set(`${x} -> ${y}`, (changed.get(`${x} -> ${y}`) ?? 0) + 1);
      }
      console.log(`  words changed: ${[...changed].map(([w, n]) => (n > 1 ? `${w} (${n})` : w)).join(', ') || 'none'}`);
    }
  }
  console.log(`dev score (dev parts and the old set): before ${totals.before}, after ${totals.after}`);
  if (args.includes('--time')) timing(parts(extra), await loadKnowledgeBase('knowledge', undefined, { spelling: false }), await loadKnowledgeBase('knowledge'));
}

/** Each question's decision timed on a knowledge base built afresh (cold: no word seen before), without and with the pass. */
function timing(all: Part[], ...bases: Awaited<ReturnType<typeof loadKnowledgeBase>>[]): void {
  for (const [i, base] of bases.entries()) {
    const times: number[] = [];
    for (const part of all) {
      const answerer = answererFor(base, part.lang);
      for (const q of [...part.set.inDomain.map((item) => item.q), ...part.set.outOfDomain.map((item) => (typeof item === 'string' ? item : item.q))]) {
        const started = performance.now();
        answerer(q).decide(q);
        times.push(performance.now() - started);
      }
    }
    times.sort((a, b) => a - b);
    const at = (share: number) => (times[Math.floor(share * (times.length - 1))] as number).toFixed(3);
    console.log(`${i === 0 ? 'without' : 'with'} the pass, first time asked, over ${times.length} questions: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
