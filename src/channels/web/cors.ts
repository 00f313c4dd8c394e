import type { Request, Response, Server } from 'restify';

/** The routes a page on another site calls: the chat session and the built-in Direct Line. */
const CROSS_ORIGIN_PATHS = /^\/(?:api\/directline\/|v3\/directline\/)/;

/**
 * Lets the chat widget on the sites in WEB_ALLOWED_ORIGINS call the token route and the built-in
 * Direct Line from their own pages (CORS): the origin is echoed only when it is on the list, with
 * no credentials (the widget sends a bearer token, never a cookie). Preflights (OPTIONS) are
 * answered here, before routing. Any other origin gets no CORS headers, so its browser refuses the
 * answers; the WebSocket stream needs none (the token in its URL is the check).
 */
export function allowCrossOrigin(server: Server, allowedOrigins: readonly string[]): void {
  if (!allowedOrigins.length) return;
  const allowed = new Set(allowedOrigins);
  server.pre((req: Request, res: Response, next: (error?: false) => void) => {
    const origin = req.headers.origin;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!origin || !CROSS_ORIGIN_PATHS.test(path)) return next();
    res.setHeader('Vary', 'Origin');
    if (!allowed.has(origin)) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (req.method !== 'OPTIONS') return next();
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, x-ms-bot-agent',
      'Access-Control-Max-Age': '600',
      'Content-Length': '0',
    });
    res.end();
    return next(false);
  });
}
