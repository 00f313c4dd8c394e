import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCannedReplies } from '../../src/knowledge/cannedReplies.js';

const withFile = (yaml: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'canned-'));
  writeFileSync(join(dir, 'canned-replies.yaml'), yaml);
  return dir;
};

describe('canned replies (knowledge/canned-replies.yaml)', () => {
  it('the shipped file is valid and has replies in English and Spanish, using only known placeholders', async () => {
    const replies = await loadCannedReplies('knowledge');
    expect(new Set(replies.map((r) => r.lang))).toEqual(new Set(['en', 'es']));
    for (const reply of replies) expect(reply.text.match(/\{[^}]*\}/g) ?? [], reply.id).toSatisfy((names: string[]) => names.every((n) => n === '{firstName}' || n === '{topic}'));
  });

  it('a knowledge base without the file has none', async () => {
    expect(await loadCannedReplies(mkdtempSync(join(tmpdir(), 'canned-')))).toEqual([]);
  });

  it('refuses an unknown placeholder, naming the reply and the placeholders it may use', async () => {
    const dir = withFile('replies:\n  - { id: hello, lang: en, title: Hello, text: "Hi {lastName}" }\n');
    await expect(loadCannedReplies(dir)).rejects.toThrow(/hello \(en\): unknown placeholder \{lastName\}; use \{firstName\} or \{topic\}/);
  });

  it('refuses the same id twice in one language, an unknown language and a missing title, naming the file', async () => {
    await expect(loadCannedReplies(withFile('replies:\n  - { id: a, lang: en, title: One, text: "One" }\n  - { id: a, lang: en, title: Two, text: "Two" }\n'))).rejects.toThrow(/duplicate id "a" for lang en/);
    await expect(loadCannedReplies(withFile('replies:\n  - { id: a, lang: fr, title: Un, text: "Un deux" }\n'))).rejects.toThrow(/canned-replies\.yaml: replies\.0\.lang/);
    await expect(loadCannedReplies(withFile('replies:\n  - { id: a, lang: en, text: "Hello there" }\n'))).rejects.toThrow(/replies\.0\.title/);
  });
});
