import { duplicateCost, type Catalogue } from '../src/rules/index.js';
import { resolveSeries, resolveTests } from '../src/understanding/tests.js';
import { TaskDialog } from './taskDialog.js';
import type { SlotReading, TaskDeps, TaskSpec } from './taskTypes.js';

interface DuplicateValues {
  /** Test codes, plus one representative code for each series named as a whole. */
  tests: string[];
  unknown: string[];
}

const usd = (amount: number) => `$${amount.toFixed(2)}`;

function readTests(text: string, catalogue: Catalogue): SlotReading<string[]> {
  const { tests } = resolveTests(text, catalogue);
  const codes = tests.map((test) => test.code);
  for (const series of resolveSeries(text, catalogue)) {
    const member = catalogue.tests.find((test) => test.series === series.id);
    if (member && !tests.some((test) => test.series === series.id)) codes.push(member.code);
  }
  return codes.length ? { kind: 'value', value: codes } : { kind: 'none' };
}

/** "What do duplicates of my A1, A5 and T2 certificates cost?" -> $7.50 per series, added up. */
export const duplicateCostTask: TaskSpec<DuplicateValues> = {
  id: 'duplicate-cost',
  slots: [
    {
      name: 'unknown',
      read: (text, _facts, deps) => {
        const { unknownCodes } = resolveTests(text, deps.catalogue);
        return unknownCodes.length ? { kind: 'value', value: unknownCodes } : { kind: 'none' };
      },
    },
    {
      name: 'tests',
      read: (text, _facts, deps) => readTests(text, deps.catalogue),
      ask: (_values, deps) => ({ text: deps.messages.task.duplicates.askTests }),
    },
  ],
  faqEntry: 'duplicate-certificate',
  answer: (values, _facts, deps) => {
    const m = deps.messages.task.duplicates;
    const decision = duplicateCost({ tests: values.tests }, deps.catalogue, deps.policy);
    const fee = usd(decision.feePerSeriesUsd);
    const facts = decision.series.map((line) => ({ label: line.seriesName, value: line.tests.join(', ') }));
    const unknown = [...(values.unknown ?? []), ...decision.unknown];
    const lines = [m.total(usd(decision.totalUsd), decision.seriesCount, fee)];
    if (unknown.length) lines.push(m.unknown(unknown.join(', ')));
    lines.push(m.next);
    return { reply: { text: lines.join(' '), facts }, outcome: decision.verdict };
  },
  help: (deps) => deps.messages.task.duplicates.help,
};

export class DuplicateCostDialog extends TaskDialog<DuplicateValues> {
  constructor(deps: TaskDeps) {
    super(duplicateCostTask, deps);
  }
}
