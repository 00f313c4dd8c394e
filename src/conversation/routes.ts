import { actionOnTheOneShown, asksWhatToDoNext } from '../understanding/accountQuestions.js';
import { askedOfLastAnswer } from '../understanding/askedOfLastAnswer.js';
import type { Reading } from './understand.js';

/** What the route table can see besides the message: the conversation's state, read before routing. */
export interface RouteState {
  /** A handoff is configured (the store says whether this conversation is with staff). */
  handoff: boolean;
  /** A dialog is waiting for an answer (a task, an offer, sign-in, a confirmation). */
  dialogWaiting: boolean;
  /** Accounts can be looked at here (an account service, and a one-to-one chat). */
  accounts: boolean;
  /** A task was answered last and can be corrected ("no, I meant A4"). */
  lastTask: boolean;
  /** That answer rested on a date known only roughly ("in May 2019"): a date alone next makes it exact. */
  lastTaskRough?: boolean;
  /** The message changes a fact that answer rested on ("A6 expired actually" after "you hold Master status"). */
  lastTaskFollowUp?: boolean;
  /** The message asks that answer's verdict again ("is it too late?" after "it expired"). */
  lastTaskVerdict?: boolean;
  /** A question about the candidate's own tests was answered from the account last ("did I pass A5?"). */
  lastAccountQuestion?: boolean;
  /** An answer was given last (an entry, a task's, the account's): its entry is the context of a short question next. */
  lastAnswer?: boolean;
  /** The message asks why that answer came out as it did ("why not?" after "it can no longer be changed"). */
  lastTaskReason?: boolean;
}

/** The things a route can do; the bot implements them. Each says whether it took the message. */
export type RouteAction =
  | 'relayToStaff'
  | 'askForText'
  | 'handOver'
  | 'continueDialog'
  | 'switchLanguage'
  | 'accountCommand'
  | 'answerAskedPart'
  | 'commandReply'
  | 'acknowledge'
  | 'askAccountAgain'
  | 'correctLastTask'
  | 'answerVerdict'
  | 'answerReason'
  | 'signInWithDetails'
  | 'startTask'
  | 'answerFromAccount'
  | 'answerFaq';

export interface Route {
  name: string;
  /** What the row does, for the docs and the closing table. */
  says: string;
  when: (reading: Reading, state: RouteState) => boolean;
  action: RouteAction;
}

/**
 * What a message does, in order: the first row whose condition holds and whose action takes the
 * message wins. Everything that waits for an answer is a dialog (row "dialog"), and the repair
 * base every dialog extends handles commands, corrections, switching and interruptions inside it;
 * a dialog that does not take a message hands it back, and the rows below it read it afresh.
 */
export const ROUTES: readonly Route[] = [
  { name: 'with-staff', says: 'handed to a person: relayed to staff (while queued, "passed that on" and the place in line; "never mind" leaves the queue; "never mind, when do ..." leaves it and the rows below answer; a bare "no" asks "Do you want to leave the queue?" with [Yes, back to the bot] [No, keep waiting], passing nothing on)', when: (_r, s) => s.handoff, action: 'relayToStaff' },
  { name: 'no-text', says: 'a picture or an empty message: ask for text', when: (r) => r.text === '', action: 'askForText' },
  { name: 'person', says: '"talk to a person", anywhere in the message: hand over', when: (r) => r.person, action: 'handOver' },
  { name: 'dialog', says: 'a dialog is waiting: it reads the message (with the repair patterns)', when: (_r, s) => s.dialogWaiting, action: 'continueDialog' },
  { name: 'language', says: '"English, please" / "sorry can we do english" / "en español": the conversation changes language (said in the new one); "do u speak spanish?": yes, and how to switch', when: (r) => r.languageSwitch !== null || r.languageQuestion !== null, action: 'switchLanguage' },
  { name: 'account-command', says: '"sign in" / "sign out"', when: (r) => r.command === 'signIn' || r.command === 'signOut', action: 'accountCommand' },
  { name: 'asked-of-answer', says: '"how?", "where do i see it?", "so what do I do now?" / "next step?", "and then?", "how much?", "should I register first?" (the sentence that puts things in order: after the ADA answer, wait for approval) right after an answer: the part of that answer\'s entry that says it (pointed back to when the answer said it; what to do next with no step, place or phone in the entry: the one paragraph that says what to achieve or take), or that there is nothing more and who can help; never the same answer again, nor the general help', when: (r, s) => s.lastAnswer === true && askedOfLastAnswer(r.text) !== null, action: 'answerAskedPart' },
  { name: 'command', says: 'help, cancel, start over, hello, "hey u there?" / "¿sigue ahí?" (yes, here), thanks, bye, what can you do, "what\'s your name" (what the bot is and what it can do), "this is useless" (sorry, and a person offered)', when: (r) => r.command !== null, action: 'commandReply' },
  { name: 'acknowledgement', says: '"ok", "cool", "got it": a short friendly reply, never a misunderstanding; "that sucks", "thats not fair" (an answer\'s news taken badly): sorry, and a way on (ask another way, or a person)', when: (r) => r.acknowledgement !== null, action: 'acknowledge' },
  { name: 'account-correction', says: '"what about G1?" / "no, I meant A5" right after an answer from the account about named tests (results, appointments, expiry, a retest): the same question asked of those tests (a question of its own, "and when does A4 expire?", is its own; after the Master answer, that test\'s own certification); "ok cancel it", "ok do it", "la quiero cancelar" right after one about appointments (which ends "or ask me to cancel it"): those cancelled, after an explicit yes (alone, "cancel it" is never an appointment\'s); "can I cancel it and get a refund?" right after one: each one\'s three-day rule, that a purchased test cancelled is refunded, and the one that can be cancelled offered; "can I cancel it?", "¿la puedo cancelar?" right after one: each one\'s three-day rule, and the one that can still be cancelled offered; "I want to change it", "la quiero cambiar" right after one: whether and until when they can still be moved, from the account; "what do i need to take" right after one: that answer again, from the account', when: (r, s) => s.lastAccountQuestion === true && s.accounts && ((r.correction !== null && r.accountQuestion === null && r.task === null) || actionOnTheOneShown(r.text) !== null || asksWhatToDoNext(r.text)), action: 'askAccountAgain' },
  { name: 'correction', says: '"no, I meant A4" after a task answered (or a date alone after one answered from a month, a time alone after one answered from a day, with or without its time ("what about if it was 8am" after Thursday at 9 AM: Thursday at 8), a fact that answer went without ("fue el A6" after the retest for "the test"), or a fact that answer rested on): that value changed, the answer recomputed', when: (r, s) => s.lastTask && (r.correction !== null || (r.dateOnly && s.lastTaskRough === true) || s.lastTaskFollowUp === true), action: 'correctLastTask' },
  { name: 'verdict', says: '"is it too late?" / "so I can still take it?" right after a task answered (a purchase window, a change): yes or no, from that answer; after a change, its own question asked again ("can I move it to next week?", "¿lo puedo mover a la otra semana?": a row per task in `verdictQuestions.ts`) too, never the general "You can, as long as ..."; "by when?", "what time do I need to do it by", "what\'s the deadline?": the deadline sentence of that answer again (its No when none is left)', when: (_r, s) => s.lastTask && s.lastTaskVerdict === true, action: 'answerVerdict' },
  { name: 'reason', says: '"why not?" right after a task answered (a change too late, a purchase expired, a retest not yet allowed): the rule behind that answer, from the source; "can I get a refund?" / "so I just lose the money?" after a change worked out: what that outcome does to the money; "can I call prometric and get an exception?" after "it can no longer be changed": nothing on exceptions, and Prometric\'s number (the spec\'s `exceptions`); "when can I retake it?" after the missed-appointment answer: the No Show rule, never the 30-day wait (`TaskSpec.retakes`); "what if I just buy it again?" after "it expired", "how much will it cost to rebook?" after the missed-appointment answer: buying it again (`rebuys`); "what happens if it expires?" after "you have until ...": the 90-day rule (`ifExpires`)', when: (_r, s) => s.lastTask && s.lastTaskReason === true, action: 'answerReason' },
  { name: 'sign-in-details', says: 'ASE ID, date of birth and SSN digits sent unasked: sign in, then read on what else the message asks (an ASE ID alone: the rest asked for)', when: (r, s) => r.signInDetails && s.accounts, action: 'signInWithDetails' },
  { name: 'task', says: 'a task asked with its own facts (or one whose first question is the point): start it ("i have A1 thru A7", "tengo del A1 al A7": the tests held, listed and nothing asked, are the Master status task); two tasks in one message ("I failed A5 on March 3 and I also want to move my A4 appointment on Friday"): both, in the order asked, the second once the first is answered', when: (r) => r.task !== null, action: 'startTask' },
  { name: 'own-account', says: 'a question about the candidate\'s own account, signed in: answered from it ("can I get an exception?", kind `exception`: each upcoming appointment inside the three days or not, then that the source gives no exceptions and who to ask; signed out, the known gap\'s honest answer, or none in the source and sign-in offered)', when: (r, s) => r.accountQuestion !== null && s.accounts, action: 'answerFromAccount' },
  { name: 'faq', says: 'the knowledge base: an answer (offering the task and sign-in), did-you-mean, a known gap, or not understood; a question about the candidate\'s own things whose answer is everyone\'s ("oh and when do I get my certificate?": `ANSWERED_FOR_EVERYONE` in `routeActions.ts`) gets that general answer, sign-in offered beside it, where the ranking was unsure but found its entry; "and my ASE A1 too" right after the EPA 609 answer is the same question asked of ASE\'s own tests (`ASKED_OF_ASE_TESTS`: the duplicate certificate)', when: () => true, action: 'answerFaq' },
];

/** Runs the table: the first row that applies and takes the message. Returns the row's name. */
export async function route(reading: Reading, state: RouteState, act: (action: RouteAction) => Promise<boolean>): Promise<string> {
  for (const row of ROUTES) {
    if (row.when(reading, state) && (await act(row.action))) return row.name;
  }
  throw new Error('conversation/routes: no route took the message (the last row must always take it)');
}
