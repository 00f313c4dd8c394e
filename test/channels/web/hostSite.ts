import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A website of its own (another origin: `localhost` and its own port, where the bot is on
 * 127.0.0.1) that embeds the chat with the one tag docs/channels-web.md shows, under a strict CSP
 * of its own that lets in only the bot. The bot's address is set once the bot runs (`useBot`),
 * since the bot must be told the site's origin first (WEB_ALLOWED_ORIGINS).
 */
export async function startHostSite() {
  let bot = '';
  const server = createServer((req, res) => {
    if (req.url === '/site.js') {
      // The site hands the widget its signed-in user's identity token through a callback.
      res.writeHead(200, { 'Content-Type': 'application/javascript' });
      return res.end("window.siteIdentityToken = function () { return Promise.resolve('site-identity-token-123'); };");
    }
    const botWs = bot.replace(/^http/, 'ws');
    const csp = [
      "default-src 'self'",
      `script-src 'self' ${bot}`,
      `style-src 'self' 'unsafe-inline' ${bot}`,
      `connect-src 'self' ${bot} ${botWs}`,
      "img-src 'self' data: blob:",
    ].join('; ');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A garage's website</title><script src="/site.js"></script></head>
<body><main><h1>Smith's Garage</h1><p>Our technicians are ASE certified.</p></main>
<script src="${bot}/webchat/widget.js" data-title="Ask about ASE tests" data-accent="#7a1f1f" data-token-callback="siteIdentityToken" async></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    useBot: (url: string) => {
      bot = url;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type HostSite = Awaited<ReturnType<typeof startHostSite>>;
