/**
 * A date said relative to the one just given, in a correction: "the tuesday before that", "no
 * wait, it was the tuesday before", "the day before", "the week after", Spanish "el martes
 * anterior", "el día anterior", "la semana siguiente". chrono reads "the tuesday before" as last
 * Tuesday from today, which is the date being corrected; counted from that date instead. A row a
 * phrasing: the words, and how far from the date they move.
 */

import { DateTime } from 'luxon';
import { cueText } from './cueText.js';

const MODULE = 'understanding/relativeDates';

type Move = { weekday: number; direction: -1 | 1 } | { days: number };

const EN_WEEKDAYS: Record<string, number> = { mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7 };
const ES_WEEKDAYS: Record<string, number> = { lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6, domingo: 7 };

/** What may come before the phrase in a correction ("sorry I meant", "no wait, it was", "perdón, fue"). */
const LEAD = String.raw`^(?:.{0,40}?\b)?`;
/** "that", "it", "that one", "then": the date just given. */
const EN_THAT = String.raw`(?:\s+(?:that(?:\s+one)?|it|then|instead))?`;
const EN_WEEKDAY = String.raw`(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?`;

interface Row {
  pattern: RegExp;
  move: (match: RegExpExecArray) => Move;
}

const ROWS: readonly Row[] = [
  // "the tuesday before that", "the tuesday before", "tuesday before".
  { pattern: new RegExp(`${LEAD}(?:the\\s+)?${EN_WEEKDAY}\\s+(before|after)${EN_THAT}$`), move: (m) => ({ weekday: EN_WEEKDAYS[m[1]!]!, direction: m[2] === 'before' ? -1 : 1 }) },
  // "the day before", "the week after that".
  { pattern: new RegExp(`${LEAD}the\\s+(day|week)\\s+(before|after)${EN_THAT}$`), move: (m) => ({ days: (m[1] === 'week' ? 7 : 1) * (m[2] === 'before' ? -1 : 1) }) },
  // "el martes anterior", "el martes antes", "el martes de antes", "el martes siguiente", "el martes después".
  {
    pattern: new RegExp(`${LEAD}(?:el\\s+)?(lunes|martes|miercoles|jueves|viernes|sabado|domingo)\\s+(?:de\\s+)?(anterior|antes|siguiente|despues)(?:\\s+(?:a ese|de ese|a eso))?$`),
    move: (m) => ({ weekday: ES_WEEKDAYS[m[1]!]!, direction: m[2] === 'anterior' || m[2] === 'antes' ? -1 : 1 }),
  },
  // "el día anterior", "la semana anterior", "el día siguiente", "una semana antes".
  {
    pattern: new RegExp(`${LEAD}(?:el|la|un|una)\\s+(dia|semana)\\s+(anterior|antes|siguiente|despues)$`),
    move: (m) => ({ days: (m[1] === 'semana' ? 7 : 1) * (m[2] === 'anterior' || m[2] === 'antes' ? -1 : 1) }),
  },
];

/**
 * The date `text` names relative to `date` ('YYYY-MM-DD'), as 'YYYY-MM-DD', or null when the text
 * says no such thing: "the tuesday before that" after Tuesday, December 1 is Tuesday, November 24;
 * after Thursday, December 3, it is Tuesday, December 1 (the nearest one strictly before).
 */
export function dateRelativeTo(date: string, text: string): string | null {
  const from = DateTime.fromISO(date, { zone: 'utc' });
  if (!from.isValid) throw new RangeError(`${MODULE}: dateRelativeTo expects an ISO date 'YYYY-MM-DD', got ${JSON.stringify(date)}`);
  const said = cueText(text);
  for (const row of ROWS) {
    const match = row.pattern.exec(said);
    if (!match) continue;
    const move = row.move(match);
    if ('days' in move) return from.plus({ days: move.days }).toISODate();
    let day = from.plus({ days: move.direction });
    while (day.weekday !== move.weekday) day = day.plus({ days: move.direction });
    return day.toISODate();
  }
  return null;
}
