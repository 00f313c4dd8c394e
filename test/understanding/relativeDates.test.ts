import { describe, expect, it } from 'vitest';
import { dateRelativeTo } from '../../src/understanding/relativeDates.js';

// Tuesday, December 1, 2026 is the date being corrected.
const dec1 = '2026-12-01';

describe('dateRelativeTo: a date said relative to the one just given', () => {
  it.each([
    ['the tuesday before that', '2026-11-24'],
    ['sorry I meant the tuesday before that', '2026-11-24'],
    ['no wait, it was the tuesday before', '2026-11-24'],
    ['the wednesday before', '2026-11-25'],
    ['the monday before', '2026-11-30'],
    ['the tuesday after', '2026-12-08'],
    ['the day before', '2026-11-30'],
    ['sorry, the day before', '2026-11-30'],
    ['no, the week before', '2026-11-24'],
    ['the week after that', '2026-12-08'],
    ['perdón, fue el martes anterior', '2026-11-24'],
    ['el martes de antes', '2026-11-24'],
    ['el día anterior', '2026-11-30'],
    ['la semana siguiente', '2026-12-08'],
  ])('"%s" after Tuesday, December 1, 2026 is %s', (text, expected) => {
    expect(dateRelativeTo(dec1, text)).toBe(expected);
  });

  it.each(['last tuesday', 'nov 24', 'before that', 'the tuesday', 'what happens before the test'])('"%s" says nothing relative: null', (text) => {
    expect(dateRelativeTo(dec1, text)).toBeNull();
  });

  it('names the module and the value when the date is not ISO', () => {
    expect(() => dateRelativeTo('12/01/2026', 'the day before')).toThrow(/understanding\/relativeDates.*12\/01\/2026/);
  });
});
