import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mightHoldADate, parseDates } from '../../src/understanding/dates.js';

// parseDates skips chrono when mightHoldADate says no. That is only safe if chrono would have found
// nothing: a "yes" for a text without a date merely costs a parse, a "no" for one with a date loses it.

const instant = new Date('2025-03-20T15:00:00Z');
const chronoFinds = (text: string): boolean => chrono.casual.parse(text, { instant, timezone: -240 }).length > 0;

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ext))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every quoted string in the tests, and every line and sentence of the knowledge base. */
function corpus(): string[] {
  const texts = new Set<string>();
  for (const file of [...filesUnder('test', '.ts'), ...filesUnder('test', '.yaml')]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`$\\]*)`/g)) {
      const text = m[1] ?? m[2] ?? m[3];
      if (text) texts.add(text);
    }
  }
  for (const file of [...filesUnder('knowledge', '.md'), ...filesUnder('knowledge', '.yaml')]) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      texts.add(line);
      for (const sentence of line.split(/(?<=[.?!])\s+/)) texts.add(sentence);
    }
  }
  return [...texts];
}

describe('mightHoldADate: chrono is skipped only where it would find nothing', () => {
  it('says yes to every text of the tests and the knowledge base in which chrono finds a date or time', () => {
    const texts = corpus();
    expect(texts.length).toBeGreaterThan(2000);
    const missed = texts.filter((text) => !mightHoldADate(text) && chronoFinds(text));
    expect(missed).toEqual([]);
    // And it is worth having: most of them need no parse.
    expect(texts.filter((text) => !mightHoldADate(text)).length).toBeGreaterThan(texts.length / 3);
  });

  it.each([
    'today', 'tonight', 'tmrw', 'last night', 'this morning', 'at noon', 'midnight', 'now',
    'Sat', 'sun.', 'thurs', 'this weekend', 'on a weekday', 'Sept', 'may', 'in March', 'dec.',
    'a week', 'the day', 'next month', 'this year', 'last qtr', 'in a few days', 'a couple of weeks ago',
    'half an hour later', 'several days ago', 'within a day', 'a d', 'the m', 'they', 'them', 'end of month',
    'on the first', 'on the twenty-third', 'the 3rd', '3/4', '2025-03-03', '5pm', 'two weeks ago', 'ten mins from now',
  ])('says yes to %j', (text) => {
    expect(mightHoldADate(text)).toBe(true);
  });

  it.each([
    'how do i reschedule my test',
    'how much is a duplicate certificate',
    'when can i retake a test i failed',
    'are the tests available in spanish',
    'do i still hold master technician status if one expired',
    'what happens if i miss my appointment',
  ])('says no to the FAQ question %j, and parseDates finds nothing there', (text) => {
    expect(mightHoldADate(text)).toBe(false);
    expect(chronoFinds(text)).toBe(false);
    expect(parseDates(text, { now: instant, zone: 'America/New_York' })).toEqual([]);
  });

  it('says yes wherever chrono finds something in sentences made of date words and others', () => {
    const words = [
      'a', 'an', 'the', 'one', 'two', 'ten', 'few', 'several', 'half', 'couple', 'of', 'in', 'for', 'within', 'about',
      'this', 'last', 'next', 'past', 'after', 'ago', 'later', 'before', 'from', 'now', 'out', 'forward', 'earlier',
      's', 'm', 'h', 'd', 'w', 'y', 'mo', 'mos', 'mon', 'min', 'mins', 'sec', 'hr', 'hrs', 'yr', 'qtr',
      'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'minutes', 'quarter',
      'they', 'them', 'as', 'ones', 'tend', 'tens', 'am', 'at', 'on', 'end', 'night', 'noon', 'test', 'my', 'failed',
      'may', 'sat', 'march', 'second', 'first', 'weekend', 'today', 'i', 'retake', 'it', 'was',
    ];
    const separators = [' ', '', ', ', '-', '+', '. ', '  '];
    const sentence = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...separators)), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.map(([word, sep]) => word + sep).join('').trim());
    fc.assert(
      fc.property(sentence, (text) => mightHoldADate(text) || !chronoFinds(text)),
      { numRuns: 5000, seed: 20261206 },
    );
  });
});
