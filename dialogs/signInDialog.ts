import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { Reply } from '../src/conversation/reply.js';
import type { Reading } from '../src/conversation/understand.js';
import { turnFacts } from '../src/conversation/turnFacts.js';
import { CANCEL_APPOINTMENT, OFFER, readingOf, replyFromAccount, requestOf, send, SIGN_IN, type AccountQuestion, type ConversationDeps } from './engine.js';
import { RepairDialog, type UnrelatedPolicy } from './repairDialog.js';
import { looksLikeBirthDate } from './slotReaders.js';

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

  protected question(): Reply {
    return { text: this.deps.messages.linking.askCredentials };
  }

  protected override help(): string {
    return this.deps.messages.linking.help;
  }

  protected async answer(dc: DialogContext, reading: Pick<Reading, 'credentials'>): Promise<DialogTurnResult | undefined> {
    const m = this.deps.messages.linking;
    const account = this.deps.account(dc.context);
    const credentials = reading.credentials;
    if (!account) return undefined;
    if (!credentials.ok && FORGOT_ID.test(readingOf(dc.context).text)) {
      await send(dc.context, this.deps, { text: m.forgotId });
      return dc.endDialog({ signedIn: false, outcome: 'forgot-id' } satisfies SignInResult);
    }
    if (!credentials.ok && RATHER_NOT.test(readingOf(dc.context).text)) {
      await send(dc.context, this.deps, { text: m.noNeedToSignIn });
      return dc.endDialog({ signedIn: false, outcome: 'declined' } satisfies SignInResult);
    }
    if (!credentials.ok) {
      const state = dc.activeDialog!.state.signIn as SignInState;
      // Only an ASE ID or SSN digits make this a sign-in message. A date alone is the date of a task
      // waiting under sign-in ("it's on December 14"), unless part of the details came already; with
      // no task under it, a date is kept here (the details sent apart, or a date sign-in will find),
      // and anything else is read afresh.
      const onlyADate = credentials.missing.includes('aseId') && credentials.missing.includes('ssnLast4');
      // A date of birth sent alone, right after the details were asked for ("Jan 1 1980"), is part
      // of them, never a test date: all three are asked for together.
      const dates = readingOf(dc.context).dates;
      const birthDateAlone = dates.length > 0 && dates.every((mention) => looksLikeBirthDate(mention.date, turnFacts(dc.context)));
      if (onlyADate && !state.partSent && !birthDateAlone && (taskBelow(dc) || dates.length === 0)) return undefined;
      state.partSent = true;
      const idAlone = readingOf(dc.context).aseIdAlone;
      await send(dc.context, this.deps, { text: idAlone ? m.idAlone : m.needAllThree(credentials.missing.map((part) => m.parts[part])) });
      return RepairDialog.EndOfTurn;
    }
    const facts = turnFacts(dc.context);
    const { outcome, replies } = await account.signIn(dc.context, credentials.credentials, facts);
    for (const reply of replies) await send(dc.context, this.deps, reply);
    requestOf(dc.context).account = { outcome };
    if (outcome === 'verification-failed') return RepairDialog.EndOfTurn;
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
