import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  consoleHtml,
  consoleScript,
  consoleScriptVersion,
  consoleSecurityPolicy,
  consoleStyles,
  consoleStylesVersion,
} from '../../src/handoff/staff/consolePage.js';

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
  const html = consoleHtml();

  it('loads its script and stylesheet from this server, versioned by content', () => {
    expect(html).toContain(`<script src="/staff/console.js?v=${consoleScriptVersion}" defer></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="/staff/console.css?v=${consoleStylesVersion}">`);
    expect(consoleScriptVersion).toBe(createHash('sha256').update(consoleScript).digest('base64url').slice(0, 12));
    expect(consoleStylesVersion).toBe(createHash('sha256').update(consoleStyles).digest('base64url').slice(0, 12));
    expect(consoleScriptVersion).toMatch(/^[A-Za-z0-9_-]{12}$/);
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
    const lookedUp = [...consoleScript.matchAll(/\$\('([a-z-]+)'\)/g)].map((match) => match[1]!);
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
  it('is valid JavaScript', () => {
    expect(() => new Function(consoleScript)).not.toThrow();
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
    expect(consoleScript).toContain("headers['X-CSRF-Token'] = state.csrf");
    // One fetch, in the API helper, so no request can skip the headers.
    expect(consoleScript.match(/\bfetch\(/g)).toHaveLength(1);
  });

  it('talks to the staff API, with live events from the same origin', () => {
    for (const path of ["'/login'", "'/logout'", "'/session'", "'/agents'", "'/cases'", "'/audit?limit=100'"]) {
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
