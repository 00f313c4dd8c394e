/**
 * Which guided task a message asks for, if any. Pure text in, a task id out; the id is the id of
 * the dialog that runs the task.
 *
 * Precision matters more than recall: a message that is not clearly one of the tasks returns null
 * and the FAQ answers it. A general policy question about a task ("how long do I have to wait
 * after failing?") is still that task: the dialog answers the general rule first, then offers to
 * work out the candidate's own date.
 *
 * How it works: the text is normalised (lower case, SMS shorthand spelt out), then each task's
 * cues are tried in a fixed order, most specific first (Master status, duplicates, a missed
 * appointment, a failure, a change, a purchase, a certification's expiry), and the first task
 * whose cues match wins. Confidence is 'high' when the message also carries a personal fact the
 * dialog can use (a date, a test code, "my exam", "I failed") and is not phrased as a
 * hypothetical; otherwise 'low'.
 */

import { normalise } from './normalise.js';
import { withoutAccents } from '../language/accents.js';

export type Task =
  | 'reschedule-or-cancel'
  | 'missed-appointment'
  | 'purchase-window'
  | 'retest'
  | 'recertification'
  | 'master-status'
  | 'duplicate-cost';

export const TASKS: readonly Task[] = [
  'reschedule-or-cancel',
  'missed-appointment',
  'purchase-window',
  'retest',
  'recertification',
  'master-status',
  'duplicate-cost',
];

export interface TaskMatch {
  task: Task;
  confidence: 'high' | 'low';
}

// ---- cues ----------------------------------------------------------------------------------

const THING = String.raw`(?:test|tests|exam|exams|appointment|appointments|booking|reservation|session|slot|seat|test date|exam date|testing appointment|[a-z]-?\d{1,2}(?: test| exam)?)`;
/** A test code as written ("A5", "a-5", "T2"), or a range "A1-A8". */
const CODE = /(?<![a-z0-9/'.$#])[abcefghlpstx]-?\d{1,2}(?![a-z0-9/]|[.:]\d)/;
const SERIES_WORD = /\b(?:auto|automobile|car|truck|medium\/heavy|school bus|collision|parts|transit bus|advanced level|undercar|truck equipment|alternate fuels?|service consultant|[a-z]-series|series [a-z])\b/;
const DATE_WORD = /\b(?:today|tonight|tomorrow|yesterday|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|jan|january|feb|february|mar|march|apr|april|may \d|june?|july?|aug|august|sept?|september|oct|october|nov|november|dec|december|next week|last week|ago|in \d+ (?:days|weeks))\b|\b\d{1,2}\/\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b|\bthe \d{1,2}(?:st|nd|rd|th)\b/;

const MASTER = /\bmaster(?:'s)?\b/;
const MASTER_STATUS = /\b(?:still|lose|losing|lost|keep|keeping|anymore|any more|regain|get (?:it|my \w+|master) back|reinstat\w*|expir\w*|laps\w*|current|valid|am i|do i (?:still )?(?:have|hold|qualify|count)|is my|my master|master status|status)\b/;
const MASTER_GENERAL = /^(?:what(?: is|'s| are| does)|how (?:do|can|would) (?:i|you|one) (?:become|get|earn|qualify)|how to (?:become|get|earn)|requirements? for)\b/;
const MASTER_PERSONAL = /\b(?:still|lose|losing|lost|keep|anymore|regain|back|expired|lapsed|am i|my)\b/;
/**
 * The Master patch, or the Master certificate in a request for duplicates ("duplicates of A1, A4, A6
 * and my Master Tech certificate", "and my master patch too"): a thing to order, not a question about
 * the status, so the Master cues read past it ("is my master cert still valid" is still the status).
 */
const MASTER_PREFIX = String.raw`\b(?:my |the |a )?master(?:'s)?(?: (?:auto(?:mobile)?|truck|medium\/heavy truck))?(?: (?:tech|technician))?`;
const MASTER_PATCH = new RegExp(String.raw`${MASTER_PREFIX} (?:patch(?:es)?|plaques?)\b`, 'g');
const MASTER_CERTIFICATE = new RegExp(String.raw`${MASTER_PREFIX} (?:certificates?|certs?|certifications?|cards?)\b`, 'g');

const DUPLICATE = /\b(?:duplicates?|duplicated)\b/;
const REPLACEMENT = /\b(?:replacement|replace|reprint|another copy|a copy|copies|new copy|extra copy)\b/;
const CERTIFICATE = /\b(?:certificates?|certs?|certifications?|patch|patches|card|wallet card)\b/;
const COST = /\b(?:cost|costs|costing|price|priced|pricing|fee|fees|how much|charge|charged|total|pay)\b|\$/;

const MISSED = new RegExp(
  [
    String.raw`\b(?:miss|missed|missing|skipped|skip) (?:(?:my|the|our|an?|this|that|today's|yesterday's) )?(?:\w+ )?${THING}\b`,
    String.raw`\bmissed it\b`,
    String.raw`\bno show(?:ed)?\b`,
    String.raw`\b(?:didn't|did not|couldn't|could not|never|failed to|forgot to|wasn't able to|was not able to|unable to|can't|cannot|won't be able to|not able to) (?:\w+ )?(?:show|make it|get there|attend|go to (?:my|the)|turn up)\b`,
    String.raw`\b(?:was|were|i'm|am|be|being|running|ran|got there|arrived|showed up|came) (?:\w+ )?late\b`,
    String.raw`\blate (?:for|to) (?:my|the)\b`,
    String.raw`\blate (?:arrival|policy)\b`,
    String.raw`\boverslept\b`,
    String.raw`\bturned (?:me )?away\b`,
    String.raw`\b(?:wouldn't|would not|didn't|did not) let me (?:in|test|take|sit)\b`,
    String.raw`\bforgot (?:about )?(?:my|the) ${THING}\b`,
  ].join('|'),
);

/**
 * Sick, an emergency, "can't make it": with the appointment still ahead ("my test is tomorrow at
 * 2pm and I got sick", "can't make my exam on Friday") the question is whether it can still be
 * moved (the date is the reschedule task's), not what a missed one costs; said of a day gone by it
 * is a missed appointment.
 */
const UNABLE = /\b(?:sick|ill|unwell|emergency|hospital|covid|flu|injured|surgery|funeral)\b|\b(?:can't|cannot|can not|won't|will not|not going to|unable to|won't be able to|not able to) (?:\w+ )?(?:make|attend|go to|get to|be there|show up)\b/;
const AHEAD = /\b(?:tomorrow|today|tonight|this (?:week|weekend|morning|afternoon|evening|\w+day)|next \w+|(?:on )?(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|coming up|in \d+ days|(?:is|it's) (?:on|at|in))\b/;
const GONE_BY = /\b(?:yesterday|last \w+|ago|missed|didn't|did not|couldn't|could not|wasn't|was not|overslept|no show)\b/;
const APPOINTMENT = new RegExp(String.raw`\b(?:${THING}|it)\b`);
/**
 * Late, with the appointment still ahead ("what if I'm late", "i'm running late to my test", "I'm
 * going to be late"): the FAQ says a late arrival is scored as No Show (its `late-arrival` facet);
 * whether a No Show result is posted yet is no question until the appointment has gone by.
 */
const LATE_AHEAD = /\b(?:i'm|i am|im|i'll be|i will be|if i'm|if i am|if i|might be|may be|going to be|gonna be) (?:\w+ ){0,2}?late\b/;
const LATE_GONE_BY = /\b(?:was|were|got there|arrived|showed up|came|turned (?:me )?away|wouldn't let|would not let|didn't let|did not let|marked|no show|missed)\b/;

const CODE_ONLY_FAIL = /\b(?:fail|failed|flunk|flunked)\b/;
const FAIL = /\b(?:fail|failed|failing|fails|flunk|flunked|flunking|bombed)\b(?! to\b)|\b(?:didn't|did not|don't|do not|not) pass\b|\bunsuccessful\b|\b(?:below|under) (?:the )?passing\b|\bmissed (?:the )?(?:passing|cut|cutoff|cut-off|pass mark)\b/;
/** A test passed (not failed): "I passed A1", "passed my A5 in 2018", "got certified"; not time passed ("30 days passed"). */
const PASSED = /\b(?:i|i've|ive|i have|i had|we) (?:\w+ )?passed\b|\bpassed (?:my |the |all |both )?(?:[a-z]\d{1,2}|tests?|exams?|certs?)\b|\b(?:got|became|been|was) certified\b/;
const RETAKE = /\b(?:retake|retaking|retakes|retest|retesting|retry|take (?:it|the test|the exam|them|(?:the )?\w+ test|[a-z]\d{1,2}) again|try again|test again|second attempt|another attempt|next attempt|buy (?:it |the test |[a-z]\d{1,2} )?again|rebuy|reregister|register again)\b/;

const CHANGE_ALONE = /\b(?:reschedul\w*|rebook\w*|postpon\w*|cancellations?|cancel(?:l?ing|l?ed)? (?:it|them|and)\b)/;
const CHANGE_VERB = String.raw`(?:move|moving|moved|change|changing|changed|switch|switching|swap|push|pushing|bump|cancel|cancelling|canceling|cancelled|canceled)`;
const CHANGE_OBJECT = new RegExp(String.raw`\b${CHANGE_VERB} (?:(?:\w+|\w+'s) ){0,2}?(?:${THING}|date|time|day|it|them|test center|testing center|location|center)\b(?! (?:address|email|name|password|account|phone|of birth))`);
const CANCEL_INTENT = /\b(?:i|to|can|could|if i|how do i|want to|need to|have to|may i|should i|still) (?:still )?cancel\b/;
const NOT_AN_APPOINTMENT = /\bcancel(?:l?ing|l?ed)? (?:my |the |your |this |that |all )?(?:account|subscription|emails?|texts?|messages|notifications|alerts|membership|password|profile|chat|conversation|request|order|card|payment)\b|\b(?:on|in) (?:my|the) (?:certificate|cert|account|profile|record|transcript)\b/;
const WHOLE_COMMAND = /^(?:cancel|cancel that|cancel it|cancel this|nevermind|never mind|stop)[.!]?$/;
/**
 * "prometric cancelled it on their end", "the test center cancelled my appointment": cancelled by
 * someone else, not a change the candidate asks about (a known gap: a centre closed).
 */
const CANCELLED_BY_OTHERS = /\b(?:prometric|they|the (?:test(?:ing)? )?(?:center|centre|site)|ase|the proctor)\b(?: \w+){0,2} cancell?ed\b|\bcancell?ed (?:\w+ ){0,3}(?:on their end|by (?:prometric|the (?:test(?:ing)? )?(?:center|centre|site)|ase))\b/;

const BUY = /\b(?:bought|buy|buying|purchas\w*|paid|pay for|register|registered|registering|signed up)\b/;
const BOUGHT_THING = new RegExp(String.raw`\b(?:bought|buy|buying|purchas\w*|paid for|registered for|signed up for)\b(?: \S+){0,4}? ?(?:${THING}|it|them|registration|voucher)\b|\b(?:after|since) (?:buying|purchasing|registering|paying)\b|\bunused ${THING}\b|\b(?:haven't|have not|not yet|never) (?:scheduled|booked|taken)\b`);
const DEADLINE = /\b(?:expir\w*|run out|runs out|deadline|how long (?:do|does|did|have|until|till|before|is|after)|by when|how much time|time limit|time frame|timeframe|window|\d+ days|still (?:valid|good)|too late|how many days|when (?:do|must|should|does) (?:i|it) (?:have to |need to )?(?:take|schedule|book|use|be taken)|last day)\b/;
const PURCHASE_GENERAL = /\b(?:how long|how many days|how much time) (?:do|will|would) (?:i|you|we) have to (?:take|schedule|book|sit)\b|\b(?:test|tests|exam|exams|registration|purchase|voucher|my test|my exam)s? (?:expire|expires|expired|expiring|expiration)\b|\b(?:when|how long until|how long before) (?:does|do|will) (?:my |the |a )?(?:test|exam|registration|purchase|voucher)s? (?:expire|run out)\b/;

const RECERT = /\b(?:recert\w*|renew\w*)\b/;
/**
 * "my A8 expired in 2024, can I still recertify?", "can I recertify early?": yes whatever the dates
 * (the FAQ says so), so the FAQ answers; "when can I recertify?" is still the task's, and so is a
 * question with a day or a month in it ("my A4 expired on January 10, 2025, can I recertify?"),
 * worked out.
 */
const RECERT_YES_NO = /^(?!.*\b(?:when|how soon|how early|how long|by when|until when|what date|which day)\b)(?!.*(?:\b(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|\bmay \d|\b\d{1,2}\/\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:today|yesterday|tomorrow)\b)).*\b(?:can|may|could) i (?:still |even |already )?(?:recertify|recert|renew|take (?:the |a |my )?(?:\w+ )?(?:recertification|recert)(?: test| exam)?)\b/;
const CERT_THING = /\b(?:cert|certs|certification|certifications|certificate|certificates|credential|credentials|certified|status)\b/;
// "last" is how long a certification lasts, not "last week" ("I took my test last week, will my
// certificate still come?" is about delivery, not recertification).
const VALIDITY = /\b(?:expir\w*|laps\w*|run out|runs out|valid|validity|good for|lasts?(?! (?:week|month|year|time|night|day|\w+day)\b)|due|current|still good)\b/;

/**
 * A day said on its own, with no "on" before it ("my test is friday", "my exam is tomorrow", "my
 * appointment is dec 20", "my test is 12/15"): the rest of the message may only be its time.
 */
const DAY_SAID = String.raw`(?:today|tonight|tomorrow|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|(?:jan|january|feb|february|mar|march|apr|april|may|june?|july?|aug|august|sept?|september|oct|october|nov|november|dec|december) \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|the \d{1,2}(?:st|nd|rd|th))`;

/**
 * "my test is on december 20", "I have my appointment next Tuesday", "I'm booked for the 14th": the
 * candidate tells the bot when their appointment is, and asks nothing else. The one rule about an
 * appointment ahead is how long it can still be changed: that task takes the date (sign-in offered
 * beside it). Only the whole message, without a question: "my test is on the 20th, what do I bring?"
 * asks something else.
 */
const OWN_APPOINTMENT_AHEAD = new RegExp(
  String.raw`^(?:(?:so|ok|okay|well|fyi|btw|just so you know),? )?(?:my (?:${THING}|[a-z]\d{1,2})|i have (?:my |an? |the )?${THING}|i'?m (?:scheduled|booked)|i am (?:scheduled|booked)) (?:(?:is |'s )?(?:scheduled |booked |set )?(?:on|for|this|next|in)\b[^?]*|(?:is|'s) ${DAY_SAID}(?: at [^?]*)?[.!]*)$`,
);
/** A question put without its question mark ("my test is on the 20th what do i bring"). */
const ASKS_SOMETHING = /\b(?:what|how|can|could|should|where|when|which|why|will|would|do i|does)\b/;
const PERSONAL = /\b(?:my|mine|i'm|i've|i was|i did|i didn't|i had|i failed|i missed|i bought|i purchased|i paid|i took|i passed|i registered|i scheduled|i booked|i have an?|am i|i am)\b/;
const HYPOTHETICAL = /\b(?:what happens if|what if|in case|suppose|hypothetically|in general|generally|policy|rules?|is it possible)\b|^(?:can|could|do|does|is|are) (?:a|an|someone|people|candidates|anyone)\b/;

/**
 * "i have A1 thru A7", "I've got A1-A8", "certified in A1, A2 and A3": the candidate lists the tests
 * they hold, and asks nothing else. What a list of one series' tests is for is its Master status
 * (A1-A8 is Master Automobile Technician): that task, which says what is still missing.
 */
const CODE_WORD = String.raw`[abcefghlpstx]-?\d{1,2}`;
const HELD_LIST = new RegExp(
  String.raw`^(?:(?:so|well|ok|okay|hi|hey|hello|um+),? )?(?:i (?:have|hold|got|passed)|i'?ve (?:got|passed)|ive (?:got|passed)|i'?m certified in|i am certified in|certified in)\s+(?:(?:all|the|my|of|certs?|certifications?|in|tests?)\s+)*${CODE_WORD}(?:\s*(?:-|–|to|through|thru)\s*(?:[a-z]-?)?\d{1,2}|(?:\s*,?\s*(?:and\s+|&\s+)?${CODE_WORD}){2,})(?:\s+(?:certs?|certifications?|tests?|done|already|so far|now))*[\s.!]*$`,
);
const ES_HELD_LIST = new RegExp(
  String.raw`^(?:(?:hola|bueno|pues),? )?(?:ya )?(?:tengo|aprobe|pase|estoy certificad[oa] en)\s+(?:(?:el|los|del|de|todos|certificados?)\s+)*${CODE_WORD}(?:\s*(?:-|al|hasta(?: el)?)\s*[a-z]-?\d{1,2}|(?:\s*,?\s*(?:y\s+)?(?:el\s+)?${CODE_WORD}){2,})\s*$`,
);

// ---- detectors, most specific first --------------------------------------------------------

type Detector = (t: string) => boolean;

const withoutMasterThings = (t: string): string => {
  const patchless = t.replace(MASTER_PATCH, ' ');
  return DUPLICATE.test(t) || REPLACEMENT.test(t) ? patchless.replace(MASTER_CERTIFICATE, ' ') : patchless;
};
const masterStatusAsked = (t: string): boolean => MASTER.test(t) && MASTER_STATUS.test(t) && !(MASTER_GENERAL.test(t) && !MASTER_PERSONAL.test(t));

const detectors: Array<[Task, Detector]> = [
  ['master-status', (t) => HELD_LIST.test(t)],
  ['master-status', (t) => masterStatusAsked(withoutMasterThings(t))],
  [
    'duplicate-cost',
    (t) =>
      (DUPLICATE.test(t) || (REPLACEMENT.test(t) && CERTIFICATE.test(t))) &&
      (COST.test(t) || CODE.test(t) || SERIES_WORD.test(t)),
  ],
  ['reschedule-or-cancel', (t) => UNABLE.test(t) && AHEAD.test(t) && APPOINTMENT.test(t) && !GONE_BY.test(t) && !CODE_ONLY_FAIL.test(t)],
  ['missed-appointment', (t) => MISSED.test(t) && !(LATE_AHEAD.test(t) && !LATE_GONE_BY.test(t))],
  // "my A1 expired, can I recertify or do I have to take the full test again?": taking it again
  // after a lapse is recertification; only a failure makes it a retest.
  ['recertification', (t) => RECERT.test(t) && RETAKE.test(t) && !FAIL.test(t)],
  // "I passed A1 back in 2018, do I need to retest since it's been more than 5 years?": taking a
  // passed test again is its recertification; only a failure makes it a retest.
  ['recertification', (t) => PASSED.test(t) && RETAKE.test(t) && !FAIL.test(t)],
  ['retest', (t) => FAIL.test(t) || RETAKE.test(t)],
  [
    'reschedule-or-cancel',
    (t) =>
      !WHOLE_COMMAND.test(t) &&
      !NOT_AN_APPOINTMENT.test(t) &&
      !CANCELLED_BY_OTHERS.test(t) &&
      (CHANGE_ALONE.test(t) || CHANGE_OBJECT.test(t) || CANCEL_INTENT.test(t)),
  ],
  ['reschedule-or-cancel', (t) => OWN_APPOINTMENT_AHEAD.test(t) && DATE_WORD.test(t) && !GONE_BY.test(t) && !ASKS_SOMETHING.test(t) && t.split(' ').length <= 12],
  // "my A5 expired" with no purchase words is the certification (below), not the purchase.
  ['purchase-window', (t) => (BUY.test(t) && BOUGHT_THING.test(t) && (DEADLINE.test(t) || DATE_WORD.test(t))) || (PURCHASE_GENERAL.test(t) && !CODE.test(t))],
  [
    'recertification',
    (t) => (RECERT.test(t) || (VALIDITY.test(t) && (CERT_THING.test(t) || CODE.test(t)))) && !RECERT_YES_NO.test(t),
  ],
];

// ---- Spanish: the same tasks, asked the way Spanish-speaking candidates write (accents folded) ----

const ES_CODE = /(?<![a-z0-9])[abcefghlpstx]-?\d{1,2}(?![a-z0-9])/;
const ES_DATE = /\b(?:hoy|manana|ayer|anteayer|hace|lunes|martes|miercoles|jueves|viernes|sabado|domingo|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|semana pasada|proxim[oa]|que viene)\b|\d/;
const ES_PERSONAL = /\b(?:mi|mis|reprobe|repruebo|falle|perdi|falte|compre|pague|aprobe|pase|tengo|soy|sigo|me registre|llegue)\b/;
const ES_HYPOTHETICAL = /\b(?:que pasa si|si alguien|en general|la regla|las reglas|politica|se puede)\b/;
const ES_THING = String.raw`(?:cita|examen|examenes|prueba|test|turno|[a-z]-?\d{1,2})`;
/**
 * What a profile holds, not an appointment: "necesito cambiar mi dirección", "cambiar mi fecha de
 * nacimiento en mi perfil" (the profile-change and address answers), never "¿Cuándo es su cita?".
 */
const ES_NOT_AN_APPOINTMENT = /\b(?:cambiar|cambio|corregir|actualizar)(?:la|lo)? (?:(?:mi|la|el|de|una|su) )?(?:direccion|domicilio|nombre|apellidos?|fecha de nacimiento|nacimiento|seguro social|ssn|correo|email|e-mail|contrasena|telefono|numero de telefono|perfil|cuenta|datos)\b/;
/** Sick, an emergency, "no voy a poder ir": the Spanish twins of UNABLE, AHEAD, GONE_BY and APPOINTMENT. */
const ES_UNABLE = /\b(?:enferm\w*|emergencia|hospital\w*|covid|gripa|gripe|cirugia|operacion|operar|funeral|velorio|accidente)\b|\bno (?:voy a |creo que )?(?:puedo|podre|pueda|poder) (?:ir|llegar|asistir|presentarme)\b/;
const ES_AHEAD = /\b(?:manana|hoy|esta (?:semana|tarde|noche|manana)|proxim[oa]|que viene|pasado manana|(?:el|este|del) (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|es el|en \d+ dias)\b/;
const ES_GONE_BY = /\b(?:ayer|anteayer|pasad[oa]|hace|no fui|no llegue|falte|perdi|no me presente|se me paso)\b/;
const ES_APPOINTMENT = new RegExp(String.raw`\b(?:${ES_THING})\b`);
const ES_DUPLICATE = /\b(?:duplicad[oa]s?|copias?|reemplazos?|reimpresion(?:es)?)\b/;
const ES_COST = /\b(?:cuesta|cuestan|costo|costos|precio|cuanto|tarifa|pagar|total)\b|\$/;
/** A series named the Spanish way, or in ASE's English names ("serie A", "de camion", "auto"). */
const ES_SERIES = /\b(?:serie [a-z]|series [a-z]|automovil(?:es)?|autos?|camion(?:es)?|colision|autobus(?: escolar)?|partes|truck|collision|school bus)\b/;

/** A retake asked ("volver a tomarlo", "repetirlo", "de nuevo"). */
const ES_RETAKE = /\b(?:repetir(?:lo|la)?|volver a (?:tomar|presentar|hacer)(?:lo|la)?|(?:tomar|presentar|hacer)(?:lo|la)? (?:de nuevo|otra vez))\b|\b(?:lo|la) (?:puedo|podre) (?:volver a (?:tomar|presentar|hacer)|repetir|tomar de nuevo)\b/;
/** Scheduling a test bought ("programar", "agendar", "sacar cita"): forgotten, it is the purchase window's, not a missed appointment. */
const ES_SCHEDULING = String.raw`(?:(?:de |el )?(?:programar|agendar|reservar|calendarizar|apartar|sacar (?:la |una )?cita|hacer (?:la |una )?cita|escoger (?:la )?fecha|elegir (?:la )?fecha)|(?:el )?(?:plazo|tiempo) (?:para|de) (?:programar|agendar))`;
/** Signs the candidate was not there: the appointment, not the test, was missed. */
const ES_ABSENT = new RegExp(String.raw`\b(?:cita|no (?:fui|llegue|me presente|pude ir|asisti|pude llegar)|llegue tarde|se me (?:paso|olvido)(?! ${ES_SCHEDULING})|me quede dormido|no show|falte)\b`);

const esDetectors: Array<[Task, Detector]> = [
  ['master-status', (t) => ES_HELD_LIST.test(t)],
  ['master-status', (t) => /\b(?:master|tecnico maestro|maestro)\b/.test(t) && /\b(?:sigo|sigue|todavia|aun|perdi|pierdo|vencio|vencid[oa]|mantengo|conservo|soy|estatus|vigente|recuperar)\b/.test(t)],
  // As in English, duplicates with a price word, or with the tests or series they are of ("necesito duplicados de A1 y T2").
  ['duplicate-cost', (t) => ES_DUPLICATE.test(t) && (ES_COST.test(t) || ES_CODE.test(t) || ES_SERIES.test(t))],
  // As in English: sick or unable, with the appointment still ahead ("tengo mi examen mañana y me enfermé"), it may still be moved.
  ['reschedule-or-cancel', (t) => ES_UNABLE.test(t) && ES_AHEAD.test(t) && ES_APPOINTMENT.test(t) && !ES_GONE_BY.test(t) && !/\breprob\w*\b/.test(t)],
  [
    'missed-appointment',
    (t) =>
      // "se me olvidó programar mi examen": what was forgotten is the scheduling, not the appointment
      // (the purchase window's 90 days: missed-appointment's expired-unscheduled facet answers it).
      new RegExp(String.raw`\b(?:perdi|falte a|no (?:fui|llegue|me presente|pude ir|asisti|pude llegar)|llegue tarde|se me (?:paso|olvido)(?! ${ES_SCHEDULING})|me quede dormido|no show)\b`).test(t) &&
      !/\b(?:perdi (?:mi |el )?(?:certificado|correo|email|contrasena|tarjeta))\b/.test(t) &&
      // "perdí el examen A5, ¿cuándo lo puedo volver a tomar?": where "perder un examen" is failing it
      // (Colombia, Venezuela), and nothing says the candidate was absent, a retake asked is the retest's.
      !(/\bperdi (?:el |mi )?(?:examen|prueba|test|[a-z]\d{1,2})\b/.test(t) && ES_RETAKE.test(t) && !ES_ABSENT.test(t)) &&
      // "compré el A7 hace 3 meses y no lo he agendado, ¿ya lo perdí?": a purchase never scheduled, its window (not an appointment missed).
      !(/\b(?:lo|la) perdi\b/.test(t) && /\b(?:compre|pague)\b/.test(t) && /\bno (?:lo |la )?(?:he |habia )?(?:agendado|programado|reservado|agende|programe)\b/.test(t)),
  ],
  ['retest', (t) => /\b(?:reprob\w*|repruebo|repobe|falle|trone|truene|me fue mal en|sali mal en|no (?:lo |la )?(?:pase|aprobe)|repetir(?:lo|la)?|volver a (?:tomar|presentar|hacer)(?:lo|la)?|tomar(?:lo|la)? (?:de nuevo|otra vez)|presentar(?:lo|la)? (?:de nuevo|otra vez))\b/.test(t)],
  [
    'reschedule-or-cancel',
    (t) =>
      !ES_NOT_AN_APPOINTMENT.test(t) &&
      (new RegExp(String.raw`\b(?:reprogram\w*|reagend\w*|posponer|(?:cambiar|cambio|mover|muevo|cancelar|cancelo|pasar)(?:la|lo)? (?:(?:mi|la|el|de|una) )?(?:fecha (?:de (?:mi |la )?)?)?${ES_THING})\b`).test(t) ||
      /\b(?:puedo|quiero|necesito|como) (?:cambiar|cancelar|mover)(?:la|lo)?\b/.test(t) ||
      // The pronoun in front, as English "move it": "¿cómo la muevo?", "¿la puedo cambiar?".
      /\b(?:la|lo) (?:muevo|cambio|cancelo|reprogramo|pospongo|(?:puedo|quiero|necesito|tengo que) (?:mover|cambiar|cancelar|reprogramar|posponer))\b/.test(t)),
  ],
  // As in English: "mi examen es el 20 de diciembre", said and nothing asked, is the appointment's date.
  ['reschedule-or-cancel', (t) => /^(?:mi (?:cita|examen|prueba|test|[a-z]\d{1,2}) (?:es|sera|esta (?:programad[oa]|agendad[oa]) para|la tengo|lo tengo) (?:el|para el|este|el proximo|la proxima|en)\b)/.test(t) && ES_DATE.test(t) && !ES_GONE_BY.test(t) && !/\b(?:que|como|cuando|donde|cuanto|cual|puedo|debo|necesito|tengo que)\b/.test(t) && t.split(' ').length <= 12],
  [
    'purchase-window',
    // As in English, a purchase with a deadline word or a date ("compré un examen hace dos meses").
    (t) => /\b(?:compre|pague|me registre|me inscribi|compra)\b/.test(t) && (/\b(?:cuanto tiempo|vence|caduca|plazo|hasta cuando|cuantos dias|ultimo dia|fecha limite|\d+ dias)\b/.test(t) || ES_DATE.test(t)),
  ],
  ['recertification', (t) => /\b(?:recertific\w*|renovar|renuevo)\b/.test(t) || (/\b(?:vence|vencio|caduca|caduco|expira|expiro|vigente|vigencia)\b/.test(t) && (/\bcertific\w*\b/.test(t) || ES_CODE.test(t)))],
];

const foldSpanish = (text: string) =>
  withoutAccents(text.toLowerCase())
    .replace(/[¿¡?!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function detectSpanishTask(text: string): TaskMatch | null {
  const t = foldSpanish(text);
  for (const [task, matches] of esDetectors) {
    if (matches(t)) {
      const facts = ES_DATE.test(t) || ES_CODE.test(t);
      return { task, confidence: facts || (ES_PERSONAL.test(t) && !ES_HYPOTHETICAL.test(t)) ? 'high' : 'low' };
    }
  }
  return null;
}

function detectEnglishTask(t: string): TaskMatch | null {
  for (const [task, matches] of detectors) {
    if (matches(t)) return { task, confidence: confidenceOf(t) };
  }
  return null;
}

/**
 * The guided task `text` asks for, or null when the FAQ should answer it. Both languages' cues are
 * tried (candidates mix them), the turn's language first: English cues match words Spanish shares
 * ("reprobé el examen de recertificación del A6" holds "recert", and is a failed test to retake).
 */
/** The message says a test was failed ("i failed A5", "didn't pass"), Spanish too ("reprobé"). */
export function saysFailed(text: string): boolean {
  const t = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return FAIL.test(t) || /\b(?:reprob\w*|repruebo|no (?:lo |la )?(?:pase|aprobe))\b/.test(t);
}

export function detectTask(text: string, language: 'en' | 'es' = 'en'): TaskMatch | null {
  if (typeof text !== 'string') {
    throw new TypeError(`understanding/taskIntent: text must be a string, got ${JSON.stringify(text)}`);
  }
  const t = normalise(text);
  if (t === '') return null;
  if (language === 'es') return detectSpanishTask(text) ?? detectEnglishTask(t);
  // Spanish cues never match an English question (their words are Spanish).
  return detectEnglishTask(t) ?? detectSpanishTask(text);
}

function confidenceOf(t: string): 'high' | 'low' {
  const facts = DATE_WORD.test(t) || CODE.test(t);
  if (facts) return 'high';
  return PERSONAL.test(t) && !HYPOTHETICAL.test(t) ? 'high' : 'low';
}
