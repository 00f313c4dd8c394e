/**
 * Which question about the candidate's OWN account a message asks, if any: "when is my test?",
 * "cancel my A5 appointment", "am I still a Master Technician?". Pure: text and the catalogue in,
 * a PersonalQuestion or null out.
 *
 * Precision first. A personal question makes the bot ask the candidate to sign in, so only a
 * message that is clearly about the candidate's own things qualifies: it must speak in the first
 * person ("my", "I", "am I", "mine") about something the account holds. General policy questions
 * ("how long are certifications valid?", "when can I retake a test I failed?", "how do I
 * reschedule an appointment?") and hypotheticals ("what if I cancel my appointment?") return null,
 * so the FAQ or a guided task answers them without signing in.
 *
 * Cues are tried most specific first: duplicates of all certificates, Master status, where the
 * certificate is, the retest date, a request to cancel, certifications expiring in a period,
 * purchase windows, certification expiry, and last the appointments themselves.
 */

import type { Catalogue } from '../rules/types.js';
import { normalise } from './normalise.js';
import { resolveTests } from './tests.js';
import { withoutAccents } from '../language/accents.js';

export type ExpiringPeriod = 'this-year' | 'next-90-days';

export type PersonalQuestion =
  /** `position`: "the second one", "la primera": which of the upcoming appointments, in date order (-1 the last). */
  | { kind: 'appointments'; tests?: string[]; position?: number }
  /** `refund`: "can I cancel it and get a refund?": each one's three-day rule, and what refunds the test. */
  | { kind: 'cancel-appointment'; tests?: string[]; position?: number; refund?: boolean }
  /** `first`: "which one expires first": the earliest expiry named, not every certification listed. */
  | { kind: 'expiry'; tests?: string[]; first?: boolean }
  | { kind: 'expiring-within'; period: ExpiringPeriod }
  | { kind: 'master' }
  /** "what's my status?", "quiero ver mi cuenta": the certifications and Master status at a glance. */
  | { kind: 'status' }
  /** When tests failed or missed can be bought again; `missedOnly`: only No Shows (a missed appointment). */
  | { kind: 'retest'; tests?: string[]; missedOnly?: boolean }
  /** "did I pass?", "show my results": the latest result of each test on the account. */
  | { kind: 'results'; tests?: string[] }
  | { kind: 'duplicates-all' }
  | { kind: 'certificate-status' }
  /**
   * `tests`: the purchases of these tests only; `on`: the words of the day asked about ("can I
   * schedule A6 for next week": "next week"), read as a date where the answer is made.
   */
  | { kind: 'purchases'; tests?: string[]; on?: string }
  /** "can I get an exception?": the three-day rule as it stands for the candidate's own appointments, and that the source gives none. */
  | { kind: 'exception' };

export type PersonalKind = PersonalQuestion['kind'];

export const PERSONAL_KINDS: readonly PersonalKind[] = [
  'appointments',
  'cancel-appointment',
  'expiry',
  'expiring-within',
  'master',
  'status',
  'retest',
  'results',
  'duplicates-all',
  'certificate-status',
  'purchases',
  'exception',
];

const MODULE = 'account/personalIntent';

// ---- cues ----------------------------------------------------------------------------------

/** The candidate speaking about themselves. */
const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself)\b/;
/** A hypothetical or someone else: answered by the FAQ, not the account. */
const HYPOTHETICAL =
  /\b(?:what happens if|what if|what would happen|in case|suppose|supposing|hypothetically|in general|generally|someone|somebody|anyone|a candidate|candidates|people|my (?:friend|son|daughter|brother|sister|husband|wife|employee|tech|technician|coworker|co-worker|colleague|boss)s?)\b|^(?:if|when|once|after) i\b|\b(?:after|before|once) i (?:buy|pay|purchase|register|sign up)\b/;

/** A test code as written ("A5", "a-5"). */
const CODE = /(?<![a-z0-9/'.$#])[abcefghlpstx]-?\d{1,2}(?![a-z0-9/]|[.:]\d)/;
const APPT_NOUN = String.raw`(?:appointments?|tests?|exams?|bookings?|reservations?|test dates?|exam dates?|testing appointments?|test times?|sessions?)`;
const APPT_THING = String.raw`(?:(?:[a-z]-?\d{1,2} |next |upcoming |scheduled |\w+ )?${APPT_NOUN}|[a-z]-?\d{1,2})`;
const CERT_NOUN = /\b(?:certs?|certifications?|certificates?|credentials?|certified)\b/;

const EXPIRE = /\b(?:expir\w*|laps\w*|runs? out|still (?:valid|good|current|active)|valid (?:until|till|through)|good (?:until|till|through)|how long (?:is|are) (?:\w+ )?valid|due for recert\w*|due|renew\w*|recertify|recertification)\b/;
const CURRENT_STATE = /\b(?:current|valid|active|up to date)\b/;

const PERIOD_THIS_YEAR = /\b(?:this (?:calendar )?year|(?:before|by) (?:the )?end of (?:the |this )?year|later this year|before next year)\b/;
const PERIOD_NEXT_90 = /\b(?:(?:next|coming|following) (?:90|ninety) days|within (?:the next )?(?:90|ninety) days|(?:next|coming) (?:3|three) months|soon|shortly)\b/;

const CHANGE_VERB = String.raw`(?:reschedule|rebook|change|move|cancel|postpone|push back|switch)`;

const NOT_AN_APPOINTMENT = /\b(?:cancel|change|move|switch|update)\w* (?:my |the )?(?:account|subscription|emails?|texts?|messages|notifications|alerts|membership|password|profile|address|name|phone|email|payment|card|order|request|chat|conversation)\b/;
const MISSED =
  /\b(?:missed|miss|no show|no showed|didn't show|did not show|failed to show|forgot to (?:go|show)|didn't make it|couldn't make it|was late|arrived late|turned away)\b/;
const NEGATED_CANCEL = /\b(?:don't|do not|didn't|did not|never|not|won't|shouldn't|no need to)(?: \w+){0,2} cancel/;

// Duplicates of everything: "duplicates of all my certificates", "replace all my certs".
const DUPLICATE = /\b(?:duplicates?|duplicated|replacements?|replace|reprints?|reprint|copies|new copies)\b/;
const ALL_MINE = /\b(?:all|every|each) (?:of )?my\b|\bmy (?:certificates|certs|certifications|credentials)\b|\ball (?:of )?(?:them|mine)\b|\bevery (?:one|certificate|cert)\b/;

// Master status.
const MASTER = /\bmaster(?:'s)?\b/;
const MASTER_PERSONAL = [
  /\bam i (?:still |currently |now |really )*(?:an? )?(?:ase )?master\b/,
  /\bmy master\b/,
  /\b(?:do|did|have|will) i (?:still |already )?(?:have|hold|keep|lose|lost|qualify (?:for|as)|count as|meet) (?:my |the |a )?(?:ase )?master\b/,
  /\bi(?:'m| am) (?:still |currently )?(?:an? )?(?:ase )?master\b/,
  /\b(?:lost|lose|losing|regain|reinstate|get back|keep) my\b.*\bmaster\b/,
  /\bmaster\b.*\b(?:status|certification|tech\w*)\b.*\b(?:back|reinstat\w*|still)\b.*\b(?:i|my)\b/,
  /\bis my\b.*\bmaster\b/,
  /\bwhat (?:do|would|else do) i (?:still )?need (?:for|to (?:get|become|be|make|reach|earn|regain|keep)) (?:an? |the |my )?(?:ase )?master\b/,
];

// The certificate itself (the paper): where it is, when it comes.
const CERTIFICATE = /\b(?:certificates?|blue seal|cert)\b/;
const ARRIVAL = /\b(?:where(?:'s| is)?|received?|receiving|get|got|gotten|getting|arrive\w*|mail\w*|sent|send|ship\w*|waiting|wait|coming|come|came|deliver\w*|show up|yet|when will|status of|still not|no sign)\b/;
const NOT_ARRIVAL =
  /\b(?:spanish|frame|print\w*|digital|download|correct\w*|wrong|change|update|misspell\w*|name on|address|damaged|lost|another|replace\w*|ruined|torn|destroyed|stolen)\b/;
/** The candidate's own certificate, not certificates in general ("do I get a paper certificate?"). */
const MY_CERTIFICATE = /\b(?:my|no|any|the) (?:\w+ )?(?:certificates?|cert|blue seal)\b/;
/** How one is earned, not where one's own is ("how do i get the blue seal": pass a test and the work experience; ut23). */
const HOW_TO_EARN = /\b(?:how (?:do|can|would|does|to) (?:i |you |one |someone |a \w+ )?|what do i (?:need|have) to do to |what does it take to )(?:get|earn|obtain|achieve|qualify for|become eligible for) (?:the|a|an) (?:ase )?(?:\w+ )?(?:certificates?|cert|blue seal)\b/;

// Failing and retaking.
const FAILED_MINE = [
  // "I failed A8", "I just failed my brakes test" (but not "a test I failed", which is general).
  /(?<!\b(?:a|an|any) (?:\w+ )?(?:tests?|exams?) )\bi (?:just |recently |have |'ve |already )?(?:failed|flunked|bombed|didn't pass|did not pass)\b(?! to\b)/,
  /\bthe (?:\w+ )?(?:test|exam|one)s? i (?:just |recently )?(?:failed|flunked|didn't pass|did not pass)\b/,
  /\bmy (?:failed|last failed)\b/,
  /\b(?:retake|retest|redo) (?:for )?my\b/,
  /\bmy (?:retake|retest|second attempt|next attempt)\b/,
];
const RETAKE = /\b(?:retake|retaking|retest|retesting|take (?:it|the test|the exam|them|(?:the )?\w+(?: test| exam)?) again|try again|test again|buy (?:it |the test |\w+ )?again|rebuy|register again|second attempt|next attempt)\b/;
/** About the failure but not when to retake: study advice, scores, appeals. */
const NOT_RETEST_DATE = /\b(?:study|studying|score report|scores?|feedback|appeal|rescore|re-score|why did i fail|what did i (?:get|score)|what to study)\b/;
const WHEN_CAN_I = /\b(?:when|how soon|how long until|how long before|how long till|how many days until|how long (?:do|must|should) i (?:have to )?wait (?:to|before|until)) (?:can|could|may|do|will) i\b|\bhow long (?:do|must|should) i (?:have to )?wait\b/;

// Cancelling, as a request ("cancel my A5 appointment"), not a question about whether one can.
const CLAUSE_START = String.raw`(?:^|[.!?;,]\s*|\b(?:so|and|but|then|ok|okay|hi|hello|hey)\s+)`;
const CANCEL_REQUEST = [
  new RegExp(
    String.raw`${CLAUSE_START}(?:please |can you |could you |would you |will you |i want to |i'd like to |i would like to |i need to |i have to |i must |i wanna |help me |go ahead and |let's |lets )(?:please )?cancel (?:my|both|all(?: of)? my|the (?:[a-z]-?\d{1,2} )?(?:appointment|booking|exam|test)|it)\b`,
  ),
  new RegExp(String.raw`${CLAUSE_START}(?:please )?cancel (?:my|both|all(?: of)? my|the [a-z]-?\d{1,2})\b`),
  /\b(?:want|need|would like) (?:my|it|the) (?:\w+ ){0,3}?(?:appointment|booking|exam|test) cancell?ed\b/,
];
const CANCEL_OBJECT = new RegExp(String.raw`\bcancel (?:my |both |all(?: of)? my |the |it\b)(?:\w+ ){0,2}?(?:${APPT_NOUN}|[a-z]-?\d{1,2}\b|both|them)|\bcancel (?:it|them)\b|\b(?:appointment|booking|exam|test) cancell?ed\b`);

// Questions about the appointments themselves.
const APPOINTMENT_QUESTION = [
  new RegExp(String.raw`\b(?:when|where|what time|what day|which day|what date)(?: is|'s| are|s) my ${APPT_THING}\b`),
  new RegExp(String.raw`\b(?:when|where|what time) (?:do|am) i (?:take|have|sit|go to) my ${APPT_THING}\b`),
  // "can you check when my test is?", "tell me what time my exam is"
  new RegExp(String.raw`\b(?:when|where|what time|what day|which day|what date) my ${APPT_THING} (?:is|was)\b`),
  new RegExp(String.raw`\b(?:can|could|may|should) i (?:still )?${CHANGE_VERB} my ${APPT_THING}\b`),
  new RegExp(String.raw`\b(?:can|could|may) i still ${CHANGE_VERB}\b`),
  // "can i cancel the A4 one", "can i move the brakes one", "can i cancel the second one?": one of
  // the candidate's own appointments, pointed at (a test named, or its place in a list), never the
  // general "can I cancel the test?".
  new RegExp(String.raw`\b(?:can|could|may|should) i (?:still )?${CHANGE_VERB} (?:the|that|this) (?:(?:[a-z]-?\d{1,2}|\w+) one\b|[a-z]-?\d{1,2}\b|(?:first|second|third|last|other|earlier|later|next) (?:one|appointment|appt|test|exam)\b)`),
  new RegExp(String.raw`\b(?:is it (?:too late|still possible) to|too late to|am i (?:still )?able to|am i allowed to) ${CHANGE_VERB} (?:my|it)\b`),
  new RegExp(String.raw`\bhow (?:do|can|would) i ${CHANGE_VERB} my ${APPT_THING}\b`),
  // "move my A5 to jan", "please reschedule my brakes test": the request, answered with what can still be done.
  new RegExp(String.raw`^(?:please |ok,? |okay,? |so |i (?:want|need|would like|'d like) to |can you |could you |help me )?${CHANGE_VERB} my ${APPT_THING}\b`),
  new RegExp(String.raw`\b(?:do|did) i have (?:any |an? )?(?:upcoming |scheduled |booked )?(?:appointments?|tests? (?:scheduled|booked)|exams? (?:scheduled|booked))\b`),
  /\b(?:show|list|tell|give) me my (?:\w+ )?(?:appointments?|bookings?|test dates?|exam dates?|scheduled tests?)\b/,
  // "what appointments do I have", "what tests have I booked": the appointments. "what tests do I
  // have (now)?" is every test bought and not taken, booked or not (the purchases, below): once an
  // appointment is cancelled its test is still the candidate's, waiting to be booked again.
  /\bwhat appointments (?:do i have|have i (?:got|booked|scheduled))\b|\bwhat (?:tests|exams) (?:have i (?:got )?(?:booked|scheduled)|do i have (?:booked|scheduled))\b/,
  /\bmy (?:next |upcoming |scheduled )?(?:appointments?|bookings?|test dates?|exam dates?|testing appointments?)\b/,
  /\b(?:is|are) my (?:\w+ )?(?:appointments?|tests?|exams?) (?:still )?(?:on|booked|scheduled|confirmed|changeable)\b/,
];
const APPOINTMENT_BLOCKERS = /\b(?:result|results|score|scores|pass|passed|fail|failed|refund\w*|fee|fees|cost|price|certificate|certification|accommodation\w*|ada|id|identification|bring|wear|calculator|spanish|study|practice)\b/;

// Purchases and their 90-day windows.
const PURCHASE_MINE = [
  /\b(?:the |my )?(?:\w+ )?(?:tests?|exams?|ones?) i (?:bought|purchased|paid for|registered for|signed up for)\b/,
  /\bi (?:bought|purchased|paid for|registered for|signed up for) (?:a |an |my |the |\w+ )?(?:\w+ )?(?:tests?|exams?|[a-z]-?\d{1,2}|it|them)\b/,
  /\bmy (?:\w+ )?(?:purchases?|vouchers?|registrations?|unscheduled tests?|unused tests?|unscheduled exams?)\b/,
  /\bmy (?:tests|exams)\b/,
  /\bmy (?:test|exam)\b/,
  /\bmy [a-z]-?\d{1,2}\b/,
];
const PURCHASE_DEADLINE = /\b(?:expir\w*|run out|runs out|deadline|last day|by when|until when|how long (?:do|does|have|until|till|before|is)|how much time|how many days|time left|days left|time limit|window|still (?:valid|good)|too late to (?:schedule|book|take)|(?:have|need) to (?:take|schedule|book|sit|use) (?:\w+ ){0,3}?by)\b/;
const PURCHASE_WORDS = /\b(?:bought|buy|purchas\w*|paid|voucher|registration|registered|schedule|scheduled|unscheduled|book|take|taken)\b/;

// Certifications.
const RECERT_WHEN = /\bwhen (?:do|should|must|will|am) i (?:need to |have to |due to |supposed to )?(?:recertify|renew|recertification)\b|\b(?:do|should|must) i (?:need to |have to )?(?:recertify|renew)\b|\bam i due\b/;

// ---- detection -----------------------------------------------------------------------------

type Detector = (t: string) => boolean;

const any = (patterns: RegExp[], t: string) => patterns.some((p) => p.test(t));

/** An exception to a rule asked for ("can I get an exception?", "could they waive it for me"). */
const EXCEPTION_ASKED = /\b(?:exceptions?|exempt\w*|waive\w*|special case)\b/;

/**
 * "can I schedule A6 for next week", "could I book my A6 test on december 20": a test named to be
 * scheduled for a day, which the account's purchase of it answers (its 90-day window). The day's
 * words are kept (group 1).
 */
const SCHEDULE_NAMED_FOR = /\b(?:can|could|may|should) i (?:still |even )?(?:schedule|book|take|sit|sit for|do) (?:my |the )?[abcefghlpstx]-?\d{1,2}(?: (?:test|exam|one))? (?:for|on|by|in|before|around) ((?:this |next |the )?[a-z0-9 ,]{3,30}?)\s*[?.!]*$/;

const detectors: Array<[PersonalKind, Detector]> = [
  // "can I get an exception (to the three-day rule)?": about the candidate's own appointments, signed in.
  ['exception', (t) => EXCEPTION_ASKED.test(t) && !/\b(?:fee waiver|waive(?:d|r)? (?:the )?(?:registration )?fee)\b/.test(t)],
  ['duplicates-all', (t) => DUPLICATE.test(t) && ALL_MINE.test(t) && !/\bcancel\b/.test(t)],
  ['master', (t) => MASTER.test(t) && any(MASTER_PERSONAL, t)],
  [
    'certificate-status',
    (t) =>
      CERTIFICATE.test(t) &&
      MY_CERTIFICATE.test(t) &&
      ARRIVAL.test(t) &&
      !EXPIRE.test(t) &&
      !DUPLICATE.test(t) &&
      !NOT_ARRIVAL.test(t) &&
      !HOW_TO_EARN.test(t) &&
      !/\bcert (?:test|exam)/.test(t),
  ],
  ['retest', (t) => !MISSED.test(t) && !NOT_RETEST_DATE.test(t) && (any(FAILED_MINE, t) || (RETAKE.test(t) && WHEN_CAN_I.test(t) && CODE.test(t)))],
  [
    'cancel-appointment',
    (t) => !NEGATED_CANCEL.test(t) && !NOT_AN_APPOINTMENT.test(t) && any(CANCEL_REQUEST, t) && CANCEL_OBJECT.test(t) && !/\brefund/.test(t),
  ],
  [
    'expiring-within',
    (t) => (CERT_NOUN.test(t) || /\b(?:which|any|what|anything) (?:of )?(?:mine|my)\b/.test(t)) && EXPIRE.test(t) && (PERIOD_THIS_YEAR.test(t) || PERIOD_NEXT_90.test(t)),
  ],
  ['purchases', (t) => SCHEDULE_NAMED_FOR.test(t) && !MISSED.test(t) && !/\b(?:fail\w*|retake|again)\b/.test(t)],
  [
    'purchases',
    (t) =>
      any(PURCHASE_MINE, t) &&
      PURCHASE_DEADLINE.test(t) &&
      !CERT_NOUN.test(t) &&
      // "when does my A5 expire?" is the certification, unless purchase words say otherwise.
      (!CODE.test(t) || PURCHASE_WORDS.test(t)) &&
      // "when is my test" is the appointment, not its purchase window.
      !/\b(?:when|what time|where)(?: is|'s) my\b/.test(t),
  ],
  [
    'expiry',
    (t) =>
      (/\bmy\b/.test(t) && (CERT_NOUN.test(t) || CODE.test(t)) && (EXPIRE.test(t) || (CURRENT_STATE.test(t) && CERT_NOUN.test(t)))) ||
      RECERT_WHEN.test(t) ||
      /\b(?:have|has|did) (?:any of )?my (?:\w+ )?(?:certs?|certifications?|credentials?) (?:expired|lapsed)\b/.test(t),
  ],
  [
    'appointments',
    (t) =>
      !MISSED.test(t) &&
      !NEGATED_CANCEL.test(t) &&
      !NOT_AN_APPOINTMENT.test(t) &&
      !EXPIRE.test(t) && !APPOINTMENT_BLOCKERS.test(t) && any(APPOINTMENT_QUESTION, t),
  ],
  // Broader ways of asking about one's own record, tried last: "did I pass my last test?", "what did
  // I fail", "cancel an appointment", "what's on my account".
  // ("when do my results come out" is the general results question, not the account's.)
  // "did I fail?", "which did I fail": the failures and when they can be bought again.
  ['retest', (t) => /\b(?:did i fail|what did i fail|which (?:tests? )?did i fail)\b/.test(t)],
  // "did I pass?", "how did I do", "show my results": the results themselves, not a retest wait.
  ['results', (t) => /\b(?:did i pass|what did i pass|how did i do|(?:what|show(?: me)?|see|check|tell me|give me|look up)(?: are| were|s|'s)? my (?:test |exam |latest |last )?(?:results?|scores?))\b/.test(t)],
  // "do i have any results", "are my scores in yet?", "any results for me?": whether the account holds results (ut23).
  ['results', (t) => /\b(?:(?:do|did) i (?:have|get|got) (?:any |my )?(?:test |exam )?(?:results?|scores?)(?: (?:yet|back|in|posted|up))?\s*\??$|(?:are|is) my (?:test |exam )?(?:results?|scores?) (?:in|up|back|posted|there)(?: yet)?\s*\??$|^(?:any|got any) (?:test |exam )?(?:results?|scores?)(?: (?:yet|for me|in))?\s*\??$)/.test(t)],
  // "do I have a test I bought but haven't scheduled?": the purchases waiting to be scheduled.
  ['purchases', (t) => /\b(?:tests?|exams?) (?:that )?i (?:bought|purchased|paid for)\b.*\b(?:not|haven'?t|never|didn'?t|yet to) (?:be )?(?:scheduled?|booked?)\b|\bunscheduled (?:tests?|exams?)\b/.test(t)],
  ['cancel-appointment', (t) => /^(?:please |can you |could you |i want to |i'd like to )?cancel (?:an|my|the|this|that|one) (?:\w+ ){0,2}(?:appointment|appt|booking|one)\b/.test(t)],
  // "do I have any tests coming up?", "anything scheduled for me?": the appointments.
  ['appointments', (t) => /\b(?:do|did) i have (?:any(?:thing)? |an? )?(?:\w+ )?(?:tests?|exams?|appointments?)? ?(?:coming up|upcoming|scheduled|booked|lined up)\b|\bwhat(?:'s| is| have i got) (?:coming up|scheduled|booked) for me\b/.test(t) && !/\b(?:miss|fail|refund)/.test(t)],
  // "what tests do I have now?", "which exams do i have": the tests bought and not taken, booked or
  // to book (a cancelled appointment leaves its test to book again), never only the appointments.
  ['purchases', (t) => /^(?:(?:so|and|ok|okay|then)[,!.]? )*(?:what|which) (?:tests|exams) do i (?:still |currently )?have(?: (?:now|left|right now|at the moment|then|still))?\s*\??$/.test(t)],
  // "what are my certifications?", "which certs do I have?", "list my credentials": the certifications.
  ['expiry', (t) => /\b(?:what|which|list|show(?: me)?|tell me) (?:are |is )?(?:all )?my (?:\w+ )?(?:certs?|certifications?|credentials?)\b|\b(?:what|which) (?:certs?|certifications?|credentials?|tests?) (?:do|have) i (?:have|hold|got|passed|earned)\b|\bam i certified in\b/.test(t) && !DUPLICATE.test(t) && !/\bcertificates?\b.*\b(?:mail|arrive|come)/.test(t)],
  // "what tests have I bought?", "which tests did I purchase?": the purchases.
  ['purchases', (t) => /\b(?:what|which) (?:tests?|exams?)? ?(?:have|did) i (?:bought|buy|purchased?|paid for|pay for|registered for|register for)\b|\bwhat have i (?:bought|purchased)\b|\b(?:list|show(?: me)?) my (?:purchases|purchased tests|tests i bought)\b/.test(t)],
  ['appointments', (t) => /\bwhat(?:'s| is) (?:on|in) my account\b|\bshow me my account\b|^(?:what|which|when|list|show)\b.*\bmy (?:upcoming )?appointments?\b/.test(t) && !/\b(?:miss|fail|don'?t|cancel)/.test(t)],
];

// ---- Spanish -------------------------------------------------------------------------------
// The same questions as candidates ask them in Spanish, on text folded to lower case without
// accents ("¿cuándo es mi cita?" -> "¿cuando es mi cita?"). Precision first here too: "mi"/"mis"
// or a first-person verb ("tengo", "sigo", "reprobé") about something the account holds.

const ES_APPT = String.raw`(?:citas?|examen(?:es)?|pruebas?|test)`;
const ES_CHANGE = String.raw`(?:cambiar|mover|reprogramar|reagendar|reschedulear|cancelar|posponer)`;
/** Someone else's, or a hypothetical: the FAQ answers. */
const ES_HYPOTHETICAL = /\b(?:que pasa si|y si|si yo|en general|alguien|un candidato|los candidatos|mi (?:amigo|hijo|hija|hermano|hermana|esposo|esposa|empleado|jefe|companero)s?)\b/;
const ES_FIRST_PERSON = /\b(?:mi|mis|me|yo|tengo|sigo|soy|reprobe|aprobe|pase|compre|he|puedo|podria|quiero|necesito|quisiera|estoy)\b/;

const spanishDetectors: Array<[PersonalKind, RegExp]> = [
  ['exception', /\b(?:excepcion(?:es)?|caso especial)\b/],
  ['duplicates-all', /\b(?:duplicados?|copias|reposicion) de (?:todos )?mis (?:certificados|certificaciones)\b/],
  // "soy tecnico maestro?", "sigo siendo master?", "tengo el estatus de tecnico maestro?".
  // "que necesito para recuperar el master", "perdí mi estatus de master?": English's "what do I need
  // to get Master back", "did I lose my Master".
  ['master', /\b(?:que|q) (?:necesito|me falta|tengo que hacer|debo hacer|hago) (?:para|pa) (?:recuperar|volver a ser|volver a tener|mantener|conservar|obtener|ser|seguir siendo) (?:el |mi |un )?(?:estatus (?:de )?|status (?:de )?)?(?:master|tecnico maestro|maestro)\b|\b(?:perdi|pierdo|recupero|recuperar|conservo|mantengo) (?:el |mi )(?:estatus (?:de )?|status (?:de )?)?(?:master|tecnico maestro)\b/],
  ['master', /\b(?:soy|sigo siendo|todavia soy|aun soy|soy todavia|soy aun|sigo teniendo (?:el|mi) (?:estatus|status)(?: de)?|tengo (?:el |mi )?(?:estatus|status) de) (?:un |una )?(?:ase )?(?:master|tecnico maestro|tecnico master|maestro)\b|\bmi (?:estatus|status|estado) (?:de )?(?:master|tecnico maestro)\b/],
  ['certificate-status', /\b(?:donde esta|no (?:me )?ha llegado|no (?:me )?llega|no he recibido|cuando (?:me )?llega|cuando voy a recibir|todavia no (?:tengo|recibo|he recibido)|aun no (?:tengo|recibo|he recibido|me llega))\b.*\bmi certificado\b|\bmi certificado\b.*\b(?:no (?:me )?ha llegado|no (?:me )?llega|todavia no|aun no)\b/],
  ['retest', /\b(?:reprobe (?:el |mi )?(?:ultimo )?(?:examen|prueba|test)|(?:que|cuales) (?:examenes )?reprobe)\b/],
  // "y mis resultados?", "ya salieron mis resultados?", "como me fue en el A5": the results themselves.
  ['results', /^(?:y |ok,? |oye,? )?(?:(?:ya )?(?:salieron|estan|hay) )?mis (?:resultados|calificaciones|scores?)(?: del? (?:examen |test )?[abcefghlpstx]-?\d{1,2})?\s*\??$|\bcomo me fue en (?:el |mi )?(?:examen|test|prueba|[abcefghlpstx]-?\d{1,2})\b/],
  ['results', /\b(?:(?:ver|muestreme|muestrame|digame|dime|cuales son|consultar|revisar) mis (?:resultados|calificaciones)|(?:aprobe|pase) (?:el |mi )?(?:ultimo )?(?:examen|prueba|test)|(?:que|cuales) (?:examenes )?aprobe)\b/],
  // "¿aprobé?", "¿pasé?", "¿ya lo pasé o no?", "¿cómo me fue?": English's "did I pass?", asked alone (ut21).
  ['results', /^¿?(?:y |ok,? |oye,? |entonces,? |bueno,? |pues )?(?:ya |si |por fin |al final )?(?:lo |la |los )?(?:aprobe|pase)(?: o no| o reprobe)?\s*\??$|^¿?(?:y |entonces |bueno,? )?como me fue\s*\??$/],
  // "ya no puedo ir, cancela mi cita": English's "I can't make it, please cancel my appointment".
  ['cancel-appointment', new RegExp(String.raw`(?:^|[,.;!?]\s*|\b(?:asi que|entonces|pero|y)\s+)(?:por favor,? )?(?:quiero |necesito |quisiera |me puede |puede |podria |me podria )?(?:cancelar|cancele|cancelame|cancela) (?:mi|la|el) (?:[a-z]-?\d{1,2} )?${ES_APPT}\b(?!.*\b(?:reembolso|como|cuando|puedo|que pasa)\b)`)],
  ['expiring-within', /\b(?:que|cuales|alguna de mis|algunas de mis)\b.*\b(?:certificaciones|certificados)\b.*\b(?:me )?(?:vencen|vence|caducan|caduca|expiran|expira)\b.*\b(?:este ano|antes de fin de ano|en los proximos (?:90|noventa) dias|pronto)\b/],
  // "cuando se me vence el A2": the pronoun says whose, as "my" does.
  ['expiry', /\b(?:cuando|hasta cuando) (?:se )?me (?:vence|vencen|caduca|caducan|expira|expiran) (?:el |la |los |las )?(?:certificacion(?:es)? (?:de |del )?)?[abcefghlpstx]-?\d{1,2}\b/],
  ['expiry', /\b(?:cuando|hasta cuando)\b.*\b(?:vence|vencen|caduca|caducan|expira|expiran)\b.*\bmis? (?:certificacion(?:es)?|certificados?|[abcefghlpstx]-?\d{1,2})\b|\bmis? (?:certificacion(?:es)?|[abcefghlpstx]-?\d{1,2})\b.*\b(?:vence|vencen|caduca|caducan|expira|expiran|vigentes?|validas?)\b|\b(?:cuales|que) (?:son )?(?:mis )?certificaciones (?:tengo|son)\b|\bcuales son mis certificaciones\b|\bcuando (?:me toca|tengo que) recertificar(?:me)?\b|\b(?:estoy|sigo|todavia estoy) certificad[oa] en\b|^(?:y )?mis certificaciones\s*\??$/],
  ['purchases', /\b(?:(?:que|cuales) (?:examenes|pruebas|tests?) (?:he|tengo|hay) comprad[oa]s?|(?:que|cuales) (?:examenes|pruebas) compre|mis examenes comprados|(?:examen|examenes) que compre (?:y )?(?:no|sin) (?:he )?programa\w*)\b|\b(?:examen|examenes|prueba) que compre\b.*\b(?:vence|caduca|hasta cuando|cuanto tiempo|ultimo dia)\b/],
  ['appointments', new RegExp(String.raw`^(?:y |oye,? )?(?:tengo|hay) (?:alguna |algunas |una )?(?:citas?|examen(?:es)? programados?)(?: programadas?| pendientes?)?\s*\??$|\b(?:cuando|donde|a que hora|que dia) (?:es|son|esta|estan|tengo) mis? (?:proxim[oa]s? )?${ES_APPT}\b|\b(?:puedo|podria|quiero|necesito|quisiera) (?:todavia |aun )?${ES_CHANGE} mis? ${ES_APPT}\b|\b(?:puedo|podria) (?:todavia |aun )?${ES_CHANGE} (?:la|el|esa|ese) (?:(?:de|del) (?:examen |cita )?(?:[a-z]-?\d{1,2}|\w+)|primer[ao]?|segund[ao]|tercer[ao]?|ultim[ao]|otr[ao])\b|\btengo (?:alguna |algun |una |un )?(?:cita|citas|examen|examenes) (?:programad[oa]s?|agendad[oa]s?|pendientes?|reservad[oa]s?)\b|\b(?:cuales son|muestreme|muestrame|digame|dime|ver|revisar|consultar) mis (?:citas|examenes programados)\b|^(?:y |oye,? )?(?:que|q|cuales|cuantas) (?:citas|examenes) (?:tengo|me quedan)(?: programad[oa]s| agendad[oa]s| pendientes)?\s*\??$|^(?:y )?mis citas\s*\??$`)],
];

/** The personal question a Spanish message asks, or null. */
function spanishPersonalQuestion(text: string): PersonalKind | null {
  // Not `normalise`: its English shorthand reads Spanish "y" as "why" ("y mis citas?").
  const t = withoutAccents(text.toLowerCase().replace(/\s+/g, ' ').trim());
  if (!ES_FIRST_PERSON.test(t) || ES_HYPOTHETICAL.test(t)) return null;
  // Missed appointments and refunds are tasks and FAQ answers, as in English.
  if (/\b(?:falte|no me presente|no fui|perdi mi (?:cita|examen)|reembolso)\b/.test(t)) return null;
  return spanishDetectors.find(([, pattern]) => pattern.test(t))?.[0] ?? null;
}

/** "the second one", "la primera", "the last appointment": a place in the list of appointments. */
const POSITIONS: Array<[number, RegExp]> = [
  [1, /\b(?:the|that) (?:first|1st|next|earlier|earliest|sooner) (?:one|appointment|appt|test|exam)\b|\b(?:la|el) (?:primer[ao]?|mas (?:cercan[ao]|pronto))\b/],
  [2, /\b(?:the|that) (?:second|2nd) (?:one|appointment|appt|test|exam)\b|\b(?:la|el) segund[ao]\b/],
  [3, /\b(?:the|that) (?:third|3rd) (?:one|appointment|appt|test|exam)\b|\b(?:la|el) tercer[ao]?\b/],
  [-1, /\b(?:the|that) (?:last|later|latest) (?:one|appointment|appt|test|exam)\b|\b(?:la|el) (?:ultim[ao])\b/],
];

function positionIn(folded: string): number | undefined {
  return POSITIONS.find(([, cue]) => cue.test(folded))?.[0];
}

/** Test codes named in the message (known to the catalogue or not), each once, in order. */
function testsIn(text: string, catalogue: Catalogue): string[] {
  const { tests, unknownCodes } = resolveTests(text, catalogue);
  return [...tests.map((t) => t.code), ...unknownCodes];
}

/**
 * The personal question `text` asks, or null when it is not clearly about the candidate's own
 * account (the FAQ or a guided task should answer it).
 */
/** "cancela la de A5", "cancele mi cita del A5", "cancelame esa": the Spanish instruction, no "mi" needed. */
/**
 * "se puede reschedulear la cita del A9?", "quiero cambiar el examen del A5": one of the candidate's
 * appointments, pointed at by its test, with no "mi" needed (English's "can I move the A4 one").
 */
const ES_NAMED_APPOINTMENT = new RegExp(
  String.raw`\b(?:se puede|se podria|puedo|podria|quiero|necesito|quisiera|hay que|me puede|me podria) (?:todavia |aun )?${ES_CHANGE} (?:la|el|mi|esa|ese) (?:${ES_APPT} )?(?:de |del )?(?:examen |test )?[abcefghlpstx]-?\d{1,2}\b` +
    // "cuando es la cita del A9": English's "when is the A4 one".
    String.raw`|\b(?:cuando|donde|a que hora|que dia) es (?:la|el) ${ES_APPT} (?:de |del )(?:examen |test )?[abcefghlpstx]-?\d{1,2}\b` +
    // "cancelar la cita del A9": English's "cancel the A5".
    String.raw`|^(?:por favor,? )?cancelar (?:la|el|mi) (?:${ES_APPT} )?(?:de |del )?(?:examen |test )?[abcefghlpstx]-?\d{1,2}\b`,
);
const ES_CANCEL_IMPERATIVE =
  /^(?:por favor,? |ok,? |si,? |va,? |sale,? )?(?:(?:cancela|cancele|cancelame|cancelemela|cancelen) (?:la|el|mi|esa|ese|esta|este)(?: cita| examen| prueba| test)?(?: de| del)?(?: examen| test)?(?: [abcefghlpstx]-?\d{1,2})?|(?:cancelala|cancelalo|cancelamela|cancelemela|cancelela|cancelelo)(?: (?:la|el) (?:de |del )?[abcefghlpstx]-?\d{1,2})?)(?:,? (?:por favor|porfa|porfavor|plis))?\s*[.!]?$/;
const CANCEL_IMPERATIVE =
  /^(?:please |ok,? |okay,? |so |then )?cancel (?:(?:an|the|this|that|one|it|my) (?:\w+ ){0,2}(?:appointment|appt|booking|one|test|exam)\b|(?:the |my )?[abcefghlpstx]-?\d{1,2}(?![a-z0-9]))(?!.*\b(?:refund|policy|fee|how|what|when|can i)\b)/;
/**
 * "wait which one is the A4 one", "when is the brakes one?": one of the candidate's appointments,
 * pointed at by its test, with no "my" needed.
 */
const WHICH_IS_THE_ONE = /^(?:(?:wait|ok|okay|so|and|hmm+|um+|sorry)[,!.]? )*(?:which|when|where)(?: one)?(?: is|'s) (?:the|that) (?:\w+ ){1,2}(?:one|appointment|appt)\b/;

/**
 * "which certs expire this yr", "what certifications run out in the next 90 days", "que
 * certificaciones vencen este año": a question about which expire in a period, with no "my" in it,
 * can only be about the candidate's own certifications.
 */
/**
 * "whats my status", "how do I stand", "cual es mi estatus", "quiero ver mi cuenta", "what are my
 * tests", "cuales son mis examenes": the whole message asks for one's own standing, which only the
 * account holds (certifications, Master, appointments).
 */
const MY_STATUS =
  /^(?:(?:so|and|ok|okay|hi|hello|hey|y|why|hola|oiga|oye|bueno)[,!.]? )*(?:(?:what(?:'s| is)|whats|how(?:'s| is)|hows|check|show me|tell me|give me) my (?:ase |overall |current |certification |account )?(?:status|standing|account)|where do i stand|how do i stand|(?:cual|como) es (?:mi|el) (?:estatus|status|estado|situacion)(?: de mi cuenta)?|(?:como|que tal) (?:esta|va) mi (?:cuenta|estatus|status)|(?:quiero |puedo |me deja )?(?:ver|revisar|consultar) mi (?:cuenta|estatus|status)|mi (?:estatus|status)|my status|what (?:are|r) my (?:ase )?(?:tests|exams)|(?:cuales|que) son mis (?:examenes|pruebas|tests)|(?:que|cuales) examenes tengo)(?: please| por favor)?\s*[?.!]?$/;

/**
 * "which ones are expiring", "cuales se vencen pronto": asked with no period, "expiring" is soon;
 * with no noun it can only be about the candidate's own certifications.
 */
const WHICH_ONES_EXPIRING =
  /^(?:(?:so|and|ok|okay|y|why|entonces)[,!.]? )*(?:which|what) (?:ones?|of them|of mine)? ?(?:are|is|will be)? ?(?:expiring|about to expire|running out|lapsing|due)(?: soon)?\s*\??$|^(?:(?:y|why|entonces)[,!.]? )*(?:cuales|que) (?:se )?(?:me )?(?:vencen|caducan|expiran|estan por vencer|van a vencer|se van a vencer)(?: pronto)?\s*\??$/;

/**
 * "which one expires first", "which of my certs runs out soonest", "what's the next one to expire",
 * "cuál se vence primero": the earliest expiry of the candidate's own certifications (with no noun,
 * they can only be theirs).
 */
const EXPIRES_FIRST = new RegExp(
  String.raw`^(?:(?:so|and|ok|okay|wait|then|hmm+|um+|y|entonces|oiga|oye)[,!.]? )*(?:` +
    String.raw`(?:which|what)(?: (?:one|ones|cert|certs|certification|certifications|credential|credentials|test|tests))?(?: of (?:mine|them|my (?:certs?|certifications?|credentials?|tests?)))?(?: of mine)? (?:expires?|will expire|is (?:going to|gonna) expire|runs? out|will run out|lapses?|will lapse|(?:is|comes?) due)(?: the)? (?:first|soonest|next|earliest)` +
    String.raw`|(?:what(?:'s| is)|whats|which is) (?:the |my )?(?:next|first|earliest) (?:one |cert |certification |credential )?(?:to expire|to run out|to lapse|expiring|due)` +
    String.raw`|when (?:does|will) (?:my )?(?:next|first|earliest) (?:one|cert|certification|credential) (?:expire|run out|lapse)` +
    String.raw`|(?:cual|que)(?: certificacion| certificado)?(?: de (?:mis certificaciones|ellas|ellos))? (?:se )?(?:me )?(?:vence|caduca|expira|va a vencer) (?:primero|antes)` +
    String.raw`|(?:cual es )?(?:la|mi) (?:proxima|primera) (?:en vencer|que (?:se )?vence|que caduca))(?: please| por favor)?\s*[?.!]?$`,
);

const WHICH_EXPIRE_IN_PERIOD =
  /^(?:so |and |ok,? |okay,? )?(?:which|what|any) (?:of )?(?:the |them |my )?(?:certs?|certifications?|credentials?)(?: of mine)? (?:will |are going to |are )?(?:expir\w*|laps\w*|runs? out|due)\b|^(?:y )?(?:que|cuales) (?:certificaciones|certificados) (?:se )?(?:me )?(?:vencen|caducan|expiran)\b/;

/**
 * "show me my appointments", "list my tests", "quiero ver mis citas", "what's my status": asking to
 * see one's own records, which only the account holds. No FAQ answer is one (the late-arrival rule was sent for
 * "show me my appointments"): signed out, sign-in is offered instead.
 */
/** The message normalised (shorthand spelt out, lower case) and its accents gone: "cancélela" is "cancelela". */
const plain = (text: string): string => withoutAccents(normalise(text));

const SEE_MY_RECORDS = /\b(?:show|list|tell|give) me (?:all )?my\b|\b(?:see|check|look at|view) (?:all )?my (?:\w+ )?(?:appointments?|bookings?|test dates?|exam dates?)\b|\bwhat (?:appointments|tests|exams) (?:do i have|have i)\b|\b(?:ver|revisar|consultar|muestreme|muestrame) mis\b/;

export function asksToSeeOwnRecords(text: string, question: { kind: string } | null): boolean {
  if (question?.kind === 'status') return true;
  return question !== null && (question.kind === 'appointments' || question.kind === 'purchases') && SEE_MY_RECORDS.test(plain(text));
}

/**
 * "ok cancel it", "yes please cancel that one", "go ahead and do it", "cancélela": said right after
 * the account's answer about appointments (which ends "or ask me to cancel it"), the appointment
 * just shown is to be cancelled (the cancelling step still asks for an explicit yes). Alone, or
 * inside a task, "cancel it" stops what is going on, so the route reads it only there.
 */
/** What a follow-up right after the appointments were shown does to them. */
export type OneShownAction = 'cancel' | 'may-cancel' | 'change' | 'refund';

const EN_LEAD = String.raw`^(?:(?:ok|okay|yes|yeah|yep|sure|so|then|alright|great|cool|and|but)[,!.]? )*`;
const ES_LEAD = String.raw`^(?:(?:si|ok|vale|bueno|pues|y|entonces|oiga|oye)[,!.]? )*(?:por favor,? )?`;
const EN_CHANGE_IT = String.raw`(?:change|move|reschedule|rebook|postpone|switch)`;
const ES_CHANGE_IT = String.raw`(?:cambiar|mover|reprogramar|reagendar|reschedulear|posponer)`;
/**
 * Where it is to be moved, said after "it" ("to next week", "para la otra semana", "al viernes"): still
 * the appointment just shown, whose change rule answers (the bot does not book; the date is ASE's).
 */
const EN_CHANGE_TO = String.raw`(?: (?:to|until|till|for|into|a week|by|back)(?: [a-z0-9/,-]+){0,5})?`;
const ES_CHANGE_TO = String.raw`(?: (?:para|a|al|hasta|unos|unas|una)(?: [a-z0-9/,-]+){0,5})?`;

/**
 * Each follow-up in English and its Spanish twin, one row per action. "cancel it", "cancélela", "la
 * quiero cancelar": the appointment just shown is to be cancelled (the cancelling step still asks
 * for an explicit yes). "I want to change it", "la quiero cambiar": whether and until when it can
 * still be moved, from the account again (never the FAQ's general "no changes within three days").
 */
const ONE_SHOWN: Array<[OneShownAction, RegExp, RegExp]> = [
  [
    'cancel',
    new RegExp(String.raw`${EN_LEAD}(?:(?:please|pls|can you|could you|go ahead and|i (?:want|need|would like|'d like) to) )?(?:cancel (?:it|that|that one|this one|the appointment)|do it|go ahead)(?: for me)?(?: please| pls| then| now)?\s*[.!]?$`),
    new RegExp(String.raw`${ES_LEAD}(?:cancelela|cancelelo|cancelala|cancelalo|cancelemela|cancelamela|hagalo|(?:la|lo) (?:quiero|necesito|quisiera|puede|podria) cancelar|(?:quiero|necesito|quisiera|puede|podria) cancelarla|(?:quiero|necesito) que (?:la|lo) cancele)(?:,? (?:por favor|porfa|plis))?\s*[.!?]?$`),
  ],
  [
    // "can I cancel it and get a refund?", "do I get my money back if I cancel?": asked, not done. Each
    // appointment's three-day rule, that cancelling the purchased test refunds it, and the one that
    // can be cancelled offered (the cancelling step still asks for an explicit yes).
    'refund',
    new RegExp(String.raw`${EN_LEAD}(?:(?:can|could|may|if) i (?:still )?cancel(?: (?:it|that|that one|this one|them|the appointments?|the tests?))?,? (?:and|&|then|do|will|would|can) (?:i )?(?:still )?(?:get|receive|have) (?:a |my |the )?(?:refund(?:ed)?|money back|fees? back)|(?:can|do|will|would|could) i (?:still )?(?:get|receive) (?:a |my |the )?(?:refund|money back|fees? back)(?: if i cancel(?: (?:it|that|that one|this one|them|the appointments?|the tests?))?)?)\b[^?]*\??$`),
    new RegExp(String.raw`${ES_LEAD}(?:(?:la|lo) )?(?:puedo|podria|si) (?:la |lo )?cancel(?:ar(?:la|lo)?|o)\b.*\b(?:reembolso|devuelv|devolu)|(?:me )?(?:devuelven|dan|hacen) (?:el |un )?(?:dinero|reembolso)(?: si (?:la |lo )?cancelo)?`),
  ],
  [
    // "can I cancel it?", "¿la puedo cancelar?" asks whether, of appointments that may differ: each
    // one's three-day rule, and the one that can still be cancelled offered (the cancelling step
    // still asks for an explicit yes). It was the list just shown, word for word (ut24).
    'may-cancel',
    new RegExp(String.raw`${EN_LEAD}(?:can|could|may) i (?:still )?cancel (?:it|that|that one|this one|the appointment|one|one of them)(?: still)?\s*\??$`),
    new RegExp(String.raw`${ES_LEAD}(?:(?:la|lo) (?:puedo|podria) (?:todavia |aun )?cancelar|(?:todavia |aun )?(?:puedo|podria|se puede) (?:todavia |aun )?cancelar(?:la|lo)?)(?: todavia| aun)?\s*[.!?]?$`),
  ],
  [
    'change',
    // "can I still move it?" asks whether, not to: the appointments again, with until when.
    new RegExp(String.raw`${EN_LEAD}(?:(?:please|pls|can you|could you|i (?:want|need|would like|'d like) to) )?${EN_CHANGE_IT} (?:it|that|that one|this one|the appointment)${EN_CHANGE_TO}(?: for me)?(?: please| pls| then| now)?\s*[.!?]?$|${EN_LEAD}(?:can|could|may) i (?:still )?${EN_CHANGE_IT} (?:it|that|that one|this one|the appointment)(?: still)?\s*\??$`),
    new RegExp(String.raw`${ES_LEAD}(?:(?:la|lo) (?:quiero|necesito|quisiera|puedo|podria) (?:todavia |aun )?${ES_CHANGE_IT}|(?:quiero|necesito|quisiera) (?:todavia |aun )?${ES_CHANGE_IT}(?:la|lo)|(?:todavia |aun )?(?:puedo|podria|se puede) (?:todavia |aun )?${ES_CHANGE_IT}(?:la|lo)?|cambiela|cambiala|muevala|muevela|reprogramela|reprogramala|reagendela|reagendala)(?: todavia| aun)?${ES_CHANGE_TO}(?:,? (?:por favor|porfa|plis))?\s*[.!?]?$`),
  ],
];

/** What a message said right after the appointments were shown asks done to them, if anything. */
export function actionOnTheOneShown(text: string): OneShownAction | null {
  const t = plain(text).replace(/[¿¡]/g, '').trim();
  return ONE_SHOWN.find(([, en, es]) => en.test(t) || es.test(t))?.[0] ?? null;
}

/**
 * "what do i need to take", "so which tests do i have to retake?", "¿qué tengo que hacer?": said
 * right after the account's answer, what that answer said to do next is asked again (the account
 * answers it again, never the general recertification answer).
 */
const WHAT_NEXT =
  /^(?:(?:so|ok|okay|and|then|alright|right)[,!.]? )*(?:what|which (?:tests?|ones?|exams?)) (?:do|should|would|must) i (?:still )?(?:need to |have to |got to )?(?:take|do|retake|buy)(?: (?:now|then|next|first|to get it back|to fix (?:it|that)))?\s*\??$|^(?:y |entonces )?(?:que|cuales?) (?:examen(?:es)? )?(?:tengo|necesito|debo) (?:que )?(?:tomar|hacer|presentar|comprar)(?: ahora| entonces)?\s*\??$/;

export function asksWhatToDoNext(text: string): boolean {
  return WHAT_NEXT.test(plain(text).replace(/¿/g, '').trim());
}

export function detectPersonalQuestion(text: string, catalogue: Catalogue): PersonalQuestion | null {
  if (typeof text !== 'string') throw new TypeError(`${MODULE}: text must be a string, got ${JSON.stringify(text)}`);
  const t = normalise(text);
  const folded = withoutAccents(t);
  if (WHICH_EXPIRE_IN_PERIOD.test(folded)) {
    if (PERIOD_THIS_YEAR.test(t) || /\b(?:este ano|fin de ano)\b/.test(folded)) return { kind: 'expiring-within', period: 'this-year' };
    if (PERIOD_NEXT_90.test(t) || /\b(?:proximos (?:90|noventa) dias|pronto)\b/.test(folded)) return { kind: 'expiring-within', period: 'next-90-days' };
  }
  const unmarked = folded.replace(/[¿¡]/g, '').trim();
  if (MY_STATUS.test(unmarked)) return { kind: 'status' };
  if (EXPIRES_FIRST.test(unmarked)) return { kind: 'expiry', first: true };
  if (WHICH_ONES_EXPIRING.test(unmarked)) return { kind: 'expiring-within', period: 'next-90-days' };
  if (WHICH_IS_THE_ONE.test(t)) {
    const tests = testsIn(text, catalogue);
    if (tests.length > 0) return { kind: 'appointments', tests };
  }
  // "Cancel an appointment" / "cancel the A5 one": an instruction, with no "my" in it.
  if (CANCEL_IMPERATIVE.test(t) || ES_CANCEL_IMPERATIVE.test(folded)) {
    const tests = testsIn(text, catalogue);
    const position = positionIn(folded);
    return tests.length > 0 ? { kind: 'cancel-appointment', tests } : position ? { kind: 'cancel-appointment', position } : { kind: 'cancel-appointment' };
  }
  if (ES_NAMED_APPOINTMENT.test(unmarked) && !/\b(?:reembolso|que pasa si|y si)\b/.test(unmarked)) {
    const tests = testsIn(text, catalogue);
    const cancel = /^(?:por favor,? )?(?:(?:quiero|necesito|quisiera|me puede|me podria|puede|podria) )?cancelar\b/.test(unmarked);
    if (tests.length > 0) return { kind: cancel ? 'cancel-appointment' : 'appointments', tests };
  }
  const spanish = spanishPersonalQuestion(text);
  if (!spanish && (t === '' || !FIRST_PERSON.test(t) || HYPOTHETICAL.test(t))) return null;
  const kind = spanish ?? detectors.find(([, matches]) => matches(t))?.[0];
  if (!kind) return null;
  switch (kind) {
    case 'expiring-within':
      return { kind, period: PERIOD_THIS_YEAR.test(t) || /\b(?:este año|este ano|fin de año|fin de ano)\b/.test(t) ? 'this-year' : 'next-90-days' };
    case 'appointments':
    case 'cancel-appointment': {
      const tests = testsIn(text, catalogue);
      const position = positionIn(folded);
      return tests.length > 0 ? { kind, tests } : position ? { kind, position } : { kind };
    }
    case 'purchases': {
      const tests = testsIn(text, catalogue);
      const on = SCHEDULE_NAMED_FOR.exec(t)?.[1];
      return { kind, ...(tests.length > 0 && on ? { tests, on } : {}) };
    }
    case 'expiry':
    case 'results':
    case 'retest': {
      const tests = testsIn(text, catalogue);
      return tests.length > 0 ? { kind, tests } : { kind };
    }
    default:
      return { kind };
  }
}
