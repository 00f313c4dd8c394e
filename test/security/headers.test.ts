// The Web Chat page says who may frame it (issue 15: any site could frame the chat).
import { describe, expect, it } from 'vitest';
import { startSecuredBot } from './support.js';

describe('Content-Security-Policy frame-ancestors on /', () => {
  it.each([
    [{}, "frame-ancestors 'self'"],
    [{ WEB_FRAME_ANCESTORS: "'self' https://www.ase.com" }, "frame-ancestors 'self' https://www.ase.com"],
    [{ DIRECTLINE_SECRET: 'a-direct-line-secret-for-tests', WEB_FRAME_ANCESTORS: "'none'" }, "frame-ancestors 'none'"],
  ])('%o: %s', async (env, expected) => {
    const bot = await startSecuredBot({ env });
    try {
      const page = await fetch(`${bot.url}/`);
      expect(page.status).toBe(200);
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy.split('; ')).toContain(expected);
    } finally {
      await bot.close();
    }
  });

  it('a value that is not a frame-ancestors source list stops start-up with the variable named', async () => {
    await expect(startSecuredBot({ env: { WEB_FRAME_ANCESTORS: 'https://ok.example; script-src *' } })).rejects.toThrow(/WEB_FRAME_ANCESTORS/);
  });
});
