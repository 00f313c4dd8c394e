import type { Language } from '../language/languages.js';
import { en, type Messages } from './en.js';
import { es } from './es.js';

export const catalogues: Record<Language, Messages> = { en, es };
