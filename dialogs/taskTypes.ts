import type { ListChange } from '../src/understanding/corrections.js';
import type { Language } from '../src/language/languages.js';
import type { TurnContext } from 'botbuilder';
import type { Reply } from '../src/conversation/reply.js';
import type { FaqAnswerer } from '../src/knowledge/faqAnswerer.js';
import type { FaqEntry } from '../src/knowledge/faqEntry.js';
import type { Messages } from '../src/messages/en.js';
import type { Catalogue, Policy } from '../src/rules/index.js';

export { turnFacts, turnFactsKey, type TurnFacts } from '../src/conversation/turnFacts.js';
import type { TurnFacts } from '../src/conversation/turnFacts.js';
import type { AccountQuestion } from './engine.js';

/** What every task dialog is built with. */
export interface TaskDeps {
  policy: Policy;
  catalogue: Catalogue;
  messages: Messages;
  /** The language these dialogs speak: its catalogue is `messages`; dates are written in it too. */
  language: Language;
  faq: FaqAnswerer;
  /** FAQ entries by id: a task's general answer is its FAQ entry, so the policy is told one way. */
  lookup: (id: string) => FaqEntry | undefined;
  render: (reply: Reply, context: TurnContext) => Partial<import('botbuilder').Activity>;
}

/** A slot read from text: a value, a question to clarify, or nothing found. */
export type SlotReading<T> =
  | {
      kind: 'value';
      value: T;
      /** "March 3, 2025: got it." */
      echo?: string;
      /** The reading filled in something not said (a year, a month): always say what was assumed. */
      assumed?: boolean;
    }
  | {
      kind: 'clarify';
      question: Reply;
      /**
       * A value read but questioned (a date so long ago it looks like a date of birth): taken if the
       * candidate gives it again in answer to the question.
       */
      doubted?: { value: T; echo?: string };
    }
  | { kind: 'none' };

/** A slot taken from what the candidate says; only an AskedSlot is ever asked for. */
export interface SlotSpec<Values> {
  name: keyof Values & string;
  /** Read only from answers to the slot's own question, never from the message that began the task. */
  notFromFirstMessage?: boolean;
  /** How the question was put, not a fact given ("if I let A6 lapse"): it changes without "Changed to ...". */
  quiet?: boolean;
  /**
   * Something the candidate may say about the task's subject that its rule does not need (the test an
   * appointment is for): kept and said back ("A8: noted.") right after the answer too ("It's the A8
   * engine performance one"), never a fact that starts or steers the task.
   */
  noted?: boolean;
  /** How a value reads back to the candidate ("Changed to Automobile."); a date or a code by default. */
  describe?: (value: Values[keyof Values], deps: TaskDeps) => string;
  /**
   * A list value: "and T4?" after the answer adds to it, "drop the P2" takes it out, "just the auto
   * ones" keeps only those (each given the value known and the value read).
   */
  list?: Partial<Record<ListChange, (known: Values[keyof Values], named: Values[keyof Values], deps: TaskDeps) => Values[keyof Values]>>;
  /**
   * A list value: "no, I meant T2" names one value to put right, not the whole list. The list with the
   * one it corrects replaced (the others stay), or undefined where the correction is the whole list.
   */
  correctOne?: (known: Values[keyof Values], into: Values[keyof Values], deps: TaskDeps) => Values[keyof Values] | undefined;
  /** A list value: "T3, not T2" swaps that one in the list (the others stay), rather than replacing the list. */
  swap?: (known: Values[keyof Values], out: Values[keyof Values], into: Values[keyof Values]) => Values[keyof Values];
  /**
   * A date slot whose answer can turn on the hour (the 72 hours before an appointment may end during
   * its day): given a day with no time, the question for the time (`date` is the day, ISO), asked
   * only when the answer at the day's first minute and at its last would differ.
   */
  askTime?: (date: string, deps: TaskDeps) => Reply;
  /**
   * "I don't know the time" at that question: the answer for either side of the hour that decides
   * ("at 7:52 AM or later, you can still ...; earlier, it can no longer be changed"), never the same
   * question again. `date` is the day (ISO).
   */
  timeUnknown?: (date: string, facts: TurnFacts, deps: TaskDeps) => { reply: Reply; outcome: string };
  /** Skip asking when the values so far make this slot unnecessary. */
  needed?: (values: Partial<Values>) => boolean;
  /** `asAnswer`: the text answers this slot's own question (not the message that began the task). */
  read: (
    text: string,
    facts: TurnFacts,
    deps: TaskDeps,
    values: Partial<Values>,
    asAnswer: boolean,
  ) => SlotReading<Values[keyof Values]>;
}

/** A slot the task asks for when the first message did not give it. */
export interface AskedSlot<Values> extends SlotSpec<Values> {
  ask: (values: Partial<Values>, deps: TaskDeps) => Reply;
}

export const isAsked = <Values>(slot: SlotSpec<Values>): slot is AskedSlot<Values> =>
  typeof (slot as AskedSlot<Values>).ask === 'function';

export interface TaskSpec<Values> {
  id: string;
  slots: Array<SlotSpec<Values> | AskedSlot<Values>>;
  /** The FAQ entry with the general answer, given first when the task still has to ask something. */
  faqEntry: string;
  /** A general answer of its own, when the FAQ entry's first sentence is not one (it gives a verdict). */
  general?: (deps: TaskDeps) => Reply;
  /**
   * Facets of the entry that answer the question outright ("if i recertify A1 early do i keep the
   * extra time?": no, five years from the recertification): asked with the task's facts, that facet's
   * lead is the general answer said first, and the task's own question (the offer) follows.
   */
  facetsAnswered?: string[];
  /** Start on a clear request even with no facts in it: the task's first question is the point. */
  startsWithoutFacts?: boolean;
  /**
   * Facts another task's answer rested on that are this task's too, by that task's id: this task's
   * slot name -> that task's. Asked about right after that answer ("what if I failed?" after the
   * results answer), this task starts from them instead of asking again (the test, the day taken).
   */
  carriesFrom?: Record<string, Record<string, string>>;
  /** The answer once every needed slot is filled. */
  answer: (values: Values, facts: TurnFacts, deps: TaskDeps) => { reply: Reply; outcome: string; accountWouldKnow?: boolean };
  /** The same question asked of the candidate's own account, answered from it once they are signed in. */
  accountQuestion?: (values: Partial<Values>) => AccountQuestion;
  /**
   * Signed in, the account answers even when the candidate gave the facts: a date typed to the
   * reschedule task once the account holds the appointments is more likely the new date wanted
   * ("el martes que viene a las 9" after "Su cita de A9 es el sábado, 26 de diciembre") than the
   * appointment's, which was worked out as "too late to change". A function says when: "my A6
   * might have expired" is a guess the account can settle, "my A6 expired" a fact told.
   *
   * Not signed in, an answer that says `accountWouldKnow` (a guess answered as a supposition) ends
   * by offering sign-in, where accounts are configured.
   */
  accountFirst?: boolean | ((values: Partial<Values>) => boolean);
  /** What "help" says at this task's questions. */
  help: (deps: TaskDeps) => string;
  /**
   * Slots a message right after the answer may change, read as they would be from a first message:
   * "A6 expired last year actually" after "you hold Master status" changes which tests lapsed, and
   * recomputes that answer instead of starting another task.
   */
  followUps?: Array<keyof Values & string>;
  /**
   * Slots that make even a question a follow-up when it also reads one of `followUps`: "what if I
   * let A6 lapse?" right after the Master answer is about that answer, the same facts or not.
   */
  followUpQuestions?: Array<keyof Values & string>;
  /**
   * What a date known only roughly already settles, said before the task asks for more of it ("a
   * test passed in 2021 expires in 2026 ..." before "Which month of 2021?"): answer first, never a
   * question alone. `values` hold the rough date in its slot.
   */
  roughAnswer?: (values: Partial<Values>, facts: TurnFacts, deps: TaskDeps) => string | undefined;
  /**
   * Which outcomes leave the window open and which close it: "is it too late?" or "so I can still
   * take it?" right after the answer is answered yes or no from it (the route row `verdict`).
   */
  verdicts?: Partial<Record<string, 'open' | 'closed'>>;
  /**
   * The rule behind an outcome, from the source: "why not?" right after that answer is answered
   * with it (the route row `reason`), never read as a new question ("You can, as long as ..."
   * after "it can no longer be changed" read as a contradiction).
   */
  reasons?: Partial<Record<string, (deps: TaskDeps) => string>>;
  /**
   * What happens to the money in an outcome, from the source: "can I get a refund?" or "so I just
   * lose the money?" right after that answer is answered with it (the route row `reason`), never
   * the general cancel answer ("a test you purchased is refunded" after "it can no longer be cancelled").
   */
  refunds?: Partial<Record<string, (deps: TaskDeps) => string>>;
  /**
   * What can be said of an exception to the rule in an outcome: "can I call prometric and get an
   * exception?" right after "it can no longer be changed" is told the bot has nothing on exceptions
   * and who to ask (the route row `reason`), never the general "You can, as long as ...".
   */
  exceptions?: Partial<Record<string, (deps: TaskDeps) => string>>;
  /**
   * When the test can be taken again in an outcome, from the source: "when can I retake it?" right
   * after that answer is answered with it (the route row `reason`), never read as a failed test's
   * 30-day wait (a missed appointment is a No Show, not a failure).
   */
  retakes?: Partial<Record<string, (deps: TaskDeps) => string>>;
  /**
   * Buying the test again in an outcome that closed it, from the source: "what if I just buy it
   * again?" after "it expired", "how much will it cost to rebook?" after the No Show answer (the route
   * row `reason`), never read as a change of appointment's fee.
   */
  rebuys?: Partial<Record<string, (deps: TaskDeps) => string>>;
  /**
   * Paying again, asked in the message that began the task ("failed A8 yesterday, when can i retake
   * it and do i have to pay again"): what this outcome says of it, beside the date. Only there: after
   * the answer, "do i have to pay again?" is the entry's cost answer (the fees, per order), "when can
   * I buy it again?" the task's own date.
   */
  payAgain?: Partial<Record<string, (deps: TaskDeps) => string>>;
  /**
   * Buying or taking the test again, asked while this task's question still waits and with no
   * failure said ("i was late and they turned me away" ... "what if i just buy it again today"): this
   * task's own rule for it, never the failed test's 30-day wait; its question is asked again.
   */
  retakeWhileAsking?: (deps: TaskDeps) => string;
  /**
   * What the end of a window does, asked while it is open: "what happens if it expires?" right after
   * "you have until ..." (the route row `reason`), never read as a missed appointment.
   */
  ifExpires?: Partial<Record<string, (deps: TaskDeps) => string>>;
}
