import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKnowledgeFiles } from '../../src/knowledge/knowledgeCheck.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { startHandoffServer, StaffClient, WebCandidate, type HandoffServer } from './support.js';

const run = promisify(execFile);
const phrasing = 'where is the thing that shows how my ase test went';
const offTopic = /outside what I can answer/i;

/** A copy of the shipped knowledge folder, as a developer's working copy that the bot writes to. */
async function knowledgeCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'candidate-assistant-teach-'));
  await cp('knowledge', dir, { recursive: true });
  return dir;
}

describe('the improvement loop in development (one instance, memory storage): what an editor teaches is written into the knowledge files', () => {
  let dir: string;
  let server: HandoffServer;
  let editor: StaffClient;

  beforeAll(async () => {
    dir = await knowledgeCopy();
    server = await startHandoffServer({ knowledge: await loadKnowledgeBase(dir), env: { KNOWLEDGE_DIR: dir, KNOWLEDGE_WRITE_FILES: 'true' } });
    editor = new StaffClient(server.url);
    await editor.login('editor');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("an added alternate goes into its entry's file, the folder still passes kb:check, and the bot answers the phrasing at once", { timeout: 90_000 }, async () => {
    expect((await (await WebCandidate.start(server.url)).say(phrasing)).join(' ')).not.toMatch(/score report/i);
    const added = await editor.post('/staff/api/knowledge/alternates', { entryId: 'test-results', text: phrasing });
    expect(added.status).toBe(201);
    expect(added.json.file).toEqual({ written: [{ file: path.join('faq', 'test-results.md'), added: [phrasing] }] });
    expect(await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8')).toContain(`  - "${phrasing}"`);
    expect(await checkKnowledgeFiles(dir)).toEqual([]);
    expect((await (await WebCandidate.start(server.url)).say(phrasing)).join(' ')).toMatch(/score report/i);
  });

  it('a bad alternate is refused with the reason, and no file changes', { timeout: 90_000 }, async () => {
    const before = await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8');
    const listed = (await loadKnowledgeBase(dir)).index.get('test-results')!.alternates[0]!;
    const again = await editor.post('/staff/api/knowledge/alternates', { entryId: 'test-results', text: listed.toUpperCase() });
    expect(again.status).toBe(400);
    expect(again.json.message).toMatch(/already a phrasing of test-results/);
    // Another entry's own way of asking, taught to the wrong entry, takes that entry's phrasings from it.
    const elsewhere = await editor.post('/staff/api/knowledge/alternates', { entryId: 'duplicate-certificate', text: 'when is my certificate coming in the mail' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.message).toMatch(/phrasing\(s\) of other entries would no longer find their entry/);
    expect(await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8')).toBe(before);
  });

  it('a Spanish question taught to an entry goes into its Spanish twin, and a Spanish conversation gets the answer', { timeout: 90_000 }, async () => {
    const spanish = 'donde puedo ver como me fue en mi examen de ase';
    expect((await (await WebCandidate.start(server.url)).say(spanish)).join(' ')).not.toMatch(/reporte de puntaje/i);
    const added = await editor.post('/staff/api/knowledge/alternates', { entryId: 'test-results', text: spanish });
    expect(added.json).toMatchObject({ lang: 'es', findsAfter: 'test-results', file: { written: [{ file: path.join('faq', 'test-results.es.md') }] } });
    expect(await readFile(path.join(dir, 'faq', 'test-results.es.md'), 'utf8')).toContain(`  - "${spanish}"`);
    expect(await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8')).not.toContain(spanish);
    expect((await (await WebCandidate.start(server.url)).say(spanish)).join(' ')).toMatch(/reporte de puntaje/i);
  });

  it('a question marked out of scope is declined by the bot from then on (the known gap\'s reply), and written among that gap\'s phrasings', { timeout: 90_000 }, async () => {
    const question = 'Is there free wifi for my laptop?';
    expect((await (await WebCandidate.start(server.url)).say(question)).join(' ')).not.toMatch(offTopic);
    const marked = await editor.post('/staff/api/knowledge/out-of-scope', { text: question });
    expect(marked.status).toBe(201);
    expect(marked.json).toMatchObject({ topicId: 'off-topic', lang: 'en', declined: true, version: 1, findsNow: '(unknown)', findsAfter: 'out-of-scope:off-topic', file: { written: [{ file: 'out-of-scope.yaml' }] } });
    expect(await readFile(path.join(dir, 'out-of-scope.yaml'), 'utf8')).toContain(question);
    expect((await (await WebCandidate.start(server.url)).say(question)).join(' ')).toMatch(offTopic);
    // A look-alike is declined too: the wording joined the gap's phrasings, not a list of exact texts.
    expect((await (await WebCandidate.start(server.url)).say('is there wifi for laptops')).join(' ')).toMatch(offTopic);
    // The FAQ still answers its own questions.
    expect((await (await WebCandidate.start(server.url)).say('When will I get my results?')).join(' ')).toMatch(/score report|myASE/i);
    expect(await checkKnowledgeFiles(dir)).toEqual([]);
  });

  it('a mark the bot already declines is kept for the list, says why nothing changed; an unknown known gap is refused', { timeout: 90_000 }, async () => {
    const already = await editor.post('/staff/api/knowledge/out-of-scope', { text: 'what score do i need to pass' });
    expect(already.json).toMatchObject({ declined: false, reason: expect.stringMatching(/already declines it \(out-of-scope:passing-score\)/) });
    const unknown = await editor.post('/staff/api/knowledge/out-of-scope', { text: 'is there parking', topicId: 'no-such-gap' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toMatch(/no known gap "no-such-gap"/);
  });

  it('an editor undoes both changes: each leaves its file, the folder still passes kb:check, the bot answers as before at once, and it is audited', { timeout: 120_000 }, async () => {
    const question = 'Is there free wifi for my laptop?';
    const undone = await editor.post('/staff/api/knowledge/alternates/undo', { entryId: 'test-results', text: phrasing });
    expect(undone.status).toBe(200);
    expect(undone.json).toMatchObject({ kind: 'alternate', entryId: 'test-results', text: phrasing, lang: 'en', file: { removed: [{ file: path.join('faq', 'test-results.md'), removed: [phrasing] }] } });
    expect(undone.json.findsNow).not.toBe('test-results');
    expect(await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8')).not.toContain(phrasing);
    expect((await (await WebCandidate.start(server.url)).say(phrasing)).join(' ')).not.toMatch(/score report/i);
    // The Spanish twin's alternate, taught separately, stays.
    expect(await readFile(path.join(dir, 'faq', 'test-results.es.md'), 'utf8')).toContain('donde puedo ver como me fue en mi examen de ase');

    const unmarked = await editor.post('/staff/api/knowledge/out-of-scope/undo', { text: question });
    expect(unmarked.status).toBe(200);
    expect(unmarked.json).toMatchObject({ kind: 'out-of-scope', topicId: 'off-topic', text: question, findsNow: '(unknown)', file: { removed: [{ file: 'out-of-scope.yaml', removed: [question] }] } });
    expect(await readFile(path.join(dir, 'out-of-scope.yaml'), 'utf8')).not.toContain(question);
    expect((await (await WebCandidate.start(server.url)).say(question)).join(' ')).not.toMatch(offTopic);
    expect(await checkKnowledgeFiles(dir)).toEqual([]);
    // The store no longer has them: nothing for kb:taught, and nothing left to undo.
    const entries = (await editor.get('/staff/api/knowledge/entries')).json;
    expect(entries.added.map((a: { text: string }) => a.text)).not.toContain(phrasing);
    expect(entries.marks.map((m: { text: string }) => m.text)).not.toContain(question);
    expect((await editor.post('/staff/api/knowledge/alternates/undo', { entryId: 'test-results', text: phrasing })).status).toBe(404);
    expect((await editor.post('/staff/api/knowledge/out-of-scope/undo', { text: question })).status).toBe(404);
    // A mark that declined nothing is undone too: the wording is back on the list to teach.
    expect((await editor.post('/staff/api/knowledge/out-of-scope/undo', { text: 'what score do i need to pass' })).json).toMatchObject({ kind: 'out-of-scope', findsNow: 'out-of-scope:passing-score' });

    const sam = new StaffClient(server.url);
    await sam.login('supervisor');
    const audit = (await sam.get('/staff/api/audit?limit=1000')).json.entries as Array<{ actor: string; action: string; detail?: Record<string, unknown> }>;
    expect(audit.find((e) => e.action === 'alternate-undone')).toMatchObject({ actor: 'editor', detail: { entry: 'test-results', files: path.join('faq', 'test-results.md') } });
    expect(audit.filter((e) => e.action === 'out-of-scope-undone').map((e) => e.detail)).toEqual([
      expect.objectContaining({ topic: 'off-topic', declined: false, marked: 0 }),
      expect.objectContaining({ topic: 'off-topic', declined: true, marked: 1 }),
    ]);
  });
});

describe('npm run kb:taught: what the store holds, written into the knowledge files as a commit would take them', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await knowledgeCopy();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists what the files lack, then with --write writes it and runs kb:check (exit 0)', { timeout: 120_000 }, async () => {
    // What GET /staff/api/knowledge/entries answers (added and declined), saved to a file.
    const exported = path.join(dir, 'taught.json');
    await writeFile(
      exported,
      JSON.stringify({
        added: [{ entryId: 'test-results', text: phrasing, lang: 'en', by: 'editor', at: '2025-03-20T15:00:00.000Z' }],
        declined: [{ topicId: 'off-topic', text: 'Is there free wifi for my laptop?' }],
      }),
    );
    const args = ['--import', 'tsx', 'src/cli/kbTaught.ts', '--from', exported, '--dir', dir];
    const listed = await run(process.execPath, args);
    expect(listed.stdout).toContain(`to write ${path.join('faq', 'test-results.md')}: "${phrasing}"`);
    expect(listed.stdout).toContain('kb:taught: 2 phrasings the files do not have yet');
    expect(await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8')).not.toContain(phrasing);

    const written = await run(process.execPath, [...args, '--write']);
    expect(written.stdout).toContain('kb:taught: wrote 2 phrasings into 2 files; kb:check:');
    // The retrieval figures on the frozen labelled sets, before and after, shown beside the change.
    expect(written.stdout).toMatch(/kb:taught: frozen test: top-1 \d+\.\d% -> \d+\.\d%, out-of-domain declined \d+\.\d% -> \d+\.\d%, confident-wrong \d+\.\d% -> \d+\.\d%/);
    expect(written.stdout).toMatch(/kb:taught: second frozen test: top-1 /);
    expect(written.stdout).toMatch(/kb:check: 22\/22 English entries have a Spanish twin that agrees/);
    expect(await readFile(path.join(dir, 'faq', 'test-results.md'), 'utf8')).toContain(`  - "${phrasing}"`);
    expect(await readFile(path.join(dir, 'out-of-scope.yaml'), 'utf8')).toContain('Is there free wifi for my laptop?');

    // Exported twice: nothing more to write.
    expect((await run(process.execPath, args)).stdout).toContain('kb:taught: 0 phrasings the files do not have yet');
  });

  it('refuses a file that is not the console\'s export, with the reason', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ added: [{ entry: 'test-results' }] }));
    await expect(run(process.execPath, ['--import', 'tsx', 'src/cli/kbTaught.ts', '--from', bad, '--dir', dir])).rejects.toMatchObject({ stderr: expect.stringMatching(/is not what GET \/staff\/api\/knowledge\/entries answers: added\.0\.entryId/) });
  });
});
