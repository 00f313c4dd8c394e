import { describe, expect, it } from 'vitest';
import { evaluate, formatReport, headline } from '../../src/knowledge/evaluate.js';
import { readFileSync } from 'node:fs';
import { answererFor, loadLabelledSet, SETS, type SetName } from '../../scripts/labelledSets.js';
import { generated } from '../../scripts/quality.js';
import { shippedKnowledge } from '../support/testApp.js';

/**
 * Retrieval quality on the labelled sets, each printed. The CI gate is on the frozen test parts of
 * the independent sets (never tuned on), a few points under the measured figures so that one miss
 * cannot fail a build; dev (where tuning looks) and the old set are reported with loose floors that
 * catch a collapse. docs/quality.md records the same figures (scripts/quality.ts --write).
 */
const floors: Record<SetName, { top1: number; declined: number; confidentWrong: number }> = {
  // measured (see docs/quality.md) minus a margin of about 4 points / 2 points of wrong answers;
  // confident wrong tightened after phrasing coverage (frozen 1.0%, second 3.0%, third 1.6%);
  // raised after session en13 (frozen 84.1% / 93.0%, second 88.6% / 84.3% / 2.4%, third 94.2% / 87.5%)
  'frozen test': { top1: 0.8, declined: 0.88, confidentWrong: 0.03 },
  dev: { top1: 0.92, declined: 0.95, confidentWrong: 0.03 },
  'old set': { top1: 0.9, declined: 0.88, confidentWrong: 0.02 },
  'second frozen test': { top1: 0.84, declined: 0.8, confidentWrong: 0.045 },
  // second dev declined raised after session en14 (100.0%), minus about 3
  'second dev': { top1: 0.9, declined: 0.97, confidentWrong: 0.03 },
  // Spanish (docs/spanish.md), measured minus about 3 points
  'Spanish frozen test': { top1: 0.93, declined: 0.92, confidentWrong: 0.05 },
  'Spanish dev': { top1: 0.93, declined: 0.95, confidentWrong: 0.02 },
  'Spanish dev 3': { top1: 0.93, declined: 0.93, confidentWrong: 0.02 },
  // Third English and fourth Spanish sets, measured before any tuning (docs/quality.md) minus about 4 points;
  // the Spanish ones raised after the tuning on eval-es4's dev part (session es13c), measured minus about 3;
  // third frozen confident wrong tightened after phrasing coverage (1.6%)
  'third frozen test': { top1: 0.9, declined: 0.83, confidentWrong: 0.035 },
  'third dev': { top1: 0.89, declined: 0.89, confidentWrong: 0.035 },
  'Spanish frozen test 4': { top1: 0.88, declined: 0.87, confidentWrong: 0.045 },
  // (dev raised after session es15: 98.6% / 95.2% / 1.1%)
  'Spanish dev 4': { top1: 0.95, declined: 0.92, confidentWrong: 0.03 },
  // Fifth Spanish set, measured right after its split, before any tuning on it (docs/spanish.md:
  // frozen 90.8% / 79.5% / 3.5%, dev 89.7% / 88.9% / 2.2%), minus about 4 points; dev raised after
  // the tuning on it (session es14: 95.7% / 97.8% / 0.9%) to that minus about 3
  'Spanish frozen test 5': { top1: 0.86, declined: 0.75, confidentWrong: 0.055 },
  // (dev raised after session es15: 96.2% / 97.8% / 0.9%)
  'Spanish dev 5': { top1: 0.93, declined: 0.93, confidentWrong: 0.03 },
  // Sixth Spanish set (ninth session), measured right after the split, before any tuning on it
  // (docs/spanish.md: frozen 85.1% / 89.9% / 3.0%, dev 87.9% / 85.7% / 2.6%), minus about 4 points;
  // dev raised after the tuning on it (session es15: 96.0% / 98.6% / 1.1%) to that minus about 3
  'Spanish frozen test 6': { top1: 0.81, declined: 0.85, confidentWrong: 0.05 },
  'Spanish dev 6': { top1: 0.93, declined: 0.95, confidentWrong: 0.03 },
  // Fourth English set, measured right after the split, before any tuning on it (docs/quality.md:
  // frozen 89.1% / 88.5% / 1.7%, dev 90.0% / 80.8% / 1.2%), minus about 4 points / 2 points of wrong answers;
  // dev top-1 raised after session en15 (95.3%) to that minus about 3
  'fourth frozen test': { top1: 0.85, declined: 0.82, confidentWrong: 0.035 },
  'fourth dev': { top1: 0.92, declined: 0.75, confidentWrong: 0.035 },
  // Fifth English set (ninth session), measured right after the split, before any tuning on it
  // (docs/quality.md: frozen 88.7% / 85.5% / 1.9%, dev 87.1% / 88.2% / 2.2%), minus about 4 points;
  // dev raised after the tuning on it (session en14: 91.3% / 97.4% / 0.6%) to that minus about 3;
  // dev top-1 raised again after session en15 (92.1%)
  'fifth frozen test': { top1: 0.84, declined: 0.81, confidentWrong: 0.04 },
  'fifth dev': { top1: 0.89, declined: 0.94, confidentWrong: 0.03 },
  // Sixth English set (twelfth session), measured right after the split, before any tuning on it
  // (frozen 92.4% / 88.7% / 1.3%, dev 89.2% / 93.0% / 1.7%), minus about 4 points; dev raised after
  // the tuning on it (session en20: 95.7% / 97.2% / 1.0%) to that minus about 3
  'sixth frozen test': { top1: 0.88, declined: 0.84, confidentWrong: 0.035 },
  'sixth dev': { top1: 0.92, declined: 0.94, confidentWrong: 0.025 },
  // Seventh Spanish set (twelfth session), measured right after the split, before any tuning on it
  // (frozen 88.4% / 89.1% / 4.3%, dev 90.4% / 100% / 0.9%), minus about 4 points
  'Spanish frozen test 7': { top1: 0.84, declined: 0.85, confidentWrong: 0.065 },
  'Spanish dev 7': { top1: 0.86, declined: 0.95, confidentWrong: 0.03 },
  // Eighth English set (thirteenth session), measured right after the split, before any tuning on it
  // (frozen 86.4% / 91.9% / 1.2%, dev 89.2% / 90.3% / 0.6%), minus about 4 points
  'eighth frozen test': { top1: 0.82, declined: 0.87, confidentWrong: 0.035 },
  // (dev raised after the tuning on it, session en21: 93.8% / 93.1% / 0.3%, to that minus about 3)
  'eighth dev': { top1: 0.9, declined: 0.9, confidentWrong: 0.03 },
  // Eighth Spanish set (thirteenth session), measured right after the split, before any tuning on it
  // (frozen 88.9% / 98.0% / 0.8%, dev 92.5% / 90.0% / 1.3%), minus about 4 points; dev raised after the
  // tuning on it (session es21: 97.3% / 100% / 0.4%) to that minus about 3
  'Spanish frozen test 8': { top1: 0.84, declined: 0.93, confidentWrong: 0.035 },
  'Spanish dev 8': { top1: 0.93, declined: 0.97, confidentWrong: 0.025 },
  // Ninth English set (thirteenth session, a broad everyday mix), measured right after the split, before
  // any tuning on it (frozen 92.5% / 91.8% / 1.0%, dev 90.3% / 91.8% / 1.9%), minus about 4 points
  'ninth frozen test': { top1: 0.88, declined: 0.87, confidentWrong: 0.035 },
  'ninth dev': { top1: 0.86, declined: 0.87, confidentWrong: 0.04 },
  // Tenth English set (fourteenth session: phone shorthand, long situations, shop owners, non-native
  // writers), measured right after the split, before any tuning on it (frozen 95.8% / 97.0% / 0.7%,
  // dev 92.4% / 92.4% / 1.3%), minus about 4 points
  'tenth frozen test': { top1: 0.91, declined: 0.93, confidentWrong: 0.035 },
  'tenth dev': { top1: 0.88, declined: 0.88, confidentWrong: 0.04 },
  // Ninth Spanish set (fourteenth session: WhatsApp shorthand, Spanglish, Caribbean and Central
  // American phrasing), measured right after the split, before any tuning on it (frozen 95.9% / 94.3% /
  // 1.6%, dev 93.0% / 96.2% / 0.8%), minus about 4 points
  'Spanish frozen test 9': { top1: 0.91, declined: 0.9, confidentWrong: 0.045 },
  'Spanish dev 9': { top1: 0.89, declined: 0.92, confidentWrong: 0.035 },
  // Eleventh English set (fifteenth session: look-alikes from other trades, exams and licences, shop
  // owners, non-native writers), measured right after the split, before any tuning on it (frozen 92.6% /
  // 87.1% / 2.3%, dev 91.5% / 90.7% / 1.0%), minus about 4 points
  'eleventh frozen test': { top1: 0.88, declined: 0.83, confidentWrong: 0.045 },
  'eleventh dev': { top1: 0.87, declined: 0.86, confidentWrong: 0.035 },
  // Tenth Spanish set (fifteenth session: Mexican, Central American and Caribbean writers, Spanglish,
  // SMS shorthand), measured right after the split, before any tuning on it (frozen 91.1% / 94.9% /
  // 1.4%, dev 89.5% / 90.0% / 2.3%), minus about 4 points
  'Spanish frozen test 10': { top1: 0.87, declined: 0.9, confidentWrong: 0.035 },
  'Spanish dev 10': { top1: 0.85, declined: 0.86, confidentWrong: 0.045 },
  // Twelfth English set and eleventh Spanish set (sixteenth session), written blind and kept whole for
  // tuning (no frozen part: the eleven frozen parts measure). Measured before any tuning on them
  // (English 85.9% / 88.3% / 2.4%, Spanish 89.6% / 88.2% / 3.1%), minus about 4 points.
  'twelfth tuning set': { top1: 0.82, declined: 0.84, confidentWrong: 0.045 },
  'Spanish tuning 11': { top1: 0.85, declined: 0.84, confidentWrong: 0.06 },
};

describe.each(SETS)('retrieval quality on the $name set ($note)', ({ name, lang, file }) => {
  const set = loadLabelledSet(file);

  it('labels only entries that exist, at least three questions each', async () => {
    const knowledge = await shippedKnowledge();
    const index = lang === 'es' ? knowledge.es!.index : knowledge.index;
    for (const { expect: id, second } of set.inDomain) {
      expect(index.get(id), `unknown label ${id}`).toBeDefined();
      if (second) expect(index.get(second), `unknown second label ${second}`).toBeDefined();
    }
    for (const entry of index.entries) {
      expect(set.inDomain.filter((item) => item.expect === entry.id).length, entry.id).toBeGreaterThanOrEqual(3);
    }
  });

  it(`keeps top-1, out-of-domain declined and confident-wrong within the ${name} floors`, async () => {
    const report = evaluate(answererFor(await shippedKnowledge(), lang), set);
    console.log(formatReport(report, name));
    const figures = headline(report);
    expect(figures.top1).toBeGreaterThanOrEqual(floors[name].top1);
    expect(figures.declined).toBeGreaterThanOrEqual(floors[name].declined);
    expect(figures.confidentWrong).toBeLessThanOrEqual(floors[name].confidentWrong);
  });
});

describe('docs/quality.md', () => {
  it('records the figures and the per-entry table the code measures now', { timeout: 120_000 }, async () => {
    const knowledge = await shippedKnowledge();
    const reports = SETS.map((set) => ({ name: set.name, note: set.note, report: evaluate(answererFor(knowledge, set.lang), loadLabelledSet(set.file)) }));
    expect(readFileSync('docs/quality.md', 'utf8'), 'run npx tsx scripts/quality.ts --write').toContain(generated(reports));
  });
});
