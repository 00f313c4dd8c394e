import { duplicateCost, type Catalogue } from '../src/rules/index.js';
import { resolveSeries, resolveSeriesLetters, resolveTests } from '../src/understanding/tests.js';
import type { SlotReading, TaskDeps, TaskSpec } from './taskTypes.js';
import type { Language } from '../src/language/languages.js';
import { andListIn, orListIn } from '../src/messages/lists.js';
import { catalogueNames } from '../src/messages/catalogueNames.js';

interface Selection {
  /** Codes as the candidate wrote them, known or not (unknown ones are reported, not priced). */
  codes: string[];
  /** Series named as a whole ("my automobile certificates"), by id. */
  series: string[];
  /** Series whose Master certificate is asked for too ("and my Master Tech certificate"), by id. */
  masters?: string[];
}

interface DuplicateValues {
  selection: Selection;
}

const usd = (amount: number) => `$${amount.toFixed(2)}`;

function readSelection(text: string, deps: TaskDeps, asAnswer: boolean, known?: Selection): SlotReading<Selection> {
  const { catalogue } = deps;
  const { tests, unknownCodes, suggestions } = resolveTests(text, catalogue);
  // In answer to "which series?", "A and T" alone are the series' letters.
  const named = resolveSeries(text, catalogue);
  const series = (named.length || !asAnswer ? named : resolveSeriesLetters(text, catalogue))
    .filter((one) => !tests.some((test) => test.series === one.id))
    .map((one) => one.id);
  // "and my master tech certificate too" after the price of A1 and A4: the Master of the series already named.
  const knownSeries = known ? [...known.series, ...known.codes.flatMap((code) => seriesOf(code, catalogue) ?? [])] : [];
  const masters = mastersNamed(text, catalogue, tests.length ? tests.map((test) => test.series) : knownSeries, named.map((one) => one.id));
  if (tests.length || series.length || masters.length) {
    return { kind: 'value', value: { codes: [...tests.map((test) => test.code), ...unknownCodes], series, ...(masters.length ? { masters } : {}) } };
  }
  if (!unknownCodes.length) return { kind: 'none' };
  // Only codes we do not know: say so now and offer the nearest real ones, rather than ask blind.
  const nearest = [...new Set(unknownCodes.flatMap((code) => suggestions[code] ?? []))];
  return {
    kind: 'clarify',
    question: {
      text: deps.messages.task.duplicates.unknownOnly(unknownCodes.join(', '), orListIn(deps.language)(nearest)),
      choices: nearest.map((code) => ({ title: code, value: code })),
    },
  };
}

const MASTER_WORD = /\bmaster\b|\bmaestro\b/i;

/**
 * The series whose Master certificate the text asks for: the Master of a series it names ("master
 * truck"), else of the tests it names (A1, A4 and the Master one are Automobile), else none (which
 * Master is then unknown, and nothing is assumed).
 */
function mastersNamed(text: string, catalogue: Catalogue, testSeries: string[], seriesNamed: string[]): string[] {
  if (!MASTER_WORD.test(text)) return [];
  const withMaster = new Set(catalogue.series.filter((one) => one.master).map((one) => one.id));
  const named = seriesNamed.filter((id) => withMaster.has(id));
  return [...new Set(named.length ? named : testSeries.filter((id) => withMaster.has(id)))];
}

/** A selection as the candidate would say it back: the series by name, then the tests by code. */
function describeSelection(selection: Selection, catalogue: Catalogue, language: Language, messages: TaskDeps['messages']): string {
  const names = catalogueNames(catalogue, language);
  const masters = (selection.masters ?? []).map((id) => messages.task.duplicates.masterCertificate(names.master(id)));
  return andListIn(language)([...selection.series.map(names.series), ...selection.codes, ...masters]);
}

const seriesOf = (code: string, catalogue: Catalogue): string | undefined => catalogue.tests.find((test) => test.code === code.toUpperCase())?.series;

/** One real code per whole series, so the rule prices the series once. */
function pricedCodes(selection: Selection, catalogue: Catalogue): string[] {
  const members = [...selection.series, ...(selection.masters ?? [])].flatMap((id) => catalogue.tests.find((test) => test.series === id)?.code ?? []);
  return [...selection.codes, ...members];
}

/** "What do duplicates of my A1, A5 and T2 certificates cost?" -> $7.50 per series, added up. */
export const duplicateCostTask: TaskSpec<DuplicateValues> = {
  id: 'duplicate-cost',
  faqEntry: 'duplicate-certificate',
  slots: [
    {
      name: 'selection',
      read: (text, _facts, deps, values, asAnswer) => readSelection(text, deps, asAnswer, values.selection),
      // "Changed to Automobile & Light Truck and School Bus."
      describe: (value, deps) => describeSelection(value as Selection, deps.catalogue, deps.language, deps.messages),
      list: {
        // "and T4?" after the price of A1, A2, A3 and P2: T4 is priced with them.
        add: (known, more) => {
          const [a, b] = [known as Selection, more as Selection];
          const masters = [...new Set([...(a.masters ?? []), ...(b.masters ?? [])])];
          return { codes: [...new Set([...a.codes, ...b.codes])], series: [...new Set([...a.series, ...b.series])], ...(masters.length ? { masters } : {}) };
        },
        // "oops drop the P2": P2 is taken out; "without the truck ones": every code of that series too.
        remove: (known, less, deps) => {
          const [a, b] = [known as Selection, less as Selection];
          const gone = new Set(b.codes.map((code) => code.toUpperCase()));
          const goneSeries = new Set(b.series);
          return {
            codes: a.codes.filter((code) => !gone.has(code.toUpperCase()) && !goneSeries.has(seriesOf(code, deps.catalogue) ?? '')),
            series: a.series.filter((id) => !goneSeries.has(id)),
          };
        },
        // "what about just the auto ones": the codes of that series (or the codes named) stay.
        keep: (known, kept, deps) => {
          const [a, b] = [known as Selection, kept as Selection];
          const named = new Set(b.codes.map((code) => code.toUpperCase()));
          const series = new Set(b.series);
          const codes = a.codes.filter((code) => named.has(code.toUpperCase()) || series.has(seriesOf(code, deps.catalogue) ?? ''));
          const wholeSeries = a.series.filter((id) => series.has(id));
          // A Master certificate stays with its series ("just the A ones then").
          const keptSeries = new Set([...wholeSeries, ...codes.map((code) => seriesOf(code, deps.catalogue) ?? '')]);
          const masters = (a.masters ?? []).filter((id) => keptSeries.has(id));
          // Nothing of the list is kept ("just T4" when T4 was not in it): what was named is the list.
          return codes.length || wholeSeries.length ? { codes, series: wholeSeries, ...(masters.length ? { masters } : {}) } : b;
        },
      },
      // "T3, not T2" after the price of A1, A5 and T2: A1, A5 and T3 (nothing to swap out: the list as it was).
      swap: (known, out, into) => {
        const [a, gone, added] = [known as Selection, out as Selection, into as Selection];
        if (!gone.codes.some((code) => a.codes.includes(code)) && !gone.series.some((id) => a.series.includes(id))) return a;
        return {
          codes: [...new Set([...a.codes.filter((code) => !gone.codes.includes(code)), ...added.codes])],
          series: [...new Set([...a.series.filter((id) => !gone.series.includes(id)), ...added.series])],
        };
      },
      ask: (_values, deps) => ({ text: deps.messages.task.duplicates.askTests }),
    },
  ],
  answer: (values, _facts, deps) => {
    const m = deps.messages.task.duplicates;
    const { selection } = values;
    const decision = duplicateCost({ tests: pricedCodes(selection, deps.catalogue) }, deps.catalogue, deps.policy);
    const named = new Set(selection.codes.map((code) => code.toUpperCase()));
    const names = catalogueNames(deps.catalogue, deps.language);
    const facts = decision.series.map((line) => {
      const mentioned = line.tests.filter((code) => named.has(code));
      return { label: names.series(line.seriesId), value: mentioned.length ? mentioned.join(', ') : m.wholeSeries };
    });
    const lines = decision.seriesCount ? [m.total(usd(decision.totalUsd), decision.seriesCount, usd(decision.feePerSeriesUsd))] : [];
    // The Master certificate is of its series, so it is on that series' one fee.
    for (const id of selection.masters ?? []) lines.push(m.masterInSeries(names.master(id), names.series(id)));
    if (decision.unknown.length) lines.push(m.unknown(decision.unknown.join(', ')));
    lines.push(m.next);
    return { reply: { text: lines.join(' '), facts }, outcome: decision.verdict };
  },
  accountQuestion: () => ({ kind: 'duplicates-all' }),
  help: (deps) => deps.messages.task.duplicates.help,
};

