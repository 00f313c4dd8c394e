import type { FaqEntry } from './faqEntry.js';
import { withoutAccents } from '../language/accents.js';

/**
 * Does every English entry have a Spanish twin that states the same facts? A translation may
 * reword anything but the facts a candidate acts on: numbers and amounts, phone numbers, date rules
 * ("30 full days", "five years", "three days"), test codes; and the twins must be the same entry
 * (same facets, follow-ups, offered task and source). Numbers written as words are read as numbers
 * in either language, so "three days" and "tres días" agree, and "three days" and "72 horas" do not.
 */
export interface TwinProblem {
  id: string;
  problem: string;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, thirty: 30, ninety: 90,
  un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, treinta: 30, noventa: 90,
};
const UNITS: Record<string, string> = {
  hour: 'hour', hours: 'hour', hora: 'hour', horas: 'hour',
  day: 'day', days: 'day', dia: 'day', dias: 'day',
  week: 'week', weeks: 'week', semana: 'week', semanas: 'week',
  month: 'month', months: 'month', mes: 'month', meses: 'month',
  year: 'year', years: 'year', ano: 'year', anos: 'year',
};

const fold = (text: string) => withoutAccents(text).toLowerCase();

/** The facts of a text, each as a comparable string: 'phone:1-800-390-6789', 'usd:7.50', 'rule:30 day', 'code:A5', 'n:4'. */
export function factsOf(text: string): Set<string> {
  const facts = new Set<string>();
  let rest = text;
  for (const match of text.matchAll(/\b(?:1-)?\d{3}-\d{3}-\d{4}\b/g)) facts.add(`phone:${match[0]}`);
  rest = rest.replace(/\b(?:1-)?\d{3}-\d{3}-\d{4}\b/g, ' ');
  for (const match of rest.matchAll(/\$\s?(\d+(?:\.\d{2})?)/g)) facts.add(`usd:${match[1]}`);
  rest = rest.replace(/\$\s?\d+(?:\.\d{2})?/g, ' ');
  for (const match of rest.matchAll(/(?<![A-Za-z0-9])([A-Z]{1,2})(\d{1,2})(?![A-Za-z0-9])/g)) facts.add(`code:${match[1]}${match[2]}`);
  rest = rest.replace(/(?<![A-Za-z0-9])[A-Z]{1,2}\d{1,2}(?![A-Za-z0-9])/g, ' ');
  const folded = fold(rest);
  const numberWord = Object.keys(NUMBER_WORDS).join('|');
  // A count with its unit, a few words apart at most ("30 full days", "90 dias completos", "tres semanas").
  const rule = new RegExp(`\\b(\\d+|${numberWord})\\s+(?:(?:full|whole|completos?|calendar|business)\\s+)?(${Object.keys(UNITS).join('|')})\\b`, 'g');
  for (const match of folded.matchAll(rule)) {
    const count = /^\d+$/.test(match[1]!) ? Number(match[1]) : NUMBER_WORDS[match[1]!];
    facts.add(`rule:${count} ${UNITS[match[2]!]}`);
  }
  // Other numbers written in digits (a "Type 4" booklet, "last 4 digits", section 609).
  for (const match of folded.replace(rule, ' ').matchAll(/\b\d+\b/g)) facts.add(`n:${Number(match[0])}`);
  return facts;
}

/** Everything an entry says: its answer, its facets' leads (and their short forms), its offer. */
function statedFacts(entry: FaqEntry): Set<string> {
  return factsOf([entry.answer, ...(entry.facets ?? []).flatMap((facet) => [facet.lead, facet.short ?? '']), entry.offer?.text ?? ''].join('\n'));
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function checkTwins(english: FaqEntry[], spanish: FaqEntry[]): TwinProblem[] {
  const problems: TwinProblem[] = [];
  const twins = new Map(spanish.map((entry) => [entry.id, entry]));
  for (const en of english) {
    const es = twins.get(en.id);
    if (!es) {
      problems.push({ id: en.id, problem: `has no Spanish twin (knowledge/faq/${en.id}.es.md)` });
      continue;
    }
    const [enFacts, esFacts] = [statedFacts(en), statedFacts(es)];
    const onlyEn = [...enFacts].filter((fact) => !esFacts.has(fact));
    const onlyEs = [...esFacts].filter((fact) => !enFacts.has(fact));
    if (onlyEn.length || onlyEs.length) {
      problems.push({ id: en.id, problem: `the twins disagree on facts: only in English ${JSON.stringify(onlyEn)}, only in Spanish ${JSON.stringify(onlyEs)}` });
    }
    if (!same((en.facets ?? []).map((f) => f.id), (es.facets ?? []).map((f) => f.id))) problems.push({ id: en.id, problem: 'the twins have different facets' });
    for (const facet of en.facets ?? []) {
      const twin = es.facets?.find((f) => f.id === facet.id);
      if (twin && JSON.stringify(twin.tests ?? null) !== JSON.stringify(facet.tests ?? null)) problems.push({ id: en.id, problem: `facet ${facet.id}: the twins name different tests` });
      if (twin && twin.offer !== facet.offer) problems.push({ id: en.id, problem: `facet ${facet.id}: the twins differ on the offer` });
      if (twin && JSON.stringify(twin.paragraphs ?? null) !== JSON.stringify(facet.paragraphs ?? null)) problems.push({ id: en.id, problem: `facet ${facet.id}: the twins keep different paragraphs` });
    }
    if (!same(en.related, es.related)) problems.push({ id: en.id, problem: 'the twins have different related entries' });
    if (en.offer?.task !== es.offer?.task) problems.push({ id: en.id, problem: `the twins offer different tasks (${en.offer?.task ?? 'none'} / ${es.offer?.task ?? 'none'})` });
    if (en.source.date !== es.source.date || en.source.file !== es.source.file) problems.push({ id: en.id, problem: 'the twins cite different sources' });
  }
  for (const es of spanish) if (!english.some((en) => en.id === es.id)) problems.push({ id: es.id, problem: 'is a Spanish entry with no English original' });
  return problems;
}
