import { en } from '../messages/en.js';
import { es } from '../messages/es.js';
import type { TurnObserver } from './turnObservers.js';

/**
 * Keeps what the bot said this turn (`lastReply`): "where?" next gets a part of the answer not said
 * yet, or is pointed back to it (src/understanding/askedOfLastAnswer.ts). Kept before a handoff
 * starts, so it is what the rows said, not the handoff's words.
 */
export const lastReplyObserver: TurnObserver = {
  name: 'lastReply',
  answered: ({ reading, request, data }) => {
    // An "ok" in between keeps the answer before it as the one a question next is about. Nothing
    // read from an account is kept in the conversation's state (its words are the candidate's own).
    if (!reading.acknowledgement) data.lastReply = request.account ? undefined : request.said?.join('\n\n');
  },
};

/**
 * The question that ends the catalogue's closing replies in each language ("Anything else I can help
 * with?", "¿Hay algo más en que pueda ayudarle?"): the last sentence of "thanks" and "ok"'s replies.
 */
const CLOSING_QUESTIONS: readonly string[] = [en, es].flatMap((m) => [m.thanks, m.acknowledged].map((text) => text.slice(text.search(/[^.!?]+\?$/)).trim()));

/**
 * Keeps how the bot's last message ended (`lastWords`): a "no" to "Anything else I can help with?"
 * says goodbye instead of asking it again, and a bare "yes" or "no" before anything was said asks
 * what the candidate needs.
 */
export const lastWordsObserver: TurnObserver = {
  name: 'lastWords',
  answered: ({ request, data }) => {
    const last = request.said?.at(-1);
    if (last !== undefined) data.lastWords = CLOSING_QUESTIONS.some((question) => last.trimEnd().endsWith(question)) ? 'anything-else' : 'other';
  },
};
