/**
 * The one text normaliser every reader of candidate messages shares, so that "cn i resched my
 * appt" means the same to the task detector as to the account-question detector.
 *
 * What it does, in order: lower-case; curly quotes and back-ticks to straight quotes; a hyphen or
 * space after "re" joined ("re-schedule", "re take" -> "reschedule", "retake"); "no-show" and
 * "noshow" to "no show"; chat and SMS shorthand spelt out word by word ("2" as "to" before a verb or a
 * person: "need 2 talk 2 some1"); whitespace collapsed.
 *
 * What it does not do: remove punctuation, correct spelling beyond the table, or change word
 * order. Callers match their own cues against the result.
 */
import { rememberingRecent } from '../knowledge/recentTexts.js';
import { describeValue } from './describeValue.js';

const MODULE = 'understanding/normalise';

/**
 * Chat and SMS shorthand, word for word (the union of what the task and account detectors each
 * used to keep). A Map, not an object, so that "constructor" or "toString" stay themselves.
 */
const SHORTHAND: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // pronouns, verbs, question words
    u: 'you', ur: 'your', r: 'are', cn: 'can', cud: 'could', cld: 'could', wud: 'would', shd: 'should',
    wen: 'when', whn: 'when', wht: 'what', wat: 'what', hw: 'how', y: 'why', pls: 'please', plz: 'please',
    wanna: 'want to', gonna: 'going to',
    // apostrophes left out
    dont: "don't", didnt: "didn't", cant: "can't", wont: "won't", couldnt: "couldn't", wasnt: "wasn't",
    doesnt: "doesn't", havent: "haven't", hasnt: "hasn't", isnt: "isn't", im: "i'm", ive: "i've",
    whens: "when's", wheres: "where's", whats: "what's",
    // appointments and tests
    appt: 'appointment', appts: 'appointments', apt: 'appointment', apmt: 'appointment', appointmnt: 'appointment',
    resched: 'reschedule', reschdule: 'reschedule', reshedule: 'reschedule', rescedule: 'reschedule',
    rescheduel: 'reschedule', reschedual: 'reschedule', reshedual: 'reschedule', rescheudle: 'reschedule', reskedule: 'reschedule',
    certifcate: 'certificate', certficate: 'certificate', certificat: 'certificate', exm: 'exam', tst: 'test', mstr: 'master', xpire: 'expire', xpired: 'expired',
    noshow: 'no show', 'no-show': 'no show', 'no-showed': 'no showed', dup: 'duplicate', dupe: 'duplicate',
    dupes: 'duplicates', pwd: 'password', msd: 'missed', recert: 'recertify',
    // "change" and "move" as thumbs type them
    chnge: 'change', chng: 'change', chnage: 'change', chage: 'change', cahnge: 'change', chanage: 'change', chagne: 'change',
    mve: 'move', moev: 'move', mvoe: 'move',
    cancle: 'cancel', cancell: 'cancel', canceled: 'cancelled', faild: 'failed', fialed: 'failed',
    // time
    '2day': 'today', tday: 'today', '2morrow': 'tomorrow', '2moro': 'tomorrow', tmrw: 'tomorrow', tmr: 'tomorrow',
    tomoro: 'tomorrow', b4: 'before', wk: 'week', yr: 'year', yrs: 'years', l8: 'late', '2nite': 'tonight',
    // people
    some1: 'someone', sum1: 'someone', any1: 'anyone', ne1: 'anyone', abt: 'about', ppl: 'people',
  }),
);

// Never after a month's name: "december 2 do i have to wait" is a date.
const TWO_FOR_TO = /(?<=[a-z])(?<!\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*) 2 (?=(?:talk|speak|chat|some1|sum1|someone|somebody|a person|a human|an agent|a rep|reschedule|resched|cancel|take|retake|schedule|pay|buy|know|get|go|see|call|change|move|wait|do|be|u|you|me)\b)/g;

/**
 * `text` lower-cased, quotes straightened, "re-"/"no-show" joined, shorthand spelt out and
 * whitespace collapsed: "Cn I RE-SCHEDULE my appt?" -> "can i reschedule my appointment?".
 */
export function normalise(text: string): string {
  if (typeof text !== 'string') {
    throw new TypeError(`${MODULE}: text must be a string, got ${describeValue(text)}`);
  }
  return spelledOut(text);
}

/** The last texts normalised are kept: every reader of a turn's message normalises the same message. */
const spelledOut = rememberingRecent((text: string) => spellOut(text), 16);

function spellOut(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\bre[- ](schedul|book|take|test|cert|new|try|register)/g, 're$1')
    .replace(/\bno[- ]show/g, 'no show')
    .replace(/\s+/g, ' ')
    .trim()
    // "need 2 talk 2 some1": "2" for "to" only before a verb or a person, never a count ("2 tests").
    .replace(TWO_FOR_TO, ' to ')
    .replace(/[a-z0-9'-]+/g, (word) => SHORTHAND.get(word) ?? word);
}

