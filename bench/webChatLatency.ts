/**
 * Time from Enter in the website chat to the bot's reply shown, measured in Chromium: the bot as
 * `npm start` composes it (composeApplication, memory store), its page at /, and the widget talking
 * to the built-in Direct Line over the WebSocket stream (the default) and by polling
 * (DIRECTLINE_LOCAL_WEBSOCKET=false). The clock is the page's own: performance.now() at the Enter
 * key, and again when a MutationObserver sees the reply's bubble in the transcript.
 *
 *   npm run bench:web [-- --questions 20]
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { composeApplication } from '../src/composition.js';
import { parseConfig } from '../src/config.js';

const { values } = parseArgs({ options: { questions: { type: 'string', default: '20' } } });
const questionCount = Number(values.questions);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const questions = [
  'How much does a duplicate certificate cost?',
  'When can I retake a test I failed?',
  'When will I get my results?',
  'How do I reschedule my test?',
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;

async function measure(webSocket: boolean): Promise<number[]> {
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', STAFF_DEMO_PASSWORD: 'bench-demo-staff-password', DIRECTLINE_LOCAL_WEBSOCKET: String(webSocket) });
  const composed = await composeApplication(config, { logger: pino({ level: 'silent' }), clock: () => new Date() });
  const { http } = composed.app;
  await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('.webchat__bubble__content').first().waitFor({ timeout: 15_000 });
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    const timings: number[] = [];
    for (let i = 0; i < questionCount; i++) {
      await input.fill(questions[i % questions.length]!);
      // In the page: note the time of Enter, then wait for the next bot bubble to appear.
      // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
      const waited = page.evaluate(`new Promise((resolve) => {
        const bot = () => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length;
        const before = bot();
        let sentAt = 0;
        document.addEventListener('keydown', () => (sentAt = performance.now()), { once: true, capture: true });
        const observer = new MutationObserver(() => {
          if (sentAt && bot() > before) {
            observer.disconnect();
            resolve(performance.now() - sentAt);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      })`) as Promise<number>;
      await input.press('Enter');
      timings.push(await waited);
      // Let Web Chat settle (and a polling page reach its next poll at a random phase).
      await page.waitForTimeout(150 + Math.floor(Math.random() * 400));
    }
    return timings;
  } finally {
    await browser.close();
    await composed.close();
  }
}

const report = (name: string, timings: number[]) => {
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(10)} n=${sorted.length}  median ${percentile(sorted, 0.5).toFixed(0)} ms  p90 ${percentile(sorted, 0.9).toFixed(0)} ms  min ${sorted[0]!.toFixed(0)} ms  max ${sorted.at(-1)!.toFixed(0)} ms`,
  );
};

console.log(`send to reply shown, in Chromium (${questionCount} questions each)`);
report('WebSocket', await measure(true));
report('polling', await measure(false));
