import { describe, expect, it } from 'vitest';
import { withoutAccents, withoutAccentsOrCompatibilityForms } from '../../src/language/accents.js';

describe('text without its accents', () => {
  it('reads "Miércoles", "año" and "¿Qué pasó?" as "Miercoles", "ano" and "¿Que paso?"', () => {
    expect(withoutAccents('Miércoles')).toBe('Miercoles');
    expect(withoutAccents('año')).toBe('ano');
    expect(withoutAccents('¿Qué pasó?')).toBe('¿Que paso?');
  });

  it('keeps letter case, punctuation and curly quotes as they were written', () => {
    expect(withoutAccents('ÉL DIJO “SÍ”')).toBe('EL DIJO “SI”');
    expect(withoutAccents('I can’t')).toBe('I can’t');
  });

  it('leaves compatibility forms alone unless asked: "ﬁ" and "Ａ５" stay, or become "fi" and "A5"', () => {
    expect(withoutAccents('ﬁnal Ａ５')).toBe('ﬁnal Ａ５');
    expect(withoutAccentsOrCompatibilityForms('ﬁnal Ａ５ pruébalo')).toBe('final A5 pruebalo');
  });

  it('gives empty text back empty', () => {
    expect(withoutAccents('')).toBe('');
    expect(withoutAccentsOrCompatibilityForms('')).toBe('');
  });
});
