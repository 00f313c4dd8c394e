import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { parseConfig } from '../config.js';
import { readTaught } from '../handoff/staff/knowledgeEditor.js';
import { parse as parseYaml } from 'yaml';
import { evaluate, headline, type LabelledSet } from '../knowledge/evaluate.js';
import { loadKnowledgeBase, type AddedAlternate, type DeclinedQuestion, type KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { runKbCheck } from '../knowledge/knowledgeCheck.js';
import { writeTaught } from '../knowledge/taughtFiles.js';
import { openStateStore } from '../storage/stateStore.js';

/**
 * `npm run kb:taught [-- --write] [-- --from added.json]`: what editors taught the bot in the staff
 * console (alternate phrasings, questions marked out of scope that the bot now declines), read
 * from the bot's store (REDIS_URL and the other storage settings, as `npm start` reads them), and
 * written into the knowledge files so the change becomes a commit. Without `--write` it lists what
 * the files do not have yet. With `--write` it writes them, prints the retrieval figures on the
 * frozen labelled sets before and after (where the checkout has them, test/fixtures/), then runs
 * kb:check, whose exit code it returns. `--from` reads the JSON `GET /staff/api/knowledge/entries`
 * answers instead of the store.
 */
const { values } = parseArgs({ options: { write: { type: 'boolean', default: false }, from: { type: 'string' }, dir: { type: 'string' } } });

const lang = z.enum(['en', 'es']).optional();
const exported = z.object({
  added: z.array(z.object({ entryId: z.string().min(1), text: z.string().min(1), lang })),
  declined: z.array(z.object({ topicId: z.string().min(1), text: z.string().min(1), lang })).optional(),
});

async function taught(): Promise<{ alternates: AddedAlternate[]; declined: DeclinedQuestion[]; from: string }> {
  if (values.from) {
    const parsed = exported.safeParse(JSON.parse(await readFile(values.from, 'utf8')));
    if (!parsed.success) throw new Error(`kb:taught: ${values.from} is not what GET /staff/api/knowledge/entries answers: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { alternates: parsed.data.added, declined: parsed.data.declined ?? [], from: values.from };
  }
  const config = parseConfig(process.env);
  const store = await openStateStore(config, pino({ level: 'warn' }));
  try {
    if (store.kind !== 'redis') {
      console.log('kb:taught: no shared store configured (REDIS_URL unset): the memory store lives only inside a running bot, which in development writes taught phrasings into the files itself (KNOWLEDGE_WRITE_FILES).');
    }
    return { ...(await readTaught(store.storage)), from: store.kind === 'redis' ? 'the Redis store' : 'the memory store' };
  } finally {
    await store.close();
  }
}

/** The frozen parts of the labelled sets (scripts/labelledSets.ts has them all): never tuned on, so a fair before and after. */
const FROZEN = [
  { name: 'frozen test', file: 'test/fixtures/eval-test.yaml' },
  { name: 'second frozen test', file: 'test/fixtures/eval2-test.yaml' },
];
const labelledSet = z.object({ inDomain: z.array(z.object({ q: z.string(), expect: z.string() }).passthrough()), outOfDomain: z.array(z.unknown()) }).passthrough();

/** The headline figures of the knowledge as it is on each frozen set this checkout has. */
async function figures(knowledge: KnowledgeBase): Promise<Map<string, ReturnType<typeof headline>>> {
  const out = new Map<string, ReturnType<typeof headline>>();
  for (const { name, file } of FROZEN) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    out.set(name, headline(evaluate(knowledge.answerer, labelledSet.parse(parseYaml(text)) as unknown as LabelledSet)));
  }
  return out;
}

const pct = (n: number) => `${(100 * n).toFixed(1)}%`;

async function main(): Promise<number> {
  const dir = values.dir ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
  const { alternates, declined, from } = await taught();
  // The retrieval figures before the change, to show beside those after it.
  const before = values.write ? await figures(await loadKnowledgeBase(dir)) : undefined;
  const result = await writeTaught(dir, { alternates, declined }, { dryRun: !values.write });
  console.log(`kb:taught: ${counted(alternates.length, 'alternate phrasing')} and ${counted(declined.length, 'declined question')} in ${from}`);
  for (const { file, added } of result.written) for (const text of added) console.log(`  ${values.write ? 'wrote' : 'to write'} ${file}: "${text}"`);
  for (const { text, reason } of result.skipped) console.log(`  skipped "${text}": ${reason}`);
  const count = result.written.reduce((n, w) => n + w.added.length, 0);
  if (!values.write) {
    console.log(`kb:taught: ${count} phrasings the files do not have yet${count ? '; run `npm run kb:taught -- --write` to write them' : ''}`);
    return 0;
  }
  const after = await figures(await loadKnowledgeBase(dir));
  for (const [name, was] of before ?? []) {
    const now = after.get(name)!;
    console.log(`kb:taught: ${name}: top-1 ${pct(was.top1)} -> ${pct(now.top1)}, out-of-domain declined ${pct(was.declined)} -> ${pct(now.declined)}, confident-wrong ${pct(was.confidentWrong)} -> ${pct(now.confidentWrong)}`);
  }
  console.log(`kb:taught: wrote ${count} phrasings into ${result.written.length} files; kb:check:`);
  return runKbCheck(dir, (line) => console.log(line));
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);

/** "1 alternate phrasing", "2 alternate phrasings", "0 declined questions". */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
