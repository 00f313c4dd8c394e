import { ChangeDialog } from './changeDialog.js';
import { DuplicateCostDialog } from './duplicateCostDialog.js';
import { MasterStatusDialog } from './masterStatusDialog.js';
import { MissedAppointmentDialog } from './missedAppointmentDialog.js';
import { PurchaseWindowDialog } from './purchaseWindowDialog.js';
import { RecertificationDialog } from './recertificationDialog.js';
import { RetestDialog } from './retestDialog.js';
import type { TaskDeps } from './taskTypes.js';

export { turnFactsKey, type TurnFacts, type TaskDeps } from './taskTypes.js';
export { turnFacts } from './taskTypes.js';
export type { TaskOptions, TaskResult } from './taskDialog.js';
import type { TaskDialog } from './taskDialog.js';

/** A task dialog of any shape of values, as the bot sees it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GuidedTask = TaskDialog<any>;

/** Every guided task, one ComponentDialog each; a dialog's id is the task id the router detects. */
export function createTaskDialogs(deps: TaskDeps) {
  return [
    new ChangeDialog(deps),
    new MissedAppointmentDialog(deps),
    new PurchaseWindowDialog(deps),
    new RetestDialog(deps),
    new RecertificationDialog(deps),
    new MasterStatusDialog(deps),
    new DuplicateCostDialog(deps),
  ];
}
