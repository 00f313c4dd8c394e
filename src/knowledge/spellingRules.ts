import { lengthBudget, type SpellingRules } from './spelling.js';

/**
 * Real words the knowledge base does not use that sit within a typo's reach of one it does: read as
 * that word, an out-of-domain question would be answered ("wedding" is not "welding").
 */
const ENGLISH_NEVER_CORRECTED = ``;

const SPANISH_NEVER_CORRECTED = ``;

const wordsOf = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

export const englishSpelling: SpellingRules = { minLength: 5, budget: lengthBudget, onlyDropsOrSwapsBelow: 6, neverCorrected: wordsOf(ENGLISH_NEVER_CORRECTED) };
export const spanishSpelling: SpellingRules = { minLength: 5, budget: lengthBudget, onlyDropsOrSwapsBelow: 6, neverCorrected: wordsOf(SPANISH_NEVER_CORRECTED) };
