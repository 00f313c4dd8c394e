import { lengthBudget, type SpellingRules } from './spelling.js';

/**
 * Real words the knowledge base does not use that sit within a typo's reach of one it does: read as
 * that word, an out-of-domain question would be answered ("wedding" is not "welding").
 */
const ENGLISH_NEVER_CORRECTED = `contact contacts contacted talking texting printer planet tries tried
  welder wedding weddings casting meter meters coarse course`;

const SPANISH_NEVER_CORRECTED = `cartera carteras motos consultar medio medios medida medidas familiar familiares podia
  procedimiento saquen ingenieria promociones`;

const wordsOf = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

export const englishSpelling: SpellingRules = { minLength: 5, budget: lengthBudget, onlyDropsOrSwapsBelow: 6, neverCorrected: wordsOf(ENGLISH_NEVER_CORRECTED) };
export const spanishSpelling: SpellingRules = { minLength: 5, budget: lengthBudget, onlyDropsOrSwapsBelow: 6, neverCorrected: wordsOf(SPANISH_NEVER_CORRECTED) };
