import type { Language } from './languages.js';
import { withoutAccents } from './accents.js';
import { readLanguageRequestFolded } from './requests.js';

/**
 * Which language a short candidate message is in: English or Spanish, the two the assistant
 * speaks. A small hand-written model, because the registry's detectors (eld, franc, tinyld) are
 * built for paragraphs and guess among dozens of languages: on 1-6 word messages they were right
 * less often than this (bench/languageDetect.ts, docs/spanish.md). Words carry the evidence: the
 * function words of each language, the words candidates use for ASE testing in each, and a few
 * spellings only Spanish has (ñ, ¿, ¡, accents, -ción). Test codes, numbers, dates in digits and
 * the loanwords both languages use ("test", "ok", "email") say nothing.
 */
export interface LanguageGuess {
  language: Language | null;
  /** clear: enough evidence to change a conversation's language; weak: a lean; none: no evidence. */
  strength: 'clear' | 'weak' | 'none';
  /** Spanish evidence minus English evidence (positive leans Spanish). */
  score: number;
  /** Each language's own evidence before they are set against each other (a Spanglish message has both). */
  evidence?: Record<Language, number>;
}

const words = (list: string) => list.split(/\s+/).filter(Boolean);

/** Words (accents removed) that only Spanish uses; each weighs 1, the function words 1.5. */
const ES_FUNCTION = words(`el la los las del al de que y en un una unos unas por para con sin pero porque como cuando donde
  cual cuales quien es son esta estan este esto eso ese esa estoy fue era ser estar hay mi mis tu tus su sus usted ustedes
  nos les lo le se muy mas tambien ya aun todavia pues entonces despues antes hasta desde sobre entre ahora hoy ayer manana
  que como cuanto cuanta cuantos cuantas puedo puede pueden podria quiero quisiera necesito tengo tiene tienen tenia hice
  hizo hacer debo debe sabe saber seria esta estaba estoy mio nada algo alguien otro otra otros otras cada solo`);
const ES_CONTENT = words(`hola gracias adios ayuda ayudame cancelar empezar nuevo persona hablar espanol ingles examen examenes
  prueba pruebas fecha cita citas resultado resultados certificado certificados certificacion recertificacion reprogramar
  reprogramo cambiar pagar pague pago precio costo cuesta reembolso reprobe repruebo reprobado aprobe aprobado pase volver
  tomar tome presentar presente repetir cuando vence vencio caduca semana semanas mes meses dias dia ano anos lunes martes
  miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
  diciembre tecnico mecanico experiencia laboral trabajo direccion correo perdi falte llegue tarde estudiar prepararme
  guia duplicado copia insignia parche extranjero fuera pais acomodacion discapacidad nombre perfil terminos condiciones
  preguntas respuestas puntaje calificacion cuenta iniciar sesion salir bien vale claro entendido listo buenas buenos tardes noches puedes podrias programa curso linea
  parches insignias agendar inscribo inscribir registrarme`);
const EN_FUNCTION = words(`the a an is are was were be been am do does did i my me you your it its this that these those to of
  for and or but with without on at from by about what when where which who why how can could would should will shall may
  might must have has had get got not dont doesnt didnt cant wont im ive id its there their they we our us if than then just
  also still yet please any some`);
const EN_CONTENT = words(`hello hi hey thanks thank help cancel start over person talk speak english spanish exam exams test
  date appointment results result certificate certificates recertification reschedule change pay price cost refund failed
  fail passed pass retake retest take taking week weeks month months days day year years monday tuesday wednesday thursday
  friday saturday sunday january february march april may june july august september october november december
  technician mechanic experience work address email missed late study prepare guide duplicate copy abroad outside country
  accommodation disability name profile terms conditions questions answers score account sign log out yes no okay sure
  long much many time again next last ago tomorrow yesterday today expire expires expired cool good sounds bye
  afternoon morning evening night program course schedule patches insignias register sup wassup wyd wat pls plz`);

/**
 * Words both languages write the same way, or that decide nothing on their own. "yo" is Spanish's
 * "I" and English slang's "hi": alone it says neither ("yo quiero cancelar" has other words).
 */
const NEUTRAL = new Set(words('no a me ok okay test tests email e mail online master ase a1 a2 a3 a4 a5 a6 a7 a8 g1 l1 l2 x1 si yo'));

const ES = new Map<string, number>([...ES_CONTENT.map((w) => [w, 1] as const), ...ES_FUNCTION.map((w) => [w, 1.5] as const)]);
const EN = new Map<string, number>([...EN_CONTENT.map((w) => [w, 1] as const), ...EN_FUNCTION.map((w) => [w, 1.5] as const)]);

/** Spellings only Spanish has: ñ, ¿ ¡, an accented vowel; a -ción/-cion or -mente word. */
const SPANISH_MARKS = /[ñ¿¡áéíóú]/gi;
const SPANISH_ENDINGS = /(?:cion|ciones|mente|ado|ados|ido|idos|aba|amos|emos|imos|ando|iendo)$/;
const ENGLISH_ENDINGS = /(?:ing|tion|ed|'s|n't|ly)$/;

/** At most this many letters is a message too short to name a language; its evidence is capped at a weak lean. */
const TINY_LETTERS = 2;
const TINY_LEAN = 0.5;
/** The evidence that is enough to change a conversation's language. */
const CLEAR = 1.5;
const letters = (folded: string) => (folded.match(/[a-z]/g) ?? []).length;

export function detectLanguage(text: string): LanguageGuess {
  if (typeof text !== 'string') throw new TypeError(`language/detect: text must be a string, got ${typeof text}`);
  return guessFolded(text, withoutAccents(text.toLowerCase()));
}

/** detectLanguage on the text and its folded lower case (worked out once a turn for both readers). */
function guessFolded(text: string, folded: string): LanguageGuess {
  let score = 0;
  const evidence: Record<Language, number> = { es: 0, en: 0 };
  score += Math.min((text.match(SPANISH_MARKS) ?? []).length, 2) * 1.5;
  evidence.es += score;
  const tokens = folded
    .replace(/[’‘]/g, "'")
    .split(/[^a-z']+/)
    .map((t) => t.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
  for (const token of tokens) {
    if (NEUTRAL.has(token)) continue;
    const es = ES.get(token) ?? 0;
    const en = EN.get(token.replace(/'/g, '')) ?? EN.get(token) ?? 0;
    if (es || en) {
      score += es - en;
      evidence.es += es;
      evidence.en += en;
      continue;
    }
    if (token.length >= 5 && SPANISH_ENDINGS.test(token)) {
      score += 0.5;
      evidence.es += 0.5;
    } else if (token.length >= 4 && ENGLISH_ENDINGS.test(token)) {
      score -= 0.5;
      evidence.en += 0.5;
    }
  }
  // A letter or two ("Y", "N", "ya", "sí") is too little to tell a language by: "Y" is a yes in
  // English texting and "and" in Spanish. It may lean, never clearly, so it never switches a
  // conversation or picks a first message's language over the channel's.
  if (letters(folded) <= TINY_LETTERS) score = Math.sign(score) * Math.min(Math.abs(score), TINY_LEAN);
  const size = Math.abs(score);
  const strength = size >= CLEAR ? 'clear' : size > 0 ? 'weak' : 'none';
  return { language: score > 0 ? 'es' : score < 0 ? 'en' : null, strength, score, evidence };
}

/** The language a whole message asks to switch to, or null when the message asks something else (or only asks whether). */
export function readLanguageSwitch(text: string): Language | null {
  return switchFolded(withoutAccents(text.toLowerCase()));
}

function switchFolded(folded: string): Language | null {
  const request = readLanguageRequestFolded(folded);
  return request?.asks === 'switch' ? request.language : null;
}

/**
 * The turn's language. An explicit switch wins; otherwise the conversation keeps its language
 * unless the message is clearly in the other, or leans to the language the signed-in account
 * prefers; a conversation's first message takes the text's
 * clear evidence, else the channel's locale, else the text's lean, else English.
 */
export function chooseLanguage(input: { text: string; locale?: Language; conversation?: Language; preferred?: Language }): { language: Language; switched: boolean } {
  const folded = input.text ? withoutAccents(input.text.toLowerCase()) : '';
  const asked = folded ? switchFolded(folded) : null;
  if (asked) return { language: asked, switched: true };
  const guess = input.text ? guessFolded(input.text, folded) : { language: null, strength: 'none' as const, score: 0 };
  if (input.conversation) {
    // Clearly in the other language, and not clearly in its own too: a Spanglish message ("pues i
    // moved, how do i update my address y cuando llega mi certificado") keeps the conversation's.
    // Its own words must weigh a third of the other's at least: one Spanish place name ("Los
    // Angeles") in an English message is no Spanglish.
    const own = guess.evidence?.[input.conversation] ?? 0;
    const other = guess.evidence?.[input.conversation === 'es' ? 'en' : 'es'] ?? 0;
    const ownClear = own >= CLEAR && own * 3 >= other;
    if (guess.strength === 'clear' && guess.language && !ownClear) return { language: guess.language, switched: false };
    // The account prefers Spanish and the message leans Spanish ("hola", "soy tecnico maestro?"):
    // the preference settles what a word or two alone would not.
    if (input.preferred && guess.language === input.preferred && Math.abs(guess.score) >= 1) return { language: input.preferred, switched: false };
    return { language: input.conversation, switched: false };
  }
  // A conversation's first words outweigh the channel's locale when they lean at all ("hola" from an
  // English browser is a Spanish speaker); a message with no evidence ("A5", "3/14") takes the locale.
  if (guess.language && Math.abs(guess.score) >= 1) return { language: guess.language, switched: false };
  return { language: input.locale ?? guess.language ?? 'en', switched: false };
}
