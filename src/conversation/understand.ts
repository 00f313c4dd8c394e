import type { FaqDecision, QuestionContext } from '../knowledge/faqAnswerer.js';
import type { FaqEntry } from '../knowledge/faqEntry.js';
import { readAcknowledgement, type Acknowledgement } from '../understanding/acknowledgements.js';
import { asksForPerson, detectCommand, stripGreeting, type Command } from '../understanding/commands.js';
import { readCorrection, type Correction } from '../understanding/corrections.js';
import { readCredentials, type CredentialsReading } from '../understanding/credentials.js';
import type { DateMention } from '../understanding/dates.js';
import { detectTask, type TaskMatch } from '../understanding/taskIntent.js';
import { readYesNo } from '../understanding/yesNo.js';
import type { TurnFacts } from './turnFacts.js';

/**
 * Everything the bot understood of one message, read once per turn. Routing, the repair base and
 * every dialog look at this reading; none of them runs a recogniser of its own.
 */
export interface Reading {
  /** The message as written, trimmed. */
  text: string;
  /** The message without a greeting in front ("hi, how do I ...?" -> "how do I ...?"). */
  question: string;
  /** A whole-message command: help, cancel, start over, sign in, a greeting... */
  command: Command | null;
  /** A person asked for, anywhere in the message ("... never came. talk to a person"). */
  person: boolean;
  /** "ok", "cool", "got it", "thanks, bye": not a question, never a misunderstanding. */
  acknowledgement: Acknowledgement | null;
  /** The guided task the message asks for, if any. */
  task: TaskMatch | null;
  /** "no, I meant A4" / "the 10th, not the 12th": the part to read again as the new value. */
  correction: Correction | null;
  /** A yes or a no, for a question that asked for one. */
  yesNo: boolean | null;
  /** Every date the message mentions, parsed once; only the sign-in dialog reads one as a birth date. */
  dates: DateMention[];
  /** The message is one date and nothing else ("May 20", "it was the 20th"): an answer, or a date made exact. */
  dateOnly: boolean;
  /** ASE ID, date of birth and SSN digits, when the message carries sign-in details. */
  credentials: CredentialsReading;
  /** A question about the candidate's own account ("when does my A5 expire?"), if it is one. */
  accountQuestion: { kind: string } | null;
  /** The knowledge base's decision on the question, worked out the first time someone asks. */
  faq(): FaqDecision;
  /** Two questions in one, each with its entry in the order asked; null for one question. */
  faqPair(): [FaqEntry, FaqEntry] | null;
}

/** The recognisers that need the knowledge base: the FAQ ranking and the account-question reader. */
export interface Understanding {
  decide(question: string, context?: QuestionContext): FaqDecision;
  decidePair(question: string, context?: QuestionContext): [FaqEntry, FaqEntry] | null;
  accountQuestion(text: string): { kind: string } | null;
}

export const readingKey = Symbol('reading');

/**
 * Reads one message in the light of the turn's facts and of the conversation so far (a question
 * that names nothing of ASE may still be about it when the conversation already is).
 */
export function understand(text: string, facts: TurnFacts, knowledge: Understanding, context: QuestionContext = {}): Reading {
  const trimmed = text.trim();
  const command = trimmed ? detectCommand(trimmed) : null;
  const dates = trimmed ? facts.dates(trimmed) : [];
  const credentials: CredentialsReading = trimmed ? readCredentials(trimmed, facts, dates) : { ok: false, missing: ['aseId', 'dateOfBirth', 'ssnLast4'] };
  // Sent with sign-in details, the question is what is left without them: no birth date in it.
  const question = stripGreeting(credentials.ok ? credentials.rest.replace(/\s+$/, '') : trimmed);
  let decision: FaqDecision | undefined;
  let pair: [FaqEntry, FaqEntry] | null | undefined;
  const yesNo = trimmed ? readYesNo(trimmed) : null;
  // A bare "yes" or "no" that no dialog was waiting for is an acknowledgement, never a misunderstanding.
  const bare = yesNo !== null && /^(?:y|yes|yeah|yep|yup|sure|n|no|nope|nah|ok(?:ay)?)(?:[\s,]+(?:yes|no|thanks|thank you))?[.!]*$/i.test(trimmed) ? 'ok' : null;
  return {
    text: trimmed,
    question,
    command,
    person: command === 'person' || (trimmed !== '' && asksForPerson(trimmed)),
    acknowledgement: trimmed && !command ? (readAcknowledgement(trimmed) ?? bare) : null,
    task: trimmed && !command ? detectTask(question) : null,
    correction: trimmed ? (readCorrection(trimmed) ?? noAndAValue(trimmed) ?? whatAbout(trimmed)) : null,
    yesNo,
    dates,
    dateOnly: dates.length === 1 && onlyTheDate(trimmed, dates[0]!),
    accountQuestion: trimmed && !command ? knowledge.accountQuestion(question) : null,
    credentials,
    faq: () => (decision ??= knowledge.decide(question, context)),
    faqPair: () => (pair === undefined ? (pair = knowledge.decidePair(question, context)) : pair),
  };
}

/** "no 11/18", "nope, A6": a no followed by a value (a digit in it) replaces that value. */
function noAndAValue(text: string): { replacement: string } | null {
  const rest = /^(?:no|nope|nah)\b[\s,.!-]+(.*\d.*)$/i.exec(text)?.[1]?.trim();
  return rest ? { replacement: rest } : null;
}

/**
 * "what about A4?", "and A4?", "same for T2": the question just answered, asked again with that
 * value. Read as a correction, so it changes only when a task was answered (the correction row) or
 * is waiting (the repair base); elsewhere it is read afresh. A value alone ("A3") is not one: while a
 * task waits it is the answer to its question.
 */
function whatAbout(text: string): { replacement: string } | null {
  const asked = /^(?:and|what about|how about|same for|and for|also)\s+(?:the\s+|my\s+)?(.{1,30}?)\s*\??$/i.exec(text)?.[1];
  return asked && /\d/.test(asked) ? { replacement: asked } : null;
}

/** Nothing but the date and a few words around it: "May 20", "it was the 20th", "on the 20th I think". */
function onlyTheDate(text: string, date: DateMention): boolean {
  const rest = `${text.slice(0, date.index)} ${text.slice(date.index + date.text.length)}`;
  return /^(?:\s|[,.!]|\b(?:it|was|it's|its|on|the|maybe|i|think|actually)\b)*$/i.test(rest);
}
