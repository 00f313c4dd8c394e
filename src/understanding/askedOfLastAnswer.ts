/**
 * A short question about the answer just given that names nothing of its own: "how?", "so what do I
 * do now?", "where do i see it?", "and then?", "how much?". It asks for another part of that answer
 * (how to do it, where, what follows, what it costs), never for the same answer again nor for help
 * with the bot. One row per kind of part: the whole message in either language, and what a
 * paragraph of the answer's entry says when it is that part.
 */

import { paragraphsOf } from '../knowledge/faqEntry.js';
import { cueText } from './cueText.js';

export type AskedPart = 'how' | 'where' | 'next' | 'next-step' | 'cost' | 'order' | 'how-long';

/** Leading words that only tie the question to what was said ("so", "ok", "and", "y", "entonces"). */
const TIE = String.raw`(?:(?:so|ok|okay|and|but|then|alright|right|y|entonces|pero|bueno|ya|vale)\s+)*`;
const whole = (body: string) => new RegExp(String.raw`^${TIE}(?:${body})$`);

/** What says one thing must wait for another ("do not register ... until ASE has approved"), then what puts them in order. */
const WAIT_UNTIL = /\buntil\b|\bhasta que\b/i;
const IN_ORDER = /\bfirst\b|\bbefore\b|\bwait\b|\bprimero\b|\bantes de\b|\bespere\b/i;

/** Steps in order ("cancel the existing appointment first, then book the new one"). */
const STEPS = /\bfirst\b[^.]*\bthen\b|\bprimero\b[^.]*\b(?:luego|despu[eé]s)\b/i;

/** What says where or how a candidate does something: a place, a site, an option, a phone. */
const WHERE_OR_HOW = /\bmyase\b|\bwebsite\b|\bsitio web\b|ase\.com|\btest cent(?:er|re)\b|\bcentro de examen\b|\be-?mail(?:ed)?\b|\bcorreo\b|\boption\b|\bopci[oó]n\b|\bcall\b|\bllame\b|\bphone\b|\btel[eé]fono\b/i;

/**
 * What says what a candidate must do, where no step, place or phone does: a requirement to meet or
 * an action to take ("earned when you achieve certification in all required testing areas").
 */
const TO_DO = /\b(?:achiev\w*|earn\w*|pass|passing|take|taking|buy|purchase|register|schedule|submit|send|contact|lograr?|logra|obtener|aprobar|aprobando|tomar|tomando|comprar|programar|enviar)\b/i;

/**
 * `answeredBy`: what a paragraph says when it is the part asked for, in tiers (a paragraph with an
 * amount before one that only mentions a fee); or, for "and then?", any paragraph not said yet.
 * `readOn`: with no such part, the message is read on by the rows below rather than told there is
 * nothing more ("how much?" after the retest date: the rule of that case, a new purchase's fees).
 */
const ROWS: ReadonlyArray<{ part: AskedPart; asks: RegExp; answeredBy: Array<RegExp | { cue: RegExp; max: number; saidOnly?: boolean }> | 'what-follows'; readOn?: boolean }> = [
  {
    part: 'where',
    asks: whole(
      String.raw`where|where (?:do|can|would|should) i (?:see|find|check|get|look at|look for|do) (?:it|that|this|them)|where(?:'s| is) (?:it|that)|donde|donde (?:lo|la|los|las) (?:veo|encuentro|reviso|consigo|hago)|donde (?:esta|estan)`,
    ),
    answeredBy: [WHERE_OR_HOW],
  },
  {
    part: 'how',
    asks: whole(
      String.raw`how|how (?:do|can|would|should) i (?:do|get|fix|manage) (?:it|that|this)|what (?:do|should|can) i do about (?:it|that)|como|como (?:lo|la) hago`,
    ),
    answeredBy: [new RegExp(`${STEPS.source}|${WHERE_OR_HOW.source}`, 'i')],
  },
  {
    // "so what do i do now" after the Master what-it-takes answer had no step, place or phone in it:
    // the paragraph of that answer that says what to achieve is the next step, pointed back to (one
    // paragraph, and only one the answer said: another paragraph's "take" is another case's step).
    part: 'next-step',
    asks: whole(
      String.raw`what (?:do|should|can) i do(?: now| next| then)?|(?:so )?what now|now what|then what|what(?:'s| is) (?:the|my) next step|next steps?|what (?:are|r) (?:the|my) next steps|(?:y )?(?:ahora )?que hago(?: ahora)?|que (?:debo|tengo que) hacer(?: ahora)?|cual es el (?:siguiente|proximo) paso|(?:y )?(?:el )?siguiente paso`,
    ),
    answeredBy: [new RegExp(`${STEPS.source}|${WHERE_OR_HOW.source}`, 'i'), { cue: TO_DO, max: 1, saidOnly: true }],
  },
  {
    part: 'next',
    asks: whole(String.raw`and then|what(?:'s| is| happens)? next|what happens (?:then|after that)|(?:y )?(?:despues|luego)(?: que)?|que sigue|y (?:despues|luego|entonces) que`),
    answeredBy: 'what-follows',
  },
  {
    // "should I register first" after the ADA answer: which comes first is that answer's own point
    // (wait for approval, then register), never the registration answer afresh. With no such
    // sentence in the entry, the rows below read the message.
    part: 'order',
    asks: whole(
      String.raw`(?:should|do|can|must|shall|could) i (?:go ahead and |just )?(?:\w+ ){1,3}(?:it |that )?(?:first)(?: or (?:\w+ ){0,3}\w+)?|(?:should|do|must) i (?:have to )?wait(?: (?:for (?:it|that|approval|them)|first))?|(?:is it )?before or after|(?:debo|tengo que|puedo) (?:\w+ ){1,2}primero|me \w+ primero|(?:debo|tengo que) esperar`,
    ),
    answeredBy: [{ cue: WAIT_UNTIL, max: 1 }, { cue: IN_ORDER, max: 1 }],
    readOn: true,
  },
  {
    // "how long do i have exactly" after the 90-day answer: the paragraph that gives the time, then
    // the answer's offer to work out the candidate's own day (route action); never "I can't answer that".
    part: 'how-long',
    asks: whole(
      String.raw`how (?:long|much time|many days) (?:do i (?:have|get|got)|is it|have i got)(?: (?:exactly|then|left|again|for it|to do it))*|(?:and )?exactly how long(?: do i have| is it)?|cuanto tiempo (?:tengo|me dan|es)(?: exactamente| entonces)?|cuantos dias (?:tengo|me dan|son)(?: exactamente| entonces)?`,
    ),
    answeredBy: [/\b\d+\s+(?:full\s+)?(?:days?|weeks?|months?|years?|hours?|d[ií]as|semanas|meses|a[ñn]os|horas)\b/i],
    readOn: true,
  },
  {
    part: 'cost',
    asks: whole(String.raw`how much|how much (?:is|does) (?:it|that)(?: cost)?|what does (?:it|that) cost|cuanto|cuanto (?:cuesta|es|vale)`),
    answeredBy: [/\$\s?\d/],
    readOn: true,
  },
];

/** The part of the last answer the message asks for, if the whole message is such a question. */
export function askedOfLastAnswer(text: string): AskedPart | null {
  const t = cueText(text);
  return (t && ROWS.find((row) => row.asks.test(t))?.part) || null;
}

/** With nothing in the answer's entry for it, is the question read on (not told "nothing more")? */
export const readOnWithoutPart = (part: AskedPart): boolean => ROWS.find((row) => row.part === part)?.readOn === true;

/** A part of an entry, and whether the last reply said it already (then it is pointed back to). */
export interface AnswerPart {
  text: string;
  said: boolean;
}

/** Words that carry a paragraph's matter (not "the", "your", "in"). */
const matterOf = (text: string): string[] => cueText(text).split(' ').filter((word) => word.length >= 4);

/** Did the reply say this paragraph: most of its words of substance are in it. */
function saidIn(paragraph: string, reply: string): boolean {
  const said = new Set(matterOf(reply));
  const words = matterOf(paragraph);
  return words.length > 0 && words.filter((word) => said.has(word)).length / words.length >= SAID_SHARE;
}

const SAID_SHARE = 0.6;

/** At most this many paragraphs make the part: "where?" after the results answer is the email and myASE. */
const MAX_PARAGRAPHS = 2;

/**
 * The paragraphs of an entry's answer that are the part asked for, in the entry's order (pointed back
 * to when the last reply said them all); for "and then?", what it did not say.
 * Undefined when the entry has no such part: the bot says it has nothing more.
 */
export function partAsked(part: AskedPart, answer: string, lastReply: string): AnswerPart | undefined {
  const row = ROWS.find((r) => r.part === part)!;
  const paragraphs = paragraphsOf(answer)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((text) => ({ text, said: saidIn(text, lastReply) }));
  const tiers = row.answeredBy === 'what-follows'
    ? [{ found: paragraphs.filter((p) => !p.said), max: MAX_PARAGRAPHS }]
    : row.answeredBy.map((tier) => (tier instanceof RegExp ? { cue: tier, max: MAX_PARAGRAPHS } : tier)).map(({ cue, max, saidOnly }) => ({ found: paragraphs.filter((p) => cue.test(p.text) && (!saidOnly || p.said)), max }));
  const tier = tiers.find((t) => t.found.length > 0);
  const chosen = tier ? tier.found.slice(0, tier.max) : [];
  return chosen.length ? { text: chosen.map((p) => p.text).join('\n\n'), said: chosen.every((p) => p.said) } : undefined;
}
