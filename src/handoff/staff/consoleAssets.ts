import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The staff console's front-end files (src/handoff/staff/console/: index.html, console.css and
 * ES modules checked by tsc and ESLint), ready to serve: every file but the page gets a name with a
 * hash of its content (`main.3SLGyvvCu0Lv.js`), so it can be cached for good and a new deployment
 * changes the URL. A module's imports of its neighbours (`from './api.js'`) are rewritten to their
 * hashed names, and its own hash covers those, so a change in any module reaches the browser.
 * The files it uses from installed packages (the uPlot charting library and its stylesheet) are read
 * from node_modules at start-up and served the same way, by hashed name under the same policy.
 */

export const CONSOLE_ASSET_DIR = fileURLToPath(new URL('./console/', import.meta.url));
/** Where the hashed files are served. */
export const CONSOLE_ASSET_PATH = '/staff/assets/';

export interface ConsoleAsset {
  /** The served name, with its content hash. */
  name: string;
  contentType: string;
  body: string;
  /** For a file of an installed package: the package (`uplot`), as it is served, unchanged. */
  from?: string;
}

/** A file of an installed package the page uses, by the name the page gives it (`{{asset:uPlot.iife.min.js}}`). */
export interface PackageFile {
  source: string;
  pkg: string;
  /** Its path inside the package. */
  file: string;
}

/**
 * uPlot (MIT, about 50 KB minified): charts drawn on a canvas, with no eval and no inline style
 * sheet (it sets element styles through the DOM, which the policy allows), so it runs under the
 * page's CSP; its small stylesheet is served beside it.
 */
export const PACKAGE_FILES: readonly PackageFile[] = [
  { source: 'uPlot.iife.min.js', pkg: 'uplot', file: 'dist/uPlot.iife.min.js' },
  { source: 'uPlot.min.css', pkg: 'uplot', file: 'dist/uPlot.min.css' },
];

/**
 * An installed package's folder, as Node would find it from here (node_modules next to the source,
 * the build in dist/ and the image alike); a package that is not installed stops start-up, naming it.
 */
function packageDir(pkg: string): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(`staffConsole: the package ${pkg} is not installed (npm ci installs it; the page's charts need it)`);
  }
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
export function loadConsoleAssets(dir: string = CONSOLE_ASSET_DIR, packageFiles: readonly PackageFile[] = PACKAGE_FILES): ConsoleAssets {
  const sources = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    if (TYPES[extname(file)]) sources.set(file, readFileSync(join(dir, file), 'utf8'));
  }
  const fromPackage = new Map<string, string>();
  for (const { source, pkg, file } of packageFiles) {
    if (sources.has(source)) throw new Error(`staffConsole: ${source} is both in ${dir} and in the package ${pkg}`);
    sources.set(source, readFileSync(join(packageDir(pkg), file), 'utf8'));
    fromPackage.set(source, pkg);
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
    const pkg = fromPackage.get(source);
    // A package's file is served as it is; the console's own modules point at their neighbours' hashed names.
    const body = extname(source) === '.js' && !pkg ? text.replace(relativeImport, (_m, head: string, dep: string) => `${head}'./${resolve(dep, source)}'`) : text;
    resolving.delete(source);
    const ext = extname(source);
    const name = `${source.slice(0, -ext.length)}.${hashOf(body)}${ext}`;
    hashedName.set(source, name);
    served.set(name, { name, contentType: TYPES[ext]!, body, ...(pkg ? { from: pkg } : {}) });
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
