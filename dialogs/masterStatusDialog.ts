import { addDays, findSeries, masterStatus, todayIn, type Catalogue, type Series } from '../src/rules/index.js';
import { resolveSeries, resolveTests } from '../src/understanding/tests.js';
import type { SlotReading, TaskSpec } from './taskTypes.js';
import { andListIn } from '../src/messages/lists.js';

interface MasterValues {
  series: string;
  lapsed: string[];
  /** Required tests left out of a list of those held ("I have T2 T3 T4 T5 T6 and T8": T7). */
  missing?: string[];
}

const noneLapsed =
  /^(?:none|no|nope|nothing|all (?:of them )?(?:are )?(?:current|good|valid)|they(?:'re| are) all (?:current|good|valid)|none of them|ninguno|ninguna|nada|todos (?:est[aá]n )?vigentes)(?![\p{L}\d])/iu;

/** Lapse words, in English and in Spanish ("se me venció el A6", "el A3 ya no está vigente"). */
const LAPSE_WORDS =
  /(?<![\p{L}\d])(?:expired?|lapsed?|ran out|run out|out of date|not current|no longer|venci[oó]|vencid[oa]s?|(?:se (?:me |le )?)?vencieron|caduc[oó]|caducaron|expiraron|caducad[oa]s?|expir[oó]|ya no (?:est[aá] |es )?vigente)(?![\p{L}\d])/iu;

/** The series a message is about: named outright, or the series of the tests it names. */
function readSeries(text: string, catalogue: Catalogue): SlotReading<string> {
  const named = resolveSeries(text, catalogue).filter((series) => series.master);
  const fromTests = resolveTests(text, catalogue)
    .tests.map((test) => findSeries(catalogue, test.series))
    .filter((series): series is Series => Boolean(series?.master));
  const ids = [...new Set([...named, ...fromTests].map((series) => series.id))];
  return ids.length === 1 && ids[0] ? { kind: 'value', value: ids[0] } : { kind: 'none' };
}

function readLapsed(text: string, catalogue: Catalogue, seriesId: string | undefined, asAnswer: boolean): SlotReading<string[]> {
  if (noneLapsed.test(text.trim())) return { kind: 'value', value: [] };
  // "I have A1-A8 but A3 expired in 2023": only the clause that says lapsed names lapsed tests.
  const clauses = text.split(/\b(?:but|pero)\b|[,;.]/i).filter((clause) => LAPSE_WORDS.test(clause));
  const lapsedPart = clauses.length ? clauses.join(' ') : text;
  const tests = resolveTests(lapsedPart, catalogue).tests.filter((test) => !seriesId || test.series === seriesId);
  // "My A3 expired" names a lapsed test; a list of tests someone holds does not, unless it answers
  // the question "which have expired?".
  const saysLapsed = LAPSE_WORDS.test(text);
  // "A1-A8, passed in June 2021" lists tests held, even in answer to "which have lapsed?".
  const saysHeld = /\b(?:passed|pass|hold|held|have|got|current|valid|tengo|aprob[eé]|vigentes?)\b/i.test(text);
  const lapsed = saysLapsed || (asAnswer && !saysHeld);
  return tests.length && lapsed ? { kind: 'value', value: tests.map((test) => test.code) } : { kind: 'none' };
}

/**
 * "I have T2 T3 T4 T5 T6 and T8": a list of the tests held (at least two of the series, no lapse
 * word) leaves out the required tests still to pass. None left out is no reading: the task goes on
 * to ask which have lapsed.
 */
function readMissing(text: string, catalogue: Catalogue, seriesId: string | undefined): SlotReading<string[]> {
  if (!seriesId || LAPSE_WORDS.test(text) || !/\b(?:have|hold|got|passed|i'?m certified in|certified in)\b/i.test(text)) return { kind: 'none' };
  const required = findSeries(catalogue, seriesId)?.master?.requiredTests ?? [];
  const held = new Set(resolveTests(text, catalogue).tests.filter((test) => test.series === seriesId).map((test) => test.code));
  const missing = required.filter((code) => !held.has(code));
  return held.size >= 2 && missing.length > 0 ? { kind: 'value', value: missing } : { kind: 'none' };
}

/** "Am I still a Master Tech? My A3 expired." -> holds or not, which tests, how to get it back. */
export const masterStatusTask: TaskSpec<MasterValues> = {
  id: 'master-status',
  general: (deps) => ({ text: deps.messages.task.master.general }),
  slots: [
    {
      name: 'series',
      read: (text, _facts, deps) => readSeries(text, deps.catalogue),
      describe: (value, deps) => findSeries(deps.catalogue, String(value))?.name ?? String(value),
      ask: (_values, deps) => ({ text: deps.messages.task.master.askSeries }),
    },
    {
      name: 'missing',
      read: (text, _facts, deps, values) => readMissing(text, deps.catalogue, values.series),
    },
    {
      name: 'lapsed',
      needed: (values) => !values.missing?.length,
      read: (text, _facts, deps, values, asAnswer) => readLapsed(text, deps.catalogue, values.series, asAnswer),
      ask: (values, deps) => {
        const series = values.series ? findSeries(deps.catalogue, values.series) : undefined;
        return { text: deps.messages.task.master.askLapsed(series?.master?.name ?? 'required') };
      },
    },
  ],
  faqEntry: 'master-technician-status',
  answer: (values, facts, deps) => {
    const m = deps.messages.task.master;
    const series = findSeries(deps.catalogue, values.series);
    if (!series?.master) return { reply: { text: m.noMaster(series?.name ?? values.series) }, outcome: 'no-master-defined' };
    if (values.missing?.length) return { reply: { text: m.missing(series.master.name, andListIn(deps.language)(values.missing)) }, outcome: 'missing-tests' };
    // The candidate told us which tests lapsed, not their dates: a lapsed test counts as expiring
    // today (no longer current), the others as still current tomorrow. Only the names are reported.
    const today = todayIn(facts.now, facts.zone);
    const certifications = series.master.requiredTests.map((test) => ({
      test,
      expiresOn: values.lapsed.includes(test) ? today : addDays(today, 1),
    }));
    const decision = masterStatus({ seriesId: series.id, certifications, now: facts.now, zone: facts.zone }, deps.catalogue, deps.policy);
    const name = decision.masterName ?? series.master.name;
    const text = decision.holds ? `${m.holds(name)} ${m.next}` : m.lapsed(name, andListIn(deps.language)(decision.lapsed));
    return { reply: { text }, outcome: decision.verdict };
  },
  accountQuestion: () => ({ kind: 'master' }),
  help: (deps) => deps.messages.task.master.help,
  followUps: ['lapsed'],
};

