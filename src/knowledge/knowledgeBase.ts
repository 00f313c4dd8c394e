import { FaqAnswerer, type FaqThresholds } from './faqAnswerer.js';
import { FaqIndex } from './faqIndex.js';
import { loadFaq } from './loadFaq.js';
import { loadOutOfScope } from './outOfScope.js';

export interface KnowledgeBase {
  index: FaqIndex;
  answerer: FaqAnswerer;
}

/** Loads and validates everything under knowledge/ that the FAQ path needs, and builds the index. */
export async function loadKnowledgeBase(dir: string, thresholds?: FaqThresholds): Promise<KnowledgeBase> {
  const [entries, outOfScope] = await Promise.all([loadFaq(dir), loadOutOfScope(dir)]);
  const index = new FaqIndex(entries, outOfScope);
  return { index, answerer: new FaqAnswerer(index, thresholds) };
}
