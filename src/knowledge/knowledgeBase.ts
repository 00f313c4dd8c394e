import { loadCannedReplies, type CannedReply } from './cannedReplies.js';
import { FaqAnswerer, type FaqThresholds } from './faqAnswerer.js';
import { FaqIndex } from './faqIndex.js';
import { loadFaq } from './loadFaq.js';
import { loadDomain, loadOutOfScope } from './outOfScope.js';
import { loadCatalogue, loadPolicy } from './policyData.js';
import type { Catalogue, Policy } from '../rules/index.js';

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
  return { ...build([]), policy, catalogue, cannedReplies, rebuild: build };
}
