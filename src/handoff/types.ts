import type { ConversationReference } from 'botbuilder';
import type { Reply } from '../conversation/reply.js';
import type { Language } from '../language/languages.js';
import type { CandidatePresence, CandidateSignals } from './presence.js';

/** Why the bot handed a conversation to staff. */
export type HandoffReason = 'asked' | 'misunderstood' | 'staff-only';

/** queued: waiting for an agent; active: an agent owns it; closed: back with the bot. */
export type CaseStatus = 'queued' | 'active' | 'closed';

export type Party = 'candidate' | 'bot' | 'agent' | 'system';

/** One line of a case transcript, as staff see it: personal data already redacted. */
export interface TranscriptLine {
  id: string;
  /** ISO time. */
  at: string;
  from: Party;
  text: string;
  /** Bot lines: the choices it offered with the message (button titles: "Duplicate certificate"), which the text does not say. */
  choices?: string[];
  /** Staff username, for agent and system lines about an agent. */
  agent?: string;
  /** Agent lines: did it reach the candidate? */
  delivery?: 'sent' | 'failed';
  /** Why delivery failed, in words for the agent (never the message text). */
  failure?: string;
}

/** What staff see about a case before reading the transcript. Personal data masked. */
export interface CaseSummary {
  /** The candidate's question that led here, redacted. */
  question?: string;
  /**
   * What the bot was helping with, in the conversation's language ("Repetir un examen reprobado"):
   * canned replies' {topic}. Absent when it was helping with nothing known (the reply then says "your question").
   */
  subject?: string;
  /** The guided task that was running or last ran. */
  dialog?: string;
  /** Dates and figures the rules worked out ("Retest from": "Thursday, April 3, 2025"). */
  facts?: Array<{ label: string; value: string }>;
  /** Signed in to their ASE account this conversation. */
  verified: boolean;
  /** Their first name from that account (signed-in candidates only): staff greet them by it. */
  firstName?: string;
}

export interface HandoffCase {
  id: string;
  /** Short number for people ("C-1042"), unique across instances; cases opened before numbers had none. */
  caseNumber?: string;
  /** `${channelId}/${conversation.id}`: the key the turn gate and state use. */
  conversationKey: string;
  channel: string;
  /** Where proactive replies go. */
  reference: Partial<ConversationReference>;
  status: CaseStatus;
  reason: HandoffReason;
  /** The conversation's language when it was handed over (cases opened before languages were kept: English). */
  language?: Language;
  /** A few words for the queue, in English: what the bot was helping with ("Retaking a failed test"), else the candidate's last real question (redacted), else the reason. */
  topic: string;
  summary: CaseSummary;
  queuedAt: string;
  claimedAt?: string;
  closedAt?: string;
  /** Staff username of the agent who owns the case (status active). */
  owner?: string;
  /** Outside support hours: when staff will reply by (ISO). */
  replyBy?: string;
  /**
   * The e-mail addresses and phone numbers the candidate typed asking for a person or while handed over ("a@b.com,
   * 555-123-4567", at most three): kept so the agent can reach them; shown only to the agent who has
   * the case and supervisors, and masked in transcripts, logs and analytics.
   */
  contact?: string;
  /** How the case ended: the note left on hand-back. */
  note?: string;
  /** What says whether the candidate is still there (website connection, last message). */
  candidate?: CandidateSignals;
  closedBy?: 'candidate' | 'agent' | 'handback';
}

/** Result of delivering a staff message to the candidate. */
export type DeliveryResult = { delivered: true } | { delivered: false; reason: string };

/** Sends a Reply to a conversation outside a turn, rendered for its channel. */
export interface CandidateDelivery {
  deliver(reference: Partial<ConversationReference>, reply: Reply): Promise<DeliveryResult>;
  /**
   * Has the bot take `text` as the candidate's message in their conversation, as if just sent, and
   * answer it there (a hand-back with the candidate's last message unanswered). Absent: nothing is run.
   */
  resume?(reference: Partial<ConversationReference>, text: string): Promise<void>;
}

/** Something every instance hears: a case changed, or a transcript line was added. */
export type LiveEvent =
  | { type: 'case'; caseId: string; status: CaseStatus; owner?: string }
  | { type: 'line'; caseId: string; owner?: string; line: TranscriptLine }
  /** The agent who owns a case is typing a reply: the candidate's chat shows it (never stored); `stopped`: the agent left the chat (handed back, ended, transferred), the indicator goes. */
  | { type: 'typing'; caseId: string; conversationKey: string; name: string; stopped?: boolean };

/** Pub/sub across instances (Redis) or within one process (memory). */
export interface LiveBus {
  publish(event: LiveEvent): Promise<void>;
  /** Returns a function that stops listening. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

/**
 * agent: works cases; supervisor: any case, the audit log, insights; editor: insights and the
 * knowledge the bot answers from, never a candidate's case.
 */
export type StaffRole = 'agent' | 'supervisor' | 'editor';

/** Who may work cases (the queue, conversations, history, canned replies, presence). */
export const worksCases = (user: StaffUser): boolean => user.role === 'agent' || user.role === 'supervisor';

export interface StaffUser {
  username: string;
  name: string;
  role: StaffRole;
  /** The languages they can chat in (the staff accounts file's `languages`; English when not given). */
  languages?: Language[];
}

/** The languages a member of staff chats in: English unless their account lists others. */
export const speaks = (user: StaffUser, language: Language): boolean => (user.languages ?? ['en']).includes(language);

/** One audit record: who did what to which case, when. No message text, no personal data. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  caseId?: string;
  detail?: Record<string, string | number | boolean>;
  /** The client address the request came from (the proxy's X-Forwarded-For entry with STAFF_TRUST_PROXY). */
  address?: string;
}

/** A case as the staff API shows it: no conversation reference, plus where it stands in the queue. */
export interface CaseView extends Omit<HandoffCase, 'reference' | 'conversationKey'> {
  /** 1-based place in the queue, for queued cases. */
  position?: number;
  /** Seconds since the candidate was queued. */
  waitingSeconds: number;
  /** There is a contact on the case, which this viewer may not read (it is not their case). */
  contactGiven?: true;
  /** Open cases: is the candidate here, idle, or gone (website chat closed)? */
  presence?: CandidatePresence;
}

export type DeskErrorCode = 'not-found' | 'forbidden' | 'conflict' | 'invalid';

/** A refused staff action; the staff API turns the code into 404 / 403 / 409 / 400. */
export class DeskError extends Error {
  constructor(
    readonly code: DeskErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}

/**
 * What the staff console does to cases. Every method checks what the viewer may do (agents act only
 * on cases they own or are claiming; supervisors on any) and writes the audit log.
 */
/** Queued cases on one page of staff's list unless asked otherwise, and the most one page gives. */
export const DEFAULT_CASE_PAGE = 50;
export const MAX_CASE_PAGE = 200;

export interface CasePageRequest {
  /** Queued cases to skip (0-based, in line order; of the language asked for). */
  offset?: number;
  /** Queued cases on the page (1 to {@link MAX_CASE_PAGE}). */
  limit?: number;
  /** Only the queued cases in this language (cases without one are English). */
  language?: Language;
}

/** Staff's case list: a page of the queue and every open case with an agent the viewer may see. */
export interface CaseLists {
  queued: CaseView[];
  mine: CaseView[];
  others: CaseView[];
  /** How many wait in all languages. */
  waiting: number;
  /** How many wait in the language asked for (only when one was). */
  waitingInLanguage?: number;
  offset: number;
  limit: number;
  /** Queued cases (of the language asked for) after this page. */
  more: number;
  /** The offset of the next page, when there is one. */
  nextOffset?: number;
}

export interface HandoffDesk {
  /** The case's owner is typing a reply (shown in the candidate's website chat; nothing is stored). */
  typing(viewer: StaffUser, caseId: string): Promise<void>;
  /** The case id for a case number ("C-1042", any case) or an id; undefined when no case has that number. */
  caseIdFor(idOrNumber: string): Promise<string | undefined>;
  /** A page of the queue, how many wait, and the open cases with an agent the viewer may see. */
  cases(viewer: StaffUser, now: Date, page?: CasePageRequest): Promise<CaseLists>;
  /** The case with its transcript. Agents: their own cases only; supervisors: any (watching live). */
  open(viewer: StaffUser, caseId: string, now: Date): Promise<{ case: CaseView; transcript: TranscriptLine[] }>;
  claim(viewer: StaffUser, caseId: string, now: Date): Promise<CaseView>;
  /** Delivers to the candidate; the line records whether it arrived. Never throws for a failed delivery. */
  reply(viewer: StaffUser, caseId: string, text: string, now: Date): Promise<TranscriptLine>;
  /** To another agent (username), or back to the queue (null). */
  transfer(viewer: StaffUser, caseId: string, to: string | null, now: Date): Promise<CaseView>;
  /** Ends the conversation with staff; the candidate is told, and the bot answers again. */
  end(viewer: StaffUser, caseId: string, now: Date): Promise<CaseView>;
  /** Hands the candidate back to the bot with a note for the record. */
  handBack(viewer: StaffUser, caseId: string, note: string | undefined, now: Date): Promise<CaseView>;
  /** Every case closed on these days (UTC), for the insights' queue wait; no viewer: callers check roles. */
  closedOn(days: string[]): Promise<HandoffCase[]>;
  /** Closed cases, newest first: agents see the ones they handled, supervisors all. */
  history(viewer: StaffUser, query: HistoryQuery, now: Date): Promise<CaseView[]>;
}

/** A search of closed cases: the days they closed on (UTC) and what to match. */
export interface HistoryQuery {
  /** First and last day of closing, YYYY-MM-DD (UTC), at most 31 days apart. */
  from: string;
  to: string;
  /** Words that must all be in the topic, the question or the case number. */
  text?: string;
  channel?: string;
  /** The agent who had the case. */
  agent?: string;
  /** How it closed. */
  outcome?: NonNullable<HandoffCase['closedBy']>;
}

/** Append-only record of staff actions, kept with the bot's data for the configured retention. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(limit: number): Promise<AuditEntry[]>;
}
