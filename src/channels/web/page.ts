import { createHash } from 'node:crypto';
import { TOKEN_ROUTE } from './tokenRoute.js';

/**
 * The website chat page. The HTML holds no token, secret or user id: the page script asks
 * POST /api/directline/token for a short-lived session when it loads. Scripts are files of their
 * own (`/webchat/webchat.js` from the installed package, `/webchat/page.js` below), so the page's
 * Content-Security-Policy can refuse inline script.
 */

export interface PageOptions {
  title?: string;
  /** botframework-webchat version, for the bundle's cache-busting query. */
  webchatVersion: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Runs in the browser (plain ES2017, no build step). Opens Direct Line with the session the server
 * hands out, stamps every outgoing activity with the browser's IANA time zone and locale (Web Chat
 * sends `locale` but never `localTimezone`), and announces the user with a `webchat/join` event once
 * connected (the built-in endpoint also sends the bot a conversationUpdate, as Direct Line does).
 */
export const pageScript = `(function () {
  'use strict';
  var root = document.getElementById('webchat');
  var status = document.getElementById('status');
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { zone = undefined; }
  var locale = navigator.language || 'en-US';

  function fail(error) {
    status.textContent = 'The chat could not start. Please reload the page in a moment.';
    status.hidden = false;
    if (window.console) console.error('Candidate Assistant chat:', error);
  }

  function stamp(activity) {
    var stamped = Object.assign({}, activity, { locale: locale });
    if (zone) stamped.localTimezone = zone;
    return stamped;
  }

  if (!window.WebChat) return fail(new Error('Web Chat did not load'));

  fetch(${JSON.stringify(TOKEN_ROUTE)}, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    credentials: 'same-origin',
    cache: 'no-store'
  })
    .then(function (response) {
      if (!response.ok) throw new Error('token request answered ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: new URL(session.domain, window.location.href).href.replace(/\\/+$/, ''),
        webSocket: Boolean(session.webSocket)
      });
      var store = window.WebChat.createStore({}, function (api) {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: locale } } });
            } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.payload && action.payload.activity) {
              action = Object.assign({}, action, {
                payload: Object.assign({}, action.payload, { activity: stamp(action.payload.activity) })
              });
            }
            return next(action);
          };
        };
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          userID: session.userId,
          locale: locale,
          styleOptions: {
            hideUploadButton: true,
            botAvatarInitials: 'CA',
            userAvatarInitials: 'You',
            accent: '#1f4e79',
            bubbleBorderRadius: 6,
            bubbleFromUserBorderRadius: 6,
            bubbleFromUserBackground: '#e8f0f8',
            rootHeight: '100%',
            sendBoxTextWrap: true
          }
        },
        root
      );
      status.hidden = true;
    })
    .catch(fail);
})();
`;

/** Short content hash of the page script, so a new deployment changes its URL. */
export const pageScriptVersion = createHash('sha256').update(pageScript).digest('base64url').slice(0, 12);

export function renderPage(options: PageOptions): string {
  const title = escapeHtml(options.title ?? 'Candidate Assistant');
  const webchat = `/webchat/webchat.js?v=${encodeURIComponent(options.webchatVersion)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>
  html, body { height: 100%; margin: 0; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; background: #f4f5f7; }
  .shell { box-sizing: border-box; display: flex; flex-direction: column; height: 100%; max-width: 760px; margin: 0 auto; padding: 16px; }
  header h1 { font-size: 1.4rem; margin: 0 0 4px; }
  header p { margin: 0 0 12px; color: #4a4a4a; font-size: 0.95rem; }
  #webchat { flex: 1; min-height: 0; background: #fff; border: 1px solid #d0d4da; border-radius: 8px; overflow: hidden; }
  #status { margin: 8px 0 0; color: #8a1c1c; }
  footer { margin-top: 8px; font-size: 0.8rem; color: #5a5a5a; }
</style>
</head>
<body>
<div class="shell">
  <header>
    <h1>${title}</h1>
    <p>Questions about ASE certification tests: buying and scheduling, rescheduling, results, certificates, retests and recertification.</p>
  </header>
  <main id="webchat" aria-label="Chat with the ${title}"></main>
  <p id="status" role="status">Loading the chat...</p>
  <noscript><p>The chat needs JavaScript. You can also call ASE Customer Service at 1-800-390-6789.</p></noscript>
  <footer>Dates are worked out in your browser's time zone. Please don't share passwords or payment details in the chat.</footer>
</div>
<script src="${webchat}" defer></script>
<script src="/webchat/page.js?v=${pageScriptVersion}" defer></script>
</body>
</html>
`;
}

/**
 * The page's Content-Security-Policy: scripts only from this server; connections to this server
 * (the built-in Direct Line and its stream) and, on Azure, the Direct Line service. Web Chat styles
 * itself with injected <style> elements, hence 'unsafe-inline' for styles only.
 */
export function pageSecurityPolicy(directLineDomain?: string, frameAncestors = "'self'"): string {
  const connect = ["'self'"];
  if (directLineDomain) {
    const { host } = new URL(directLineDomain);
    connect.push(`https://${host}`, `wss://${host}`);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // Who may put the chat in a frame (WEB_FRAME_ANCESTORS): no other site can overlay it.
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}
