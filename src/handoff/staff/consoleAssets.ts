import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The staff console's front-end files (src/handoff/staff/console/: index.html, console.css and
 * ES modules checked by tsc and ESLint), ready to serve: every file but the page gets a name with a
 * hash of its content (`main.3SLGyvvCu0Lv.js`), so it can be cached for good and a new deployment
 * changes the URL. A module's imports of its neighbours (`from './api.js'`) are rewritten to their
 * hashed names, and its own hash covers those, so a change in any module reaches the browser.
 */

export const CONSOLE_ASSET_DIR = fileURLToPath(new URL('./console/', import.meta.url));
/** Where the hashed files are served. */
export const CONSOLE_ASSET_PATH = '/staff/assets/';

export interface ConsoleAsset {
  /** The served name, with its content hash. */
  name: string;
  contentType: string;
  body: string;
}

export interface ConsoleAssets {
  /** The page, with the hashed URLs of its stylesheet and script. */
  html: string;
  /** By served (hashed) name. */
  files: ReadonlyMap<string, ConsoleAsset>;
  /** The served URL of a source file ("main.js" -> "/staff/assets/main.<hash>.js"). */
  url(source: string): string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 12);
const relativeImport = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'\.\/([A-Za-z0-9_-]+\.js)'/g;

/** Reads the folder once (at start-up); a page that names a missing file stops start-up, naming it. */
export function loadConsoleAssets(dir: string = CONSOLE_ASSET_DIR): ConsoleAssets {
  const sources = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    if (TYPES[extname(file)]) sources.set(file, readFileSync(join(dir, file), 'utf8'));
  }
  const served = new Map<string, ConsoleAsset>();
  const hashedName = new Map<string, string>();
  const resolving = new Set<string>();

  const resolve = (source: string, from: string): string => {
    const done = hashedName.get(source);
    if (done) return done;
    const text = sources.get(source);
    if (text === undefined) throw new Error(`staffConsole: ${from} refers to ${source}, which is not in ${dir}`);
    if (resolving.has(source)) throw new Error(`staffConsole: ${source} imports itself through ${[...resolving].join(' -> ')}`);
    resolving.add(source);
    const body = extname(source) === '.js' ? text.replace(relativeImport, (_m, head: string, dep: string) => `${head}'./${resolve(dep, source)}'`) : text;
    resolving.delete(source);
    const ext = extname(source);
    const name = `${source.slice(0, -ext.length)}.${hashOf(body)}${ext}`;
    hashedName.set(source, name);
    served.set(name, { name, contentType: TYPES[ext]!, body });
    return name;
  };
  for (const source of sources.keys()) resolve(source, dir);

  const url = (source: string) => CONSOLE_ASSET_PATH + resolve(source, 'url()');
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  const html = page.replace(/\{\{asset:([A-Za-z0-9_.-]+)\}\}/g, (_m, source: string) => url(source));
  return { html, files: served, url };
}

/** The page's policy: script, style and connections from this server only; no inline script or style. */
export function consoleSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
