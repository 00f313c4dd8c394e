import { addYears, certificationExpiry, daysBetween, recertification, todayIn } from '../src/rules/index.js';
import { formatLongDate } from '../src/understanding/dates.js';
import { asCertification, dateRole } from '../src/understanding/dateRoles.js';
import { andListIn } from '../src/messages/lists.js';
import { onKnown, readFirstTest, readOtherTests, readFutureDate, readPastDate, roughExpiry, type DateValue } from './slotReaders.js';
import type { SlotReading, TaskDeps, TaskSpec, TurnFacts } from './taskTypes.js';

interface RecertValues {
  test?: string;
  /** Tests named with it, with the same date ("my A1 and A5 were certified in March 2020"): the answer is theirs too. */
  others?: string[];
  certifiedOn: DateValue;
  /** When they would recertify; today when not said. */
  recertOn?: string;
  /**
   * "if I recertify now, when does the new one expire?" right after the answer: the new expiry is
   * what was asked, so the answer leads with it, from the pass date already given.
   */
  asksNewExpiry?: boolean;
}

const recertWords = /\b(?:recert\w*|renew\w*|retake|take (?:it|the test) again)\b/i;

/**
 * "If I recertify on June 1" names the planned recertification: a single date from today on, in a
 * message that talks about recertifying. Any other date is the pass.
 */
function plannedRecert(text: string, facts: TurnFacts) {
  if (!recertWords.test(text)) return undefined;
  const today = todayIn(facts.now, facts.zone);
  // "my A6 expires on jan 10, when should i recertify": the date is the expiry, no planned recertification.
  // "I recertified A4 today": a recertification done, the pass date, no plan.
  const ahead = facts.dates(text).filter((mention) => {
    if (mention.date < today || mention.form === 'time') return false;
    const role = asCertification(dateRole(text, mention));
    return role !== 'expiry' && role !== 'pass';
  });
  return ahead.length === 1 ? ahead[0] : undefined;
}

/**
 * The credential a recertification would give, asked about: "when does the new one expire", "the new
 * expiration date", "if I recertify now, how long is it good for", "si me recertifico ahora, ¿cuándo
 * vence la nueva?". Its expiry must be asked: "if I recertify now do I lose Master?" is another question.
 */
const NEW_CREDENTIAL =
  /(?<![\p{L}\d])(?:(?:the|my|a|that) new (?:one|cert\w*|credential\w*)|new (?:expir\w*|expiry|end date)|(?:la|el) nuev[oa]|nueva fecha|if i (?:recert\w*|renew\w*)|si (?:me )?(?:recertifico|renuevo))(?![\p{L}\d])/iu;
const EXPIRY_ASKED = /(?<![\p{L}\d])(?:expir\w*|lapse|run out|good (?:until|till|for)|last|venc\p{L}*|caduc\p{L}*|dura)(?![\p{L}\d])/iu;
const asksNewExpiry = (text: string) => NEW_CREDENTIAL.test(text) && EXPIRY_ASKED.test(text);

function readRecertOn(text: string, facts: TurnFacts): SlotReading<string> {
  const planned = plannedRecert(text, facts);
  return planned ? { kind: 'value', value: planned.date } : { kind: 'none' };
}

/** Words that make a date the expiry, in English and in Spanish ("vence el 30 de junio", "se me venció en marzo"). */
const saysExpired =
  /(?<![\p{L}\d])(?:expired|expires|expiring|lapsed|lapses|ran out|runs? out|venc\p{L}*|caduc\p{L}*|expir[aoó]\p{L}*)(?![\p{L}\d])/iu;
/** An expiry in the present or future tense: its date may still be ahead. */
const saysExpiring =
  /(?<![\p{L}\d])(?:expires|expiring|will expire|runs? out|lapses|vence|vencen|vencer[aá]n?|va a vencer|caduca|caducar[aá]|expira|expirar[aá])(?![\p{L}\d])/iu;
const saysLapsedAlready = /(?<![\p{L}\d])(?:expired|lapsed|ran out|venci[oó]|vencid[oa]s?|caduc[oó]|caducad[oa]s?|expir[oó])(?![\p{L}\d])/iu;
/** "¿cuándo vencen?", "when do they expire?": the question asked, which says nothing of the date given. */
const asksWhenItRunsOut =
  /(?<![\p{L}\d])(?:cu[aá]ndo(?:\s+(?:se|me|les?|nos))*|when\s+(?:do|does|will|would)(?:\s+(?:it|they|mine|them|my\s+\S+|the\s+\S+))?)\s+(?:venc\p{L}*|caduc\p{L}*|expir\p{L}*|run\s+out|lapse)(?![\p{L}\d])/giu;

/**
 * "I passed my A7 on 12/7/2021, does it expire today?" ("took" it too): one date the message says is the pass, and
 * the others are what is asked about it (no second pass to choose from): only the pass is kept.
 */
function onlyThePass(text: string, facts: TurnFacts): string {
  const mentions = facts.dates(text);
  const passes = mentions.filter((mention) => asCertification(dateRole(text, mention)) === 'pass');
  if (passes.length !== 1 || mentions.length < 2) return text;
  let kept = text;
  for (const other of mentions.filter((mention) => mention !== passes[0]).sort((a, b) => b.index - a.index)) {
    kept = kept.slice(0, other.index) + ' '.repeat(other.text.length) + kept.slice(other.index + other.text.length);
  }
  return kept;
}

/**
 * The date of the last pass or recertification. "It expired on June 5, 2024" gives the expiry
 * instead: credentials run five years, so the pass was five years before.
 */
function readCertifiedOn(text: string, facts: TurnFacts, deps: TaskDeps): SlotReading<DateValue> {
  const planned = plannedRecert(text, facts);
  const rest = onlyThePass(planned ? text.slice(0, planned.index) + text.slice(planned.index + planned.text.length) : text, facts);
  const reading = readPastDate(rest, facts, deps);
  if (!saysExpired.test(rest.replace(asksWhenItRunsOut, ' '))) return reading;
  // "my A6 expires next month", "expires on jan 10": an expiry still ahead (present tense) is the
  // fact, and a year-less day is the coming one; the pass was five years before it.
  if (saysExpiring.test(rest) && !saysLapsedAlready.test(rest)) {
    const ahead = readFutureDate(rest, facts, deps);
    if (ahead.kind === 'value') return asPass(ahead, rest, facts, deps);
  }
  if (reading.kind === 'value') return asPass(reading, rest, facts, deps);
  // A date questioned (it looks like a date of birth) is an expiry too, if it is given again.
  if (reading.kind === 'clarify' && reading.doubted) {
    const pass = asPass({ kind: 'value', ...reading.doubted }, rest, facts, deps);
    return pass.kind === 'value' ? { ...reading, doubted: pass } : reading;
  }
  return reading;
}

/** The pass behind a date the message says is an expiry ("it expired on June 5, 2024"): five years before. */
function asPass(reading: Extract<SlotReading<DateValue>, { kind: 'value' }>, rest: string, facts: TurnFacts, deps: TaskDeps): SlotReading<DateValue> {
  // "I passed A1 on 2019-05-20, it has expired": the date is the pass, whatever else the message says.
  const mention = facts.dates(rest).find((m) => m.date === reading.value.date);
  const role = mention ? dateRole(rest, mention) : undefined;
  if (role && role !== 'expiry') return reading;
  const back = (date: string) => addYears(date, -deps.policy.validityYears.value);
  const passed = back(reading.value.date);
  // An approximate expiry ("three years ago", "in March 2021") stays approximate, and is not echoed as if exact.
  const { approximate, span } = reading.value;
  if (approximate) return { kind: 'value', value: { date: passed, approximate, ...(span ? { span: { from: back(span.from), to: back(span.to) } } : {}) } };
  const ahead = reading.value.date > todayIn(facts.now, facts.zone);
  const said = formatLongDate(reading.value.date, deps.language);
  return { kind: 'value', value: { date: passed, expiresOn: reading.value.date }, echo: ahead ? deps.messages.task.recert.expiresOn(said) : deps.messages.task.recert.expiredOn(said) };
}

/** "When does my A4 expire if I recertify now?" -> current expiry, new expiry, and what is not carried over. */
export const recertificationTask: TaskSpec<RecertValues> = {
  id: 'recertification',
  slots: [
    {
      name: 'test',
      read: (text, _facts, deps) => readFirstTest(text, deps),
    },
    // Read with the test (the same words), so it is no fact of its own: quiet.
    { name: 'others', quiet: true, read: (text, _facts, deps) => readOtherTests(text, deps) },
    { name: 'recertOn', read: (text, facts) => readRecertOn(text, facts), describe: (value, deps) => formatLongDate(String(value), deps.language) },
    // How the question is put, no fact to start on: quiet.
    { name: 'asksNewExpiry', quiet: true, read: (text) => (asksNewExpiry(text) ? { kind: 'value', value: true } : { kind: 'none' }) },
    {
      name: 'certifiedOn',
      read: (text, facts, deps) => readCertifiedOn(text, facts, deps),
      ask: (values, deps) => ({ text: deps.messages.task.recert.askPassed(values.test) }),
    },
  ],
  faqEntry: 'recertification',
  // "do I keep the extra time if I recertify A1 early?": the source says no, whatever the date.
  facetsAnswered: ['time-left'],
  answer: (values, facts, deps) => {
    const m = deps.messages.task.recert;
    const expiry = certificationExpiry({ passedOn: values.certifiedOn.date, now: facts.now, zone: facts.zone }, deps.policy);
    const recert = recertification(
      { certifiedOn: values.certifiedOn.date, recertOn: values.recertOn, now: facts.now, zone: facts.zone, previouslyCertified: true },
      deps.policy,
    );
    // A pass known only to the month ("in March 2021") gives the month it lapses, and no count of days.
    const passed = values.certifiedOn;
    const exact = !passed.approximate;
    // The expiry the candidate gave is said as given (a leap day stays February 29).
    const expiresOn = passed.expiresOn ?? expiry.expiresOn;
    const lines: string[] = [];
    // Several tests with one date share the answer, said of them all.
    const several = values.test && values.others?.length ? andListIn(deps.language)([values.test, ...values.others]) : undefined;
    const when = onKnown(passed, deps.language, expiresOn);
    if (expiry.verdict === 'expired') lines.push(several ? m.expiredAll(several, when) : m.expired(values.test, when));
    else {
      lines.push(several ? m.expiresAll(several, when) : m.expires(values.test, when));
      if (expiry.verdict === 'expiring-soon' && exact) lines.push(m.expiringSoon(expiry.daysLeft));
    }
    const recertLines: string[] = [];
    // Certified today ("I recertified A4 today"): recertifying today again would change nothing.
    const certifiedToday = exact && passed.date === todayIn(facts.now, facts.zone);
    if (recert.newExpiresOn && !(certifiedToday && !values.recertOn)) {
      const when = values.recertOn ? m.on(formatLongDate(recert.recertOn, deps.language)) : m.today;
      recertLines.push(m.newExpiry(when, formatLongDate(recert.newExpiresOn, deps.language)));
      const notCarried = passed.expiresOn ? daysBetween(recert.recertOn, passed.expiresOn) : recert.daysNotCarriedOver;
      if (notCarried && notCarried > 0 && exact) recertLines.push(m.noCredit(notCarried));
    }
    // The new expiry asked about: it leads, and the current expiry follows as what it replaces.
    if (values.asksNewExpiry) lines.unshift(...recertLines);
    else lines.push(...recertLines);
    lines.push(several ? m.nextAll : m.next);
    return { reply: { text: lines.join(' ') }, outcome: recert.verdict };
  },
  // "I passed A1 in 2021" on December 7, 2026: expires in 2026, already or not by the day, said before "Which month of 2021?".
  roughAnswer: (values, facts, deps) => roughExpiry(values.certifiedOn, facts, deps),
  accountQuestion: (values) => ({ kind: 'expiry', ...(values.test ? { tests: [values.test, ...(values.others ?? [])] } : {}) }),
  help: (deps) => deps.messages.task.recert.help,
  // "if I recertify on June 1, when does the new one expire?" right after the answer: the same pass date, recomputed.
  followUps: ['recertOn', 'asksNewExpiry'],
  followUpQuestions: ['asksNewExpiry'],
};

