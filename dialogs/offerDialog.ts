import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { Reply } from '../src/conversation/reply.js';
import type { Reading } from '../src/conversation/understand.js';
import { turnFacts, type TurnFacts } from '../src/conversation/turnFacts.js';
import { pickChoice } from '../src/understanding/choices.js';
import { resolveTests, withoutNames } from '../src/understanding/tests.js';
import { detectTask } from '../src/understanding/taskIntent.js';
import { isYearOnly } from '../src/understanding/dates.js';
import { askedOfLastAnswer } from '../src/understanding/askedOfLastAnswer.js';
import { OFFER, replyFromAccount, requestOf, send, SIGN_IN, type AccountQuestion, type ConversationDeps } from './engine.js';
import { answerEntry, didYouMeanReply } from './faqSteps.js';
import { RepairDialog, SOMETHING_NEW, type Reroute, type UnrelatedPolicy } from './repairDialog.js';
import { acknowledgementReply } from './smallTalk.js';
import type { TaskOptions } from './taskDialog.js';

export interface OfferOptions {
  /** FAQ entries offered (follow-ups, "did you mean", suggestions), by id, in the order shown. */
  entries: string[];
  /** "None of these" was offered too. */
  none?: boolean;
  /** The guided task the answer offered to run with the candidate's own facts. */
  task?: string;
  /** The question the offer answered, read again by the task when the candidate signs in. */
  text?: string;
  /** The offer as it was made ("Tell me the date you took it and I'll work it out"), to make again. */
  prompt?: string;
  /** The entry whose answer made that offer: made again, it is said in the conversation's language now. */
  offeredBy?: string;
  /** "Talk to a person" was offered (a button, or a numbered line on SMS). */
  person?: boolean;
  /** Why a person was offered, and the task that led there, for the staff summary. */
  personReason?: 'asked' | 'misunderstood';
  dialog?: string;
  /** Sign-in was offered to answer this question from the account. */
  signInFor?: AccountQuestion;
  /**
   * The task that personal question is about, when one of the entries offers it: a date alone next
   * ("dec 15" after "when is my next test appointment") is that task's fact, not a new question.
   */
  dateFor?: string;
  /** The offer was already made again after a question in between: it is not made a third time. */
  madeAgain?: boolean;
  /** An "ok" was answered and the offer kept open once: a second one lets it go. */
  heldOnce?: boolean;
  /** The task worked out before this answer: "no, I meant September 1" corrects it, not this offer. */
  afterTask?: string;
  /** Made over another offered task, still open beneath: "ok back to my question" means that one (`AnswerExtra.over`). */
  over?: string;
  /** The entry whose answer made this offer, when it has caveats for the next answer (a follow-up tapped). */
  from?: string;
  /** Tests named alone ("A4": "what would you like to know about it?"): a task asked next without a test is about them. */
  tests?: string[];
  /** The candidate said no to it: a yes next ("ok do it", "actually yes") takes it up after all. */
  declined?: boolean;
}

const WORDS_IN_A_REPLY = 6;
/** Offers kept open at once: older ones are read after the newest hands a message back. */
const MAX_OFFERS = 3;
const NONE = '\u0000none';
const PERSON = '\u0000person';

/**
 * "I passed G1 in 2021" ended in "Did you mean" (or an offer); "march" next: the year said before
 * holds for a reply that names a month or a day and no year ("march" is March 2021, never this
 * year's; ut23). The reply as it was otherwise.
 */
function withYearSaidBefore(before: string | undefined, reply: string, facts: TurnFacts): string {
  if (!before) return reply;
  const years = facts.dates(before).filter(isYearOnly);
  const said = facts.dates(reply).filter((mention) => mention.form !== 'time');
  if (years.length !== 1 || !said.length || !said.every((mention) => mention.impliedYear === true && (mention.form === 'partial' || mention.form === 'month-day'))) return reply;
  const year = /(?:19|20)\d{2}/.exec(years[0]!.text)?.[0];
  return year ? `${reply} ${year}` : reply;
}

/** A question that asks when ("when does A1 expire?", "¿cuándo vence mi A1?"): no reply to an offer that asked for something else. */
const ASKS_WHEN = /^(?:when|cu[aá]ndo|hasta cu[aá]ndo)\b/i;

/**
 * What the bot offered after an answer: follow-up questions to tap, "did you mean" candidates, a
 * task that needs one fact ("tell me the date you took it"), sign-in. Waits one message: a pick, or
 * the fact, takes the offer up; anything else drops it and is read afresh.
 */
export class OfferDialog extends RepairDialog {
  protected readonly unrelated: UnrelatedPolicy = 'drop';

  constructor(deps: ConversationDeps) {
    super(OFFER, deps);
  }

  override async beginDialog(dc: DialogContext, options?: OfferOptions): Promise<DialogTurnResult> {
    dc.activeDialog!.state.offer = options ?? { entries: [] };
    return RepairDialog.EndOfTurn;
  }

  /** Help and "say that again" are the conversation's, unless the offer asked for something. */
  protected override ownsHelp(dc: DialogContext): boolean {
    const offer = this.offer(dc);
    return Boolean(offer.task && offer.prompt);
  }

  /** "where do i see it?", "how?" after the answer that made the offer asks about that answer: the route row `asked-of-answer`. */
  protected override handsBack(_dc: DialogContext, reading: Reading): boolean {
    return askedOfLastAnswer(reading.text) !== null;
  }

  protected override lookedUpTask(dc: DialogContext): string | undefined {
    return this.offer(dc).task;
  }

  /** "ok back to my question" after an answer made once a task was worked out means that task's answer. */
  protected override isTheQuestion(dc: DialogContext): boolean {
    const offer = this.offer(dc);
    // Nor an offer made over another, a question asked in between: that one beneath was the question.
    return offer.afterTask === undefined && offer.over === undefined;
  }

  /** Help at an offer of a task is that task's help (what to tell, with an example); else the conversation's. */
  protected override help(dc: DialogContext): string {
    const { task } = this.offer(dc);
    return (task && this.deps.taskHelp(task)) || this.deps.messages.help;
  }

  /** The offer in the conversation's language now ("en español" after it was made in English). */
  private promptOf(offer: OfferOptions): string | undefined {
    return (offer.offeredBy && this.deps.lookup(offer.offeredBy)?.offer?.text) || offer.prompt;
  }

  protected question(dc: DialogContext): Reply {
    const offer = this.offer(dc);
    const prompt = offer.task ? this.promptOf(offer) : undefined;
    if (prompt) return { text: prompt };
    const entries = offer.entries.flatMap((id) => this.deps.lookup(id) ?? []);
    return didYouMeanReply(entries, this.deps.messages, entries.length === 1 && offer.none === true);
  }

  protected async answer(dc: DialogContext, reading: Reading): Promise<DialogTurnResult | undefined> {
    const m = this.deps.messages;
    const offer = this.offer(dc);
    const entries = offer.entries.flatMap((id) => this.deps.lookup(id) ?? []);
    const choices = [
      ...entries.map((e) => ({ title: e.button, value: e.id })),
      ...(offer.none ? [{ title: m.noneOfThese, value: NONE }] : []),
      ...(offer.person ? [{ title: m.talkToPerson, value: PERSON }] : []),
    ];
    // A button shows the short title and sends the full question: either one picks its entry.
    // "Did you mean: X?" of one entry is answered yes or no ("yes", "no", "nope"): that entry, or none.
    const single = offer.none && entries.length === 1 && reading.yesNo !== null && reading.text.trim().split(/\s+/).length <= 3 ? entries[0] : undefined;
    const picked =
      pickChoice(reading.text, choices) ??
      pickChoice(reading.text, entries.map((e) => ({ title: e.question, value: e.id })), { exactOnly: true }) ??
      (single ? { title: single.button, value: reading.yesNo ? single.id : NONE } : undefined);
    if (picked?.value === NONE) {
      requestOf(dc.context).choice = { outcome: 'none' };
      await dc.endDialog();
      await send(dc.context, this.deps, { text: m.noneChosen, choices: [{ title: m.talkToPerson, value: m.talkToPerson }] });
      await dc.beginDialog(OFFER, { entries: [], person: true } satisfies OfferOptions);
      return { status: DialogTurnStatus.waiting };
    }
    if (picked?.value === PERSON) {
      requestOf(dc.context).handoff = { reason: offer.personReason ?? 'asked', ...(offer.dialog ? { dialog: offer.dialog } : {}) };
      return dc.cancelAllDialogs();
    }
    const entry = picked ? this.deps.lookup(picked.value) : undefined;
    if (entry) {
      // Only a "Did you mean" (the one offer with "None of these") counts as a choice in the insights.
      if (offer.none) requestOf(dc.context).choice = { outcome: 'picked', entryId: entry.id };
      await dc.endDialog();
      await answerEntry(dc, this.deps, entry, offer.from ? { after: offer.from } : {});
      return RepairDialog.EndOfTurn;
    }
    // A yes to what was offered: after a No ("no", then "ok do it"), any yes; else one that is more
    // than "ok" or "yes" alone ("ok do it", "go ahead", "yes please"), which leaves the offer standing
    // below. The task asks its first question (its general answer was given), or sign-in starts;
    // never a how-to paragraph read out of "do it".
    const takenUp = reading.yesNo === true && (offer.declined === true || reading.acknowledgement === null);
    if (takenUp && offer.task && offer.prompt && dc.findDialog(offer.task)) {
      return dc.replaceDialog(offer.task, { answeredGenerally: true, ...(offer.text ? { asked: offer.text } : {}) } satisfies TaskOptions);
    }
    if (takenUp && offer.signInFor && offer.declined) return dc.beginDialog(SIGN_IN, {});
    // A No to the offer keeps it, so that a yes next still means it ("no" then "ok do it"); the
    // sign-in offer is answered as an "ok" always was.
    if (reading.yesNo === false && !offer.declined && (offer.signInFor || (offer.task && offer.prompt))) {
      offer.declined = true;
      if (!offer.task) {
        await send(dc.context, this.deps, acknowledgementReply('ok', m));
        return RepairDialog.EndOfTurn;
      }
    }
    const facts = turnFacts(dc.context);
    if (offer.dateFor && reading.dateOnly && dc.findDialog(offer.dateFor)) return dc.replaceDialog(offer.dateFor, { text: reading.question, answeredGenerally: true } satisfies TaskOptions);
    // "ok" after "tell me the date you took it and I'll work it out": a friendly word that says the
    // offer still stands, so "A7" or "nov 30" next is still its answer (once: a second "ok" lets it
    // go, and gets the plain "anything else?" as the offer is closed).
    if (offer.task && offer.prompt && !offer.heldOnce && (reading.acknowledgement === 'ok' || reading.acknowledgement === 'thanks')) {
      offer.heldOnce = true;
      await send(dc.context, this.deps, { text: m.task.offerStands(reading.acknowledgement === 'thanks' ? m.task.welcomeBack : m.task.okayBack, this.promptOf(offer)!) });
      return RepairDialog.EndOfTurn;
    }
    // "no, I meant September 1" after a detour corrects the task worked out before it (the correction
    // row), not the offer of another task that was never given a value; nor the same task's offer:
    // "no i meant A4 not A1, same date" changes the test of the answer given and keeps its date.
    // But "what about A4?" / "and T2?" asks about the topic on the table: the offered task takes it
    // when it can ("how much is a duplicate?" then "what about A4": A4's duplicate, not an earlier expiry).
    const asksOfTheOffer = offer.task !== undefined && offer.task !== offer.afterTask && reading.correction?.asked === true && this.takesUp(offer.task, reading, facts);
    const correctsEarlier = reading.correction !== null && offer.afterTask !== undefined && !asksOfTheOffer;
    // Left to the correction row, which recomputes that answer with the rest of its values.
    if (correctsEarlier) return undefined;
    // "A5 on March 3" after "when can I retake?" and then "when did you buy it?": the older offer
    // whose question it answers in full takes it (the newest when both can use it as much).
    if (offer.task && !reading.correction && this.olderFitsBetter(dc, offer.task, reading, facts)) return dc.endDialog({ reroute: true } satisfies Reroute);
    if (offer.task && this.takesUp(offer.task, reading, facts)) {
      // "sorry, the 10th not the 12th": the task reads the 10th, not both.
      const text = reading.correction?.replaced ? reading.correction.replacement : withYearSaidBefore(offer.text, reading.question, facts);
      return dc.replaceDialog(offer.task, { text, answeredGenerally: true, ...(offer.text ? { asked: offer.text } : {}) } satisfies TaskOptions);
    }
    const opened = this.deps.opensTask(reading, facts);
    // "took A1 and A2 today" after a "Did you mean" (or "Were you asking") led by the results entry:
    // the facts of the task an offered entry offers, the first in the order shown that takes them,
    // start it (the results timing for those tests), never another "Did you mean". Only after those
    // (the bot could not place the last message): after an answer, its follow-ups are no guess at
    // what was meant ("A4" after two answers is the test said back, not the retest's), and a
    // message that opens a task of its own is that task's ("I have T2 T3 T4 T5 T6 and T8" after
    // the Master answer is the Master status, not the recertification of T2).
    const guessed = offer.none === true || (offer.person === true && entries.length > 0);
    // Of those, the one whose task finds the most of the reply's facts: "i passed A1 nov 2" after a
    // "Did you mean" of the duplicate certificate and the certificate's arrival is the arrival (a test
    // and the day passed), never the duplicate's price of the first one shown (a test alone; ut23).
    const fitting = !guessed || offer.task || reading.correction || opened ? undefined : this.fittingMost(dc, entries.map((e) => e.offer?.task), reading, facts);
    // "my test is fri can i go on a different day" ended in "Did you mean"; "8am" next: the day said
    // before the menu is kept, read with the reply (a reply naming its own day is read alone).
    const kept = offer.none && offer.text && !reading.dates.some((mention) => mention.form !== 'time') ? `${offer.text}\n${reading.question}` : withYearSaidBefore(offer.text, reading.question, facts);
    if (fitting) return dc.replaceDialog(fitting, { text: kept } satisfies TaskOptions);
    // "A4", then "i failed it yesterday" or "when does it expire?": the task the message asks for is
    // about the test named before ("it"), unless it names its own.
    const own = offer.tests?.length ? resolveTests(reading.text, this.deps.catalogue) : undefined;
    // A code the catalogue does not know ("A12") is a test named too: said so by the task, never swapped.
    if (offer.tests && own && own.tests.length === 0 && own.unknownCodes.length === 0) {
      const text = `${reading.question} ${offer.tests.join(' ')}`;
      const asked = detectTask(text, this.deps.language);
      if (asked?.confidence === 'high' && dc.findDialog(asked.task)) return dc.replaceDialog(asked.task, { text } satisfies TaskOptions);
    }
    if (offer.task && opened && opened !== offer.task) {
      // Another task with its facts: this offer is left, and the candidate told so.
      await send(dc.context, this.deps, { text: m.task.switched(m.task.names[offer.task] ?? offer.task) });
      return undefined;
    }
    const port = this.deps.account(dc.context);
    const signedIn = Boolean(port && (await port.signedIn(dc.context, facts)));
    // Signed in, a question about the candidate's own account is the account's to answer.
    if (signedIn && reading.accountQuestion) return undefined;
    const faq = reading.acknowledgement || reading.command || opened ? undefined : reading.faq();
    // Unless the message carries that offer's facts ("ok, my appointment is December 9"): then the
    // task works them out (an offer beneath, or the answer's own task), not the answer said again.
    const itsOwnFacts = faq?.kind === 'answer' && faq.entry.offer !== undefined && this.deps.findsFacts(faq.entry.offer.task, reading, facts);
    if (offer.task && faq?.kind === 'answer' && faq.entry.offer && faq.entry.offer.task !== offer.task && dc.stack.length < MAX_OFFERS && !itsOwnFacts) {
      // A FAQ answer with an offer of its own is a new topic: answered in full with its offer, the
      // newest on top; this offer stays open beneath, so "January 10" next still reaches it if the
      // newer offer cannot use it.
      await answerEntry(dc, this.deps, faq.entry, { text: reading.question, signInHint: Boolean(port) && !signedIn, ...(offer.prompt ? { over: offer.task } : {}) });
      return RepairDialog.EndOfTurn;
    }
    if (offer.signInFor && reading.yesNo === true) return dc.beginDialog(SIGN_IN, {});
    return undefined;
  }

  /**
   * A task offered waits through one FAQ question ("what's the passing score?"), answered and the
   * offer made again; anything else the offer cannot use, or a second question, is read afresh.
   */
  protected override policyFor(dc: DialogContext, reading: Reading): UnrelatedPolicy {
    const offer = this.offer(dc);
    // Made again once after a question in between; a second question means the candidate has moved on.
    // An offer not put as a question (the answer said again, "how much?" after the duplicates answer)
    // has nothing to go back to: a question next is read afresh, never "Back to your question".
    // Nor is an offer the candidate said no to made again ("Back to your question" after a No).
    if (!offer.task || !offer.prompt || offer.madeAgain || offer.declined || reading.acknowledgement || reading.command || reading.accountQuestion) return 'drop';
    if (reading.correction && offer.afterTask) return 'drop';
    // "I don't remember" when asked for the offered task's fact: said to be fine, and the offer made again (once).
    if (reading.notKnowing) return 'resume';
    // Another task, or a FAQ answer that offers a task of its own, is a new topic: the offer is left.
    if (this.deps.opensTask(reading, turnFacts(dc.context))) return 'drop';
    const faq = reading.faq();
    if (faq.kind === 'answer') return faq.entry.offer ? 'drop' : 'resume';
    return faq.kind === 'out-of-scope' ? 'resume' : 'drop';
  }

  protected override async ask(dc: DialogContext, lead?: string, after?: Reply): Promise<DialogTurnResult> {
    if (lead) this.offer(dc).madeAgain = true;
    return super.ask(dc, lead, after);
  }

  /** Signed in from an offer: the offered task now reads the account. */
  protected override async afterChild(dc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    const { task, text, signInFor } = this.offer(dc);
    const signedIn = (result as { signedIn?: boolean } | undefined)?.signedIn;
    if (signedIn && signInFor) {
      // The question that led to signing in, answered from the account.
      await dc.endDialog();
      const replied = await replyFromAccount(dc, this.deps, signInFor);
      return replied?.cancelling ?? { status: DialogTurnStatus.complete, result: { outcome: replied?.answered.outcome } };
    }
    if (task && signedIn) return dc.replaceDialog(task, { answeredGenerally: true, ...(text ? { text } : {}) } satisfies TaskOptions);
    return dc.endDialog();
  }

  /** A short reply, or one nothing else explains, that gives the offered task something to work with. */
  private takesUp(task: string, reading: Reading, facts: TurnFacts): boolean {
    // "and when does A4 expire?" says it is new: the other task's own words are enough.
    // "when does A1 expire" after the Master offer ("which tests lapsed?") asks a question of its own too.
    const asksAnew = SOMETHING_NEW.test(reading.text) || ASKS_WHEN.test(reading.text.trim());
    const opened = this.deps.switchesTo(reading, facts) ?? (asksAnew ? this.deps.opensTask(reading, facts) : undefined);
    // "my A2 lapsed in May" after the Master offer answers the Master question, though it could
    // also start recertification: the offer that asked wins, unless the reply says it is new.
    const otherTask = opened !== undefined && opened !== task;
    if (otherTask && (asksAnew || !this.deps.findsFacts(task, reading, facts))) return false;
    const short = reading.question.split(/\s+/).length <= WORDS_IN_A_REPLY;
    // An answer found only in the light of the one just given ("I passed it on June 15, 2021" after
    // the recertification answer) is no question of its own: the offer that asked for the fact takes it.
    const faq = reading.faq();
    const replyLike = short || opened === task || faq.kind !== 'answer' || faq.inContext === true || this.onlyNamesAnswer(reading.question);
    return replyLike && this.deps.findsFacts(task, reading, facts);
  }

  /** Of the tasks offered entries offer, the first in the order shown that takes the reply and finds the most of its facts. */
  private fittingMost(dc: DialogContext, tasks: Array<string | undefined>, reading: Reading, facts: TurnFacts): string | undefined {
    let best: { task: string; found: number } | undefined;
    for (const task of tasks) {
      if (task === undefined || task === best?.task || dc.findDialog(task) === undefined || !this.takesUp(task, reading, facts)) continue;
      const found = this.deps.factsFound(task, reading, facts);
      if (!best || found > best.found) best = { task, found };
    }
    return best?.task;
  }

  /**
   * An offer of a task beneath this one (still open: see MAX_OFFERS) would take the reply up and
   * finds more of its facts in it than this one's task does.
   */
  private olderFitsBetter(dc: DialogContext, task: string, reading: Reading, facts: TurnFacts): boolean {
    const mine = this.deps.factsFound(task, reading, facts);
    // The stack grows at its end: the active dialog is the last.
    return dc.stack.slice(0, -1).some((beneath) => {
      const older = beneath.id === OFFER ? (beneath.state.offer as OfferOptions | undefined)?.task : undefined;
      return older !== undefined && older !== task && this.deps.factsFound(older, reading, facts) > mine && this.takesUp(older, reading, facts);
    });
  }

  /**
   * The FAQ's answer rests only on the tests or series the message names: without them it says
   * nothing the FAQ answers ("what if I need auto and truck" after the duplicate offer is not a
   * question about Spanish tests, whose entry names the automobile tests).
   */
  private onlyNamesAnswer(text: string): boolean {
    const rest = withoutNames(text, this.deps.catalogue);
    return rest !== text && this.deps.faq.decide(rest, { onTopic: true }).kind !== 'answer';
  }

  private offer(dc: DialogContext): OfferOptions {
    return dc.activeDialog!.state.offer as OfferOptions;
  }
}
