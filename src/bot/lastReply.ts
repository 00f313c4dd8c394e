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
