/**
 * The one yes/no reader, for every question the bot asks that takes a yes or a no: "has the
 * result been posted?", "shall I cancel it?", "is that the date?".
 *
 * It reads the START of the answer ("yes, cancel it", "no it hasn't"), as the two readers it
 * replaces did, and also answers given in words rather than yes or no ("it's not posted yet" ->
 * no, "it shows" -> yes). "Not sure" and "I don't know" are neither, so the question can be asked
 * again or another way. A no is looked for before a yes, so "no, it is not posted" is a no even
 * though it contains "it is".
 */
import { describeValue } from './describeValue.js';

const MODULE = 'understanding/yesNo';

/** Said before the answer and not part of it: "oh yes", "um no", "well, no". */
const FILLER = /^(?:(?:oh|um+|uh+|er+m?|hmm+|well|ah+|ok(?:ay)?|so)[\s,.!-]+)+/;

/** Neither yes nor no. Checked first, because "no idea" starts with "no" and "not sure" with "not". */
const UNSURE = /^(?:no\s+s[eé]|no\s+estoy\s+segur[oa]|quiz[aá]s?|tal\s+vez|ni\s+idea|no\s+me\s+acuerdo|no\s+recuerdo)(?=$|[^\p{L}])|^(?:i\s+)?(?:don'?t\s+know|do\s+not\s+know|dunno|not\s+sure|no\s+idea|unsure|maybe|perhaps|i'?m\s+not\s+sure|idk|not\s+certain|can'?t\s+remember|don'?t\s+remember)\b/u;

const NO_WORDS = /^(?:todav[ií]a\s+no|a[uú]n\s+no|no\s+ha\s+salido|no\s+aparece|no,?\s+conservarla|para\s+nada|negativo)(?=$|[^\p{L}])|^(?:n|no|nope|nah|naw|negative|not yet|not really|no way|no thanks|no thank you|it hasn'?t|it has not|hasn'?t|has not|they haven'?t|not posted|no it hasn'?t|don'?t|do not|keep(?: it)?|no,? keep(?: it)?|never ?mind|nvm|incorrect|wrong|that'?s wrong|that'?s not right|not right|not correct|that'?s not it)(?=$|[^\w'])/u;
// "y" and "ya" are a yes alone: in Spanish they begin a question ("y me devuelven el dinero?").
const YES_WORDS = /^(?:s[ií]|claro|claro\s+que\s+s[ií]|por\s+supuesto|correcto|exacto|as[ií]\s+es|ya\s+(?:sali[oó]|aparece|est[aá])|aparece|s[ií],?\s+cancelarla|dale|de\s+acuerdo|adelante)(?=$|[^\p{L}])|^(?:(?:y|ya)(?= *[.!]* *$)|yah|yea|yeah|yes|yess+|yep|yup|sure|sure thing|of course|absolutely|definitely|certainly|correct|that'?s right|that'?s correct|right(?= *$)|exactly|affirmative|it has|it is|it'?s there|they have|posted|i think so|confirm(?:ed)?|do it|go ahead|yes,? cancel(?: it)?|please do|please(?= *$)|yes please|👍)(?=$|[^\w'])/u;

// "The result is posted" / "it's not up yet": an answer in words rather than yes or no.
const SAYS_NOT_THERE = /\b(?:not|isn'?t|hasn'?t|haven'?t|aren'?t|no)\b[^.?!]*\b(?:posted|up|there|showing|shown|yet)\b/;
const SAYS_THERE = /\b(?:posted|it'?s up|is up|it'?s there|is there|shows|showing|shown)\b/;

/** true for a yes, false for a no, null when the answer is neither (or not sure). */
export function readYesNo(text: string): boolean | null {
  if (typeof text !== 'string') {
    throw new TypeError(`${MODULE}: text must be a string, got ${describeValue(text)}`);
  }
  // Not the shared normaliser: its shorthand reads "y" as "why", and "y" here is a yes.
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(FILLER, '')
    .replace(/[\s.!]+$/, '');
  if (cleaned === '' || UNSURE.test(cleaned)) return null;
  if (NO_WORDS.test(cleaned) || SAYS_NOT_THERE.test(cleaned)) return false;
  if (YES_WORDS.test(cleaned) || SAYS_THERE.test(cleaned)) return true;
  return null;
}

