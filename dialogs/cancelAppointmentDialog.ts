import { randomUUID } from 'node:crypto';
import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { Reply } from '../src/conversation/reply.js';
import type { Reading } from '../src/conversation/understand.js';
import { turnFacts } from '../src/conversation/turnFacts.js';
import { pickChoice } from '../src/understanding/choices.js';
import { resolveTests } from '../src/understanding/tests.js';
import { CANCEL_APPOINTMENT, requestOf, send, type ConversationDeps } from './engine.js';
import { RepairDialog, type UnrelatedPolicy } from './repairDialog.js';

const testsNamed = (text: string, deps: ConversationDeps): string[] => resolveTests(text, deps.catalogue).tests.map((test) => test.code);

interface Cancellable {
  appointmentId: string;
  label: string;
}

interface CancelState {
  choices: Cancellable[];
  /** The appointment picked, with the key that makes a repeated "yes" cancel it only once. */
  picked?: Cancellable & { idempotencyKey: string };
}

/**
 * Cancelling an appointment from the account: which one (when there are several), then an explicit
 * yes. Anything but a pick or a yes/no drops it: nothing is cancelled without a clear yes.
 */
export class CancelAppointmentDialog extends RepairDialog {
  protected readonly unrelated: UnrelatedPolicy = 'drop';

  constructor(deps: ConversationDeps) {
    super(CANCEL_APPOINTMENT, deps);
  }

  override async beginDialog(dc: DialogContext, options: { choices: Cancellable[] }): Promise<DialogTurnResult> {
    const state: CancelState = { choices: options.choices };
    if (options.choices.length === 1) state.picked = { ...options.choices[0]!, idempotencyKey: randomUUID() };
    dc.activeDialog!.state.cancel = state;
    return this.ask(dc);
  }

  protected question(dc: DialogContext): Reply {
    const m = this.deps.messages.linking;
    const state = this.state(dc);
    if (state.picked) return { text: m.confirmCancel(state.picked.label), choices: [{ title: m.yes, value: 'yes' }, { title: m.no, value: 'no' }] };
    return { text: m.whichToCancel, choices: state.choices.map((item, i) => ({ title: item.label, value: String(i + 1) })) };
  }

  protected override help(dc: DialogContext): string {
    return this.state(dc).picked ? this.deps.messages.linking.confirmHelp : this.deps.messages.linking.whichHelp;
  }

  /**
   * "wait, what about the A4 one", "no, A4" while the confirmation waits: the appointment named
   * instead is looked up in the account (as "cancel the A4" would be) and, if it can be cancelled,
   * is the one confirmed now (with a key of its own). One that cannot be cancelled, or that is not
   * on the account, is said so, and the question about the one picked before is asked again.
   */
  protected override async correct(dc: DialogContext, reading: Reading): Promise<DialogTurnResult | undefined> {
    return reading.correction ? this.lookUp(dc, reading.correction.replacement) : undefined;
  }

  /** The appointment of another test the message names, looked up in the account (see {@link correct}). */
  private async lookUp(dc: DialogContext, text: string): Promise<DialogTurnResult | undefined> {
    const port = this.deps.account(dc.context);
    const named = resolveTests(text, this.deps.catalogue);
    const tests = [...named.tests.map((test) => test.code), ...named.unknownCodes];
    if (!port || tests.length === 0) return undefined;
    const answered = await port.answer(dc.context, { kind: 'cancel-appointment', tests }, turnFacts(dc.context));
    requestOf(dc.context).account = { outcome: answered.outcome };
    const cancellable = answered.cancellable ?? [];
    if (cancellable.length === 0) return this.ask(dc, this.deps.messages.task.backToIt, answered.reply);
    const state = this.state(dc);
    state.choices = cancellable;
    state.picked = cancellable.length === 1 ? { ...cancellable[0]!, idempotencyKey: randomUUID() } : undefined;
    return this.ask(dc, undefined, answered.reply);
  }

  protected async answer(dc: DialogContext, reading: Reading): Promise<DialogTurnResult | undefined> {
    const m = this.deps.messages.linking;
    const state = this.state(dc);
    if (!state.picked) {
      const picked = pickChoice(reading.text, state.choices.map((item, i) => ({ title: item.label, value: String(i + 1), item })));
      if (!picked) return undefined;
      state.picked = { ...picked.item, idempotencyKey: randomUUID() };
      return this.ask(dc);
    }
    // The buttons offered, picked by number or words ("1"), or a yes or a no in any words.
    const picked = pickChoice(reading.text, this.question(dc).choices ?? [])?.value;
    // "wait which one is the A4 one": another test's appointment asked about is which one, as a
    // correction is (a question of its own, "when does my G1 expire?", "is A4 in spanish?", is not).
    const aboutAppointments = reading.accountQuestion?.kind === 'appointments' || reading.accountQuestion?.kind === 'cancel-appointment';
    if (!picked && aboutAppointments && !state.picked.label.includes(testsNamed(reading.text, this.deps)[0] ?? state.picked.label)) {
      const other = await this.lookUp(dc, reading.text);
      if (other) return other;
    }
    const yes = picked ? picked === 'yes' : reading.yesNo;
    if (yes === false) {
      await send(dc.context, this.deps, { text: m.keptIt });
      requestOf(dc.context).account = { outcome: 'cancel-declined' };
      return dc.endDialog({ outcome: 'cancel-declined' });
    }
    // "ok", "sale", "órale", "va" at "Cancel your ...?" may be meant as a yes, and are none: nothing is
    // cancelled, and the question is asked again with what to say (dropped, the "Okay!" that followed
    // read as if it had been cancelled).
    if (yes !== true && (reading.acknowledgement === 'ok' || reading.acknowledgement === 'thanks')) return this.ask(dc, m.confirmHelp);
    if (yes !== true) return undefined;
    const account = this.deps.account(dc.context);
    if (!account) return dc.endDialog({ outcome: 'no-account' });
    const result = await account.cancel(dc.context, state.picked, turnFacts(dc.context));
    await send(dc.context, this.deps, result.reply);
    requestOf(dc.context).account = { outcome: result.outcome };
    // The service could not be reached: the same key is kept, so "yes" again is safe.
    if (result.keep) return { status: DialogTurnStatus.waiting };
    return dc.endDialog({ outcome: result.outcome });
  }

  private state(dc: DialogContext): CancelState {
    return dc.activeDialog!.state.cancel as CancelState;
  }
}
