import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { Reply } from '../src/conversation/reply.js';
import type { Reading } from '../src/conversation/understand.js';
import { turnFacts } from '../src/conversation/turnFacts.js';
import { CANCEL_APPOINTMENT, OFFER, readingOf, replyFromAccount, requestOf, send, SIGN_IN, type AccountQuestion, type ConversationDeps } from './engine.js';
import { RepairDialog, type UnrelatedPolicy } from './repairDialog.js';
import { looksLikeBirthDate } from './slotReaders.js';
import { readCredentialParts, type Credentials, type CredentialsReading } from '../src/understanding/credentials.js';
import { dateRole } from '../src/understanding/dateRoles.js';

/** "I'd rather not give my SSN", "is there another way?": the candidate does not want to sign in. */
/** "I forgot my ASE ID": signing in cannot work now; say where help is and carry on without it. */
const FORGOT_ID = /\b(?:forgot|forget|lost|don'?t (?:know|have)|can'?t find|where (?:is|do i find)) (?:my )?(?:ase )?(?:id|number)\b/i;
const RATHER_NOT = /\b(?:rather not|don'?t want to|do not want to|not comfortable|another way|other way|without (?:signing|my ssn|giving)|no thanks|not sure i want|why do you need|do i (?:have|need) to (?:give|send|share|tell)|is (?:that|it|this) safe|is (?:that|it|this) secure)\b/i;

export interface SignInOptions {
  /** The message that carried the details, when they came unasked. */
  text?: string;
  /** The personal question to answer from the account once signed in. */
  question?: AccountQuestion;
}

interface SignInState {
  question?: AccountQuestion;
  /** Part of the details came already (an ASE ID alone): a date now is the birth date, sent apart. */
  partSent?: boolean;
  /**
   * The details sent so far, in pieces or in a try that did not match: kept only while this dialog
   * lives (it ends signed in, declined, or left for a question), so "DEMO-0001", "1980-01-01",
   * "0001" sign in, and "oops 1980-01-01" after a mismatch tries again with the rest. Never logged.
   */
  parts?: Partial<Credentials>;
  /**
   * A question was answered between the pieces ("DEMO-0003", "what's a No Show?", "1980-03-03,
   * 0003"): the pieces sent are kept for one more message, which finishes signing in or leaves it.
   */
  detoured?: boolean;
}

/** A task waits under sign-in (or an offer of one): a date sent now is that task's date. */
function taskBelow(dc: DialogContext): boolean {
  // The stack's last instance is the active one (sign-in); the one before it waits beneath.
  const below = dc.stack.at(-2);
  if (!below || below.id === CANCEL_APPOINTMENT) return false;
  return below.id !== OFFER || Boolean((below.state.offer as { task?: string } | undefined)?.task);
}

/** What a finished sign-in tells the dialog under it. */
export interface SignInResult {
  signedIn: boolean;
  outcome: string;
}

/**
 * Signing in with ASE ID, date of birth and the last 4 SSN digits: the only place a date is ever
 * read as a date of birth. A message with none of the three is not for this dialog: it goes back
 * to the task under it (a date there is the task's date) or is read afresh.
 */
export class SignInDialog extends RepairDialog {
  protected readonly unrelated: UnrelatedPolicy = 'drop';

  constructor(deps: ConversationDeps) {
    super(SIGN_IN, deps);
  }

  override async beginDialog(dc: DialogContext, options: SignInOptions = {}): Promise<DialogTurnResult> {
    dc.activeDialog!.state.signIn = { question: options.question } satisfies SignInState;
    if (options.text) {
      const taken = await this.answer(dc, readingOf(dc.context));
      if (taken) return taken;
    }
    return this.ask(dc);
  }

  protected question(dc: DialogContext): Reply {
    const state = dc.activeDialog?.state.signIn as SignInState | undefined;
    const missing = (['aseId', 'dateOfBirth', 'ssnLast4'] as const).filter((part) => !state?.parts?.[part]);
    const m = this.deps.messages.linking;
    return { text: state?.detoured && missing.length < 3 ? m.finishSigningIn(missing.map((part) => m.parts[part])) : m.askCredentials };
  }

  /**
   * Part of the details sent, then a question the knowledge base answers (no task with facts of its
   * own): answered, and sign-in keeps the pieces for one more message (ut21: the rest sent after the
   * detour was "Sorry, I don't know that one"). Anything else, or a second detour, leaves sign-in.
   */
  protected override policyFor(dc: DialogContext, reading: Reading): UnrelatedPolicy {
    const state = dc.activeDialog!.state.signIn as SignInState;
    const held = state.parts !== undefined && Object.keys(state.parts).length > 0;
    const decision = held && !state.detoured && !reading.command && !reading.acknowledgement ? reading.faq() : undefined;
    if (!decision || (decision.kind !== 'answer' && decision.kind !== 'out-of-scope') || this.deps.switchesTo(reading, turnFacts(dc.context))) return 'drop';
    state.detoured = true;
    return 'resume';
  }

  /** After a detour the reminder stands alone: "Back to your question:" would read as the question just answered. */
  protected override async ask(dc: DialogContext, lead?: string, after?: Reply): Promise<DialogTurnResult> {
    const state = dc.activeDialog?.state.signIn as SignInState | undefined;
    return super.ask(dc, state?.detoured ? undefined : lead, after);
  }

  protected override help(): string {
    return this.deps.messages.linking.help;
  }

  protected async answer(dc: DialogContext, reading: Pick<Reading, 'credentials'>): Promise<DialogTurnResult | undefined> {
    const m = this.deps.messages.linking;
    const account = this.deps.account(dc.context);
    const state = dc.activeDialog!.state.signIn as SignInState;
    const message = readingOf(dc.context);
    const here = readCredentialParts(message.text, turnFacts(dc.context), message.dates);
    const credentials = withPartsSent(reading.credentials, state.parts, here);
    if (!account) return undefined;
    if (!credentials.ok && FORGOT_ID.test(readingOf(dc.context).text)) {
      // "i dont have my ase id, its on the 20th": the date is the task's beneath, which goes on with it.
      // Not a date of birth ("i forgot my ase id, my dob is 3/4/1985"): only sign-in reads one.
      if (taskBelow(dc) && readingOf(dc.context).dates.length > 0 && !here.aseId && !here.ssnLast4 && !here.dateOfBirth) {
        await send(dc.context, this.deps, { text: m.forgotIdCarryOn });
        return undefined;
      }
      await send(dc.context, this.deps, { text: m.forgotId });
      return dc.endDialog({ signedIn: false, outcome: 'forgot-id' } satisfies SignInResult);
    }
    if (!credentials.ok && RATHER_NOT.test(readingOf(dc.context).text)) {
      await send(dc.context, this.deps, { text: m.noNeedToSignIn });
      return dc.endDialog({ signedIn: false, outcome: 'declined' } satisfies SignInResult);
    }
    if (!credentials.ok) {
      // No detail and no date in it ("ok and when do I need to recert?"): a question of its own,
      // answered, and sign-in left (as its prompt says).
      if (Object.keys(here).length === 0 && readingOf(dc.context).dates.length === 0) return undefined;
      // Only an ASE ID or SSN digits make this a sign-in message. A date alone is the date of a task
      // waiting under sign-in ("it's on December 14"), unless part of the details came already; with
      // no task under it, a date is kept here (the details sent apart, or a date sign-in will find),
      // and anything else is read afresh.
      const onlyADate = credentials.missing.includes('aseId') && credentials.missing.includes('ssnLast4');
      // A date of birth sent alone, right after the details were asked for ("Jan 1 1980"), is part
      // of them, never a test date: all three are asked for together.
      const dates = readingOf(dc.context).dates;
      const birthDateAlone = dates.length > 0 && dates.every((mention) => looksLikeBirthDate(mention.date, turnFacts(dc.context)));
      // A date the message says is a test's ("my test is on december 20", "I failed it on the 3rd")
      // is a fact for a task, not a piece of sign-in, whatever waits beneath: it is read afresh.
      const eventDates = dates.length > 0 && dates.every((mention) => dateRole(message.text, mention) !== undefined);
      if (onlyADate && !state.partSent && !birthDateAlone && (taskBelow(dc) || dates.length === 0 || eventDates)) return undefined;
      state.partSent = true;
      // Only a date ("12/15", "dec 15", "12/15/2026"), and no birth date: no thanks for nothing.
      // Without a year it may be the birth date half-typed (asked, with the year); with a year no one
      // could be born in, said so; neither is kept as the birth date.
      // The bare date: "it's on March 31" says what the date is (an appointment's), and keeps sign-in waiting as before.
      const bare = dates.length === 1 && message.text.replace(/[\s.,!?]+$/, '').trim().toLowerCase() === dates[0]!.text.trim().toLowerCase();
      const onlyTheDate = bare && !here.aseId && !here.ssnLast4 && (!here.dateOfBirth || !looksLikeBirthDate(here.dateOfBirth, turnFacts(dc.context)));
      const date = onlyTheDate ? dates[0] : undefined;
      if (date) {
        const missing = (['aseId', 'dateOfBirth', 'ssnLast4'] as const).filter((part) => credentials.missing.includes(part) || (part === 'dateOfBirth' && !state.parts?.dateOfBirth));
        const rest = missing.filter((part) => part !== 'dateOfBirth').map((part) => m.parts[part]);
        await send(dc.context, this.deps, { text: date.impliedYear ? m.birthDateNeedsYear(date.text.trim(), rest) : m.notABirthDate(date.text.trim(), missing.map((part) => m.parts[part])) });
        return RepairDialog.EndOfTurn;
      }
      state.parts = { ...state.parts, ...here };
      const onlyTheId = credentials.missing.length === 2 && !credentials.missing.includes('aseId');
      await send(dc.context, this.deps, { text: onlyTheId ? m.idAlone : m.stillNeed(credentials.missing.map((part) => m.parts[part])) });
      return RepairDialog.EndOfTurn;
    }
    // After details that did not match, a message with none of its own ("hola", "what's a No Show?")
    // is no new attempt: the same details again would only use up a try. It is read afresh.
    if (Object.keys(here).length === 0 && !reading.credentials.ok) return undefined;
    const facts = turnFacts(dc.context);
    const { outcome, replies, language } = await account.signIn(dc.context, credentials.credentials, facts);
    for (const reply of replies) await send(dc.context, this.deps, reply);
    requestOf(dc.context).account = { outcome };
    if (language) requestOf(dc.context).preferredLanguage = language;
    // Kept for a corrected piece next ("oops 1980-01-01"); gone when the dialog ends.
    if (outcome === 'verification-failed') {
      state.parts = { ...credentials.credentials };
      return RepairDialog.EndOfTurn;
    }
    state.parts = undefined;
    const signedIn = outcome === 'signed-in';
    const question = (dc.activeDialog!.state.signIn as SignInState).question;
    if (signedIn && question) {
      await dc.endDialog();
      const replied = await replyFromAccount(dc, this.deps, question);
      return replied?.cancelling ?? { status: DialogTurnStatus.complete, result: { signedIn, outcome: `account-${replied?.answered.outcome}` } };
    }
    return dc.endDialog({ signedIn, outcome } satisfies SignInResult);
  }
}

/**
 * This message's details over the ones sent before in this sign-in: all three make the credentials
 * (the newest piece of each kind wins), else what is still missing.
 */
function withPartsSent(reading: CredentialsReading, sent: Partial<Credentials> | undefined, here: Partial<Credentials>): CredentialsReading {
  if (reading.ok || !sent) return reading;
  const all = { ...sent, ...here };
  const missing = (['aseId', 'dateOfBirth', 'ssnLast4'] as const).filter((part) => !all[part]);
  if (missing.length) return { ok: false, missing };
  return { ok: true, credentials: all as Credentials, rest: '' };
}
