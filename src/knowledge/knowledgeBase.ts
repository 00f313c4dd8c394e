import { loadCannedReplies, type CannedReply } from './cannedReplies.js';
import { FaqAnswerer, type FaqThresholds } from './faqAnswerer.js';
import { FaqIndex } from './faqIndex.js';
import { loadFaq } from './loadFaq.js';
import { loadDomain, loadOutOfScope } from './outOfScope.js';
import { loadCatalogue, loadPolicy } from './policyData.js';
import type { Catalogue, Policy } from '../rules/index.js';
import { spanishText } from './spanishText.js';
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
  rebuild(added: AddedAlternate[]): Pick<KnowledgeBase, 'index' | 'answerer'>;
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

/** A phrasing an editor attached to an FAQ entry from the console. */
export interface AddedAlternate {
  entryId: string;
  text: string;
}

/** Loads and validates everything under knowledge/, and builds the index. */
export async function loadKnowledgeBase(dir: string, thresholds?: FaqThresholds): Promise<KnowledgeBase> {
  const [entries, outOfScope, domain, policy, catalogue, cannedReplies] = await Promise.all([
    loadFaq(dir),
    loadOutOfScope(dir),
    loadDomain(dir),
    loadPolicy(dir),
    loadCatalogue(dir),
    loadCannedReplies(dir),
  ]);
  const build = (added: AddedAlternate[]) => {
    const withAdded = entries.map((entry) => {
      const more = added.filter((a) => a.entryId === entry.id).map((a) => a.text);
      return more.length ? { ...entry, alternates: [...entry.alternates, ...more] } : entry;
    });
    const index = new FaqIndex(withAdded, outOfScope);
    return { index, answerer: new FaqAnswerer(index, thresholds, domain, added) };
  };
  const es = await loadSpanish(dir, thresholds);
  return { ...build([]), policy, catalogue, cannedReplies, rebuild: build, ...(es ? { es } : {}) };
}

async function loadSpanish(dir: string, thresholds?: FaqThresholds): Promise<Pick<KnowledgeBase, 'index' | 'answerer'> | undefined> {
  const hasSpanish = (await readdir(path.join(dir, 'faq')).catch(() => [] as string[])).some((name) => name.endsWith('.es.md'));
  if (!hasSpanish) return undefined;
  const [entries, outOfScope, domain] = await Promise.all([loadFaq(dir, 'es'), loadOutOfScope(dir, 'es'), loadDomain(dir, 'es')]);
  const index = new FaqIndex(entries, outOfScope, undefined, spanishText);
  return { index, answerer: new FaqAnswerer(index, thresholds, domain) };
}
