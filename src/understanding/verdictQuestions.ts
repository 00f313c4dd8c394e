/**
 * A short question that asks again what a task's answer just decided: "is it too late?", "so it's
 * expired?" (is the window closed?) or "so I can still take it?" (is it open?). Right after a
 * purchase window or an appointment change was worked out, such a question is about that answer,
 * and the answer to it is that answer's verdict (yes or no), never another entry or the task again.
 *
 * One row per way of asking, in each language; the first row that matches says what is asked.
 * Read only right after a task whose outcomes say open or closed (the route row `verdict`).
 */

import type { Language } from '../language/languages.js';
import { cueText } from './cueText.js';

/** What the question asks of the window: is it closed ("too late?") or still open ("can I still?"). */
export type VerdictAsked = 'closed' | 'open';

/** Longer messages say something of their own: they are read afresh. */
const MAX_WORDS = 10;

const ROWS: ReadonlyArray<{ language: Language; asks: VerdictAsked; cue: RegExp }> = [
  // "not too late?" asks whether it is still open: before "too late".
  { language: 'en', asks: 'open', cue: /\b(?:not too late|(?:can|could|may) i still|i (?:can|could) still|is it still (?:good|valid|open|ok|okay|usable)|still time|am i (?:still )?(?:ok|okay|good|in time|on time|fine)|is there still time|still (?:good|valid|ok|okay)|i still have time)\b/ },
  { language: 'en', asks: 'closed', cue: /\b(?:too late|is it (?:over|gone|expired|dead|lost|done)|(?:did|has) it (?:already )?(?:expire|expired|run out|ran out|lapse|lapsed)|it (?:already )?(?:expired|ran out|lapsed)|(?:did|have) i (?:miss|missed|lose|lost|blow|blown) (?:it|my chance|the window|the deadline|out)|(?:am i|is it) out of (?:time|luck)|(?:so )?it'?s (?:expired|gone|over|dead))\b/ },
  { language: 'es', asks: 'open', cue: /\b(?:no es (?:muy |demasiado )?tarde|(?:todavia|aun) (?:puedo|estoy a tiempo|sirve|es valido|vale|hay tiempo)|estoy a tiempo|hay tiempo)\b/ },
  { language: 'es', asks: 'closed', cue: /\b(?:(?:muy |demasiado )tarde|ya es tarde|ya (?:se )?(?:vencio|paso|expiro|caduco)|se (?:vencio|me paso|perdio)|lo perdi|ya no (?:sirve|vale|puedo))\b/ },
];

/**
 * Ways of asking a task's verdict again in its own words, by task: "can I move it to next week?"
 * right after "it can no longer be changed" asks whether it still can (and the answer is that No),
 * never the general "You can, as long as ..." of the change entry.
 */
const TASK_ROWS: ReadonlyArray<{ task: string; language: Language; asks: VerdictAsked; cue: RegExp }> = [
  { task: 'reschedule-or-cancel', language: 'en', asks: 'open', cue: /\b(?:can|could|may) i (?:still )?(?:move|change|reschedule|resched|switch|push|postpone|rebook)\b|\bis it (?:still )?possible to (?:move|change|reschedule)\b/ },
  // "can i buy it now?", "so can I retake it yet?" right after the day a failed test can be bought again.
  { task: 'retest', language: 'en', asks: 'open', cue: /\b(?:can|could|may) i (?:already )?(?:buy|purchase|rebuy|retake|retest|take|schedule|book|register for|sign up for)(?: it| that| this| the test| again| it again)* (?:now|yet|today|right now|already)\b|\bis it (?:open|available) (?:now|yet)\b/ },
  { task: 'retest', language: 'es', asks: 'open', cue: /\b(?:ya |ahora )?(?:puedo|podria|se puede) (?:comprar|volver a comprar|tomar|presentar|repetir|agendar|programar)\w*(?: el examen| de nuevo| otra vez)* (?:ya|ahora|hoy)\b|\bya (?:lo )?(?:puedo|podria) (?:comprar|tomar|presentar|repetir)\w*/ },
  { task: 'reschedule-or-cancel', language: 'es', asks: 'open', cue: /\b(?:puedo|podria|se puede) (?:mover|cambiar|reprogramar|posponer)\w*\b/ },
];

/**
 * "by when?", "ok what time do i need to do it by", "what's the deadline?", "until when?", "¿hasta
 * cuándo?", "¿cuál es la fecha límite?": the whole message asks for the day (and time) the answer
 * just worked out, not the rule again.
 */
const DEADLINE = new RegExp(
  String.raw`^(?:(?:ok|okay|so|and|but|then|wait|hmm|alright|cool|y|entonces|bueno|pero|ok y)\s+)*(?:` +
    [
      String.raw`(?:so )?(?:by|until|till|til) when(?: (?:do|should|must|can) i (?:need to |have to )?(?:do|change|cancel|move|reschedule|buy|schedule|use) (?:it|this|that))?`,
      String.raw`(?:what|which) (?:time|day|date)(?: and (?:time|day|date))? (?:do|should|must|would|will) i (?:need to |have to |got to |gotta )?(?:do|change|cancel|move|reschedule|buy|schedule|use) (?:it|this|that|them) (?:by|before)`,
      String.raw`(?:what|which) (?:time|day|date)(?: and (?:time|day|date))? (?:is|s) (?:the |my )?(?:deadline|cutoff|cut off|last day)`,
      String.raw`when (?:do|should|must) i (?:need to |have to )?(?:do|change|cancel|move|reschedule|buy|schedule|use) (?:it|this|that|them) by`,
      String.raw`(?:(?:what|when)(?:'s| is|s)? )?(?:the |my )?(?:deadline|cutoff|cut off|last day)(?: (?:then|again))?`,
      String.raw`(?:what|when)(?:'s| is|s) the (?:deadline|cutoff|cut off|last day)(?: (?:then|again|to (?:do|change|cancel|move) it))?`,
      String.raw`how (?:long|much time) do i (?:have|got)(?: (?:left|then|exactly))?(?: (?:left|then|exactly))?`,
      String.raw`(?:(?:y )?hasta|para) cuando(?: (?:tengo|puedo|hay que)(?: que)? (?:hacerlo|cambiarla|cambiarlo|cancelarla|cancelarlo|moverla|moverlo))?`,
      String.raw`(?:cual es |y )?(?:la )?fecha limite`,
      String.raw`a que hora (?:tengo que|debo|hay que) hacerlo`,
    ].join('|') +
    String.raw`)$`,
);

export function asksDeadline(text: string): boolean {
  return DEADLINE.test(cueText(text));
}

/** A supposition ("what if I don't make it in time?") asks what would happen, not what the answer decided. */
const SUPPOSED = /^(?:what if|and if|if|suppose|what happens if|y si|que pasa si|si)\b/;


/**
 * What a short question asks of the last answer's verdict, if it asks that; `language` first, then
 * the other; with `task`, the ways of asking that task's own question count too.
 */
export function verdictAsked(text: string, language: Language, task?: string): VerdictAsked | null {
  const t = cueText(text);
  if (!t || t.split(' ').length > MAX_WORDS || SUPPOSED.test(t)) return null;
  const own = TASK_ROWS.filter((row) => row.task === task);
  for (const row of own) if (row.language === language && row.cue.test(t)) return row.asks;
  for (const row of own) if (row.language !== language && row.cue.test(t)) return row.asks;
  for (const row of ROWS) if (row.language === language && row.cue.test(t)) return row.asks;
  for (const row of ROWS) if (row.language !== language && row.cue.test(t)) return row.asks;
  return null;
}

/**
 * "why?", "why not?", "how come?", "¿por qué no?": the whole message asks the reason for what was
 * just said. Read only right after a task whose outcome has a reason (the route row `reason`).
 */
export function asksWhy(text: string): boolean {
  return WHY.test(cueText(text));
}

/**
 * "can I get a refund?", "so I just lose the money?", "¿me devuelven el dinero?": the whole message
 * asks what the answer just given means for the money. Read only right after a task whose outcome
 * says that (the route row `reason`).
 */
export function asksRefund(text: string): boolean {
  const t = cueText(text);
  return Boolean(t) && t.split(' ').length <= MAX_WORDS && !SUPPOSED.test(t) && REFUND.test(t);
}

/**
 * "do i have to pay again" as a part of the message that began a task ("failed A8 yesterday, when can
 * i retake it and do i have to pay again"): buying it again, answered from the task's outcome. Alone
 * after an answer it is left to the entry's own cost answer.
 */
export function asksPayAgain(text: string): boolean {
  const t = cueText(text);
  return Boolean(t) && t.split(' ').length <= MAX_WORDS && !FAILED.test(t) && PAY_AGAIN.test(t);
}

/** The money asked as a loss ("so i lose the money??", "do I forfeit my fees?", "¿pierdo mi dinero?"): yes means no refund. */
export function asksLoss(text: string): boolean {
  return /\b(?:lose|lost|losing|forfeit|pierdo|perdi)\b/.test(cueText(text));
}

/**
 * "can I call prometric and get an exception?", "¿me hacen una excepción?": the whole message asks
 * for an exception to the rule the answer applied. Read only right after a task whose outcome says
 * what can be said of that (the spec's `exceptions`, route row `reason`).
 */
export function asksException(text: string): boolean {
  const t = cueText(text);
  return Boolean(t) && t.split(' ').length <= MAX_WORDS + 4 && EXCEPTION.test(t);
}

const EXCEPTION = /\b(?:exception|exceptions|exempt\w*|waive\w*|special case|excepcion|excepciones)\b/;

const REFUND = new RegExp(
  String.raw`^(?:(?:but|so|and|also|ok|okay|then|wait|hmm|pero|y|entonces|bueno)\s+)*(?:` +
    [
      String.raw`(?:can|could|do|will|would|should) i (?:still )?(?:get|receive|have) (?:a |my |any |the )?(?:refund|money back|fees? back)(?: for it| then| back)?`,
      String.raw`(?:is|was) (?:it|there) (?:a )?(?:refund|refundable)`,
      String.raw`(?:what about )?(?:a |my |the )?refund`,
      String.raw`(?:i |do i |will i |so i )?(?:just )?(?:lose|lost|forfeit) (?:the |my |all (?:the |my )?)?(?:money|fees?|payment|what i paid)`,
      String.raw`(?:me )?(?:devuelven|reembolsan) (?:el|mi) dinero`,
      String.raw`(?:hay|me dan) (?:un )?reembolso`,
      String.raw`(?:pierdo|perdi) (?:el|mi) dinero`,
    ].join('|') +
    // "do i get a refund if i cancel": the money, asked of the change the answer worked out (ut23).
    String.raw`)(?: (?:if|when) i (?:cancel|change|move|reschedule|push)(?: (?:it|my (?:\w+ )?(?:appointment|appt|test|exam)|the (?:\w+ )?(?:appointment|appt|test|exam)))?(?: back)?)?$`,
);

/**
 * "when can I retake it?", "so when can I take A1 again?", "¿cuándo lo puedo volver a tomar?": when
 * the test can be taken again, asked without saying it was failed (a failure is a retest of its own).
 * Read only right after a task whose outcome says that (the route row `reason`).
 */
export function asksRetake(text: string): boolean {
  const t = cueText(text);
  return Boolean(t) && t.split(' ').length <= MAX_WORDS + 2 && !SUPPOSED.test(t) && RETAKE_WHEN.test(t) && RETAKE.test(t) && !FAILED.test(t);
}

/**
 * "what if I just buy it again?", "how much will it cost to rebook?", "¿y si lo compro otra vez?":
 * buying the test again, and what that costs, asked right after an answer that closed it (an expired
 * purchase, a No Show). Read only right after a task whose outcome says that (the spec's `rebuys`,
 * route row `reason`).
 */
export function asksRebuy(text: string): boolean {
  const t = cueText(text);
  return Boolean(t) && t.split(' ').length <= MAX_WORDS + 2 && !FAILED.test(t) && (REBUY.test(t) || (REBUY_COST.test(t) && REBOOK.test(t)));
}

/** Buying again, said outright ("just buy it again", "repurchase it"). */
const REBUY = /\b(?:(?:buy|purchase|pay for|register for) (?:it|the test|the exam|a new one|another one|[a-z]\d{1,2}) (?:again|over)|re ?buy\w*|re ?purchas\w*|(?:lo |la )?(?:compro|vuelvo a comprar|comprarlo|comprarla) (?:de nuevo|otra vez)|volver a comprar(?:lo|la)?)\b/;
/** Booking or taking it again ("rebook", "take it again", "reservarlo de nuevo"), asked with what it costs. */
const REBOOK = /\b(?:rebook\w*|re book\w*|book (?:it|the test|the exam) again|take (?:it|the test|the exam) again|retake|reservar(?:lo|la)? de nuevo|volver a reservar)\b/;
/** Paying again, asked outright ("do i have to pay again", "pay for it twice", "¿tengo que pagar otra vez?"). */
const PAY_AGAIN = /\b(?:pay|paying) (?:for (?:it|the test|the exam|[a-z]\d{1,2}) )?(?:again|twice)\b|\bpagar(?:lo|la)? (?:de nuevo|otra vez)\b/;
/** What it costs ("how much", "what does it cost", "do I pay again"). */
const REBUY_COST = /\b(?:how much|what (?:does|will|would) it cost|cost|price|fee|fees|pay again|cuanto|cuesta|costo)\b/;

/**
 * "what happens if it expires?", "what if I don't take it in time?", "¿y si se vence?": what the
 * purchase window's end does, asked while it is open. Read only right after a task whose outcome says
 * that (the spec's `ifExpires`, route row `reason`).
 */
export function asksIfExpires(text: string): boolean {
  const t = cueText(text);
  return Boolean(t) && t.split(' ').length <= MAX_WORDS + 2 && IF_EXPIRES.test(t);
}

const IF_EXPIRES =
  /^(?:(?:but|so|and|ok|okay|then|pero|y|bueno)\s+)*(?:what (?:happens )?if|what about if|and if|if|y si|que pasa si|si)\b.*\b(?:expire\w*|runs? out|lapses?|(?:miss|pass|go past|run past) the (?:deadline|window|90 days)|(?:don'?t|do not|dont|can'?t|cannot) (?:take|schedule|book|make) it (?:in time|by then|before then)|se (?:vence|vencio|caduca|pasa el plazo)|vence)\b/;

const RETAKE_WHEN = /\b(?:when|how soon|how long|can i|could i|do i|cuando|cuanto tiempo|puedo|ya puedo)\b/;
const RETAKE = /\b(?:retake|re take|retest|take (?:it|the test|the exam|[a-z]\d{1,2}) (?:again|over)|rebook|rebuy|(?:book|buy|purchase|register for|register|sign up for|sign up) (?:(?:it|the test|the exam|[a-z]\d{1,2}) )?again|resit|volver(?:lo|la)? a (?:tomar|presentar|hacer)(?:lo|la)?|(?:lo|la) puedo volver a (?:tomar|presentar|hacer)|tomar(?:lo|la)? (?:de nuevo|otra vez)|repetir(?:lo|la)?)\b/;
const FAILED = /\b(?:fail|failed|failing|flunk\w*|didn'?t pass|did not pass|reprob\w*|no (?:lo |la )?(?:pase|aprobe))\b/;

const WHY =
  /^(?:(?:but|so|and|ok|okay|wait|hmm|pero|y|ok|bueno)\s+)*(?:why(?: not)?(?: (?:sooner|earlier|now|before then|right away))?|how come|whys that|why is that|why'?s that|why cant i|why can'?t i|why not though|why (?:do|should|would) i (?:have to|need to) wait(?: so long| that long)?|why so long|por ?que(?: no)?(?: antes| ahora| ya)?|como que no|y eso por ?que|por ?que ya no|por ?que (?:tengo que|hay que) esperar(?: tanto)?)$/;
