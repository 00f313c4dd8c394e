import { z } from 'zod';

import { emptyToUndefined } from '../../configFields.js';

/**
 * The website channel's settings, as zod fields for the one config schema (src/config.ts spreads
 * `...webConfigShape` into its object). Names are the environment variables.
 *
 * - DIRECTLINE_SECRET: the Azure Bot Service Direct Line secret. Set: the page gets short-lived
 *   tokens from Azure (POST /api/directline/token exchanges the secret) and the built-in Direct Line
 *   endpoint is not mounted. Unset: the built-in Direct Line 3.0 endpoint serves the page.
 * - DIRECTLINE_DOMAIN: the Azure Direct Line base (regional endpoints differ).
 * - DIRECTLINE_LOCAL_SECRET: HMAC key for the built-in endpoint's tokens. Unset: a random key per
 *   process, which is fine for one instance; several instances behind a load balancer must share one.
 * - DIRECTLINE_LOCAL_WEBSOCKET: let the page use the built-in endpoint's WebSocket stream (a reply
 *   shows as soon as it is stored). On by default; the page falls back to polling by itself when
 *   the stream cannot open (a proxy that drops `Upgrade`). `false` makes every page poll.
 * - WEB_FRAME_ANCESTORS: who may frame the Web Chat page (CSP `frame-ancestors`). `'self'` by
 *   default, so another site cannot frame the chat and overlay it (clickjacking); list the
 *   website's origin(s) when it embeds the page in an iframe.
 * - WEB_ALLOWED_ORIGINS: the sites whose pages may run the chat widget (widget.js) against this
 *   server: CORS on the token route and the built-in Direct Line. Origins separated by spaces or
 *   commas. Empty by default: only the bot's own page at / can chat.
 */
export const webConfigShape = {
  DIRECTLINE_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, 'looks too short for a Direct Line secret').optional()),
  DIRECTLINE_DOMAIN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^https:\/\/[^/\s]+(\/[^\s]*)?[^/\s]$/, 'must be an https URL without a trailing slash')
      .default('https://directline.botframework.com/v3/directline'),
  ),
  DIRECTLINE_LOCAL_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  DIRECTLINE_LOCAL_WEBSOCKET: z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0'])
      .default('true')
      .transform((value) => value === 'true' || value === '1'),
  ),
  WEB_FRAME_ANCESTORS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^(?:'self'|'none'|https?:\/\/(?:\*\.)?[\w.-]+(?::\d{1,5})?)(?:\s+(?:'self'|https?:\/\/(?:\*\.)?[\w.-]+(?::\d{1,5})?))*$/,
        "must be 'none', or 'self' and/or origins such as https://www.ase.com, separated by spaces",
      )
      .default("'self'"),
  ),
  WEB_ALLOWED_ORIGINS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('')
      .transform((value) => value.split(/[\s,]+/).filter(Boolean))
      .pipe(
        z.array(
          z
            .string()
            .regex(/^https?:\/\/[\w.-]+(?::\d{1,5})?$/, 'each must be an origin such as https://www.ase.com (scheme, host, optional port; no path)'),
        ),
      ),
  ),
};

export const webSettingsSchema = z.object(webConfigShape);

export type WebSettings = z.infer<typeof webSettingsSchema> & {
  /** The bot's app id, used as its Direct Line member id when set. */
  MicrosoftAppId?: string;
  /** The store's item cap; a built-in Direct Line conversation is kept well under it. */
  STATE_MAX_ITEM_BYTES?: number;
};

/** Parses the web settings alone (tests, or a config without them yet). */
export const parseWebSettings = (env: Record<string, string | undefined> = {}): WebSettings => webSettingsSchema.parse(env);
