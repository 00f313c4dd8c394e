import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { shortAnswer, type FaqEntry } from '../../src/knowledge/faqEntry.js';
import { checkCollection, KnowledgeError, loadFaq, parseFaqFile } from '../../src/knowledge/loadFaq.js';
import { loadOutOfScope } from '../../src/knowledge/outOfScope.js';

describe('the shipped knowledge', () => {
  let entries: FaqEntry[];
  const byId = (id: string): FaqEntry => {
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw new Error(`no entry ${id}`);
    return entry;
  };

  beforeAll(async () => {
    entries = await loadFaq('knowledge');
  });

  it('loads 22 entries, one for each question of the source FAQ', () => {
    expect(entries).toHaveLength(22);
  });

  it('gives every entry a unique id that matches its file name', () => {
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of entries) expect(path.basename(entry.file, '.md')).toBe(entry.id);
  });

  it('gives every entry at least 8 alternate phrasings, none repeated within the entry', () => {
    for (const entry of entries) {
      expect(entry.alternates.length, entry.id).toBeGreaterThanOrEqual(8);
      const normalised = entry.alternates.map((a) => a.toLowerCase().trim());
      expect(new Set(normalised).size, entry.id).toBe(normalised.length);
    }
  });

  it('links every related id to an entry that exists and is not the entry itself', () => {
    const ids = new Set(entries.map((entry) => entry.id));
    for (const entry of entries) {
      for (const related of entry.related) {
        expect(ids.has(related), `${entry.id} -> ${related}`).toBe(true);
        expect(related, entry.id).not.toBe(entry.id);
      }
    }
  });

  it("opens every answer with a short first paragraph (under 250 characters) that answers on its own", () => {
    for (const entry of entries) {
      const first = shortAnswer(entry);
      expect(first.length, entry.id).toBeGreaterThan(20);
      expect(first.length, `${entry.id}: ${first}`).toBeLessThan(250);
      expect(first, entry.id).not.toMatch(/\n/);
      expect(first, entry.id).toMatch(/[.!?)]$/);
    }
  });

  const facts: Array<[id: string, mustContain: string]> = [
    ['duplicate-certificate', '$7.50'],
    ['duplicate-certificate', 'per test series'],
    ['change-or-cancel', '877-346-9327'],
    ['change-or-cancel', 'three days'],
    ['ada-accommodations', '1-800-390-6789'],
    ['ada-accommodations', 'ADA Request Form'],
    ['registration-scheduling', '90 days'],
    ['missed-appointment', '90 days'],
    ['missed-appointment', 'No Show'],
    ['retest-after-failing', '30 full days'],
    ['certificate-delivery', 'three weeks'],
    ['recertification', 'five years'],
    ['master-technician-status', 'A1 through A8'],
    ['master-technician-status', 'T2 through T8'],
    ['bilingual-tests', 'Spanish'],
    ['bilingual-tests', 'G1'],
    ['testing-outside-usa', 'Canada'],
    ['test-results', 'within three days'],
    ['profile-correction', 'Profile Change Form'],
    ['address-change', 'ASE ID'],
    ['epa-609-program', 'wallet card'],
  ];

  it.each(facts)('the %s answer states "%s" as the source FAQ does', (id, fact) => {
    expect(byId(id).answer).toContain(fact);
  });

  it('quotes phone numbers only as the source FAQ gives them', () => {
    const known = new Set(['877-346-9327', '1-800-390-6789']);
    for (const entry of entries) {
      for (const phone of entry.answer.match(/\b(?:1-)?\d{3}-\d{3}-\d{4}\b/g) ?? []) {
        expect(known.has(phone), `${entry.id}: ${phone}`).toBe(true);
      }
    }
  });

  it('quotes only the one dollar amount the source FAQ states ($7.50), and only for duplicates', () => {
    for (const entry of entries) {
      const amounts = entry.answer.match(/\$\d+(?:\.\d{2})?/g) ?? [];
      if (entry.id === 'duplicate-certificate') expect(amounts.length).toBeGreaterThan(0);
      for (const amount of amounts) expect(amount, entry.id).toBe('$7.50');
      if (entry.id !== 'duplicate-certificate') expect(amounts, entry.id).toEqual([]);
    }
  });

  it('links to no web address other than ase.com in any answer', () => {
    for (const entry of entries) {
      for (const url of entry.answer.match(/https?:\/\/[^\s)\]>"']+/gi) ?? []) {
        expect(new URL(url).hostname, `${entry.id}: ${url}`).toMatch(/^(?:www\.)?ase\.com$/);
      }
      expect(entry.answer, entry.id).not.toMatch(/\bwww\.(?!ase\.com)/i);
    }
  });

  it('reads bare numeric tags such as 609 as text', () => {
    expect(byId('epa-609-program').tags).toContain('609');
    for (const entry of entries) for (const tag of entry.tags) expect(typeof tag, entry.id).toBe('string');
  });

  it('loads the out-of-scope topics, each with a reply that says plainly what the bot cannot do', async () => {
    const topics = await loadOutOfScope('knowledge');
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.map((topic) => topic.id)).toContain('passing-score');
    for (const topic of topics) expect(topic.reply, topic.id).toMatch(/don't have|can't|outside what I can answer/i);
  });
});

/** A valid FAQ file; `overrides` replace (or, when undefined, remove) front-matter fields. */
function faqText(id: string, overrides: Record<string, unknown> = {}, body?: string): string {
  const front: Record<string, unknown> = {
    id,
    lang: 'en',
    question: 'How do I do the thing?',
    button: 'Doing the thing',
    alternates: ['one way', 'two ways', 'three ways', 'four ways', 'five ways', 'six ways', 'seven ways', 'eight ways'],
    tags: ['thing'],
    related: [],
    source: { title: 'ASE Frequently Asked Questions', date: '2022-09-20' },
    ...overrides,
  };
  for (const key of Object.keys(front)) if (front[key] === undefined) delete front[key];
  return `---\n${stringify(front)}---\n${body ?? 'You do the thing in myASE; it takes a minute.\n\nMore detail here.'}\n`;
}

function parseError(file: string, text: string): KnowledgeError {
  try {
    parseFaqFile(file, text);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return error as KnowledgeError;
  }
  throw new Error(`expected ${file} to be refused`);
}

describe('parseFaqFile', () => {
  const file = 'knowledge/faq/the-thing.md';

  it('reads a well-formed file into an entry with its answer body and file', () => {
    const entry = parseFaqFile(file, faqText('the-thing', { tags: ['thing', 609] }));
    expect(entry.id).toBe('the-thing');
    expect(entry.file).toBe(file);
    expect(entry.related).toEqual([]);
    expect(entry.tags).toEqual(['thing', '609']);
    expect(shortAnswer(entry)).toBe('You do the thing in myASE; it takes a minute.');
  });

  it('accepts Windows line endings', () => {
    const entry = parseFaqFile(file, faqText('the-thing').replace(/\n/g, '\r\n'));
    expect(entry.id).toBe('the-thing');
  });

  const broken: Array<[problem: string, text: string, field: RegExp]> = [
    ['no front matter at all', 'How do I do the thing?\n\nYou do it in myASE, which takes a minute.', /front matter/],
    ['front matter that is not valid YAML', '---\nid: the-thing\nalternates: [one, two\nquestion: "unclosed\n---\nYou do the thing in myASE; it takes a minute.', /front matter is not valid YAML/],
    ['no question', faqText('the-thing', { question: undefined }), /question:/],
    ['no button title', faqText('the-thing', { button: undefined }), /button:/],
    ['a button title over 40 characters', faqText('the-thing', { button: 'How do I do the thing, and when, and where?' }), /button: must be at most 40 characters/],
    ['only 3 alternates', faqText('the-thing', { alternates: ['one way', 'two ways', 'three ways'] }), /alternates: needs at least 8/],
    ['an id that does not match the file name', faqText('another-thing'), /id: "another-thing" must match the file name "the-thing"/],
    ['an id that is not lower-case words joined by hyphens', faqText('The_Thing'), /id: must be lower-case words/],
    ['a language other than en or es', faqText('the-thing', { lang: 'fr' }), /lang:/],
    ['no tags', faqText('the-thing', { tags: [] }), /tags:/],
    ['a related id that is not an id', faqText('the-thing', { related: ['Not An Id'] }), /related\.0:/],
    ['a source date not written YYYY-MM-DD', faqText('the-thing', { source: { title: 'ASE FAQ', date: '9/20/2022' } }), /source\.date: must be YYYY-MM-DD/],
    ['a field the schema does not know', faqText('the-thing', { answer_short: 'x' }), /answer_short|Unrecognized key/],
    ['an empty answer body', faqText('the-thing', {}, ''), /answer: the body after the front matter is missing/],
  ];

  it.each(broken)('refuses a file with %s, naming the file and the field', (_problem, text, field) => {
    const error = parseError(file, text);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(field);
  });

  it('reports every schema problem of one file together', () => {
    const error = parseError(file, faqText('the-thing', { question: undefined, alternates: ['just one'], tags: [] }));
    expect(error.message).toMatch(/question:/);
    expect(error.message).toMatch(/alternates:/);
    expect(error.message).toMatch(/tags:/);
  });
});

describe('checkCollection', () => {
  const entry = (id: string, related: string[] = [], file = `knowledge/faq/${id}.md`): FaqEntry => ({
    ...parseFaqFile(`knowledge/faq/${id}.md`, faqText(id, { related })),
    file,
  });

  it('accepts entries whose related ids all exist', () => {
    expect(() => checkCollection([entry('alpha', ['beta']), entry('beta', ['alpha'])])).not.toThrow();
  });

  it('refuses two entries with the same id, naming the second file and the id', () => {
    const collection = [entry('alpha'), entry('alpha', [], 'knowledge/faq/copy/alpha.md')];
    expect(() => checkCollection(collection)).toThrow(KnowledgeError);
    expect(() => checkCollection(collection)).toThrow(/knowledge\/faq\/copy\/alpha\.md: id: duplicate id "alpha"/);
  });

  it('refuses a related id that resolves to no entry, naming the file and the dangling id', () => {
    expect(() => checkCollection([entry('alpha', ['beta']), entry('gamma')])).toThrow(
      /knowledge\/faq\/alpha\.md: related: unknown entry "beta"/,
    );
  });

  it('refuses an entry that lists itself as related', () => {
    expect(() => checkCollection([entry('alpha', ['alpha'])])).toThrow(/alpha\.md: related: an entry cannot follow up itself/);
  });

  it('refuses an empty collection', () => {
    expect(() => checkCollection([])).toThrow(/no FAQ entries/);
  });
});

describe('loadFaq and loadOutOfScope on a directory of our own', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'candidate-assistant-kb-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loadOutOfScope on a directory without out-of-scope.yaml returns no topics', async () => {
    await expect(loadOutOfScope(dir)).resolves.toEqual([]);
  });

  it('loadOutOfScope on a topic with too few phrasings names the file and the field', async () => {
    const file = path.join(dir, 'out-of-scope.yaml');
    await writeFile(file, stringify({ topics: [{ id: 'weather', phrasings: ['is it raining'], reply: "I can't tell you the weather." }] }));
    await expect(loadOutOfScope(dir)).rejects.toThrow(KnowledgeError);
    await expect(loadOutOfScope(dir)).rejects.toThrow(file);
    await expect(loadOutOfScope(dir)).rejects.toThrow(/topics\.0\.phrasings/);
  });

  it('loadOutOfScope on a file that is not YAML names the file', async () => {
    const file = path.join(dir, 'out-of-scope.yaml');
    await writeFile(file, 'topics:\n  - id: weather\n    phrasings: [unclosed\n');
    await expect(loadOutOfScope(dir)).rejects.toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid YAML`));
  });

  it('loadOutOfScope refuses two topics with the same id', async () => {
    const topic = { id: 'weather', phrasings: ['is it raining', 'weather today', 'forecast please'], reply: "I can't tell you the weather." };
    await writeFile(path.join(dir, 'out-of-scope.yaml'), stringify({ topics: [topic, topic] }));
    await expect(loadOutOfScope(dir)).rejects.toThrow(/duplicate id "weather"/);
  });

  it('loadFaq on a directory without faq/ says which directory it could not read', async () => {
    await expect(loadFaq(dir)).rejects.toThrow(/cannot read .*faq/);
  });

  it('loadFaq names the broken file among good ones', async () => {
    await mkdir(path.join(dir, 'faq'), { recursive: true });
    await writeFile(path.join(dir, 'faq', 'good-one.md'), faqText('good-one'));
    await writeFile(path.join(dir, 'faq', 'bad-one.md'), faqText('bad-one', { alternates: ['only', 'three', 'here'] }));
    await expect(loadFaq(dir)).rejects.toThrow(/bad-one\.md: alternates/);
  });
});
