import { declinesContact } from './contactRefusal.js';
import { unansweredMessage } from './unanswered.js';
import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { Reply } from '../conversation/reply.js';
import { redactBotText, redactText } from '../logging/redact.js';
import type { Language } from '../language/languages.js';
import type { HandoffMessages } from '../messages/enHandoff.js';
import type { LiveChannel } from '../storage/liveChannel.js';
import { memorySequence, type Sequence } from '../storage/sequence.js';
import { candidatePresence } from './presence.js';
import type { Logger } from '../logging/logger.js';
import { CaseNotFoundError, type CaseStore } from './caseStore.js';
import {
  DeskError,
  worksCases,
  type AuditEntry,
  type AuditLog,
  type CandidateDelivery,
  type CaseSummary,
  type CaseView,
  type CaseLists,
  type CasePageRequest,
  DEFAULT_CASE_PAGE,
  type HandoffCase,
  type HandoffDesk,
  type HandoffReason,
  type HistoryQuery,
  type LiveEvent,
  type StaffUser,
  type TranscriptLine,
} from './types.js';

/** Is support staffed at `now`, and if not, when does it open? */
export type SupportHours = (now: Date) => { open: true } | { open: false; opensAt: Date };

export interface HandoffServiceDeps {
  store: CaseStore;
  live: LiveChannel<LiveEvent>;
  delivery: CandidateDelivery;
  audit: AuditLog;
  /** The staff directory (no password hashes). */
  staff: { find(username: string): StaffUser | undefined };
  hours: SupportHours;
  /** "Monday, December 1 at 8:00 AM EST": the reply-by time as the candidate reads it. */
  /** The reply-by time as the candidate reads it, in the conversation's language. */
  formatReplyBy: (date: Date, language: Language) => string;
  /** Minutes someone at `position` can expect to wait, given recent queued-to-claimed times and the agents available. */
  estimateWait: (position: number, recentWaitsMs: number[], availableAgents: number) => number;
  /**
   * Staff on shift now, from one read: how many agents are marked available in the console (1 when
   * unknown), and the languages the agents available now speak, together (unknown: every language).
   */
  onShift?: (now: Date) => Promise<{ available: number; languages: ReadonlySet<Language> }>;
  /** Hears how long each new case took to be queued with its place (seconds; for /metrics). */
  timed?: (seconds: number) => void;
  /** What the candidate is told, in the conversation's language. */
  messages: (language: Language) => HandoffMessages;
  /** Runs work holding a conversation's turn lock (the app's turn gate); without it, work runs as is. */
  serialise?: <T>(conversationKey: string, work: () => Promise<T>) => Promise<T>;
  logger?: Pick<Logger, 'error'>;
  newId?: () => string;
  /** Gives each new case its number (C-1001, C-1002...): shared by every instance with Redis. */
  caseNumbers?: Sequence;
}

/** Recent queued-to-claimed times and the staff on shift, for what a candidate joining the queue is told. */
interface WaitsAndShift {
  recentWaitsMs: number[];
  availableAgents: number;
  /** Unknown (no presence, or the store failed): absent. */
  languages?: ReadonlySet<Language>;
}

/** What the bot knows when it hands a conversation over. */
export interface HandoffRequest {
  reference: Partial<ConversationReference>;
  conversationKey: string;
  channel: string;
  reason: HandoffReason;
  /** The conversation's language: the case shows it, and staff notices to the candidate are in it. */
  language?: Language;
  /** A few words for the queue; the reason's label when there is nothing better. */
  topic?: string;
  summary: CaseSummary;
  /** The conversation so far, already redacted. */
  history: TranscriptLine[];
  /**
   * The message that asked for a person, as typed ("I need a human, email me at pat@example.com"):
   * an address or number in it is the contact the candidate left on purpose (`contact`), as one
   * typed while queued is. Kept on the case only; the transcript has it masked.
   */
  asked?: string;
}

const MAX_REPLY_CHARS = 2000;
const MAX_NOTE_CHARS = 500;
const contactPattern = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}|(?:\+?1[-. ]?)?\(?\b\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}\b/gi;
/** At most this many addresses and numbers are kept on a case (the first ones given). */
const MAX_CONTACTS = 3;

/** The contact already on a case plus the e-mail addresses and phone numbers in `text`, each once. */
function withContacts(current: string | undefined, text: string): string | undefined {
  const known = current ? current.split(', ') : [];
  const key = (value: string) => (value.includes('@') ? value.toLowerCase() : value.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, ''));
  const keys = new Set(known.map(key));
  for (const found of text.match(contactPattern) ?? []) {
    if (known.length >= MAX_CONTACTS) break;
    if (keys.has(key(found))) continue;
    keys.add(key(found));
    known.push(found);
  }
  return known.length ? known.join(', ') : undefined;
}

/**
 * The handoff itself: the bot queues a conversation, candidate and staff messages are recorded and
 * relayed, and staff claim, transfer, end or hand back cases. State lives in the CaseStore (shared by
 * every instance); every change is announced on the live channel and written to the audit log.
 */
export class HandoffService implements HandoffDesk {
  private readonly newId: () => string;
  private readonly caseNumbers: Sequence;

  constructor(private readonly deps: HandoffServiceDeps) {
    this.newId = deps.newId ?? randomUUID;
    this.caseNumbers = deps.caseNumbers ?? memorySequence();
  }

  // ---- the candidate's side (called by the bot during a turn) ----

  openCaseFor(conversationKey: string): Promise<HandoffCase | undefined> {
    return this.deps.store.openCaseFor(conversationKey);
  }

  /**
   * Queues the conversation and says what happens next: place and wait, or when staff will reply.
   * The bot's answer is the transcript's last line. Round trips: the case number with what the wait
   * estimate needs (recent waits, staff on shift), then the case, its place in line, its transcript
   * and pointer (`CaseStore.open`), then the audit entry and the live event together.
   */
  async request(request: HandoffRequest, now: Date): Promise<{ case: HandoffCase; reply: Reply }> {
    const started = performance.now();
    const messages = this.deps.messages(request.language ?? 'en');
    const hours = this.deps.hours(now);
    const [sequence, waits, gone] = await Promise.all([this.caseNumbers.next(), hours.open ? this.waitsAndShift(now) : undefined, hours.open ? this.leftTheChat(now) : []]);
    const opened: HandoffCase = {
      id: this.newId(),
      caseNumber: formatCaseNumber(sequence),
      conversationKey: request.conversationKey,
      channel: request.channel,
      reference: request.reference,
      status: 'queued',
      reason: request.reason,
      ...(request.language ? { language: request.language } : {}),
      topic: request.topic ?? messages.topic[request.reason],
      summary: request.summary,
      queuedAt: now.toISOString(),
      ...(hours.open ? {} : { replyBy: hours.opensAt.toISOString() }),
    };
    const contact = request.asked ? withContacts(undefined, request.asked) : undefined;
    if (contact) opened.contact = contact;
    const history = [...request.history, this.line(now, 'system', `Handed to staff: ${messages.topic[request.reason].toLowerCase()}`)];
    let text = '';
    const said = (c: HandoffCase, place: number | undefined) => {
      text = this.whatNext(c, place === undefined ? undefined : amongWaiting(place, gone), waits);
      return this.line(now, 'bot', redactBotText(text));
    };
    const { case: stored, place, created } = await this.deps.store.open(opened, history, now, (joined) => [said(opened, joined)]);
    if (created) {
      this.deps.timed?.((performance.now() - started) / 1000);
      await Promise.all([
        this.audit({ at: now.toISOString(), actor: 'bot', action: 'queued', caseId: stored.id, detail: { reason: request.reason, channel: request.channel } }),
        this.announce(stored),
      ]);
    } else {
      // The conversation already had a case (its state was lost): told where it stands, as a line of it.
      const line = said(stored, place);
      await this.addLine(stored, line).catch(() => undefined);
    }
    return { case: stored, reply: { text } };
  }

  /** The candidate wrote while queued or with an agent: the bot stays quiet and staff see it. */
  async candidateSaid(open: HandoffCase, text: string, now: Date, retitle?: { topic: string; question: string; subject?: string }): Promise<void> {
    // An address or number given while waiting or talking to staff is how to reach them: it is kept
    // on the case (shown to the agent who has it, and supervisors) and masked everywhere else.
    // Their last message is also what says they are still there (presence). `retitle`: the question
    // a case opened with nothing asked is about (its title and summary; the consoles are told).
    const changed = await this.deps.store.update(
      open.id,
      (current) => ({
        ...current,
        contact: withContacts(current.contact, text),
        candidate: { ...current.candidate, activeAt: now.toISOString() },
        ...(retitle && !current.summary.question && !current.summary.subject
          ? { topic: retitle.topic, summary: { ...current.summary, question: retitle.question, ...(retitle.subject ? { subject: retitle.subject } : {}) } }
          : {}),
      }),
      now,
    );
    await this.addLine(open, this.line(now, 'candidate', redactText(text)));
    if (retitle) await this.announce(changed);
  }

  /**
   * The candidate signed in with the bot while queued or with an agent: the case says they are
   * verified (and their first name, for greeting them); the transcript says so in a line of its own.
   * The details themselves never reach staff.
   */
  async candidateSignedIn(open: HandoffCase, firstName: string | undefined, now: Date): Promise<void> {
    const changed = await this.deps.store.update(
      open.id,
      (current) => ({ ...current, summary: { ...current.summary, verified: true, ...(firstName ? { firstName } : {}) }, candidate: { ...current.candidate, activeAt: now.toISOString() } }),
      now,
    );
    await this.addLine(changed, this.line(now, 'system', `The candidate signed in with the bot: identity checked with ASE${firstName ? ` (${firstName})` : ''}`));
    await this.announce(changed);
  }

  /**
   * The website chat's connection for a conversation opened (a page loaded or came back) or closed
   * (the page closed or reloaded). Changes the open case's presence, and tells the consoles.
   */
  async connection(conversationKey: string, open: boolean, now: Date): Promise<void> {
    const current = await this.deps.store.openCaseFor(conversationKey);
    if (!current) return;
    const changed = await this.deps.store.update(
      current.id,
      (latest) => ({ ...latest, candidate: { ...latest.candidate, streams: Math.max(0, (latest.candidate?.streams ?? 0) + (open ? 1 : -1)), changedAt: now.toISOString() } }),
      now,
    );
    await this.announce(changed);
  }

  /** "back to the bot" while queued or with an agent. */
  /** `asking`: the message that left asks a question the bot answers next: the candidate is not asked what they want. */
  async candidateLeft(open: HandoffCase, now: Date, { asking = false }: { asking?: boolean } = {}): Promise<Reply> {
    const closed = await this.close(open.id, now, 'candidate', undefined);
    await this.audit({ at: now.toISOString(), actor: 'candidate', action: 'left', caseId: open.id });
    await this.addLine(closed, this.line(now, 'system', 'The candidate went back to the bot'));
    const said = this.messagesFor(open);
    return { text: open.status === 'active' ? said.leftWithAgent : asking ? said.leftToAnswer : said.left };
  }

  /**
   * STOP on SMS while queued or with an agent: nothing more can be texted to the candidate, so the
   * case closes (as "back to the bot" closes it) and staff read why, rather than writing into a
   * conversation whose replies would be dropped. The candidate is not told: they asked for silence.
   */
  async candidateOptedOut(conversationKey: string, now: Date): Promise<boolean> {
    const open = await this.deps.store.openCaseFor(conversationKey);
    if (!open) return false;
    const closed = await this.close(open.id, now, 'candidate', undefined).catch((error: unknown) => {
      // Staff closed it a moment ago: nothing left to close.
      if (error instanceof DeskError && error.code === 'conflict') return undefined;
      throw error;
    });
    if (!closed) return false;
    await this.audit({ at: now.toISOString(), actor: 'candidate', action: 'opted-out', caseId: open.id });
    await this.addLine(closed, this.line(now, 'system', 'The candidate texted STOP: no more texts can be sent to them'));
    return true;
  }

  // ---- the staff side (the console's API) ----

  async caseIdFor(idOrNumber: string): Promise<string | undefined> {
    const number = CASE_NUMBER.exec(idOrNumber.trim());
    if (!number) return idOrNumber;
    return this.deps.store.idForNumber(formatCaseNumber(Number(number[1]) - CASE_NUMBER_BASE));
  }

  /**
   * Staff's list: a page of the queue (`limit` queued cases from `offset`, in line order, of one
   * language when asked, each with its place in the whole line), how many wait, and every case with
   * an agent (the viewer's own; a supervisor's also every other agent's). The queue reads only the
   * page and the cases with an agent; the cases are read in one batch.
   */
  async cases(viewer: StaffUser, now: Date, page: CasePageRequest = {}): Promise<CaseLists> {
    const offset = page.offset ?? 0;
    const limit = page.limit ?? DEFAULT_CASE_PAGE;
    const { queued, active, waiting, matching } = await this.deps.store.openCasesPage({ offset, limit, ...(page.language ? { language: page.language } : {}) });
    active.sort(byQueuedAt);
    const shown = offset + queued.length;
    return {
      queued: queued.map(({ case: c, place }) => view(c, now, viewer, place)),
      mine: active.filter((c) => c.owner === viewer.username).map((c) => view(c, now, viewer)),
      others: viewer.role === 'supervisor' ? active.filter((c) => c.owner !== viewer.username).map((c) => view(c, now, viewer)) : [],
      waiting,
      ...(page.language ? { waitingInLanguage: matching } : {}),
      offset,
      limit,
      more: Math.max(0, matching - shown),
      ...(matching > shown ? { nextOffset: shown } : {}),
    };
  }

  async open(viewer: StaffUser, caseId: string, now: Date): Promise<{ case: CaseView; transcript: TranscriptLine[] }> {
    const found = await this.find(caseId);
    // An agent reads their active cases, and the closed ones they had (history); nothing else.
    const own = found.status !== 'queued' && found.owner === viewer.username;
    if (!own && viewer.role !== 'supervisor') throw new DeskError('forbidden', `handoff: ${viewer.username} does not own case ${caseId}`);
    if (!own) await this.audit({ at: now.toISOString(), actor: viewer.username, action: 'watched', caseId });
    const { lines } = await this.deps.store.transcript(caseId);
    return { case: await this.viewOf(found, now, viewer), transcript: lines };
  }

  async claim(viewer: StaffUser, caseId: string, now: Date): Promise<CaseView> {
    return this.onCase(caseId, async (current) => {
      if (current.status === 'closed') throw new DeskError('conflict', `handoff: case ${caseId} is closed`);
      // Claiming your own case again changes nothing, and tells the candidate nothing twice.
      if (current.status === 'active' && current.owner === viewer.username) return this.viewOf(current, now, viewer);
      if (current.status === 'active' && viewer.role !== 'supervisor') throw new DeskError('conflict', `handoff: case ${caseId} is already with ${current.owner}`);
      const takenFrom = current.status === 'active' ? current.owner : undefined;
      const claimed = await this.change(caseId, now, (latest) => {
        if (latest.status !== current.status || latest.owner !== current.owner) throw new DeskError('conflict', `handoff: case ${caseId} changed; look again`);
        return { ...latest, status: 'active', owner: viewer.username, claimedAt: latest.claimedAt ?? now.toISOString() };
      });
      await this.tellCandidate(claimed, viewer, this.messagesFor(claimed).joined(firstName(viewer)), `${viewer.name} joined`, now);
      await this.audit({ at: now.toISOString(), actor: viewer.username, action: takenFrom ? 'took-over' : 'claimed', caseId, ...(takenFrom ? { detail: { from: takenFrom } } : {}) });
      return this.viewOf(claimed, now, viewer);
    });
  }

  async reply(viewer: StaffUser, caseId: string, text: string, now: Date): Promise<TranscriptLine> {
    const body = text.trim();
    if (!body || body.length > MAX_REPLY_CHARS) throw new DeskError('invalid', `handoff: a reply must be 1 to ${MAX_REPLY_CHARS} characters (got ${body.length})`);
    // Under the conversation's lock: a case ended or transferred a moment ago is not written to.
    return this.onCase(caseId, async (current) => {
      this.mustOwn(viewer, current);
      const result = await this.deps.delivery.deliver(current.reference, { text: body, speaker: { kind: 'agent', name: firstName(viewer) }, ...(current.language ? { language: current.language } : {}) });
      const line: TranscriptLine = {
        ...this.line(now, 'agent', body),
        agent: viewer.username,
        delivery: result.delivered ? 'sent' : 'failed',
        ...(result.delivered ? {} : { failure: result.reason }),
      };
      await this.addLine(current, line);
      await this.audit({ at: now.toISOString(), actor: viewer.username, action: result.delivered ? 'replied' : 'reply-failed', caseId });
      return line;
    });
  }

  /**
   * The owner of a case is typing: every instance hears it, and the one holding the candidate's
   * chat shows "Alex is typing". A hint, not an action: no lock, no transcript line, no audit entry.
   */
  async typing(viewer: StaffUser, caseId: string): Promise<void> {
    const found = await this.find(caseId);
    this.mustOwn(viewer, found);
    await this.deps.live.publish({ type: 'typing', caseId, conversationKey: found.conversationKey, name: firstName(viewer) });
  }

  async transfer(viewer: StaffUser, caseId: string, to: string | null, now: Date): Promise<CaseView> {
    const target = to === null ? undefined : this.deps.staff.find(to);
    if (to !== null && (!target || !worksCases(target))) throw new DeskError('invalid', `handoff: no agent or supervisor "${to}" to transfer to`);
    if (target && target.username === viewer.username) throw new DeskError('invalid', `handoff: case ${caseId} is already yours`);
    return this.onCase(caseId, async () => {
      const moved = await this.change(caseId, now, (latest) => {
        this.mustOwnOrSupervise(viewer, latest);
        // Back in the queue, the next claim is a new wait: its claimedAt starts again.
        return target ? { ...latest, status: 'active', owner: target.username } : { ...latest, status: 'queued', owner: undefined, claimedAt: undefined };
      });
      await this.stoppedTyping(moved, viewer);
      if (target) await this.tellCandidate(moved, viewer, this.messagesFor(moved).transferred(firstName(target)), `${viewer.name} transferred the conversation to ${target.name}`, now);
      else await this.tellCandidate(moved, viewer, this.messagesFor(moved).requeued, `${viewer.name} put the conversation back in the queue`, now);
      await this.audit({ at: now.toISOString(), actor: viewer.username, action: target ? 'transferred' : 'requeued', caseId, ...(target ? { detail: { to: target.username } } : {}) });
      return this.viewOf(moved, now, viewer);
    });
  }

  async end(viewer: StaffUser, caseId: string, now: Date): Promise<CaseView> {
    return this.onCase(caseId, async () => {
      const closed = await this.close(caseId, now, 'agent', undefined, viewer);
      await this.stoppedTyping(closed, viewer);
      await this.tellCandidate(closed, viewer, this.messagesFor(closed).ended(firstName(viewer)), `${viewer.name} ended the conversation`, now, { survey: 'handoff' });
      await this.audit({ at: now.toISOString(), actor: viewer.username, action: 'ended', caseId });
      return this.viewOf(closed, now, viewer);
    });
  }

  async handBack(viewer: StaffUser, caseId: string, note: string | undefined, now: Date): Promise<CaseView> {
    const trimmed = note?.trim() || undefined;
    if (trimmed && trimmed.length > MAX_NOTE_CHARS) throw new DeskError('invalid', `handoff: a hand-back note must be at most ${MAX_NOTE_CHARS} characters (got ${trimmed.length})`);
    let unanswered: { reference: HandoffCase['reference']; text: string } | undefined;
    const view = await this.onCase(caseId, async () => {
      // The candidate's last message, if no agent wrote after it: the bot answers it (ut20 finding 4).
      const text = this.deps.delivery.resume ? unansweredMessage((await this.deps.store.transcript(caseId)).lines) : undefined;
      const closed = await this.close(caseId, now, 'handback', trimmed, viewer);
      const messages = this.messagesFor(closed);
      const told = text ? messages.handedBackAnswering(firstName(viewer), text) : messages.handedBack(firstName(viewer));
      await this.stoppedTyping(closed, viewer);
      await this.tellCandidate(closed, viewer, told, `${viewer.name} handed the conversation back to the bot${trimmed ? `: ${trimmed}` : ''}`, now);
      await this.audit({ at: now.toISOString(), actor: viewer.username, action: 'handed-back', caseId, detail: { note: Boolean(trimmed) } });
      if (text) unanswered = { reference: closed.reference, text };
      return this.viewOf(closed, now, viewer);
    });
    // Outside the conversation's lock, which the bot's turn takes itself. A failure leaves the
    // candidate with the hand-back notice (they can ask again); the hand-back itself stands.
    if (unanswered) {
      await this.deps.delivery.resume?.(unanswered.reference, unanswered.text).catch((error: unknown) => this.deps.logger?.error({ caseId, reason: error instanceof Error ? error.message : String(error) }, 'handoff: the bot could not answer the message left at hand-back'));
    }
    return view;
  }

  closedOn(days: string[]): Promise<HandoffCase[]> {
    return this.deps.store.closedOn(days);
  }

  async history(viewer: StaffUser, query: HistoryQuery, _now: Date): Promise<CaseView[]> {
    const days = daysBetween(query.from, query.to);
    const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const found = (await this.deps.store.closedOn(days)).filter((c) => {
      if (viewer.role !== 'supervisor' && c.owner !== viewer.username) return false;
      if (query.channel && c.channel !== query.channel && !(query.channel === 'webchat' && c.channel === 'directline')) return false;
      if (query.agent && c.owner !== query.agent) return false;
      if (query.outcome && c.closedBy !== query.outcome) return false;
      const haystack = `${c.caseNumber ?? ''} ${c.topic} ${c.summary.question ?? ''}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
    found.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
    return found.map((c) => view(c, new Date(c.closedAt ?? c.queuedAt), viewer));
  }

  /**
   * What a candidate waiting in the queue hears after each message: that it was passed on, and
   * their place (or, out of hours, only that it was passed on). Nothing once someone has the case.
   */
  /** "Okay, you're still in line": a candidate in the queue who chose to keep waiting, with their place. */
  async stayingInLine(open: HandoffCase, now: Date): Promise<string> {
    return this.messagesFor(open).stayingInLine(await this.placeAmongWaiting(open.id, now));
  }

  async waitingNote(open: HandoffCase, now: Date, text = ''): Promise<string | undefined> {
    if (open.status !== 'queued') return undefined;
    // Out of hours, asked how staff should reach them: "no contact thanks" is that answer, said back.
    if (open.replyBy) return declinesContact(text) ? this.messagesFor(open).contactDeclined : this.messagesFor(open).messageTaken;
    return this.messagesFor(open).stillWaiting(await this.placeAmongWaiting(open.id, now));
  }

  /**
   * The candidate's place among those still waiting, as the candidate is told it: a case ahead
   * whose candidate left the chat (staff's "Candidate left the chat") is nobody in front of them
   * (ut21: those were counted, "number 4/5 in line"). Staff's list keeps the whole line's places.
   */
  private async placeAmongWaiting(caseId: string, now: Date): Promise<number> {
    const { position } = await this.placeInQueue(caseId);
    return position <= 1 ? 1 : amongWaiting(position, await this.leftTheChat(now));
  }

  /** The places in line of queued cases whose candidate left the chat (the whole line, read once as a new case joins). */
  private async leftTheChat(now: Date): Promise<number[]> {
    const { queued: waiting } = await this.deps.store.queueHead();
    if (waiting === 0) return [];
    const line = await this.deps.store.openCasesPage({ offset: 0, limit: waiting });
    return line.queued.filter(({ case: c }) => candidatePresence(c, now) === 'left').map(({ place }) => place);
  }

  /** The agent left the candidate's chat: an "Alex is typing" still shown goes at once (a hint: a lost one only lasts its few seconds). */
  private stoppedTyping(c: HandoffCase, viewer: StaffUser): Promise<void> {
    return this.publish({ type: 'typing', caseId: c.id, conversationKey: c.conversationKey, name: firstName(viewer), stopped: true });
  }

  // ---- inside ----

  private serialise<T>(conversationKey: string, work: () => Promise<T>): Promise<T> {
    return this.deps.serialise ? this.deps.serialise(conversationKey, work) : work();
  }

  /** What the candidate is told on joining: the place and the wait, or when staff will reply. */
  private whatNext(open: HandoffCase, place: number | undefined, waits: WaitsAndShift | undefined): string {
    if (open.replyBy) return this.messagesFor(open).afterHours(this.deps.formatReplyBy(new Date(open.replyBy), open.language ?? 'en'));
    const position = Math.max(1, place ?? 1);
    const queued = this.messagesFor(open).queued(position, this.deps.estimateWait(position, waits?.recentWaitsMs ?? [], waits?.availableAgents ?? 1));
    // Is an agent who speaks the conversation's language available now? Anyone may still take the
    // case; a candidate who would get someone speaking another language is told so, with the phone
    // number. Unknown (no presence, or the store failed): assumed yes, so nobody is warned wrongly.
    const spoken = waits?.languages;
    return !spoken || spoken.has(open.language ?? 'en') ? queued : `${queued} ${this.messagesFor(open).noSpeakerOnShift}`;
  }

  /** What the wait estimate and the language warning need, read together (one round trip). */
  private async waitsAndShift(now: Date): Promise<WaitsAndShift> {
    const [recentWaitsMs, shift] = await Promise.all([this.deps.store.recentWaits(), this.deps.onShift ? this.deps.onShift(now).catch(() => undefined) : undefined]);
    return { recentWaitsMs, availableAgents: shift?.available ?? 1, ...(shift?.languages ? { languages: shift.languages } : {}) };
  }

  /** The case's place in line (one O(log n) lookup: the queue is a sorted set, not a list to read). */
  private async placeInQueue(caseId: string): Promise<{ position: number }> {
    return { position: Math.max(1, (await this.deps.store.place(caseId)) ?? 1) };
  }

  private async viewOf(c: HandoffCase, now: Date, viewer: StaffUser): Promise<CaseView> {
    return view(c, now, viewer, c.status === 'queued' ? (await this.placeInQueue(c.id)).position : undefined);
  }

  /**
   * A staff action, run under the case's conversation lock (the turn gate), on the case as it is
   * now: candidate turns and other staff actions on any instance wait, so nothing interleaves.
   */
  private async onCase<T>(caseId: string, work: (current: HandoffCase) => Promise<T>): Promise<T> {
    const { conversationKey } = await this.find(caseId);
    return this.serialise(conversationKey, async () => {
      const current = await this.find(caseId);
      return work(current);
    });
  }

  /** The audit log must not undo an action already taken and told: a failed write is logged. */
  private async audit(entry: AuditEntry): Promise<void> {
    await this.deps.audit.record(entry).catch((error: Error) => this.deps.logger?.error({ reason: error.message, action: entry.action, caseId: entry.caseId }, 'audit entry not written'));
  }

  private async find(caseId: string): Promise<HandoffCase> {
    const found = await this.deps.store.get(caseId);
    if (!found) throw new DeskError('not-found', `handoff: no case "${caseId}"`);
    return found;
  }

  private async change(caseId: string, now: Date, change: (current: HandoffCase) => HandoffCase): Promise<HandoffCase> {
    try {
      const changed = await this.deps.store.update(caseId, change, now);
      await this.announce(changed);
      return changed;
    } catch (error) {
      if (error instanceof CaseNotFoundError) throw new DeskError('not-found', `handoff: no case "${caseId}"`);
      throw error;
    }
  }

  private close(caseId: string, now: Date, closedBy: NonNullable<HandoffCase['closedBy']>, note: string | undefined, viewer?: StaffUser): Promise<HandoffCase> {
    return this.change(caseId, now, (current) => {
      if (current.status === 'closed') throw new DeskError('conflict', `handoff: case ${caseId} is already closed`);
      if (viewer) this.mustOwnOrSupervise(viewer, current);
      return { ...current, status: 'closed', closedAt: now.toISOString(), closedBy, ...(note ? { note } : {}) };
    });
  }

  private mustOwn(viewer: StaffUser, c: HandoffCase): void {
    if (c.status !== 'active' || c.owner !== viewer.username) {
      throw new DeskError('forbidden', `handoff: ${viewer.username} does not own case ${c.id}${c.status === 'active' ? '' : ` (it is ${c.status})`}`);
    }
  }

  private mustOwnOrSupervise(viewer: StaffUser, c: HandoffCase): void {
    if (c.status === 'closed') throw new DeskError('conflict', `handoff: case ${c.id} is closed`);
    if (viewer.role === 'supervisor') return;
    this.mustOwn(viewer, c);
  }

  /** Tells the candidate what changed; the transcript shows the notice and whether it arrived. */
  private async tellCandidate(c: HandoffCase, viewer: StaffUser, text: string, staffNote: string, now: Date, extra: Pick<Reply, 'survey'> = {}): Promise<void> {
    const result = await this.deps.delivery.deliver(c.reference, { text, speaker: { kind: 'system' }, ...(c.language ? { language: c.language } : {}), ...extra });
    await this.addLine(c, {
      ...this.line(now, 'system', staffNote),
      agent: viewer.username,
      delivery: result.delivered ? 'sent' : 'failed',
      ...(result.delivered ? {} : { failure: result.reason }),
    });
  }

  private async addLine(c: HandoffCase, line: TranscriptLine): Promise<void> {
    await this.deps.store.append(c.id, line);
    await this.publish({ type: 'line', caseId: c.id, ...(c.owner ? { owner: c.owner } : {}), line });
  }

  private announce(c: HandoffCase): Promise<void> {
    return this.publish({ type: 'case', caseId: c.id, status: c.status, ...(c.owner ? { owner: c.owner } : {}) });
  }

  /** Live events are hints (the store is the truth): a lost one must not fail the action. */
  private async publish(event: LiveEvent): Promise<void> {
    await this.deps.live.publish(event).catch(() => undefined);
  }

  /** What the candidate of this case is told ("Alex joined", "ended the chat"), in the conversation's language. */
  private messagesFor(c: HandoffCase): HandoffMessages {
    return this.deps.messages(c.language ?? 'en');
  }

  private line(now: Date, from: TranscriptLine['from'], text: string): TranscriptLine {
    return { id: this.newId(), at: now.toISOString(), from, text };
  }
}

const DAY_MS = 86_400_000;
/** The days from `from` to `to` (YYYY-MM-DD, UTC), both included. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(from); time <= Date.parse(to) && days.length < 62; time += DAY_MS) days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

/** Case numbers start at C-1001: four digits from the first case, and never mistaken for a count. */
const CASE_NUMBER_BASE = 1000;
const CASE_NUMBER = /^C-?(\d{1,12})$/i;
const formatCaseNumber = (sequence: number) => `C-${CASE_NUMBER_BASE + sequence}`;

const byQueuedAt = (a: HandoffCase, b: HandoffCase) => a.queuedAt.localeCompare(b.queuedAt);

/**
 * A case as `viewer` may see it. The contact the candidate gave is for the agent who has the case
 * (and supervisors): colleagues looking at the queue see that there is one, not what it is.
 */
function view(c: HandoffCase, now: Date, viewer: StaffUser, position?: number): CaseView {
  const { reference: _reference, conversationKey: _key, contact, ...rest } = c;
  const mayContact = viewer.role === 'supervisor' || (c.owner !== undefined && c.owner === viewer.username);
  const { candidate: _signals, ...shown } = rest;
  return {
    ...shown,
    ...(c.status === 'closed' ? {} : { presence: candidatePresence(c, now) }),
    ...(contact ? (mayContact ? { contact } : { contactGiven: true }) : {}),
    ...(position ? { position } : {}),
    waitingSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(c.queuedAt)) / 1000)),
  };
}

/** Candidates are told the agent's first name only. */
const firstName = (user: StaffUser) => user.name.split(/\s+/)[0] || user.name;

/** A place in line as the candidate is told it: the cases ahead whose candidate left the chat (`gone`, their places) are nobody in front. */
function amongWaiting(place: number, gone: readonly number[]): number {
  return Math.max(1, place - gone.filter((ahead) => ahead < place).length);
}
