/**
 * The website chat page's Content-Security-Policy. The page itself (public/index.html) and the
 * widget it runs are files of their own, served by publicAssets.ts; nothing here is inline script.
 */

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
