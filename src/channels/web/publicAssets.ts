import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Request, Response } from 'restify';
import { languageOfLocale, type Language } from '../../language/languages.js';
import { answeredNotModified, queryOf } from './http.js';

/** The browser files of the website chat: src/channels/web/public/ (checked by tsc and ESLint). */
export const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

const contentTypes: Record<string, string> = {
  js: 'application/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** What /webchat/<name> serves from public/ (index.html is the page, rendered apart). */
const SERVED = ['widget.js', 'directLineClient.js', 'widget.css', 'page.css', 'page.js'] as const;
export type PublicAssetName = (typeof SERVED)[number];

interface PublicAsset {
  body: Buffer;
  version: string;
  etag: string;
  contentType: string;
}

const hashOf = (...parts: Array<string | Buffer>) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('base64url').slice(0, 12);
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The page's own words, per language (the widget's are in widget.js). The page is rendered in the
 * browser's language with both languages' words on each element, so public/page.js can follow the
 * conversation's language.
 */
export const PAGE_STRINGS: Record<Language, { title: string; intro: string; noscript: string; footer: string }> = {
  en: {
    title: 'Candidate Assistant',
    intro: 'Questions about ASE certification tests: buying and scheduling, rescheduling, results, certificates, retests and recertification.',
    noscript: 'The chat needs JavaScript. You can also call ASE Customer Service at 1-800-390-6789.',
    footer: "Dates are worked out in your browser's time zone. Please don't share passwords or payment details in the chat.",
  },
  es: {
    title: 'Asistente para candidatos',
    intro: 'Preguntas sobre los exámenes de certificación de ASE: compra y programación, cambios de cita, resultados, certificados, repeticiones y recertificación.',
    noscript: 'El chat necesita JavaScript. También puede llamar a Servicio al Cliente de ASE al 1-800-390-6789.',
    footer: 'Las fechas se calculan en la zona horaria de su navegador. No comparta contraseñas ni datos de pago en el chat.',
  },
};

/**
 * The page's language from the browser's Accept-Language: the most preferred language the page
 * has (q-values honoured; "es-MX,es;q=0.9,en;q=0.8" is Spanish), else English.
 */
export function pageLanguage(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(/^\s*q=([\d.]+)/.exec(params.join(';'))?.[1] ?? 1);
      return { language: languageOfLocale(tag), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.language !== undefined && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language ?? 'en';
}

/**
 * The chat page and widget files, read once at start. Each file's URL carries a hash of its
 * content (`?v=`): with it, a year's immutable caching; without it (what an embedding site writes
 * for widget.js), `no-cache` and an ETag, so a deployment reaches every site at its next load.
 * widget.js gets the versions of what it loads written in, so one tag brings in a matching set.
 */
export function createPublicAssets(webchatVersion: string, dir = PUBLIC_DIR) {
  const read = (name: string) => readFileSync(`${dir}${name}`);
  const assets = new Map<string, PublicAsset>();
  const add = (name: string, body: Buffer) => {
    const version = hashOf(body);
    const extension = name.slice(name.lastIndexOf('.') + 1);
    assets.set(name, { body, version, etag: `"${version}"`, contentType: contentTypes[extension]! });
  };
  for (const name of SERVED) if (name !== 'widget.js') add(name, read(name));
  // One version for what the widget loads, so a change to any of them changes the widget's URLs.
  const assetVersion = hashOf(...[...assets.values()].map((asset) => asset.body));
  const widget = read('widget.js')
    .toString('utf8')
    .replace("'__ASSET_VERSION__'", JSON.stringify(assetVersion))
    .replace("'__WEBCHAT_VERSION__'", JSON.stringify(webchatVersion));
  add('widget.js', Buffer.from(widget, 'utf8'));
  const template = read('index.html').toString('utf8');

  const versionOf = (name: PublicAssetName) => assets.get(name)!.version;

  return {
    names: SERVED,
    assetVersion,
    versionOf,
    /**
     * The page at /: the same widget, inline. No inline script, no token, no secret. A title of the
     * deployment's own stays in every language; the default one follows the conversation's.
     */
    renderPage(language: Language = 'en', title: string = PAGE_STRINGS[language].title): string {
      const strings = PAGE_STRINGS[language];
      const languages = Object.keys(PAGE_STRINGS) as Language[];
      const texts = (key: keyof (typeof PAGE_STRINGS)['en']) =>
        languages.map((other) => ` data-text-${other}="${escapeHtml(PAGE_STRINGS[other][key])}"`).join('');
      const ownTitle = title !== strings.title;
      return template
        .replaceAll('{{lang}}', language)
        .replaceAll('{{titleTexts}}', ownTitle ? '' : texts('title'))
        .replaceAll('{{titleData}}', ownTitle ? ` data-title="${escapeHtml(title)}"` : '')
        .replaceAll('{{texts:intro}}', texts('intro'))
        .replaceAll('{{texts:footer}}', texts('footer'))
        .replaceAll('{{intro}}', escapeHtml(strings.intro))
        .replaceAll('{{noscript}}', escapeHtml(strings.noscript))
        .replaceAll('{{footer}}', escapeHtml(strings.footer))
        .replaceAll('{{title}}', escapeHtml(title))
        .replaceAll('{{assetVersion}}', assetVersion)
        .replaceAll('{{widgetVersion}}', versionOf('widget.js'));
    },
    /** The file's text as served (tests read it). */
    text: (name: PublicAssetName) => assets.get(name)!.body.toString('utf8'),
    serve(name: PublicAssetName, req: Request, res: Response): void {
      const asset = assets.get(name)!;
      const requested = queryOf(req).get('v');
      // page.css and the widget's files share the asset version; widget.js has its own.
      const versioned = requested !== null && (requested === asset.version || (name !== 'widget.js' && requested === assetVersion));
      const headers: Record<string, string> = {
        'Content-Type': asset.contentType,
        'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
        ETag: asset.etag,
        'X-Content-Type-Options': 'nosniff',
        // Other sites load the widget with <script> and <link>: let them, even under COEP, and let
        // their scripts read these public files too (checkers such as axe fetch stylesheets).
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Access-Control-Allow-Origin': '*',
      };
      if (answeredNotModified(req, res, headers, asset.etag)) return;
      res.writeHead(200, { ...headers, 'Content-Length': String(asset.body.length) });
      res.end(req.method === 'HEAD' ? undefined : asset.body);
    },
  };
}

export type PublicAssets = ReturnType<typeof createPublicAssets>;
