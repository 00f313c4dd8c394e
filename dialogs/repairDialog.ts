import { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
import type { DialogContext, DialogReason, DialogTurnResult } from 'botbuilder-dialogs';
import type { Reply } from '../src/conversation/reply.js';
import type { Reading } from '../src/conversation/understand.js';
import { turnFacts } from '../src/conversation/turnFacts.js';
import { paragraphsOf, shortAnswer, withoutRestatements, type FaqEntry } from '../src/knowledge/faqEntry.js';
import { sourceOf } from './faqSteps.js';
import { OFFER, readingOf, replyFromAccount, requestOf, send, SIGN_IN, type ConversationDeps } from './engine.js';
import { acknowledgementReply, commandReply } from './smallTalk.js';

/** What a dialog does with a message that is not its answer and not a command. */
export type UnrelatedPolicy =
  /** Answer it (a FAQ question, small talk), then ask the dialog's question again: tasks, sign-in mid-task. */
  | 'resume'
  /** End quietly and let whoever is below (another dialog, or the route table) take the message: offers. */
  | 'drop';

/** A child dialog that did not take the message hands it back with this result. */
export interface Reroute {
  reroute: true;
}

export const isReroute = (result: unknown): result is Reroute => Boolean((result as Reroute | undefined)?.reroute);

/** Words that say a message is a new matter, not an answer: "actually I missed it yesterday". */
export const SOMETHING_NEW =
  /^(?:actually|also|oh,? and|another (?:question|thing)|different question|new question|what about|and what about|instead|en realidad|de hecho|tambi[eé]n|otra (?:pregunta|cosa)|(?:una )?pregunta (?:diferente|distinta|nueva)|nueva pregunta|y qu[eé] (?:hay de|tal)|ah,? y|en cambio|and (?:when|how|what|where|which|why)|y (?:(?:el|la|mi) \S+ )?(?:cu[aá]ndo|c[oó]mo|qu[eé]|d[oó]nde|cu[aá]l))(?![\p{L}])/iu;

/** A message shaped as a question ("can I get my money back?", "who do I call"). */
export const QUESTION = /\?\s*$|^(?:who|what|when|where|why|how|which|can|could|do|does|did|is|are|will|would|should)\b/i;

interface RepairState {
  /** Answers in a row that made no sense. */
  invalid?: number;
  /** Acknowledgements in a row ("ok", "thanks") while the question waits: only the first repeats it. */
  acknowledged?: number;
}

/**
 * The question itself, without what leads up to it or follows it ("Changes close 72 hours before ...
 * What time is your appointment on Thursday?" -> its last sentence asking something): what an
 * acknowledgement is reminded of. A question with no such sentence is said whole.
 */
function questionAlone(text: string): string {
  const asking = text.split(/(?<=[.?!])\s+/).filter((sentence) => sentence.trim().endsWith('?'));
  return asking.at(-1) ?? text;
}

/**
 * The one base every waiting state extends (BotBuilder-Samples' CancelAndHelpDialog, generalised
 * the way Rasa's conversation-repair patterns are). For every dialog, in this order:
 *   person        "talk to a person", anywhere in the message: the bot hands over
 *   cancel        cancel / start over / bye end every dialog, and say so
 *   help, repeat  help about this step, or the question again
 *   sign-in       "sign in", or the details themselves, start sign-in on top; this dialog resumes
 *   sign-out      "sign out": handed back to the route table's account row, which signs out
 *   switching     another task asked with its own facts: this one is left (and the candidate told)
 *   correction    "no, I meant A4": the dialog re-reads that value
 *   answer        the dialog's own reading of the message
 *   not knowing   "I don't remember" / "not sure": fine (sign-in offered where the account knows), the question again
 *   own account   signed in, a question about the candidate's own things: the account answers, then "Back to your question: ..."
 *   interruption  a FAQ question or small talk: answered, then "Back to your question: ..."
 *   cannot handle one answer that makes no sense is asked again; two offer a person
 */
export abstract class RepairDialog extends Dialog {
  protected abstract readonly unrelated: UnrelatedPolicy;

  constructor(
    id: string,
    protected readonly deps: ConversationDeps,
  ) {
    super(id);
  }

  /** The question the dialog is waiting on. */
  protected abstract question(dc: DialogContext): Reply;

  /** Reads the message as this dialog's answer; undefined when it is not one. */
  protected abstract answer(dc: DialogContext, reading: Reading): Promise<DialogTurnResult | undefined>;

  /** What "help" says at this step. */
  protected help(_dc: DialogContext): string {
    return this.deps.messages.help;
  }

  /** A correction of something said earlier; undefined when this dialog has nothing to correct. */
  protected async correct(_dc: DialogContext, _reading: Reading): Promise<DialogTurnResult | undefined> {
    return undefined;
  }

  /** The task this dialog is, for switching (only tasks are switched away from). */
  protected get task(): string | undefined {
    return undefined;
  }

  /** The task whose fact this dialog asks for, which the account may know ("I don't remember": sign in). */
  protected lookedUpTask(_dc: DialogContext): string | undefined {
    return this.task;
  }

  /** The FAQ entry whose general answer this dialog works out for the candidate, if any (a task's). */
  protected get ownEntry(): string | undefined {
    return undefined;
  }

  /** Was this dialog's own entry's short answer said already (its general answer, at the start)? */
  protected saidOwnAnswer(_dc: DialogContext): boolean {
    return false;
  }

  /** Does this dialog have a step to help with and a question to repeat? (An offer of buttons may not.) */
  protected ownsHelp(_dc: DialogContext): boolean {
    return true;
  }

  /** Is this dialog's question the one "ok back to my question" means? (An offer made after a task's answer is not.) */
  protected isTheQuestion(_dc: DialogContext): boolean {
    return true;
  }

  /** Is the message for the rows below rather than this dialog, whatever else it reads as ("where do i see it?" after an answer)? */
  protected handsBack(_dc: DialogContext, _reading: Reading): boolean {
    return false;
  }

  /**
   * What this dialog's own rule says to a message that reads as another task ("what if i just buy it
   * again today" while a missed appointment's question waits is the No Show rule, not a failed test's
   * wait); the question is then asked again. Undefined: the message is that other task's.
   */
  protected asideOf(_reading: Reading, _opened: string): string | undefined {
    return undefined;
  }

  /** Would the message be taken as this dialog's answer? (No side effects: for deciding what it is.) */
  protected accepts(_dc: DialogContext, _reading: Reading): boolean {
    return false;
  }

  /** What this dialog does with this unrelated message; most dialogs always do the same. */
  protected policyFor(_dc: DialogContext, _reading: Reading): UnrelatedPolicy {
    return this.unrelated;
  }

  /** A child (sign-in) finished: carry on. */
  protected async afterChild(dc: DialogContext, _result: unknown): Promise<DialogTurnResult> {
    return this.ask(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const reading = readingOf(dc.context);
    const m = this.deps.messages;
    const state = dc.activeDialog!.state as RepairState;
    if (!isAcknowledgement(reading)) state.acknowledged = 0;
    if (reading.person) return this.handOver(dc, 'asked');
    if (this.handsBack(dc, reading)) return dc.endDialog({ reroute: true } satisfies Reroute);
    // "en español" while a question waits: the turn already speaks the new language; ask it again in it.
    // "do u speak spanish?": yes and how to switch, then the question again (asked of the turn's own
    // language, it is a switch like any other).
    const asked = reading.languageSwitch ?? reading.languageQuestion;
    if (asked) {
      if (!this.ownsHelp(dc)) return dc.endDialog({ reroute: true } satisfies Reroute);
      return this.ask(dc, reading.languageQuestion && asked !== turnFacts(dc.context).language ? m.languageOffered : m.languageChanged);
    }
    switch (reading.command) {
      case 'cancel':
      case 'startOver':
      case 'goodbye':
        await send(dc.context, this.deps, commandReply(reading.command, m));
        return dc.cancelAllDialogs();
      case 'help':
        if (!this.ownsHelp(dc)) return dc.endDialog({ reroute: true } satisfies Reroute);
        // Always a way out, said the same on every channel ("start over": a bare CANCEL is an SMS opt-out).
        await send(dc.context, this.deps, { text: `${this.help(dc)} ${m.task.wayOut}` });
        return this.ask(dc);
      case 'repeat':
      case 'backToQuestion':
        if (!this.ownsHelp(dc) || (reading.command === 'backToQuestion' && !this.isTheQuestion(dc))) return dc.endDialog({ reroute: true } satisfies Reroute);
        return this.ask(dc);
      case 'signIn':
        if (this.id !== SIGN_IN && this.deps.account(dc.context)) return dc.beginDialog(SIGN_IN, {});
        break;
      case 'signOut':
        // "sign out" while a question waits: the route table's account row signs out (and says so);
        // the question is left, as what it rested on may have been the account's.
        if (this.deps.account(dc.context)) return dc.endDialog({ reroute: true } satisfies Reroute);
        break;
      default:
        break;
    }
    // The details, or an ASE ID alone (the rest is asked for), start sign-in on top; this dialog resumes after.
    if (reading.signInDetails && this.id !== SIGN_IN && this.deps.account(dc.context)) return dc.beginDialog(SIGN_IN, { text: reading.text });
    const task = this.task;
    const facts = turnFacts(dc.context);
    // Another task with its own facts leaves this one, unless the message is simply this one's answer
    // ("T4 expired" answers "which tests have lapsed?") and does not say it is something new.
    // A message that says it is new ("and when does A4 expire?", "y el A4 cuando vence?") needs only
    // the other task's own words and something for it, not an answer to one of its questions.
    const opened = task ? (this.deps.switchesTo(reading, facts) ?? (SOMETHING_NEW.test(reading.text) ? this.deps.opensTask(reading, facts) : undefined)) : undefined;
    const aside = task && opened && opened !== task ? this.asideOf(reading, opened) : undefined;
    if (aside) return this.ask(dc, aside);
    if (task && opened && opened !== task && (SOMETHING_NEW.test(reading.text) || !this.accepts(dc, reading))) {
      await send(dc.context, this.deps, { text: m.task.switched(m.task.names[task] ?? task) });
      return dc.endDialog({ reroute: true } satisfies Reroute);
    }
    if (reading.correction) {
      const corrected = await this.correct(dc, reading);
      if (corrected) return corrected;
    }
    const answered = await this.answer(dc, reading);
    if (answered) {
      state.invalid = 0;
      return answered;
    }
    if (this.policyFor(dc, reading) === 'drop') return dc.endDialog({ reroute: true } satisfies Reroute);
    return this.interrupted(dc, reading, state);
  }

  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    // The child did not take the message: it is ours to read.
    if (isReroute(result)) return this.continueDialog(dc);
    return this.afterChild(dc, result);
  }

  /**
   * The question waiting, asked again after something answered beside it in the same turn ("Back to
   * your question: ..."), so the turn ends on the question.
   */
  async askAgain(dc: DialogContext): Promise<void> {
    await this.ask(dc, this.deps.messages.task.backToIt);
  }

  /**
   * Asks the dialog's question (again), optionally after a lead such as "Back to your question:",
   * and after an answer to something asked in between (then both go in one message).
   */
  protected async ask(dc: DialogContext, lead?: string, after?: Reply): Promise<DialogTurnResult> {
    const question = this.question(dc);
    const asked = lead ? `${lead} ${question.text}` : question.text;
    await send(dc.context, this.deps, after ? { ...after, then: asked, ...(question.choices ? { choices: question.choices } : {}) } : { ...question, text: asked });
    return Dialog.EndOfTurn;
  }

  private async acknowledge(dc: DialogContext, state: RepairState, word: string): Promise<DialogTurnResult> {
    state.acknowledged = (state.acknowledged ?? 0) + 1;
    const question = this.question(dc);
    await send(dc.context, this.deps, state.acknowledged > 1 ? { text: word } : { ...question, text: `${word} ${questionAlone(question.text)}` });
    return Dialog.EndOfTurn;
  }

  private async interrupted(dc: DialogContext, reading: Reading, state: RepairState): Promise<DialogTurnResult> {
    const m = this.deps.messages;
    if (reading.acknowledgement === 'bye') {
      // "thanks, bye" mid-task: they are leaving, and the question is dropped with them.
      await send(dc.context, this.deps, acknowledgementReply('bye', m));
      return dc.cancelAllDialogs();
    }
    if (reading.acknowledgement === 'dismay') {
      // "that sucks", "thats not fair" while a question waits: sorry and a way on, then the question.
      await send(dc.context, this.deps, acknowledgementReply('dismay', m));
      return this.ask(dc, m.task.backToIt);
    }
    if (reading.acknowledgement || reading.command === 'thanks') {
      // "ok" / "thanks" while a question waits: a word of acknowledgement and the question itself,
      // once; after another, the word alone (the question is above, and each repeat costs an SMS).
      return this.acknowledge(dc, state, reading.acknowledgement === 'thanks' || reading.command === 'thanks' ? m.task.welcomeBack : m.task.okayBack);
    }
    // "I don't remember" / "not sure": no nonsense answer and no FAQ question: fine, and the question
    // again (its "or sign in and I'll look it up" included where the task can).
    if (reading.notKnowing && this.ownsHelp(dc)) {
      const task = this.lookedUpTask(dc);
      const account = task !== undefined && this.deps.account(dc.context) !== undefined && this.deps.answersFromAccount(task);
      return this.ask(dc, account ? m.task.notKnowingSignIn : m.task.notKnowingBack);
    }
    if (reading.command) {
      await send(dc.context, this.deps, commandReply(reading.command, m));
      return this.ask(dc, m.task.backToIt);
    }
    // "what appointments do i have", "am I still a master tech" while a question waits, signed in:
    // the account answers it (as the route table's own-account row would), then the question again.
    if (reading.accountQuestion && !reading.elsewhere()) {
      const port = this.deps.account(dc.context);
      if (port && (await port.signedIn(dc.context, turnFacts(dc.context)))) {
        const replied = await replyFromAccount(dc, this.deps, reading.accountQuestion);
        if (replied?.cancelling) return replied.cancelling;
        return this.ask(dc, m.task.backToIt);
      }
    }
    const faq = reading.faq();
    if (faq.kind === 'answer' || faq.kind === 'out-of-scope') {
      // The answer alone: no follow-up buttons and no offer of another task; the question that
      // matters now is this dialog's own. Each sentence once; and from this task's own entry
      // ("what about canceling instead" while the change task asks "which date?"), only the part
      // that answers: the rest is what the task is working out.
      const text = faq.kind === 'answer' ? (faq.entry.id === this.ownEntry ? this.ownAnswerAgain(dc, faq.entry) : withoutRestatements(faq.entry.answer)) : '';
      const answer = faq.kind === 'answer' ? { text, source: sourceOf(faq.entry, m), details: 'on-request' as const } : { text: faq.topic.reply };
      return this.ask(dc, m.task.backToIt, answer);
    }
    if (QUESTION.test(reading.text)) {
      // A question, not a wrong answer: say so plainly, keep the task, and do not count it.
      await send(dc.context, this.deps, { text: m.task.cannotAnswerThat });
      return this.ask(dc, m.task.backToIt);
    }
    state.invalid = (state.invalid ?? 0) + 1;
    if (state.invalid >= 2) {
      await send(dc.context, this.deps, { text: this.deps.handsOver ? m.task.gaveUpOfferPerson : m.task.gaveUp, choices: [{ title: m.talkToPerson, value: m.talkToPerson }] });
      await dc.cancelAllDialogs();
      // The person offered can be picked by its number ("1" on SMS) or its words.
      requestOf(dc.context).dialog = { id: this.task ?? this.id, outcome: 'gave-up' };
      if (dc.findDialog(OFFER)) return dc.beginDialog(OFFER, { entries: [], person: true, personReason: 'misunderstood', ...(this.task ? { dialog: this.task } : {}) });
      return { status: DialogTurnStatus.complete, result: { task: this.task ?? this.id, outcome: 'gave-up' } };
    }
    return this.ask(dc, m.task.didNotGetIt);
  }

  /**
   * The task's own entry asked about again ("do i get my money back" under "There's no refund for a
   * missed appointment"): its short answer, unless it was just said; then it is pointed to, and what
   * the entry says next is the answer's news (never the sentence just said, word for word).
   */
  private ownAnswerAgain(dc: DialogContext, entry: FaqEntry): string {
    const short = shortAnswer(entry);
    const whole = this.deps.lookup(entry.id) ?? entry;
    // A facet's lead ("how long until i can rebook") is news: only the sentence just said is pointed to.
    if (!this.saidOwnAnswer(dc) || short !== shortAnswer(whole)) return short;
    // The whole entry: the one the FAQ gave here may be its first paragraph only.
    const next = paragraphsOf(whole.answer)[1]?.trim();
    return next ? `${this.deps.messages.task.saidAbove} ${next}` : this.deps.messages.task.saidAbove;
  }

  private async handOver(dc: DialogContext, reason: 'asked'): Promise<DialogTurnResult> {
    requestOf(dc.context).handoff = { reason, ...(this.task ? { dialog: this.task } : {}) };
    return dc.cancelAllDialogs();
  }
}

/** "ok", "thanks" (not "bye"): a word of acknowledgement, no answer and no question. */
const isAcknowledgement = (reading: Reading): boolean => (reading.acknowledgement !== null && reading.acknowledgement !== 'bye') || reading.command === 'thanks';
