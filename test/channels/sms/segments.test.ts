import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitForSms } from '../../../src/channels/sms/segments.js';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('splitForSms: examples', () => {
  it('keeps a short text as one message and trims it', () => {
    expect(splitForSms('  Hello there.  ')).toEqual(['Hello there.']);
  });

  it('gives no parts for empty or blank text', () => {
    expect(splitForSms('')).toEqual([]);
    expect(splitForSms(' \n\t ')).toEqual([]);
  });

  it('splits between sentences, packing them up to the target', () => {
    const sentence = (n: number) => `Sentence number ${n} says something useful about testing.`; // 56-57 characters
    const text = Array.from({ length: 12 }, (_, i) => sentence(i + 1)).join(' ');
    const parts = splitForSms(text, { target: 120 });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(120);
      expect(part).toMatch(/^Sentence number \d+ .*testing\.$/);
    }
    expect(parts.join(' ')).toBe(text);
  });

  it('prefers a paragraph break to a sentence break', () => {
    const first = 'First paragraph, one sentence. And another one here.';
    const second = 'Second paragraph starts. It goes on a little further than that.';
    expect(splitForSms(`${first}\n\n${second}`, { target: 80 })).toEqual([first, second]);
  });

  it('keeps numbered choices on their own lines and never breaks after a list number', () => {
    const text = 'Did you mean one of these?\n\n1. How do I reschedule?\n2. When are results ready?\n3. None of these\nReply with a number.';
    const parts = splitForSms(text, { target: 60 });
    for (const part of parts) expect(part).not.toMatch(/^\d\.$/m);
    expect(parts.join('\n')).toContain('1. How do I reschedule?');
  });

  it('does not break after abbreviations, initials or before a lower-case word', () => {
    const text = 'Charged per series (i.e. Automobile, Truck). Call Dr. Smith or J. Doe at 9 a.m. tomorrow. That is all.';
    const parts = splitForSms(text, { target: 50 });
    expect(parts).toEqual(['Charged per series (i.e. Automobile, Truck).', 'Call Dr. Smith or J. Doe at 9 a.m. tomorrow.', 'That is all.']);
  });

  it('keeps a long sentence whole while it fits the hard limit', () => {
    const sentence = `Every${' word'.repeat(99)}.`; // 501 characters
    expect(splitForSms(`Short one. ${sentence} Short two.`, { target: 320 })).toEqual(['Short one.', sentence, 'Short two.']);
  });

  it('cuts a sentence over the hard limit between words', () => {
    const sentence = `${'lorem '.repeat(400).trim()}.`; // 2,400 characters
    const parts = splitForSms(sentence);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(320);
      expect(part).toMatch(/^lorem( lorem)*\.?$/);
    }
    expect(words(parts.join(' '))).toEqual(words(sentence));
  });

  it('cuts inside a word only when the word alone is over the hard limit, and never inside a surrogate pair', () => {
    const word = '\u{1F600}'.repeat(1000); // 2,000 UTF-16 code units
    const parts = splitForSms(`Before ${word} after`, { max: 1600, target: 320 });
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1600);
      expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(parts.join('').replace(/\s+/g, '')).toBe(`Before${word}after`);
  });

  it('splits a 1,000-character FAQ answer into parts of at most 320', () => {
    const answer =
      'You can, as long as your appointment is more than three days away: cancel the existing appointment first, then book the new one.\n\n' +
      'To change your test date or time, use the Cancel Selected Appointment(s) option in myASE, then schedule the new appointment. You can also call Prometric at 877-346-9327 for help by phone.\n\n' +
      'To cancel a test, first cancel any existing appointment for that test, then cancel the test itself with the Cancel Test option in myASE, or call Prometric at 877-346-9327.\n\n' +
      'No changes are allowed within three days of your scheduled appointment: you cannot cancel the appointment or the test. You can only cancel a test and receive a refund for a test that you purchased.';
    const parts = splitForSms(answer);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(320);
    expect(parts.join('\n\n')).toBe(answer);
  });

  it('rejects nonsensical limits', () => {
    expect(() => splitForSms('x', { max: 1 })).toThrow(/max/);
    expect(() => splitForSms('x', { target: 0 })).toThrow(/target/);
  });
});

describe('splitForSms: properties', () => {
  // Text built from words, sentence punctuation, spaces, line and paragraph breaks, typographic and
  // astral characters, plus the occasional very long word.
  const word = fc.oneof(
    { weight: 20, arbitrary: fc.stringMatching(/^[A-Za-z0-9$'"(),:;\-\u2019\u00E9]{1,12}$/) },
    { weight: 3, arbitrary: fc.constantFrom('e.g.', 'i.e.', 'Dr.', '1.', '2)', 'etc.', 'A.', 'U.S.') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => !/\s/.test(s)) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{300,2500}$/) },
  );
  const separator = fc.constantFrom(' ', ' ', ' ', '. ', '? ', '! ', '\n', '\n\n', '  ', '.\n', ' \n \n ');
  const text = fc
    .array(fc.tuple(word, separator), { maxLength: 400 })
    .map((pairs) => pairs.map(([w, s]) => w + s).join(''));
  const limits = fc.oneof(
    fc.constant({ max: 1600, target: 320 }),
    fc.integer({ min: 2, max: 400 }).chain((max) => fc.integer({ min: 1, max }).map((target) => ({ max, target }))),
  );

  it('every part is at most max, none is empty, and no part has leading or trailing whitespace', () => {
    fc.assert(
      fc.property(text, limits, (t, options) => {
        for (const part of splitForSms(t, options)) {
          expect(part.length).toBeLessThanOrEqual(options.max);
          expect(part.length).toBeGreaterThan(0);
          expect(part).toBe(part.trim());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('joining the parts gives back the characters in order (whitespace aside)', () => {
    fc.assert(
      fc.property(text, limits, (t, options) => {
        expect(splitForSms(t, options).join('').replace(/\s+/g, '')).toBe(t.replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('with no word longer than max, joining the parts gives back the words in order', () => {
    fc.assert(
      fc.property(text, (t) => {
        fc.pre(words(t).every((w) => w.length <= 1600));
        expect(words(splitForSms(t).join(' '))).toEqual(words(t));
      }),
      { numRuns: 300 },
    );
  });

  it('a text that fits the target is one part', () => {
    fc.assert(
      fc.property(text, (t) => {
        fc.pre(t.trim().length > 0 && t.trim().length <= 320);
        expect(splitForSms(t)).toEqual([t.trim()]);
      }),
      { numRuns: 200 },
    );
  });

  it('never cuts inside a surrogate pair', () => {
    fc.assert(
      fc.property(text, limits, (t, options) => {
        for (const part of splitForSms(t, options)) expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }),
      { numRuns: 300 },
    );
  });
});
