import type { DateMention } from './dates.js';

/**
 * What a date in a message is the date of, from the words just before it: "bought on" a purchase,
 * "failed it on" a failure, "passed A4 on" a pass, "expired on" an expiry, "my exam is" an
 * appointment. A date of birth is never a role here: only the sign-in step reads one.
 */
export type DateRole = 'purchase' | 'failure' | 'pass' | 'taken' | 'expiry' | 'appointment' | 'target';

/** The cue must sit within a few words before the date ("I passed A1 on 2019-05-20, it has expired": a pass). */
const CUES: Array<[DateRole, RegExp]> = [
  // "move my appointment to the 12th", "reschedule it for friday", "la puedo cambiar para el 20",
  // "pasarla al 20": the day wanted, not the appointment's. A verb of moving, a few words (no
  // comma between: "I need to change my address, my test is for the 20th" moves no appointment),
  // then "to"/"for"/"para"/"al" right before the date.
  ['target', /\b(?:move|moving|resched\w*|rebook\w*|change|changing|switch|push|postpone|cambiar|cambio|cambie|cambiarla|mover|moverla|muevo|pasar|pasarla|paso|posponer|posponerla|reprogram\w*)\b(?:\s+[^\s,.;:!?]+){0,5}?\s+(?:to|for|till|until|into|para|al|a)(?:\s+(?:the|el|la))?\s*$/i],
  ['expiry', /\b(?:expir(?:ed|es|ing|y)|laps(?:ed|es|ing)|ran out|runs? out|good (?:until|till|through)|valid (?:until|till|through))\b(?:\s+\S+){0,2}\s*$/i],
  // "se me vence el 30 de junio", "venció en marzo", "caduca el 5", "vigente hasta junio".
  ['expiry', /(?<![\p{L}\d])(?:venc\p{L}*|caduc\p{L}*|expir[aoó]\p{L}*|vigente hasta)(?![\p{L}\d])(?:\s+\S+){0,2}\s*$/iu],
  // "did not pass A5 on March 3" is a failure (its cue below), never a pass.
  ['pass', /\b(?<!\b(?:didn'?t|did not|not|never)\s+)(?:passed|pass(?:ing)?|certified|re-?certified|recerted|renewed|got certified|earned)\b(?:\s+\S+){0,3}\s*$/i],
  // "aprobé el A4 el 5 de junio", "la saqué el 15 de junio", "lo pasé en marzo del 2022".
  ['pass', /(?<![\p{L}\d])(?:aprob[eé]|aprobad[oa]|pas[eé]|saqu[eé]|(?:re)?certifiqu[eé])(?![\p{L}\d])(?:\s+\S+){0,3}\s*$/iu],
  ['failure', /\b(?:failed|fail(?:ing)?|flunked|didn'?t pass|did not pass)\b(?:\s+\S+){0,3}\s*$/i],
  // "I took A1 on June 5 2022", "took my A1 test on" (four words between), "wrote A2 in 2023", "sat for A3 in June",
  // "tested for A4 on", "tomé el A1 el 5 de junio": a test taken that day, passed or not (a
  // certification's date for a task about certifications: `asCertification`). Before
  // `appointment`: "took my test on" is a day past. "sat" needs a word before the date ("sat A3 in
  // June"): "sat dec 5" is a Saturday.
  ['taken', /(?<![\p{L}\d])(?:took|taken|did|wrote|written|tested|tom[eé]|tomad[oa]|present[eé]|hice)(?![\p{L}\d])(?:\s+\S+){0,4}\s*$|(?<![\p{L}\d])sat(?![\p{L}\d])(?:\s+\S+){1,4}\s*$/iu],
  ['purchase', /\b(?:bought|buy|purchased|paid(?: for)?|registered(?: for)?|signed up(?: for)?)\b(?:\s+\S+){0,3}\s*$/i],
  ['appointment', /\b(?:appointment|appt|exam|test|scheduled|booked)\b(?:\s+(?:is|was|for|on|at))?(?:\s+\S+){0,1}\s*$/i],
];

/**
 * A date's role in a task about a certification (Master status, an expiry): a test taken on a day
 * certified the candidate that day, as one passed did; a test taken and failed certifies nothing,
 * so no such task reads "took" as anything else.
 */
export function asCertification(role: DateRole | undefined): DateRole | undefined {
  return role === 'taken' ? 'pass' : role;
}

export function dateRole(text: string, mention: Pick<DateMention, 'index'>): DateRole | undefined {
  const before = text.slice(Math.max(0, mention.index - 60), mention.index);
  return CUES.find(([, cue]) => cue.test(before))?.[0];
}

/**
 * "my appointment is December 9", "appt on the 9th", "i scheduled it for jan 2", "mi cita es el 9 de diciembre", "lo tengo
 * programado para el 9": the message itself says the date is an appointment's, a day ahead. No
 * past-facing task (a purchase, a failure, a pass) reads such a date as its own.
 */
const APPOINTMENT_CUE =
  /\b(?:appointments?|appts?|(?:scheduled|booked)(?:\s+(?:it|them|mine|my (?:test|exam)|the (?:test|exam)))?|citas?|programad[oa]s?|agendad[oa]s?)\b(?:\s+(?:is|was|for|on|at|es|era|para|el|del))*\s*[:=-]?\s*$/i;

export function isAppointmentDate(text: string, mention: Pick<DateMention, 'index'>): boolean {
  return APPOINTMENT_CUE.test(text.slice(Math.max(0, mention.index - 40), mention.index));
}

/** "dob 3/3/1985", "my date of birth is March 3, 1985", "born on 1985-03-03", "birthday: 3/3/85". */
const BIRTH_CUE = /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|birthday|born)\b(?:\s+(?:is|was|on|in))?\s*[:=-]?\s*$/i;

/**
 * Is this date the candidate's date of birth? Such a date is never a task's date (a test failed in
 * 1985) and nothing is worked out from it: only the sign-in step reads it, as a credential.
 */
export function isBirthDate(text: string, mention: Pick<DateMention, 'index'>): boolean {
  return BIRTH_CUE.test(text.slice(Math.max(0, mention.index - 30), mention.index));
}
