import { TurnContext } from 'botbuilder-core';
import type { Activity } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Reply } from '../conversation/reply.js';
import type { HandoffService } from './handoffService.js';
import type { HandoffMessages } from '../messages/enHandoff.js';
import { DeskError, type CaseSummary, type HandoffReason, type TranscriptLine } from './types.js';
import { redactBotText, redactText } from '../logging/redact.js';
import { turnLanguage } from '../language/turnLanguage.js';
import type { Language } from '../language/languages.js';

/** What the bot keeps in conversation state about a handoff and the conversation before it. */
export interface HandoffTurnData {
  /** The last few lines of the conversation, redacted: the start of the transcript staff see. */
  recent?: TranscriptLine[];
  /** Set while the candidate is queued or with staff (or an external desk). */
  handoff?: { mode: 'staff' | 'external'; caseId?: string; since: string; askedToLeave?: boolean };
  /** The last guided task that finished, for the staff summary. */
  /** `language`: the one `answer` is in (a switch afterwards has it worked out again in the new one). */
  lastTask?: { id: string; outcome: string; answer?: string; values?: Record<string, unknown>; language?: Language };
  /**
   * What the bot had on the table when it handed over (the entries its last answer came from), put
   * back when staff end the case or hand it back: "when can I retake it?" after the hand-back is
   * still about the missed appointment before it. Opaque here; the bot writes it.
   */
  beforeHandoff?: Record<string, unknown>;
}

/** What the bot learned this conversation, for the case summary. */
export interface HandoffContext {
  reason: HandoffReason;
  /** The candidate's last real question (masked; never a command such as "talk to a person" or "MORE"). */
  question?: string;
  /**
   * What the bot was helping with, as a short name: `topic` in English for the queue, `subject` in
   * the conversation's language for canned replies ("Retaking a failed test" / "Repetir un examen reprobado").
   */
  subject?: { topic: string; subject: string };
  /** A guided task running at the moment of handoff. */
  dialog?: string;
  verified: boolean;
  /** The signed-in candidate's first name (from their ASE account), for the agent to greet them by. */
  firstName?: string;
  now: Date;
}

/**
 * A question the candidate typed while queued (masked as for the record), with what the bot would
 * have called its subject: a case opened by a bare "talk to a person" takes it as its title.
 */
export interface QueuedQuestion {
  question: string;
  subject?: { topic: string; subject: string };
}

/** How a message while handed over asks to leave: not at all, always ("back to the bot"), or only from the queue. */
export type Leaving = boolean | 'if-queued' | 'if-queued-asking' | 'ask-if-queued' | 'stay-if-queued';

/**
 * The bot's side of a handoff, one implementation per mode: the built-in staff console, or an
 * external contact centre reached with the Bot Framework handoff events.
 */
export interface HandoffRelay {
  /** Hands the conversation over and tells the candidate what happens next. */
  start(context: TurnContext, data: HandoffTurnData, about: HandoffContext, send: (reply: Reply) => Promise<void>): Promise<void>;
  /**
   * A message arrived while the conversation is handed over. Returns true when the handoff took it
   * (the bot stays quiet); false when the handoff is over and the bot should answer. `leaving`
   * 'if-queued': the request taken back ("never mind"), which leaves only if nobody has the case yet;
   * 'if-queued-asking': the same with a question after it ("never mind, when do results come out"),
   * which the bot answers next (so the candidate is not asked what they want). `asked`: the message
   * asks something (not "ok", a command or a keyword).
   */
  during(context: TurnContext, data: HandoffTurnData, text: string, leaving: Leaving, now: Date, send: (reply: Reply) => Promise<void>, asked?: QueuedQuestion): Promise<boolean>;
  /**
   * The candidate signed in with the bot while handed over (queued or with an agent): staff are told
   * they are verified (and their first name), never shown the details. False when no case is open.
   */
  signedIn?(context: TurnContext, data: HandoffTurnData, firstName: string | undefined, now: Date): Promise<boolean>;
  /** An event activity (handoff.status from an external desk); true when it was about the handoff. */
  onEvent?(context: TurnContext, data: HandoffTurnData, now: Date, send: (reply: Reply) => Promise<void>): Promise<boolean>;
}

const RECENT_LINES = 20;
const MAX_LINE_CHARS = 500;
/**
 * The bot's lines are kept shorter: its answers lead with the sentence that answers, and the rest
 * is the knowledge base's text, which staff can read there. The recent lines are most of a
 * conversation's stored state, read and written on every turn.
 */
const MAX_BOT_LINE_CHARS = 300;

/** Cut to `max` characters at a word, marked with an ellipsis when cut. */
function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** At most this many choices, each this long, are kept with a bot line: the rest is in the knowledge base. */
const MAX_CHOICES = 8;
const MAX_CHOICE_CHARS = 80;

/** Keeps the last lines of the conversation (redacted) in the turn's state; a bot line keeps the choices it offered. */
export function noteLine(data: HandoffTurnData, from: TranscriptLine['from'], text: string, now: Date, choices: string[] = []): void {
  if (!text.trim()) return;
  const redact = from === 'bot' ? redactBotText : redactText;
  // Only the kept part is masked: an address or number is far shorter than the margin, so nothing
  // that starts inside the line is cut before it is masked.
  const max = from === 'bot' ? MAX_BOT_LINE_CHARS : MAX_LINE_CHARS;
  const offered = choices.slice(0, MAX_CHOICES).map((choice) => shortened(redactBotText(choice.slice(0, MAX_CHOICE_CHARS + 50)), MAX_CHOICE_CHARS));
  const line: TranscriptLine = { id: randomUUID(), at: now.toISOString(), from, text: shortened(redact(text.slice(0, max + 200)), max), ...(offered.length ? { choices: offered } : {}) };
  data.recent = [...(data.recent ?? []), line].slice(-RECENT_LINES);
}

/** The text a candidate sees in what the bot sent (cards included, as their plain words). */
export function spokenText(activity: Partial<Activity>): string {
  const parts = [activity.text ?? ''];
  for (const attachment of activity.attachments ?? []) {
    const body = (attachment.content as { body?: Array<{ text?: string }> } | undefined)?.body;
    if (Array.isArray(body)) parts.push(...body.map((element) => element?.text ?? '').filter(Boolean));
  }
  return parts.filter(Boolean).join('\n');
}

/**
 * The choices an outgoing message offered as buttons (suggested actions, a card's actions), by their
 * titles: "Did you mean one of these?" says nothing to staff without them. A text message's choices
 * are already numbered lines of its text.
 */
export function offeredChoices(activity: Partial<Activity>): string[] {
  if (Array.isArray((activity.channelData as { choices?: unknown } | undefined)?.choices)) return [];
  const titles = (activity.suggestedActions?.actions ?? []).map((action) => action?.title ?? (typeof action?.value === 'string' ? action.value : ''));
  for (const attachment of activity.attachments ?? []) {
    const actions = (attachment.content as { actions?: Array<{ title?: string }> } | undefined)?.actions;
    if (Array.isArray(actions)) titles.push(...actions.map((action) => action?.title ?? ''));
  }
  return titles.filter((title): title is string => typeof title === 'string' && title.trim() !== '').map((title) => title.trim());
}

export function caseSummary(data: HandoffTurnData, about: HandoffContext): CaseSummary {
  const task = about.dialog ?? data.lastTask?.id;
  const answer = data.lastTask && (!about.dialog || about.dialog === data.lastTask.id) ? data.lastTask.answer : undefined;
  return {
    ...(about.question ? { question: redactText(about.question).slice(0, MAX_LINE_CHARS) } : {}),
    ...(about.subject ? { subject: about.subject.subject } : {}),
    ...(task ? { dialog: task } : {}),
    ...(answer ? { facts: [{ label: "The bot's answer", value: redactBotText(answer).slice(0, MAX_LINE_CHARS) }] } : {}),
    verified: about.verified,
    ...(about.firstName ? { firstName: about.firstName } : {}),
  };
}

/** The queue's title for the case: what the bot was helping with, else the last real question (masked). */
export function topicOf(about: HandoffContext): string | undefined {
  return about.subject?.topic ?? (about.question ? redactText(about.question).slice(0, 80) : undefined);
}

/** A case's title and summary from a question typed while queued, as `topicOf` and `caseSummary` make them at the start. */
function titleOf(asked: QueuedQuestion): { topic: string; question: string; subject?: string } {
  const question = redactText(asked.question).slice(0, MAX_LINE_CHARS);
  return { topic: topicOf({ question: asked.question, ...(asked.subject ? { subject: asked.subject } : {}) } as HandoffContext)!, question, ...(asked.subject ? { subject: asked.subject.subject } : {}) };
}

/** The built-in staff console: a case in the shared queue. */
export class StaffHandoffRelay implements HandoffRelay {
  constructor(
    private readonly service: HandoffService,
    private readonly messages: (language: Language) => HandoffMessages,
  ) {}

  async start(context: TurnContext, data: HandoffTurnData, about: HandoffContext, send: (reply: Reply) => Promise<void>): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    const { case: opened, reply } = await this.service.request(
      {
        reference,
        conversationKey: conversationKeyOf(context),
        channel: context.activity.channelId,
        reason: about.reason,
        language: turnLanguage(context),
        ...(topicOf(about) ? { topic: topicOf(about) } : {}),
        summary: caseSummary(data, about),
        history: data.recent ?? [],
        // The contact given with "I need a human, email me at ..." is for the agent, as one given while queued.
        ...(about.reason === 'asked' && context.activity.text ? { asked: context.activity.text } : {}),
      },
      about.now,
    );
    data.handoff = { mode: 'staff', caseId: opened.id, since: about.now.toISOString() };
    // The reply is already the transcript's last line (written with the case): staff see what the
    // candidate was told; the case is open whether or not it lands.
    await send(reply);
  }

  /**
   * `leaving`: "back to the bot" (always leaves); 'if-queued': a request taken back ("never mind"),
   * which leaves only while nobody has taken the case (said to an agent, it is a message for them).
   */
  async during(context: TurnContext, data: HandoffTurnData, text: string, leaving: Leaving, now: Date, send: (reply: Reply) => Promise<void>, asked?: QueuedQuestion): Promise<boolean> {
    // The store, not the flag in conversation state, says whether staff have the conversation: a
    // turn that failed after queuing (its state unsaved) must not leave the candidate unheard.
    const open = await this.service.openCaseFor(conversationKeyOf(context));
    if (!open) {
      // Staff ended it or handed it back (the candidate was told then): the bot answers again, with
      // what it had on the table before the handoff. Only then: a candidate who left the queue
      // themselves ("back to the bot") left that table behind, and a bare date next is no old task's.
      const handedBack = data.handoff !== undefined;
      data.handoff = undefined;
      if (handedBack && data.beforeHandoff) Object.assign(data, data.beforeHandoff);
      delete data.beforeHandoff;
      return false;
    }
    data.handoff = { mode: 'staff', caseId: open.id, since: data.handoff?.since ?? now.toISOString() };
    // A bare "no" in the queue: asked whether to leave it (buttons), nothing passed on to staff;
    // "keep waiting" (or "no" to that question) keeps the place, said with it.
    if (leaving === 'ask-if-queued' && open.status === 'queued') {
      const m = this.messages(turnLanguage(context));
      data.handoff.askedToLeave = true;
      await send({ text: m.askLeaveQueue, choices: [{ title: m.leaveQueueYes, value: m.leaveQueueYesValue }, { title: m.leaveQueueNo, value: m.leaveQueueNoValue }] });
      return true;
    }
    if (leaving === 'stay-if-queued' && open.status === 'queued') {
      await send({ text: await this.service.stayingInLine(open, now) });
      return true;
    }
    if (leaving === true || ((leaving === 'if-queued' || leaving === 'if-queued-asking') && open.status === 'queued')) {
      await this.service.candidateSaid(open, text, now);
      const reply = await this.service.candidateLeft(open, now, { asking: leaving === 'if-queued-asking' }).catch((error: unknown) => {
        // Staff closed it a moment ago: the candidate is back with the bot either way.
        if (error instanceof DeskError && error.code === 'conflict') return { text: this.messages(turnLanguage(context)).left };
        throw error;
      });
      data.handoff = undefined;
      // Left by the candidate, not handed back: what was on the table before stays off it.
      delete data.beforeHandoff;
      await send(reply);
      return true;
    }
    // Opened by a bare "talk to a person", the case's title was the reason: the first question typed
    // while queued says what it is about (the subject's short name, else the question, masked).
    const retitle = asked && open.status === 'queued' && !open.summary.question && !open.summary.subject ? titleOf(asked) : undefined;
    await this.service.candidateSaid(open, text, now, retitle);
    // Waiting in the queue, the candidate is told their message arrived, rather than met with silence.
    const note = await this.service.waitingNote(open, now, text);
    if (note) await send({ text: note });
    return true;
  }

  async signedIn(context: TurnContext, data: HandoffTurnData, firstName: string | undefined, now: Date): Promise<boolean> {
    const open = await this.service.openCaseFor(conversationKeyOf(context));
    if (!open) {
      data.handoff = undefined;
      return false;
    }
    await this.service.candidateSignedIn(open, firstName, now);
    return true;
  }
}

export const conversationKeyOf = (context: TurnContext) => `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;
