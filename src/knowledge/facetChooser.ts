import MiniSearch from 'minisearch';
import { TermSearch } from './termSearch.js';
import { withFacet, type FaqEntry, type FaqFacet } from './faqEntry.js';
import { englishText, type TextPipeline } from './textProcessing.js';
import { withoutAccents } from '../language/accents.js';

/** A test code as candidates write it: "A5", "t-2", "G1" (not "a 2 year program"). */
const TEST_CODES = /(?<![a-z0-9])([abcefghlpstx])-?(\d{1,2})(?![a-z0-9])/gi;

/** Words that say nothing about which of an entry's questions was asked. */
const FILLER = new Set('a an the i im i\'m me my mine it its this that these those to of for in on at and or is are am be was were ase you your u ur'.split(' '));

/**
 * Terms for telling an entry's questions apart. Unlike the index's terms these keep the question
 * words ("how long", "how much", "why", "still"): what is asked about is the same in every facet of
 * an entry, what differs is the kind of question.
 */
export function facetTerm(token: string, text: TextPipeline = englishText): string | null {
  const lower = token.toLowerCase();
  if (FILLER.has(lower) || text.facetFillers?.has(lower) || /^[abcefghlpstx]\d{1,2}$/.test(lower)) return null;
  return text.processTerm(lower) ?? lower;
}

const facetTerms = (words: string, text: TextPipeline): string[] => text.tokenize(words).flatMap((token) => facetTerm(token, text) ?? []);

/** The tests a question names, as the catalogue writes them ("t-2" is T2). */
export function testsNamed(text: string): string[] {
  return [...new Set([...text.matchAll(TEST_CODES)].map((match) => `${match[1]!.toUpperCase()}${Number(match[2])}`))];
}

const wordsOf = (text: string): string => ` ${withoutAccents(text.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** The knowledge's own names, each folded once (they are few and fixed; a question's words are folded per question). */
const foldedNames = new Map<string, string>();
const nameWords = (name: string): string => {
  let folded = foldedNames.get(name);
  if (folded === undefined) foldedNames.set(name, (folded = wordsOf(name)));
  return folded;
};

/** Do the question's `words` (as `wordsOf` folds them) hold one of `names` as whole words, outside every one of `notNames` ("light truck" is no "truck")? */
function namesIn(words: string, names: string[], notNames: string[]): boolean {
  for (const not of notNames) words = words.split(nameWords(not)).join(' ');
  return names.some((name) => words.includes(nameWords(name)));
}

/**
 * The entry's own first sentence competes with its facets: its alternates against each facet's
 * alternates (not the leads: they repeat the entry's facts, and would pull every question that
 * names them). Nor the entry's question: it often asks every facet's question at once ("Can I take
 * them if my certifications have expired, or before five years?"), and pulled each of them back to
 * the entry's own first sentence (a tapped question is answered as written before facets are chosen).
 */
const OWN = '';

interface FacetDoc {
  id: string;
  text: string;
}

/**
 * Which of an entry's questions was asked, once the entry is known: its facets' alternates
 * against the entry's own question and alternates, each entry on its own (a word shared by
 * all of an entry's questions says nothing here). A test the question names decides first where a
 * facet says so ("is the T2 in Spanish?").
 */
/** Terms whose results each entry's facet search keeps: the words asked about one entry are few. */
const FACET_TERMS_KEPT = 2_000;

export class FacetChooser {
  private readonly searches = new Map<string, TermSearch>();

  constructor(
    entries: FaqEntry[],
    private readonly text: TextPipeline = englishText,
  ) {
    for (const entry of entries) {
      if (!entry.facets?.length) continue;
      const search = new MiniSearch<FacetDoc>({
        fields: ['text'],
        storeFields: [],
        tokenize: text.tokenize,
        processTerm: (term) => facetTerm(term, text),
        // Exact words only: a typo'd word is matched by the index already, and fuzzy matches of the
        // entry's subject ("mastr" for "master") would favour whichever question lists the most typos.
        searchOptions: { combineWith: 'OR' },
      });
      search.addAll([
        // A facet only its `chosenBy` chooses leaves its phrasings' words to the entry's own sentence,
        // as before it was a facet ("in 2-3 days" after "can i reschedule" is still "You can, as long as ...").
        { id: OWN, text: [...entry.alternates, ...entry.facets.filter((facet) => facet.onlyChosenBy).flatMap((facet) => facet.alternates)].join(' \n ') },
        // A facet chosen by the test named is not chosen by its words ("is the G1 in Spanish?" shares them
        // all), nor one only its `chosenBy` chooses.
        ...entry.facets.filter((facet) => !facet.tests && !facet.onlyChosenBy).map((facet) => ({ id: facet.id, text: [...facet.alternates, ...(facet.askedAs ?? [])].join(' \n ') })),
      ]);
      this.searches.set(entry.id, new TermSearch(search, FACET_TERMS_KEPT));
    }
  }

  /** The facet of `entry` that `text` asks about, or undefined for the entry's own first sentence. */
  choose(entry: FaqEntry, text: string): FaqFacet | undefined {
    const facets = entry.facets;
    const search = this.searches.get(entry.id);
    if (!facets?.length || !search) return undefined;
    const words = wordsOf(text);
    const byWords = facets.find((facet) => facet.tests && facet.namedBy && namesIn(words, facet.namedBy, facet.notNamedBy ?? []));
    if (byWords) return byWords;
    const chosen = facets.find((facet) => facet.chosenBy && namesIn(words, facet.chosenBy, []));
    if (chosen) return chosen;
    const named = testsNamed(text);
    if (named.length) {
      const byTest = facets.find(
        (facet) =>
          facet.tests &&
          ('except' in facet.tests
            ? named.some((code) => !(facet.tests as { except: string[] }).except.includes(code))
            : named.every((code) => (facet.tests as { only: string[] }).only.includes(code))),
      );
      if (byTest) return byTest;
    }
    const asked = facetTerms(text, this.text);
    if (asked.length === 0) return undefined;
    const [best] = search.query(asked);
    // A question word alone ("how?", "why?") says what kind of answer, not which of the questions:
    // a facet needs a word of the subject too, or the entry answers as written.
    const subject = new Set(this.text.contentTerms(text));
    if (!best || !best.terms.some((term) => subject.has(term))) return undefined;
    return facets.find((facet) => facet.id === best.id);
  }

  /** The entry as answered for `text`: shaped by the facet asked about, or as written. */
  answerFor(entry: FaqEntry, text: string): FaqEntry {
    const facet = this.choose(entry, text);
    return facet ? withFacet(entry, facet) : entry;
  }
}
