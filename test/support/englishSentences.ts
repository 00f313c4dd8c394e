import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectLanguage } from '../../src/language/detect.js';
import { parseCatalogue } from '../../src/knowledge/policyData.js';

const CATALOGUE = fileURLToPath(new URL('../../knowledge/catalogue.yaml', import.meta.url));

/**
 * The catalogue's English names (series, Master statuses, tests) that are not also their Spanish
 * name, longest first: a reply in Spanish names these in Spanish or by code, never in English. A
 * name is too short for the detector to call English ("Brakes", "Medium/Heavy Truck"), so it is
 * looked for as it is written.
 */
export const englishCatalogueNames: readonly string[] = (() => {
  const catalogue = parseCatalogue(CATALOGUE, readFileSync(CATALOGUE, 'utf8'));
  const named = [
    ...catalogue.series.flatMap((series) => [series, ...(series.master ? [series.master] : [])]),
    ...catalogue.tests,
  ];
  const names = named.filter((entry) => entry.es !== entry.name).map((entry) => entry.name);
  return [...new Set(names)].sort((a, b) => b.length - a.length);
})();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A catalogue name as a whole phrase: "Brakes", not the "Brakes" inside "Brakeshoe". */
const namePattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${englishCatalogueNames.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/**
 * What of the replies of Spanish conversations is English, each with its channel: the sentences the
 * detector reads as clearly English, and every English catalogue name (a series' "Automobile & Light
 * Truck" in a list label, a test's "Engine Performance" beside its code). The "no English sentence
 * reaches a Spanish conversation" scans expect it empty.
 */
export function englishSentencesIn(replies: Array<{ channel: string; text: string }>): string[] {
  const english: string[] = [];
  for (const { channel, text } of replies) {
    for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
      const guess = detectLanguage(sentence);
      if (guess.language === 'en' && guess.strength === 'clear') english.push(`${channel}: ${sentence}`);
      else for (const [name] of sentence.matchAll(namePattern)) english.push(`${channel}: the catalogue's English "${name}" in: ${sentence}`);
    }
  }
  return english;
}
