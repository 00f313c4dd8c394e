/**
 * Two requests in one message, each of its own ("I failed A5 on March 3 and I also want to move my
 * A4 appointment on Friday, can I?"): the places it may be cut in two, first to last. Whether each
 * side is a task with its facts is the tasks' to say; this only finds where one ask ends.
 */

/** Where a second ask starts: "... and I also ...", "... also ...", "... plus ...", "...? ...", "y también", "además". */
const SECOND_ASK = /[,;]?\s+(?:and\s+(?:i\s+)?also|also|plus|and another thing,?|y\s+tambi[eé]n|y\s+adem[aá]s)\s+|[,;.]\s+(?:tambi[eé]n|adem[aá]s)\s+|\?\s+(?=\S)/gi;

/** Each way the message splits into two asks, in the order of the cuts. */
export function twoAsks(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const match of text.matchAll(SECOND_ASK)) {
    const first = text.slice(0, match.index).trim();
    const second = text.slice(match.index + match[0].length).trim();
    if (first && second) out.push([first, second]);
  }
  return out;
}

/** A part that asks something itself: a question, or a request ("I want to ...", "quiero ..."). */
const ASKS = /\?|^(?:also\s+)?(?:when|how|what|which|can|could|do|does|is|will|may|cu[aá]ndo|c[oó]mo|qu[eé]|puedo)\b|\b(?:i\s+(?:also\s+)?(?:want|need|would like)|want to|need to|can i|could i|quiero|necesito|quisiera|puedo)\b/i;

export function asksSomething(text: string): boolean {
  return ASKS.test(text.replace(/^[¿¡\s]+/, ''));
}
