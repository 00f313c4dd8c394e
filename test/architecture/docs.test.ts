// docs/architecture.md prints the route table the code runs: a row added, renamed or reordered in
// src/conversation/routes.ts without the docs fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/conversation/routes.js';

const doc = readFileSync('docs/architecture.md', 'utf8');

describe('docs/architecture.md', () => {
  it('prints every row of the route table, in order, with what it does', () => {
    const printed = [...doc.matchAll(/^\| (\d+) \| `([\w-]+)` \| (.+) \|$/gm)].map((m) => ({ n: Number(m[1]), name: m[2], says: m[3]?.replace(/\\\|/g, '|') }));
    expect(printed).toEqual(ROUTES.map((row, i) => ({ n: i + 1, name: row.name, says: row.says })));
  });
});
