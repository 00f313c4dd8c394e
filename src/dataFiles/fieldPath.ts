/**
 * Where in a value a problem is, as people write it: the demo and knowledge files' fields, and the
 * account API's bodies (src/account/schemas.ts).
 */

/** `['tests', 3, 'series']` -> `tests[3].series`; no segments: `whole` (what the value is). */
export function formatPath(segments: readonly PropertyKey[], whole = '(top level)'): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? whole : out;
}
