import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { LabelledSet } from '../src/knowledge/evaluate.js';
import type { FaqAnswerer } from '../src/knowledge/faqAnswerer.js';
import type { KnowledgeBase } from '../src/knowledge/knowledgeBase.js';
import { chooseLanguage } from '../src/language/detect.js';

/**
 * The labelled sets quality is reported on; the CI gate is on the frozen test parts. `lang` is the
 * knowledge base a set is asked of (the English one, or the Spanish twins).
 */
export const SETS = [
  { name: 'frozen test', lang: 'en', file: 'test/fixtures/eval-test.yaml', note: 'independent set, frozen part: never tuned on' },
  { name: 'dev', lang: 'en', file: 'test/fixtures/eval-dev.yaml', note: 'independent set, dev part: tuning looks here' },
  { name: 'old set', lang: 'en', file: 'test/fixtures/retrieval-set.yaml', note: 'the first set; its thresholds were tuned on it' },
  { name: 'second frozen test', lang: 'en', file: 'test/fixtures/eval2-test.yaml', note: 'second independent set, frozen part: never tuned on' },
  { name: 'second dev', lang: 'en', file: 'test/fixtures/eval2-dev.yaml', note: 'second independent set, dev part: tuning looks here' },
  { name: 'Spanish frozen test', lang: 'es', file: 'test/fixtures/eval-es2-test.yaml', note: 'independent Spanish set, frozen part: never tuned on' },
  { name: 'Spanish dev', lang: 'es', file: 'test/fixtures/eval-es2-dev.yaml', note: 'independent Spanish set, dev part: tuning looks here' },
  { name: 'Spanish dev 3', lang: 'es', file: 'test/fixtures/eval-es3-dev.yaml', note: 'Spanish questions written by a later tuning session: tuned on' },
  { name: 'third frozen test', lang: 'en', file: 'test/fixtures/eval3-test.yaml', note: 'third independent set, frozen part: never tuned on' },
  { name: 'third dev', lang: 'en', file: 'test/fixtures/eval3-dev.yaml', note: 'third independent set, dev part: tuning looks here' },
  { name: 'Spanish frozen test 4', lang: 'es', file: 'test/fixtures/eval-es4-test.yaml', note: 'fourth Spanish set (independent), frozen part: never tuned on' },
  { name: 'Spanish dev 4', lang: 'es', file: 'test/fixtures/eval-es4-dev.yaml', note: 'fourth Spanish set (independent), dev part: tuning looks here' },
  { name: 'Spanish frozen test 5', lang: 'es', file: 'test/fixtures/eval-es5-test.yaml', note: 'fifth Spanish set (independent), frozen part: never tuned on' },
  { name: 'Spanish dev 5', lang: 'es', file: 'test/fixtures/eval-es5-dev.yaml', note: 'fifth Spanish set (independent), dev part: tuning looks here' },
  { name: 'Spanish frozen test 6', lang: 'es', file: 'test/fixtures/eval-es6-test.yaml', note: 'sixth Spanish set (independent), frozen part: never tuned on' },
  { name: 'Spanish dev 6', lang: 'es', file: 'test/fixtures/eval-es6-dev.yaml', note: 'sixth Spanish set (independent), dev part: tuning looks here' },
  { name: 'fourth frozen test', lang: 'en', file: 'test/fixtures/eval4-test.yaml', note: 'fourth independent set, frozen part: never tuned on' },
  { name: 'fourth dev', lang: 'en', file: 'test/fixtures/eval4-dev.yaml', note: 'fourth independent set, dev part: tuning looks here' },
  { name: 'fifth frozen test', lang: 'en', file: 'test/fixtures/eval5-test.yaml', note: 'fifth independent set, frozen part: never tuned on' },
  { name: 'fifth dev', lang: 'en', file: 'test/fixtures/eval5-dev.yaml', note: 'fifth independent set, dev part: tuning looks here' },
  { name: 'sixth frozen test', lang: 'en', file: 'test/fixtures/eval6-test.yaml', note: 'sixth independent set, frozen part: never tuned on' },
  { name: 'sixth dev', lang: 'en', file: 'test/fixtures/eval6-dev.yaml', note: 'sixth independent set, dev part: tuning looks here' },
  { name: 'Spanish frozen test 7', lang: 'es', file: 'test/fixtures/eval-es7-test.yaml', note: 'seventh Spanish set (independent), frozen part: never tuned on' },
  { name: 'Spanish dev 7', lang: 'es', file: 'test/fixtures/eval-es7-dev.yaml', note: 'seventh Spanish set (independent), dev part: tuning looks here' },
  { name: 'eighth frozen test', lang: 'en', file: 'test/fixtures/eval8-test.yaml', note: 'eighth independent set, frozen part: never tuned on' },
  { name: 'eighth dev', lang: 'en', file: 'test/fixtures/eval8-dev.yaml', note: 'eighth independent set, dev part: tuning looks here' },
  { name: 'Spanish frozen test 8', lang: 'es', file: 'test/fixtures/eval-es8-test.yaml', note: 'eighth Spanish set (independent), frozen part: never tuned on' },
  { name: 'Spanish dev 8', lang: 'es', file: 'test/fixtures/eval-es8-dev.yaml', note: 'eighth Spanish set (independent), dev part: tuning looks here' },
  { name: 'ninth frozen test', lang: 'en', file: 'test/fixtures/eval9-test.yaml', note: 'ninth independent set, frozen part: never tuned on' },
  { name: 'ninth dev', lang: 'en', file: 'test/fixtures/eval9-dev.yaml', note: 'ninth independent set, dev part: tuning looks here' },
  { name: 'tenth frozen test', lang: 'en', file: 'test/fixtures/eval10-test.yaml', note: 'tenth independent set, frozen part: never tuned on' },
  { name: 'tenth dev', lang: 'en', file: 'test/fixtures/eval10-dev.yaml', note: 'tenth independent set, dev part: tuning looks here' },
  { name: 'eleventh frozen test', lang: 'en', file: 'test/fixtures/eval11-test.yaml', note: 'eleventh independent set, frozen part: never tuned on' },
  { name: 'eleventh dev', lang: 'en', file: 'test/fixtures/eval11-dev.yaml', note: 'eleventh independent set, dev part: tuning looks here' },
  { name: 'Spanish frozen test 9', lang: 'es', file: 'test/fixtures/eval-es9-test.yaml', note: 'ninth Spanish set (independent), frozen part: never tuned on' },
  { name: 'Spanish dev 9', lang: 'es', file: 'test/fixtures/eval-es9-dev.yaml', note: 'ninth Spanish set (independent), dev part: tuning looks here' },
  { name: 'Spanish frozen test 10', lang: 'es', file: 'test/fixtures/eval-es10-test.yaml', note: 'tenth Spanish set (independent), frozen part: never tuned on' },
  { name: 'Spanish dev 10', lang: 'es', file: 'test/fixtures/eval-es10-dev.yaml', note: 'tenth Spanish set (independent), dev part: tuning looks here' },
  { name: 'twelfth tuning set', lang: 'en', file: 'test/fixtures/tune12.yaml', note: 'twelfth English set (written blind), kept whole for tuning: tuned on, never a gate' },
  { name: 'Spanish tuning 11', lang: 'es', file: 'test/fixtures/tune-es11.yaml', note: 'eleventh Spanish set (written blind), kept whole for tuning: tuned on, never a gate' },
] as const;

export type SetName = (typeof SETS)[number]['name'];

/**
 * The answerer each question of a set is asked of, as the bot picks it for a conversation's first
 * message on a channel of the set's language: the message's own language when its words lean to one
 * (a Spanish question in the English set is answered from the Spanish entries, as the bot does),
 * else the set's.
 */
export function answererFor(knowledge: KnowledgeBase, lang: 'en' | 'es'): (question: string) => FaqAnswerer {
  const es = knowledge.es;
  if (!es) throw new Error('the labelled sets need the Spanish knowledge base (knowledge/faq/*.es.md)');
  return (question) => (chooseLanguage({ text: question, locale: lang }).language === 'es' ? es.answerer : knowledge.answerer);
}

const schema = z
  .object({
    inDomain: z.array(z.object({ q: z.string(), expect: z.string(), facet: z.string().optional(), second: z.string().optional() }).strict()).min(100),
    outOfDomain: z.array(z.union([z.string(), z.object({ q: z.string(), kind: z.string() }).strict()])).min(30),
  })
  .strict();

export function loadLabelledSet(file: string): LabelledSet {
  return schema.parse(parse(readFileSync(file, 'utf8')));
}
