import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chooseLanguage, detectLanguage, readLanguageSwitch } from '../../src/language/detect.js';
import { languageOfLocale } from '../../src/language/languages.js';
import { readLanguageRequest } from '../../src/language/requests.js';

const set = parse(readFileSync('test/fixtures/language-short.yaml', 'utf8')) as { en: string[]; es: string[] };

describe('the language of a short message', () => {
  it('is right on the labelled 1-6 word messages (figures printed; bench/languageDetect.ts compares eld, franc, tinyld)', () => {
    const right = { en: set.en.filter((t) => detectLanguage(t).language === 'en').length, es: set.es.filter((t) => detectLanguage(t).language === 'es').length };
    console.log(`language detector: English ${right.en}/${set.en.length}, Spanish ${right.es}/${set.es.length}`);
    expect(set.en.every((t) => t.split(/\s+/).length <= 6) && set.es.every((t) => t.split(/\s+/).length <= 6)).toBe(true);
    // Tuned on this set (docs/spanish.md gives the first, untuned figure: 94.5%): this floor catches a collapse.
    expect(right.en + right.es).toBeGreaterThanOrEqual(190);
  });

  it('is never clearly wrong: clear evidence, which changes a conversation\'s language, names the right one', () => {
    const wrong = [...set.en.map((t) => [t, 'en'] as const), ...set.es.map((t) => [t, 'es'] as const)].filter(([t, lang]) => {
      const guess = detectLanguage(t);
      return guess.strength === 'clear' && guess.language !== lang;
    });
    expect(wrong).toEqual([]);
  });

  it.each([
    ['A5', null],
    ['3/14/2025', null],
    ['ok', null],
    ['DEMO-0001, 1980-01-01, 0001', null],
  ])('%s says nothing about the language', (text, language) => {
    expect(detectLanguage(text)).toMatchObject({ language, strength: 'none' });
  });

  it.each(['Y', 'y', 'N', 'ya', 'sí', 'de', 'mi', 'Y!'])('"%s", a letter or two, is never clear evidence of a language', (text) => {
    expect(detectLanguage(text).strength).not.toBe('clear');
  });

  it('reads a short word that is a whole Spanish word as clearly as before ("que?", "más")', () => {
    expect(detectLanguage('que?')).toMatchObject({ language: 'es', strength: 'clear' });
    expect(detectLanguage('más')).toMatchObject({ language: 'es', strength: 'clear' });
  });

  it('reads an English sentence in a reply as clearly English (the scan of Spanish conversations relies on it)', () => {
    expect(detectLanguage('Your detailed score report is emailed to you right after your appointment.')).toMatchObject({ language: 'en', strength: 'clear' });
    expect(detectLanguage('Su reporte de puntaje detallado se le envía por correo electrónico.')).toMatchObject({ language: 'es', strength: 'clear' });
  });

  it('throws a clear error for a non-string', () => {
    expect(() => detectLanguage(42 as unknown as string)).toThrow(/language\/detect: text must be a string/);
  });
});

describe('the explicit switch', () => {
  it.each([
    ['English, please', 'en'],
    ['in english', 'en'],
    ['¿Habla inglés?', 'en'],
    ['en español', 'es'],
    ['En español por favor', 'es'],
    ['espanol', 'es'],
    ['Spanish please', 'es'],
    ['¿habla español?', 'es'],
    // With the words around it candidates write (played against the bot: these were answered as questions).
    ['perdon, mejor en español', 'es'],
    ['hola, prefiero español', 'es'],
    ['en español porfa', 'es'],
    ['me puede hablar en español?', 'es'],
    ['sorry, english please', 'en'],
    ['I prefer English', 'en'],
    ['mejor en ingles', 'en'],
    // Played against the bot in ut18: answered with the FAQ about tests in Spanish.
    ['sorry can we do english', 'en'],
    ['can we switch to english please', 'en'],
    ["let's do spanish", 'es'],
    ['english instead', 'en'],
    ['podemos seguir en ingles?', 'en'],
    ["I don't speak Spanish", 'en'],
    ['i dont understand english', 'es'],
    ['no hablo español', 'en'],
    ['no entiendo inglés', 'es'],
  ])('"%s" asks for %s', (text, language) => {
    expect(readLanguageSwitch(text)).toBe(language);
  });

  it.each([
    ['do u speak spanish', 'es'],
    ['can you speak spanish?', 'es'],
    ['do you understand english?', 'en'],
    ['¿sabe inglés?', 'en'],
  ])('"%s" asks whether the assistant speaks %s: a question, not a switch', (text, language) => {
    expect(readLanguageRequest(text)).toEqual({ asks: 'whether', language });
    expect(readLanguageSwitch(text)).toBeNull();
  });

  it.each(['is the test in spanish?', 'hay examenes en español?', 'my english is bad', 'A5 en español', 'can i take the test in spanish', 'do you have the test in spanish', 'is there a spanish version', 'quiero el examen en español', 'prefiero tomar el test en español'])('"%s" is a question, not a switch', (text) => {
    expect(readLanguageSwitch(text)).toBeNull();
  });
});

describe('the turn\'s language', () => {
  it('keeps the conversation\'s language for a message with weak or no evidence', () => {
    expect(chooseLanguage({ text: 'A5', conversation: 'es' }).language).toBe('es');
    expect(chooseLanguage({ text: 'ok', conversation: 'es' }).language).toBe('es');
    expect(chooseLanguage({ text: 'bye', conversation: 'es' }).language).toBe('es');
  });

  it('keeps it for a bare letter: "Y" and "N" are a yes and a no in an English conversation, "y" is "and" in a Spanish one', () => {
    expect(chooseLanguage({ text: 'Y', conversation: 'en' }).language).toBe('en');
    expect(chooseLanguage({ text: 'N', conversation: 'en' }).language).toBe('en');
    expect(chooseLanguage({ text: 'y', conversation: 'es' }).language).toBe('es');
    expect(chooseLanguage({ text: 'Y', conversation: 'en', preferred: 'es' }).language).toBe('en');
    expect(chooseLanguage({ text: 'Y', locale: 'en' }).language).toBe('en');
  });

  it('takes the language the signed-in account prefers for a message that leans to it, and only then', () => {
    expect(chooseLanguage({ text: 'hola', conversation: 'en', preferred: 'es' }).language).toBe('es');
    expect(chooseLanguage({ text: 'hola', conversation: 'en' }).language).toBe('en');
    expect(chooseLanguage({ text: 'ok', conversation: 'en', preferred: 'es' }).language).toBe('en');
    expect(chooseLanguage({ text: 'A5', conversation: 'en', preferred: 'es' }).language).toBe('en');
  });

  it('changes it for a message clearly in the other language, and for an explicit switch', () => {
    expect(chooseLanguage({ text: 'when do I get my results?', conversation: 'es' })).toEqual({ language: 'en', switched: false });
    expect(chooseLanguage({ text: '¿cuándo me dan los resultados?', conversation: 'en' })).toEqual({ language: 'es', switched: false });
    expect(chooseLanguage({ text: 'English, please', conversation: 'es' })).toEqual({ language: 'en', switched: true });
  });

  it('starts from the first words, then the channel\'s locale, then English', () => {
    expect(chooseLanguage({ text: 'hola', locale: 'en' }).language).toBe('es');
    expect(chooseLanguage({ text: 'A5', locale: 'es' }).language).toBe('es');
    expect(chooseLanguage({ text: 'A5' }).language).toBe('en');
  });

  it.each([
    ['es-MX', 'es'],
    ['es', 'es'],
    ['en-US', 'en'],
    ['fr-FR', undefined],
    [undefined, undefined],
    [42, undefined],
  ])('the locale %s is %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});
