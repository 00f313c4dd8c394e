import type { Dialog } from 'botbuilder-dialogs';
import { changeTask } from './changeDialog.js';
import { duplicateCostTask } from './duplicateCostDialog.js';
import { masterStatusTask } from './masterStatusDialog.js';
import { missedAppointmentTask } from './missedAppointmentDialog.js';
import { purchaseWindowTask } from './purchaseWindowDialog.js';
import { recertificationTask } from './recertificationDialog.js';
import { retestTask } from './retestDialog.js';
import { resultsTimingTask } from './resultsTimingDialog.js';
import { certificateTimingTask } from './certificateTimingDialog.js';
import { TaskDialog } from './taskDialog.js';
import { OfferDialog } from './offerDialog.js';
import { SignInDialog } from './signInDialog.js';
import { CancelAppointmentDialog } from './cancelAppointmentDialog.js';
import type { ConversationDeps } from './engine.js';
import type { TaskSpec } from './taskTypes.js';

export { turnFactsKey, turnFacts, type TurnFacts, type TaskDeps } from './taskTypes.js';
export type { TaskOptions, TaskResult } from './taskDialog.js';
export type { ConversationDeps, AccountPort, AccountQuestion, AccountAnswer } from './engine.js';

/** A task dialog of any shape of values, as the bot sees it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GuidedTask = TaskDialog<any>;

/** Every guided task's spec; a task's id is the id the understanding pass detects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TASK_SPECS: ReadonlyArray<TaskSpec<any>> = [
  changeTask,
  missedAppointmentTask,
  purchaseWindowTask,
  retestTask,
  recertificationTask,
  masterStatusTask,
  duplicateCostTask,
  resultsTimingTask,
  certificateTimingTask,
];

/** Every guided task, one dialog each. */
export function createTaskDialogs(deps: ConversationDeps): GuidedTask[] {
  return TASK_SPECS.map((spec) => new TaskDialog(spec, deps));
}

/** Every dialog of the conversation: the tasks and the waiting states that are not tasks. */
export function createDialogs(deps: ConversationDeps): { tasks: GuidedTask[]; all: Dialog[] } {
  const tasks = createTaskDialogs(deps);
  return { tasks, all: [...tasks, new OfferDialog(deps), new SignInDialog(deps), new CancelAppointmentDialog(deps)] };
}
