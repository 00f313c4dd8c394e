import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Reply } from '../conversation/reply.js';
import type { RouteAction } from '../conversation/routes.js';
import type { TurnFacts } from '../conversation/turnFacts.js';
import type { Reading } from '../conversation/understand.js';
import type { Messages } from '../messages/en.js';
import type { TurnEvent } from './turnEvents.js';
import type { ConversationData } from './conversationData.js';
import { asksOfNamedTests } from './recentEntries.js';
import { answerBesideTask, answerDecision, answerGapPair, answerPair, asChoice, sourceOf } from '../../dialogs/faqSteps.js';
import { askedOfLastAnswer, partAsked, readOnWithoutPart } from '../understanding/askedOfLastAnswer.js';
import { acknowledgementReply, commandReply } from '../../dialogs/smallTalk.js';
import { readAcknowledgement } from '../understanding/acknowledgements.js';
import { isReroute, RepairDialog } from '../../dialogs/repairDialog.js';
import { OFFER, replyFromAccount, requestOf, send, SIGN_IN, type AccountQuestion, type ConversationDeps } from '../../dialogs/engine.js';
import { TASK_SPECS } from '../../dialogs/index.js';
import { bareNo, detectCommand, keepsWaiting, takesBackPersonRequest } from '../understanding/commands.js';
import { actionOnTheOneShown, asksToSeeOwnRecords, asksWhatToDoNext } from '../understanding/accountQuestions.js';
import { catalogueNames } from '../messages/catalogueNames.js';
import type { Catalogue } from '../rules/types.js';
import { resolveTests, withoutNames } from '../understanding/tests.js';
import { formatLongDate } from '../understanding/dates.js';
import { asksDeadline, asksException, asksIfExpires, asksLoss, asksPayAgain, asksRebuy, asksRefund, asksRetake, asksWhy, verdictAsked } from '../understanding/verdictQuestions.js';
import { TASKS } from '../understanding/taskIntent.js';
import type { Language } from '../language/languages.js';
import type { OfferOptions } from '../../dialogs/offerDialog.js';
import type { TaskOptions, TaskResult } from '../../dialogs/taskDialog.js';
import type { SignInResult } from '../../dialogs/signInDialog.js';
import type { AccountAccess } from './accountAccess.js';
import type { HandoffRelay, Leaving } from '../handoff/relay.js';
import type { FaqEntry } from '../knowledge/faqEntry.js';
import { placedAnswer, type FaqDecision } from '../knowledge/faqAnswerer.js';
import { asksSomething as asksAQuestion, subjectOfQuestion } from './handoffSubject.js';

const withSubject = (subject: { topic: string; subject: string } | undefined) => (subject ? { subject } : {});

/** One turn, as the route actions see it. */
export interface Turn {
  context: TurnContext;
  reading: Reading;
  facts: TurnFacts;
  data: ConversationData;
  dc: DialogContext;
  /** Details for the turn's event. */
  event: Partial<TurnEvent>;
  /** The dialogs on the stack when the turn began: a task not among them was started by this turn. */
  stackBefore: string[];
  /**
   * Staff handed the conversation back and what was on the table before the handoff is back in the
   * conversation's data: the reading's context (the entries just answered) is read again from it.
   */
  contextRestored?: () => void;
}

export interface RouteActionDeps {
  conversation: ConversationDeps;
  messages: Messages;
  /** There is an account service (though not every conversation may use it). */
  accountsConfigured: boolean;
  /** The account, where one can be looked at in this conversation. */
  account: (context: TurnContext) => AccountAccess | undefined;
  /** Handing over to people; absent: the bot gives the phone number. */
  handoff?: HandoffRelay;
  /** What staff may read of the candidate's message (sign-in details never; attachments named). */
  forTheRecord: (context: TurnContext, text: string) => string;
  /** The FAQ entries in each language: a question typed while queued names the case's subject. */
  lookups?: Record<Language, (id: string) => FaqEntry | undefined>;
}

/** "can I reschedule my dentist appointment?" names something else: no ASE task or account answer for it. */
function aboutSomethingElse(reading: Reading): boolean {
  return reading.elsewhere();
}

/** What is left of a message beside its sign-in details asks something: a question mark, or a confident FAQ answer. */
function asksSomething(reading: Reading): boolean {
  // "sign in DEMO-0002 1980-02-02 0002", "Sign in pls, <details>": the rest is the request to sign
  // in itself, never a question for the knowledge base ("sign in" read as the insignia entry).
  if (detectCommand(reading.question.replace(/[\s,;:.!-]+/g, ' ').trim()) === 'signIn') return false;
  return reading.question.includes('?') || reading.faq().kind === 'answer';
}

/** Forgets what the last answers were, so nothing next is read as their follow-up (after a sign-out). */
function forgetAnswers(data: ConversationData): void {
  delete data.recentEntries;
  delete data.lastAnswer;
  delete data.lastAccountQuestion;
  delete data.lastReply;
  delete data.lastTask;
}

/** "cancel it", "cancel that": the cancel command pointing at something just said. */
const POINTS_AT_IT = /\b(?:it|that|this|them)\b/i;

/** Each task's spec by id: what its own question is when asked of the account. */
const SPECS = new Map(TASK_SPECS.map((spec) => [spec.id, spec]));

/** The tests a message only names ("A4", "the brakes one", "A1 and A4"), or none when it says anything else. */
function testsNamedAlone(text: string, catalogue: Catalogue): string[] {
  const tests = resolveTests(text, catalogue).tests.map((test) => test.code);
  const rest = withoutNames(text, catalogue).replace(/\b(?:the|my|a|an|test|tests|exam|exams|one|ones|and|for|about|what about|how about|el|la|examen|prueba|y|de)\b|[\s,.!?&¿¡-]/gi, '');
  return tests.length > 0 && rest === '' ? tests : [];
}

/**
 * Entries about something that is no ASE test series, whose question asked of ASE's own tests is
 * another entry's, one row each: "and my ASE A1 too" right after the EPA 609 answer (its duplicate
 * card) is the duplicate certificate's question, asked of A1.
 */
const ASKED_OF_ASE_TESTS: ReadonlyMap<string, string> = new Map([['epa-609-program', 'duplicate-certificate']]);

/** "and my ASE A1 too", "A1 and A4 certs as well": tests named, with nothing else but words that add them to what was asked. */
const ADDS_TESTS = /\b(?:ase|too|also|as well|same for|same with|certs?|certificates?|certifications?)\b/gi;

/** The entry answering the question just answered, asked of the ASE tests a message only names (`ASKED_OF_ASE_TESTS`). */
function askedOfAseTests(text: string, data: ConversationData, conversation: ConversationDeps): FaqEntry | undefined {
  const target = ASKED_OF_ASE_TESTS.get(data.recentEntries?.[0] ?? '');
  if (!target || testsNamedAlone(text.replace(ADDS_TESTS, ' '), conversation.catalogue).length === 0) return undefined;
  return conversation.lookup(target);
}

/** The one candidate entry whose offered task answers the personal question `kind` from the account. */
function taskOfPersonalQuestion(candidates: ReadonlyArray<{ offer?: { task?: string } }>, kind: string): string | undefined {
  const tasks = candidates.map((entry) => entry.offer?.task).filter((task): task is string => task !== undefined && SPECS.get(task)?.accountQuestion?.({}).kind === kind);
  return tasks.length === 1 ? tasks[0] : undefined;
}

/**
 * Questions about the candidate's own things whose answer is the same for everyone, one row a kind:
 * "when do I get my certificate?" is about three weeks after the test date for anyone, so the
 * general answer comes first and sign-in is offered beside it, never instead (DESIGN.md: sign-in is
 * offered, never imposed). Only where the ranking had that task's entry among its hits.
 */
const ANSWERED_FOR_EVERYONE: ReadonlySet<string> = new Set(['certificate-status']);

/** The entry of the task a personal question is about, when everyone's answer to it is the same and the ranking found it. */
function generalAnswerOf(question: { kind: string } | null, decision: FaqDecision): string | undefined {
  if (!question || !ANSWERED_FOR_EVERYONE.has(question.kind) || (decision.kind !== 'clarify' && decision.kind !== 'unknown')) return undefined;
  const spec = [...SPECS.values()].find((task) => task.accountQuestion?.({}).kind === question.kind);
  const found = decision.kind === 'clarify' ? decision.candidates.map((entry) => entry.id) : decision.hits.flatMap((hit) => (hit.target.kind === 'faq' ? [hit.target.entry.id] : []));
  return spec && found.includes(spec.faqEntry) ? spec.faqEntry : undefined;
}

/**
 * The question the conversation is on, as the account would answer it: the task just answered
 * (still the last thing answered), asked of the account with the values the candidate gave. Signing
 * in now ("can you just look it up?", or the details) answers it from the account.
 */
function pendingAccountQuestion(data: ConversationData): AccountQuestion | undefined {
  const last = data.lastTask;
  const spec = last && SPECS.get(last.id);
  if (!last || !spec?.accountQuestion || !data.recentEntries?.includes(spec.faqEntry)) return undefined;
  return spec.accountQuestion(last.values ?? {});
}

/** The task the entry just answered offers (its facts may come next, offered or not). */
function recentTask(data: ConversationData, conversation: ConversationDeps): string | undefined {
  const entry = data.recentEntries?.[0];
  return entry ? conversation.lookup(entry)?.offer?.task : undefined;
}

/**
 * "is it too late?" / "so I can still take it?" right after a task's answer whose outcome opens or
 * closes a window (the spec's `verdicts`): the answer to it, yes or no; otherwise undefined. Read
 * only when the route table reaches the row `verdict` with a task answered last.
 */
export function verdictOfLastTask(data: ConversationData, text: string, language: Language): boolean | undefined {
  const answered = justAnswered(data);
  const window = answered?.spec.verdicts?.[answered.outcome];
  const asked = window ? verdictAsked(text, language, answered?.spec.id) : null;
  return asked ? asked === window : undefined;
}

/** A sentence of an answer that gives a deadline: "Do it before Wednesday, December 16, 2026 at 9:00 AM." */
const DEADLINE_SENTENCE = /\b(?:before|until|by|no later than|antes del?|hasta(?: el)?)\b[^.]*\b(?:19|20)\d{2}\b/i;

/**
 * "by when?", "what time do I need to do it by", "what's the deadline?" right after a task's answer
 * that worked a deadline out (a change, a purchase window): that answer's sentence giving it;
 * otherwise undefined. Read only when the route table reaches the row `verdict`.
 */
export function deadlineOfLastTask(data: ConversationData, text: string): string | undefined {
  const last = data.lastTask;
  if (!last?.answer || !justAnswered(data) || !asksDeadline(text)) return undefined;
  const sentences = last.answer.split(/(?<=[.!?])\s+(?=[A-Z¿¡])/);
  // No deadline left ("it can no longer be changed"): the answer's own verdict, never the general rule.
  return sentences.find((sentence) => DEADLINE_SENTENCE.test(sentence)) ?? sentences.find((sentence) => !ECHO_SENTENCE.test(sentence));
}

/** The fact given, said back before an answer ("Tuesday, December 15, 2026: got it.", "Changed to ..."): no answer of its own. */
const ECHO_SENTENCE = /(?::\s*(?:got it|noted|entendido|anotado)\.?$)|^(?:Changed to|Cambiado a)\b/i;

/**
 * The follow-up questions a task's answer can be asked, in the order they are tried: the spec's field
 * holding what each outcome says, and the question that asks for it.
 */
const FOLLOW_UPS: ReadonlyArray<readonly ['reasons' | 'refunds' | 'exceptions' | 'retakes' | 'rebuys' | 'ifExpires', (text: string) => boolean]> = [
  // "why not?": the rule behind the outcome.
  ['reasons', asksWhy],
  // "can I get a refund?", "so I just lose the money?": what that outcome does to the money.
  ['refunds', asksRefund],
  // "can I call prometric and get an exception?" after "it can no longer be changed": none known, and who to ask.
  ['exceptions', asksException],
  // "when can I retake it?" after the No Show answer: when that outcome lets the test be taken again.
  ['retakes', asksRetake],
  // "what if I just buy it again?" after "it expired", "how much to rebook?" after the No Show answer: buying it again.
  ['rebuys', asksRebuy],
  // "what happens if it expires?" after "you have until ...": the end of the window.
  ['ifExpires', asksIfExpires],
];

/**
 * The money asked the other way round ("so i lose the money??", "¿pierdo mi dinero?"): the verdict
 * word that leads what the outcome says of a refund is turned to match the question ("No: ... no
 * refund" becomes "Yes: ... no refund"), the rest unchanged.
 */
function inPolarityOf(field: string, text: string, say: (deps: ConversationDeps) => string): (deps: ConversationDeps) => string {
  if (field !== 'refunds' || !asksLoss(text)) return say;
  return (deps) => {
    const { yes, no } = deps.messages.task;
    const said = say(deps);
    if (said.startsWith(`${no}:`) || said.startsWith(`${no},`)) return `${yes}${said.slice(no.length)}`;
    if (said.startsWith(`${yes}:`) || said.startsWith(`${yes},`)) return `${no}${said.slice(yes.length)}`;
    return said;
  };
}

/**
 * "why not?" right after a task's answer whose outcome has a reason (the spec's `reasons`): the
 * rule behind it; "can I get a refund?" after one whose outcome says what happens to the money (the
 * spec's `refunds`): that; an exception asked for, or a retake after a No Show (`exceptions`, `retakes`): those; otherwise undefined. Read only when the route table reaches the row `reason`.
 */
export function reasonOfLastTask(data: ConversationData, text: string): ((deps: ConversationDeps) => string) | undefined {
  const answered = justAnswered(data);
  if (!answered) return undefined;
  for (const [field, asks] of FOLLOW_UPS) {
    const say = answered.spec[field]?.[answered.outcome];
    if (say && asks(text)) return inPolarityOf(field, text, say);
  }
  return undefined;
}

/** A message's parts that may each ask something: its sentences and clauses ("I bought A7 on Sept 20, can I get my money back?"). */
const CLAUSE_BREAK = /[,.;!?]+|\b(?:and|but|also|so)\b/i;

/**
 * A follow-up asked in the same message that began a task and got its answer ("I bought A7 on Sept
 * 20 and never scheduled it, can I get my money back?"): what the spec says of that outcome, read
 * from one part of the message as it would be read alone right after the answer (the same
 * `FOLLOW_UPS` rows, "why" aside: in a first message it asks of something else). Nothing when the
 * answer already speaks of the money it asks about.
 */
export function followUpAskedWithTask(task: string, outcome: string, text: string, answer?: string): ((deps: ConversationDeps) => string) | undefined {
  const spec = SPECS.get(task);
  if (!spec) return undefined;
  const parts = text.split(CLAUSE_BREAK).map((part) => part.trim()).filter(Boolean);
  for (const [field, asks] of FOLLOW_UPS) {
    const say = field === 'reasons' ? undefined : spec[field]?.[outcome];
    if (!say || (field === 'refunds' && answer && /\b(?:refund\w*|reembols\w*)\b/i.test(answer))) continue;
    const part = parts.find((p) => asks(p) || (field === 'rebuys' && asksPayAgain(p)));
    if (part !== undefined) return inPolarityOf(field, part, say);
  }
  const payAgain = spec.payAgain?.[outcome];
  return payAgain && parts.some(asksPayAgain) ? payAgain : undefined;
}

/**
 * The task answered last with its outcome, while the conversation is still about it (its entry is
 * the one answered most recently): what a verdict or a reason can be asked of.
 */
function justAnswered(data: ConversationData): { spec: NonNullable<ReturnType<typeof SPECS.get>>; outcome: string } | undefined {
  const last = data.lastTask;
  const spec = last?.answer ? SPECS.get(last.id) : undefined;
  return spec && data.recentEntries?.[0] === spec.faqEntry ? { spec, outcome: last!.outcome } : undefined;
}

/**
 * The facts of the task just answered that `task` carries from it (`TaskSpec.carriesFrom`), when the
 * message names no test but those that answer rested on; undefined otherwise.
 */
function carriedInto(turn: Turn, task: string, conversation: ConversationDeps): Record<string, unknown> | undefined {
  const previous = turn.data.lastTask;
  if (!previous?.values || previous.id === task || !justAnswered(turn.data)) return undefined;
  const earlier = Object.values(previous.values).filter((value): value is string => typeof value === 'string');
  const named = resolveTests(turn.reading.question, conversation.catalogue).tests.map((test) => test.code);
  if (!named.every((code) => earlier.includes(code))) return undefined;
  return conversation.carried(task, { id: previous.id, values: previous.values });
}

/** Was the task's answer kept in this language? (One kept before languages were noted was the conversation's.) */
const answeredIn = (last: { language?: Language }, language: Language): boolean => (last.language ?? language) === language;

/** The sentence that answers: a worked-out answer leads with it. */
const firstSentence = (text: string): string => text.split(/(?<=[.!?])\s+(?=[A-Z])/)[0] ?? text;

/** An answer's own yes or no ("No: changes aren't allowed..."), left off where the verdict's yes or no leads instead. */
const withoutOwnYesNo = (text: string): string => {
  const rest = text.replace(/^(?:yes|no|s[ií])\b[:,.]?\s*/i, '');
  return rest === text ? text : rest.charAt(0).toUpperCase() + rest.slice(1);
};

/**
 * How a message while handed over asks to leave: "cancel", "back to the bot" always; "never mind"
 * only from the queue (with a question after it, answered next); a bare "no" in the queue is asked
 * about; "keep waiting" stays. After "Do you want to leave the queue?", "yes" / "1" leaves and
 * "no" / "2" stays.
 */
function leavingTheQueue(reading: Reading, askedToLeave: boolean): Leaving {
  if (reading.command === 'cancel' || reading.command === 'startOver') return true;
  if (askedToLeave) {
    const picked = reading.text.trim();
    if (picked === '1' || reading.yesNo === true) return 'if-queued';
    if (picked === '2' || reading.yesNo === false) return 'stay-if-queued';
  }
  if (takesBackPersonRequest(reading.text)) return 'if-queued';
  if (reading.takesBackThenAsks) return 'if-queued-asking';
  if (keepsWaiting(reading.text)) return 'stay-if-queued';
  return bareNo(reading.text) ? 'ask-if-queued' : false;
}

/** The tasks the understanding pass can read a message as (the rest are reached through an answer's offer). */
const DETECTED_TASKS = new Set<string>(TASKS);

const isTaskResult = (value: unknown): value is TaskResult => typeof (value as TaskResult | undefined)?.task === 'string';

/** Notes what a dialog turn ended with: a finished task is remembered (for corrections and for staff). */
export function afterDialog(turn: Turn, result: DialogTurnResult, before?: string): boolean {
  if (isReroute(result.result) && result.status === DialogTurnStatus.complete) return false;
  if (result.status === DialogTurnStatus.cancelled && before) {
    turn.event.dialog = { id: before, outcome: 'cancelled' };
    return true;
  }
  const started = (id: string) => (turn.stackBefore.includes(id) ? {} : { started: true });
  if (result.status === DialogTurnStatus.complete && isTaskResult(result.result)) {
    const { task, outcome, answer, values } = result.result;
    turn.data.lastTask = { id: task, outcome, ...(answer ? { answer, language: turn.facts.language } : {}), ...(values ? { values } : {}) };
    turn.event.dialog = { id: task, outcome, ...started(task) };
  } else if (turn.dc.activeDialog) {
    turn.event.dialog = { id: turn.dc.activeDialog.id, outcome: 'waiting', ...started(turn.dc.activeDialog.id) };
  }
  return true;
}

/** A task to work out from a part of the message. */
interface NextTask {
  task: string;
  text: string;
}

/** Did this dialog result answer that task (it finished with its answer)? */
const answered = (result: DialogTurnResult, task: string): boolean => result.status === DialogTurnStatus.complete && isTaskResult(result.result) && result.result.task === task;

/** The actions the route table names, one function each. */
export function routeActions(deps: RouteActionDeps): Record<RouteAction, (turn: Turn) => Promise<boolean>> {
  const m = deps.messages;
  const say = (turn: Turn, reply: Reply) => send(turn.context, deps.conversation, reply);

  /**
   * "sign in", or the details, while queued or with an agent: signed in as usual (the details are
   * checked with ASE, never passed on as text), and staff told the candidate is verified. Sign-in
   * waiting for the rest of the details takes the next message too. Where the relay cannot tell
   * staff (an external desk), the message is relayed as before (its details masked).
   */
  async function signInWhileHandedOver(turn: Turn, handoff: HandoffRelay): Promise<boolean> {
    const account = deps.account(turn.context);
    const signingIn = turn.dc.activeDialog?.id === SIGN_IN;
    const asks = turn.reading.command === 'signIn' || turn.reading.signInDetails;
    if (!account || !handoff.signedIn || (!signingIn && !asks)) return false;
    const result = signingIn ? await turn.dc.continueDialog() : await turn.dc.beginDialog(SIGN_IN, turn.reading.command === 'signIn' ? {} : { text: turn.reading.text });
    // A message that is none of the details ("ok") leaves sign-in and goes to staff as any other.
    if (!afterDialog(turn, result)) return false;
    if ((result.result as SignInResult | undefined)?.signedIn === true) {
      const told = await handoff.signedIn(turn.context, turn.data, await account.firstName(turn.context, turn.facts.now), turn.facts.now);
      if (told) await say(turn, { text: m.handoff.staffToldSignedIn });
    }
    return true;
  }
  const understood = (turn: Turn) => {
    turn.data.misunderstood = 0;
  };
  /**
   * Two questions in one, one of them the task's: the other one's short answer, before the task
   * works out its own. Not when the other part is only the task's facts: "...? necesito automovil y
   * camiones" names series, and no question of its own (the Master entry also names series).
   */
  const answerTheOtherQuestion = async (turn: Turn, task: string): Promise<FaqEntry | undefined> => {
    const own = SPECS.get(task)?.faqEntry;
    const pair = own ? turn.reading.faqPair() : null;
    const other = pair?.some((entry) => entry.id === own) ? pair.find((entry) => entry.id !== own) : undefined;
    if (!other) return undefined;
    const question = turn.reading.question;
    const unnamed = withoutNames(question, deps.conversation.catalogue);
    const asked = unnamed === question || deps.conversation.faq.decidePair(unnamed, { onTopic: true })?.some((entry) => entry.id === other.id);
    if (!asked) return undefined;
    // Asked after the task's question ("am I master now? and when do i need to recert"): answered
    // after the task's answer, in the order asked.
    if (pair?.[1]?.id === other.id) return other;
    await answerBesideTask(turn.dc, deps.conversation, other);
    return undefined;
  };
  /**
   * The other question of the message, asked after the task's, once the task has had its say: its
   * entry's own task when the message gives that task's facts too ("I passed A1 through A8 in 2021 ...
   * when do i need to recert": the expiry worked out from 2021), else the entry's short answer. A
   * task still waiting for an answer has its question asked again last.
   */
  const answerAfterTask = async (turn: Turn, task: string, entry: FaqEntry, taskAnswered: boolean): Promise<void> => {
    const next = entry.offer?.task;
    if (taskAnswered && next && next !== task && SPECS.has(next) && deps.conversation.findsFacts(next, turn.reading, turn.facts)) {
      afterDialog(turn, await turn.dc.beginDialog(next, { text: turn.reading.question } satisfies TaskOptions));
      return;
    }
    await answerBesideTask(turn.dc, deps.conversation, entry);
    const waiting = !taskAnswered && turn.dc.activeDialog?.id === task ? turn.dc.findDialog(task) : undefined;
    if (waiting instanceof RepairDialog) await waiting.askAgain(turn.dc);
  };
  /** The two tasks a message asks for, each with its facts, in the order asked; undefined for one. */
  const twoTasksIn = (turn: Turn): [NextTask, NextTask] | undefined => deps.conversation.twoTasksIn(turn.reading.question, turn.facts);
  /** The second of two tasks asked together, once the first is answered: said to come next, then worked out. */
  const startNext = async (turn: Turn, next: NextTask): Promise<void> => {
    await say(turn, { text: m.task.nextQuestion(m.task.names[next.task] ?? next.task) });
    afterDialog(turn, await turn.dc.beginDialog(next.task, { text: next.text } satisfies TaskOptions));
  };
  return {
    relayToStaff: async (turn) => {
      const { context, data, reading, facts } = turn;
      const handoff = deps.handoff;
      if (!handoff) return false;
      // With staff, the bot keeps quiet (a picture or a file too: staff see that one came);
      // "cancel" / "back to the bot" (or start over) comes back. The store says who has the case.
      const wasHandedOver = Boolean(data.handoff);
      // "never mind", "no it's fine" while still in the queue takes the request back too; "never
      // mind, when do results come out" as well, and the rows below then answer its question.
      const leaving = leavingTheQueue(reading, data.handoff?.askedToLeave === true);
      if (!leaving && data.handoff && (await signInWhileHandedOver(turn, handoff))) return true;
      const said = deps.forTheRecord(context, reading.text);
      // A question (not "ok", a command or a keyword): a case opened by a bare "talk to a person" is about it.
      const asked = !leaving && deps.lookups && asksAQuestion(reading, false) ? { question: said, ...withSubject(subjectOfQuestion(reading, facts.language, deps.lookups)) } : undefined;
      if (await handoff.during(context, data, said, leaving, facts.now, (reply) => say(turn, reply), asked)) {
        const left = !data.handoff;
        if (left) await turn.dc.cancelAllDialogs();
        turn.event.handoff = { outcome: left ? 'left' : 'relayed' };
        return !(left && leaving === 'if-queued-asking');
      }
      if (wasHandedOver) {
        turn.event.handoff = { outcome: 'resumed' };
        // "what if i was sick" after the missed-appointment answer, staff in between: read in its light.
        turn.contextRestored?.();
      }
      return false;
    },

    askForText: async (turn) => {
      await say(turn, { text: m.emptyMessage });
      return true;
    },

    handOver: async (turn) => {
      const active = turn.dc.activeDialog;
      // Taking up a person the bot offered after misunderstanding keeps that reason and task.
      const offered = active?.id === OFFER ? (active.state.offer as OfferOptions | undefined) : undefined;
      const dialog = offered ? offered.dialog : active?.id;
      await turn.dc.cancelAllDialogs();
      requestOf(turn.context).handoff = { reason: offered?.personReason ?? 'asked', ...(dialog ? { dialog } : {}) };
      return true;
    },

    continueDialog: async (turn) => {
      const before = turn.dc.activeDialog?.id;
      // The second of two tasks asked together waits only while the first does.
      const next = turn.data.nextTask;
      delete turn.data.nextTask;
      const result = await turn.dc.continueDialog();
      const took = afterDialog(turn, result, before);
      if (next && answered(result, next.after)) await startNext(turn, next);
      else if (next && turn.dc.activeDialog?.id === next.after) turn.data.nextTask = next;
      return took;
    },

    switchLanguage: async (turn) => {
      // The bot set the turn's language from the switch; this says so in it, with the starter questions.
      understood(turn);
      // "do u speak spanish?" asked in English is answered in English with how to switch; asked of
      // the language the turn is already in ("do you speak english?" from a Spanish conversation
      // writing English), it is a switch like any other.
      const asked = turn.reading.languageQuestion;
      if (asked && asked !== turn.facts.language) {
        await say(turn, { text: m.languageOffered, suggestions: [m.languageOfferedButton] });
        return true;
      }
      await say(turn, { text: m.languageChanged, suggestions: [...m.welcomeStarters] });
      return true;
    },

    accountCommand: async (turn) => {
      const account = deps.account(turn.context);
      turn.event.command = turn.reading.command ?? undefined;
      if (!account) {
        // Accounts exist, but everyone in a Teams group chat or channel would see the sign-in.
        await say(turn, deps.accountsConfigured ? { text: m.linking.privateOnly } : commandReply(turn.reading.command!, m));
        return true;
      }
      if (turn.reading.command === 'signOut') {
        await say(turn, await account.signOut(turn.context, turn.facts.now));
        // What was answered from the account is no context for what comes next: "did I pass?" after
        // the sign-out is a question of its own (the general answer, sign-in offered), never read as
        // a follow-up of the account's last answer.
        forgetAnswers(turn.data);
        return true;
      }
      const question = pendingAccountQuestion(turn.data);
      const already = await account.signedInAlready(turn.context, turn.facts.now);
      if (already && question) {
        const replied = await replyFromAccount(turn.dc, deps.conversation, question);
        if (replied?.cancelling) afterDialog(turn, replied.cancelling);
      } else if (already) await say(turn, already);
      else afterDialog(turn, await turn.dc.beginDialog(SIGN_IN, question ? { question } : {}));
      return true;
    },

    commandReply: async (turn) => {
      turn.event.command = turn.reading.command ?? undefined;
      understood(turn);
      // "ok back to my question" after a question in between: the task's answer again.
      const lastAnswer = turn.data.lastTask?.answer;
      if (turn.reading.command === 'backToQuestion' && lastAnswer) {
        await say(turn, { text: lastAnswer });
        return true;
      }
      if (turn.reading.command === 'repeat' || turn.reading.command === 'backToQuestion') {
        // "say that again" after an answer: the bot's last words, as kept for the transcript.
        const lines = [...(turn.data.recent ?? [])];
        if (lines.at(-1)?.from === 'candidate') lines.pop();
        const said: string[] = [];
        while (lines.at(-1)?.from === 'bot') said.unshift(lines.pop()!.text);
        if (said.length) {
          await say(turn, { text: said.join('\n\n') });
          return true;
        }
      }
      // "cancel it" right after the candidate's appointments (or the change-or-cancel answer), signed
      // in: a request to cancel one of them (confirmed first), not the stop command.
      if (turn.reading.command === 'cancel' && POINTS_AT_IT.test(turn.reading.text) && turn.data.recentEntries?.includes('change-or-cancel')) {
        const port = deps.conversation.account(turn.context);
        if (port && (await port.signedIn(turn.context, turn.facts))) {
          turn.event.command = undefined;
          const replied = await replyFromAccount(turn.dc, deps.conversation, { kind: 'cancel-appointment' });
          if (replied?.cancelling) afterDialog(turn, replied.cancelling);
          return true;
        }
      }
      // With nothing in progress, "cancel" stops nothing: say so, so it never sounds like a cancellation.
      await say(turn, turn.reading.command === 'cancel' ? { text: m.nothingToStop } : commandReply(turn.reading.command!, m));
      return true;
    },

    answerAskedPart: async (turn) => {
      const asked = askedOfLastAnswer(turn.reading.text);
      const id = turn.data.recentEntries?.[0];
      const entry = id ? deps.conversation.lookup(id) : undefined;
      const part = asked && entry ? partAsked(asked, entry.answer, turn.data.lastReply ?? '') : undefined;
      if (!asked || !entry || (!part && readOnWithoutPart(asked))) return false;
      // "how long do I have?" right after a task worked the deadline out: that deadline (the row `verdict`).
      if (asked === 'how-long' && deadlineOfLastTask(turn.data, turn.reading.text) !== undefined) return false;
      understood(turn);
      if (part) {
        // How long, and the answer's offer to work out the candidate's own day ("Tell me the date you bought ...").
        const offer = asked === 'how-long' && entry.offer?.task ? entry.offer.text : undefined;
        const text = part.said ? m.fromLastAnswer(part.text) : part.text;
        await say(turn, { text: offer ? `${text}\n\n${offer}` : text, source: sourceOf(entry, m) });
        requestOf(turn.context).faq = { decision: 'answer', entryId: entry.id };
        return true;
      }
      // Nothing more in that answer's entry: said plainly, with who can help (a person offered).
      await say(turn, { text: m.nothingMoreOnThat, suggestions: [{ title: m.talkToPerson, value: m.talkToPerson }] });
      await turn.dc.beginDialog(OFFER, { entries: [], person: true } satisfies OfferOptions);
      return true;
    },

    acknowledge: async (turn) => {
      understood(turn);
      const { reading, data } = turn;
      // "no" (or "no thanks") to "Anything else I can help with?": goodbye, never the question again;
      // "yes" to it: go ahead. A bare "yes" or "no" before anything was said: what can I help with.
      if (data.lastWords === 'anything-else' && reading.yesNo !== null && reading.acknowledgement !== 'bye') {
        await say(turn, reading.yesNo ? { text: m.askAway } : acknowledgementReply('bye', m));
        return true;
      }
      if (data.lastWords === undefined && reading.yesNo !== null && readAcknowledgement(reading.text) === null) {
        await say(turn, { text: m.nothingToRepeat });
        return true;
      }
      await say(turn, acknowledgementReply(reading.acknowledgement!, m));
      return true;
    },

    // "what about G1?" right after "did I pass A5?" was answered from the account: the same question
    // asked of the tests now named (it was "I don't know that one", or the FAQ's general answer).
    askAccountAgain: async (turn) => {
      const last = turn.data.lastAccountQuestion;
      const replacement = turn.reading.correction?.replacement;
      const port = deps.conversation.account(turn.context);
      // "ok cancel it" after the appointments just shown: those, to cancel (the dialog confirms). Not
      // after a cancellation (done or declined): "Yes, cancel it" tapped twice cancels nothing more.
      // "can I cancel it?": each one's rule, and the one that can be cancelled offered (asked whether, then confirmed).
      // "I want to change it", "la quiero cambiar": those appointments again, with until when they can
      // still be moved (the FAQ's general "no changes within three days" read as a no).
      const onTheOneShown = actionOnTheOneShown(turn.reading.text);
      if (last && !replacement && port && onTheOneShown && (last.kind === 'appointments' || (onTheOneShown !== 'cancel' && last.kind === 'cancel-appointment')) && (await port.signedIn(turn.context, turn.facts))) {
        understood(turn);
        const kind = onTheOneShown === 'change' ? 'appointments' : 'cancel-appointment';
        const refund = onTheOneShown === 'refund' ? { refund: true } : {};
        const replied = await replyFromAccount(turn.dc, deps.conversation, { kind, ...(last.tests?.length ? { tests: last.tests } : {}), ...refund });
        if (replied?.cancelling) afterDialog(turn, replied.cancelling);
        return true;
      }
      // "what do i need to take" after the account's answer: that answer again, from the account.
      if (last && !replacement && port && asksWhatToDoNext(turn.reading.text) && (await port.signedIn(turn.context, turn.facts))) {
        understood(turn);
        const replied = await replyFromAccount(turn.dc, deps.conversation, last as AccountQuestion);
        if (replied?.cancelling) afterDialog(turn, replied.cancelling);
        return true;
      }
      if (!last || !replacement || !port || !(await port.signedIn(turn.context, turn.facts))) return false;
      const tests = resolveTests(replacement, deps.conversation.catalogue).tests.map((test) => test.code);
      if (!tests.length) return false;
      understood(turn);
      // "what about G1?" after the Master answer (which names no test it was asked of): G1's own certification.
      const replied = await replyFromAccount(turn.dc, deps.conversation, asksOfNamedTests(last.kind) ? { ...last, tests } : { kind: 'expiry', tests });
      if (replied?.cancelling) afterDialog(turn, replied.cancelling);
      return true;
    },

    correctLastTask: async (turn) => {
      const last = turn.data.lastTask;
      // "no, I meant A4"; or "May 20" after an answer from "in May 2019", or "A6 expired actually"
      // after the Master answer: the whole message (the route row says when).
      const replacement = turn.reading.correction?.replacement ?? turn.reading.text;
      if (!last?.values || !replacement) return false;
      const replaced = turn.reading.correction?.replaced;
      const list = turn.reading.correction?.list;
      const options: TaskOptions = { values: last.values, correction: replacement, ...(list ? { list } : {}), ...(replaced ? { replaced } : {}) };
      understood(turn);
      return afterDialog(turn, await turn.dc.beginDialog(last.id, options));
    },

    answerVerdict: async (turn) => {
      const yes = verdictOfLastTask(turn.data, turn.reading.text, turn.facts.language);
      const last = turn.data.lastTask;
      // "by when?", "what time do I need to do it by": the deadline just worked out, said again.
      const deadline = yes === undefined ? deadlineOfLastTask(turn.data, turn.reading.text) : undefined;
      if (deadline && last) {
        understood(turn);
        await say(turn, { text: m.fromLastAnswer(deadline) });
        turn.event.dialog = { id: last.id, outcome: last.outcome };
        return true;
      }
      if (yes === undefined || !last?.answer) return false;
      understood(turn);
      await say(turn, { text: m.task.verdictAgain(yes, withoutOwnYesNo(firstSentence(last.answer))) });
      turn.event.dialog = { id: last.id, outcome: last.outcome };
      return true;
    },

    answerReason: async (turn) => {
      const reason = reasonOfLastTask(turn.data, turn.reading.text);
      const last = turn.data.lastTask;
      if (!reason || !last) return false;
      understood(turn);
      await say(turn, { text: reason(deps.conversation) });
      turn.event.dialog = { id: last.id, outcome: last.outcome };
      return true;
    },

    signInWithDetails: async (turn) => {
      // "I passed A4, when does it expire? <details>": once signed in, the question is answered
      // from the account, whether it reads as an account question or opens a task that does.
      const question = turn.reading.accountQuestion ?? deps.conversation.taskAccountQuestion(turn.reading, turn.facts) ?? (turn.reading.aseIdAlone || !asksSomething(turn.reading) ? pendingAccountQuestion(turn.data) : undefined);
      const result = await turn.dc.beginDialog(SIGN_IN, { text: turn.reading.text, ...(question ? { question } : {}) });
      const taken = afterDialog(turn, result);
      // "can you tell me my results? <details>": signed in, the rest of the message is read on by the
      // rows below (the reading's question is the message without the details), as if sent after.
      const signedIn = (result.result as SignInResult | undefined)?.signedIn === true;
      if (signedIn && !question && asksSomething(turn.reading)) return false;
      return taken;
    },

    startTask: async (turn) => {
      if (aboutSomethingElse(turn.reading)) return false;
      const task = deps.conversation.opensTask(turn.reading, turn.facts);
      if (!task) return false;
      // Two questions in one, the task's with none of its facts ("how much is a duplicate and how
      // long does my certificate take?"): both answered, in the order asked; the task stays on offer.
      const withFacts = deps.conversation.findsFacts(task, turn.reading, turn.facts);
      const pair = turn.reading.faqPair();
      if (pair && !withFacts) {
        understood(turn);
        await answerPair(turn.dc, deps.conversation, pair, task);
        return true;
      }
      understood(turn);
      // Two tasks, each with its facts ("I failed A5 on March 3 and I also want to move my A4
      // appointment on Friday"): both, in the order asked; the second once the first is answered.
      const two = twoTasksIn(turn);
      if (two) {
        const [first, second] = two;
        const result = await turn.dc.beginDialog(first.task, { text: first.text } satisfies TaskOptions);
        afterDialog(turn, result);
        if (answered(result, first.task)) await startNext(turn, second);
        else if (turn.dc.activeDialog?.id === first.task) {
          turn.data.nextTask = { after: first.task, ...second };
          await say(turn, { text: m.task.afterThis(m.task.names[second.task] ?? second.task) });
        }
        return true;
      }
      // With its facts ("how long is a cert good for and how much is a duplicate for auto"): the
      // other question is answered too, never dropped, and the task works out its own.
      const askedAfter = await answerTheOtherQuestion(turn, task);
      // "and if i failed A2?" right after the results answer for A2 taken on March 1: the retest
      // starts from the facts that answer rested on (`TaskSpec.carriesFrom`: the test, the day), as
      // "what if I failed?" does; what the message says comes first, and another test named ("and if
      // I failed A3?") was not taken that day as far as the bot knows: nothing is carried.
      const carried = carriedInto(turn, task, deps.conversation);
      const result = await turn.dc.beginDialog(task, { text: turn.reading.question, ...(carried ? { values: carried, answeredGenerally: true } : {}) } satisfies TaskOptions);
      const taken = afterDialog(turn, result);
      // "..., can I get my money back?" beside the task's facts: that follow-up too, never dropped.
      let alsoAnswered = false;
      if (answered(result, task)) {
        const { outcome, answer } = result.result as TaskResult;
        const alsoAsked = followUpAskedWithTask(task, outcome, turn.reading.question, answer);
        if (alsoAsked) await say(turn, { text: alsoAsked(deps.conversation) });
        alsoAnswered = alsoAsked !== undefined;
      }
      // The follow-up answered from the task's own outcome is that other part ("... and do i have to
      // pay again": a retest is a new purchase), never also an entry's guess at it.
      if (askedAfter && !alsoAnswered) await answerAfterTask(turn, task, askedAfter, answered(result, task));
      return taken;
    },

    answerFromAccount: async (turn) => {
      const port = deps.conversation.account(turn.context);
      const question = turn.reading.accountQuestion;
      if (!port || !question || aboutSomethingElse(turn.reading) || !(await port.signedIn(turn.context, turn.facts))) return false;
      understood(turn);
      const replied = await replyFromAccount(turn.dc, deps.conversation, question);
      if (replied?.cancelling) afterDialog(turn, replied.cancelling);
      return true;
    },

    answerFaq: async (turn) => {
      const ranked = turn.reading.faq();
      const task = turn.reading.task?.task;
      const port = deps.conversation.account(turn.context);
      // Sign-in is offered beside an answer that invites the candidate's own facts, unless signed in.
      const signInHint = Boolean(port && !(await port.signedIn(turn.context, turn.facts)));
      // "oh and when do I get my certificate?", "wen do i get my cert": unsure of the words, sure it is
      // the certificate's own question, whose answer is everyone's: that answer, sign-in offered beside it.
      const general = signInHint && !aboutSomethingElse(turn.reading) ? generalAnswerOf(turn.reading.accountQuestion, ranked) : undefined;
      // "and my ASE A1 too" right after the EPA 609 answer: the same question, asked of ASE's own tests.
      const ofAseTests = !general && (ranked.kind !== 'answer' || ranked.entry.id === turn.data.recentEntries?.[0]) ? askedOfAseTests(turn.reading.text, turn.data, deps.conversation) : undefined;
      const generalEntry = general ? deps.conversation.lookup(general) : ofAseTests;
      const decision: FaqDecision = generalEntry
        ? placedAnswer(generalEntry, deps.conversation.faq.answerAs(generalEntry, turn.reading.question))
        : ranked;
      // Not placed, but the facts the task of the entry just answered needs ("I have T2 T3 T4 T5 T6
      // and T8" after the Master answer): that task takes them, as an offer of it would have.
      // Or placed again on the entry just answered, whose task the message now gives its facts
      // ("back to the cancel, its dec 20" after a detour the same entry answered): the task works
      // them out instead of the same answer again (a new question with facts keeps its answer).
      // A date and nothing else ("sometime in march i think") is no question for the knowledge base,
      // however a known gap scores its hedges ("think" is the appeals gap's): the facts of that task.
      const unplaced = decision.kind === 'unknown' || decision.kind === 'clarify' || turn.reading.dateOnly;
      const again = decision.kind === 'answer' && turn.data.recentEntries?.includes(decision.entry.id) ? decision.entry.offer?.task : undefined;
      // An answer whose offer asks for a fact the same message gives ("when will my results be
      // posted? I took A1 on friday"): the task works it out rather than ask for it again. Only a
      // task no cue of the understanding pass reads (results timing): the others had their say
      // there ("my A8 cert expired in 2024, can I still recert?" is the FAQ's yes, by design).
      const offered = decision.kind === 'answer' && !DETECTED_TASKS.has(decision.entry.offer?.task ?? '') ? decision.entry.offer?.task : undefined;
      // Asked of ASE tests it names ("and my ASE A1 too"): the task of that entry works them out.
      const contextTask = task ? undefined : (ofAseTests?.offer?.task ?? (unplaced ? recentTask(turn.data, deps.conversation) : (again ?? offered)));
      if (contextTask && deps.conversation.findsFacts(contextTask, turn.reading, turn.facts)) {
        understood(turn);
        const askedAfter = await answerTheOtherQuestion(turn, contextTask);
        // Only the entry's own offer is a first answer: the general rule leads if the task must ask.
        const notYetAnswered = (contextTask === offered && contextTask !== again && !unplaced) || contextTask === ofAseTests?.offer?.task;
        const result = await turn.dc.beginDialog(contextTask, { text: turn.reading.question, answeredGenerally: true, ...(notYetAnswered ? { notYetAnswered } : {}) } satisfies TaskOptions);
        const taken = afterDialog(turn, result);
        if (askedAfter) await answerAfterTask(turn, contextTask, askedAfter, answered(result, contextTask));
        return taken;
      }
      // "what if I failed?" right after the results answer: the task the answer offers starts from the
      // facts that answer rested on (the test, the day taken) and works it out, instead of asking
      // for them again (`TaskSpec.carriesFrom`); facts the message gives itself come first.
      const next = decision.kind === 'answer' && (!task || task === decision.entry.offer?.task) ? decision.entry.offer?.task : undefined;
      const previous = turn.data.lastTask;
      const carried = next && previous?.values && previous.id !== next && justAnswered(turn.data) ? deps.conversation.carried(next, { id: previous.id, values: previous.values }) : undefined;
      if (next && carried) {
        understood(turn);
        return afterDialog(turn, await turn.dc.beginDialog(next, { text: turn.reading.question, values: carried, answeredGenerally: true } satisfies TaskOptions));
      }
      // "cuando puedo comprarlo otra vez" after the retest was worked out in English and "en
      // español": the question that task answers, asked again with nothing new, is its worked-out
      // answer again, worked out anew in the turn's language (the one kept is in the other). A
      // follow-up that a facet of the entry answers ("y cómo lo recupero" after the Master status)
      // is that facet's, not the task's verdict again.
      const followUpPart = decision.kind === 'answer' && decision.entry.facet !== undefined;
      if (next && previous?.values && previous.id === next && !followUpPart && !answeredIn(previous, turn.facts.language) && justAnswered(turn.data)) {
        understood(turn);
        return afterDialog(turn, await turn.dc.beginDialog(next, { values: previous.values, answeredGenerally: true } satisfies TaskOptions));
      }
      // A task-shaped question the FAQ cannot place for sure: the task gives its general answer and asks.
      if (unplaced && task) {
        understood(turn);
        // Unless it is one of two questions in one: both answered, the task left on offer.
        const pair = turn.reading.faqPair();
        if (pair) {
          await answerPair(turn.dc, deps.conversation, pair, task);
            return true;
        }
        return afterDialog(turn, await turn.dc.beginDialog(task, { text: turn.reading.question } satisfies TaskOptions));
      }
      // Two questions in one: both short answers, in the order asked, each entry offered in full;
      // before the account's offer, which would answer neither ("when will my cert come and also when
      // do I get the results" is two FAQ answers, not "If you mean your own, that's in your account").
      const pair = decision.kind === 'out-of-scope' ? null : turn.reading.faqPair();
      if (pair) {
        understood(turn);
        await answerPair(turn.dc, deps.conversation, pair);
        return true;
      }
      const signInFor = signInHint && turn.reading.accountQuestion && !aboutSomethingElse(turn.reading) ? turn.reading.accountQuestion : undefined;
      // "when do i get my certificate? took the test nov 20": a "Did you mean" whose one entry is
      // the task the personal question is about (the certificate's, not the results'), and the
      // message gives its facts: worked out, never the account offered instead of the date given.
      const meant = signInFor && decision.kind === 'clarify' ? taskOfPersonalQuestion(decision.candidates, signInFor.kind) : undefined;
      if (meant && deps.conversation.findsFacts(meant, turn.reading, turn.facts)) {
        understood(turn);
        return afterDialog(turn, await turn.dc.beginDialog(meant, { text: turn.reading.question } satisfies TaskOptions));
      }
      // "show me my appointments": only the account holds them, whatever the FAQ would try.
      const onlyTheAccount = signInFor !== undefined && asksToSeeOwnRecords(turn.reading.question, signInFor);
      if (signInFor && decision.kind === 'clarify' && !onlyTheAccount) {
        // "when will I get my certificate?": the account's answer, or one of a few general ones.
        understood(turn);
        await say(turn, {
          text: m.task.inYourAccountOrThese,
          choices: [...decision.candidates.map(asChoice), { title: m.task.signInChoice, value: m.task.signInChoice }],
        });
        // A date next ("dec 15" after "when is my next test appointment") is for the task the personal
        // question is about, when one of the entries offers it.
        const dateFor = taskOfPersonalQuestion(decision.candidates, signInFor.kind);
        return afterDialog(turn, await turn.dc.beginDialog(OFFER, { entries: decision.candidates.map((entry) => entry.id), signInFor, ...(dateFor ? { dateFor } : {}) } satisfies OfferOptions));
      }
      // "can I get an exception?" has an honest general answer (the known gap's): it stands signed out.
      const generalFirst = signInFor?.kind === 'exception' && decision.kind === 'out-of-scope';
      if (signInFor && !generalFirst && (decision.kind !== 'answer' || onlyTheAccount)) {
        // Only the account knows ("when is my test?"): offer sign-in, never demand it. An exception
        // asked for is told there is none in the source first, and who to ask.
        understood(turn);
        const phones = deps.conversation.policy.phones;
        const text =
          signInFor.kind === 'status'
            ? m.task.statusInYourAccount
            : signInFor.kind === 'exception'
              ? m.task.exceptionInYourAccount(phones.prometric.value, phones.aseCustomerService.value)
              : m.task.inYourAccount;
        await say(turn, { text, suggestions: [{ title: m.task.signInChoice, value: m.task.signInChoice }] });
        return afterDialog(turn, await turn.dc.beginDialog(OFFER, { entries: [], signInFor } satisfies OfferOptions));
      }
      // One of the two a known gap ("is there a spanish version, and can my shop pay"): the answer
      // and the gap's honest reply, in the order asked, never the second dropped.
      const gapPair = decision.kind === 'answer' || decision.kind === 'out-of-scope' ? turn.reading.faqGapPair() : null;
      if (gapPair) {
        understood(turn);
        // Its event (decision 'pair', the entry answered) is the one answerGapPair asks for.
        await answerGapPair(turn.dc, deps.conversation, gapPair);
        return true;
      }
      // "1/1/1980" or "march 3" alone, placed nowhere and no task's fact: the date said back, what to
      // tell with it, and (signed out) how sign-in takes a date of birth; never "I don't know that one".
      const date = decision.kind !== 'answer' && turn.reading.dateOnly ? turn.reading.dates[0] : undefined;
      if (date) {
        understood(turn);
        const said = date.form === 'full' || date.form === 'month-day' ? formatLongDate(date.date, turn.facts.language) : `"${date.text.trim()}"`;
        await say(turn, { text: m.aboutDate(said, signInHint) });
        return true;
      }
      // "A4" alone, placed nowhere: the test said back, and what can be asked about it.
      const alone = decision.kind === 'unknown' ? testsNamedAlone(turn.reading.text, deps.conversation.catalogue) : [];
      if (alone.length > 0) {
        understood(turn);
        const names = catalogueNames(deps.conversation.catalogue, turn.facts.language);
        await say(turn, { text: m.aboutTest(alone.map((code) => (names.test(code) ? `${code} (${names.test(code)})` : code)).join(', ')) });
        return afterDialog(turn, await turn.dc.beginDialog(OFFER, { entries: [], tests: alone } satisfies OfferOptions));
      }
      const last = turn.data.lastTask;
      const wasUnderstood = await answerDecision(turn.dc, deps.conversation, decision, turn.data.misunderstood ?? 0, {
        signInHint,
        text: turn.reading.question,
        ...(task ? { task } : {}),
        ...(signInFor ? { signInFor } : {}),
        ...(last?.answer && answeredIn(last, turn.facts.language) ? { workedOut: { task: last.id, answer: last.answer } } : {}),
        ...(turn.data.recentEntries?.[0] ? { after: turn.data.recentEntries[0] } : {}),
      });
      turn.data.misunderstood = wasUnderstood ? 0 : (turn.data.misunderstood ?? 0) + 1;
      const best = decision.kind === 'answer' ? decision.hit : decision.hits[0];
      turn.event.faq = { decision: decision.kind, ...(decision.kind === 'answer' ? { entryId: decision.entry.id, ...(decision.entry.facet ? { facet: decision.entry.facet } : {}) } : {}), score: best?.score, coverage: best?.coverage };
      return true;
    },
  };
}
