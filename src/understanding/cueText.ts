import { withoutAccents } from '../language/accents.js';

/**
 * A short message as the cue tables read it: lower case, accents gone ("qué" is "que"), curly
 * quotes straight, punctuation (Spanish ¿ ¡ and the ellipsis included) turned to spaces, spaces
 * collapsed. One fold for the small whole-message readers ("I don't remember", "is it too late?").
 */
export function cueText(text: string): string {
  return withoutAccents(text.toLowerCase())
    .replace(/[’‘]/g, "'")
    .replace(/[¿¡?!.,;:…]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
