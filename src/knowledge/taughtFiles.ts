import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isSeq, parseDocument, Scalar, type Document } from 'yaml';
import { checkKnowledgeFiles } from './knowledgeCheck.js';
import { KnowledgeError, parseFaqFile } from './loadFaq.js';
import type { AddedAlternate, DeclinedQuestion } from './knowledgeBase.js';

/**
 * What editors taught the bot from the staff console, written into the knowledge files: each
 * alternate phrasing into its entry's `alternates` (`knowledge/faq/<id>.md`, or the Spanish twin
 * `<id>.es.md`), each question marked out of scope into its known gap's `phrasings`
 * (`out-of-scope.yaml` / `out-of-scope.es.yaml`). The YAML is edited as a document, so comments,
 * quoting and layout stay as the editor left them; a phrasing a file already lists is skipped.
 * Then the whole knowledge folder is checked as `kb:check` checks it (every file valid, the Spanish
 * twins agree); a problem puts every file back as it was and is thrown with the reason. An editor's
 * change undone in the console is taken back out of the files the same way (`removeTaught`).
 */
export interface TaughtWrite {
  /** Files changed (relative to the knowledge folder), with the phrasings each got. */
  written: Array<{ file: string; added: string[] }>;
  /** Phrasings a file already had, or whose entry or topic no file has. */
  skipped: Array<{ text: string; reason: string }>;
}

const FRONT_MATTER = /^(---\r?\n)([\s\S]*?\r?\n)(---\r?\n?[\s\S]*)$/;
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;
const key = (text: string) => text.trim().toLowerCase();
const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Adds `texts` to the sequence at `at` in the document (double-quoted, as the files write them); returns those added. */
function addToSequence(doc: Document, at: string, texts: string[], known: Set<string>): string[] {
  let seq = doc.get(at, true);
  if (!isSeq(seq)) {
    seq = doc.createNode([]);
    doc.set(at, seq);
  }
  const added: string[] = [];
  for (const text of texts) {
    if (known.has(key(text))) continue;
    known.add(key(text));
    const node = new Scalar(text);
    node.type = Scalar.QUOTE_DOUBLE;
    (seq as { add(item: unknown): void }).add(node);
    added.push(text);
  }
  return added;
}

/** An FAQ file with more alternates: the new text, or undefined when it already lists them all. */
export function withAlternates(file: string, source: string, texts: string[]): { text: string; added: string[] } | undefined {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new KnowledgeError(`${file}: must start with a '---' front matter block`);
  const entry = parseFaqFile(file, source);
  const known = new Set([entry.question, ...entry.alternates, ...(entry.facets ?? []).flatMap((facet) => facet.alternates)].map(key));
  const doc = parseDocument(match[2]!);
  const added = addToSequence(doc, 'alternates', texts, known);
  if (!added.length) return undefined;
  const text = `${match[1]}${doc.toString(STRINGIFY)}${match[3]}`;
  // The edited file must still be an entry, with the new phrasings in it.
  const after = parseFaqFile(file, text);
  if (!added.every((a) => after.alternates.includes(a))) throw new KnowledgeError(`${file}: the new alternates did not read back`);
  return { text, added };
}

/** The known gaps file with more phrasings for `topicId`; undefined when it has them all; an error when there is no such topic. */
export function withPhrasings(file: string, source: string, topicId: string, texts: string[]): { text: string; added: string[] } | undefined {
  const doc = parseDocument(source);
  const topics = doc.get('topics', true);
  const topic = isSeq(topics) ? topics.items.find((item) => (item as Document['contents'] & { get?(k: string): unknown })?.get?.('id') === topicId) : undefined;
  if (!topic) throw new KnowledgeError(`${file}: topics: no known gap "${topicId}"`);
  const phrasings = (topic as { get(k: string, keep: true): unknown }).get('phrasings', true);
  if (!isSeq(phrasings)) throw new KnowledgeError(`${file}: topics: "${topicId}" has no phrasings list`);
  const known = new Set(phrasings.items.map((item) => key(String((item as Scalar).value ?? ''))));
  const added: string[] = [];
  for (const text of texts) {
    if (known.has(key(text))) continue;
    known.add(key(text));
    phrasings.add(doc.createNode(text));
    added.push(text);
  }
  return added.length ? { text: doc.toString(STRINGIFY), added } : undefined;
}

/** Removes from a sequence the items that are one of `texts` (compared as phrasings are); returns those removed. */
function removeFromSequence(seq: { items: unknown[] }, texts: string[]): string[] {
  const wanted = new Map(texts.map((text) => [key(text), text] as const));
  const removed: string[] = [];
  seq.items = seq.items.filter((item) => {
    const value = String((item as Scalar).value ?? item ?? '');
    const text = wanted.get(key(value));
    if (text === undefined) return true;
    wanted.delete(key(value));
    removed.push(text);
    return false;
  });
  return removed;
}

/** An FAQ file without some of its alternates (an editor's change undone): the new text, or undefined when it lists none of them. */
export function withoutAlternates(file: string, source: string, texts: string[]): { text: string; removed: string[] } | undefined {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new KnowledgeError(`${file}: must start with a '---' front matter block`);
  const doc = parseDocument(match[2]!);
  const seq = doc.get('alternates', true);
  if (!isSeq(seq)) return undefined;
  const removed = removeFromSequence(seq, texts);
  if (!removed.length) return undefined;
  const text = `${match[1]}${doc.toString(STRINGIFY)}${match[3]}`;
  // The edited file must still be an entry, without the phrasings.
  const after = parseFaqFile(file, text);
  if (removed.some((r) => after.alternates.some((a) => key(a) === key(r)))) throw new KnowledgeError(`${file}: the alternates were not removed`);
  return { text, removed };
}

/** The known gaps file without some phrasings of `topicId`: undefined when it lists none of them (or has no such topic). */
export function withoutPhrasings(source: string, topicId: string, texts: string[]): { text: string; removed: string[] } | undefined {
  const doc = parseDocument(source);
  const topics = doc.get('topics', true);
  const topic = isSeq(topics) ? topics.items.find((item) => (item as Document['contents'] & { get?(k: string): unknown })?.get?.('id') === topicId) : undefined;
  const phrasings = topic ? (topic as { get(k: string, keep: true): unknown }).get('phrasings', true) : undefined;
  if (!isSeq(phrasings)) return undefined;
  const removed = removeFromSequence(phrasings, texts);
  return removed.length ? { text: doc.toString(STRINGIFY), removed } : undefined;
}

/**
 * Writes the taught phrasings into the files under `dir`, then checks the folder as kb:check does;
 * on a problem every file is put back and the problem thrown (a KnowledgeError naming the file).
 * `dryRun`: what would be written, nothing written.
 */
export async function writeTaught(dir: string, taught: { alternates?: AddedAlternate[]; declined?: DeclinedQuestion[] }, options: { dryRun?: boolean } = {}): Promise<TaughtWrite> {
  const changes = new Map<string, { before: string; after: string; added: string[] }>();
  const skipped: TaughtWrite['skipped'] = [];
  const group = <T>(items: T[], by: (item: T) => string) => {
    const out = new Map<string, T[]>();
    for (const item of items) out.set(by(item), [...(out.get(by(item)) ?? []), item]);
    return out;
  };
  const read = async (file: string) => changes.get(file)?.after ?? (await readFile(path.join(dir, file), 'utf8'));
  const note = (file: string, before: string, result: { text: string; added: string[] } | undefined) => {
    if (!result) return;
    const earlier = changes.get(file);
    changes.set(file, { before: earlier?.before ?? before, after: result.text, added: [...(earlier?.added ?? []), ...result.added] });
  };

  // An entry id names a file: only an id as the files write them (no path of its own).
  const named = (taught.alternates ?? []).filter((a) => {
    if (ENTRY_ID.test(a.entryId)) return true;
    skipped.push({ text: a.text, reason: `"${a.entryId}" is no entry id` });
    return false;
  });
  for (const [file, items] of group(named, (a) => path.join('faq', `${a.entryId}${a.lang === 'es' ? '.es' : ''}.md`))) {
    let source: string;
    try {
      source = await read(file);
    } catch {
      for (const item of items) skipped.push({ text: item.text, reason: `no file ${file} (no entry "${item.entryId}")` });
      continue;
    }
    const result = withAlternates(path.join(dir, file), source, items.map((item) => item.text));
    for (const item of items) if (!result?.added.includes(item.text)) skipped.push({ text: item.text, reason: `${file} already lists it` });
    note(file, source, result);
  }
  for (const [at, items] of group(taught.declined ?? [], (d) => `${d.lang === 'es' ? 'out-of-scope.es.yaml' : 'out-of-scope.yaml'}\u0000${d.topicId}`)) {
    const [file, topicId] = at.split('\u0000') as [string, string];
    const source = await read(file);
    const result = withPhrasings(path.join(dir, file), source, topicId, items.map((item) => item.text));
    for (const item of items) if (!result?.added.includes(item.text)) skipped.push({ text: item.text, reason: `${file} (${topicId}) already lists it` });
    note(file, source, result);
  }

  if (!options.dryRun) await commitChanges(dir, changes);
  return { written: [...changes].map(([file, change]) => ({ file, added: change.added })), skipped };
}

/**
 * Each file replaced whole (a rename), then the folder checked as kb:check checks it; any problem
 * puts every file back as it was and is thrown (a KnowledgeError with kb:check's reason).
 */
async function commitChanges(dir: string, changes: ReadonlyMap<string, { before: string; after: string }>): Promise<void> {
  const replace = async (file: string, text: string) => {
    const full = path.join(dir, file);
    await writeFile(`${full}.taught-tmp`, text, 'utf8');
    await rename(`${full}.taught-tmp`, full);
  };
  const done: string[] = [];
  try {
    for (const [file, change] of changes) {
      await replace(file, change.after);
      done.push(file);
    }
    if (changes.size) {
      const problems = await checkKnowledgeFiles(dir);
      if (problems.length) throw new KnowledgeError(`kb:check refused the change: ${problems.join('; ')}`);
    }
  } catch (error) {
    for (const file of done) await replace(file, changes.get(file)!.before);
    throw error instanceof KnowledgeError ? error : new KnowledgeError(`cannot write the taught phrasings: ${(error as Error).message}`);
  }
}

/** What undoing taught phrasings did to the files: the files changed, with the phrasings each lost. */
export interface TaughtRemoval {
  removed: Array<{ file: string; removed: string[] }>;
}

/**
 * Takes taught phrasings back out of the files under `dir` (an editor undid the change): an
 * alternate from its entry's `alternates`, a declined question from its known gap's `phrasings`;
 * a file that does not list one is left alone. Then the folder is checked as kb:check checks it,
 * and a problem puts every file back and is thrown, as for writing.
 */
export async function removeTaught(dir: string, taught: { alternates?: AddedAlternate[]; declined?: DeclinedQuestion[] }): Promise<TaughtRemoval> {
  const changes = new Map<string, { before: string; after: string; removed: string[] }>();
  const edit = async (file: string, change: (source: string) => { text: string; removed: string[] } | undefined) => {
    const earlier = changes.get(file);
    const source = earlier?.after ?? (await readFile(path.join(dir, file), 'utf8').catch(() => undefined));
    if (source === undefined) return;
    const result = change(source);
    if (result) changes.set(file, { before: earlier?.before ?? source, after: result.text, removed: [...(earlier?.removed ?? []), ...result.removed] });
  };
  for (const a of taught.alternates ?? []) {
    if (!ENTRY_ID.test(a.entryId)) continue;
    const file = path.join('faq', `${a.entryId}${a.lang === 'es' ? '.es' : ''}.md`);
    await edit(file, (source) => withoutAlternates(path.join(dir, file), source, [a.text]));
  }
  for (const d of taught.declined ?? []) {
    await edit(d.lang === 'es' ? 'out-of-scope.es.yaml' : 'out-of-scope.yaml', (source) => withoutPhrasings(source, d.topicId, [d.text]));
  }
  await commitChanges(dir, changes);
  return { removed: [...changes].map(([file, change]) => ({ file, removed: change.removed })) };
}
