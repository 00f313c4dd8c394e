import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'restify';
import { answeredNotModified, queryOf } from './http.js';

const gzipAsync = promisify(gzip);

export interface WebChatPackage {
  dir: string;
  version: string;
}

/**
 * The installed botframework-webchat folder. Its package `exports` hide `dist/webchat.js` (and
 * `package.json`), so `require.resolve` cannot name the file: look for the package folder in the
 * node_modules directories Node would search from here. Only `package.json` and `dist/webchat.js*`
 * are read, so an image may keep just those files of the package.
 */
export function locateWebChat(): WebChatPackage {
  const searched = createRequire(import.meta.url).resolve.paths('botframework-webchat') ?? [];
  for (const base of searched) {
    const dir = join(base, 'botframework-webchat');
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (name === 'botframework-webchat' && version) return { dir, version };
  }
  throw new Error(`webchat: botframework-webchat is not installed (looked in ${searched.slice(0, 3).join(', ')}, ...)`);
}

interface Asset {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  contentType: string;
}

/**
 * Static files from the installed Web Chat package (no CDN): read and gzipped once, on first
 * request, then served from memory with a strong ETag. A URL carrying `?v=<package version>` is
 * cached for a year (the page always asks with it, so an upgrade changes the URL); without it, an hour.
 */
export function createWebChatAssets(pkg: WebChatPackage = locateWebChat()) {
  const files: Record<string, { path: string; contentType: string }> = {
    'webchat.js': { path: join(pkg.dir, 'dist', 'webchat.js'), contentType: 'application/javascript; charset=utf-8' },
    'webchat.js.LICENSE.txt': { path: join(pkg.dir, 'dist', 'webchat.js.LICENSE.txt'), contentType: 'text/plain; charset=utf-8' },
  };
  const loaded = new Map<string, Promise<Asset>>();

  const load = (name: string): Promise<Asset> => {
    let asset = loaded.get(name);
    if (!asset) {
      const file = files[name]!;
      asset = (async () => {
        const body = await readFile(file.path);
        const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
        return { body, gzipped: await gzipAsync(body), etag: `"${pkg.version}-${hash}"`, contentType: file.contentType };
      })();
      // A failed read is not remembered, so a later request tries again.
      asset.catch(() => loaded.delete(name));
      loaded.set(name, asset);
    }
    return asset;
  };

  const serve = async (name: string, req: Request, res: Response): Promise<void> => {
    const asset = await load(name);
    const versioned = queryOf(req).get('v') === pkg.version;
    const headers: Record<string, string> = {
      'Content-Type': asset.contentType,
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      ETag: asset.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    };
    if (answeredNotModified(req, res, headers, asset.etag)) return;
    const gzipOk = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzipOk ? asset.gzipped : asset.body;
    res.writeHead(200, { ...headers, ...(gzipOk ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  return { version: pkg.version, names: Object.keys(files), serve, warm: () => load('webchat.js').then(() => undefined) };
}

export type WebChatAssets = ReturnType<typeof createWebChatAssets>;
