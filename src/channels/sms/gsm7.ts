/**
 * The GSM 03.38 default alphabet. A message written only in it travels 160 characters to a segment
 * (153 when concatenated); one character outside it turns the whole message into UCS-2, 70 to a
 * segment (67 concatenated). Typographic punctuation that word processors and knowledge files are
 * full of (curly quotes, dashes, ellipses, non-breaking spaces) is the usual culprit, so it is folded
 * to plain equivalents. Letters are left alone: folding "á" to "a" would change what the text says.
 */

/** The basic character set (one septet each). */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each costs two septets (an escape, then the character). */
const EXTENDED = '\f^{}\\[~]|€';

const basic = new Set(BASIC);
const extended = new Set(EXTENDED);

/** Characters folded to GSM-7 equivalents; anything mapped to '' is dropped. */
const FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u02BC\u00B4`]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u2022\u2023\u2043\u25E6\u00B7]/g, '-'],
  // No-break, figure, thin, hair, en/em and other fixed-width spaces, and the ideographic space.
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  // Zero-width characters and the soft hyphen carry nothing a reader sees.
  [/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, ''],
  [/\t/g, ' '],
  [/\u2122/g, '(TM)'],
  [/\u00AE/g, '(R)'],
  [/\u00A9/g, '(C)'],
];

export interface Gsm7Result {
  text: string;
  /** True when every character of `text` is in the GSM-7 alphabet (basic or extension table). */
  gsm7: boolean;
}

/** Is this character (one code point) in the GSM-7 alphabet? */
export const isGsm7Char = (char: string): boolean => basic.has(char) || extended.has(char);

/** Is the whole text sendable as GSM-7? */
export const isGsm7 = (text: string): boolean => {
  for (const char of text) if (!isGsm7Char(char)) return false;
  return true;
};

/** Folds typographic punctuation and odd spaces to their GSM-7 equivalents and says whether the result is pure GSM-7. */
export function foldToGsm7(text: string): Gsm7Result {
  const folded = FOLDS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text.normalize('NFC'));
  return { text: folded, gsm7: isGsm7(folded) };
}

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Length in the encoding's units: septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

/** How many SMS segments a message of this text costs (what the carrier bills, not what Twilio's 1,600 limit counts). */
export function countSegments(text: string): SegmentCount {
  if (isGsm7(text)) {
    let units = 0;
    for (const char of text) units += extended.has(char) ? 2 : 1;
    return { encoding: 'GSM-7', units, segments: units === 0 ? 0 : units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
