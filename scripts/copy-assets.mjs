// `npm run build`, after tsc: the browser files the server serves from next to its modules (the
// website chat's public/ and the staff console's console/), copied into the build as they are.
// tsc emits only what it compiles; the CSS and HTML beside it would be missing, and its re-emitted
// browser scripts must be byte for byte the checked sources the content hashes are taken from.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { argv, exit, stderr } from 'node:process';

const ASSET_DIRS = ['src/channels/web/public', 'src/handoff/staff/console'];
const outDir = argv[2];
if (!outDir) {
  stderr.write('scripts/copy-assets: usage: node scripts/copy-assets.mjs <outDir>\n');
  exit(2);
}
for (const dir of ASSET_DIRS) {
  if (!existsSync(dir)) {
    stderr.write(`scripts/copy-assets: ${dir} is missing; run from the project root\n`);
    exit(1);
  }
  cpSync(dir, join(outDir, dir), { recursive: true, filter: (source) => !source.endsWith('.ts') });
}
