/**
 * Which language detector is right most often on short candidate messages (1-6 words)?
 * Measures the hand-written English/Spanish model (src/language/detect.ts) and, when they can be
 * imported, the registry's eld, franc and tinyld, on test/fixtures/language-short.yaml.
 *
 *   npx tsx bench/languageDetect.ts                       # the hand-written model only
 *   LANGDETECT_MODULES=/tmp/langdet/node_modules npx tsx bench/languageDetect.ts
 *   LANGSET=test/fixtures/language-heldout.yaml npx tsx bench/languageDetect.ts   # the held-out set
 *
 * LANGDETECT_MODULES points at a node_modules folder holding eld, franc and tinyld (they are not
 * dependencies of the project: `npm install --prefix /tmp/langdet franc eld tinyld`). Each
 * registry detector is asked the way the bot would use it: restricted to English and Spanish
 * where it allows that, and its answer counted right only when it names the labelled language
 * (an empty or other answer is wrong: the bot would then keep the conversation's language).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { detectLanguage } from '../src/language/detect.js';

type Detector = (text: string) => string | null;

const file = process.env.LANGSET ?? 'test/fixtures/language-short.yaml';
const set = parse(readFileSync(file, 'utf8')) as { en: string[]; es: string[] };
const labelled = [...set.en.map((text) => ({ text, lang: 'en' })), ...set.es.map((text) => ({ text, lang: 'es' }))];

async function registryDetectors(dir: string | undefined): Promise<Record<string, Detector>> {
  if (!dir) return {};
  const load = async (name: string, entry: string) => {
    try {
      return await import(pathToFileURL(path.join(dir, name, entry)).href);
    } catch (error) {
      console.log(`(${name} not measured: ${(error as Error).message.split('\n')[0]})`);
      return undefined;
    }
  };
  const version = (name: string) => (JSON.parse(readFileSync(path.join(dir, name, 'package.json'), 'utf8')) as { version: string }).version;
  const out: Record<string, Detector> = {};
  const franc = await load('franc', 'index.js');
  if (franc) {
    const iso = { eng: 'en', spa: 'es' } as Record<string, string>;
    out[`franc ${version('franc')} (only eng/spa, minLength 1)`] = (t) => iso[franc.franc(t, { only: ['eng', 'spa'], minLength: 1 })] ?? null;
  }
  const eld = await load('eld', 'src/entries/static.large.js');
  if (eld) {
    const detector = eld.eld ?? eld.default;
    detector.setLanguageSubset?.(['en', 'es']);
    out[`eld ${version('eld')} (large, subset en/es)`] = (t) => detector.detect(t).language || null;
  }
  const tinyld = await load('tinyld', 'dist/tinyld.heavy.node.mjs');
  if (tinyld) out[`tinyld ${version('tinyld')} (only en/es)`] = (t) => tinyld.detect(t, { only: ['en', 'es'] }) || null;
  return out;
}

const detectors: Record<string, Detector> = {
  'hand-written (src/language/detect.ts, any lean)': (t) => detectLanguage(t).language,
  ...(await registryDetectors(process.env.LANGDETECT_MODULES)),
};

console.log(`${file}: ${labelled.length} messages (${set.en.length} English, ${set.es.length} Spanish), 1-6 words each\n`);
for (const [name, detect] of Object.entries(detectors)) {
  const right = { en: 0, es: 0 };
  const wrong: string[] = [];
  for (const { text, lang } of labelled) {
    if (detect(text) === lang) right[lang as 'en' | 'es']++;
    else wrong.push(`${lang}:${text}`);
  }
  const total = right.en + right.es;
  console.log(`${name}: ${total}/${labelled.length} right (${((100 * total) / labelled.length).toFixed(1)}%); English ${right.en}/${set.en.length}, Spanish ${right.es}/${set.es.length}`);
  if (process.env.SHOW_WRONG) console.log(`  wrong: ${wrong.join(' | ')}`);
}
// The clear-evidence rule the bot uses to change a conversation's language: how often it fires, and wrongly.
let clear = 0;
let clearWrong = 0;
for (const { text, lang } of labelled) {
  const guess = detectLanguage(text);
  if (guess.strength !== 'clear') continue;
  clear++;
  if (guess.language !== lang) clearWrong++;
}
console.log(`\nhand-written, clear evidence only (what switches a conversation): ${clear}/${labelled.length} messages clear, ${clearWrong} of them wrong`);
