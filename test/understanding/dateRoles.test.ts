import { describe, expect, it } from 'vitest';
import { dateRole, isBirthDate } from '../../src/understanding/dateRoles.js';
import { parseDates } from '../../src/understanding/dates.js';

const ctx = { now: new Date('2025-03-20T15:00:00Z'), zone: 'America/New_York' };
const roleOf = (text: string) => {
  const [mention] = parseDates(text, ctx);
  if (!mention) throw new Error(`no date in ${text}`);
  return dateRole(text, mention);
};

describe('what a date is the date of', () => {
  it.each([
    ['I passed A1 on 2019-05-20, it has expired', 'pass'],
    ['my A4 expired on March 3 2024', 'expiry'],
    ['it lapsed on 3/3/24', 'expiry'],
    ['I failed A5 on March 3', 'failure'],
    ['I bought a test on January 10', 'purchase'],
    ['my exam is Thursday at 9am', 'appointment'],
    ['I got recertified in June 2021', 'pass'],
    ['March 3', undefined],
    ['can i move my appointment to the 12th', 'target'],
    ['reschedule it for Friday', 'target'],
    ['I need to change my address, my test is for April 2', 'appointment'],
    ['I took A1 on June 5 2022', 'taken'],
    ['I took my A1 test on June 5 2022', 'taken'],
    ['I sat for A3 in June 2022', 'taken'],
    ['my test is sat dec 5', 'appointment'],
    ['I took A5 and failed it on March 3', 'failure'],
    ['I did not pass A5 on March 3', 'failure'],
    ['I recertified A4 on March 3', 'pass'],
    ['I renewed A4 on March 3', 'pass'],
    ['I recerted it on March 3', 'pass'],
  ])('%j: %s', (text, role) => {
    expect(roleOf(text)).toBe(role);
  });

  const es = { ...ctx, language: 'es' as const };
  it.each([
    ['se me vence el 30 de junio', 'expiry'],
    ['el A6 venció el 3 de marzo', 'expiry'],
    ['aprobé el A4 el 5 de junio de 2021, ¿cuándo vence?', 'pass'],
    ['la saqué el 15 de junio del 2021', 'pass'],
    ['el A1 lo pase en marzo del 2022', 'pass'],
    ['tomé el A1 el 5 de junio de 2022', 'taken'],
  ])('in Spanish, %j: %s', (text, role) => {
    const [mention] = parseDates(text, es);
    expect(mention && dateRole(text, mention)).toBe(role);
  });
});

describe('a date of birth is told apart from the dates tasks read', () => {
  const birth = (text: string) => parseDates(text, ctx).map((mention) => isBirthDate(text, mention));
  it.each([
    ['my dob is 3/3/1985', [true]],
    ['DOB: 1985-03-03', [true]],
    ['date of birth March 3, 1985', [true]],
    ['I was born on March 3 1985', [true]],
    ['I failed A5 on March 3, my birthday is June 1 1990', [false, true]],
    ['I failed A5 on March 3', [false]],
  ])('%j: %j', (text, expected) => {
    expect(birth(text)).toEqual(expected);
  });
});
