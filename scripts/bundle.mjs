// `npm run build`, last step: the compiled server (dist/src/index.js) and the packages it loads, in
// one file, <outDir>/server.mjs, which `npm run start:prod` and the image run. Node then resolves and
// wraps one module instead of about 1,300 at start: CPU to ready 2.1 -> 1.1 s, idle RSS the same
// (docs/benchmarks.md, Operations). dist/src/ stays as tsc wrote it (tests and source maps use it).
//   node scripts/bundle.mjs <outDir>
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { argv, exit, stderr, stdout } from 'node:process';
import { build } from 'esbuild';

const outDir = argv[2];
if (!outDir) {
  stderr.write('scripts/bundle: usage: node scripts/bundle.mjs <outDir>\n');
  exit(2);
}
const outfile = resolve(outDir, 'server.mjs');

/**
 * Each module keeps its own import.meta.url: the web channel and the staff console find their
 * browser files (copied by copy-assets.mjs) next to their compiled module, and the Web Chat package
 * is looked up from there, as under dist/src/.
 */
const ownModuleUrl = {
  name: 'own-module-url',
  setup(builder) {
    builder.onLoad({ filter: /\.js$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = `./${relative(resolve(outDir), args.path).split('\\').join('/')}`;
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [resolve(outDir, 'src/index.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // restify's optional DTrace probes: a native module it requires inside a try.
  external: ['dtrace-provider'],
  // CommonJS packages call require(); in an ES module it has to be made.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  // No comments, names kept (error names and class names are read at run time).
  minifyWhitespace: true,
  keepNames: true,
  legalComments: 'none',
  charset: 'ascii',
  plugins: [ownModuleUrl],
  logLevel: 'warning',
});

// V8 keeps a script's source as UTF-16 (twice the bytes) when it holds any character outside
// Latin-1. esbuild escapes strings but leaves regular expression literals as written (en dashes,
// curly quotes); a \uXXXX escape means the same there, unless the character was itself escaped.
const text = await readFile(outfile, 'utf8');
const escapedAfterBackslash = /\\[^\p{ASCII}]/u.exec(text);
if (escapedAfterBackslash) {
  stderr.write(`scripts/bundle: a backslash before a non-ASCII character (${JSON.stringify(text.slice(escapedAfterBackslash.index - 40, escapedAfterBackslash.index + 10))}); not escaping\n`);
  exit(1);
}
const ascii = text.replace(/[^\p{ASCII}]/gu, (char) =>
  [...char].length === 1 && char.length === 2
    ? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}\\u${char.charCodeAt(1).toString(16).padStart(4, '0')}`
    : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
);
await writeFile(outfile, ascii);
stdout.write(`scripts/bundle: ${relative('.', outfile)} (${(ascii.length / 1048576).toFixed(1)} MB), from ${pathToFileURL(resolve(outDir, 'src/index.js')).pathname}\n`);
