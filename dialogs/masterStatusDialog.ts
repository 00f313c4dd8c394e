import { addDays, addYears, findSeries, masterStatus, todayIn, type Catalogue, type Series } from '../src/rules/index.js';
import { asCertification, dateRole } from '../src/understanding/dateRoles.js';
import { asKnown, onKnown, readPastDate, roughExpiry } from './slotReaders.js';
import type { TaskDeps, TurnFacts } from './taskTypes.js';
import { resolveSeries, resolveTests } from '../src/understanding/tests.js';
import type { SlotReading, TaskSpec } from './taskTypes.js';
import { andListIn, orListIn } from '../src/messages/lists.js';
import { catalogueNames } from '../src/messages/catalogueNames.js';

interface MasterValues {
  series: string;
  lapsed: string[];
  /**
   * "if I let A6 lapse am I still master?", "A6 expires next month, will I lose master?": the
   * lapse is supposed, not told; the answer says what would happen, never that A6 lapsed.
   */
  supposed?: boolean;
  /** Required tests left out of a list of those held ("I have T2 T3 T4 T5 T6 and T8": T7). */
  missing?: string[];
  /**
   * "my A6 might have expired", "creo que se me venció el A6": a lapse guessed, not known. The answer
   * says what follows if it did, and the account (signed in) says whether it did.
   */
  hedged?: boolean;
  /**
   * "so I just need A8?": the tests still to pass, asked back to be sure; the answer says yes, and what
   * it takes. "can I take just A6 or do I need all 8 again" after a lapse: just the lapsed ones.
   */
  confirming?: boolean;
  /**
   * "I passed A1 through A8 in 2021" on December 7, 2026: every required test passed at a time known
   * only to its year (or month) whose five years end around today, as said ("in 2021"). What makes
   * the status is said, and that the year alone can't tell whether it holds; nobody is asked which
   * tests lapsed.
   */
  roughPass?: string;
  /**
   * "my L1 expired, still master?": tests said lapsed that no Master status of the catalogue requires
   * (and no required test named beside them). What the source says of the statuses it names is the
   * answer, never "which Master status?" asked of a test that belongs to neither.
   */
  notRequired?: string[];
}

const noneLapsed =
  /^(?:none|no|nope|nothing|all (?:of them )?(?:are )?(?:current|good|valid)|they(?:'re| are) all (?:current|good|valid)|none of them|ninguno|ninguna|nada|todos (?:est[aá]n )?vigentes)(?![\p{L}\d])/iu;

/** Lapse words, in English and in Spanish ("se me venció el A6", "el A3 ya no está vigente"). */
const LAPSE_WORDS =
  /(?<![\p{L}\d])(?:expired?|lapsed?|ran out|run out|out of date|not current|no longer|venci[oó]|vencid[oa]s?|(?:se (?:me |le )?)?vencieron|caduc[oó]|caducaron|expiraron|caducad[oa]s?|expir[oó]|ya no (?:est[aá] |es )?vigente)(?![\p{L}\d])/iu;

/**
 * A lapse supposed rather than told: "what if", "would", "will I lose", "hypothetically", "let A6
 * lapse", "if A6 expires", or a lapse still ahead ("expires next month", "is about to lapse"). "am I
 * still master if A6 expired?" tells a lapse (past tense): the answer says it lapsed.
 */
const SUPPOSED =
  /(?<![\p{L}\d])(?:what if|suppose|supposing|hypothetically|would|will i (?:still )?(?:be|lose|keep|stay)|let (?:my |the )?(?:\p{L}-?\d{1,2}|it|them|one)(?: \p{L}+)? (?:lapse|expire|run out)|if (?:[\p{L}\d-]+ ){0,3}(?:lapses|expires|runs out)|(?:expires|expiring|lapsing|will (?:lapse|expire)|going to (?:lapse|expire)|about to (?:lapse|expire)) (?:next|this|in|soon|on)|si (?:dejo|se me vence)|qu[eé] pasa si)(?![\p{L}\d])/iu;

/** A guess rather than a fact: "might have", "I think", "not sure if", "creo que", "no sé si", "puede que". */
const HEDGED =
  /(?<![\p{L}\d])(?:(?:might|may|could) (?:have|be|had)|i think|i believe|i guess|not sure (?:if|whether)|don'?t know (?:if|whether)|probably|possibly|maybe|perhaps|creo que|no s[eé] si|puede (?:ser )?que|quiz[aá]s?|tal vez|a lo mejor|posiblemente|probablemente)(?![\p{L}\d])/iu;

/** Lapse words for a lapse still ahead, read only when the lapse is supposed ("A6 expires next month"). */
const FUTURE_LAPSE_WORDS = /(?<![\p{L}\d])(?:expires|expiring|lapses|lapsing|runs out|will (?:lapse|expire)|going to (?:lapse|expire)|about to (?:lapse|expire)|se vence|vencer[aá])(?![\p{L}\d])/iu;

/** The series a message is about: named outright, or the series of the tests it names. */
function readSeries(text: string, catalogue: Catalogue): SlotReading<string> {
  const named = resolveSeries(text, catalogue).filter((series) => series.master);
  const fromTests = resolveTests(text, catalogue)
    .tests.map((test) => findSeries(catalogue, test.series))
    .filter((series): series is Series => Boolean(series?.master));
  const ids = [...new Set([...named, ...fromTests].map((series) => series.id))];
  return ids.length === 1 && ids[0] ? { kind: 'value', value: ids[0] } : { kind: 'none' };
}

/** A test named beside those already known, not instead of them ("T3 too", "also A7", "tambien el A7"). */
const ALSO = /(?<![\p{L}\d])(?:too|also|as well|tambi[eé]n)(?![\p{L}\d])/iu;

/** A question about a date ("when does A1 expire?", "¿cuándo vence mi A1?"): it asks, it tells no lapse. */
const ASKS_WHEN = /^(?:and |y |so )?(?:when|how long|what day|how much longer|cu[aá]ndo|hasta cu[aá]ndo)\b/i;

/**
 * "el A1 lo pasé en marzo del 2022", "A1 expired on June 5": a date the message says is a pass (or
 * an expiry) settles whether the tests named lapsed: a pass runs `validityYears`. Undefined when it
 * does not (no such date, a date too rough, or a month whose first and last day differ).
 */
function lapseByDate(text: string, facts: TurnFacts, deps: TaskDeps): { lapsed: boolean; until: string } | undefined {
  const mentions = facts.dates(text).filter((mention) => mention.form !== 'time');
  const [mention] = mentions;
  if (mentions.length !== 1 || !mention) return undefined;
  // "I took A1 on June 5 2022" is the day A1 was certified, as "passed" is.
  const role = asCertification(dateRole(text, mention)) ?? (HELD_WORDS.test(text) ? 'pass' : LAPSE_WORDS.test(text) ? 'expiry' : undefined);
  const today = todayIn(facts.now, facts.zone);
  if (role === 'expiry' && !mention.approximate && mention.form !== 'partial') {
    return { lapsed: mention.date <= today, until: asKnown({ date: mention.date }, deps.language) };
  }
  if (role !== 'pass') return undefined;
  const reading = readPastDate(text, facts, deps);
  if (reading.kind !== 'value' || (reading.value.approximate && !reading.value.span)) return undefined;
  const pass = reading.value;
  const expiry = (date: string) => addYears(date, deps.policy.validityYears.value);
  // Current only when it is from the span's first day on, lapsed only when from its last.
  const [earliest, latest] = [expiry(pass.span?.from ?? pass.date), expiry(pass.span?.to ?? pass.date)];
  if (earliest > today) return { lapsed: false, until: asKnown(pass, deps.language, expiry(pass.date)) };
  if (latest <= today) return { lapsed: true, until: asKnown(pass, deps.language, expiry(pass.date)) };
  return undefined;
}

function readLapsed(text: string, facts: TurnFacts, deps: TaskDeps, seriesId: string | undefined, asAnswer: boolean, known?: string[]): SlotReading<string[]> {
  const { catalogue } = deps;
  if (noneLapsed.test(text.trim())) return { kind: 'value', value: [] };
  if (ASKS_WHEN.test(text.trim()) && !SUPPOSED.test(text)) return { kind: 'none' };
  // "A6 expires next month, will I lose master?": a lapse ahead names the test only when it is supposed.
  const lapseWords = (clause: string) => LAPSE_WORDS.test(clause) || (SUPPOSED.test(text) && FUTURE_LAPSE_WORDS.test(clause));
  // "I have A1-A8 but A3 expired in 2023": only the clause that says lapsed names lapsed tests.
  const clauses = text.split(/\b(?:but|pero)\b|[,;.]/i).filter(lapseWords);
  const lapsedPart = clauses.length ? clauses.join(' ') : text;
  // Only a test Master status requires can lapse it: "what about G1?" names no lapse of Master Automobile.
  const required = seriesId ? findSeries(catalogue, seriesId)?.master?.requiredTests : undefined;
  const tests = resolveTests(lapsedPart, catalogue).tests.filter((test) => !seriesId || (test.series === seriesId && (!required || required.includes(test.code))));
  // "My A3 expired" names a lapsed test; a list of tests someone holds does not, unless it answers
  // the question "which have expired?".
  // A date said with the tests decides, not the words around it ("lo pasé en marzo del 2022" at "which have lapsed?").
  const byDate = tests.length && !SUPPOSED.test(text) ? lapseByDate(text, facts, deps) : undefined;
  if (byDate) {
    const named = andListIn(deps.language)(tests.map((test) => test.code));
    // Every required test named, all current: none lapsed. Some: they count, and the others are asked about.
    const all = required?.every((code) => tests.some((test) => test.code === code));
    if (!byDate.lapsed && all) return { kind: 'value', value: [] };
    if (!byDate.lapsed) return { kind: 'clarify', question: { text: deps.messages.task.master.currentUntil(named, byDate.until) } };
    return { kind: 'value', value: [...new Set([...(known?.length && ALSO.test(text) ? known : []), ...tests.map((test) => test.code)])] };
  }
  const saysLapsed = lapseWords(text);
  // "A1-A8, passed in June 2021" lists tests held, even in answer to "which have lapsed?".
  const saysHeld = /\b(?:passed|pass|hold|held|have|got|current|valid|tengo|aprob[eé]|vigentes?)\b/i.test(text);
  // "¿el G1 cuenta?" at "which have lapsed?" asks about G1; it does not say G1 lapsed.
  // "so I just need A8?" names a test still to pass, never one that lapsed, even at "which have lapsed?".
  const lapsed = saysLapsed || (asAnswer && !saysHeld && !TO_PASS.test(text) && !ASKS_ABOUT.test(text));
  if (!tests.length || !lapsed) return { kind: 'none' };
  // "what if T3 lapses too" after "T2 lapsed": T3 joins the lapsed tests known.
  const joins = known?.length && ALSO.test(text) ? known : [];
  return { kind: 'value', value: [...new Set([...joins, ...tests.map((test) => test.code)])] };
}

/**
 * "I have T2 T3 T4 T5 T6 and T8": a list of the tests held (at least two of the series, no lapse
 * word) leaves out the required tests still to pass. None left out is no reading: the task goes on
 * to ask which have lapsed.
 */
function readMissing(text: string, catalogue: Catalogue, seriesId: string | undefined): SlotReading<string[]> {
  if (!seriesId || LAPSE_WORDS.test(text) || (SUPPOSED.test(text) && FUTURE_LAPSE_WORDS.test(text))) return { kind: 'none' };
  const required = findSeries(catalogue, seriesId)?.master?.requiredTests ?? [];
  // "tengo A1 A4 A5 A6 A7 A8 pero me falta el A2 y A3", "I have all but A2": the tests after the
  // word that says so are the ones still to pass.
  const said = MISSING_WORD.exec(text);
  if (said) {
    const named = new Set(resolveTests(text.slice(said.index + said[0].length), catalogue).tests.map((test) => test.code));
    const missing = required.filter((code) => named.has(code));
    if (missing.length > 0) return { kind: 'value', value: missing };
  }
  if (!HELD_WORDS.test(text)) return { kind: 'none' };
  const held = new Set(resolveTests(text, catalogue).tests.filter((test) => test.series === seriesId).map((test) => test.code));
  const missing = required.filter((code) => !held.has(code));
  return held.size >= 2 && missing.length > 0 ? { kind: 'value', value: missing } : { kind: 'none' };
}

/** Every required test said held, with one pass date known only roughly whose expiry falls around today. */
function readRoughPass(text: string, facts: TurnFacts, deps: TaskDeps, seriesId: string | undefined): SlotReading<string> {
  if (!seriesId || !HELD_WORDS.test(text) || LAPSE_WORDS.test(text) || SUPPOSED.test(text)) return { kind: 'none' };
  const required = findSeries(deps.catalogue, seriesId)?.master?.requiredTests ?? [];
  const named = new Set(resolveTests(text, deps.catalogue).tests.map((test) => test.code));
  if (!required.length || !required.every((code) => named.has(code))) return { kind: 'none' };
  if (facts.dates(text).filter((mention) => mention.form !== 'time').length !== 1) return { kind: 'none' };
  const reading = readPastDate(text, facts, deps);
  // Kept as said ("in 2021"), not as a date: nothing is worked out from its days.
  return reading.kind === 'value' && roughExpiry(reading.value, facts, deps) ? { kind: 'value', value: onKnown(reading.value, deps.language) } : { kind: 'none' };
}

/**
 * Tests said lapsed ("my L1 expired") that are required by no Master status the catalogue defines,
 * in a message naming no test that is: they are not what Master status rests on.
 */
function readNotRequired(text: string, catalogue: Catalogue): SlotReading<string[]> {
  if (!LAPSE_WORDS.test(text) && !(SUPPOSED.test(text) && FUTURE_LAPSE_WORDS.test(text))) return { kind: 'none' };
  const required = new Set(catalogue.series.flatMap((series) => series.master?.requiredTests ?? []));
  const named = resolveTests(text, catalogue).tests.map((test) => test.code);
  if (!named.length || named.some((code) => required.has(code))) return { kind: 'none' };
  return { kind: 'value', value: [...new Set(named)] };
}

/** A list of the tests held: "I have", "passed", "tengo", "aprobé", "pasé", "saqué". */
const HELD_WORDS = /(?<![\p{L}\d])(?:have|hold|got|passed|i'?m certified in|certified in|tengo|aprob[eé]|pas[eé]|saqu[eé])(?![\p{L}\d])/iu;
/**
 * What comes after names the tests not held: "me falta el A2", "todos menos el A2", "all but A2",
 * "except A2", or those still to pass: "I just need A8", "solo necesito el A8".
 */
const MISSING_WORD =
  /(?<![\p{L}\d])(?:(?:me |nada m[aá]s me |solo me )?faltan?|no tengo|menos|excepto|salvo|all but|except|but not|(?:i'?m )?missing|(?:i )?(?:don'?t|do not) have|need(?: to (?:pass|take|get))?|necesito(?: (?:aprobar|pasar|presentar|sacar))?)(?![\p{L}\d])/iu;
/** Tests named as still to pass or to take ("I need A8", "A8 is left", "me falta el A8"): never lapsed ones. */
const TO_PASS =
  /(?<![\p{L}\d])(?:need|needs|needed|missing|left|remaining|still to|to (?:pass|take|buy|get)|falta|faltan|necesito|me queda|quedan?)(?![\p{L}\d])/iu;
/**
 * The tests still to pass asked back ("so I just need A8?", "do I only need T8?", "¿solo me falta el
 * A8?"): a question, answered yes with what it takes, not a list of what is missing again.
 */
const CONFIRMING =
  /(?<![\p{L}\d])(?:(?:just|only) (?:need|have to (?:pass|take|get))|need (?:just|only)|(?:do|does) i (?:just |only )?need|that'?s (?:all|it)|(?:solo|s[oó]lo|nada m[aá]s) (?:me )?(?:falta|faltan|necesito))(?![\p{L}\d])[^?]*\?\s*$/iu;
/**
 * Whether only some tests need passing or all of them again, asked ("can I take just A6 or do I need
 * all 8 again", "do I have to retake everything?", "¿solo el A6 o todos otra vez?"): answered from
 * the tests known to be lapsed or missing, never by asking which again.
 */
const ONLY_THOSE =
  /(?<![\p{L}\d])(?:(?:take|retake|recert\w*|redo|do|pass|need) (?:just|only)|(?:just|only) (?:the )?\p{L}\d{1,2}\b.*\b(?:or|instead)\b|all (?:8|eight|7|seven|of them|the tests|(?:\d+|eight|seven) tests) (?:again|over)|(?:retake|redo|take) (?:everything|them all|it all)|start (?:over|from scratch)|(?:solo|s[oó]lo|nada m[aá]s) (?:el |los )?\p{L}\d{1,2}\b.*\btodos\b|todos (?:otra vez|de nuevo)|(?:empezar|comenzar) de (?:cero|nuevo))(?![\p{L}\d])/iu;

/**
 * A question about a test, not an answer naming lapsed ones: "¿el G1 cuenta?", "does G1 count?",
 * "what about G1?". A question mark alone is no such question: "A6 I think?" answers, unsure.
 */
const ASKS_ABOUT = /(?<![\p{L}\d])(?:cuenta|cuentan|count|counts|sirve|vale)(?![\p{L}\d])|^\s*[¿]?\s*(?:what about|how about|and|y|qu[eé] tal|qu[eé] pasa con)(?![\p{L}\d]).*\?\s*$/iu;

/** The tests as a span of the required ones when they run on without a gap ("A1-A7"), else a list. */
function testSpan(tests: string[], required: string[], list: (items: string[]) => string): string {
  const first = required.indexOf(tests[0] ?? '');
  const unbroken = first >= 0 && tests.every((test, i) => required[first + i] === test);
  return unbroken && tests.length >= 3 ? `${tests[0]}-${tests.at(-1)}` : list(tests);
}

/** "Am I still a Master Tech? My A3 expired." -> holds or not, which tests, how to get it back. */
export const masterStatusTask: TaskSpec<MasterValues> = {
  id: 'master-status',
  general: (deps) => ({ text: deps.messages.task.master.general }),
  slots: [
    {
      name: 'notRequired',
      quiet: true,
      read: (text, _facts, deps) => readNotRequired(text, deps.catalogue),
    },
    {
      name: 'series',
      needed: (values) => !values.notRequired?.length,
      read: (text, _facts, deps) => readSeries(text, deps.catalogue),
      describe: (value, deps) => catalogueNames(deps.catalogue, deps.language).series(String(value)),
      ask: (_values, deps) => ({ text: deps.messages.task.master.askSeries }),
    },
    {
      name: 'missing',
      read: (text, _facts, deps, values) => readMissing(text, deps.catalogue, values.series),
    },
    {
      name: 'confirming',
      quiet: true,
      read: (text) => (CONFIRMING.test(text) || ONLY_THOSE.test(text) ? { kind: 'value', value: true } : { kind: 'none' }),
    },
    {
      name: 'hedged',
      quiet: true,
      read: (text) => (HEDGED.test(text) && LAPSE_WORDS.test(text) ? { kind: 'value', value: true } : { kind: 'none' }),
    },
    {
      name: 'supposed',
      quiet: true,
      read: (text) => (SUPPOSED.test(text) ? { kind: 'value', value: true } : { kind: 'none' }),
    },
    {
      name: 'roughPass',
      quiet: true,
      read: (text, facts, deps, values) => readRoughPass(text, facts, deps, values.series),
    },
    {
      name: 'lapsed',
      needed: (values) => !values.missing?.length && !values.roughPass && !values.notRequired?.length,
      read: (text, facts, deps, values, asAnswer) => readLapsed(text, facts, deps, values.series, asAnswer, values.lapsed),
      ask: (values, deps) => {
        return { text: deps.messages.task.master.askLapsed(values.series ? catalogueNames(deps.catalogue, deps.language).master(values.series) : undefined) };
      },
    },
  ],
  faqEntry: 'master-technician-status',
  answer: (values, facts, deps) => {
    const m = deps.messages.task.master;
    const series = values.series ? findSeries(deps.catalogue, values.series) : undefined;
    const names = catalogueNames(deps.catalogue, deps.language);
    // "my L1 expired, still master?", "my G1 lapsed": none of the required tests; what the statuses rest on, from the source.
    if (values.notRequired?.length && (values.lapsed ?? []).every((test) => values.notRequired!.includes(test))) {
      const masters = series?.master ? [series] : deps.catalogue.series.filter((each) => each.master?.requiredTests.length);
      const statuses = orListIn(deps.language)(
        masters.map((each) => `${names.master(each.id)} (${testSpan(each.master!.requiredTests, each.master!.requiredTests, andListIn(deps.language))})`),
      );
      return { reply: { text: `${m.notRequired(andListIn(deps.language)(values.notRequired), statuses)} ${m.next}` }, outcome: 'not-required' };
    }
    if (!series?.master) return { reply: { text: m.noMaster(names.series(values.series)) }, outcome: 'no-master-defined' };
    const name = names.master(series.id);
    if (values.missing?.length) {
      const missing = andListIn(deps.language)(values.missing);
      if (!values.confirming) return { reply: { text: m.missing(name, missing) }, outcome: 'missing-tests' };
      const others = series.master.requiredTests.filter((test) => !values.missing?.includes(test));
      return { reply: { text: m.onlyMissing(name, missing, testSpan(others, series.master.requiredTests, andListIn(deps.language))) }, outcome: 'missing-tests' };
    }
    // Passed them all "in 2021", five years ago this year: what makes the status, and that the year can't say more.
    if (values.roughPass && !values.lapsed?.length) {
      const tests = testSpan(series.master.requiredTests, series.master.requiredTests, andListIn(deps.language));
      return { reply: { text: `${m.earnedIfCurrent(name, tests, values.roughPass)} ${m.next}` }, outcome: 'holds-if-current' };
    }
    // The candidate told us which tests lapsed, not their dates: a lapsed test counts as expiring
    // today (no longer current), the others as still current tomorrow. Only the names are reported.
    const today = todayIn(facts.now, facts.zone);
    const certifications = series.master.requiredTests.map((test) => ({
      test,
      expiresOn: values.lapsed.includes(test) ? today : addDays(today, 1),
    }));
    const decision = masterStatus({ seriesId: series.id, certifications, now: facts.now, zone: facts.zone }, deps.catalogue, deps.policy);
    const lapsed = andListIn(deps.language)(decision.lapsed);
    if (!decision.holds && values.hedged && !values.supposed) return { reply: { text: m.ifLapsed(name, lapsed) }, outcome: decision.verdict, accountWouldKnow: true };
    // "can I take just A6 or do I need all 8 again?" after "A6 lapsed": just A6, its recertification test.
    if (!decision.holds && values.confirming && !values.supposed && !values.hedged) return { reply: { text: m.onlyLapsed(name, lapsed) }, outcome: decision.verdict };
    const text = decision.holds ? `${m.holds(name)} ${m.next}` : values.supposed ? m.wouldLapse(name, lapsed) : m.lapsed(name, lapsed);
    return { reply: { text }, outcome: decision.verdict };
  },
  accountQuestion: () => ({ kind: 'master' }),
  // A lapse only guessed at: signed in, the account says whether it happened.
  accountFirst: (values) => values.hedged === true,
  help: (deps) => deps.messages.task.master.help,
  // "can I take just A6 or do I need all 8 again" right after "A6 lapsed": asked of the tests known.
  followUps: ['lapsed', 'confirming'],
  followUpQuestions: ['supposed', 'confirming'],
};

