import { paragraphsOf, shortAnswer, withFacet, type FaqEntry, type FaqFacet } from './faqEntry.js';
import { FacetChooser } from './facetChooser.js';
import type { FaqHit, FaqIndex } from './faqIndex.js';
import type { Domain, OutOfScopeTopic } from './outOfScope.js';
import { rememberingRecent } from './recentTexts.js';
import { editDistance, isTypoOfAny } from './editDistance.js';
import type { TextPipeline } from './textProcessing.js';
import { withoutAccents } from '../language/accents.js';
import { examplesOf, IntentClassifier } from './intentClassifier.js';
import { withSecondOpinion, type SecondOpinionRule } from './secondOpinion.js';

export type FaqDecision =
  /**
   * `inContext`: answered as a follow-up of the entry just answered (QuestionContext.recent);
   * `again`: from that same entry, cut to the part that answers (its facet's lead, or its short answer);
   * `repeated`: the answer just given (QuestionContext.answered), asked for again in other words.
   */
  | { kind: 'answer'; entry: FaqEntry; hit: FaqHit; inContext?: boolean; again?: boolean; repeated?: boolean }
  | { kind: 'clarify'; candidates: FaqEntry[]; hits: FaqHit[] }
  /** `elsewhere`: the question names something outside ASE (a cue such as "birth certificate"). */
  | { kind: 'out-of-scope'; topic: OutOfScopeTopic; hits: FaqHit[]; elsewhere?: boolean }
  | { kind: 'unknown'; suggestions: FaqEntry[]; hits: FaqHit[] };

/**
 * An answer placed without a search score: a tapped button or a copied question (`score` Infinity), a
 * part of the entry just answered, or an entry chosen by the conversation. `entry` is what is said
 * (a facet's shape of `placed`, or a part of it); the hit names the entry placed.
 */
export function placedAnswer(placed: FaqEntry, entry: FaqEntry = placed, score = 0): Extract<FaqDecision, { kind: 'answer' }> {
  return { kind: 'answer', entry, hit: { target: { kind: 'faq', entry: placed }, score, coverage: 1, matched: [] } };
}

export interface FaqThresholds {
  /** Below this score nothing is suggested at all. */
  suggestFloor: number;
  /** Minimum score for a confident answer. */
  answerFloor: number;
  /** Share of the question's meaningful words the best entry must match to be answered. */
  minCoverage: number;
  /** A clear winner (this many times the runner-up) may be answered with less coverage. */
  dominantMargin: number;
  dominantCoverage: number;
  /** The best entry must beat the runner-up by this factor, or the candidate is asked to choose. */
  margin: number;
  /**
   * A long question (at least `longTerms` meaningful words) matches few of its own words: its best
   * entry, this many times ahead of the runner-up, is offered as "Did you mean" whatever the coverage.
   */
  longTerms: number;
  longLead: number;
  /** A known gap needs a matched word used by at most this many FAQ entries... */
  gapWordEntries: number;
  /** ...or at least this many of the question's words matched. */
  gapTerms: number;
  /**
   * A runner-up within this factor of the best that matched a word of the question the best did not,
   * a word at most `rivalWordEntries` entries use ("salary", "patch"), says the best explains only
   * part of the question: no confident answer on it.
   */
  rivalRatio: number;
  rivalWordEntries: number;
  /**
   * A confident answer needs one phrasing of its entry (its question or one alternate) to hold this
   * share of the question's words, weighted by rarity: the index scores the entry's phrasings as one
   * document, so words scattered over several alternates and the answer add up to a lead that no
   * one way of asking the entry's question supports. Below it, the answer becomes a "Did you mean"
   * led by the same entry.
   */
  phrasingCoverage: number;
  /**
   * A known gap behind the best entry that matched only words the entry matched too is no rival for
   * the margin (it explains nothing more of the question). English only until measured in Spanish.
   */
  gapsBehindExplainMore: boolean;
  /**
   * Session en13's readings, English only until measured in Spanish: a message of several sentences
   * not placed as a whole is asked by its question sentence; a question in the one word of a one-word
   * phrasing is that entry's; a second part with no word of ASE testing leans on the first.
   */
  questionSentence: boolean;
  /**
   * Spanish: a question about ASE testing placed nowhere is asked again without the words the
   * knowledge base never uses ("se me ponchó una llanta y no llegué": the story's flat tyre, not the
   * question). Someone else's thing is found before this, so it stays declined.
   */
  storyWordsLeftOut?: boolean;
  /** Spanish: a question asked first, its story after, is placed on the question when that one is answered for sure. */
  questionFirst?: boolean;
  oneWordPhrasings: boolean;
  offTopicSecondLeans: boolean;
  /**
   * The trained intent classifier's second opinion (secondOpinion.ts), a row per way it may change
   * the decision; none, and no classifier is trained. Chosen per language on its dev parts, kept
   * only where an unseen set agreed (docs/quality.md "A trained classifier (session 13)").
   */
  secondOpinion: readonly SecondOpinionRule[];
}

export const defaultThresholds: FaqThresholds = {
  suggestFloor: 8,
  answerFloor: 8,
  minCoverage: 0.4,
  dominantMargin: 1.8,
  dominantCoverage: 0.35,
  margin: 1.4,
  longTerms: 6,
  longLead: 1.5,
  gapWordEntries: 2,
  gapTerms: 2,
  rivalRatio: 2,
  rivalWordEntries: 1,
  phrasingCoverage: 0.5,
  gapsBehindExplainMore: true,
  questionSentence: true,
  oneWordPhrasings: true,
  offTopicSecondLeans: true,
  // English: the classifier only chooses which of MiniSearch's entries leads a "Did you mean", when it
  // is five times surer of it (docs/quality.md "A trained classifier", round 2). The round-1 rows
  // (demote, lead at 0.5, confirm at 0.95) lost right first picks on an unseen English set.
  secondOpinion: [{ rule: 'prefer', times: 5 }],
};

const normaliseQuestion = (text: string): string =>
  withoutAccents(text)
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** What the conversation already says about the question: a dialog waiting, a task just answered. */
export interface QuestionContext {
  /** The conversation is already about ASE testing (a dialog waits, or a task or answer came just before). */
  onTopic?: boolean;
  /** The language the question is in; the knowledge base answers from that language's entries. */
  language?: 'en' | 'es';
  /**
   * The entries the bot has just answered from (an answer, or a task's general answer), the most
   * recent first: a short follow-up that fits one of them is read in its light ("do I get a refund?"
   * right after the missed-appointment answer), before any known gap.
   */
  recent?: string[];
  /** The answer the bot gave last (its entry and the facet it was shaped for), when it gave one whole answer. */
  answered?: { entry: string; facet?: string };
}

/**
 * One rule asked of the case on the table: right after (or under) the missed-appointment answer, "how
 * long until I can rebuy" or "retake it" asks when a No Show can be bought again (once its result is
 * posted), never the 30-day wait after a failed test, unless the question itself says it failed.
 */
export const RULE_OF_THE_CASE: ReadonlyArray<{ after: string; answered: string; facet: string; unless: RegExp }> = [
  { after: 'missed-appointment', answered: 'retest-after-failing', facet: 'rebuy-after-no-show', unless: /\b(?:fail\w*|flunk\w*|didn'?t pass|did not pass|not pass\w*|score\w*)\b/i },
];

/** At most this many words, a follow-up names too little to leave the answer just given when that one covers it ("how many years"). */
const TERSE_WORDS = 3;

/** A follow-up read in the last answer's light is short: a longer message is a question of its own. */
const FOLLOW_UP_WORDS = 12;
/** A part that is a question word and nothing of its own ("and how much?", "how long does it take"): it asks about what came before. */
const ONLY_A_QUESTION_WORD =
  /^(?:(?:and|so|but|also|plus|then)[\s,]+)*(?:how much|how long|how many|how soon|when|where|why|how)(?:\s+(?:is it|are they|is that|does it|does that|will it|would it)(?:\s+(?:cost|take|be))?)?\s*\??$/i;

/**
 * A second question that names only its subject ("¿y el certificado?", "and the certificate?", "what
 * about my card?") asks the first question's question of it: "¿cuándo me llegan los resultados? ¿y el
 * certificado?" is when the certificate comes, never what a duplicate costs. Each row: how such a part
 * starts (then at most two words of its subject), and the question words it borrows from the first part.
 */
const SUBJECT_ONLY: ReadonlyArray<{ lead: RegExp; asks: RegExp }> = [
  {
    lead: /^(?:and|&|\+|n|what about|how about|and what about)\s+(?:(?:the|my|a|an|your)\s+)?\p{L}+(?:\s+\p{L}+)?\s*\??$/iu,
    asks: /\b(?:how long|how much|how soon|how many|when|where|how)\b/i,
  },
  {
    lead: /^(?:¿\s*)?(?:y|e|y qu[eé] (?:tal|hay de|pasa con)|qu[eé] tal|y (?:lo|la) de)\s+(?:(?:el|la|los|las|mi|mis|un|una|su|sus)\s+)?\p{L}+(?:\s+\p{L}+)?\s*\??$/iu,
    asks: /(?<![\p{L}])(?:cu[aá]nto (?:tiempo|cuesta|cuestan|sale|tarda)|cu[aá]nto|cu[aá]ndo|c[oó]mo|d[oó]nde)(?![\p{L}])/iu,
  },
];

/** `second` asked with the first part's question words, when it names only its subject; else `second` as it is. */
function withQuestionOf(first: string, second: string): string {
  for (const { lead, asks } of SUBJECT_ONLY) {
    const asked = lead.test(second.trim()) ? asks.exec(first) : null;
    if (asked) return `${asked[0]} ${second.trim().replace(/^¿\s*/, '')}`;
  }
  return second;
}

/** "how", "ok so what do I do?", "which ones?": a question that names nothing, asked of the last answer. */
// Spanish asks the same way ("como lo hago", "y eso que significa"), often without its question marks.
const ASKS_MORE = /\?\s*$|^(?:(?:ok(?:ay)?|so|and|but|then|hmm|y|entonces|pero|bueno|ya)[\s,]+)*(?:how|what|why|which|where|when|who|wat|wht|wut|hw|wen|whn|y(?= not\b)|c[oó]mo|qu[eé]|por ?qu[eé]|cu[aá]l(?:es)?|d[oó]nde|cu[aá]ndo|qui[eé]n)(?![\p{L}])/iu;

/**
 * "how do I fix that", "what does that mean?": a question pointing back at what was just said. With
 * one word of its own at most, it asks about the last answer, whatever that word matches alone.
 */
const POINTS_BACK = /(?<![\p{L}])(?:that|this|it|those|them|eso|esto|lo|la|los|las)(?![\p{L}])/iu;

/** "the other thing", "that one": a word pointing at something said before. */
const VAGUE_POINTER = /\b(?:other|that|this|those|these)\b/i;
const PLACEHOLDERS = 'thing things stuff one ones part bit question topic';

/**
 * A known gap reached on a question with no word of ASE testing must explain this share of its words:
 * "banana phone" is not a question about changing a phone number.
 */
const UNANCHORED_GAP_COVERAGE = 0.75;

/** A test code as candidates write it: "A5", "t-2", "L1" (not "a 2 year program"). */
const TEST_CODE = /(?<![a-z0-9])[abcefghlpstx]-?\d{1,2}(?![a-z0-9])/i;

/** "L-1" is "L1": a code's hyphen, dropped before the codes of domain.yaml `codeOwners` are looked for. */
const CODE_HYPHEN = /(?<![a-z0-9])([a-z])-(\d)/g;

/**
 * A word of another entry's own question, button or tags that at most this many entries use ("fail",
 * "results", "duplicate"), and that the code's entry never says: the question is that entry's
 * subject, about a test the code names ("I failed the L1").
 */
const SUBJECT_WORD_ENTRIES = 3;

/** A name written in capitals ("CDL", "GED", "USCIS", "TOEFL"). */
const CAPITALS = /(?<![\p{L}\d])\p{Lu}{2,6}(?![\p{L}\d])/gu;

/** How many words before a shared noun may name whose it is ("my *oil change* appointment"). */
const OTHER_THING_WORDS = 3;
/** A story's question is asked again without its own words only with this many words of ASE testing (or ASE named). */
const STORY_DOMAIN_WORDS = 2;

/** After one of ASE's shared nouns, the words that lead to whose it is ("my address *with the* DMV"), unless domain.yaml says others. */
const OWNER_AFTER = ['with', 'for', 'from', 'on', 'at', 'of'];
const OWNER_DETERMINERS = ['the', 'my', 'a', 'an', 'your', 'our', 'his', 'her', 'their'];

/** Up to this length a word may be a known one with a letter left out ("tke", "tst", "exm"). */
const SHORT_WORD = 4;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** The words `word` is with one letter put back in, anywhere. */
const lettersLeftOut = (word: string): string[] =>
  Array.from({ length: word.length + 1 }, (_, i) => [...LETTERS].map((letter) => word.slice(0, i) + letter + word.slice(i))).flat();

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as a whole-word pattern over normalised lower-case text ("gre" is not in "great"). */
const phrasePattern = (phrases: string[], normalise: (text: string) => string): RegExp | null =>
  phrases.length ? new RegExp(`(?<![a-z0-9])(?:${phrases.map((p) => escape(normalise(p).toLowerCase())).join('|')})(?![a-z0-9])`) : null;

/** Words a question may add to an alternate's wording (articles, "please", "I want to") and still be it. */
const PHRASING_EXTRA_WORDS = 2;
const wordsIn = (text: string): number => text.trim().split(/\s+/).length;
/** At least this many words, a message is long: a story around its question ("hi so my boss wants me to ..."). */
const LONG_MESSAGE_WORDS = 20;

const entriesOf = (hits: FaqHit[]): FaqEntry[] =>
  hits.flatMap((hit) => (hit.target.kind === 'faq' ? [hit.target.entry] : []));

/**
 * Turns raw scores into what a careful support agent would do: answer when sure, offer a short
 * choice when two answers are close, say plainly when the question is one the FAQ does not cover,
 * and admit not knowing rather than guess.
 */
export class FaqAnswerer {
  private readonly exact = new Map<string, FaqEntry>();
  /**
   * The same questions as the pipeline reads them (typos respelled, shorthand written out): "wen do i
   * get my certifcate" is the entry's own "When do I get my certificate?" typed fast (ut23).
   */
  private readonly exactRespelled = new Map<string, FaqEntry>();
  /**
   * Each alternate phrasing's words (two or more, as the index reads them), to the entries that
   * list it and the length of its shortest wording: a question in exactly those words, and about as
   * short, is that entry's, where the scores alone would ask.
   */
  private readonly phrasings = new Map<string, { entries: Set<FaqEntry>; words: number }>();
  /** Facets' `afterAnswer` phrasings, as their words: a follow-up of that entry in exactly those words is that facet's. */
  private readonly afterAnswerPhrasings = new Map<string, { entry: FaqEntry; facet: FaqFacet }>();
  private readonly domainTerms: Set<string> | undefined;
  private readonly names: RegExp | null = null;
  private readonly cues: Array<{ topic: OutOfScopeTopic; pattern: RegExp }> = [];
  /** Someone else's thing (domain.yaml otherThings): its nouns as terms, its everyday modifiers as words, the topic that replies. */
  private readonly otherThings:
    | {
        topic: OutOfScopeTopic;
        objects: Set<string>;
        modifiers: Set<string>;
        notOwners: Set<string>;
        people: Set<string>;
        known: Set<string>;
        words: Set<string>;
        after: Set<string>;
        determiners: Set<string>;
        ownerSpan: number;
        ownerSpanBefore: number;
        namesInCapitals: boolean;
        notNames: Set<string>;
        afterDetermined: Set<string>;
        rightAfter: Set<string>;
        ofWhom: Set<string>;
        ownerAsWritten: boolean;
      }
    | undefined;
  /** Cues that name something else even beside "ASE" ("the ASE echocardiography registry"). */
  private readonly cuesBesideAse: Array<{ topic: OutOfScopeTopic; pattern: RegExp }> = [];
  /** Per topic, the phrases beside which its cues do not hold (`cuesYieldTo`). */
  private readonly cueYields = new Map<string, RegExp>();
  /** Per topic, the candidate's own test said outright, beside which its cues do not hold (`cuesYieldToOwn`). */
  private readonly cueOwnYields = new Map<string, RegExp>();
  /** Each known gap's subject words, as index terms (out-of-scope.yaml `subject`). */
  private readonly gapSubjects = new Map<string, Set<string>>();
  /** A paragraph of an answer, as its index terms: answers are few and each follow-up reads one's paragraphs again. */
  private readonly paragraphTerms = rememberingRecent((paragraph: string) => new Set(this.text.contentTerms(paragraph)), 256);
  private readonly facets: FacetChooser;
  /** Each entry's phrasings (its question, alternates and facet alternates), each as its set of terms. */
  private readonly phrasingTerms = new Map<string, Array<Set<string>>>();
  /** Words that stand for something without naming it ("thing", "stuff", "one"), as the index reads them. */
  private readonly placeholders: Set<string>;
  /** Every term of the entries' phrasings (questions, alternates, facets' alternates, tags): the words candidates ask them in. */
  private readonly phrasingWords = new Set<string>();
  /** The index's language pipeline: questions are read as its entries were. */
  private readonly text: TextPipeline;
  /** domain.yaml `codeOwners`: the entry a test code is about, the code's pattern, and every word of the entry's phrasings. */
  private readonly codeOwners: Array<{ entry: FaqEntry; pattern: RegExp; says: Set<string> }> = [];
  /** Each entry's own subject: the words of its question, button and tags. */
  private readonly subjects = new Map<FaqEntry, Set<string>>();
  /** Each entry's question and button, as terms: what it is about, in its own words. */
  private readonly questionTerms = new Map<FaqEntry, Set<string>>();
  /** Trained on the entries' phrasings and the known gaps' when the thresholds ask its opinion. */
  private readonly classifier: IntentClassifier | undefined;
  /** Each test code (lower case) and the words of its names (domain `testNames`, from the catalogue). */
  private readonly testNameWords = new Map<string, Set<string>>();

  constructor(
    private readonly index: FaqIndex,
    private readonly thresholds: FaqThresholds = defaultThresholds,
    domain?: Domain,
    /** Phrasings an editor attached to an entry from questions candidates asked: answered as its own question. */
    confirmed: Array<{ entryId: string; text: string }> = [],
  ) {
    for (const entry of index.entries) this.exact.set(normaliseQuestion(entry.question), entry);
    for (const { entryId, text } of confirmed) {
      const entry = index.get(entryId);
      if (entry) this.exact.set(normaliseQuestion(text), entry);
    }
    this.text = index.text;
    for (const [question, entry] of this.exact) {
      const key = normaliseQuestion(this.text.normalise(question));
      if (!this.exactRespelled.has(key)) this.exactRespelled.set(key, entry);
    }
    this.classifier = thresholds.secondOpinion.length ? IntentClassifier.train(examplesOf(index.entries, index.outOfScope), index.text) : undefined;
    for (const { code, names } of domain?.testNames ?? []) {
      const words = names.flatMap((name) => name.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 3 && !NAME_JOINERS.has(word));
      this.testNameWords.set(code.toLowerCase(), new Set(words));
    }
    for (const entry of index.entries) {
      for (const phrasing of [entry.question, ...entry.alternates, ...(entry.facets ?? []).flatMap((facet) => facet.alternates)]) {
        const key = this.phrasingKey(phrasing);
        if (!key) continue;
        const known = this.phrasings.get(key) ?? { entries: new Set<FaqEntry>(), words: Infinity };
        known.entries.add(entry);
        known.words = Math.min(known.words, wordsIn(phrasing));
        this.phrasings.set(key, known);
      }
    }
    for (const entry of index.entries) {
      for (const facet of entry.facets ?? []) {
        for (const phrasing of facet.afterAnswer ?? []) {
          const key = this.phrasingKey(phrasing);
          if (key) this.afterAnswerPhrasings.set(key, { entry, facet });
        }
      }
    }
    for (const entry of index.entries) {
      const phrasings = [entry.question, ...entry.alternates, ...(entry.facets ?? []).flatMap((facet) => facet.alternates)];
      this.phrasingTerms.set(entry.id, phrasings.map((phrasing) => new Set(this.text.contentTerms(phrasing))));
      for (const term of this.text.contentTerms([...phrasings, ...entry.tags].join(' '))) this.phrasingWords.add(term);
    }
    for (const entry of index.entries) this.questionTerms.set(entry, new Set(this.text.contentTerms(`${entry.question} ${entry.button ?? ''}`)));
    for (const entry of index.entries) this.subjects.set(entry, new Set(this.text.contentTerms([entry.question, entry.button ?? '', ...entry.tags].join(' '))));
    this.facets = new FacetChooser(index.entries, index.text);
    this.placeholders = new Set(this.text.contentTerms(PLACEHOLDERS));
    if (domain) {
      this.domainTerms = new Set(domain.words.flatMap((word) => this.text.contentTerms(word)));
      this.names = phrasePattern(domain.names, this.text.normalise);
      for (const [id, codes] of Object.entries(domain.codeOwners ?? {})) {
        const entry = index.get(id);
        if (!entry) throw new Error(`faqAnswerer: domain codeOwners names "${id}", no entry of the knowledge base`);
        const pattern = phrasePattern(codes.map((code) => code.replace(CODE_HYPHEN, '$1$2')), this.text.normalise);
        const says = new Set([...(this.phrasingTerms.get(id) ?? [])].flatMap((terms) => [...terms]));
        if (pattern) this.codeOwners.push({ entry, pattern, says });
      }
      if (domain.otherThings) {
        const { topic: id, objects, modifiers, notOwners, people = [], after = OWNER_AFTER, determiners = OWNER_DETERMINERS, ownerSpan = OTHER_THING_WORDS, ownerSpanBefore = OTHER_THING_WORDS, namesInCapitals = false, notNames = [], afterDetermined = [], rightAfter = [], ownerAsWritten = false, ofWhom = [] } = domain.otherThings;
        const topic = index.outOfScope.find((known) => known.id === id);
        if (!topic) throw new Error(`faqAnswerer: domain otherThings.topic "${id}" is no topic of the known gaps`);
        this.otherThings = {
          topic,
          objects: new Set(objects.flatMap((word) => this.text.contentTerms(word))),
          modifiers: new Set(modifiers.map((word) => word.toLowerCase())),
          notOwners: new Set([...notOwners, ...people].map((word) => word.toLowerCase())),
          people: new Set(people.map((word) => word.toLowerCase())),
          after: new Set(after.map((word) => word.toLowerCase())),
          determiners: new Set(determiners.map((word) => word.toLowerCase())),
          ownerSpan,
          ownerSpanBefore,
          namesInCapitals,
          notNames: new Set(notNames.map((word) => word.toLowerCase())),
          afterDetermined: new Set(afterDetermined.map((word) => word.toLowerCase())),
          rightAfter: new Set(rightAfter.flatMap((word) => this.text.contentTerms(word))),
          ownerAsWritten,
          ofWhom: new Set(ofWhom.flatMap((word) => this.text.contentTerms(word))),
          known: new Set((domain.known ?? []).flatMap((name) => this.text.contentTerms(name))),
          // The entries' words as written, for "tke" (take) and "tst" (test): a short word with a letter left out.
          words: new Set(index.entries.flatMap((entry) => this.text.tokenize([entry.question, ...entry.alternates, entry.answer].join(' ')))),
        };
      }
    }
    for (const topic of index.outOfScope) {
      const pattern = phrasePattern(topic.cues ?? [], this.text.normalise);
      if (pattern) this.cues.push({ topic, pattern });
      const besideAse = phrasePattern(topic.cuesBesideAse ?? [], this.text.normalise);
      if (besideAse) this.cuesBesideAse.push({ topic, pattern: besideAse });
      const yields = phrasePattern(topic.cuesYieldTo ?? [], this.text.normalise);
      if (yields) this.cueYields.set(topic.id, yields);
      const ownYields = phrasePattern(topic.cuesYieldToOwn ?? [], this.text.normalise);
      if (ownYields) this.cueOwnYields.set(topic.id, ownYields);
      if (topic.subject?.length) this.gapSubjects.set(topic.id, new Set(topic.subject.flatMap((word) => this.text.contentTerms(word))));
    }
  }

  /**
   * Evidence that the question is about ASE testing: a domain word, a test code, or the
   * conversation's context. Without domain words configured, every question counts as on topic.
   */
  onTopic(text: string, context: QuestionContext = {}): boolean {
    if (!this.domainTerms || context.onTopic) return true;
    if (this.namesCode(text) || this.namesAse(text)) return true;
    const terms = this.text.contentTerms(text);
    if (terms.some((term) => this.domainTerms!.has(term))) return true;
    // A misspelt domain word ("recertifiy") is still one: the index found it by its fuzzy match.
    return terms.some((term) => isTypoOfAny(term, this.domainTerms!));
  }

  /** A test code, as written or as the pipeline reads it (a dictated "el ele uno" is "L1"). */
  private namesCode(text: string): boolean {
    return TEST_CODE.test(text) || TEST_CODE.test(this.text.normalise(text));
  }

  private namesAse(text: string): boolean {
    return this.names ? this.names.test(this.text.normalise(text).toLowerCase()) : false;
  }

  /**
   * Does `decide` find the question about something outside ASE? The same answer without ranking
   * the question (a task's message asks only this, and the ranking is most of a decision's cost).
   */
  namesElsewhere(text: string): boolean {
    if (this.exact.has(normaliseQuestion(text))) return false;
    const namesAse = this.mentionsAse(text);
    return this.elsewhereTopic(text, namesAse) !== undefined || (!namesAse && this.someoneElsesTopic(text) !== undefined);
  }

  private someoneElsesTopic(text: string): OutOfScopeTopic | undefined {
    return this.otherThings && this.someoneElsesThing(text) ? this.otherThings.topic : undefined;
  }

  /**
   * "reschedule my dentist appointment", "is the CDL permit test in Spanish?", "renew my CPR
   * certification": one of the nouns ASE shares with everyone else, qualified by a word the
   * knowledge base never uses (the entries, the domain words, the catalogue's test names), up to
   * three words before it, or right after it and "with", "for", "from", "on" or "at" ("my address
   * with the DMV"). Such a word names whose test or appointment it is, and it is not ASE's.
   * Everyday modifiers ("my upcoming test"), adverbs, contractions, numbers and misspelt domain words
   * ("recertifcation tests") are not such words. The phrase found, or undefined.
   */
  private someoneElsesThing(text: string): string | undefined {
    const others = this.otherThings;
    if (!others) return undefined;
    const tokens = this.text.tokenize(text);
    const terms = tokens.map((token) => this.text.processTerm(token));
    // `ownersPlace`: right after the noun and "de", "con"... ("la tarjeta *del seguro* social", "maestro *de primaria*").
    const foreign = (i: number, ownersPlace = false): boolean => {
      const [token, term] = [tokens[i]!, terms[i]];
      if (term == null || /^\d|'(?!s$)|ly$/.test(token) || others.modifiers.has(token.replace(/'s$/, ''))) return false;
      if (others.known.has(term) || this.domainTerms?.has(term)) return false;
      if (ownersPlace && this.writtenElsewhere(token)) return true;
      if (this.index.entriesUsing(term) > 1 || (this.index.entriesUsing(term) === 1 && this.phrasingWords.has(term))) return false;
      if (token.length <= SHORT_WORD && lettersLeftOut(token).some((word) => others.words.has(word))) return false;
      // "replacment cert": a misspelt word of the entries as written is theirs, even where its stem
      // ("replac") is nobody's.
      if (isTypoOfAny(token, others.words)) return false;
      return !isTypoOfAny(term, this.domainTerms ?? []);
    };
    // "el GED lo puedo hacer en español?", "tengo cita en USCIS": a name in capitals that no entry, domain
    // word or ASE test uses names another body, wherever it stands (not in a message in capitals).
    if (others.namesInCapitals) {
      const letters = text.match(/\p{L}/gu)?.length ?? 0;
      const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
      if (capitals * 2 < letters) {
        for (const [name] of text.matchAll(CAPITALS)) {
          const i = tokens.indexOf(name.toLowerCase());
          if (i >= 0 && terms[i] != null && !others.notNames.has(tokens[i]!) && foreign(i)) return name;
        }
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      // "maestro albañil", "master plumber": a trade right after the title names whose title it is.
      if (others.rightAfter.has(terms[i] ?? '') && terms[i + 1] != null && foreign(i + 1)) return `${tokens[i]} ${tokens[i + 1]}`;
      // "maestro de primaria", "master de obras": or after "de", in the owner's place; so is a school's
      // trade or owner ("la escuela de cocina", "la cita en la escuela de mi hija"; "de mecánica" is ASE's).
      if (others.ownerAsWritten && (others.rightAfter.has(terms[i] ?? '') || others.ofWhom.has(terms[i] ?? '')) && others.after.has(tokens[i + 1] ?? '')) {
        const j = others.ofWhom.has(terms[i] ?? '') && others.determiners.has(tokens[i + 2] ?? '') ? i + 3 : i + 2;
        if (terms[j] != null && foreign(j, true) && !others.notOwners.has(tokens[j]!)) return `${tokens[i]} .. ${tokens[j]}`;
      }
      if (i === 0 || !others.objects.has(terms[i] ?? '')) continue;
      // The words right before the noun, back to the first that carries no meaning ("my", "the").
      // A number between says which one ("my OSHA 10 card"), not whose.
      for (let k = i - 1, words = 0; k >= 0 && words < others.ownerSpanBefore && (terms[k] != null || /^\d+$/.test(tokens[k]!)); k--) {
        if (/^\d+$/.test(tokens[k]!)) continue;
        if (foreign(k)) return tokens.slice(k, i + 1).join(' ');
        words++;
      }
      // "my address with the dmv", "patches for my kid's scout uniform": whose, after the noun.
      // "el curso en línea de contabilidad": the noun's everyday qualifiers come before whose it is.
      // A person asked for is no owner, but whose their thing is may follow ("el examen de mi hermano *para la policía*"): once more after them.
      let at = i + 1;
      for (let hop = 0; hop < 2; hop++) {
        while (others.modifiers.has(tokens[at] ?? '')) at++;
        const determined = others.determiners.has(tokens[at + 1] ?? '');
        if (!others.after.has(tokens[at] ?? '') && !(determined && others.afterDetermined.has(tokens[at] ?? ''))) break;
        const start = determined ? at + 2 : at + 1;
        for (let j = start; j < Math.min(tokens.length, start + others.ownerSpan) && terms[j] != null; j++) {
          // "a program at community college", "my results for trade school": a word before one of
          // those says which one, and is no owner either.
          const notOwner = (k: number) => others.notOwners.has((tokens[k] ?? '').replace(/'s$/, ''));
          if (foreign(j, true) && !notOwner(j) && !notOwner(j + 1)) return `${tokens[i]} .. ${tokens[j]}`;
        }
        if (!others.people.has(tokens[start] ?? '')) break;
        at = start + 1;
      }
    }
    return undefined;
  }

  /**
   * An owner the entries' words do not account for, though its stem is theirs: written as no entry
   * writes it, nor as the start of a word they write, nor one letter off one ("maestro de *primaria*":
   * the entries say "primera"; "la tarjeta del *seguro* de vida"; but "la compu" is their "computadora").
   */
  private writtenElsewhere(token: string): boolean {
    const others = this.otherThings!;
    if (!others.ownerAsWritten || others.words.has(token)) return false;
    const clipped = token.length >= 4 && [...others.words].some((word) => word.length > token.length && word.startsWith(token));
    // (one letter off is a slip; two is another word: "primaria" is not "primera")
    const slip = token.length >= 5 && [...others.words].some((word) => Math.abs(word.length - token.length) <= 1 && editDistance(token, word) <= 1);
    return !clipped && !slip;
  }

  private mentionsAse(text: string): boolean {
    return this.namesCode(text) || this.namesAse(text);
  }

  /**
   * "a duplicate of my birth certificate", "Prometric's number for the GRE": something else named.
   * Beside the name ASE (or a test code) only the cues that hold even there count.
   */
  private elsewhereTopic(text: string, namesAse: boolean): OutOfScopeTopic | undefined {
    const lowered = this.text.normalise(text).toLowerCase();
    const named = this.cuesBesideAse.find(({ pattern }) => pattern.test(lowered))?.topic;
    if (named || namesAse) return named;
    return this.cues.find(({ pattern }) => pattern.test(lowered))?.topic;
  }

  /**
   * What to do with a question: MiniSearch's ranking read by the rules below, then the trained
   * classifier's second opinion (a "Did you mean" both agree on is answered; an answer the classifier
   * finds unlikely is asked as a "Did you mean").
   */
  decide(text: string, context: QuestionContext = {}): FaqDecision {
    const decision = this.seconded(text, this.decideByScores(text, context));
    // "is the x1 exhaust test in spanish?": unsure as written, a test's name after its code is read
    // as the code alone, and an answer that way (with its own second opinion) is the answer. (Never
    // over a sure answer: "x1 undercar exhaust, what do i need first" is the Advanced Level answer by
    // its name's words.) The one retry: decideByScores made the same one, and the figures are the
    // same without it.
    const unnamed = decision.kind === 'answer' ? text : this.withoutTestNames(text);
    if (unnamed === text) return decision;
    const byCode = this.seconded(unnamed, this.decideByScores(unnamed, context));
    return byCode.kind === 'answer' ? byCode : decision;
  }

  /** A decision by scores with the classifier's second opinion on `text`, as `decide` makes it. */
  private seconded(text: string, decision: FaqDecision): FaqDecision {
    if (!this.classifier) return decision;
    return withSecondOpinion(decision, this.classifier.predict(text), this.thresholds.secondOpinion, {
      entry: (id) => this.index.get(id),
      answerWith: (entry) => this.facets.answerFor(entry, text),
      anchored: this.mentionsAse(text),
    });
  }

  /** An entry as the answer to this question: the facet its words ask for, as `decide` shapes an answer. */
  answerAs(entry: FaqEntry, text: string): FaqEntry {
    return this.facets.answerFor(entry, text);
  }

  /**
   * `text` without the words of a test's name right after its code ("x1 exhaust systems test" ->
   * "x1 test", "el A5 de frenos" stays: only the name's own words, as the catalogue lists them). The
   * code says which test; its name's words ("exhaust") may pull to an entry about that test (the
   * Advanced Level answer) whatever the question asks of it (whether it is given in Spanish).
   */
  private withoutTestNames(text: string): string {
    if (this.testNameWords.size === 0) return text;
    return text.replace(/\b([a-z]\d{1,2})\b((?:[\s/&,-]+[\p{L}]+)+)/giu, (_match, code: string, after: string) => {
      const words = this.testNameWords.get(code.toLowerCase());
      if (!words) return code + after;
      const parts = after.match(/[\s/&,-]+[\p{L}]+/gu) ?? [];
      let dropped = 0;
      while (dropped < parts.length && words.has(parts[dropped]!.replace(/^[\s/&,-]+/, '').toLowerCase())) dropped++;
      return code + parts.slice(dropped).join('');
    });
  }

  /** The decision before the classifier's second opinion (scripts/measure-classifier.ts compares the two). */
  decideByScores(text: string, context: QuestionContext = {}): FaqDecision {
    // A tapped button or a copied question is the entry itself, whatever the scores say.
    const exact = this.exact.get(normaliseQuestion(text)) ?? this.exactRespelled.get(normaliseQuestion(this.text.normalise(text)));
    if (exact) return placedAnswer(exact, exact, Infinity);
    // "and what about the other thing": a pointer that names nothing is asked back, with what was just discussed.
    if (this.pointsVaguely(text)) return this.askWhichOf(context.recent ?? [], /\bother\b/i.test(text));
    const t = this.thresholds;
    const namesAse = this.mentionsAse(text);
    // A question that names ASE is not about something else, however many words it shares with that.
    const hits = this.index
      .query(text, 5)
      .filter((hit) => hit.score >= t.suggestFloor && !(namesAse && hit.target.kind === 'out-of-scope' && hit.target.topic.cues?.length))
      .filter((hit) => hit.target.kind === 'faq' || this.gapEvidence(hit));
    // "my dentist appointment": someone else's test, appointment or certificate, like a cue.
    const named = this.elsewhereTopic(text, namesAse) ?? (namesAse ? undefined : this.someoneElsesTopic(text));
    // "my driver's license as ID at the test center": beside these, the topic's cues are no sign of it.
    const lowered = this.text.normalise(text).toLowerCase();
    const yielded = named !== undefined && this.cueYields.get(named.id)?.test(lowered) === true;
    // "my kid was in the hospital and i missed my exam": the candidate's own test said outright; but
    // "i missed my appointment with the dentist" still says whose appointment it is (ut23).
    const ownSaid = named !== undefined && !yielded && this.cueOwnYields.get(named.id)?.test(lowered) === true;
    const elsewhere = named && !yielded && (!ownSaid || (!namesAse && this.someoneElsesTopic(text) === named)) ? named : undefined;
    if (elsewhere) return { kind: 'out-of-scope', topic: elsewhere, hits, elsewhere: true };
    const ranked = this.rank(hits, text);
    // "I want to buy the A5 test", "how do i study for the test": asked in the words of one entry's
    // alternate, that entry answers, though another entry shares the words (a "Did you mean" otherwise).
    // So over a known gap that shares its words: "how do i get the blue seal" is the certificate
    // entry's own phrasing, though the shops' recognition gap says "blue seal" too (ut23).
    const phrased =
      ranked.kind === 'clarify' || ranked.kind === 'answer' || ranked.kind === 'out-of-scope'
        ? this.phrasedAs(text, ranked.kind === 'clarify' || ranked.kind === 'out-of-scope' ? ranked.hits : [ranked.hit], context)
        : undefined;
    const whole: FaqDecision = phrased ?? ranked;
    // "I filed a forwarding order with the post office. Do I still need to tell ASE that I moved?":
    // a story, then the question. Not placed as a whole, the last sentence is asked on its own (the
    // story still says whether it is about ASE testing).
    // "Tried to buy the L1 and it won't let me": a test code only one entry is about says which
    // entry an unsure ranking is about, whatever everyday words outscore it; before the last sentence
    // is asked alone ("... wants me to take L1, i only got A6 and A8. am i even allowed to").
    const anchoredWhole = whole.kind === 'unknown' ? this.anchoredByCode(text, whole, hits, context) : undefined;
    const lastAsked = whole.kind === 'unknown' && !anchoredWhole && t.questionSentence ? this.lastSentence(text) : undefined;
    const last = lastAsked ? this.decideByScores(lastAsked, { ...context, onTopic: this.onTopic(text, context) }) : undefined;
    // Unsure of the last sentence alone ("Where are they posted?"), the story says which of its
    // choices was meant: they are offered in the order the whole message ranks them.
    const lastInStory: FaqDecision | undefined = last?.kind === 'clarify' ? { ...last, candidates: inOrderOf(last.candidates, hits) } : last;
    // "hi so my boss wants me to get ASE certified, I've been working at a shop for a year, which test
    // first and do I need work experience before I can test?": a long message offered as a "Did you
    // mean" is answered when its last question clause alone is answered, sure, with the entry offered first.
    const clauseAgrees = whole.kind === 'clarify' && t.questionSentence ? this.lastClauseAgrees(text, whole, context) : undefined;
    const placedFirst: FaqDecision =
      clauseAgrees ?? anchoredWhole ?? (lastInStory && (lastInStory.kind === 'answer' || lastInStory.kind === 'clarify') ? lastInStory : (this.questionFirst(text, whole, context) ?? whole));
    const plain = placedFirst.kind === 'unknown' && t.storyWordsLeftOut && !lastAsked ? this.withoutStoryWords(text, context) : undefined;
    const placed: FaqDecision = plain ?? placedFirst;
    // Anchored already before the last sentence was asked alone: the same owner, not worked out again.
    const anchored: FaqDecision = anchoredWhole ?? this.anchoredByCode(text, placed, hits, context) ?? placed;
    const decision: FaqDecision = this.ownWordFirst(anchored) ?? anchored;
    // One word in an editor's phrasing ("how should i study for ase") is that entry's, but one word is
    // no evidence the question is about ASE testing ("what's wrong?").
    const phrasedInFull = phrased !== undefined && this.text.contentTerms(text).length >= 2;
    // Right after an answer, a short follow-up the knowledge cannot place for sure belongs to it.
    // An answer on everyday words alone ("what if i dont make it in time": "make", "time") is no
    // surer than a gap: the context may take the question too.
    const weak = decision.kind === 'answer' && decision.hit.matched.every((term) => this.index.entriesUsing(term) >= t.gapWordEntries + 2);
    // "how many years" after the work-experience answer: a question of three words or fewer is no
    // surer of its own than the answer just given, when that one covers it too.
    // So is a statement of one word of substance ("i have 1 year" after it: the years of experience,
    // not recertification's five years).
    const terse = decision.kind === 'answer' && !context.recent?.includes(decision.entry.id) && (text.trim().split(/\s+/).length <= TERSE_WORDS || this.text.contentTerms(text).length <= 1);
    // "how do I fix that": one word and a pointer back is no question of its own; a known gap on
    // that one word ("fix": careers, repairs) is no answer to it. It is the last answer's, or asked back.
    // "how many years do i need" after the work-experience answer: said in the words of one of that
    // answer's own phrasings, it is that answer's, however another entry scores alone (recertification's five years).
    // "how long until i can rebook" after the missed-appointment answer: a facet's phrasing that is
    // its only in this context (knowledge `afterAnswer`), whatever the ranking says out of it; read
    // before the pointer below ("can i undo that" after the cancel answer is its undo facet).
    const asked = context.recent?.length ? this.afterAnswerPhrasings.get(this.phrasingKey(text) ?? '') : undefined;
    const vague = decision.kind !== 'answer' && POINTS_BACK.test(text.trim()) && this.text.contentTerms(text).length <= 1 && !(asked && context.recent!.includes(asked.entry.id));
    if (vague && !context.recent?.length) return { kind: 'unknown', suggestions: entriesOf(hits).slice(0, 3), hits };
    if (vague) return this.inContext(text, context.recent!, 0, 0, true) ?? { kind: 'unknown', suggestions: entriesOf(hits).slice(0, 3), hits };
    if (asked && context.recent!.includes(asked.entry.id)) {
      const part = withFacet(asked.entry, asked.facet);
      return { ...placedAnswer(asked.entry, { ...part, answer: shortAnswer(part) }), inContext: true, again: true };
    }
    const ofTheCase = decision.kind === 'answer' ? RULE_OF_THE_CASE.find((row) => row.after === context.recent?.[0] && row.answered === decision.entry.id && !row.unless.test(text)) : undefined;
    const caseEntry = ofTheCase && this.index.entries.find((entry) => entry.id === ofTheCase.after);
    const caseFacet = caseEntry?.facets?.find((facet) => facet.id === ofTheCase!.facet);
    if (caseEntry && caseFacet) {
      const part = withFacet(caseEntry, caseFacet);
      return { ...placedAnswer(caseEntry, { ...part, answer: shortAnswer(part) }), inContext: true, again: true };
    }
    const own = context.recent?.length && decision.kind === 'answer' && !context.recent.includes(decision.entry.id) ? this.phrasedAsRecent(text, context.recent) : undefined;
    if (own) return this.followUp(own, text, { target: { kind: 'faq', entry: own }, score: 0, coverage: 1, matched: [] }, context.recent!);
    if ((decision.kind !== 'answer' || weak || terse) && context.recent?.length) {
      // Over a known gap, only an entry that covers the question at least as well ("what's the
      // passing score?" mid-task is still the passing-score gap).
      const gapHit = decision.kind === 'out-of-scope' ? decision.hits.find((hit) => hit.target.kind === 'out-of-scope') : undefined;
      const gap = gapHit?.coverage ?? 0;
      // A weak answer on two or more of the question's words has a subject of its own: only an entry
      // that is a close call against it may take the question ("what's the address change process?"
      // after the retest answer stays the address-change answer, however the results entry mentions
      // addresses). One everyday word alone ("so I have to pay again?") is the context's.
      const rival = decision.kind === 'answer' && decision.hit.matched.length >= 2 && !terse ? decision.hit.score / t.margin : 0;
      // So is a known gap, against the entries related to the one just answered: "what's the passing
      // score?" mid-retest covers the results entry's words too ("pass", "score"), but the gap's own
      // phrasing scores far above it. The entry just answered may still take it ("how long does it
      // take to approve?" after the ADA answer is that answer's review-time facet).
      // So is a gap that covers every word of the question ("what should I bring" after the
      // preparation answer is the ID gap, not a related entry that mentions bringing a booklet: ut21).
      const gapRival = gapHit && (gapHit.matched.length >= 2 || gapHit.coverage >= 1) ? gapHit.score / t.margin : 0;
      // A "Did you mean" between entries that all matched a word the entry just answered never says
      // ("how long does the certificate take after I pass?" after the retest answer: certificate
      // delivery or recertification) is about that word: only an entry that matches it may take it.
      const candidateHits = decision.kind === 'clarify' ? decision.hits.filter((hit) => hit.target.kind === 'faq' && decision.candidates.includes(hit.target.entry)) : [];
      // Only a word a candidate's own subject names (its question, button or tags) is one: "which
      // ones?" after the Spanish-tests answer shares only everyday words, and stays that answer's.
      const shared = candidateHits.length >= 2 ? candidateHits.map((hit) => hit.matched).reduce((all, matched) => all.filter((term) => matched.includes(term))) : [];
      const subject = shared.filter((term) => candidateHits.some((hit) => hit.target.kind === 'faq' && this.subjects.get(hit.target.entry)?.has(term)));
      // Over a "Did you mean" on such a word, only an entry that covers the question as well as its
      // choices do: "cuánto tiempo tengo para programar el examen después de comprarlo?" after the
      // retest answer (the purchase window, a close call against the missed appointment, both on
      // every word) is a question of its own, not the retest's, which shares only some of its words.
      // ("which ones?" after the Spanish-tests answer shares no such word, and stays that answer's.)
      const choices = subject.length ? Math.max(0, ...candidateHits.map((hit) => hit.coverage)) : 0;
      // A known gap on one of its own subject words ("what is the salary of a master tech": careers'
      // "salary") is a question of its own: only an entry that matched that word too may take it
      // from the gap, never the answer just given on the question's other words (ut23).
      const gapSubject = gapHit?.target.kind === 'out-of-scope' ? this.gapSubjects.get(gapHit.target.topic.id) : undefined;
      const gapSays = gapHit && gapSubject ? gapHit.matched.filter((term) => gapSubject.has(term)) : [];
      const followUp = this.inContext(text, context.recent, gap, rival, false, gapRival, subject.length ? { terms: subject, candidates: decision.kind === 'clarify' ? decision.candidates.map((entry) => entry.id) : [] } : undefined, choices, gapSays);
      if (followUp) return followUp;
    }
    // "banana phone": a known gap on one word of a question that says nothing about ASE testing, the
    // rest words the gap does not explain, is a look-alike: declined as not known, not answered as the gap.
    if (decision.kind === 'out-of-scope' && !this.onTopic(text, context)) {
      const gap = decision.hits.find((hit) => hit.target.kind === 'out-of-scope' && hit.target.topic === decision.topic);
      if (gap && gap.coverage < UNANCHORED_GAP_COVERAGE) return { kind: 'unknown', suggestions: [], hits };
    }
    // A confident answer (or a "did you mean") needs evidence the question is about ASE testing.
    // An editor's own phrasing of an entry is evidence enough ("why cant i see what i got wrong").
    if ((decision.kind === 'answer' || decision.kind === 'clarify') && !phrasedInFull && !this.onTopic(text, context)) {
      return { kind: 'unknown', suggestions: entriesOf(hits).slice(0, 3), hits };
    }
    // The entry is known; its first sentence must answer the question asked (its facet, if it has some).
    if (decision.kind !== 'answer') return decision;
    const shaped = this.facets.answerFor(decision.entry, text);
    // The answer just given, shaped the same ("which bases", "who fills out the form" right after
    // it): the part that answers, said as from that answer, not the whole answer again. Another
    // facet of the entry leads with a sentence not yet said, so it is answered as usual.
    const given = context.answered;
    if (given?.entry === shaped.id && (given.facet ?? '') === (shaped.facet ?? '')) {
      // The answer's own first sentence leads the part: "wat abt mexico" after the testing-abroad
      // answer is told where tests are given, then the part its words point to (the bases).
      const part = this.followUp(decision.entry, text, decision.hit, [shaped.id]);
      const lead = shortAnswer(shaped);
      const answer = part.entry.answer.includes(lead) ? part.entry.answer : `${lead}\n\n${part.entry.answer}`;
      return { ...part, entry: { ...part.entry, answer }, repeated: true };
    }
    return { ...decision, entry: shaped };
  }

  /**
   * Two questions in one ("when do I get my results and when does my certificate come?"): the
   * two entries, in the order asked, when each part on its own finds an entry first (a confident
   * answer, or the first "Did you mean" choice, and at least one of them confident) and the two
   * differ. Null for one question, or when either part is unsure.
   */
  decidePair(text: string, context: QuestionContext = {}): [FaqEntry, FaqEntry] | null {
    let whole: FaqDecision | undefined;
    for (const [first, second] of splits(text, this.text)) {
      // Each part is placed as it would be asked alone (the classifier's second opinion too): "whn do
      // i get my cert" alone is the certificate's arrival, so it is beside "can i get it in spanish".
      const a = this.firstOfPair(first, context);
      const x = pick(a);
      // The second part leans on the first for its context; one that names nothing of its own
      // ("... and how much?") asks the first part's entry (the duplicate's $7.50), not the test
      // fees, and is then no second question.
      // So does one with no word of ASE testing ("did i pass?? how do i find out"): it asks more of the first.
      const leans = ONLY_A_QUESTION_WORD.test(second.trim()) || (this.thresholds.offTopicSecondLeans && !this.onTopic(second));
      // "¿y el certificado?" after "¿cuándo me llegan los resultados?": when the certificate comes.
      const asked = withQuestionOf(first, second);
      const b = this.seconded(asked, this.decideByScores(asked, { onTopic: true, ...(x && leans ? { recent: [x.id] } : {}) }));
      const y = pick(b);
      if (!x || !y || x.id === y.id || (a.kind !== 'answer' && b.kind !== 'answer')) continue;
      // "did i pass?? how do i find out": a message answered with confidence as a whole is split only
      // where both parts are answered with confidence on their own.
      whole ??= this.decideByScores(text, context);
      if (whole.kind === 'answer' && (a.kind !== 'answer' || b.kind !== 'answer') && ![x.id, y.id].includes(whole.entry.id)) continue;
      return [x, y];
    }
    return null;
  }

  /**
   * The first of two questions, placed as it would be asked alone. After a story it is its own
   * sentence ("Trabajé 10 años en Texas y ahora estoy en México cuidando a mi mamá, no quiero perder
   * mis certificaciones. ¿Puedo tomar el examen allá? ¿Y en español?"): that sentence places it when
   * the whole part is unsure (the story's words, "certificaciones", "sigo", pulled it to the Master
   * answer), as a story's last sentence does for one question; the story still says it is about ASE.
   */
  private firstOfPair(first: string, context: QuestionContext): FaqDecision {
    const whole = this.seconded(first, this.decideByScores(first, context));
    if (whole.kind === 'answer' || !this.thresholds.questionSentence) return whole;
    const sentences = first.split(/(?<=[.?!])\s+/).map((sentence) => sentence.trim()).filter(Boolean);
    const asked = sentences.at(-1);
    if (sentences.length < 2 || !asked || !ASKS.test(asked.replace(/^[¿¡\s]+/, '')) || this.text.contentTerms(asked).length < 1) return whole;
    const alone = this.seconded(asked, this.decideByScores(asked, { ...context, onTopic: this.onTopic(first, context) }));
    return alone.kind === 'answer' || alone.kind === 'clarify' ? alone : whole;
  }

  /**
   * Two questions in one where one is a known gap ("is there a spanish version, and can my shop
   * pay"): the confident answer and the gap's reply, in the order asked. Only where the message as
   * a whole is one of the two (it is not split into something it is not), and neither part is about
   * something outside ASE ("my dentist appointment"). Null otherwise; two entries are `decidePair`'s.
   */
  decideGapPair(text: string, context: QuestionContext = {}): GapPair | null {
    let whole: FaqDecision | undefined;
    for (const [first, second] of splits(text, this.text)) {
      const a = this.decideByScores(first, context);
      const b = this.decideByScores(second, { onTopic: true });
      const parts = [asPart(a), asPart(b)] as const;
      const [x, y] = parts;
      if (!x || !y || x.kind === y.kind) continue;
      whole ??= this.decideByScores(text, context);
      const same = (part: PairPart) =>
        (part.kind === 'entry' && whole!.kind === 'answer' && whole!.entry.id === part.entry.id) || (part.kind === 'gap' && whole!.kind === 'out-of-scope' && whole!.topic === part.topic);
      // A whole read as a third known gap blends the two parts' words ("when do I get my results and
      // can my shop pay": who sees the results, ut22g): the parts, each placed alone, stand.
      const blended = whole.kind === 'out-of-scope';
      if (!same(x) && !same(y) && !blended) continue;
      return [x, y];
    }
    return null;
  }

  /**
   * The entry just answered (or one of its follow-ups) that a short follow-up fits: the one whose
   * words cover the question best (coverage as for any answer), or, when the question names nothing
   * the FAQ does not use everywhere ("how", "which ones?"), the last answer itself. `choiceCoverage`:
   * the best coverage of a "Did you mean"'s choices, which an entry taking the question must reach.
   */
  private inContext(text: string, recent: string[], gapCoverage: number, rivalScore: number, vague = false, relatedRivalScore = 0, subject?: { terms: string[]; candidates: string[] }, choiceCoverage = 0, gapSays: string[] = []): FaqDecision | undefined {
    if (text.trim().split(/\s+/).length > FOLLOW_UP_WORDS) return undefined;
    const t = this.thresholds;
    const primary = recent.flatMap((id) => this.index.get(id) ?? []);
    const related = primary.flatMap((entry) => entry.related).filter((id) => !recent.includes(id));
    const ids = new Set([...primary.map((entry) => entry.id), ...related]);
    const all = this.index.query(text, Infinity);
    // With a subject of its own, only the entry just answered or one of the "Did you mean" choices,
    // and only one that matched the subject, may take the question (never a third entry related to it).
    const saysSubject = (hit: FaqHit) =>
      !subject || (hit.target.kind === 'faq' && (recent.includes(hit.target.entry.id) || subject.candidates.includes(hit.target.entry.id)) && subject.terms.every((term) => hit.matched.includes(term)));
    const fits = all.filter((hit) => hit.target.kind === 'faq' && ids.has(hit.target.entry.id) && hit.coverage >= Math.max(t.minCoverage, gapCoverage, choiceCoverage) && hit.score >= rivalScore && saysSubject(hit) && gapSays.every((term) => hit.matched.includes(term)));
    // The entry that covers most of the question; on a tie the answer just given before its follow-ups,
    // and a follow-up only with a fair score of its own.
    const isRecent = (hit: FaqHit) => hit.target.kind === 'faq' && recent.includes(hit.target.entry.id);
    // "what about the certificate" after the results answer (which mentions certificates in its
    // address reminder): the entry whose own question names what was asked is the one asked about.
    const namesIt = (hit: FaqHit) => {
      if (hit.target.kind !== 'faq' || !hit.matched.length) return false;
      const own = new Set(this.text.contentTerms(`${hit.target.entry.question} ${hit.target.entry.button ?? ''}`));
      return hit.matched.every((term) => own.has(term));
    };
    const best = fits
      .filter((hit) => isRecent(hit) || (hit.score >= t.suggestFloor / 2 && hit.score >= relatedRivalScore))
      .sort((a, b) => b.coverage - a.coverage || Number(namesIt(b)) - Number(namesIt(a)) || Number(isRecent(b)) - Number(isRecent(a)) || b.score - a.score)[0];
    if (best?.target.kind === 'faq') return this.followUp(best.target.entry, text, best, recent, vague);
    // "what about G1" after two answers at once (testing outside the USA, and which tests are in
    // Spanish): asked of the answer that speaks of the test named, not of the first.
    const codes = (text.match(new RegExp(TEST_CODE.source, 'gi')) ?? []).map((code) => code.replace('-', ''));
    const first = primary.find((entry) => codes.some((code) => new RegExp(String.raw`\b${code}\b`, 'i').test(entry.answer))) ?? primary[0];
    const generic = this.text.contentTerms(text).every((term) => this.index.entriesUsing(term) >= t.gapWordEntries + 2);
    const firstSaysSubject = !subject || all.some((hit) => hit.target.kind === 'faq' && hit.target.entry === first && saysSubject(hit));
    // Not over choices that cover every word of it, on a word of their subject: that question names
    // its subject, however common its words.
    if (first && (vague || (generic && firstSaysSubject && gapCoverage === 0 && rivalScore === 0 && choiceCoverage < 1 && ASKS_MORE.test(text.trim())))) {
      return this.followUp(first, text, { target: { kind: 'faq', entry: first }, score: 0, coverage: 0, matched: [] }, recent, vague);
    }
    return undefined;
  }

  /**
   * An unsure decision (a "Did you mean", or not known) on a question naming a code of domain.yaml
   * `codeOwners` ("L1", "the L tests"): that code's entry first, before the candidates it had,
   * unless a hit of another entry, within reach of the best, matched a word of that entry's own
   * subject (its question, button or tags) the code's entry never says ("I failed the L1": the
   * retest; "my L2 score report": the results). The rest of the question must be about ASE testing
   * too (a domain word, another code, the conversation). On a question naming only other codes ("I
   * didn't pass the G1"), a code's entry is no first choice: the others come before it. Never a
   * confident answer: the code says which entry, not that the entry answers what was asked.
   * Undefined when nothing changes.
   */
  private anchoredByCode(text: string, decision: FaqDecision, hits: FaqHit[], context: QuestionContext): FaqDecision | undefined {
    if (!this.codeOwners.length || (decision.kind !== 'clarify' && decision.kind !== 'unknown')) return undefined;
    const lowered = this.text.normalise(text).toLowerCase().replace(CODE_HYPHEN, '$1$2');
    const named = this.codeOwners.filter(({ pattern }) => pattern.test(lowered));
    const candidates = decision.kind === 'clarify' ? decision.candidates : decision.suggestions;
    if (!named.length) {
      const owners = new Set(this.codeOwners.map(({ entry }) => entry));
      if (decision.kind !== 'clarify' || !this.namesCode(text) || !owners.has(candidates[0]!) || candidates.every((entry) => owners.has(entry))) return undefined;
      return { ...decision, candidates: [...candidates.filter((entry) => !owners.has(entry)), ...candidates.filter((entry) => owners.has(entry))] };
    }
    const [owner] = named;
    if (!owner || named.length > 1) return undefined;
    // A code alone is no question about ASE testing ("what does the x1 trim mean on a bmw"): the rest
    // must be ("the L tests" keeps its "tests").
    const rest = lowered.replace(new RegExp(owner.pattern.source, 'g'), (found) => found.replace(/[a-z]\d{1,2}/g, ' '));
    if (!this.onTopic(rest, context)) return undefined;
    const { entry, says } = owner;
    // Only a hit within reach of the best counts: "6 years" in a long story is no recertification question.
    const subjectOf = (hit: FaqHit): Set<string> | undefined => (hit.target.kind === 'faq' && hit.target.entry !== entry ? this.subjects.get(hit.target.entry) : undefined);
    const theirs = [hits, decision.hits].some((ranked) =>
      ranked.some((hit) => {
        const subject = subjectOf(hit);
        if (!subject || hit.score * this.thresholds.rivalRatio < (ranked[0]?.score ?? 0)) return false;
        return hit.matched.some((term) => subject.has(term) && !says.has(term) && this.index.entriesUsing(term) <= SUBJECT_WORD_ENTRIES);
      }),
    );
    if (theirs || (decision.kind === 'clarify' && candidates[0] === entry)) return undefined;
    return { kind: 'clarify', candidates: [entry, ...candidates.filter((other) => other !== entry)].slice(0, 3), hits: decision.hits };
  }

  /**
   * "lost my patch, where can i get another one": a "Did you mean" led by an entry on everyday words
   * alone (none that at most `gapWordEntries` entries use), beside an entry that matched a word of
   * its own question or button that no other entry uses ("patch" is "insignia"): that entry first.
   * Not a tag ("is it too late to recert" is no missed appointment). Undefined when nothing changes.
   */
  private ownWordFirst(decision: FaqDecision): FaqDecision | undefined {
    if (decision.kind !== 'clarify') return undefined;
    const [best] = decision.hits;
    if (best?.target.kind !== 'faq' || best.target.entry !== decision.candidates[0]) return undefined;
    const everyday = (term: string) => this.index.entriesUsing(term) === 0 || this.index.entriesUsing(term) > this.thresholds.gapWordEntries;
    if (!best.matched.every(everyday)) return undefined;
    const own = decision.hits.find((hit) => {
      const asks = hit.target.kind === 'faq' && hit !== best && hit.score >= this.thresholds.suggestFloor ? this.questionTerms.get(hit.target.entry) : undefined;
      return asks !== undefined && hit.matched.some((term) => this.index.entriesUsing(term) === 1 && asks.has(term));
    });
    if (own?.target.kind !== 'faq') return undefined;
    const entry = own.target.entry;
    return { ...decision, candidates: [entry, ...decision.candidates.filter((other) => other !== entry)].slice(0, 3) };
  }

  /** "the other thing", "that other one": a pointer word, and no word but a placeholder ("thing", "one", "part"). */
  private pointsVaguely(text: string): boolean {
    if (text.trim().split(/\s+/).length > FOLLOW_UP_WORDS || !VAGUE_POINTER.test(text)) return false;
    const terms = this.text.contentTerms(text);
    return terms.length > 0 && terms.every((term) => this.placeholders.has(term));
  }

  /**
   * Asked back which one: the topics just discussed. "the other ...": first what came before the last
   * answer and its follow-ups, then the last answer; else the last answer first. None: not known.
   */
  private askWhichOf(recent: string[], other: boolean): FaqDecision {
    const [last, ...before] = recent.flatMap((id) => this.index.get(id) ?? []);
    if (!last) return { kind: 'unknown', suggestions: [], hits: [] };
    const others = [...before, ...last.related.flatMap((id) => this.index.get(id) ?? [])].filter((entry, i, all) => entry !== last && all.indexOf(entry) === i);
    const candidates = other ? [...others.slice(0, 2), last] : [last, ...others].slice(0, 3);
    return { kind: 'clarify', candidates, hits: [] };
  }

  /**
   * "¿Se puede sacar el ASE en España? Soy de Valencia y trabajo en un taller de coches.": the question
   * asked first and its story after. Placed as a whole (the story's workshop: work experience), the
   * question asked alone decides when it is answered for sure; a "did you mean" keeps the whole's.
   */
  private questionFirst(text: string, whole: FaqDecision, context: QuestionContext): FaqDecision | undefined {
    // Right after an answer the whole message is read in its light, the story included ("y en
    // alemania? estoy en el ejercito" after the testing-abroad answer asks about the bases abroad).
    if (!this.thresholds.questionFirst || context.recent?.length || (whole.kind !== 'answer' && whole.kind !== 'clarify') || /\?\s*$/.test(text.trim())) return undefined;
    const asked = this.lastSentence(text);
    if (!asked?.endsWith('?')) return undefined;
    const alone = this.decideByScores(asked, { ...context, onTopic: this.onTopic(text, context) });
    return alone.kind === 'answer' ? alone : undefined;
  }

  /**
   * The question without the story's words no entry, domain word or ASE test uses, asked again when
   * what remains says ASE testing twice (or names ASE); an answer or a "did you mean" only.
   */
  private withoutStoryWords(text: string, context: QuestionContext): FaqDecision | undefined {
    if (!this.onTopic(text, context)) return undefined;
    // The story is told before the question: the words of the last clause are all kept ("cuánto
    // cuesta una maestría en administración?" is asked in its own words, and stays unplaced).
    const clauses = text.split(/[,.;:!?¿¡]+/).map((clause) => this.text.tokenize(clause)).filter((clause) => clause.length > 0);
    if (clauses.length < 2) return undefined;
    const told = clauses.slice(0, -1).flat();
    const ours = (token: string) => {
      const term = this.text.processTerm(token);
      return term == null || this.index.entriesUsing(term) > 0 || this.domainTerms?.has(term) || this.otherThings?.known.has(term) || /\d/.test(token);
    };
    const kept = [...told.filter(ours), ...clauses.at(-1)!];
    const tokens = [...told, ...clauses.at(-1)!];
    if (kept.length === tokens.length || this.text.contentTerms(kept.join(' ')).length < 2) return undefined;
    // Two words of ASE testing, or ASE named: one ("la cita para vacunar a mi perro") may be anyone's.
    const testing = new Set(this.text.contentTerms(kept.join(' ')).filter((term) => this.domainTerms?.has(term)));
    if (testing.size < STORY_DOMAIN_WORDS && !this.mentionsAse(text)) return undefined;
    const again = this.decideByScores(kept.join(' '), { ...context, onTopic: true });
    return again.kind === 'answer' ? again : undefined;
  }

  /**
   * The last question clause of a long message ("..., and do I need work experience before I can
   * test?"), when asked alone it is a sure answer with the entry `offered` puts first: that answer.
   */
  private lastClauseAgrees(text: string, offered: Extract<FaqDecision, { kind: 'clarify' }>, context: QuestionContext): FaqDecision | undefined {
    if (wordsIn(text) < LONG_MESSAGE_WORDS || offered.candidates.length !== 1) return undefined;
    const sentences = text.split(/(?<=[.?!])\s+/).map((sentence) => sentence.trim()).filter(Boolean);
    const asked = sentences.filter((sentence) => sentence.endsWith('?')).at(-1);
    if (!asked) return undefined;
    const clause = asked.split(/(?:,|;|\band\b|\bbut\b|\bso\b)\s+(?=(?:do|does|did|can|could|will|would|is|are|am|should|must|how|what|when|where|why|which|who)\b)/i).at(-1)!.trim();
    if (clause === text.trim() || this.text.contentTerms(clause).length < 2) return undefined;
    const alone = this.decideByScores(clause, { ...context, onTopic: this.onTopic(text, context) });
    // Shaped by the clause's facet ("before I can test": work experience can come after the test),
    // unless the whole message asks another of the entry's facets.
    return alone.kind === 'answer' && alone.entry.id === offered.candidates[0]?.id ? alone : undefined;
  }

  /**
   * The message's question among two or more sentences: its last sentence that asks (ends with "?"),
   * else its last; none when that one has no word of its own.
   */
  private lastSentence(text: string): string | undefined {
    const sentences = text.split(/(?<=[.?!])\s+/).map((sentence) => sentence.trim()).filter(Boolean);
    if (sentences.length < 2) return undefined;
    const asked = sentences.filter((sentence) => sentence.endsWith('?')).at(-1) ?? sentences.at(-1)!;
    return this.text.contentTerms(asked).length >= 1 ? asked : undefined;
  }

  /** A phrasing's words as the index reads them, sorted, once each; none for no word. */
  private phrasingKey(text: string): string | undefined {
    const terms = [...new Set(this.text.contentTerms(text))].sort();
    return terms.length >= 1 ? terms.join(' ') : undefined;
  }

  /** The entry of `recent` whose phrasing (its question, an alternate, a facet's) the text is in the words of. */
  private phrasedAsRecent(text: string, recent: string[]): FaqEntry | undefined {
    const key = this.phrasingKey(text);
    if (!key?.includes(' ')) return undefined;
    const known = this.phrasings.get(key);
    if (!known || known.entries.size !== 1 || wordsIn(text) > known.words + PHRASING_EXTRA_WORDS) return undefined;
    const [entry] = known.entries;
    return entry && recent.includes(entry.id) ? entry : undefined;
  }

  /** The one entry among the hits whose alternate is worded exactly as the question (the same words). */
  private phrasedAs(text: string, hits: FaqHit[], context: QuestionContext = {}): FaqDecision | undefined {
    const key = this.phrasingKey(text);
    // One word says which entry only when at most two entries use it ("study", not "certificate"),
    // and never right after an answer: a follow-up is read in that answer's light.
    if (key && !key.includes(' ') && (!this.thresholds.oneWordPhrasings || context.recent?.length || this.index.entriesUsing(key) > this.thresholds.gapWordEntries)) return undefined;
    const known = key ? this.phrasings.get(key) : undefined;
    // "no hice el test en 90 dias que pasa con mi pago" shares "donde pago mi examen"'s two words, and says much more.
    if (!known || known.entries.size !== 1 || wordsIn(text) > known.words + PHRASING_EXTRA_WORDS) return undefined;
    const [entry] = known.entries;
    const hit = hits.find((h) => h.target.kind === 'faq' && h.target.entry === entry);
    return hit ? { kind: 'answer', entry: entry!, hit } : undefined;
  }

  /**
   * A follow-up's answer: from an entry just answered, only the part that answers, not the whole entry
   * again; from one of its follow-ups, in full. The part: the facet's lead; else the paragraph with
   * most of the question's words ("do I get a refund?"); else the short answer, or, for a question
   * only pointing back at it ("how do I fix that?"), the paragraph after the short answer just given.
   */
  private followUp(entry: FaqEntry, text: string, hit: FaqHit, recent: string[], vague = false): Extract<FaqDecision, { kind: 'answer' }> {
    const shaped = this.facets.answerFor(entry, text);
    if (!recent.includes(entry.id)) return { kind: 'answer', entry: shaped, hit, inContext: true };
    const paragraphs = paragraphsOf(shaped.answer).map((paragraph) => paragraph.trim()).filter(Boolean);
    const asked = new Set(this.text.contentTerms(text));
    const words = paragraphs.map((paragraph) => [...this.paragraphTerms(paragraph)].filter((term) => asked.has(term)).length);
    const most = Math.max(0, ...words);
    const part = shaped.facet ? shortAnswer(shaped) : most > 0 ? paragraphs[words.indexOf(most)]! : ((vague && paragraphs[1]) || shortAnswer(shaped));
    return { kind: 'answer', entry: { ...shaped, answer: part }, hit, inContext: true, again: true };
  }

  /**
   * A known gap is said only on words of its own: a word few FAQ entries use ("password", "salary",
   * "receipt"), or several of the question's words together ("how much does a test cost"). One
   * everyday word shared with the FAQ ("pay", "pass", "go", "ones", "make it in time") is no
   * evidence: "so I have to pay again?" is not a question about salaries.
   */
  private gapEvidence(hit: FaqHit): boolean {
    const t = this.thresholds;
    return hit.matched.length >= t.gapTerms || hit.matched.some((term) => this.index.entriesUsing(term) <= t.gapWordEntries);
  }

  /** The first runner-up close enough that matched a rare word of the question the best did not. */
  private unexplainedBy(best: FaqHit, hits: FaqHit[]): FaqHit | undefined {
    const t = this.thresholds;
    return hits
      .slice(1)
      .find((hit) => hit.score * t.rivalRatio >= best.score && hit.matched.some((term) => !best.matched.includes(term) && this.index.entriesUsing(term) <= t.rivalWordEntries));
  }

  /**
   * A known gap within reach of the best entry that matched one of its subject words, which the entry
   * did not ("locked out of myase, my old email is gone": the password gap, not the results entry);
   * or the best hit itself a known gap that matched one of its subject words.
   */
  private gapOnItsSubject(best: FaqHit, hits: FaqHit[]): OutOfScopeTopic | undefined {
    if (!this.gapSubjects.size) return undefined;
    const t = this.thresholds;
    // The gap itself first, on too few of a long message's words to be sure ("the power went out at
    // the test center halfway through... do I get a free retake?"): its own subject word says it.
    if (best.target.kind === 'out-of-scope') {
      if (best.score < t.answerFloor) return undefined;
      const subject = this.gapSubjects.get(best.target.topic.id);
      return subject && best.matched.some((term) => subject.has(term)) ? best.target.topic : undefined;
    }
    for (const hit of hits) {
      if (hit.target.kind !== 'out-of-scope' || hit.score * t.rivalRatio < best.score) continue;
      const subject = this.gapSubjects.get(hit.target.topic.id);
      if (subject && hit.matched.some((term) => subject.has(term) && !best.matched.includes(term))) return hit.target.topic;
    }
    return undefined;
  }

  /** The largest share of the question's words (weighted by rarity, as coverage is) that one phrasing of the entry holds. */
  private saidTogether(entry: FaqEntry, asked: string[]): number {
    const phrasings = this.phrasingTerms.get(entry.id) ?? [];
    // Words no entry uses count too: a question about something the knowledge base does not know is
    // the likeliest to be answered wrong (measured: counting only known words cut fewer wrong answers
    // for as many confirmations).
    const unique = [...new Set(asked)];
    const weights = unique.map((term) => this.index.informativeness(term));
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (!total) return 1;
    // "duplicat certficate": a word no entry uses that is a misspelling of the phrasing's own word is that word.
    const unknown = unique.map((term) => this.index.entriesUsing(term) === 0);
    // Plain loops: an entry has a hundred phrasings or more, and this runs on every confident answer.
    let best = 0;
    for (const phrasing of phrasings) {
      let sum = 0;
      for (let i = 0; i < unique.length; i++) {
        const term = unique[i]!;
        if (phrasing.has(term) || (unknown[i] && isTypoOfAny(term, phrasing))) sum += weights[i]!;
      }
      if (sum > best) best = sum;
    }
    return best / total;
  }

  /**
   * "I'm a student at a community college, do I need work experience to take the test? my program is
   * 2 years": context around the question. One sentence of two or more words that a phrasing of the
   * entry says together is enough, whatever the rest of the message tells. "and also" / "also" /
   * "plus" between two clauses ends a sentence as a full stop does.
   */
  private sentenceSaidTogether(entry: FaqEntry, text: string): boolean {
    // "my name changed ... how do i update it and also my dob is wrong": "and also" ends a sentence too.
    const sentences = text
      .split(/[.?!;]+|,?\s+(?:and also|also|plus)\s+/i)
      .map((sentence) => this.text.contentTerms(sentence))
      .filter((terms) => terms.length >= 2);
    return sentences.length >= 2 && sentences.some((terms) => this.saidTogether(entry, terms) >= this.thresholds.phrasingCoverage);
  }

  private rank(hits: FaqHit[], text: string): FaqDecision {
    const ranked = this.rankScores(hits, text);
    if (ranked.kind !== 'clarify' && ranked.kind !== 'unknown') return ranked;
    const gap = this.gapFarBehind(hits);
    return gap ? { kind: 'out-of-scope', topic: gap, hits } : ranked;
  }

  /**
   * "i keep typing my password wrong and now the website locked me out how do i get back in to see
   * my test": an entry ahead only on everyday words (none that at most `gapWordEntries` entries
   * use), and unsure, beside a known gap that matched a subject word of its own no entry uses: the
   * gap, however far behind it scores (a sure answer stays: "the shorter renewal test" is the
   * recertification's).
   */
  private gapFarBehind(hits: FaqHit[]): OutOfScopeTopic | undefined {
    const [best] = hits;
    // A word no entry uses that the best matched was matched as a misspelling of another ("entering"): no rare word of its own.
    const everyday = (term: string) => this.index.entriesUsing(term) === 0 || this.index.entriesUsing(term) > this.thresholds.gapWordEntries;
    if (best?.target.kind !== 'faq' || !best.matched.every(everyday)) return undefined;
    for (const hit of hits) {
      if (hit.target.kind !== 'out-of-scope' || hit.score < this.thresholds.answerFloor) continue;
      const subject = this.gapSubjects.get(hit.target.topic.id);
      if (subject && hit.matched.some((term) => subject.has(term) && !best.matched.includes(term) && this.index.entriesUsing(term) === 0)) return hit.target.topic;
    }
    return undefined;
  }

  private rankScores(hits: FaqHit[], text: string): FaqDecision {
    const asked = this.text.contentTerms(text);
    const terms = asked.length;
    const t = this.thresholds;
    const [best] = hits;
    if (!best) return { kind: 'unknown', suggestions: [], hits };
    // A known gap behind the best entry that matched only words the entry matched too explains
    // nothing more of the question ("whats on the A1 test" beside the test-format gap): no rival.
    const explainsNothingMore = (hit: FaqHit) => best.target.kind === 'faq' && hit.target.kind === 'out-of-scope' && hit.matched.every((term) => best.matched.includes(term));
    const second = t.gapsBehindExplainMore ? hits.slice(1).find((hit) => !explainsNothingMore(hit)) : hits[1];
    const lead = second ? best.score / second.score : Infinity;
    const covered = best.coverage >= t.minCoverage || (lead >= t.dominantMargin && best.coverage >= t.dominantCoverage);
    const strong = covered && best.score >= t.answerFloor;
    if (strong && best.target.kind === 'out-of-scope') return { kind: 'out-of-scope', topic: best.target.topic, hits };
    const gap = this.gapOnItsSubject(best, hits);
    if (gap) return { kind: 'out-of-scope', topic: gap, hits };
    const close = entriesOf(
      hits.filter((hit) => hit.coverage >= t.dominantCoverage && hit.score >= best.score / (t.margin * 1.5)),
    );
    if (strong && best.target.kind === 'faq' && lead >= t.margin) {
      const rival = this.unexplainedBy(best, hits);
      if (rival) return { kind: 'clarify', candidates: rival.target.kind === 'faq' ? [best.target.entry, rival.target.entry] : [best.target.entry], hits };
      // Ahead on words no one phrasing of the entry says together: asked to confirm, with the close runners-up.
      const together = this.saidTogether(best.target.entry, asked) >= t.phrasingCoverage || this.sentenceSaidTogether(best.target.entry, text);
      if (!together) return { kind: 'clarify', candidates: close.slice(0, 3), hits };
      return { kind: 'answer', entry: best.target.entry, hit: best };
    }
    // Two close entries, or one entry close behind only by a known gap: ask rather than guess.
    if (strong && (close.length >= 2 || (close.length === 1 && best.target.kind === 'faq'))) return { kind: 'clarify', candidates: close.slice(0, 3), hits };
    if (best.target.kind === 'faq' && terms >= t.longTerms && lead >= t.longLead && best.score >= t.answerFloor) {
      return { kind: 'clarify', candidates: [best.target.entry], hits };
    }
    return { kind: 'unknown', suggestions: entriesOf(hits).slice(0, 3), hits };
  }
}

/** One half of a two-part message: an entry answered with confidence, or a known gap's reply. */
export type PairPart = { kind: 'entry'; entry: FaqEntry } | { kind: 'gap'; topic: OutOfScopeTopic };
export type GapPair = readonly [PairPart, PairPart];

/** A part only when sure: a confident answer, or a known gap about ASE (not someone else's thing). */
const asPart = (decision: FaqDecision): PairPart | undefined =>
  decision.kind === 'answer' ? { kind: 'entry', entry: decision.entry } : decision.kind === 'out-of-scope' && !decision.elsewhere ? { kind: 'gap', topic: decision.topic } : undefined;

/** `entries` in the order `hits` ranks them; those it does not rank keep their order, after them. */
function inOrderOf(entries: FaqEntry[], hits: FaqHit[]): FaqEntry[] {
  const rank = (entry: FaqEntry) => {
    const at = hits.findIndex((hit) => hit.target.kind === 'faq' && hit.target.entry === entry);
    return at < 0 ? hits.length : at;
  };
  return entries.map((entry, i) => ({ entry, i })).sort((a, b) => rank(a.entry) - rank(b.entry) || a.i - b.i).map(({ entry }) => entry);
}

/** Words that join a test's name ("Suspension and Steering", "Sistemas de Escape"): never taken for a word of it. */
const NAME_JOINERS = new Set(['and', 'the', 'for', 'del', 'los', 'las']);

const pick = (decision: FaqDecision): FaqEntry | undefined =>
  decision.kind === 'answer' ? decision.entry : decision.kind === 'clarify' ? decision.candidates[0] : undefined;

/**
 * Where a message may hold a second question: after a question mark, at "and also" / "also" /
 * "plus", or at "and" followed by a question word or "if" (and the "and" of texting shorthand: "n",
 * "an", "nd", "&", "+": "whn do i get my cert n can i get it in spanish"). A "plus" before a fee, the registration or
 * a tax adds up a price ("the A9 test plus registration", "paid $51 for the test plus reg fee") and
 * splits nothing.
 */
// Spanish splits the same way: "y también", "además", or "y" before a question word ("... y cuánto cuesta un duplicado").
// Also "y" before a last question that asks with its own verb and its own question mark ("cómo compro el examen y hay en
// español?", "qué necesito pa ser master y el T2 viene en español?") or names its thing ("... y lo del curso de e-learning?"):
// each part must still find its own entry (session es-tune11).
// A bare "también"/"además" starts a question only after a comma or a stop: inside a clause it says "too"
// ("¿los exámenes de camiones también vienen en español?" is one question).
const SECOND_QUESTION =
  /\?\s+(?=\S)|[,;]?\s+(?:(?:and|n|&|\+) also|also|y tambi[eé]n|y adem[aá]s)\s+|[,;]?\s+plus\s+(?!(?:the\s+|a\s+|an\s+)?(?:reg|registration|tax|taxes|sales\s+tax|fees?|test\s+fees?|shipping)\b)|[,;.]\s+(?:tambi[eé]n|adem[aá]s)\s+|[,;]?\s+(?:and|an|nd|n)\s+(?=(?:when|whn|how|where|what|whats|what's|why|which|who|can|could|do|does|did|is|are|will|would|should|if)\b)|[,;]?\s*[&+]\s*(?=(?:when|whn|how|where|what|whats|what's|why|which|who|can|could|do|does|did|is|are|will|would|should|if)\b)|[,;]?\s+y\s+(?=(?:cu[aá]ndo|c[oó]mo|d[oó]nde|qu[eé]|por ?qu[eé]|cu[aá]l(?:es)?|cu[aá]nt[oa]s?)(?=[\s?¿,.]|$))|[,;]?\s+y\s+(?=(?:(?:el|la|los|las|lo)\s+(?:[^\s?.!]+\s+){1,4}?)?(?:hay|viene|vienen|tiene|tienen|se\s+puede|puedo)\s[^?.!]{0,60}\?\s*$|lo\s+del?\s+[^?.!]{1,60}\?\s*$)/gi;

/**
 * How a second question after a question mark starts, when it has no question mark of its own: a
 * question word or a request. Anything else ("my program is 2 years", "im a sonographer") tells
 * the first question's circumstances and is no question of its own.
 */
const ASKS =
  /^(?:also|plus|btw|by the way|one more|another)\b|^(?:and\s+|so\s+|ok\s+|oh\s+)?(?:when|how|where|what|whats|what's|why|which|who|can|could|do|does|did|is|are|am|will|would|should|shall|may|if|tell|show|give|send|mail|email|e-mail|text|call|contact|let me know|need|i need|want|i want|please|pls|any|cu[aá]ndo|c[oó]mo|d[oó]nde|qu[eé]|por\s*qu[eé]|cu[aá]l|cu[aá]nto|puedo|puede|necesito|quiero|hay)\b/i;

function splits(text: string, pipeline: TextPipeline): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const match of text.matchAll(SECOND_QUESTION)) {
    const first = text.slice(0, match.index).trim();
    const second = text.slice(match.index + match[0].length).trim();
    if (match[0].startsWith('?') && !second.includes('?') && !ASKS.test(second.replace(/^[¿¡\s]+/, ''))) continue;
    // A tag question ("I passed three tests. Great, right? Then myASE shows ...", "..., huh?") asks
    // nothing of its own: the story goes on after it.
    if (match[0].startsWith('?') && /(?:^|[,.!;]\s*)(?:[\w']+,?\s+)?(?:right|huh|eh|yeah|ok|okay|you know)\s*$/i.test(first)) continue;
    // "... and when the place closed down the owner threw them out. How do I ...?": a clause after
    // "and" that ends its sentence with a full stop tells what happened; it asks nothing.
    // So does a Spanish "y" ("..., y cuando llegué ya habían pasado dos horas. ¿Qué pasa con mi dinero?").
    if (/(?:\b(?:and|an|nd|n|y)|[&+])\s*$/i.test(match[0]) && /^[^.!?]*[.!]/.test(second)) continue;
    if (pipeline.contentTerms(first).length >= 1 && pipeline.contentTerms(second).length >= 1) out.push([first, second]);
  }
  return out;
}
