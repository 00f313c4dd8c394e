import { loadCannedReplies, type CannedReply } from './cannedReplies.js';
import { defaultThresholds, FaqAnswerer, type FaqThresholds } from './faqAnswerer.js';
import { FaqIndex } from './faqIndex.js';
import { loadFaq } from './loadFaq.js';
import { loadDomain, loadOutOfScope, type Domain, type OutOfScopeTopic } from './outOfScope.js';
import type { FaqEntry } from './faqEntry.js';
import { loadCatalogue, loadPolicy } from './policyData.js';
import type { Catalogue, Policy } from '../rules/index.js';
import { spanishText } from './spanishText.js';
import { englishText, type TextPipeline } from './textProcessing.js';
import { Speller, withSpelling, type SpellingRules } from './spelling.js';
import { englishSpelling, spanishSpelling } from './spellingRules.js';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface KnowledgeBase {
  index: FaqIndex;
  answerer: FaqAnswerer;
  policy: Policy;
  catalogue: Catalogue;
  /** Staff replies for the console (knowledge/canned-replies.yaml). */
  cannedReplies: CannedReply[];
  /**
   * The index and answerer again from the files as loaded plus `added` alternate phrasings (the
   * editors' improvement loop): assign the result onto this object and every reader of
   * `knowledge.index` / `knowledge.answerer` answers from it at once.
   */
  rebuild(added: AddedAlternate[], declined?: DeclinedQuestion[]): Pick<KnowledgeBase, 'index' | 'answerer' | 'es'>;
  /**
   * The Spanish knowledge base (the `<id>.es.md` twins, domain.es.yaml, out-of-scope.es.yaml), read
   * with the Spanish text pipeline; absent when the knowledge folder has no Spanish entries.
   */
  es?: Pick<KnowledgeBase, 'index' | 'answerer'>;
}

/** The index and answerer for a language: Spanish where there is a Spanish knowledge base, else English. */
export function inLanguage(knowledge: Pick<KnowledgeBase, 'index' | 'answerer' | 'es'>, language: 'en' | 'es' | undefined): Pick<KnowledgeBase, 'index' | 'answerer'> {
  return language === 'es' && knowledge.es ? knowledge.es : knowledge;
}

/** A phrasing an editor attached to an FAQ entry from the console (in the entry's Spanish twin when `lang` is 'es'). */
export interface AddedAlternate {
  entryId: string;
  text: string;
  lang?: 'en' | 'es';
}

/**
 * A question an editor marked out of scope: a phrasing of a known gap (`topicId`, a topic of
 * out-of-scope.yaml, or its Spanish twin's), so the bot declines it, and questions like it, with
 * that topic's reply.
 */
export interface DeclinedQuestion {
  topicId: string;
  text: string;
  lang?: 'en' | 'es';
}

/** The entries with the editors' phrasings added (those an entry already lists are not listed twice). */
function withAdded(entries: FaqEntry[], added: AddedAlternate[]): FaqEntry[] {
  return entries.map((entry) => {
    const known = new Set([entry.question, ...entry.alternates, ...(entry.facets ?? []).flatMap((facet) => facet.alternates)].map((text) => text.trim().toLowerCase()));
    const more = [...new Set(added.filter((a) => a.entryId === entry.id && !known.has(a.text.trim().toLowerCase())).map((a) => a.text))];
    return more.length ? { ...entry, alternates: [...entry.alternates, ...more] } : entry;
  });
}

/** The known gaps with the questions editors marked out of scope added to their topics' phrasings. */
function withDeclined(topics: OutOfScopeTopic[], declined: DeclinedQuestion[]): OutOfScopeTopic[] {
  return topics.map((topic) => {
    const known = new Set(topic.phrasings.map((text) => text.trim().toLowerCase()));
    const more = [...new Set(declined.filter((d) => d.topicId === topic.id && !known.has(d.text.trim().toLowerCase())).map((d) => d.text))];
    return more.length ? { ...topic, phrasings: [...topic.phrasings, ...more] } : topic;
  });
}

/**
 * English cues that are Spanish words with another meaning ("salón": a room, as in "un salón
 * aparte", an accommodation), left out of the Spanish topics.
 */
const ENGLISH_CUES_NOT_FOR_SPANISH = new Set(['salon']);

/**
 * The Spanish known gaps with their English twins' cues added: Spanish candidates name other tests,
 * licences, stores and apps in English too ("master plumber license", "driver's license").
 */
function withEnglishCues(spanish: OutOfScopeTopic[], english: OutOfScopeTopic[]): OutOfScopeTopic[] {
  const merged = (mine: string[] | undefined, theirs: string[] | undefined): string[] | undefined => {
    const more = (theirs ?? []).filter((cue) => !ENGLISH_CUES_NOT_FOR_SPANISH.has(cue) && !(mine ?? []).includes(cue));
    return mine || more.length ? [...(mine ?? []), ...more] : undefined;
  };
  return spanish.map((topic) => {
    const twin = english.find((other) => other.id === topic.id);
    if (!twin || (!twin.cues && !twin.cuesBesideAse)) return topic;
    const cues = merged(topic.cues, twin.cues);
    const cuesBesideAse = merged(topic.cuesBesideAse, twin.cuesBesideAse);
    const cuesYieldTo = merged(topic.cuesYieldTo, twin.cuesYieldTo);
    const cuesYieldToOwn = merged(topic.cuesYieldToOwn, twin.cuesYieldToOwn);
    return { ...topic, ...(cues ? { cues } : {}), ...(cuesBesideAse ? { cuesBesideAse } : {}), ...(cuesYieldTo ? { cuesYieldTo } : {}), ...(cuesYieldToOwn ? { cuesYieldToOwn } : {}) };
  });
}

/** Every string of a parsed file (domain.yaml's words, names, owners...), however deep. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsOf(inner)]);
  return [];
}

/**
 * Everything the knowledge base says in one language, the spelling pass's vocabulary: the entries'
 * questions, phrasings, facets, answers and tags, the known gaps' phrasings, cues and subjects, and the
 * domain's words (its names of other bodies' things too: "dentist" is a word, not a typo).
 */
function vocabularyOf(entries: FaqEntry[], outOfScope: OutOfScopeTopic[], domain: Domain | undefined, known: string[]): string[] {
  return [
    ...entries.flatMap((entry) => [entry.question, entry.button ?? '', ...entry.alternates, ...(entry.facets ?? []).flatMap((facet) => facet.alternates), entry.answer, ...entry.tags]),
    ...outOfScope.flatMap((topic) => [...topic.phrasings, ...(topic.cues ?? []), ...(topic.cuesBesideAse ?? []), ...(topic.subject ?? [])]),
    ...stringsOf(domain),
    ...known,
  ];
}

/**
 * `build` remembering its last few results by their inputs (what editors added and declined in one
 * language): the same inputs give the same, immutable, index and answerer.
 */
function lastBuilt<T>(build: (added: AddedAlternate[], declined: DeclinedQuestion[]) => T, keep = 4): (added: AddedAlternate[], declined: DeclinedQuestion[]) => T {
  const built = new Map<string, T>();
  return (added, declined) => {
    const key = JSON.stringify([added.map((a) => [a.entryId, a.text]), declined.map((d) => [d.topicId, d.text])]);
    const kept = built.get(key);
    if (kept !== undefined) return kept;
    const value = build(added, declined);
    built.set(key, value);
    if (built.size > keep) built.delete(built.keys().next().value as string);
    return value;
  };
}

/** The language's pipeline with the spelling pass over the vocabulary, or as it is when `rules` is undefined (measured without). */
function spelledPipeline(text: TextPipeline, vocabulary: string[], rules: SpellingRules | undefined): TextPipeline {
  return rules ? withSpelling(text, new Speller(vocabulary, text, rules)) : text;
}

export interface KnowledgeOptions {
  /** The spelling pass's rules per language; `false` leaves questions as written (to measure what it does). */
  spelling?: { en?: SpellingRules; es?: SpellingRules } | false;
}

/** Loads and validates everything under knowledge/, and builds the index. */
export async function loadKnowledgeBase(dir: string, thresholds?: FaqThresholds, options: KnowledgeOptions = {}): Promise<KnowledgeBase> {
  const [entries, outOfScope, domain, policy, catalogue, cannedReplies] = await Promise.all([
    loadFaq(dir),
    loadOutOfScope(dir),
    loadDomain(dir),
    loadPolicy(dir),
    loadCatalogue(dir),
    loadCannedReplies(dir),
  ]);
  const loaded = await loadSpanish(dir);
  const spanish = loaded ? { ...loaded, outOfScope: withEnglishCues(loaded.outOfScope, outOfScope) } : undefined;
  // The catalogue's test and series names are ASE's words too ("my engine repair test").
  const known = [...catalogue.series.map((series) => series.name), ...catalogue.tests.flatMap((test) => [test.name, ...test.aliases])];
  // A test's name beside its code only says which test ("is the x1 exhaust test in spanish"): the
  // answerer reads the code alone, so the name's words pull to no entry that shares them.
  const testNames = catalogue.tests.map((test) => ({ code: test.code, names: [test.name, ...(test.es ? [test.es] : []), ...test.aliases] }));
  const englishDomain = domain && { ...domain, known, testNames };
  // Spanish candidates name the tests in English too ("el test de brakes"), beside the Spanish names domain.es.yaml lists.
  const spanishDomain = spanish?.domain && { ...spanish.domain, known: [...(spanish.domain.known ?? []), ...known], testNames };
  // The Spanish twins list fewer phrasings each: at 0.5, 60 of 114 right answers of the fourth
  // Spanish dev part became a "Did you mean" (docs/quality.md). Not used in Spanish until measured there;
  // nor are session en13's rules (docs/quality.md): with them the fourth Spanish frozen part declined one
  // question fewer. Its question-sentence rule is used in Spanish since session es15 measured it there
  // (a story, then "¿...?": the Spanish dev parts 4 and 5 one right answer more each, no fewer declined).
  const spanishThresholds: FaqThresholds = {
    ...(thresholds ?? defaultThresholds),
    phrasingCoverage: 0,
    storyWordsLeftOut: true,
    questionFirst: true,
    gapsBehindExplainMore: false,
    oneWordPhrasings: false,
    offTopicSecondLeans: false,
    // The trained classifier's second opinion, chosen on the Spanish dev parts (docs/quality.md "A
    // trained classifier (session 13)"): 0.9, not the sweep's 0.8, which answered "necesito cambiar
    // mi direccion y mi nombre" (two things asked) with the address alone instead of asking back.
    // Session es-ninth: "prefer" as in English, at ten times and only for an entry whose hit covers the
    // question's words as well as the first choice's (dev 8 and frozen 5 one right first pick more each;
    // at 5 or 8 times, or without the coverage guard, dev 3 or dev 7 lost one). "promote" at 0.95 for a question
    // naming ASE or a test code: a relative's story around it ("mi esposo hizo el A1 hoy, ¿cómo sabe si pasó?")
    // left too few words explained to answer, and the classifier was sure (dev 9 one right first pick more; unanchored,
    // dev 5 lost a declined small-talk question, "¿me entiendes si te escribo en español?").
    secondOpinion: [
      { rule: 'prefer', times: 10, coveredAsWell: true },
      { rule: 'demote', below: 0.1 },
      { rule: 'confirm', at: 0.9 },
      { rule: 'promote', at: 0.95, anchoredOnly: true },
    ],
  };
  const inEnglish = (lang: 'en' | 'es' | undefined) => lang !== 'es';
  const spelling: { en?: SpellingRules; es?: SpellingRules } = options.spelling === false ? {} : { en: englishSpelling, es: spanishSpelling, ...options.spelling };
  const buildEnglish = (english: AddedAlternate[], declined: DeclinedQuestion[]) => {
    const englishEntries = withAdded(entries, english);
    const englishGaps = withDeclined(outOfScope, declined);
    const englishPipeline = spelledPipeline(englishText, vocabularyOf(englishEntries, englishGaps, domain, known), spelling.en);
    const index = new FaqIndex(englishEntries, englishGaps, undefined, englishPipeline);
    return { index, answerer: new FaqAnswerer(index, thresholds, englishDomain, english) };
  };
  const buildSpanish = (more: AddedAlternate[], declined: DeclinedQuestion[]) => {
    if (!spanish) return undefined;
    const spanishEntries = withAdded(spanish.entries, more);
    const spanishGaps = withDeclined(spanish.outOfScope, declined);
    const spanishPipeline = spelledPipeline(spanishText, vocabularyOf(spanishEntries, spanishGaps, spanish.domain, spanishDomain?.known ?? []), spelling.es);
    const esIndex = new FaqIndex(spanishEntries, spanishGaps, undefined, spanishPipeline);
    return { index: esIndex, answerer: new FaqAnswerer(esIndex, spanishThresholds, spanishDomain, more) };
  };
  // A language whose added and declined phrasings did not change keeps the index it has: an editor's
  // English phrasing rebuilds the English index only (each build holds the event loop for a second or
  // more, and an instance's other requests wait behind it).
  const englishBuilt = lastBuilt(buildEnglish);
  const spanishBuilt = lastBuilt(buildSpanish);
  const build = (added: AddedAlternate[], declined: DeclinedQuestion[] = []) => {
    const english = englishBuilt(added.filter((a) => inEnglish(a.lang)), declined.filter((d) => inEnglish(d.lang)));
    const es = spanishBuilt(added.filter((a) => a.lang === 'es'), declined.filter((d) => d.lang === 'es'));
    return { ...english, ...(es ? { es } : {}) };
  };
  return { ...build([]), policy, catalogue, cannedReplies, rebuild: build };
}

async function loadSpanish(dir: string): Promise<{ entries: FaqEntry[]; outOfScope: OutOfScopeTopic[]; domain: Domain | undefined } | undefined> {
  const hasSpanish = (await readdir(path.join(dir, 'faq')).catch(() => [] as string[])).some((name) => name.endsWith('.es.md'));
  if (!hasSpanish) return undefined;
  const [entries, outOfScope, domain] = await Promise.all([loadFaq(dir, 'es'), loadOutOfScope(dir, 'es'), loadDomain(dir, 'es')]);
  return { entries, outOfScope, domain };
}
