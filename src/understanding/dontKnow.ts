/**
 * "I don't remember", "not sure", "no idea" in answer to a question for a fact: the candidate does
 * not have it. Not an answer that made no sense (it never counts toward offering a person) and not
 * a question for the knowledge base: the bot says that is fine and asks again, the sign-in it offers
 * beside the question included. A cue table per language; the whole message must be one of them.
 */

import { cueText } from './cueText.js';

/** Longer messages say more than "I don't know": they are read as they are. */
const MAX_WORDS = 8;

const ROWS: readonly RegExp[] = [
  // English.
  /^(?:(?:hmm+|um+|uh+|well|honestly|sorry)\s+)?(?:i\s+)?(?:(?:really|honestly)\s+)?(?:don'?t|do not|dont|can'?t|cannot|cant)\s+(?:remember|recall|know)(?:\s+(?:it|that|the (?:date|day|exact date|exact day|time|exact time|hour)|when|what time|which (?:one|day|date)|exactly|for sure))*$/,
  /^(?:(?:hmm+|um+|uh+|well|honestly|sorry)\s+)?(?:no idea|not sure|i'?m not sure|im not sure|no clue|i have no idea|idk|i forget|i forgot|dunno|i dunno|not a clue)(?:\s+(?:exactly|really|sorry|tbh))*$/,
  // Spanish (accents folded).
  /^(?:(?:mmm+|este|pues|la verdad)\s+)?(?:no (?:me )?(?:acuerdo|recuerdo)|no (?:lo )?se|ni idea|no estoy segur[oa]|no tengo idea|se me olvido|no sabria decir(?:le)?)(?:\s+(?:(?:de )?la fecha|(?:de )?el dia|(?:de )?la hora|a que hora|bien|exactamente|cuando))*$/,
];


/** Does the whole message say the candidate does not know (or remember) what was asked? */
export function saysNotKnowing(text: string): boolean {
  const t = cueText(text);
  if (!t || t.split(' ').length > MAX_WORDS) return false;
  return ROWS.some((row) => row.test(t));
}
