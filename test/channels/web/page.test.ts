import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateWebChat } from '../../../src/channels/web/webchatAssets.js';
import { createPublicAssets, pageLanguage, PAGE_STRINGS } from '../../../src/channels/web/publicAssets.js';
import { call, startWebServer, type WebServer } from './support.js';


describe('the Web Chat package', () => {
  it('is found by folder although its exports hide dist/webchat.js', () => {
    const pkg = locateWebChat();
    expect(pkg.version).toMatch(/^4\.18\./);
    expect(readFileSync(join(pkg.dir, 'dist', 'webchat.js'), 'utf8').slice(0, 200)).toContain('webchat.js.LICENSE.txt');
  });
});

describe('the page\'s language, from Accept-Language', () => {
  it.each([
    ['es-MX,es;q=0.9,en;q=0.8', 'es'],
    ['es', 'es'],
    ['en-US,en;q=0.9,es;q=0.8', 'en'],
    ['fr-FR,es;q=0.5,en;q=0.4', 'es'],
    ['en;q=0.2, es;q=0.7', 'es'],
    ['fr-FR', 'en'],
    ['es;q=0', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [';;;q=x,,', 'en'],
  ])('%j is %s', (header, language) => {
    expect(pageLanguage(header)).toBe(language);
  });
});

describe('GET / and the page scripts', () => {
  let server: WebServer;
  const secret = 'a-shared-directline-secret-of-32+chars';
  beforeAll(async () => (server = await startWebServer({ env: { DIRECTLINE_LOCAL_SECRET: secret }, onTurn: async () => undefined })));
  afterAll(() => server.close());

  it('serves the page in Spanish to a Spanish browser, and says it varies by Accept-Language', async () => {
    const spanish = await call(server.url, '/', { headers: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.8' } });
    expect(spanish.text).toContain('<html lang="es">');
    expect(spanish.text).toMatch(new RegExp(`<title[^>]*>${PAGE_STRINGS.es.title}</title>`));
    expect(spanish.text).toContain('No comparta contraseñas ni datos de pago en el chat.');
    expect(spanish.headers.get('vary')).toMatch(/Accept-Language/i);
    const english = await call(server.url, '/', { headers: { 'accept-language': 'en-US' } });
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain("Please don&#39;t share passwords");
  });

  it('writes both languages\' words on the page (for public/page.js to follow the conversation) and loads page.js before the widget', async () => {
    const english = await call(server.url, '/', { headers: { 'accept-language': 'en-US' } });
    expect(english.text).toContain(`data-text-es="${PAGE_STRINGS.es.footer}"`);
    expect(english.text).toContain(`<h1 data-text-en="${PAGE_STRINGS.en.title}" data-text-es="${PAGE_STRINGS.es.title}">`);
    expect(english.text.indexOf('/webchat/page.js?v=')).toBeGreaterThan(0);
    expect(english.text.indexOf('/webchat/page.js?v=')).toBeLessThan(english.text.indexOf('/webchat/widget.js?v='));
    // The default title follows the language, so the widget is not handed a fixed one.
    expect(english.text).not.toContain('data-title=');
    const script = await call(server.url, english.text.match(/\/webchat\/page\.js\?v=[^"]+/)![0]);
    expect(script.status).toBe(200);
    expect(script.text).toContain('candidate-chat:language');
  });

  it('serves the page: the chat widget from this server, inline, and nothing secret in it', async () => {
    const page = await call(server.url, '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const assets = createPublicAssets(locateWebChat().version);
    expect(page.text).toContain(`<script src="/webchat/widget.js?v=${assets.versionOf('widget.js')}" data-mode="inline"`);
    expect(page.text).toContain(`<link rel="stylesheet" href="/webchat/page.css?v=${assets.assetVersion}">`);
    expect(page.text).not.toMatch(/cdn\.botframework|unpkg|jsdelivr/);
    expect(page.text).not.toContain(secret);
    expect(page.text).not.toMatch(/token|dl_/i);
    // No inline script: the policy allows scripts from this server only.
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
  });

  it('serves the widget with the versions of what it loads written in, cached for good only under its own version', async () => {
    const { version } = locateWebChat();
    const assets = createPublicAssets(version);
    const widget = await call(server.url, `/webchat/widget.js?v=${assets.versionOf('widget.js')}`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(widget.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(widget.text).toContain(`const ASSET_VERSION = "${assets.assetVersion}";`);
    expect(widget.text).toContain(`const WEBCHAT_VERSION = "${version}";`);
    expect(widget.text).not.toContain('__ASSET_VERSION__');
    // What an embedding site writes (no version): always checked again, answered 304 when unchanged.
    const latest = await call(server.url, '/webchat/widget.js');
    expect(latest.headers.get('cache-control')).toBe('no-cache');
    expect(latest.text).toBe(widget.text);
    const again = await call(server.url, '/webchat/widget.js', { headers: { 'if-none-match': latest.headers.get('etag')! } });
    expect(again.status).toBe(304);
    for (const name of ['directLineClient.js', 'widget.css', 'page.css']) {
      const file = await call(server.url, `/webchat/${name}?v=${assets.assetVersion}`);
      expect([name, file.status, file.headers.get('cache-control')]).toEqual([name, 200, 'public, max-age=31536000, immutable']);
    }
  });

  it('has a new widget URL when any file it loads changes', () => {
    const { version } = locateWebChat();
    expect(createPublicAssets(version).versionOf('widget.js')).not.toBe(createPublicAssets('0.0.0').versionOf('widget.js'));
  });

  it('serves the Web Chat bundle from the installed package, gzipped, with a strong ETag and long caching', async () => {
    const { dir, version } = locateWebChat();
    const original = readFileSync(join(dir, 'dist', 'webchat.js'));
    const response = await fetch(`${server.url}/webchat/webchat.js?v=${version}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch undoes the gzip itself; the body is the package's file, byte for byte.
    expect(Buffer.from(await response.arrayBuffer()).equals(original)).toBe(true);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(new RegExp(`^"${version.replace(/\./g, '\\.')}-[A-Za-z0-9_-]+"$`));

    const again = await fetch(`${server.url}/webchat/webchat.js?v=${version}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);

    const unversioned = await fetch(`${server.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(unversioned.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(unversioned.headers.get('content-encoding')).toBeNull();
    expect(Number(unversioned.headers.get('content-length'))).toBe(original.length);
    await unversioned.arrayBuffer();
  });

  it('sends the bundle compressed to a fraction of its size', async () => {
    const { request } = await import('node:http');
    const url = new URL(`${server.url}/webchat/webchat.js`);
    const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request({ host: url.hostname, port: url.port, path: url.pathname, headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers.vary).toBe('Accept-Encoding');
    const plain = gunzipSync(body);
    expect(body.length).toBeLessThan(plain.length / 2);
  });

  it('serves the bundle licence file beside it', async () => {
    const licence = await call(server.url, '/webchat/webchat.js.LICENSE.txt');
    expect(licence.status).toBe(200);
    expect(licence.text.length).toBeGreaterThan(100);
  });
});
