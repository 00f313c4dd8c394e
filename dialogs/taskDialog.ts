import type { ListChange } from '../src/understanding/corrections.js';
import type { Language } from '../src/language/languages.js';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import type { Reply } from '../src/conversation/reply.js';
import type { Reading } from '../src/conversation/understand.js';
import { turnFacts, type TurnFacts } from '../src/conversation/turnFacts.js';
import { shortAnswer } from '../src/knowledge/faqEntry.js';
import { pickChoice } from '../src/understanding/choices.js';
import { dateRelativeTo } from '../src/understanding/relativeDates.js';
import { combineDateParts, isYearSpan, withCorrectedYear } from '../src/understanding/dates.js';
import { detectTask, saysFailed } from '../src/understanding/taskIntent.js';
import { replyFromAccount, requestOf, send, type AccountQuestion, type ConversationDeps } from './engine.js';
import { QUESTION, RepairDialog, type Reroute, type UnrelatedPolicy } from './repairDialog.js';
import { asKnown, writtenOut, type DateValue } from './slotReaders.js';
import { andListIn } from '../src/messages/lists.js';
import { isAsked, type AskedSlot, type SlotSpec, type TaskSpec } from './taskTypes.js';

export interface TaskOptions {
  /** The message that started the task: slots found in it are not asked again. */
  text?: string;
  /** The general answer was already given (the task was offered after a FAQ answer). */
  answeredGenerally?: boolean;
  /**
   * The question whose answer offered the task ("can i get a refund if i cancel"), when the reply
   * to the offer starts it ("my test is jan 5"): how the question was put (a quiet slot) is read there.
   */
  asked?: string;
  /**
   * The message is read as an offer's reply would be (`answeredGenerally`), but no answer was given
   * yet: a question whose own entry offers this task, asked with a fact too rough to work it out
   * ("when do I find out if I passed? I took it last week"). If the task must ask, the general
   * answer comes first, as for any question.
   */
  notYetAnswered?: boolean;
  /** Values already known: the task just answered, now corrected. */
  values?: Record<string, unknown>;
  /** "no, I meant A4": read this again over the known values. */
  correction?: string;
  /** "and T4?", "drop the P2", "just the auto ones": the correction changes a list value rather than replacing it. */
  list?: ListChange;
  /** "T3, not T2": the value the correction replaces, when the candidate named it. */
  replaced?: string;
}

export interface TaskResult {
  task: string;
  outcome: string;
  /** What the task answered, for the record staff see if the candidate is handed over. */
  answer?: string;
  /** The values the answer rests on, so a correction can change one and recompute. */
  values?: Record<string, unknown>;
}

interface TaskState {
  values: Record<string, unknown>;
  /** The slot whose question is waiting for an answer. */
  asking?: string;
  /** A clarifying question in place of a slot's plain question. */
  clarify: Record<string, Reply>;
  /** Values of the choices last offered, so "2" or "the second one" picks one. */
  choices: string[];
  /** Their titles, in the same order, so their words pick too ("the december one" for "Thursday, December 10, 2026"). */
  choiceTitles?: string[];
  /** "March 2020" with no day: kept so that "the 12th" next completes it. */
  partial?: string;
  /** What was understood ("March 3, 2025: got it."), said at the start of the next message. */
  lead?: string;
  /** Offer sign-in beside the question (accounts here, nobody signed in, the task can use one). */
  offerSignIn?: boolean;
  /** A date questioned (it looks like a date of birth): given again, it is taken. */
  doubted?: string;
  /** The task's entry's short answer was said at its start, as its general answer. */
  generalSaid?: boolean;
  /** A rough date already asked to the day ("2 months ago"): given again, it is worked out as it is. */
  roughAsked?: string;
  /** The message that began the task: what it told of other tests is asked about next ("what about the A6"). */
  story?: string;
}

/** Account answers that found nothing to answer from. */
const NOTHING_ON_ACCOUNT = /-none(?:-held)?$|no-matching/;

/** 'YYYY-MM-DD' -> 'March 2025' ('marzo de 2025'), for completing "the 12th" within the month it corrects. */
const monthOf = (date: string, language: Language): string =>
  language === 'es' ? DateTime.fromISO(date).setLocale('es').toFormat("LLLL 'de' yyyy") : DateTime.fromISO(date).toFormat('LLLL yyyy');

/** 'YYYY-MM-DD' -> 'June 3' ('3 de junio'): the month and day of a date without its year. */
const monthAndDayOf = (date: string, language: Language): string =>
  language === 'es' ? DateTime.fromISO(date).setLocale('es').toFormat("d 'de' LLLL") : DateTime.fromISO(date).toFormat('LLLL d');

/** A day kept whole ('2026-12-10'), as the time question keeps it; not a month waiting for its day. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** At most this many words to be only the naming of a test ("It's the A8 engine performance one"). */
const NAMING_WORDS = 8;
/** Something done to a test, which makes a message naming one a fact for another task. */
const DONE_TO_A_TEST = /\b(?:fail\w*|pass\w*|took|take|taking|miss\w*|bought|buy\w*|expir\w*|laps\w*|recert\w*|renew\w*|reprob\w*|aprob\w*|venc\w*|perd\w*|compr\w*|tom[eé]|no pas[eé])\b/i;

/** A message shaped as a question. */
const ASKS = /\?\s*$|^(?:who|what|when|where|why|how|which|can|could|do|does|did|is|are|will|would|should)\b/i;

/** Task outcomes only staff can settle: the candidate is handed over when they happen. */
const STAFF_ONLY_OUTCOMES = new Set(['no-master-defined']);

/**
 * One guided task: fill each slot (from the first message, the account, or one question at a
 * time), then answer with the rule's decision. Everything that is not an answer (help, a FAQ
 * question, a correction, another task, sign-in) is handled by the repair base.
 */
export class TaskDialog<Values extends object> extends RepairDialog {
  protected readonly unrelated: UnrelatedPolicy = 'resume';

  constructor(
    readonly spec: TaskSpec<Values>,
    deps: ConversationDeps,
  ) {
    super(spec.id, deps);
  }

  protected override get task(): string {
    return this.spec.id;
  }

  protected override get ownEntry(): string {
    return this.spec.faqEntry;
  }

  protected override saidOwnAnswer(dc: DialogContext): boolean {
    return this.state(dc).generalSaid === true;
  }

  protected override help(): string {
    return this.spec.help(this.deps);
  }

  /** Does this text give the task anything to work with (as the answer to its own question, with `asAnswer`)? */
  findsSomethingIn(text: string, facts: TurnFacts, asAnswer = false): boolean {
    return this.factsIn(text, facts, asAnswer) > 0;
  }

  /**
   * How many of the task's slots this text gives something for: "A5 on March 3" gives the retest
   * two (the test and the day), the purchase window one (the day; the test is of no use to it).
   */
  factsIn(text: string, facts: TurnFacts, asAnswer = false): number {
    // How the question was put ("if ...") is no fact to work with.
    return this.reads(text, facts, asAnswer, asAnswer ? 'any-as-answer' : 'any', (slot) => !slot.quiet && !slot.noted);
  }

  /** Does this text answer one of the task's own questions (a date, say), not just name a test? */
  answersAQuestionIn(text: string, facts: TurnFacts): boolean {
    return this.reads(text, facts, false, 'asked', isAsked) > 0;
  }

  /**
   * The account question this task asks once signed in, from what the text names (the test, not
   * the dates: a message carrying sign-in details also carries a date of birth, never read here).
   */
  accountQuestionIn(text: string, facts: TurnFacts): AccountQuestion | undefined {
    if (!this.spec.accountQuestion) return undefined;
    const values: Record<string, unknown> = {};
    for (const slot of this.spec.slots) {
      if (isAsked(slot)) continue;
      const reading = slot.read(text, facts, this.deps, values as Partial<Values>, false);
      if (reading.kind === 'value') values[slot.name] = reading.value;
    }
    return this.spec.accountQuestion(values as Partial<Values>);
  }

  /** Does this message, right after the task answered with `values`, change one of its follow-up slots? */
  followsUp(text: string, facts: TurnFacts, values: Record<string, unknown>, fromAccount = false): boolean {
    const read = (name: string) => this.spec.slots.find((s) => s.name === name)?.read(text, facts, this.deps, values as Partial<Values>, false);
    if (this.timeOfUntimedDay(text, facts, values) !== null) return true;
    // "no wait, it was the tuesday before", "perdón, fue el martes anterior": a day counted from the one given.
    if (this.spec.slots.some((slot) => isExactDate(values[slot.name]) && dateRelativeTo((values[slot.name] as DateValue).date, text) !== null)) return true;
    const followUps = this.spec.followUps ?? [];
    // A question ("my A3 expired, when can I recertify?") asks something new; a statement adds a fact.
    // A question put the way the answer's own were ("what if I let A6 lapse?") is about that answer.
    if (ASKS.test(text)) {
      const putSo = (this.spec.followUpQuestions ?? []).some((name) => read(name)?.kind === 'value');
      return putSo && followUps.some((name) => read(name)?.kind === 'value');
    }
    // A fact the answer went without ("fue el A6" after the retest answer for "the test" failed on
    // March 3): added to the facts it rested on, never a new task that asks for them again. An
    // answer from the account rested on the account's facts: a date typed next is no gap filled.
    if (!fromAccount && this.spec.slots.some((slot) => !slot.quiet && !slot.notFromFirstMessage && values[slot.name] === undefined && read(slot.name)?.kind === 'value')) return true;
    // "It's the A8 engine performance one" said of the test already named: said back, the answer kept
    // (a short statement that tells of nothing done to a test: "I also failed A8" is another task).
    if (this.spec.slots.some((slot) => slot.noted && read(slot.name)?.kind === 'value') && text.trim().split(/\s+/).length <= NAMING_WORDS && !DONE_TO_A_TEST.test(text)) return true;
    // A date said again ("nov 24" after the answer for that day) is about that answer too: the same
    // answer, the test it named kept, never a new task that has lost it.
    return followUps.some((name) => {
      const reading = read(name);
      return reading?.kind === 'value' && (JSON.stringify(reading.value) !== JSON.stringify(values[name]) || isDate(reading.value));
    });
  }

  /**
   * "2pm" right after an answer worked out from a day with no time, where the hour can change it
   * ("my test is friday" counted from the start of Friday): that day at that time, as a candidate
   * would write it; null when the text is not a time alone or no such day is known.
   */
  private timeOfUntimedDay(text: string, facts: TurnFacts, values: Record<string, unknown>): string | null {
    for (const slot of this.spec.slots) {
      const day = values[slot.name] as DateValue | undefined;
      // A day with a time too: "what about if it was 8am" after the answer for Thursday at 9 AM is Thursday at 8.
      if (!slot.askTime || !day?.date || day.approximate) continue;
      // With a day it is no time alone: combineDateParts joins only a day and a time.
      const combined = combineDateParts(day.date, text, facts);
      if (combined) return combined;
    }
    return null;
  }

  /**
   * How many of the slots `which` names read something in the text. Kept for the turn (its facts): while
   * an offer waits, one question is asked whether it takes up the offer, opens or switches to a task,
   * and each asks the task's slot readers the same thing.
   */
  private reads(text: string, facts: TurnFacts, asAnswer: boolean, kind: string, which: (slot: SlotSpec<Values>) => boolean): number {
    let found = this.readThisTurn.get(facts);
    if (!found) this.readThisTurn.set(facts, (found = new Map()));
    const key = `${kind}\u0000${text}`;
    let result = found.get(key);
    if (result === undefined) {
      const values: Partial<Values> = {};
      result = this.spec.slots.filter((slot) => which(slot) && slot.read(text, facts, this.deps, values, asAnswer).kind !== 'none').length;
      found.set(key, result);
    }
    return result;
  }

  private readonly readThisTurn = new WeakMap<TurnFacts, Map<string, number>>();

  override async beginDialog(dc: DialogContext, options: TaskOptions = {}): Promise<DialogTurnResult> {
    const state: TaskState = { values: { ...(options.values ?? {}) }, clarify: {}, choices: [], ...(options.text ? { story: options.text } : {}) };
    dc.activeDialog!.state.task = state;
    const facts = turnFacts(dc.context);
    const notes: string[] = [];
    for (const slot of this.spec.slots) {
      if (slot.notFromFirstMessage || !options.text) continue;
      // Taken up after an offer, the text answers the offer's question ("which tests have lapsed?").
      const reading = slot.read(options.text, facts, this.deps, state.values as Partial<Values>, Boolean(options.answeredGenerally));
      if (reading.kind === 'value') {
        state.values[slot.name] = reading.value;
        // Say what was understood ("Tuesday, December 8, 2026 at 9:00 AM: got it."), assumed or not.
        if (reading.echo) notes.push(reading.echo);
      } else if (reading.kind === 'clarify') {
        state.clarify[slot.name] = reading.question;
        if (isAsked(slot)) state.partial = options.text;
        if (reading.doubted) state.doubted = (reading.doubted.value as { date?: string }).date;
      } else if (slot.quiet && options.asked) {
        const asked = slot.read(options.asked, facts, this.deps, state.values as Partial<Values>, false);
        if (asked.kind === 'value') state.values[slot.name] = asked.value;
      }
    }
    const corrected = options.correction ? this.applyCorrection(state, options.correction, facts, notes, options.list, options.replaced) : undefined;
    // The account, once linked, answers what the candidate did not say. A month whose days give
    // different answers ("in November", failed 30 days before December 6 or after) is missing its day.
    // "and A4?" after an answer worked out from a date typed before signing in: the account's
    // dates are the truth now, not the date said about another test.
    const account = this.deps.account(dc.context);
    const missing = this.nextSlot(state) !== undefined || this.roughDate(state, facts) === 'ask';
    const otherThing = corrected !== undefined && !isDate(state.values[corrected]);
    // A correction of the date ("sorry, the 10th not the 12th") says the date was the appointment's.
    const first = this.spec.accountFirst;
    const accountFirst = !options.correction && (typeof first === 'function' ? first(state.values as Partial<Values>) : first === true);
    if (account && (missing || otherThing || accountFirst) && this.spec.accountQuestion) {
      const linked = await account.signedIn(dc.context, facts);
      if (linked) return this.answerFromAccount(dc, state);
      if (missing) state.offerSignIn = true;
    }
    // Answer first: never answer a question with only a question. When the task must still ask for
    // something, the general rule comes before the question.
    const general = this.general(options.text);
    if (missing && (!options.answeredGenerally || options.notYetAnswered) && !options.values && general) {
      await send(dc.context, this.deps, general);
      // Said from the entry itself (a task's own general says something else).
      state.generalSaid = !this.spec.general;
    }
    // What was understood (and any year assumed: "I bought it December 20" in February is last
    // year's) leads the next message, the question or the answer: one bubble, one text.
    if (notes.length) state.lead = notes.join(' ');
    return this.proceed(dc);
  }

  protected question(dc: DialogContext): Reply {
    const state = this.state(dc);
    const slot = this.spec.slots.find((s): s is AskedSlot<Values> => s.name === state.asking && isAsked(s));
    if (!slot) return { text: this.spec.help(this.deps) };
    const asked = state.clarify[slot.name] ?? slot.ask(state.values as Partial<Values>, this.deps);
    const question = state.lead ? { ...asked, text: `${state.lead} ${asked.text}` } : asked;
    state.lead = undefined;
    state.choices = (question.choices ?? []).map((choice) => choice.value);
    state.choiceTitles = (question.choices ?? []).map((choice) => choice.title);
    // Not beside a clarification ("which date did you mean?"): the choices there are the point.
    if (!state.offerSignIn || state.clarify[slot.name]) return question;
    // Offered once, beside the first question: the candidate may give the fact or sign in.
    // The sentence says what to type: no extra button (on SMS it would be one more numbered line).
    state.offerSignIn = false;
    return { ...question, text: `${question.text} ${this.deps.messages.task.orSignIn}` };
  }

  protected override asideOf(reading: Reading, opened: string): string | undefined {
    return opened === 'retest' && this.spec.retakeWhileAsking && !saysFailed(reading.text) ? this.spec.retakeWhileAsking(this.deps) : undefined;
  }

  protected override accepts(dc: DialogContext, reading: Reading): boolean {
    const state = this.state(dc);
    const slot = this.spec.slots.find((s) => s.name === state.asking);
    return slot?.read(reading.text, turnFacts(dc.context), this.deps, state.values as Partial<Values>, true).kind === 'value';
  }

  protected async answer(dc: DialogContext, reading: Reading): Promise<DialogTurnResult | undefined> {
    const state = this.state(dc);
    const facts = turnFacts(dc.context);
    const slot = this.spec.slots.find((s) => s.name === state.asking);
    if (!slot) return undefined;
    // "I don't know the time" at "what time is your appointment on Thursday?": both sides of the hour
    // that decides, and the day is kept, so a time given next ("2pm") still works it out.
    if (reading.notKnowing && slot.timeUnknown && state.partial && ISO_DAY.test(state.partial) && state.clarify[slot.name] && state.values[slot.name] === undefined) {
      const day = state.partial;
      const { reply, outcome } = slot.timeUnknown(day, facts, this.deps);
      await send(dc.context, this.deps, reply);
      return dc.endDialog({ task: this.spec.id, outcome, answer: reply.text, values: { ...state.values, [slot.name]: { date: day } } } satisfies TaskResult);
    }
    // By a button's words ("the december one"), else by its value: "12/10" again stands in the ISO
    // value 2026-12-10, the reading first offered.
    const byTitle = pickChoice(reading.text, state.choices.map((value, i) => ({ title: state.choiceTitles?.[i] ?? value, value })));
    let text = (byTitle ?? pickChoice(reading.text, state.choices.map((value) => ({ title: value, value }))))?.value ?? reading.text;
    // "March 2020" last turn and "the 12th" now are one date.
    const combined = state.partial ? combineDateParts(state.partial, text, facts) : null;
    if (combined) text = combined;
    const values = state.values as Partial<Values>;
    let read = slot.read(text, facts, this.deps, values, true);
    // "the 18th" at "which date did you mean? [Friday, December 11 at 9:00 AM] [Friday, December 18 at
    // 9:00 AM]": a day among those offered picks that choice, time and all.
    const day = read.kind === 'value' ? (read.value as { date?: unknown; time?: unknown }) : undefined;
    const offered = typeof day?.date === 'string' && day.time === undefined ? state.choices.find((value) => value.startsWith(`${day.date} at `)) : undefined;
    if (offered) read = slot.read(offered, facts, this.deps, values, true);
    // The date questioned, given again: the candidate means it.
    if (read.kind === 'clarify' && read.doubted && (read.doubted.value as { date?: string }).date === state.doubted) read = { kind: 'value', ...read.doubted };
    if (read.kind === 'value') {
      state.doubted = undefined;
      state.values[slot.name] = read.value;
      // A follow-up fact said with the answer ("11am, the test center is in Denver") is kept too.
      for (const name of this.spec.followUps ?? []) {
        const other = this.spec.slots.find((s) => s.name === name);
        if (!other || other === slot || state.values[name] !== undefined) continue;
        const extra = other.read(reading.text, facts, this.deps, values, false);
        if (extra.kind === 'value') state.values[name] = extra.value;
      }
      delete state.clarify[slot.name];
      state.partial = undefined;
      if (read.echo) state.lead = read.echo;
      return this.proceed(dc);
    }
    if (read.kind === 'clarify') {
      state.clarify[slot.name] = read.question;
      state.partial = text;
      if (read.doubted) state.doubted = (read.doubted.value as { date?: string }).date;
      return this.ask(dc);
    }
    // A fact the bot did not ask for ("it was A5") is kept, and the question asked again.
    for (const other of this.spec.slots) {
      if (other === slot || other.notFromFirstMessage) continue;
      const extra = other.read(reading.text, facts, this.deps, values, false);
      // How the question is put changes with the latest words ("can i move it" then "actually i want to cancel it instead").
      if (extra.kind === 'value' && (state.values[other.name] === undefined || (other.quiet === true && extra.value !== state.values[other.name]))) {
        state.values[other.name] = extra.value;
        // How the question is put ("i want to cancel it instead") is kept without "yes: noted.":
        // the message is still read as what else it is (a question in between is answered).
        if (other.quiet) continue;
        // The fact makes the question asked needless ("I have all but T7" at "which have lapsed?"): answer.
        if (slot.needed && !slot.needed(state.values as Partial<Values>)) return this.proceed(dc);
        state.lead = this.deps.messages.task.noted(other.describe ? other.describe(extra.value, this.deps) : describe(extra.value, this.deps.language));
        return this.ask(dc);
      }
    }
    // Not an answer: the next question is the plain one (a clarification was about the earlier
    // words), unless the message is a question asked in between ("what about canceling instead"
    // while "12/10: which date did you mean?" waits) or a word that is no answer at all ("ok", "not
    // sure", "help"): the date given still stands, asked about again.
    const noAnswerAtAll = reading.acknowledgement !== null || reading.notKnowing || reading.command !== null;
    if (!noAnswerAtAll && !QUESTION.test(reading.text) && reading.faq().kind !== 'answer') {
      delete state.clarify[slot.name];
      state.partial = undefined;
    }
    return undefined;
  }

  protected override async correct(dc: DialogContext, reading: Reading): Promise<DialogTurnResult | undefined> {
    const state = this.state(dc);
    const notes: string[] = [];
    const facts = turnFacts(dc.context);
    // "wait what about the A6" while the A1 appointment's time is asked: a question about another
    // test, whose only fact here is one the rule does not need (a noted slot), never the appointment
    // relabelled ("Changed to A6"). The task is left, and the message read afresh (ut23).
    if (reading.correction?.asked && this.onlyNoted(reading.correction.replacement, facts, state)) {
      await send(dc.context, this.deps, { text: this.deps.messages.task.switched(this.deps.messages.task.names[this.spec.id] ?? this.spec.id) });
      // What the first message told of that test ("bought the A1 and A6 in september ... never
      // scheduled A6"): the task those words ask for, worked out from them.
      const told = state.story ? this.toldOf(state.story, reading.correction.replacement) : undefined;
      const task = told ? detectTask(told, this.deps.language) : null;
      if (told && task?.confidence === 'high' && task.task !== this.spec.id && dc.findDialog(task.task)) return dc.replaceDialog(task.task, { text: told } satisfies TaskOptions);
      return dc.endDialog({ reroute: true } satisfies Reroute);
    }
    const changed = reading.correction ? this.applyCorrection(state, reading.correction.replacement, facts, notes, reading.correction.list) : undefined;
    if (!changed) return undefined;
    // Signed in, "and A4?" is the account's to answer, not a date typed about another test.
    const account = this.deps.account(dc.context);
    if (!isDate(state.values[changed]) && account && this.spec.accountQuestion && (await account.signedIn(dc.context, facts))) return this.answerFromAccount(dc, state);
    if (notes.length) state.lead = notes.join(' ');
    return this.proceed(dc);
  }

  protected override async afterChild(dc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    const state = this.state(dc);
    const account = this.deps.account(dc.context);
    const signedIn = (result as { signedIn?: boolean } | undefined)?.signedIn;
    if (signedIn && account && this.spec.accountQuestion && (await account.signedIn(dc.context, turnFacts(dc.context)))) return this.answerFromAccount(dc, state);
    return this.ask(dc, this.deps.messages.task.backToIt);
  }

  /**
   * Re-reads a corrected value over the ones known: every slot it names anew ("and A5? I passed that
   * in March 2020" changes the test and the date); with `list` ("and T4?", "drop the P2", "just the
   * auto ones"), a list slot gains, loses or keeps only the value instead. The name of the slot it changed (the one that is not a date, when it changed
   * several), if any.
   */
  /** The clauses of `story` that name a test `asked` names, joined: what the candidate told of it. */
  private toldOf(story: string, asked: string): string | undefined {
    const codes = (asked.match(/\b[a-z]\d{1,2}\b/gi) ?? []).map((code) => code.toLowerCase());
    if (!codes.length) return undefined;
    const clauses = story.split(/[.!?;,]+|\s+(?:but|and then|then)\s+/i).map((clause) => clause.trim()).filter(Boolean);
    const told = clauses.filter((clause) => codes.some((code) => new RegExp(`\\b${code}\\b`, 'i').test(clause)));
    return told.length ? told.join('. ') : undefined;
  }

  /** Does `text` give only values of noted slots (the test an appointment is for), and a new one? */
  private onlyNoted(text: string, facts: TurnFacts, state: TaskState): boolean {
    const values = state.values as Partial<Values>;
    const read = this.spec.slots.filter((slot) => slot.read(text, facts, this.deps, values, true).kind === 'value');
    return read.length > 0 && read.every((slot) => slot.noted === true) && read.some((slot) => state.values[slot.name] !== undefined);
  }

  private applyCorrection(state: TaskState, text: string, facts: TurnFacts, notes: string[], list?: ListChange, replaced?: string): string | undefined {
    const values = state.values as Partial<Values>;
    const changedSlots: string[] = [];
    const changedSaid: string[] = [];
    for (const slot of this.spec.slots) {
      // "the 12th, not the 10th" keeps the month and year of the date it corrects.
      // A month and day ("May 20") keep the year only of a date said as a month ("in May 2019"):
      // "December 1" correcting January 10 is the last December 1, not the one of January's year.
      const current = state.values[slot.name] as DateValue | undefined;
      // "June 3" correcting June 3, 2023 (typed "6/3/2023", a year the candidate gave) keeps 2023:
      // the correction changes only the parts it says. A year that was only assumed (today's, or
      // the last one that fits) is assumed afresh for the new day instead.
      const yearSaid = current?.date !== undefined && !current.approximate && this.yearWasSaid(slot, current.date, facts, values);
      // "2022" alone keeps the month and day of the date it corrects ("no, I meant 2022").
      // "2pm" keeps the day of an appointment given without a time.
      // "the tuesday before that" counts from the date it corrects, not from today.
      const within = current?.date
        ? ((current.approximate ? null : dateRelativeTo(current.date, text)) ??
          this.timeOfUntimedDay(text, facts, { [slot.name]: current }) ??
          withCorrectedYear(current.date, text, Boolean(current.approximate), facts.language) ??
          combineDateParts(monthOf(current.date, facts.language), text, facts, { monthAndDay: Boolean(current.approximate) || yearSaid }))
        : null;
      const read = slot.read(within ?? text, facts, this.deps, values, true);
      if (read.kind === 'clarify' && current !== undefined && isAsked(slot) && changedSlots.length === 0) {
        // "the 30th" that has not come yet: the date is asked again, with what was wrong with it.
        delete state.values[slot.name];
        state.clarify[slot.name] = read.question;
        if (read.doubted) state.doubted = (read.doubted.value as { date?: string }).date;
        return slot.name;
      }
      // "and T4?" after the duplicates of A1 and P2: T4 joins them.
      const change = list && slot.list?.[list];
      if (change && read.kind === 'value' && current !== undefined) {
        const named = read.value;
        state.values[slot.name] = change(current as Values[keyof Values], named, this.deps);
        const said = slot.describe ? slot.describe(list === 'keep' ? state.values[slot.name] as Values[keyof Values] : named, this.deps) : describe(named, this.deps.language);
        const t = this.deps.messages.task;
        notes.push(list === 'add' ? t.added(said) : list === 'remove' ? t.removed(said) : t.keptOnly(said));
        return slot.name;
      }
      // "T3, not T2" after the duplicates of A1, A5 and T2: T2 becomes T3, A1 and A5 stay.
      if (replaced && slot.swap && read.kind === 'value' && current !== undefined) {
        const out = slot.read(replaced, facts, this.deps, values, true);
        if (out.kind === 'value') {
          const swapped = slot.swap(current as Values[keyof Values], out.value, read.value);
          if (JSON.stringify(swapped) !== JSON.stringify(current)) {
            state.values[slot.name] = swapped;
            notes.push(this.deps.messages.task.changed(slot.describe ? slot.describe(read.value, this.deps) : describe(read.value, this.deps.language)));
            return slot.name;
          }
        }
      }
      // "no, quise decir T2" after the duplicates of A1 and A2: the one it puts right becomes T2, A1 stays.
      if (!replaced && !list && slot.correctOne && read.kind === 'value' && current !== undefined) {
        const corrected = slot.correctOne(current as Values[keyof Values], read.value, this.deps);
        if (corrected !== undefined && JSON.stringify(corrected) !== JSON.stringify(current)) {
          state.values[slot.name] = corrected;
          notes.push(this.deps.messages.task.changed(slot.describe ? slot.describe(read.value, this.deps) : describe(read.value, this.deps.language)));
          return slot.name;
        }
      }
      // The test an appointment is for, named again ("It's the A8 engine performance one"): said back.
      if (slot.noted && read.kind === 'value' && JSON.stringify(read.value) === JSON.stringify(current)) {
        notes.push(this.deps.messages.task.noted(slot.describe ? slot.describe(read.value, this.deps) : describe(read.value, this.deps.language)));
        continue;
      }
      // The slot whose value the correction changes, not the first one that reads something.
      if (read.kind !== 'value' || JSON.stringify(read.value) === JSON.stringify(state.values[slot.name])) continue;
      // One date said corrects one date: "no, the 14th" for the day wanted is not the appointment's too.
      if (isDate(read.value) && changedSlots.some((name) => isDate(state.values[name]))) continue;
      state.values[slot.name] = keepTime(current, read.value, text, facts);
      // A value the answer went without ("fue el A6"), not one whose question was waiting ("which Thursday?").
      const gap = current === undefined && !state.clarify[slot.name] && !isDate(read.value);
      delete state.clarify[slot.name];
      const changed = state.values[slot.name];
      if (slot.quiet) continue;
      const said = slot.describe ? slot.describe(changed as Values[keyof Values], this.deps) : describe(changed, this.deps.language);
      // "May 20" after "in May 2019" makes the date exact rather than changing it.
      // A sentence starts with a capital: "Around October 2026: got it."
      // "2pm" after a day with no time completes it, as "May 20" does a month: "Friday, December 11 at 2:00 PM: got it."
      const completed = current?.approximate || (current?.date !== undefined && !current.time && (changed as DateValue | undefined)?.date === current.date);
      if (completed) {
        const note = this.deps.messages.task.gotDate(said);
        notes.push(note.charAt(0).toUpperCase() + note.slice(1));
      } else if (gap) notes.push(this.deps.messages.task.noted(said));
      else changedSaid.push(said);
      changedSlots.push(slot.name);
    }
    // Every value the correction changed, in one sentence: "Changed to A5 and March 2020."
    if (changedSaid.length) notes.push(this.deps.messages.task.changed(andListIn(this.deps.language)(changedSaid)));
    return changedSlots.find((name) => !isDate(state.values[name])) ?? changedSlots[0];
  }

  /**
   * Whether the year of `date` is one the candidate must have given: its month and day alone would
   * read as another year ("6/3/2023" where "June 3" alone is this year's).
   */
  private yearWasSaid(slot: SlotSpec<Values>, date: string, facts: TurnFacts, values: Partial<Values>): boolean {
    const alone = slot.read(monthAndDayOf(date, facts.language), facts, this.deps, values, true);
    return alone.kind !== 'value' || (alone.value as DateValue | undefined)?.date?.slice(0, 4) !== date.slice(0, 4);
  }

  private async answerFromAccount(dc: DialogContext, state: TaskState): Promise<DialogTurnResult> {
    const replied = await replyFromAccount(dc, this.deps, this.spec.accountQuestion!(state.values as Partial<Values>));
    if (!replied) return this.proceed(dc);
    const { answered } = replied;
    // The account has nothing on it for this ("no A5 result"): the candidate's own fact still works.
    const next = this.nextSlot(state);
    // Nothing on the account, and the candidate gave every fact the task needs ("I need to move my
    // appointment on the 14th" with no appointment on the account): worked out from their facts.
    if (NOTHING_ON_ACCOUNT.test(answered.outcome) && !next && Object.keys(state.values).length > 0) {
      state.offerSignIn = false;
      // Said so, or "Yes, you can still change it" would read as about an appointment the account lacks.
      state.lead = [this.deps.messages.task.fromYourFacts, state.lead].filter(Boolean).join(' ');
      return this.proceed(dc);
    }
    if (NOTHING_ON_ACCOUNT.test(answered.outcome) && next) {
      state.offerSignIn = false;
      // The plain question: a clarification (a date of birth questioned) was about earlier words.
      delete state.clarify[next.name];
      state.doubted = undefined;
      state.partial = undefined;
      return this.proceed(dc);
    }
    // The values kept are the candidate's own words ("A4"), so "and A5?" next asks the account again.
    return dc.endDialog({ task: this.spec.id, outcome: `account-${answered.outcome}`, answer: answered.reply.text, values: state.values } satisfies TaskResult);
  }

  private nextSlot(state: TaskState): AskedSlot<Values> | undefined {
    const values = state.values as Partial<Values>;
    return this.spec.slots.find(
      (slot): slot is AskedSlot<Values> => isAsked(slot) && state.values[slot.name] === undefined && (!slot.needed || slot.needed(values)),
    );
  }

  /** Asks the next question, or answers once every needed slot is filled. */
  private async proceed(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.state(dc);
    const next = this.nextSlot(state);
    if (next) {
      state.asking = next.name;
      return this.ask(dc);
    }
    const facts = turnFacts(dc.context);
    const rough = this.roughDate(state, facts);
    if (rough === 'ask' || this.untimedDate(state, facts) === 'ask') return this.proceed(dc);
    const { reply: answered, outcome, accountWouldKnow } = this.spec.answer(state.values as Values, facts, this.deps);
    // A guess answered as a supposition: the account would know (signed in, it answered already).
    const reply = accountWouldKnow && this.deps.account(dc.context) ? { ...answered, text: `${answered.text} ${this.deps.messages.task.signInToCheck}` } : answered;
    const lead = [state.lead, rough].filter(Boolean).join(' ');
    state.lead = undefined;
    // "Whatever the exact day ... was, the answer is the same: It has expired ...": the answer is a
    // whole sentence of its own after the colon, kept as the task words it (and as it reads alone).
    await send(dc.context, this.deps, lead ? { ...reply, text: `${lead} ${reply.text}` } : reply);
    if (STAFF_ONLY_OUTCOMES.has(outcome)) requestOf(dc.context).handoff = { reason: 'staff-only', dialog: this.spec.id };
    return dc.endDialog({ task: this.spec.id, outcome, answer: reply.text, values: state.values } satisfies TaskResult);
  }

  /**
   * An approximate date ("5 months ago", "in October") is used when the rule gives the same answer
   * for any day it could be ("5 months is past 90 days: expired"; failed in October, so the 30 days
   * are over by December 6); otherwise the exact day is asked for. A month-only date must give the
   * same whole answer at the month's first and last possible day (the answer then says the month,
   * never a day); a rough one ("about 6 years ago") the same verdict a season either side. Returns
   * the sentence that says so, 'ask' when the slot was emptied to ask, or undefined.
   */
  private roughDate(state: TaskState, facts: TurnFacts): string | 'ask' | undefined {
    for (const slot of this.spec.slots) {
      const value = state.values[slot.name] as DateValue | undefined;
      if (!value?.approximate) continue;
      const margin = /year|a[ñn]o/i.test(value.approximate) ? 183 : /month|mes/i.test(value.approximate) ? 31 : 7;
      const today = DateTime.fromJSDate(facts.now).setZone(facts.zone).toISODate() ?? value.date;
      const shifted = (days: number): string => {
        const date = DateTime.fromISO(value.date).plus({ days }).toISODate() ?? value.date;
        return date > today ? today : date;
      };
      const ends = value.span ? [value.span.from, value.span.to] : [shifted(-margin), shifted(margin)];
      const [first, last] = ends.map((date) => this.spec.answer({ ...state.values, [slot.name]: { ...value, date } } as Values, facts, this.deps));
      const same = first!.outcome === last!.outcome && (!value.span || first!.reply.text === last!.reply.text);
      if (same) return this.deps.messages.task.approximately(value.approximate);
      // "2 months ago" again at "Which day exactly ("2 months ago")?": all the candidate knows; the
      // answer from the rough day (said as roughly as it is known), never the same question again (ut23).
      if (state.roughAsked === value.approximate) return undefined;
      state.roughAsked = value.approximate;
      // What the rough date settles already is said before the question (answer first).
      const settled = this.spec.roughAnswer?.(state.values as Partial<Values>, facts, this.deps);
      delete state.values[slot.name];
      // "in 2021": the month is asked for first, naming the year ("which month of 2021?").
      const year = value.span && isYearSpan(value.span) ? value.span.from.slice(0, 4) : undefined;
      const question = year ? this.deps.messages.task.whichMonth(year) : this.deps.messages.task.whichDay(value.approximate);
      state.clarify[slot.name] = { text: settled ? `${settled} ${question}` : question };
      // "in May 2019" now, "the 20th" or "May 20" next: one date, in the year given.
      if (value.span) state.partial = value.approximate;
      return 'ask';
    }
    return undefined;
  }

  /**
   * A day with no time where the hour decides ("my test is thurs", early on Monday: the 72 hours end
   * during Thursday): the answer at the day's first minute and at its last are told apart by what
   * they leave open (`verdicts`), and when they differ the time is asked, never a verdict counted from
   * midnight. The day is kept, so a time alone next ("2pm") completes it. 'ask' when the slot was
   * emptied to ask.
   */
  private untimedDate(state: TaskState, facts: TurnFacts): 'ask' | undefined {
    for (const slot of this.spec.slots) {
      const value = state.values[slot.name] as DateValue | undefined;
      if (!slot.askTime || !value?.date || value.time || value.approximate) continue;
      const [first, last] = ['00:00', '23:59'].map((time) => {
        const { outcome } = this.spec.answer({ ...state.values, [slot.name]: { ...value, time } } as Values, facts, this.deps);
        return this.spec.verdicts?.[outcome] ?? outcome;
      });
      if (first === last) continue;
      delete state.values[slot.name];
      state.clarify[slot.name] = slot.askTime(value.date, this.deps);
      // The question names the day: no "Thursday, December 10, 2026: got it." before it.
      state.lead = undefined;
      state.partial = value.date;
      return 'ask';
    }
    return undefined;
  }

  /** The task's general answer: its own, or the first paragraph of its FAQ entry. */
  private general(text?: string): Reply | undefined {
    const asked = text && this.spec.facetsAnswered ? this.deps.faq.decide(text) : undefined;
    if (asked?.kind === 'answer' && asked.entry.id === this.spec.faqEntry && asked.entry.facet && this.spec.facetsAnswered?.includes(asked.entry.facet)) {
      return { text: shortAnswer(asked.entry) };
    }
    if (this.spec.general) return this.spec.general(this.deps);
    const entry = this.deps.lookup(this.spec.faqEntry);
    return entry ? { text: shortAnswer(entry) } : undefined;
  }

  private state(dc: DialogContext): TaskState {
    return dc.activeDialog!.state.task as TaskState;
  }
}

/**
 * "next Tuesday at 8am", then "I mean the 15th": the day changes, the time said before stays (a
 * correction that names a time of its own replaces it).
 */
function keepTime(current: DateValue | undefined, next: unknown, text: string, facts: TurnFacts): unknown {
  const date = next as DateValue;
  if (!current?.time || typeof date?.date !== 'string' || date.time || facts.dates(text).some((mention) => mention.time)) return next;
  return { ...date, time: current.time };
}

const isDate = (value: unknown): boolean => typeof (value as DateValue | undefined)?.date === 'string';

/** A day known as a day, not a month or "about" one: what "the tuesday before" can count from. */
const isExactDate = (value: unknown): boolean => isDate(value) && !(value as DateValue).approximate;

/** A slot value as the candidate would say it back: a date written out, a test code, a list. */
function describe(value: unknown, language: Language): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  const date = value as { date?: string; time?: string; codes?: string[]; approximate?: string };
  // A month-only or rough date is said as precisely as it is known ("March 2020"), never as a day.
  if (date?.date && date.approximate) return asKnown(value as DateValue, language);
  if (date?.date) return writtenOut(date.time ? { date: date.date, time: date.time } : { date: date.date }, language);
  if (date?.codes) return date.codes.join(', ');
  return String(value);
}

