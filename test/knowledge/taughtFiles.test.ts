import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkKnowledgeFiles } from '../../src/knowledge/knowledgeCheck.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { KnowledgeError } from '../../src/knowledge/loadFaq.js';
import { writeTaught } from '../../src/knowledge/taughtFiles.js';

/** The lines of `after` that `before` does not have (the files change only by the lines added). */
const addedLines = (before: string, after: string) => {
  const old = before.split('\n');
  return after.split('\n').filter((line, i, lines) => lines.length - old.length > 0 && !old.includes(line));
};

describe('taught phrasings written into the knowledge files (a copy of the shipped folder)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'candidate-assistant-taught-'));
    await cp('knowledge', dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // kb:check builds both languages' indexes and checks every alternate: over 20 s on a loaded machine.
  it("adds an alternate to its entry's file as one more line, keeps the rest of the file as it was, and the folder passes kb:check", { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'faq', 'test-results.md');
    const before = await readFile(file, 'utf8');
    const result = await writeTaught(dir, { alternates: [{ entryId: 'test-results', text: 'where do i see how i did on my ase test' }] });
    expect(result).toEqual({ written: [{ file: path.join('faq', 'test-results.md'), added: ['where do i see how i did on my ase test'] }], skipped: [] });
    const after = await readFile(file, 'utf8');
    expect(addedLines(before, after)).toEqual(['  - "where do i see how i did on my ase test"']);
    expect(after.split('\n')).toHaveLength(before.split('\n').length + 1);
    expect(await checkKnowledgeFiles(dir)).toEqual([]);
    const reloaded = await loadKnowledgeBase(dir);
    expect(reloaded.index.get('test-results')!.alternates).toContain('where do i see how i did on my ase test');
  });

  it('puts a Spanish phrasing in the Spanish twin, and a declined question among its known gap\'s phrasings', async () => {
    await writeTaught(dir, {
      alternates: [{ entryId: 'test-results', text: 'donde veo como me fue en el examen', lang: 'es' }],
      declined: [{ topicId: 'off-topic', text: 'can i bring my dog to the test center' }],
    });
    expect(await readFile(path.join(dir, 'faq', 'test-results.es.md'), 'utf8')).toContain('  - "donde veo como me fue en el examen"');
    expect(await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8')).not.toContain('donde veo');
    const reloaded = await loadKnowledgeBase(dir);
    expect(reloaded.index.outOfScope.find((topic) => topic.id === 'off-topic')!.phrasings).toContain('can i bring my dog to the test center');
    expect(await checkKnowledgeFiles(dir)).toEqual([]);
  });

  it('skips what a file already lists (in any case), so exporting twice changes nothing', async () => {
    const taught = { alternates: [{ entryId: 'test-results', text: 'where do i see how i did on my ase test' }] };
    await writeTaught(dir, taught);
    const once = await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8');
    const again = await writeTaught(dir, { alternates: [{ entryId: 'test-results', text: 'Where do I see how I did on my ASE test' }] });
    expect(again).toEqual({ written: [], skipped: [{ text: 'Where do I see how I did on my ASE test', reason: `${path.join('faq', 'test-results.md')} already lists it` }] });
    expect(await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8')).toBe(once);
  });

  it('refuses a phrasing the file rules reject, with the reason, and leaves every file as it was', async () => {
    const before = await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8');
    const writing = writeTaught(dir, { alternates: [{ entryId: 'test-results', text: 'ok' }] });
    await expect(writing).rejects.toBeInstanceOf(KnowledgeError);
    await expect(writing).rejects.toThrow(/test-results\.md: alternates\.\d+: Too small/i);
    expect(await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8')).toBe(before);
  });

  it('refuses a known gap that does not exist, naming it', async () => {
    await expect(writeTaught(dir, { declined: [{ topicId: 'no-such-gap', text: 'is there parking at the centre' }] })).rejects.toThrow(/no known gap "no-such-gap"/);
  });

  it('says which entry has no file, and writes the others', async () => {
    const result = await writeTaught(dir, { alternates: [{ entryId: 'no-such-entry', text: 'anything at all here' }, { entryId: 'test-results', text: 'how did i do on the test' }] });
    expect(result.skipped).toEqual([{ text: 'anything at all here', reason: `no file ${path.join('faq', 'no-such-entry.md')} (no entry "no-such-entry")` }]);
    expect(result.written.map((w) => w.file)).toEqual([path.join('faq', 'test-results.md')]);
  });

  it('takes an entry id only as the files write them, never a path', async () => {
    const result = await writeTaught(dir, { alternates: [{ entryId: '../../outside', text: 'anything at all here' }] });
    expect(result).toEqual({ written: [], skipped: [{ text: 'anything at all here', reason: '"../../outside" is no entry id' }] });
  });

  it('a dry run says what it would write and writes nothing', async () => {
    const before = await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8');
    const result = await writeTaught(dir, { alternates: [{ entryId: 'test-results', text: 'how did i do on the test' }] }, { dryRun: true });
    expect(result.written).toEqual([{ file: path.join('faq', 'test-results.md'), added: ['how did i do on the test'] }]);
    expect(await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8')).toBe(before);
  });
});
