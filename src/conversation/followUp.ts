import type { Reading } from './understand.js';

/**
 * Does this message only make sense as the next line of a conversation: an answer to a question the
 * bot asked, a pick from choices it offered, a correction, sign-in details, or an elliptical question
 * ("what about A1, A4 and T2?")? Read without state (the store is down), such a message would be
 * answered as if it stood alone, which is how a follow-up got the wrong FAQ entry and derailed the
 * turns after it; the stateless answer asks for the question in full instead.
 */
export function readsAsFollowUp(reading: Reading): boolean {
  const text = reading.text;
  if (!text || reading.command) return false;
  if (reading.correction) return true;
  // A yes or a no answers something; a bare acknowledgement ("ok", "thanks") is handled before this.
  if (reading.yesNo !== null) return true;
  if (reading.credentials.ok || reading.credentials.missing.length < 3) return true;
  if (ELLIPTICAL.test(text) || CHOICE_NUMBER.test(text) || ONLY_TEST_CODES.test(text)) return true;
  // "that one", "this is the date": a short message that starts by pointing back at something said.
  if (POINTING_BACK.test(text) && words(text) <= 5) return true;
  // "March 3", "the 10th at 9am": a date with next to nothing else answers a question about a date.
  return reading.dates.length > 0 && words(text) <= 4 && !text.includes('?');
}

const words = (text: string) => text.split(/\s+/).length;

const ELLIPTICAL =
  /^(?:(?:and|so|then|ok|okay)[\s,]+)?(?:(?:what|how)\s+about|and|also|plus|what\s+if|same\s+(?:for|with)|(?:the\s+)?(?:first|second|third|last|other)\s+one)\b/i;
const POINTING_BACK = /^(?:it|that|this|those|these|them)\b/i;
const CHOICE_NUMBER = /^\d{1,2}\s*[.)]?$/;
const ONLY_TEST_CODES = /^(?:[A-Z]{1,2}\d{1,2}[\s,.]*(?:(?:and|or|&)\s+)?)+[?.!]?$/i;
