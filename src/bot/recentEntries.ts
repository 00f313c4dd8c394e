import type { DialogContext } from 'botbuilder-dialogs';
import { TASK_SPECS } from '../../dialogs/index.js';
import type { ConversationData } from './conversationData.js';
import type { TurnEvent } from './turnEvents.js';
import type { TurnObserver } from './turnObservers.js';
import type { Reading } from '../conversation/understand.js';

/** Each task's FAQ entry: its general answer, and the context of a follow-up asked while it runs or after. */
const TASK_ENTRY = new Map(TASK_SPECS.map((spec) => [spec.id, spec.faqEntry]));

/** The FAQ entry of a guided task (its general answer), if it has one. */
export const entryOfTask = (taskId: string): string | undefined => TASK_ENTRY.get(taskId);

/**
 * What an answer from the account was about, as the FAQ entry a short follow-up is read in the light
 * of. An appointment cancelled (or offered to be) from the account, or the list of the candidate's
 * appointments, is the change-or-cancel entry's matter: "will I get a refund?" next is read in its
 * light, and "cancel it" is a request to cancel one. So is each other account answer its entry's:
 * "what do i need to do" after "your Master status is suspended", "how do i fix that" after "your
 * certificate waits on your work experience" (the bot said "I don't know that one" to both).
 * The first row that matches the outcome wins.
 */
const ACCOUNT_OUTCOME_ENTRY: ReadonlyArray<[RegExp, string]> = [
  [/^(?:cancel|appointments-listed)/, 'change-or-cancel'],
  [/^results/, 'test-results'],
  [/^retest-no-show-only|^no-show/, 'missed-appointment'],
  [/^retest/, 'retest-after-failing'],
  [/^master/, 'master-technician-status'],
  [/^expir/, 'recertification'],
  [/^duplicates/, 'duplicate-certificate'],
  [/^certificate-delayed/, 'work-experience'],
  [/^certificate/, 'certificate-delivery'],
  [/^purchases/, 'registration-scheduling'],
];

/**
 * The entries the conversation has just been about, most recent first: a task waiting for an answer
 * (its general answer is its entry), then what the last turns answered. A short follow-up is read in
 * their light ("do I get a refund?" right after the missed-appointment answer).
 */
export function recentEntries(dc: DialogContext, data: ConversationData): string[] {
  // The stack's last instance is the active one: the task nearest the top is the one waiting.
  const waiting = [...dc.stack].reverse().flatMap((instance) => TASK_ENTRY.get(instance.id) ?? []);
  return [...new Set([...waiting.slice(0, 1), ...(data.recentEntries ?? [])])];
}

/** The account questions that can be asked of named tests ("did I pass A5?", "when is my A4 appointment?"). */
const OF_NAMED_TESTS = new Set(['appointments', 'cancel-appointment', 'expiry', 'retest', 'results']);
/** Whether "what about G1?" after an answer to `kind` asks the same of G1. */
export const asksOfNamedTests = (kind: string): boolean => OF_NAMED_TESTS.has(kind);
/** Kept too, for "what do i need to take" next (the answer again): questions of no named test. */
const KEPT = new Set([...OF_NAMED_TESTS, 'master', 'purchases', 'certificate-status']);

/**
 * The account's question this turn, kept for "what about G1?" next; anything else answered (not an
 * "ok") puts it away, so a test named later is read afresh.
 */
export function noteAccountQuestion(data: ConversationData, asked: { kind: string; tests?: unknown } | undefined, reading: Pick<Reading, 'acknowledgement'>): void {
  if (asked && KEPT.has(asked.kind)) {
    const tests = Array.isArray(asked.tests) ? asked.tests.filter((t): t is string => typeof t === 'string') : undefined;
    data.lastAccountQuestion = { kind: asked.kind, ...(tests?.length ? { tests } : {}) };
  } else if (!reading.acknowledgement) {
    delete data.lastAccountQuestion;
  }
}

/**
 * What this turn leaves as the context of the next: the entries it answered from (an answer, two
 * answers, a task's), kept through an acknowledgement ("ok") or a wait; dropped when the bot could not
 * place the message (a known gap, "did you mean", not understood), or the candidate ended it
 * (cancel, start over, goodbye, a person).
 */
export function noteRecentEntries(data: ConversationData, event: Partial<TurnEvent>, reading: Pick<Reading, 'command' | 'acknowledgement' | 'person'>): void {
  // Cancel, start over, goodbye or a person: whatever was on the table is off it.
  const ended = ['cancel', 'startOver', 'goodbye'].includes(reading.command ?? '') || reading.acknowledgement === 'bye' || reading.person || event.handoff !== undefined;
  if (ended) {
    // Handed to a person: kept aside, and put back if staff hand the conversation back (src/handoff/relay.ts).
    if (event.handoff?.outcome === 'started') data.beforeHandoff = data.recentEntries ? { recentEntries: data.recentEntries } : undefined;
    data.recentEntries = data.lastAnswer = undefined;
    return;
  }
  const answered = event.faq?.decision === 'answer' || event.faq?.decision === 'pair' ? event.faq.entryId?.split('+') : undefined;
  const task = event.dialog && TASK_ENTRY.get(event.dialog.id);
  const account = event.account && ACCOUNT_OUTCOME_ENTRY.find(([outcome]) => outcome.test(event.account!.outcome))?.[1];
  if (answered?.length) data.recentEntries = answered;
  else if (account) data.recentEntries = [account];
  else if (task && event.dialog?.outcome !== 'cancelled' && event.dialog?.outcome !== 'gave-up') data.recentEntries = [task];
  else if (event.faq) data.recentEntries = undefined;
  // The one whole answer just given, kept as long as the context is (through an "ok"): the same answer
  // asked for again next is cut to the part that answers. Anything else the bot said replaces it.
  const whole = event.faq?.decision === 'answer' && answered?.length === 1 ? { entry: answered[0]!, ...(event.faq.facet ? { facet: event.faq.facet } : {}) } : undefined;
  if (whole) data.lastAnswer = whole;
  else if (event.faq || account || task || !data.recentEntries) data.lastAnswer = undefined;
}

/** Keeps the entries (and the one whole answer) a short follow-up next is read in the light of. */
export const recentEntriesObserver: TurnObserver = {
  name: 'recentEntries',
  done: ({ data, event, reading }) => noteRecentEntries(data, event, reading),
};

/** Keeps the account's question this turn for "what about G1?" next. */
export const accountQuestionObserver: TurnObserver = {
  name: 'lastAccountQuestion',
  done: ({ data, request, reading }) => noteAccountQuestion(data, request.accountQuestion, reading),
};
