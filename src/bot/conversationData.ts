import type { HandoffTurnData } from '../handoff/relay.js';
import type { Language } from '../language/languages.js';

/** What the bot keeps per conversation besides the dialog stack: no waiting flags (those are dialogs). */
/** The conversation-state property the bot keeps its data in. */
export const CONVERSATION_DATA = 'candidateAssistant';
/** The conversation-state property the dialog stack is kept in. */
export const DIALOG_STATE = 'dialogState';

export interface ConversationData extends HandoffTurnData {
  welcomed?: boolean;
  /** FAQ messages in a row the bot did not understand (the second offers a person). */
  misunderstood?: number;
  /** The conversation's language: kept until a message is clearly in the other or asks for it. */
  language?: Language;
  /** The language the signed-in account prefers: a message that leans that way ("hola") is answered in it. */
  preferredLanguage?: Language;
  /** The FAQ entries the last answer came from, for reading a short follow-up (src/bot/recentEntries.ts). */
  recentEntries?: string[];
  /** The last answer, when it was one whole answer: its entry and facet ("which bases" next is that answer asked again). */
  lastAnswer?: { entry: string; facet?: string };
  /**
   * The second of two tasks asked in one message, waiting for the first (`after`) to be answered:
   * it is worked out then, from its part of the message.
   */
  nextTask?: { after: string; task: string; text: string };
  /**
   * How the bot's last message ended: 'anything-else' ("Anything else I can help with?": a "no" next
   * closes the conversation), 'other'; none yet when nothing was answered in this conversation.
   */
  lastWords?: 'anything-else' | 'other';
  /** What the bot said last turn (its texts): "where?" next gets a part of the answer not said yet, or is pointed back to it. */
  lastReply?: string;
  /**
   * The question about the candidate's own tests the account answered last ("did I pass A5?"), while
   * it is still the last thing answered: "what about G1?" next asks it again of G1.
   */
  lastAccountQuestion?: { kind: string; tests?: string[] };
  /** [entry id, id of the candidate's line in `recent`] of the last few answers, for a rating's question (src/bot/ratedQuestions.ts). */
  answeredLines?: Array<[string, string]>;
  /** Id of the candidate's last line in `recent` that asked something (not a command or keyword): a handoff's question (src/bot/handoffSubject.ts). */
  askedLine?: string;
}
