import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { Dialog, DialogTurnStatus, type DialogEvent, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog.js';
import type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext.js';
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
import type { DialogState } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { leanDialogContext } from '../../src/bot/leanDialogContext.js';
import { StateProperty } from '../../src/bot/stateProperty.js';

/** A dialog that waits one turn, counting the dialog events it sees before they bubble. */
class Waiting extends Dialog {
  events: string[] = [];
  constructor(
    id: string,
    private readonly listens: boolean,
  ) {
    super(id);
  }
  override async beginDialog(): Promise<DialogTurnResult> {
    return Dialog.EndOfTurn;
  }
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return dc.endDialog('done');
  }
  protected override async onPreBubbleEvent(dc: DialogContext, e: DialogEvent): Promise<boolean> {
    if (this.listens) this.events.push(e.name);
    return super.onPreBubbleEvent(dc, e);
  }
}

/** A dialog that never overrides an event hook. */
class Plain extends Dialog {
  override async beginDialog(): Promise<DialogTurnResult> {
    return Dialog.EndOfTurn;
  }
}

async function twoTurns(dialog: Dialog): Promise<DialogTurnResult> {
  const state = new ConversationState(new MemoryStorage());
  const property = new StateProperty<DialogState>(state, 'dialogState');
  const dialogs = new DialogSet(property).add(dialog);
  const activity = { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'bot' } } as Activity;
  const first = new TurnContext(new TestAdapter(), activity);
  await (await leanDialogContext(dialogs, first, property)).beginDialog(dialog.id);
  await state.saveChanges(first);
  const second = new TurnContext(new TestAdapter(), activity);
  const result = await (await leanDialogContext(dialogs, second, property)).continueDialog();
  await state.saveChanges(second);
  return result;
}

describe('the lean dialog context', () => {
  it('continues a waiting dialog and ends it with its result, as DialogContext does', async () => {
    const result = await twoTurns(new Waiting('waiting', false));
    expect(result).toEqual({ status: DialogTurnStatus.complete, result: 'done' });
  });

  it('still sends activityReceived to a dialog that listens for events (as botbuilder prompts do, in onPreBubbleEvent)', async () => {
    const dialog = new Waiting('listening', true);
    await twoTurns(dialog);
    expect(dialog.events).toEqual(['activityReceived']);
  });

  it('wraps a dialog error in DialogContextError, with the message kept', async () => {
    const failing = new (class extends Plain {
      override async continueDialog(): Promise<DialogTurnResult> {
        throw new Error('storage down');
      }
    })('failing');
    await expect(twoTurns(failing)).rejects.toMatchObject({ name: 'DialogContextError', message: 'storage down' });
  });
});
