import { describe, expect, it } from 'vitest';
import { formatDateTime, formatLongDate, formatTime, futureDate, parseDates, pastDate } from '../../src/understanding/dates.js';

// Thursday, March 20, 2025, 11:00 in New York: the conversation tests' clock.
const ctx = { now: new Date('2025-03-20T15:00:00Z'), zone: 'America/New_York', language: 'es' as const };
const dateOf = (answer: ReturnType<typeof pastDate>) => (answer.ok ? { date: answer.date, ...(answer.time ? { time: answer.time } : {}) } : answer);

describe('dates read in Spanish (chrono.es, in the candidate\'s zone)', () => {
  it.each([
    ['el 3 de marzo', '2025-03-03'],
    ['reprobé el A5 el 3 de marzo', '2025-03-03'],
    ['hace dos semanas', '2025-03-06'],
    ['hace un par de semanas', '2025-03-06'],
    ['hace 5 días', '2025-03-15'],
    ['ayer', '2025-03-19'],
    ['el martes pasado', '2025-03-18'],
    ['el 10', '2025-03-10'],
    ['3 de marzo de 2024', '2024-03-03'],
    // "del" before the year, as it is often said: chrono.es dropped the year, or read "del 21" as 9 p.m.
    ['la saqué el 15 de junio del 2021', '2021-06-15'],
    ['el 15 de junio del 21', '2021-06-15'],
    // Mexico and Central America say "antier" for "anteayer".
    ['hice el A1 antier', '2025-03-18'],
  ])('"%s" is %s, looking back', (text, date) => {
    expect(dateOf(pastDate(text, ctx))).toMatchObject({ date });
  });

  it.each([
    ['el martes que viene a las 9', { date: '2025-03-25', time: '09:00' }],
    ['el próximo lunes', { date: '2025-03-24' }],
    ['mañana a las 9', { date: '2025-03-21', time: '09:00' }],
    ['el viernes', { date: '2025-03-21' }],
    // English weekday and month names in a Spanish message are read as their Spanish twins.
    ['mi appointment es el friday', { date: '2025-03-21' }],
    ['el tuesday a las 9', { date: '2025-03-25', time: '09:00' }],
    ['el 3 de april', { date: '2025-04-03' }],
    ['tengo el A3 agendado pal 22', { date: '2025-03-22' }],
    // A weekday and a day of the month: chrono.es read "jueves 27" as Thursday at 10:00, "a las 8" apart.
    ['mi cita es el jueves 27 a las 8 de la mañana', { date: '2025-03-27', time: '08:00' }],
    ['el jueves 27', { date: '2025-03-27' }],
    ['el jueves 27 de marzo a las 8', { date: '2025-03-27', time: '08:00' }],
    ['el jueves 10:30', { date: '2025-03-27', time: '10:30' }],
  ])('"%s" is %o, looking ahead', (text, expected) => {
    expect(dateOf(futureDate(text, ctx))).toEqual(expected);
  });

  it.each([
    ['a las 9 de la mañana', { date: '2025-03-20', time: '09:00' }],
    ['el viernes a las 9 de la mañana', { date: '2025-03-21', time: '09:00' }],
    ['el viernes a las 3 de la tarde', { date: '2025-03-21', time: '15:00' }],
    ['el lunes a las 8 de la noche', { date: '2025-03-17', time: '20:00' }],
    ['mañana por la mañana', { date: '2025-03-21' }],
    ['pasado mañana', { date: '2025-03-22' }],
    ['pasado mañana a las 3 de la tarde', { date: '2025-03-22', time: '15:00' }],
  ])('"%s" is %o: "de la mañana" is the morning, not tomorrow, and "pasado mañana" the day after', (text, expected) => {
    expect(parseDates(text, ctx).map((m) => ({ date: m.date, ...(m.time ? { time: m.time } : {}) }))).toEqual([expected]);
  });

  // Thursday, March 20, 2025: the 27th is a Thursday, the 28th a Friday.
  it.each([
    ['el viernes 27', 'es'],
    ['friday the 27th', 'en'],
  ] as const)('"%s", a weekday the day is not, asks between the day and that weekday near it (it was a Friday 27th months away, June 2025)', (text, language) => {
    expect(futureDate(text, { ...ctx, language })).toMatchObject({ ok: false, problem: 'ambiguous', options: [{ date: '2025-03-27' }, { date: '2025-03-28' }] });
  });

  it.each([
    ['el viernes a las 12 de la noche', { date: '2025-03-21', time: '00:00' }],
    ['el viernes a las 12 de la tarde', { date: '2025-03-21', time: '12:00' }],
  ])('"%s" is %o: twelve at night is midnight, twelve in the afternoon noon', (text, expected) => {
    expect(parseDates(text, ctx).map((m) => ({ date: m.date, ...(m.time ? { time: m.time } : {}) }))).toEqual([expected]);
  });

  it.each([
    ['el martes pasado', '2026-12-01'],
    ['hice el A8 el martes pasado y no pase', '2026-12-01'],
    ['el lunes pasado', '2026-11-30'],
  ])('on a Monday, "%s" is %s: the one before today, not tomorrow (chrono.es does not read "pasado")', (text, date) => {
    const monday = { now: new Date('2026-12-07T15:00:00Z'), zone: 'America/New_York', language: 'es' as const };
    expect(dateOf(pastDate(text, monday))).toMatchObject({ date });
  });

  it.each([
    ['el lunes que viene', '2026-12-14'],
    ['el próximo lunes', '2026-12-14'],
    ['el miércoles que viene', '2026-12-09'],
  ])('on a Monday, "%s" is %s: the coming one is never today (it asked "today or next week?")', (text, date) => {
    const monday = { now: new Date('2026-12-07T15:00:00Z'), zone: 'America/New_York', language: 'es' as const };
    expect(dateOf(futureDate(text, monday))).toEqual({ date });
  });

  it.each(['el martes que viene', 'el próximo martes', 'el martes que viene a las 9'])(
    'on a Monday, "%s" asks whether tomorrow or a week later is meant, as English "next Tuesday" does (it was read as tomorrow)',
    (text) => {
      const monday = { now: new Date('2026-12-07T15:00:00Z'), zone: 'America/New_York', language: 'es' as const };
      expect(futureDate(text, monday)).toMatchObject({ ok: false, problem: 'ambiguous', options: [{ date: '2026-12-08' }, { date: '2026-12-15' }] });
    },
  );

  it('a test code is not a time (chrono.es reads "A5" as 5 o\'clock)', () => {
    expect(parseDates('reprobé el A5', ctx)).toEqual([]);
  });

  it('an English message is still read with the English parser', () => {
    expect(dateOf(pastDate('two weeks ago', { ...ctx, language: 'en' }))).toMatchObject({ date: '2025-03-06' });
    expect(parseDates('hace dos semanas', { ...ctx, language: 'en' })).toEqual([]);
  });
});

describe('counted back in the candidate\'s zone, not the server\'s', () => {
  // Sunday, December 6, 2026, 7:15 pm in New York: in UTC it is already Monday, December 7.
  const evening = { now: new Date('2026-12-07T00:15:00Z'), zone: 'America/New_York' };
  it.each([
    ['es', 'hace dos semanas', '2026-11-22'],
    ['es', 'el 3 del mes pasado', '2026-11-03'],
    ['en', 'two weeks ago', '2026-11-22'],
    ['en', 'the 3rd of last month', '2026-11-03'],
  ] as const)('in the evening in New York, "%s: %s" is %s (counted from the UTC date it would be a day later)', (language, text, date) => {
    expect(dateOf(pastDate(text, { ...evening, language }))).toMatchObject({ date });
  });

  it.each([
    ['es', 'hace un mes', '2026-11-06'],
    ['en', 'a month ago', '2026-11-06'],
  ] as const)('in the evening in New York, "%s: %s" is about %s, the day not said (a month back names the month, as in English)', (language, text, approximateDate) => {
    expect(pastDate(text, { ...evening, language })).toMatchObject({ ok: false, problem: 'incomplete', approximateDate });
  });

  it('on the last evening of a month, "el 3 del mes pasado" is the 3rd of the month before this one in New York', () => {
    // Monday, November 30, 2026, 8 pm in New York; December 1 in UTC.
    const lastEvening = { now: new Date('2026-12-01T01:00:00Z'), zone: 'America/New_York', language: 'es' as const };
    expect(dateOf(pastDate('el 3 del mes pasado', lastEvening))).toMatchObject({ date: '2026-10-03' });
  });
});

describe('dates written in Spanish, with the weekday', () => {
  it('in the language asked for', () => {
    expect(formatLongDate('2025-04-03', 'es')).toBe('jueves, 3 de abril de 2025');
    expect(formatLongDate('2025-04-03', 'en')).toBe('Thursday, April 3, 2025');
    expect(formatTime('14:30', 'es')).toBe('2:30 p. m.');
    expect(formatDateTime('2025-03-25', '09:00', 'es')).toBe('martes, 25 de marzo de 2025 a las 9:00 a. m.');
  });

  it('always in the language it is given (no turn language is assumed)', () => {
    expect(formatLongDate('2025-03-22', 'en')).toBe('Saturday, March 22, 2025');
    expect(formatLongDate('2025-03-22', 'es')).toBe('sábado, 22 de marzo de 2025');
  });
});
