import { duplicateCost, type Catalogue } from '../src/rules/index.js';
import { resolveSeries, resolveSeriesLetters, resolveTests, withoutSeriesNames } from '../src/understanding/tests.js';
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
  /**
   * One Master certificate asked for ("A1, T2 y mi certificado de Master") where the tests named are of
   * several series with a Master: the series it may be of, by id. One certificate, of one of them.
   */
  masterOneOf?: string[];
}

interface DuplicateValues {
  selection: Selection;
}

const usd = (amount: number) => `$${amount.toFixed(2)}`;

function readSelection(text: string, deps: TaskDeps, asAnswer: boolean, known?: Selection): SlotReading<Selection> {
  const { catalogue } = deps;
  // "parts specialist" names the series as well as P2: a series named is the whole series.
  const { tests, unknownCodes, suggestions } = resolveTests(withoutSeriesNames(text, catalogue), catalogue);
  // In answer to "which series?", "A and T" alone are the series' letters.
  const named = resolveSeries(text, catalogue);
  const series = (named.length || !asAnswer ? named : resolveSeriesLetters(text, catalogue))
    .filter((one) => !tests.some((test) => test.series === one.id))
    .map((one) => one.id);
  // "and my master tech certificate too" after the price of A1 and A4: the Master of the series already named.
  const knownSeries = known ? [...known.series, ...known.codes.flatMap((code) => seriesOf(code, catalogue) ?? [])] : [];
  const { masters, oneOf } = mastersNamed(text, catalogue, tests.length ? tests.map((test) => test.series) : knownSeries, named.map((one) => one.id));
  if (tests.length || series.length || masters.length || oneOf.length) {
    return {
      kind: 'value',
      value: { codes: [...tests.map((test) => test.code), ...unknownCodes], series, ...(masters.length ? { masters } : {}), ...(oneOf.length ? { masterOneOf: oneOf } : {}) },
    };
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
 * More than one Master certificate said outright: "masters", "maestros", "master certificates", "both
 * masters", "los certificados de master", "ambos master", "los dos de master".
 */
const MASTERS_WORD =
  /\bmasters\b|\bmaestros\b|\bmaster\s+(?:tech(?:nician)?\s+)?(?:certificates|certs)\b|\b(?:both|ambos|los\s+dos|las\s+dos|two|dos)\s+(?:(?:of\s+)?(?:my\s+|the\s+)?|de\s+)?(?:master|maestro|t[eé]cnicos?\s+(?:master|maestro))|\bcertificados\s+(?:de\s+)?(?:t[eé]cnicos?\s+)?(?:master|maestro)|\b(?:los|mis)\s+(?:de\s+)?master\b/i;

/**
 * The Master certificates the text asks for: the Master of each series it names ("master truck"), else
 * of the tests it names (A1, A4 and the Master one are Automobile), else none (which Master is then
 * unknown, and nothing is assumed). One Master certificate ("mi certificado de Master") beside tests of
 * two series with a Master is one certificate of one of them (`oneOf`), not both.
 */
function mastersNamed(text: string, catalogue: Catalogue, testSeries: string[], seriesNamed: string[]): { masters: string[]; oneOf: string[] } {
  if (!MASTER_WORD.test(text)) return { masters: [], oneOf: [] };
  const withMaster = new Set(catalogue.series.filter((one) => one.master).map((one) => one.id));
  const named = seriesNamed.filter((id) => withMaster.has(id));
  if (named.length) return { masters: [...new Set(named)], oneOf: [] };
  const candidates = [...new Set(testSeries.filter((id) => withMaster.has(id)))];
  if (candidates.length > 1 && !MASTERS_WORD.test(text)) return { masters: [], oneOf: candidates };
  return { masters: candidates, oneOf: [] };
}

/** What remains of one Master of several series when only `kept` series stay: still one of them, or that series' own, or none. */
function oneMasterKept(selection: Selection, kept: Set<string>): Pick<Selection, 'masters' | 'masterOneOf'> {
  const left = (selection.masterOneOf ?? []).filter((id) => kept.has(id));
  const masters = [...new Set([...(selection.masters ?? []).filter((id) => kept.has(id)), ...(left.length === 1 ? left : [])])];
  return { ...(masters.length ? { masters } : {}), ...(left.length > 1 ? { masterOneOf: left } : {}) };
}

/** The series a selection prices: its whole series and those of its known codes. */
const seriesIn = (selection: Selection, catalogue: Catalogue): Set<string> =>
  new Set([...selection.series, ...selection.codes.flatMap((code) => seriesOf(code, catalogue) ?? [])]);

/** A selection as the candidate would say it back: the series by name, then the tests by code. */
function describeSelection(selection: Selection, catalogue: Catalogue, language: Language, messages: TaskDeps['messages']): string {
  const names = catalogueNames(catalogue, language);
  const masters = (selection.masters ?? []).map((id) => messages.task.duplicates.masterCertificate(names.master(id)));
  const oneMaster = selection.masterOneOf?.length ? [messages.task.duplicates.aMasterCertificate] : [];
  return andListIn(language)([...selection.series.map(names.series), ...selection.codes, ...masters, ...oneMaster]);
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
          // One Master of several series, unless a Master already named is one of them.
          const oneOf = (b.masterOneOf ?? a.masterOneOf ?? []).some((id) => masters.includes(id)) ? [] : (b.masterOneOf ?? a.masterOneOf ?? []);
          return {
            codes: [...new Set([...a.codes, ...b.codes])],
            series: [...new Set([...a.series, ...b.series])],
            ...(masters.length ? { masters } : {}),
            ...(oneOf.length ? { masterOneOf: oneOf } : {}),
          };
        },
        // "oops drop the P2": P2 is taken out; "without the truck ones": every code of that series too.
        remove: (known, less, deps) => {
          const [a, b] = [known as Selection, less as Selection];
          const gone = new Set(b.codes.map((code) => code.toUpperCase()));
          const goneSeries = new Set(b.series);
          const left = {
            codes: a.codes.filter((code) => !gone.has(code.toUpperCase()) && !goneSeries.has(seriesOf(code, deps.catalogue) ?? '')),
            series: a.series.filter((id) => !goneSeries.has(id)),
          };
          // A Master certificate of one of several series stays while one of them does (it was dropped with every removal).
          const { masterOneOf } = oneMasterKept(a, seriesIn(left, deps.catalogue));
          return { ...left, ...(masterOneOf ? { masterOneOf } : {}) };
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
          // Nothing of the list is kept ("just T4" when T4 was not in it): what was named is the list.
          return codes.length || wholeSeries.length ? { codes, series: wholeSeries, ...oneMasterKept(a, keptSeries) } : b;
        },
      },
      // "no, quise decir T2" / "no, I meant T2" after the price of A1 and A2: one code put right replaces one, not the list:
      // a code the catalogue does not know if the list has one, else the one of its series if the list has one, else the
      // last one named (A1 and T2). A list named again ("no, I meant A1 and A5") replaces the list.
      correctOne: (known, into, deps) => {
        const [a, b] = [known as Selection, into as Selection];
        const [code] = b.codes;
        if (!code || b.codes.length !== 1 || b.series.length || b.masters?.length || a.codes.length + a.series.length < 2 || !a.codes.length) return undefined;
        if (a.codes.some((one) => one.toUpperCase() === code.toUpperCase())) return undefined;
        const unknown = a.codes.filter((one) => seriesOf(one, deps.catalogue) === undefined);
        const series = seriesOf(code, deps.catalogue);
        const sameSeries = series === undefined ? [] : a.codes.filter((one) => seriesOf(one, deps.catalogue) === series);
        const out = unknown.length === 1 ? unknown[0] : sameSeries.length === 1 ? sameSeries[0] : a.codes.at(-1);
        return { ...a, codes: a.codes.map((one) => (one === out ? code : one)) };
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
    if (selection.masterOneOf?.length) lines.push(m.masterInOneOf(orListIn(deps.language)(selection.masterOneOf.map(names.series))));
    if (decision.unknown.length) lines.push(m.unknown(decision.unknown.join(', ')));
    lines.push(m.next);
    return { reply: { text: lines.join(' '), facts }, outcome: decision.verdict };
  },
  accountQuestion: () => ({ kind: 'duplicates-all' }),
  help: (deps) => deps.messages.task.duplicates.help,
};

