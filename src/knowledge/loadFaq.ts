import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { faqFrontMatterSchema, paragraphsOf, type FaqEntry } from './faqEntry.js';

export class KnowledgeError extends Error {
  constructor(message: string) {
    super(`knowledge: ${message}`);
    this.name = 'KnowledgeError';
  }
}

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function parseFaqFile(file: string, text: string): FaqEntry {
  const match = frontMatter.exec(text);
  if (!match) throw new KnowledgeError(`${file}: must start with a '---' front matter block`);
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new KnowledgeError(`${file}: front matter is not valid YAML: ${(error as Error).message}`);
  }
  const result = faqFrontMatterSchema.safeParse(data);
  if (!result.success) {
    const reasons = result.error.issues.map((issue) => `${issue.path.join('.') || '(front matter)'}: ${issue.message}`);
    throw new KnowledgeError(`${file}: ${reasons.join('; ')}`);
  }
  const answer = (match[2] ?? '').trim();
  if (answer.length < 20) throw new KnowledgeError(`${file}: answer: the body after the front matter is missing or too short`);
  const paragraphCount = paragraphsOf(answer).length;
  for (const facet of result.data.facets ?? []) {
    const outside = (facet.paragraphs ?? []).find((n) => n > paragraphCount);
    if (outside !== undefined) throw new KnowledgeError(`${file}: facets.${facet.id}.paragraphs: ${outside} is past the answer's last paragraph (${paragraphCount})`);
  }
  // A Spanish twin is "<id>.es.md" beside "<id>.md", and says `lang: es`.
  const expected = path.basename(file, '.md').replace(/\.es$/, '');
  const fileLanguage = file.endsWith('.es.md') ? 'es' : 'en';
  if (result.data.lang !== fileLanguage) {
    throw new KnowledgeError(`${file}: lang: "${result.data.lang}" must be "${fileLanguage}" (a Spanish entry's file name ends in .es.md)`);
  }
  if (result.data.id !== expected) {
    throw new KnowledgeError(`${file}: id: "${result.data.id}" must match the file name "${expected}"`);
  }
  return { ...result.data, answer, file };
}

/** Cross-entry checks that a single file cannot make on its own. */
export function checkCollection(entries: FaqEntry[]): void {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new KnowledgeError(`${entry.file}: id: duplicate id "${entry.id}"`);
    ids.add(entry.id);
    // One phrasing belongs to one of the entry's questions: listed twice, kb:check could not tell where it routes.
    const phrasings = new Set<string>();
    for (const alternate of [...entry.alternates, ...(entry.facets ?? []).flatMap((facet) => facet.alternates)]) {
      const key = alternate.trim().toLowerCase();
      if (phrasings.has(key)) throw new KnowledgeError(`${entry.file}: alternates: "${alternate}" is listed twice (in the entry or its facets)`);
      phrasings.add(key);
    }
  }
  for (const entry of entries) {
    for (const related of entry.related) {
      if (!ids.has(related)) throw new KnowledgeError(`${entry.file}: related: unknown entry "${related}"`);
      if (related === entry.id) throw new KnowledgeError(`${entry.file}: related: an entry cannot follow up itself`);
    }
  }
  if (entries.length === 0) throw new KnowledgeError('no FAQ entries found');
}

/** The entries in one language: English `<id>.md` (the default), or the Spanish twins `<id>.es.md`. */
export async function loadFaq(knowledgeDir: string, language: 'en' | 'es' = 'en'): Promise<FaqEntry[]> {
  const dir = path.join(knowledgeDir, 'faq');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md') && name.endsWith('.es.md') === (language === 'es')).sort();
  } catch (error) {
    throw new KnowledgeError(`cannot read ${dir}: ${(error as Error).message}`);
  }
  const entries = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return parseFaqFile(file, await readFile(file, 'utf8'));
    }),
  );
  checkCollection(entries);
  return entries;
}
