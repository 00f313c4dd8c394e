import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install -y chromium); playwright-core never downloads a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(chromiumPath);
const artifacts = join(process.cwd(), 'test-artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** Skips the test without Chromium on a laptop; in CI a missing browser is a broken image, and fails. */
export function requireChromium(context: { skip: (note?: string) => void }): void {
  if (haveChromium) return;
  if (process.env.CI) throw new Error(`Chromium not found at ${chromiumPath}; install Debian's chromium (apt-get install -y chromium)`);
  context.skip(`Chromium not found at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

/** Saves a screenshot to test-artifacts/. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, name), ...options });
}

/** What a page did wrong: script errors, dialogs, failed requests, console errors (CSP violations show up there). */
export function watchForProblems(page: Page, expected: (status: number, url: string) => boolean = () => false): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !expected(response.status(), response.url())) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return problems;
}

/**
 * A new page on the staff console at `baseUrl`, signed in as `username`; its problems are watched
 * (the session check's 401 before signing in is expected).
 */
export async function signedInConsole(browser: Browser, baseUrl: string, username: string, password: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = watchForProblems(page, (status, url) => status === 401 && url.endsWith('/staff/api/session'));
  await page.goto(`${baseUrl}/staff`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('#login-submit').click();
  return { page, problems };
}
