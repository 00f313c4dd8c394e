/**
 * Date words as candidates type them, spelt the way chrono reads them: "decmber 18th" -> "december
 * 18th", "nxt tues" -> "next tues", "tmrw" -> "tomorrow", "2day" -> "today". Run before the date
 * parser, with a map back to the candidate's own words, so a mention still quotes what was written.
 *
 * Two tables, no rules per phrase:
 *   SHORTHAND  chat and SMS spellings of date words, word for word;
 *   NAMES      month and weekday names of six letters or more: a word one letter off one of them (a letter left out, added,
 *              changed, or two swapped), or two off for a long name, starting with the same letter,
 *              is read as that name. Real words that sit that close to a name ("sundry", "mondays")
 *              are left alone (NOT_TYPOS).
 *
 * Nothing here reads the clock; the words are all it looks at.
 */

const SHORTHAND: ReadonlyMap<string, string> = new Map(
  Object.entries({
    nxt: 'next', nex: 'next', lst: 'last',
    '2day': 'today', tday: 'today', tdy: 'today',
    tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', tmrrw: 'tomorrow', tomoro: 'tomorrow', tomorow: 'tomorrow',
    tommorow: 'tomorrow', tommorrow: 'tomorrow', '2morrow': 'tomorrow', '2moro': 'tomorrow', '2mrw': 'tomorrow',
    yday: 'yesterday', yest: 'yesterday', ystrdy: 'yesterday', yesterdy: 'yesterday', yesturday: 'yesterday',
    '2nite': 'tonight', tonite: 'tonight',
    // Weekday shortenings chrono does not know.
    tues: 'tuesday', weds: 'wednesday', thur: 'thursday', thurs: 'thursday', thrs: 'thursday', thr: 'thursday',
    wk: 'week', wks: 'weeks', mos: 'months',
    // Too far from "wednesday" for the one-or-two-letter rule, and common.
    wensday: 'wednesday', wendsday: 'wednesday', wedsday: 'wednesday', wednsday: 'wednesday',
  }),
);

/** Names of six letters or more: "march" or "june" with a letter off is too often another word ("match", "tune"). */
const NAMES = [
  'january', 'february', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
];

/** Real words within a letter or two of a name: never read as a date. */
const NOT_TYPOS = new Set([
  'sundry', 'sundae', 'sundays', 'mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays',
  'augusta', 'janitor', 'octopus',
]);

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits), stopping past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(best);
    }
  }
  return rows[a.length]![b.length]!;
}

/** The date word a typed word stands for, or undefined when it is not one (or already is one). */
function dateWordFor(word: string): string | undefined {
  const shorthand = SHORTHAND.get(word);
  if (shorthand) return shorthand;
  if (word.length < 5 || word.length > 11 || NOT_TYPOS.has(word) || NAMES.includes(word)) return undefined;
  for (const name of NAMES) {
    if (name[0] !== word[0]) continue;
    const allowed = name.length >= 8 && word.length >= 7 ? 2 : 1;
    if (distance(word, name, allowed) <= allowed) return name;
  }
  return undefined;
}

/** One replaced word: where it is in the spelt-out text and where it was in the candidate's. */
interface Replaced {
  from: number;
  to: number;
  originalFrom: number;
  originalTo: number;
}

export interface SpeltDates {
  /** The text with date words spelt out. */
  text: string;
  /** The candidate's own words for the span [start, end) of `text`: their offset and text. */
  original(start: number, end: number): { index: number; text: string };
}

const WORD = /[a-z0-9]+/gi;
/** Only words that could be date words are looked at: this runs on every message. */
const COULD_BE = /^[jfmasondtwyl2]/i;

/**
 * `text` with its date words spelt the way the date parser reads them, or null when nothing needed
 * changing (the common case: the parser then reads the text as written).
 */
export function spellDateWords(text: string): SpeltDates | null {
  const replaced: Replaced[] = [];
  let out = '';
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!COULD_BE.test(word)) continue;
    const lower = word.toLowerCase();
    const spelt = dateWordFor(lower);
    if (!spelt || spelt === lower) continue;
    const at = match.index;
    out += text.slice(last, at);
    replaced.push({ from: out.length, to: out.length + spelt.length, originalFrom: at, originalTo: at + word.length });
    out += spelt;
    last = at + word.length;
  }
  if (!replaced.length) return null;
  out += text.slice(last);
  /** Where an offset of the spelt-out text falls in the candidate's (`end`: an end offset). */
  const back = (offset: number, end: boolean): number => {
    let shift = 0;
    for (const r of replaced) {
      if (end ? offset <= r.from : offset < r.from) break;
      if (end ? offset <= r.to : offset < r.to) return end ? r.originalTo : r.originalFrom;
      shift = r.originalTo - r.to;
    }
    return offset + shift;
  };
  return {
    text: out,
    original: (start, end) => {
      const index = back(start, false);
      return { index, text: text.slice(index, back(end, true)) };
    },
  };
}
