import { TurnContextStateCollection, type TurnContext } from 'botbuilder-core';
import { DialogContext } from 'botbuilder-dialogs/lib/dialogContext.js';
import type { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
import type { DialogState, DialogStateManager } from 'botbuilder-dialogs';

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

/**
 * A DialogContext over the conversation's one stack, without botbuilder-dialogs' memory scopes.
 *
 * DialogContext's constructor builds a DialogStateManager, and that registers a new dialogs
 * component (a service collection and its factories) and sets `turn.activity` through the path
 * resolvers on every turn: about a tenth of what a FAQ turn's dialogs cost, for memory that this
 * bot's dialogs never read (each keeps its state in its own stack instance, and none is a
 * container or an adaptive dialog). The context is otherwise DialogContext itself: the same
 * prototype, so begin, continue, replace, end and cancel are botbuilder-dialogs' own.
 */
export async function leanDialogContext(dialogs: DialogSet, context: TurnContext, dialogState: { get(context: TurnContext, defaultValue: DialogState): Promise<DialogState | undefined> }): Promise<DialogContext> {
  const state = (await dialogState.get(context, { dialogStack: [] }))!;
  if (!Array.isArray(state.dialogStack)) state.dialogStack = [];
  const memory = new TurnMemory();
  memory.setValue('turn.activity', context.activity);
  const dc = Object.create(DialogContext.prototype) as DialogContext & { services: TurnContextStateCollection; state: DialogStateManager };
  Object.assign(dc, { services: new TurnContextStateCollection(), dialogs, context, stack: state.dialogStack, state: memory as unknown as DialogStateManager });
  return dc;
}
