// The catalogue's names in the turn's language. knowledge/catalogue.yaml names every series, Master
// status and test in English (`name`) and, where the bot's Spanish knowledge files give one, in
// Spanish (`es`). The rules return ids and codes only; every reply that names a series, a Master
// status or a test asks this module, so an English name never reaches a Spanish reply: where the
// catalogue has no name in the language, the reply names the thing by its id or code instead.

import type { Language } from '../language/languages.js';
import { findSeries, findTest } from '../rules/catalogue.js';
import type { Catalogue } from '../rules/types.js';

/** A catalogue entry's names: English, and optionally one per other language. */
interface Named {
  name: string;
  es?: string;
}

/** The entry's name in `language`, or undefined where the catalogue has none in it. */
export function nameIn(entry: Named, language: Language): string | undefined {
  return language === 'en' ? entry.name : entry[language];
}

/** What a reply says where the catalogue has no name in its language: the id, in that language's words. */
const byId: Record<Language, { series: (id: string) => string; master: (seriesId: string) => string }> = {
  en: { series: (id) => `${id} series`, master: (id) => `Master Technician (${id} series)` },
  es: { series: (id) => `serie ${id}`, master: (id) => `Técnico Maestro (serie ${id})` },
};

export interface CatalogueNames {
  /** "Automobile & Light Truck" / "Automóvil/Camioneta Ligera"; "serie S" where it has no Spanish name; an unknown id as given. */
  series(id: string): string;
  /** "Master Automobile Technician" / "Técnico Maestro de Automóvil"; by the series id where it has no name in the language. */
  master(seriesId: string): string;
  /** "Brakes", or undefined where the test is unknown or has no name in the language: the reply then gives the code alone. */
  test(code: string): string | undefined;
}

/** The names a reply in `language` uses for `catalogue`'s series, Master statuses and tests. */
export function catalogueNames(catalogue: Catalogue, language: Language): CatalogueNames {
  return {
    series(id) {
      const series = findSeries(catalogue, id);
      if (!series) return id;
      return nameIn(series, language) ?? byId[language].series(series.id);
    },
    master(seriesId) {
      const series = findSeries(catalogue, seriesId);
      const name = series?.master ? nameIn(series.master, language) : undefined;
      return name ?? byId[language].master(series?.id ?? seriesId);
    },
    test(code) {
      const test = findTest(catalogue, code);
      return test ? nameIn(test, language) : undefined;
    },
  };
}
