import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import type { AccountService, CandidateAccount, WebIdentityVerifier } from '../account/index.js';
import { AccountNotFoundError, AccountRequestError, AccountUnavailableError, newIdempotencyKey } from '../account/index.js';
import type { AccountLinks } from '../account/linking.js';
import type { Reply } from '../channels/reply.js';
import type { Messages } from '../messages/en.js';
import { readCredentials } from '../understanding/credentials.js';
import type { TurnFacts } from '../../dialogs/index.js';

/** A question about the candidate's own account, as personalIntent reads it. */
export interface PersonalQuestion {
  kind: string;
}

export interface PersonalAnswer {
  reply: Reply;
  outcome: string;
  cancellable?: Array<{ appointmentId: string; label: string }>;
}

/** What the assistant keeps in conversation state: flags and ids, never a verification answer. */
export interface AccountTurnData {
  awaitingCredentials?: boolean;
  /** The personal question asked before signing in, answered once signed in. */
  pendingQuestion?: PersonalQuestion;
  cancelChoices?: Array<{ appointmentId: string; label: string }>;
  pendingCancel?: { appointmentId: string; label: string; idempotencyKey: string };
}

export interface AccountAssistantDeps {
  accounts: AccountService;
  links: AccountLinks;
  webIdentity?: WebIdentityVerifier;
  messages: Messages;
  detect: (text: string) => PersonalQuestion | null;
  answer: (question: PersonalQuestion, account: CandidateAccount, facts: TurnFacts) => PersonalAnswer;
}

export type AccountOutcome = { handled: false } | { handled: true; reply: Reply[]; outcome: string };

const yes = /^(?:y|yes|yeah|yep|sure|confirm|do it|yes,? cancel(?: it)?|please do)\b/i;
const no = /^(?:n|no|nope|nah|don'?t|keep(?: it)?|no,? keep(?: it)?|never ?mind)\b/i;

/**
 * Everything that touches a candidate's own account: signing in (a signed website token, or ASE ID +
 * date of birth + last 4 SSN digits checked by the account service, with lock-out), answering
 * personal questions from the linked account only, and cancelling an appointment after an explicit
 * yes, once (idempotency key). The candidate id comes from the link alone, never from the message.
 */
export class AccountAssistant {
  constructor(private readonly deps: AccountAssistantDeps) {}

  /** `personal: false` when the message answers itself (a task has its facts): pending steps only. */
  async handle(
    context: TurnContext,
    data: AccountTurnData,
    text: string,
    facts: TurnFacts,
    conversation: string,
    options: { personal: boolean } = { personal: true },
  ): Promise<AccountOutcome> {
    const m = this.deps.messages.linking;
    const replies: Reply[] = [];
    // A website token signs the conversation in quietly; whatever was asked is still answered.
    await this.linkFromWebToken(context, conversation, facts.now);

    const done = (outcome: string, ...more: Reply[]): AccountOutcome => ({ handled: true, reply: [...replies, ...more], outcome });

    if (data.pendingCancel) {
      const pending = data.pendingCancel;
      if (yes.test(text.trim())) return done(...(await this.cancel(data, pending, conversation, facts)));
      data.pendingCancel = undefined;
      if (no.test(text.trim())) return done('cancel-declined', { text: m.keptIt });
    }
    if (yes.test(text.trim()) && text.trim().split(/\s+/).length <= 3) {
      // A "yes" with nothing pending (a second tap on the button, say) must not be taken as anything else.
      return done('nothing-to-confirm', { text: m.nothingToConfirm });
    }
    if (data.cancelChoices?.length) {
      const choices = data.cancelChoices;
      data.cancelChoices = undefined;
      const picked = pickByNumberOrLabel(text, choices);
      if (picked) return done('cancel-confirm', this.confirm(data, picked));
    }
    if (data.awaitingCredentials) {
      const outcome = await this.tryCredentials(data, text, facts, conversation);
      if (outcome) return done(outcome.outcome, ...outcome.reply);
    }
    const question = options.personal ? this.deps.detect(text) : null;
    if (!question) return { handled: false };
    const link = await this.deps.links.current(conversation, facts.now);
    if (!link) {
      data.awaitingCredentials = true;
      data.pendingQuestion = question;
      return done('sign-in-requested', { text: m.askCredentials });
    }
    return done(...(await this.answer(data, question, link.candidateId, facts, conversation)));
  }

  /** Keeps a sign-in alive while the candidate is talking, whatever they talk about. */
  async keepAlive(conversation: string, now: Date): Promise<void> {
    await this.deps.links.current(conversation, now);
  }

  /** Signed in to an ASE account in this conversation (for the staff summary; never who). */
  async isVerified(conversation: string, now: Date): Promise<boolean> {
    return Boolean(await this.deps.links.current(conversation, now));
  }

  async signIn(data: AccountTurnData, conversation: string, now: Date): Promise<Reply> {
    const m = this.deps.messages.linking;
    const link = await this.deps.links.current(conversation, now);
    if (link) return { text: link.via === 'web-token' ? m.signedInByWeb : m.alreadySignedIn };
    data.awaitingCredentials = true;
    return { text: this.deps.messages.linking.askCredentials };
  }

  async signOut(data: AccountTurnData, conversation: string, now: Date): Promise<Reply> {
    const m = this.deps.messages.linking;
    const link = await this.deps.links.current(conversation, now);
    data.awaitingCredentials = undefined;
    data.pendingQuestion = undefined;
    data.pendingCancel = undefined;
    data.cancelChoices = undefined;
    await this.deps.links.signOut(conversation);
    return { text: link ? m.signedOut : m.notSignedIn };
  }

  private async linkFromWebToken(context: TurnContext, conversation: string, now: Date): Promise<boolean> {
    const token = (context.activity.channelData as { identityToken?: unknown } | undefined)?.identityToken;
    if (!this.deps.webIdentity || typeof token !== 'string' || !token) return false;
    if (await this.deps.links.current(conversation, now)) return false;
    try {
      const identity = await this.deps.webIdentity(token, now);
      await this.deps.links.link(conversation, identity.candidateId, 'web-token', now, identity.expiresAt);
      return true;
    } catch {
      // A bad or expired token links nothing; the candidate can still sign in with their details.
      return false;
    }
  }

  private async tryCredentials(
    data: AccountTurnData,
    text: string,
    facts: TurnFacts,
    conversation: string,
  ): Promise<{ outcome: string; reply: Reply[] } | undefined> {
    const m = this.deps.messages.linking;
    const reading = readCredentials(text, facts);
    if (!reading.ok) {
      // Something else entirely (a new question): stop waiting for details and let it be answered.
      if (reading.missing.length === 3) {
        data.awaitingCredentials = undefined;
        data.pendingQuestion = undefined;
        return undefined;
      }
      return { outcome: 'credentials-incomplete', reply: [{ text: m.needAllThree(reading.missing.map((part) => m.parts[part]).join(', ')) }] };
    }
    const { aseId, dateOfBirth, ssnLast4 } = reading.credentials;
    // Counted before the check, so parallel guesses cannot all pass a lock-out check made first.
    const attempt = await this.deps.links.recordAttempt(aseId, conversation, facts.now);
    const locked = attempt.refused ? await this.deps.links.lockedUntil(aseId, conversation, facts.now) : undefined;
    if (locked) return { outcome: 'locked-out', reply: [{ text: m.lockedOut(clockTime(locked, facts.zone)) }] };
    let result;
    try {
      result = await this.deps.accounts.verify(aseId, dateOfBirth, ssnLast4);
    } catch (error) {
      // The service could not check: this try does not count against the candidate.
      await this.deps.links.forgiveAttempt(aseId, conversation, facts.now);
      return { outcome: 'account-unavailable', reply: [{ text: this.errorText(error) }] };
    }
    if (!result.verified) {
      if (attempt.lockedUntil) {
        data.awaitingCredentials = undefined;
        return { outcome: 'locked-out', reply: [{ text: m.lockedOut(clockTime(attempt.lockedUntil, facts.zone)) }] };
      }
      return { outcome: 'verification-failed', reply: [{ text: m.mismatch(attempt.triesLeft) }] };
    }
    await this.deps.links.clearFailures(aseId, conversation);
    await this.deps.links.link(conversation, result.candidateId, 'verification', facts.now);
    data.awaitingCredentials = undefined;
    const pending = data.pendingQuestion;
    data.pendingQuestion = undefined;
    let name = aseId;
    const replies: Reply[] = [];
    try {
      const account = await this.deps.accounts.getAccount(result.candidateId);
      name = account.profile.firstName ?? name;
      if (pending) {
        const answered = this.answerWith(data, pending, account, facts);
        replies.push(...answered.reply);
      }
    } catch (error) {
      if (error instanceof AccountNotFoundError) await this.deps.links.signOut(conversation);
      replies.push({ text: this.errorText(error) });
    }
    return { outcome: 'signed-in', reply: [{ text: m.signedIn(name) }, ...replies] };
  }

  private async answer(
    data: AccountTurnData,
    question: PersonalQuestion,
    candidateId: string,
    facts: TurnFacts,
    conversation: string,
  ): Promise<[string, ...Reply[]]> {
    try {
      const account = await this.deps.accounts.getAccount(candidateId);
      const answered = this.answerWith(data, question, account, facts);
      return [answered.outcome, ...answered.reply];
    } catch (error) {
      if (error instanceof AccountNotFoundError) await this.deps.links.signOut(conversation);
      return ['account-error', { text: this.errorText(error) }];
    }
  }

  private answerWith(data: AccountTurnData, question: PersonalQuestion, account: CandidateAccount, facts: TurnFacts) {
    const answered = this.deps.answer(question, account, facts);
    const reply: Reply[] = [answered.reply];
    const cancellable = answered.cancellable ?? [];
    if (question.kind === 'cancel-appointment' && cancellable.length === 1 && cancellable[0]) reply.push(this.confirm(data, cancellable[0]));
    if (question.kind === 'cancel-appointment' && cancellable.length > 1) {
      data.cancelChoices = cancellable;
      reply.push({
        text: this.deps.messages.linking.whichToCancel,
        choices: cancellable.map((item, i) => ({ title: item.label, value: String(i + 1) })),
      });
    }
    return { outcome: answered.outcome, reply };
  }

  private confirm(data: AccountTurnData, item: { appointmentId: string; label: string }): Reply {
    const m = this.deps.messages.linking;
    // One key per confirmation: a repeated or retried "yes" reuses it, so the API cancels once.
    data.pendingCancel = { ...item, idempotencyKey: newIdempotencyKey() };
    return { text: m.confirmCancel(item.label), choices: [{ title: m.yes, value: 'yes' }, { title: m.no, value: 'no' }] };
  }

  private async cancel(
    data: AccountTurnData,
    pending: NonNullable<AccountTurnData['pendingCancel']>,
    conversation: string,
    facts: TurnFacts,
  ): Promise<[string, ...Reply[]]> {
    const m = this.deps.messages.linking;
    const link = await this.deps.links.current(conversation, facts.now);
    if (!link) {
      data.pendingCancel = undefined;
      data.awaitingCredentials = true;
      return ['sign-in-requested', { text: m.askCredentials }];
    }
    try {
      await this.deps.accounts.cancelAppointment(link.candidateId, pending.appointmentId, pending.idempotencyKey);
      data.pendingCancel = undefined;
      return ['cancelled', { text: m.cancelled(pending.label) }];
    } catch (error) {
      // Unavailable: keep the pending cancel (same key), so "yes" again is safe. Refused: drop it.
      if (!(error instanceof AccountUnavailableError)) data.pendingCancel = undefined;
      if (error instanceof AccountRequestError) return ['cancel-refused', { text: m.cancelRefused(refusal(error.code, m)) }];
      if (error instanceof AccountNotFoundError && error.resource === 'appointment') return ['cancel-refused', { text: m.appointmentGone }];
      return ['account-error', { text: this.errorText(error) }];
    }
  }

  private errorText(error: unknown): string {
    const m = this.deps.messages.linking;
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

function pickByNumberOrLabel<T extends { label: string }>(text: string, items: T[]): T | undefined {
  const cleaned = text.trim().toLowerCase();
  const number = /^(?:#|option )?(\d)$/.exec(cleaned)?.[1];
  if (number) return items[Number(number) - 1];
  return items.find((item) => item.label.toLowerCase() === cleaned);
}

const clockTime = (at: Date, zone: string): string => DateTime.fromJSDate(at).setZone(zone).toFormat('h:mm a');
