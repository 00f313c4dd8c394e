import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import type { AccountService, CandidateAccount, WebIdentityVerifier } from '../account/index.js';
import { AccountNotFoundError, AccountRequestError, AccountUnavailableError } from '../account/index.js';
import type { AccountLink, AccountLinks } from '../account/linking.js';
import type { Reply } from '../conversation/reply.js';
import type { TurnFacts } from '../conversation/turnFacts.js';
import type { Messages } from '../messages/en.js';
import type { Credentials } from '../understanding/credentials.js';
import type { Language } from '../language/languages.js';
import { setTurnLanguage } from '../language/turnLanguage.js';
import type { AccountAnswer, AccountPort, AccountQuestion, SignInOutcome } from '../../dialogs/engine.js';

export interface AccountAccessDeps {
  accounts: AccountService;
  links: AccountLinks;
  webIdentity?: WebIdentityVerifier;
  /** The catalogue of the turn's language. */
  messages: (context: TurnContext) => Messages;
  /** Answers a personal question from an account (the rules applied to the candidate's own dates). */
  answer: (question: AccountQuestion, account: CandidateAccount, facts: TurnFacts) => AccountAnswer;
}

const accountKey = Symbol('accountThisTurn');
const linkKey = Symbol('linkThisTurn');

/** The conversation an account link belongs to. */
export const conversationOf = (context: TurnContext): string => `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;

/**
 * The candidate's own account for the dialogs: signing in (a signed website token, or ASE ID + date
 * of birth + last 4 SSN digits checked by the account service, with lock-out), answering from the
 * linked account only, cancelling after an explicit yes. The candidate id comes from the link
 * alone, never from the message; the details are read and dropped within the turn.
 */
export class AccountAccess {
  constructor(private readonly deps: AccountAccessDeps) {}

  /** The port the dialogs use in this conversation. */
  port(): AccountPort {
    return {
      signedIn: (context, facts) => this.signedIn(context, facts),
      signIn: (context, credentials, facts) => this.signIn(context, credentials, facts),
      answer: (context, question, facts) => this.answer(context, question, facts),
      cancel: (context, appointment, facts) => this.cancel(context, appointment, facts),
    };
  }

  /** Every message keeps a sign-in alive, and a website token signs the conversation in quietly. */
  async onTurn(context: TurnContext, now: Date): Promise<void> {
    const conversation = conversationOf(context);
    if (await this.link(context, now)) return;
    const token = (context.activity.channelData as { identityToken?: unknown } | undefined)?.identityToken;
    if (!this.deps.webIdentity || typeof token !== 'string' || !token) return;
    try {
      const identity = await this.deps.webIdentity(token, now);
      context.turnState.set(linkKey, Promise.resolve(await this.deps.links.link(conversation, identity.candidateId, 'web-token', now, identity.expiresAt)));
    } catch {
      // A bad or expired token links nothing; the candidate can still sign in with their details.
    }
  }

  /**
   * The conversation's link, read (and kept alive) once per turn: reading it touches it in the
   * store, so every later question in the turn shares that one read and write.
   */
  private link(context: TurnContext, now: Date): Promise<AccountLink | undefined> {
    let link = context.turnState.get(linkKey) as Promise<AccountLink | undefined> | undefined;
    if (!link) {
      link = this.deps.links.current(conversationOf(context), now);
      context.turnState.set(linkKey, link);
    }
    return link;
  }

  /** Signed in to an ASE account in this conversation (for the staff summary; never who). */
  async isVerified(context: TurnContext, now: Date): Promise<boolean> {
    return Boolean(await this.link(context, now));
  }

  /**
   * The signed-in candidate's first name, for the agent who takes their case to greet them by; none
   * when not signed in, or when the account cannot be read right now (the handoff goes on without it).
   */
  async firstName(context: TurnContext, now: Date): Promise<string | undefined> {
    const link = await this.link(context, now);
    if (!link) return undefined;
    try {
      return (await this.account(context, link.candidateId)).profile.firstName || undefined;
    } catch {
      return undefined;
    }
  }

  /** "sign in" with nobody waiting for it: already signed in, or a start. */
  async signedInAlready(context: TurnContext, now: Date): Promise<Reply | undefined> {
    const m = this.deps.messages(context).linking;
    const link = await this.link(context, now);
    return link ? { text: link.via === 'web-token' ? m.signedInByWeb : m.alreadySignedIn } : undefined;
  }

  async signOut(context: TurnContext, now: Date): Promise<Reply> {
    const m = this.deps.messages(context).linking;
    const conversation = conversationOf(context);
    const link = await this.link(context, now);
    await this.deps.links.signOut(conversation);
    context.turnState.set(linkKey, Promise.resolve(undefined));
    return { text: link ? m.signedOut : m.notSignedIn };
  }

  /** Signed in here? Only the link is read: the account itself is fetched when something is answered from it. */
  private async signedIn(context: TurnContext, facts: TurnFacts): Promise<boolean> {
    return Boolean(await this.link(context, facts.now));
  }

  /** The account, fetched at most once per turn (a sign-in and the answer after it share the read). */
  private async account(context: TurnContext, candidateId: string): Promise<CandidateAccount> {
    const cached = context.turnState.get(accountKey) as { candidateId: string; account: Promise<CandidateAccount> } | undefined;
    if (cached?.candidateId === candidateId) return cached.account;
    const account = this.deps.accounts.getAccount(candidateId);
    context.turnState.set(accountKey, { candidateId, account });
    // A failed read is not kept: the caller reports it, and a retry next turn reads again.
    account.catch(() => context.turnState.delete(accountKey));
    return account;
  }

  private async signIn(context: TurnContext, credentials: Credentials, facts: TurnFacts): Promise<{ outcome: SignInOutcome; replies: Reply[]; language?: Language }> {
    const m = this.deps.messages(context).linking;
    const conversation = conversationOf(context);
    const { aseId, dateOfBirth, ssnLast4 } = credentials;
    // Counted before the check, so parallel guesses cannot all pass a lock-out check made first.
    const attempt = await this.deps.links.recordAttempt(aseId, conversation, facts.now);
    // The ASE ID's backoff (someone, maybe the candidate, got it wrong just now): seconds, never a lock.
    if (attempt.waitMs) return { outcome: 'locked-out', replies: [{ text: m.waitABit(Math.ceil(attempt.waitMs / 1000)) }] };
    const locked = attempt.refused ? await this.deps.links.lockedUntil(aseId, conversation, facts.now) : undefined;
    if (locked) return { outcome: 'locked-out', replies: [{ text: m.lockedOut(clockTime(locked, facts.zone)) }] };
    let result;
    try {
      result = await this.deps.accounts.verify(aseId, dateOfBirth, ssnLast4);
    } catch (error) {
      // The service could not check: this try does not count against the candidate.
      await this.deps.links.forgiveAttempt(aseId, conversation, facts.now);
      return { outcome: 'account-unavailable', replies: [{ text: this.errorText(context, error) }] };
    }
    if (!result.verified) {
      if (attempt.lockedUntil) return { outcome: 'locked-out', replies: [{ text: m.lockedOut(clockTime(attempt.lockedUntil, facts.zone)) }] };
      return { outcome: 'verification-failed', replies: [{ text: m.mismatch(attempt.triesLeft) }] };
    }
    await this.deps.links.clearFailures(aseId, conversation);
    context.turnState.set(linkKey, Promise.resolve(await this.deps.links.link(conversation, result.candidateId, 'verification', facts.now)));
    try {
      const account = await this.account(context, result.candidateId);
      const language = account.profile.preferredLanguage;
      // Details alone as the first message: the turn's language was only the channel's default, so
      // the account's own language answers ("Gracias, Demo: ha iniciado sesión", not "Thanks, Demo").
      if (language && language !== facts.language && facts.languageOpen) setTurnLanguage(context, language);
      const said = this.deps.messages(context).linking;
      return { outcome: 'signed-in', replies: [{ text: said.signedIn(account.profile.firstName || aseId) }], ...(language ? { language } : {}) };
    } catch (error) {
      // Verified, but the account is gone: signed out again, and told so. Unreadable for now: signed
      // in (the link holds), with the problem said plainly.
      if (error instanceof AccountNotFoundError) {
        await this.forget(context);
        return { outcome: 'account-unavailable', replies: [{ text: this.errorText(context, error) }] };
      }
      return { outcome: 'signed-in', replies: [{ text: m.signedIn(aseId) }, { text: this.errorText(context, error) }] };
    }
  }

  private async answer(context: TurnContext, question: AccountQuestion, facts: TurnFacts): Promise<AccountAnswer> {
    try {
      const link = await this.link(context, facts.now);
      if (!link) return { reply: { text: this.deps.messages(context).linking.askCredentials }, outcome: 'not-signed-in' };
      const account = await this.account(context, link.candidateId);
      return this.deps.answer(question, account, facts);
    } catch (error) {
      if (error instanceof AccountNotFoundError) await this.forget(context);
      return { reply: { text: this.errorText(context, error) }, outcome: 'account-error' };
    }
  }

  private async cancel(
    context: TurnContext,
    appointment: { appointmentId: string; label: string; idempotencyKey: string },
    facts: TurnFacts,
  ): Promise<{ outcome: string; reply: Reply; keep: boolean }> {
    const m = this.deps.messages(context).linking;
    const link = await this.link(context, facts.now);
    if (!link) return { outcome: 'sign-in-lapsed', reply: { text: m.signInLapsed }, keep: false };
    try {
      await this.deps.accounts.cancelAppointment(link.candidateId, appointment.appointmentId, appointment.idempotencyKey);
      return { outcome: 'cancelled', reply: { text: m.cancelled(appointment.label) }, keep: false };
    } catch (error) {
      // Unavailable: keep the pending cancel (same key), so "yes" again is safe. Refused: drop it.
      const keep = error instanceof AccountUnavailableError;
      if (error instanceof AccountRequestError) return { outcome: 'cancel-refused', reply: { text: m.cancelRefused(refusal(error.code, m)) }, keep };
      if (error instanceof AccountNotFoundError && error.resource === 'appointment') return { outcome: 'cancel-refused', reply: { text: m.appointmentGone }, keep };
      return { outcome: 'account-error', reply: { text: this.errorText(context, error) }, keep };
    }
  }

  /** The account is gone: the link goes too, for this turn and after. */
  private async forget(context: TurnContext): Promise<void> {
    await this.deps.links.signOut(conversationOf(context));
    context.turnState.set(linkKey, Promise.resolve(undefined));
  }

  private errorText(context: TurnContext, error: unknown): string {
    const m = this.deps.messages(context).linking;
    if (error instanceof AccountUnavailableError) return m.accountUnavailable;
    if (error instanceof AccountNotFoundError) return m.accountGone;
    return m.accountProblem;
  }
}

/** The candidate-facing reason for a refused cancellation; the API's own wording stays in the logs. */
function refusal(code: string | undefined, m: Messages['linking']): string {
  if (code === 'change-window-closed') return m.refusedTooLate;
  if (code === 'already-cancelled') return m.refusedAlreadyCancelled;
  return m.refusedOther;
}

const clockTime = (at: Date, zone: string): string => DateTime.fromJSDate(at).setZone(zone).toFormat('h:mm a');
