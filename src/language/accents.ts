/**
 * Accents folded away, one way for every reader: candidates often leave accents out ("que" for
 * "qué", "ano" for "año"), so text is compared with its accents gone. Canonical decomposition
 * splits a letter from its marks, and the combining diacritical marks (U+0300 to U+036F) are
 * dropped; "ñ" is folded too. Letter case is left as it is: each reader lowers it where it needs to.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** "Miércoles" is "Miercoles", "año" is "ano", "¿Qué?" is "¿Que?". */
export const withoutAccents = (text: string): string => text.normalize('NFD').replace(COMBINING_MARKS, '');

/**
 * withoutAccents, and compatibility forms written plainly as well (NFKD): the ligature "ﬁ" is "fi",
 * full-width "Ａ５" is "A5", superscript "²" is "2". For the index's own words, where such forms must
 * meet their plain spelling.
 */
export const withoutAccentsOrCompatibilityForms = (text: string): string => text.normalize('NFKD').replace(COMBINING_MARKS, '');
