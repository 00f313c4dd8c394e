// Shutdown: /readyz turns 503 for SHUTDOWN_DRAIN_MS while requests are still served, and only then
// does the listener close (issue 15: /readyz turned 503 about 20 ms before connections were refused,
// so a load balancer kept sending traffic to a stopping instance). Observed by a poller against a
// real bot process receiving SIGTERM.
import { describe, expect, it } from 'vitest';
import { startChildBot } from './childServer.js';

describe('the drain window', () => {
  it('after SIGTERM, /readyz is 503 for SHUTDOWN_DRAIN_MS (1.5 s here) while chat sessions are still handed out, then the process exits 0', async () => {
    const bot = await startChildBot({ SHUTDOWN_DRAIN_MS: '1500', SHUTDOWN_GRACE_MS: '1000' });
    const samples: Array<{ at: number; ready: number | 'down'; token: number | 'down' }> = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const at = Date.now();
        const ready = await fetch(`${bot.url}/readyz`).then((r) => r.status, () => 'down' as const);
        const token = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.status, () => 'down' as const);
        samples.push({ at, ready, token });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = Date.now();
    const exited = bot.stop();
    const code = await exited;
    polling = false;
    await poller;

    expect(code).toBe(0);
    const before = samples.filter((s) => s.at < signalled);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((s) => s.ready === 200 && s.token === 200)).toBe(true);
    const draining = samples.filter((s) => s.at >= signalled && s.ready === 503);
    // The window: from the first 503 to the last request still answered.
    const firstNotReady = draining[0]!.at;
    const lastServed = Math.max(...samples.filter((s) => s.token === 200).map((s) => s.at));
    console.info(`[drain] first 503 after ${firstNotReady - signalled} ms; served for ${lastServed - firstNotReady} ms after it`);
    expect(firstNotReady - signalled).toBeLessThan(500);
    expect(lastServed - firstNotReady).toBeGreaterThanOrEqual(1000);
    // While draining, the work was still done: chat sessions were handed out.
    expect(draining.filter((s) => s.token === 200).length).toBeGreaterThan(5);
    // After the window, the server went away (asked once more after the exit: the poller's last
    // request may have been answered just before the listener closed).
    expect(await fetch(`${bot.url}/readyz`).then((r) => r.status, () => 'down' as const)).toBe('down');
    // The shutdown was logged as JSON, nothing on stderr.
    expect(bot.stdout.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
    expect(bot.stderr.join('')).toBe('');
  }, 40_000);
});
