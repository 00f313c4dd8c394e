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
  const index = new FaqIndex(entries, outOfScope);
  return { index, answerer: new FaqAnswerer(index, thresholds, domain), policy, catalogue, cannedReplies };
}
