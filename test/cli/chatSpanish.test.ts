import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chatWords, languageAfterReply, terminalLocale } from '../../src/cli/chatWords.js';
import { englishSentencesIn } from '../support/englishSentences.js';

/** Runs the chat with its standard input fed from these lines. */
function chatWith(lines: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--import', 'tsx', '--no-deprecation', 'src/cli/chat.ts'], {
      env: { ...process.env, NO_COLOR: '1', LC_ALL: '', LC_MESSAGES: '', CHAT_LOCALE: '', LOG_LEVEL: 'silent', ...env },
      timeout: 90_000,
    }, (error, stdout) => (error && !stdout ? reject(error) : resolve(stdout)));
    child.stdin!.end(lines.map((line) => `${line}\n`).join(''));
  });
}
describe('npm run chat in a Spanish terminal', () => {
  it('a terminal set to Spanish (LANG=es_ES.UTF-8) is welcomed in Spanish, and nothing it prints is an English sentence', { timeout: 120_000 }, async () => {
    const out = await chatWith(['hola', 'reprobé el A5 el 3 de marzo, ¿cuándo puedo repetirlo?', 'hablar con una persona', 'gracias', '/salir'], { LANG: 'es_ES.UTF-8' });
    expect(out).toContain('¡Hola! Soy el Asistente para Candidatos de ASE');
    expect(out).toContain(chatWords('es').hint);
    expect(out).toContain(chatWords('es').prompt.trim());
    const printed = out.split('\n').map((text) => ({ channel: 'terminal', text }));
    expect(englishSentencesIn(printed)).toEqual([]);
  });

  it('its own words follow the conversation into Spanish from an English terminal ("en español")', { timeout: 120_000 }, async () => {
    const out = await chatWith(['en español', 'gracias', '/salir'], { LANG: 'en_US.UTF-8' });
    expect(out).toContain(chatWords('en').hint);
    // The prompt is English until the bot says it carries on in Spanish, then Spanish.
    const [before, after] = out.split('De acuerdo, seguimos en español.');
    expect(before).toContain(chatWords('en').prompt.trim());
    expect(before).not.toContain(chatWords('es').prompt.trim());
    expect(after).toContain(chatWords('es').prompt.trim());
  });
});

describe("the terminal chat's language", () => {
  it('comes from CHAT_LOCALE, LC_ALL, LC_MESSAGES or LANG, in that order, and is en-US for C or nothing', () => {
    expect(terminalLocale({ LANG: 'es_MX.UTF-8' })).toBe('es-MX');
    expect(terminalLocale({ LC_ALL: 'es_US.utf8', LANG: 'en_US.UTF-8' })).toBe('es-US');
    expect(terminalLocale({ CHAT_LOCALE: 'en-GB', LANG: 'es_ES.UTF-8' })).toBe('en-GB');
    expect(terminalLocale({ LANG: 'C' })).toBe('en-US');
    expect(terminalLocale({ LANG: 'fr_FR.UTF-8' })).toBe('en-US');
    expect(terminalLocale({})).toBe('en-US');
  });

  it('changes only when a reply is clearly in the other language', () => {
    expect(languageAfterReply('en', 'De acuerdo, seguimos en español.')).toBe('es');
    expect(languageAfterReply('es', 'Okay, let\'s continue in English.')).toBe('en');
    expect(languageAfterReply('es', 'A5')).toBe('es');
  });

  it('its Spanish words hold no English sentence', () => {
    const es = chatWords('es');
    const texts = [es.prompt, es.hint, es.staffConsole('http://127.0.0.1:3978/staff', 'secret')];
    expect(englishSentencesIn(texts.map((text) => ({ channel: 'terminal', text })))).toEqual([]);
  });
});
