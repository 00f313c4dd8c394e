import { TurnContextStateCollection, type TurnContext } from 'botbuilder-core';
import { DialogContext } from 'botbuilder-dialogs/lib/dialogContext.js';
import { DialogContextError } from 'botbuilder-dialogs/lib/dialogContextError.js';
import type { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
import { Dialog, DialogReason, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
import type { DialogState, DialogStateManager, DialogTurnResult } from 'botbuilder-dialogs';

/**
 * The few memory paths botbuilder-dialogs itself reads or writes on a plain dialog stack: the turn's
 * activity and locale, and the last dialog's result. Kept in a map for the turn.
 */
class TurnMemory {
  private readonly values = new Map<string, unknown>();

  getValue<T = unknown>(path: string, defaultValue?: T | (() => T)): T | undefined {
    if (this.values.has(path)) return this.values.get(path) as T;
    return typeof defaultValue === 'function' ? (defaultValue as () => T)() : defaultValue;
  }

  setValue(path: string, value: unknown): void {
    this.values.set(path, value);
  }
}

/** The Dialog methods through which a dialog handles dialog events (botbuilder's Prompt uses onPreBubbleEvent). */
const EVENT_HOOKS = ['onDialogEvent', 'onPreBubbleEvent', 'onPostBubbleEvent'] as const;
type EventHooks = Record<(typeof EVENT_HOOKS)[number], unknown>;

/** Does the dialog handle dialog events (override any of their hooks)? */
function listensForEvents(dialog: Dialog): boolean {
  return EVENT_HOOKS.some((hook) => (dialog as unknown as EventHooks)[hook] !== (Dialog.prototype as unknown as EventHooks)[hook]);
}

/** botbuilder-dialogs' TurnPath.lastResult: where a dialog that ended leaves its result. */
const LAST_RESULT = 'turn.lastresult';

/**
 * DialogContext with its stack operations as native async functions. botbuilder-dialogs is compiled
 * for ES2015, so each begin, continue, end and replace is a chain of generator-based `__awaiter`s,
 * and continue first sends an "activityReceived" event down the stack for dialogs to intercept:
 * together a measurable share of a FAQ turn's own work. These do what the library's do, in the same
 * order, with the same errors (a dialog's error wrapped in DialogContextError, as the library's
 * wrapErrors does). The event is still sent, by the library's own continueDialog, when the active
 * dialog listens for events at all (it overrides onDialogEvent, onPreBubbleEvent or
 * onPostBubbleEvent, as botbuilder's prompts do); none of this bot's dialogs does, as they handle
 * interruptions in the repair base instead.
 */
class LeanDialogContext extends DialogContext {
  override async beginDialog(dialogId: string, options?: object): Promise<DialogTurnResult> {
    const dialog = this.findDialog(dialogId);
    if (!dialog) throw new DialogContextError(`DialogContext.beginDialog(): A dialog with an id of '${dialogId}' wasn't found.`, this);
    this.stack.push({ id: dialogId, state: {} });
    return this.wrapped(dialog.beginDialog(this, options));
  }

  override async continueDialog(): Promise<DialogTurnResult> {
    const instance = this.activeDialog;
    if (!instance) return { status: DialogTurnStatus.empty };
    const dialog = this.findDialog(instance.id);
    if (!dialog) throw new DialogContextError(`DialogContext.continueDialog(): Can't continue dialog. A dialog with an id of '${instance.id}' wasn't found.`, this);
    if (listensForEvents(dialog)) return super.continueDialog();
    return this.wrapped(dialog.continueDialog(this));
  }

  override async endDialog(result?: unknown): Promise<DialogTurnResult> {
    await this.endActive(DialogReason.endCalled, result);
    const instance = this.activeDialog;
    if (!instance) return { status: DialogTurnStatus.complete, result };
    const dialog = this.findDialog(instance.id);
    if (!dialog) throw new DialogContextError(`DialogContext.endDialog(): Can't resume previous dialog. A dialog with an id of '${instance.id}' wasn't found.`, this);
    return this.wrapped(dialog.resumeDialog(this, DialogReason.endCalled, result));
  }

  override async replaceDialog(dialogId: string, options?: object): Promise<DialogTurnResult> {
    await this.endActive(DialogReason.replaceCalled);
    return this.beginDialog(dialogId, options);
  }

  private async endActive(reason: DialogReason, result?: unknown): Promise<void> {
    const instance = this.activeDialog;
    if (!instance) return;
    const dialog = this.findDialog(instance.id);
    if (dialog) await this.wrapped(dialog.endDialog(this.context, instance, reason));
    this.stack.pop();
    this.state.setValue(LAST_RESULT, result);
  }

  private async wrapped<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      throw error instanceof DialogContextError ? error : new DialogContextError(error as Error, this);
    }
  }
}

/**
 * A DialogContext over the conversation's one stack, without botbuilder-dialogs' memory scopes.
 *
 * DialogContext's constructor builds a DialogStateManager, and that registers a new dialogs
 * component (a service collection and its factories) and sets `turn.activity` through the path
 * resolvers on every turn: about a tenth of what a FAQ turn's dialogs cost, for memory that this
 * bot's dialogs never read (each keeps its state in its own stack instance, and none is a
 * container or an adaptive dialog). The context is otherwise DialogContext itself (LeanDialogContext
 * above only runs its stack operations without generators), so cancel, prompts and the rest are
 * botbuilder-dialogs' own.
 */
export async function leanDialogContext(dialogs: DialogSet, context: TurnContext, dialogState: { get(context: TurnContext, defaultValue: DialogState): Promise<DialogState | undefined> }): Promise<DialogContext> {
  const state = (await dialogState.get(context, { dialogStack: [] }))!;
  if (!Array.isArray(state.dialogStack)) state.dialogStack = [];
  const memory = new TurnMemory();
  memory.setValue('turn.activity', context.activity);
  const dc = Object.create(LeanDialogContext.prototype) as DialogContext & { services: TurnContextStateCollection; state: DialogStateManager };
  Object.assign(dc, { services: new TurnContextStateCollection(), dialogs, context, stack: state.dialogStack, state: memory as unknown as DialogStateManager });
  return dc;
}
