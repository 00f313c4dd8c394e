import type { Activity, TurnContext } from 'botbuilder';
import type { Reading } from '../src/conversation/understand.js';
import { readingKey } from '../src/conversation/understand.js';
import type { Reply } from '../src/conversation/reply.js';
import type { TurnFacts } from '../src/conversation/turnFacts.js';
import type { Credentials } from '../src/understanding/credentials.js';
import type { Language } from '../src/language/languages.js';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { turnFacts } from '../src/conversation/turnFacts.js';
import type { TaskDeps } from './taskTypes.js';

/** The dialog ids of the waiting states that are not tasks. */
export const OFFER = 'offer';
export const SIGN_IN = 'sign-in';
export const CANCEL_APPOINTMENT = 'cancel-appointment';

/** A personal question about the candidate's own account, as the account reader names it. */
export interface AccountQuestion {
  kind: string;
  [key: string]: unknown;
}

/** What answering from the account gave: the reply, and appointments the candidate could cancel. */
export interface AccountAnswer {
  reply: Reply;
  outcome: string;
  cancellable?: Array<{ appointmentId: string; label: string }>;
}

export type SignInOutcome = 'signed-in' | 'verification-failed' | 'locked-out' | 'account-unavailable';

/**
 * The candidate's own account, as dialogs see it: no NLU, no storage, only questions a dialog can
 * ask. Absent when there is no account service, or in a shared chat (Teams group, channel).
 */
export interface AccountPort {
  /** Is somebody signed in to an account in this conversation? (The account is read only to answer.) */
  signedIn(context: TurnContext, facts: TurnFacts): Promise<boolean>;
  /**
   * Checks the details and links the conversation; the replies say what happened. `language`: the
   * language the account says the candidate prefers, when it says one.
   */
  signIn(context: TurnContext, credentials: Credentials, facts: TurnFacts): Promise<{ outcome: SignInOutcome; replies: Reply[]; language?: Language }>;
  /** The answer to a personal question from the linked account, or the reason it could not be had. */
  answer(context: TurnContext, question: AccountQuestion, facts: TurnFacts): Promise<AccountAnswer>;
  /** Cancels one appointment, once whatever the retries (the key). */
  cancel(context: TurnContext, appointment: { appointmentId: string; label: string; idempotencyKey: string }, facts: TurnFacts): Promise<{ outcome: string; reply: Reply; keep: boolean }>;
}

/** Everything the conversation's dialogs are built with. */
export interface ConversationDeps extends TaskDeps {
  /** The account port for this turn's conversation, when accounts can be looked at here. */
  account: (context: TurnContext) => AccountPort | undefined;
  /** Which task, if any, this message starts on its own: with its facts, or as a clear request. */
  opensTask: (reading: Reading, facts: TurnFacts) => string | undefined;
  /** The task a message asks for with facts that answer its questions (not just a test named), to switch to. */
  switchesTo: (reading: Reading, facts: TurnFacts) => string | undefined;
  /** There are people to hand over to in the bot (the staff console or an external desk), not only a phone number. */
  handsOver: boolean;
  /** Can the account answer this task (so sign-in is worth offering beside it)? */
  answersFromAccount: (task: string) => boolean;
  /** The account question of the task this message opens, if that task answers from the account. */
  taskAccountQuestion: (reading: Reading, facts: TurnFacts) => AccountQuestion | undefined;
  /** Does the message give this task anything to work with (a date, a test)? */
  findsFacts: (task: string, reading: Reading, facts: TurnFacts) => boolean;
  /** Two tasks the text asks for, each with its part of the text, in the order asked; undefined for fewer. */
  twoTasksIn: (text: string, facts: TurnFacts) => [{ task: string; text: string }, { task: string; text: string }] | undefined;
  /** How many of this task's facts the message gives, read as the answer to its question: the better fit of two offers. */
  factsFound: (task: string, reading: Reading, facts: TurnFacts) => number;
  /** What "help" says at this task's questions, in this language (for an offer of the task, before it starts). */
  taskHelp: (task: string) => string | undefined;
  /** The values of another task's answer this task takes as its own (`TaskSpec.carriesFrom`), if any. */
  carried: (task: string, from: { id: string; values: Record<string, unknown> }) => Record<string, unknown> | undefined;
}

/** The turn's reading, made once by the understanding pass before any dialog runs. */
export function readingOf(context: TurnContext): Reading {
  const reading = context.turnState.get(readingKey) as Reading | undefined;
  if (!reading) throw new Error('dialogs/engine: the turn has no reading (understand() was not run)');
  return reading;
}

export async function send(context: TurnContext, deps: Pick<TaskDeps, 'render'>, reply: Reply): Promise<void> {
  const activity: Partial<Activity> = deps.render(reply, context);
  await context.sendActivity({ ...activity, type: activity.type ?? 'message' });
  // What the candidate was told this turn: a question about it next ("where?") is not told it again.
  const request = requestOf(context);
  request.said = [...(request.said ?? []), reply.text, ...(reply.then ? [reply.then] : [])];
}

/**
 * Answers a question from the linked account: the reply is said, its outcome recorded for the
 * turn's event, and a cancellation with something to cancel goes on to the cancel dialog (whose
 * turn result is returned then). The one place an account answer reaches the candidate.
 */
export async function replyFromAccount(
  dc: DialogContext,
  deps: ConversationDeps,
  question: AccountQuestion,
): Promise<{ answered: AccountAnswer; cancelling?: DialogTurnResult } | undefined> {
  const port = deps.account(dc.context);
  if (!port) return undefined;
  const answered = await port.answer(dc.context, question, turnFacts(dc.context));
  await send(dc.context, deps, answered.reply);
  requestOf(dc.context).account = { outcome: answered.outcome };
  requestOf(dc.context).accountQuestion = question;
  const cancellable = answered.cancellable ?? [];
  if (question.kind !== 'cancel-appointment' || !cancellable.length) return { answered };
  return { answered, cancelling: await dc.beginDialog(CANCEL_APPOINTMENT, { choices: cancellable }) };
}

/** What a dialog asks of the bot once the dialogs have run: hand the conversation to a person. */
export interface TurnRequest {
  handoff?: { reason: 'asked' | 'misunderstood' | 'staff-only'; dialog?: string };
  /** The FAQ entry a dialog answered, for the turn's event. */
  faq?: { decision: string; entryId?: string; facet?: string };
  /** The texts the bot sent this turn, kept as the last reply for a question about it next. */
  said?: string[];
  /** What a dialog did with the account (signed in, cancelled...), for the turn's event; never who. */
  account?: { outcome: string };
  /** The question the account answered this turn: "what about A5?" next asks it again of A5. Kept apart from `account`, which is logged. */
  accountQuestion?: AccountQuestion;
  /** How a dialog ended when another waiting state took its place (a task that gave up). */
  dialog?: { id: string; outcome: string };
  /** A "Did you mean" offer answered: an entry picked, or "None of these" (for the insights). */
  choice?: { outcome: 'picked' | 'none'; entryId?: string };
  /** The language the account just signed in prefers: it settles a later message that only leans that way ("hola"). */
  preferredLanguage?: Language;
}

const requestKey = Symbol('turnRequest');

export function requestOf(context: TurnContext): TurnRequest {
  let request = context.turnState.get(requestKey) as TurnRequest | undefined;
  if (!request) {
    request = {};
    context.turnState.set(requestKey, request);
  }
  return request;
}
