import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { haveChromium, launchChromium, requireChromium, screenshot, watchForProblems } from '../../support/browser.js';
import { startWebServer, type WebServer } from './support.js';
import { startHostSite, type HostSite } from './hostSite.js';
import { englishSentencesIn } from '../../support/englishSentences.js';
import { es } from '../../../src/messages/es.js';

/** A browser set to Spanish (es-MX): the page, the widget's own words and the bot all speak Spanish. */
describe('the website chat in a Spanish browser (headless Chromium)', () => {
  let server: WebServer | undefined;
  let site: HostSite | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!haveChromium) return;
    site = await startHostSite();
    server = await startWebServer({ env: { WEB_ALLOWED_ORIGINS: site.origin } });
    site.useBot(server.url);
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.close();
  });

  it('the page, the placeholder, the rating and the survey are in Spanish', { timeout: 60_000 }, async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ locale: 'es-MX', timezoneId: 'America/Mexico_City', viewport: { width: 1000, height: 900 } });
    const problems = watchForProblems(page);
    try {
      await page.goto(server!.url, { waitUntil: 'load' });
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      expect(await page.title()).toBe('Asistente para candidatos');
      expect(await page.locator('footer').innerText()).toContain('No comparta contraseñas');

      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await expect.poll(() => input.getAttribute('placeholder'), { timeout: 15_000 }).toBe('Escriba su mensaje');

      const transcript = page.locator('.webchat__basic-transcript');
      await input.fill('¿cuánto cuesta un certificado duplicado?');
      await input.press('Enter');
      await expect.poll(() => transcript.innerText(), { timeout: 15_000 }).toContain('$7.50');
      const rating = page.getByRole('group', { name: '¿Le ayudó esta respuesta?' }).last();
      await expect.poll(() => rating.isVisible(), { timeout: 10_000 }).toBe(true);
      await rating.getByRole('button', { name: 'No, esta respuesta no me ayudó' }).click();
      await expect.poll(() => page.getByText('¿Qué faltó? (opcional, sin datos personales)').last().isVisible()).toBe(true);

      await input.fill('adiós');
      await input.press('Enter');
      const survey = page.getByRole('group', { name: '¿Qué tal este chat? 1 es malo, 5 es excelente' });
      await expect.poll(() => survey.count(), { timeout: 10_000 }).toBe(1);
      await survey.getByRole('button', { name: '4 de 5' }).click();
      await expect.poll(() => survey.getByText('Gracias por decírnoslo.').isVisible()).toBe(true);
      await screenshot(page, 'web-chat-es.png', { fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a browser set to es-ES is welcomed in Spanish, and no English sentence shows anywhere on the page', { timeout: 60_000 }, async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ locale: 'es-ES', timezoneId: 'Europe/Madrid', viewport: { width: 1000, height: 900 } });
    try {
      await page.goto(server!.url, { waitUntil: 'load' });
      const transcript = page.locator('.webchat__basic-transcript');
      // The first thing the bot says, before the candidate types anything.
      await expect.poll(() => transcript.innerText(), { timeout: 15_000 }).toContain(es.welcome.slice(0, 40));
      expect(await transcript.innerText()).not.toContain('Candidate Assistant');
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await input.fill('reprobé el A5 el 3 de marzo');
      await input.press('Enter');
      await expect.poll(() => transcript.innerText(), { timeout: 15_000 }).toContain('A5');
      await input.fill('hablar con una persona');
      await input.press('Enter');
      await expect.poll(() => transcript.innerText(), { timeout: 15_000 }).toMatch(/persona|personal/);
      // Every word the page shows or reads out: text, labels, placeholders, titles.
      const shown = await page.evaluate(() => {
        const texts = [document.title, document.body.innerText];
        for (const element of Array.from(document.querySelectorAll('*'))) {
          for (const attribute of ['aria-label', 'placeholder', 'title', 'alt', 'aria-description']) {
            const value = element.getAttribute(attribute);
            if (value) texts.push(value);
          }
        }
        return texts;
      });
      expect(englishSentencesIn(shown.map((text) => ({ channel: 'page', text })))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('on an English browser, a Spanish answer is rated in Spanish and an English one in English (each reply says its language)', { timeout: 60_000 }, async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ locale: 'en-US', viewport: { width: 1000, height: 900 } });
    try {
      await page.goto(server!.url, { waitUntil: 'load' });
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await expect.poll(() => input.isVisible(), { timeout: 15_000 }).toBe(true);
      const transcript = page.locator('.webchat__basic-transcript');
      await input.fill('¿cuánto cuesta un certificado duplicado?');
      await input.press('Enter');
      await expect.poll(() => transcript.innerText(), { timeout: 15_000 }).toContain('$7.50');
      const spanishRating = page.getByRole('group', { name: '¿Le ayudó esta respuesta?' });
      await expect.poll(() => spanishRating.count(), { timeout: 10_000 }).toBe(1);
      expect(await page.getByRole('group', { name: 'Did this answer help?' }).count()).toBe(0);

      await input.fill('English please');
      await input.press('Enter');
      await input.fill('how much is a duplicate certificate?');
      await input.press('Enter');
      await expect.poll(() => page.getByRole('group', { name: 'Did this answer help?' }).count(), { timeout: 15_000 }).toBe(1);
      expect(await spanishRating.count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('on an English browser, writing Spanish turns the page Spanish (placeholder, footer, header, Web Chat\'s own words), and English turns it back', { timeout: 60_000 }, async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const problems = watchForProblems(page);
    try {
      await page.goto(server!.url, { waitUntil: 'load' });
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await expect.poll(() => input.getAttribute('placeholder'), { timeout: 15_000 }).toBe('Type your message');
      expect(await page.locator('footer').innerText()).toContain("Dates are worked out in your browser's time zone");

      await input.fill('hola, ¿cuánto cuesta un certificado duplicado?');
      await input.press('Enter');
      await expect.poll(() => input.getAttribute('placeholder'), { timeout: 15_000 }).toBe('Escriba su mensaje');
      expect(await page.locator('footer').innerText()).toContain('Las fechas se calculan en la zona horaria de su navegador');
      expect(await page.locator('h1').innerText()).toBe('Asistente para candidatos');
      expect(await page.title()).toBe('Asistente para candidatos');
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      const transcript = page.locator('.webchat__basic-transcript');
      await expect.poll(() => transcript.innerText(), { timeout: 10_000 }).toContain('Ahora mismo');
      await screenshot(page, 'web-chat-follows-spanish-390.png');

      await input.fill('English please');
      await input.press('Enter');
      await expect.poll(() => input.getAttribute('placeholder'), { timeout: 15_000 }).toBe('Type your message');
      expect(await page.locator('footer').innerText()).toContain("Dates are worked out in your browser's time zone");
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the launcher on another site opens and closes the chat in Spanish', { timeout: 60_000 }, async (context) => {
    requireChromium(context);
    const page = await browser!.newPage({ locale: 'es-MX', viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(site!.origin);
      const launcher = page.getByRole('button', { name: 'Abrir el chat: Ask about ASE tests' });
      await expect.poll(() => launcher.isVisible(), { timeout: 10_000 }).toBe(true);
      await launcher.click();
      await expect.poll(() => page.getByRole('button', { name: 'Cerrar el chat' }).isVisible(), { timeout: 10_000 }).toBe(true);
    } finally {
      await page.close();
    }
  });
});
