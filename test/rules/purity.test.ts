// The rules must stay pure: no clock, no I/O, no imports beyond their own files and luxon.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../src/rules/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
// Strip comments so explanations may mention what the code must not do.
const code = (f: string) => readFileSync(dir + f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

describe('src/rules purity', () => {
  it.each(files)('%s never reads the clock', (f) => {
    const src = code(f);
    expect(src).not.toMatch(/Date\.now\s*\(/);
    expect(src).not.toMatch(/new Date\s*\(\s*\)/);
    expect(src).not.toMatch(/DateTime\.(now|local)\s*\(/);
    expect(src).not.toMatch(/\bSettings\./);
  });

  it.each(files)('%s imports only its own files and luxon, and touches no process state', (f) => {
    const src = code(f);
    const imports = [...src.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec === 'luxon' || /^\.\/[\w.]+\.js$/.test(spec ?? '')).toBe(true);
    expect(src).not.toMatch(/\bprocess\./);
    expect(src).not.toMatch(/\brequire\(/);
  });
});
