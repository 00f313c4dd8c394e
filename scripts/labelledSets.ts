import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { LabelledSet } from '../src/knowledge/evaluate.js';

/** The labelled sets quality is reported on; the CI gate is on the frozen test part. */
export const SETS = [
  { name: 'frozen test', file: 'test/fixtures/eval-test.yaml', note: 'independent set, frozen part: never tuned on' },
  { name: 'dev', file: 'test/fixtures/eval-dev.yaml', note: 'independent set, dev part: tuning looks here' },
  { name: 'old set', file: 'test/fixtures/retrieval-set.yaml', note: 'the first set; its thresholds were tuned on it' },
  { name: 'second frozen test', file: 'test/fixtures/eval2-test.yaml', note: 'second independent set, frozen part: never tuned on' },
  { name: 'second dev', file: 'test/fixtures/eval2-dev.yaml', note: 'second independent set, dev part: tuning looks here' },
] as const;

export type SetName = (typeof SETS)[number]['name'];

const schema = z
  .object({
    inDomain: z.array(z.object({ q: z.string(), expect: z.string(), facet: z.string().optional(), second: z.string().optional() }).strict()).min(100),
    outOfDomain: z.array(z.union([z.string(), z.object({ q: z.string(), kind: z.string() }).strict()])).min(30),
  })
  .strict();

export function loadLabelledSet(file: string): LabelledSet {
  return schema.parse(parse(readFileSync(file, 'utf8')));
}
