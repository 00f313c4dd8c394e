import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_ASSET_PATH, consoleSecurityPolicy, loadConsoleAssets } from '../../src/handoff/staff/consoleAssets.js';

const assets = loadConsoleAssets();
/** The console's own modules (not the charting library it serves from node_modules). */
const scripts = [...assets.files.values()].filter((file) => file.name.endsWith('.js') && !file.from);
/** Every module of the console, as served. */
const consoleScript = scripts.map((file) => file.body).join('\n');
const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 12);

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(' ')] as const;
    }),
  );

describe('the staff console security policy', () => {
  it('allows script, style and connections from this server only, and nothing else', () => {
    const policy = directives(consoleSecurityPolicy());
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'connect-src': "'self'",
      'img-src': "'self' data:",
      'base-uri': "'none'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
    expect(consoleSecurityPolicy()).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

describe('the staff console page', () => {
  const html = assets.html;

  it('loads its module and stylesheet from this server, named by the hash of their content', () => {
    expect(html).toMatch(new RegExp(`<script type="module" src="${CONSOLE_ASSET_PATH}main\\.[A-Za-z0-9_-]{12}\\.js"></script>`));
    expect(html).toMatch(new RegExp(`<link rel="stylesheet" href="${CONSOLE_ASSET_PATH}console\\.[A-Za-z0-9_-]{12}\\.css">`));
    expect(html).not.toContain('{{');
    for (const file of assets.files.values()) {
      expect(file.name, file.name).toMatch(new RegExp(`\\.${hashOf(file.body)}\\.(js|css)$`));
    }
    expect(html).toContain(assets.url('main.js'));
    expect(html).toContain(assets.url('console.css'));
  });

  it('points every module at its neighbours by their hashed names, so a change in one reaches the browser', () => {
    const imports = scripts.flatMap((file) => [...file.body.matchAll(/from '\.\/([^']+)'/g)].map((match) => match[1]!));
    expect(imports.length).toBeGreaterThanOrEqual(3);
    for (const name of imports) expect([...assets.files.keys()], name).toContain(name);
  });

  it('changes the main module\'s name when only a module it imports changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-assets-'));
    writeFileSync(join(dir, 'index.html'), '<script type="module" src="{{asset:main.js}}"></script>');
    writeFileSync(join(dir, 'main.js'), "import { x } from './dep.js';\nconsole.log(x);\n");
    writeFileSync(join(dir, 'dep.js'), 'export const x = 1;\n');
    const before = loadConsoleAssets(dir).url('main.js');
    writeFileSync(join(dir, 'dep.js'), 'export const x = 2;\n');
    expect(loadConsoleAssets(dir).url('main.js')).not.toBe(before);
  });

  it('serves the charting library from the installed uplot package, unchanged, by hashed name, before the modules run', () => {
    const packageDir = createRequire(import.meta.url).resolve('uplot/package.json').replace(/package\.json$/, '');
    const library = assets.url('uPlot.iife.min.js');
    const stylesheet = assets.url('uPlot.min.css');
    expect(library).toMatch(new RegExp(`^${CONSOLE_ASSET_PATH}uPlot\\.iife\\.min\\.[A-Za-z0-9_-]{12}\\.js$`));
    const served = assets.files.get(library.slice(CONSOLE_ASSET_PATH.length))!;
    expect(served).toMatchObject({ from: 'uplot', contentType: 'text/javascript; charset=utf-8' });
    expect(served.body).toBe(readFileSync(`${packageDir}dist/uPlot.iife.min.js`, 'utf8'));
    expect(assets.files.get(stylesheet.slice(CONSOLE_ASSET_PATH.length))!.body).toBe(readFileSync(`${packageDir}dist/uPlot.min.css`, 'utf8'));
    // A classic deferred script: it runs before the (deferred) module, so the charts find it.
    expect(html.indexOf(`<script defer src="${library}"></script>`)).toBeGreaterThan(0);
    expect(html.indexOf(`<script defer src="${library}"></script>`)).toBeLessThan(html.indexOf(assets.url('main.js')));
    expect(html).toContain(`<link rel="stylesheet" href="${stylesheet}">`);
    // Nothing the policy refuses: no eval, no style sheet written by script.
    expect(served.body).not.toMatch(/\beval\(|new Function|insertRule|innerHTML|setAttribute\(\s*["']style/);
  });

  it('refuses to start when a package the page needs is not installed, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-assets-'));
    writeFileSync(join(dir, 'index.html'), '<script src="{{asset:chart.js}}"></script>');
    expect(() => loadConsoleAssets(dir, [{ source: 'chart.js', pkg: 'no-such-chart-package', file: 'dist/chart.js' }])).toThrow(/no-such-chart-package is not installed/);
  });

  it('refuses to start with a page that names a file the folder does not have, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-assets-'));
    writeFileSync(join(dir, 'index.html'), '<script type="module" src="{{asset:missing.js}}"></script>');
    expect(() => loadConsoleAssets(dir)).toThrow(/missing\.js/);
  });

  it('has no inline script, inline style or event handler attribute (the policy would refuse them)', () => {
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/javascript:/i);
    // Nothing is fetched from elsewhere.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('has every element the tests and the script rely on, each id once', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'login-form',
      'login-username',
      'login-password',
      'login-submit',
      'login-error',
      'signed-in-as',
      'sign-out',
      'live-status',
      'banner',
      'banner-dismiss',
      'queue-list',
      'mine-list',
      'others-section',
      'others-list',
      'case-topic',
      'case-meta',
      'summary',
      'transcript',
      'reply-text',
      'reply-send',
      'transfer-select',
      'transfer-submit',
      'end-case',
      'handback-open',
      'handback-note',
      'handback-submit',
    ]) {
      expect(ids, id).toContain(id);
    }
    // Every id the script looks up exists in the page.
    const lookedUp = [...consoleScript.matchAll(/(?:\$|\binput|\btextArea|\bselect|\bbuttonEl)\('([a-z-]+)'/g)].map((match) => match[1]!);
    expect(lookedUp.length).toBeGreaterThan(20);
    for (const id of new Set(lookedUp)) expect(ids, `script uses #${id}`).toContain(id);
  });

  it('labels its form fields and announces new messages politely', () => {
    for (const id of ['login-username', 'login-password', 'reply-text', 'transfer-select', 'handback-note']) {
      expect(html).toContain(`<label for="${id}">`);
    }
    expect(html).toMatch(/<div id="announcer"[^>]*aria-live="polite"/);
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/id="login-password" name="password" type="password" autocomplete="current-password"/);
    // Without the script the sign-in form posts (never a GET with the password in the address).
    expect(html).toMatch(/<form id="login-form" method="post"/);
  });
});

describe('the staff console script', () => {
  it('is type-checked: every module starts with // @ts-check', () => {
    for (const file of scripts) expect(file.body.startsWith('// @ts-check'), file.name).toBe(true);
  });

  it('never turns server data into HTML', () => {
    expect(consoleScript).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/);
    expect(consoleScript).not.toMatch(/\beval\(|new Function|setTimeout\(\s*['"]/);
    // Styles go through classes: the policy refuses style attributes.
    expect(consoleScript).not.toMatch(/setAttribute\('style'|\.style\./);
    expect(consoleScript).toContain('textContent');
  });

  it('sends JSON with the CSRF header and the same-origin cookie on every POST', () => {
    expect(consoleScript).toContain("credentials: 'same-origin'");
    expect(consoleScript).toContain("headers['Content-Type'] = 'application/json'");
    expect(consoleScript).toContain("headers['X-CSRF-Token'] = session.csrf");
    // One fetch, in the API helper, so no request can skip the headers.
    expect(consoleScript.match(/\bfetch\(/g)).toHaveLength(1);
  });

  it('talks to the staff API, with live events from the same origin', () => {
    for (const path of ["'/login'", "'/logout'", "'/session'", "'/agents'", "'/cases?limit='", "'/audit?limit=100'"]) {
      expect(consoleScript).toContain(path);
    }
    for (const action of ["'claim'", "'messages'", "'transfer'", "'end'", "'handback'"]) expect(consoleScript).toContain(action);
    expect(consoleScript).toContain("new EventSource(API + '/events')");
    expect(consoleScript).toContain("addEventListener('case'");
    expect(consoleScript).toContain("addEventListener('line'");
    expect(consoleScript).toContain('REFRESH_MS = 30000');
  });

  it('says what the sign-in answers mean, and names channels for people', () => {
    expect(consoleScript).toContain("'Too many attempts, try again in '");
    expect(consoleScript).toContain("'Wrong username or password.'");
    expect(consoleScript).toContain("webchat: 'Web chat', directline: 'Web chat', msteams: 'Teams', sms: 'SMS'");
    expect(consoleScript).toContain('after hours \\u2013 reply by ');
  });

  it('marks transcript lines for tests and shows failed deliveries', () => {
    expect(consoleScript).toContain("setAttribute('data-testid', 'transcript-line')");
    expect(consoleScript).toContain("setAttribute('data-from'");
    expect(consoleScript).toContain("setAttribute('data-delivery'");
    expect(consoleScript).toContain("line.delivery === 'failed'");
    for (const testid of ["'queue-item'", "'mine-item'", "'claim'"]) expect(consoleScript).toContain(testid);
  });

  it('is plain ASCII, whatever charset it is served with', () => {
    expect(consoleScript).toMatch(/^[\x20-\x7e\n]*$/);
  });
});
