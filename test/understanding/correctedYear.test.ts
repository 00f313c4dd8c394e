import { describe, expect, it } from 'vitest';
import { withCorrectedYear } from '../../src/understanding/dates.js';

describe('a year alone correcting a date (withCorrectedYear)', () => {
  it.each([
    ['2022', '2022-06-15'],
    ['in 2022', '2022-06-15'],
    ['it was 2022.', '2022-06-15'],
    ['fue en 2022', '2022-06-15'],
  ])('"%s" after June 15, 2021 is %s', (text, date) => {
    expect(withCorrectedYear('2021-06-15', text)).toBe(date);
  });

  it('a month known alone keeps its month, named in the message\'s language', () => {
    expect(withCorrectedYear('2019-05-01', '2020', true)).toBe('May 2020');
    expect(withCorrectedYear('2019-05-01', '2020', true, 'es')).toBe('mayo de 2020');
  });

  it('February 29 corrected to a year without it is no date (the candidate is asked again)', () => {
    expect(withCorrectedYear('2024-02-29', '2023')).toBeNull();
    expect(withCorrectedYear('2024-02-29', '2028')).toBe('2028-02-29');
  });

  it('more than a year is no year correction: "March 2022", "the 12th", "22"', () => {
    for (const text of ['March 2022', 'the 12th', '22', '2022 or 2023']) expect(withCorrectedYear('2021-06-15', text)).toBeNull();
  });
});
