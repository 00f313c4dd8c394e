import type { Language } from '../language/languages.js';
/**
 * The channel-neutral reply. Dialogs and the FAQ build these; src/channels renders them for the
 * channel the candidate is on, so no dialog ever checks which channel it is talking to.
 */
export interface ReplyChoice {
  /** What the candidate sees on the button or numbered line. */
  title: string;
  /** What comes back when it is chosen (the bot understands it as typed text). */
  value: string;
}

export interface ReplyFact {
  label: string;
  value: string;
}

export interface ReplySource {
  title: string;
  /** "Source" in the reply's language ("Fuente"); English when not given. */
  label?: string;
  date?: string;
  url?: string;
}

export interface Reply {
  /** Light Markdown; the first sentence answers on its own. */
  text: string;
  /**
   * The language it is written in, where the turn does not say (a staff message or notice sent
   * outside a turn): the channel's own words around it (SMS hints) follow it.
   */
  language?: Language;
  facts?: ReplyFact[];
  /** Choices the candidate is asked to pick from (one is expected). */
  choices?: ReplyChoice[];
  /** Optional next questions, offered but not required. */
  suggestions?: ReplyChoice[];
  source?: ReplySource;
  /**
   * A closing paragraph after the source: the question the bot goes back to after answering one
   * asked in between. One message, not two, so SMS cannot deliver the question before the answer.
   */
  then?: string;
  /**
   * A knowledge-base answer whose first paragraph answers on its own, its details on request. (On
   * SMS every reply over two segments is sent as its first paragraph and "Reply MORE for details",
   * marked or not: src/channels/sms/renderSms.ts.)
   */
  details?: 'on-request';
  /**
   * The first sentence in fewer words, for a channel that must be short (SMS): said in its place
   * when that sentence and the question the reply closes on do not fit together, and the whole text
   * follows on MORE. Knowledge-authored (a facet's `short`), never made by cutting.
   */
  brief?: string;
  /**
   * How many opening paragraphs are answers in their own right (two questions in one: 2). On SMS
   * they are sent whole when they fit once nothing but offered suggestions is left for MORE.
   */
  answers?: number;
  /**
   * Who is speaking, when it is not the bot: a member of staff (by first name) in a handoff, or the
   * system telling the candidate who joined or left. Channels that can show it do.
   */
  speaker?: ReplySpeaker;
  /** An answer the candidate may rate (thumbs up or down), with the FAQ entry (or entries, a+b) it came from. */
  rate?: { entryId: string };
  /** Ask "how was this chat?" (1 to 5) under this message: after a handoff ended, or a goodbye. */
  survey?: 'handoff' | 'goodbye';
}

export type ReplySpeaker = { kind: 'agent'; name: string } | { kind: 'system' };

export const reply = (text: string, extra: Omit<Reply, 'text'> = {}): Reply => ({ text, ...extra });
