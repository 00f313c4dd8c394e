import type { FaqDecision, GapPair, QuestionContext } from '../knowledge/faqAnswerer.js';
import type { FaqEntry } from '../knowledge/faqEntry.js';
import { readAcknowledgement, type Acknowledgement } from '../understanding/acknowledgements.js';
import { asksForPerson, detectCommand, questionAfterComplaint, questionAfterTakeBack, stripGreeting, type Command } from '../understanding/commands.js';
import { readCorrection, readListChange, readSpanishCorrection, type Correction } from '../understanding/corrections.js';
import { mentionsAseId, onlyAnAseId, readCredentials, type CredentialsReading } from '../understanding/credentials.js';
import type { DateMention } from '../understanding/dates.js';
import { detectTask, type TaskMatch } from '../understanding/taskIntent.js';
import { readYesNo } from '../understanding/yesNo.js';
import { normalise } from '../understanding/normalise.js';
import { saysNotKnowing } from '../understanding/dontKnow.js';
import type { TurnFacts } from './turnFacts.js';
import { readLanguageRequest, type LanguageRequest } from '../language/requests.js';
import type { Language } from '../language/languages.js';

/**
 * Everything the bot understood of one message, read once per turn. Routing, the repair base and
 * every dialog look at this reading; none of them runs a recogniser of its own.
 */
export interface Reading {
  /** The message as written, trimmed. */
  text: string;
  /**
   * The message without a greeting, a take-back or a complaint in front ("hi, how do I ...?", "never
   * mind, when do ...?", "thats not what i asked, i want ..." -> "how do I ...?", "when do ...?", "i want ...").
   */
  question: string;
  /** "never mind, when do results come out": a request taken back, then a question of its own (`question`). */
  takesBackThenAsks: boolean;
  /** A whole-message command: help, cancel, start over, sign in, a greeting... */
  command: Command | null;
  /** "English, please" / "en español": the whole message asks for that language. */
  languageSwitch: Language | null;
  /** "do u speak spanish?": the whole message asks whether the assistant speaks that language. */
  languageQuestion: Language | null;
  /** A person asked for, anywhere in the message ("... never came. talk to a person"). */
  person: boolean;
  /** "ok", "cool", "got it", "thanks, bye": not a question, never a misunderstanding. */
  acknowledgement: Acknowledgement | null;
  /** The guided task the message asks for, if any. */
  task: TaskMatch | null;
  /** "no, I meant A4" / "the 10th, not the 12th": the part to read again as the new value. */
  correction: Correction | null;
  /** A yes or a no, for a question that asked for one. */
  yesNo: boolean | null;
  /** "I don't remember", "not sure": the candidate does not have the fact asked for (read only where a question waits). */
  notKnowing: boolean;
  /** Every date the message mentions, parsed once; only the sign-in dialog reads one as a birth date. */
  dates: DateMention[];
  /** The message is one date and nothing else ("May 20", "it was the 20th"): an answer, or a date made exact. */
  dateOnly: boolean;
  /** ASE ID, date of birth and SSN digits, when the message carries sign-in details. */
  credentials: CredentialsReading;
  /** "AB123456", "my ASE id is DEMO-0001": an ASE ID alone, the rest of the details still to come. */
  aseIdAlone: boolean;
  /** Sign-in details sent: all of them (`credentials.ok`), or an ASE ID alone. */
  signInDetails: boolean;
  /** A question about the candidate's own account ("when does my A5 expire?"), if it is one. */
  accountQuestion: { kind: string } | null;
  /** The knowledge base's decision on the question, worked out the first time someone asks. */
  faq(): FaqDecision;
  /** The question names something outside ASE ("my dentist appointment"): as `faq()` would find, without ranking it. */
  elsewhere(): boolean;
  /** Two questions in one, each with its entry in the order asked; null for one question. */
  faqPair(): [FaqEntry, FaqEntry] | null;
  /** Two questions in one, one of them a known gap ("... and can my shop pay"): both parts in the order asked; null otherwise. */
  faqGapPair(): GapPair | null;
  /**
   * The question's context changed during the turn (staff handed the conversation back, and the
   * entries answered before the handoff are on the table again): the FAQ readings are worked out
   * again in its light the next time they are asked for.
   */
  reconsider(context: QuestionContext): void;
}

/** The recognisers that need the knowledge base: the FAQ ranking and the account-question reader. */
export interface Understanding {
  decide(question: string, context?: QuestionContext): FaqDecision;
  decidePair(question: string, context?: QuestionContext): [FaqEntry, FaqEntry] | null;
  /** A known gap and an answer in one message; a reader without it (a test's fake) finds none. */
  decideGapPair?(question: string, context?: QuestionContext): GapPair | null;
  /** What `decide` would call out of scope as about something else (its `elsewhere`), without ranking. */
  namesElsewhere(question: string, context?: QuestionContext): boolean;
  accountQuestion(text: string): { kind: string } | null;
}

export const readingKey = Symbol('reading');

/**
 * Reads one message in the light of the turn's facts and of the conversation so far (a question
 * that names nothing of ASE may still be about it when the conversation already is).
 */
export function understand(text: string, facts: TurnFacts, knowledge: Understanding, context: QuestionContext = {}): Reading {
  return new LazyReading(text.trim(), facts, knowledge, context);
}

const NO_CREDENTIALS: CredentialsReading = { ok: false, missing: ['aseId', 'dateOfBirth', 'ssnLast4'] };

/**
 * The reading, each part worked out the first time a route or dialog looks at it and kept for the
 * rest of the turn: a FAQ question never runs the sign-in, correction or yes/no readers it does
 * not reach (they are a fair share of a short turn), and nothing runs twice.
 */
class LazyReading implements Reading {
  private readonly memo = new Map<keyof Reading, unknown>();
  private decision?: FaqDecision;
  private pair?: [FaqEntry, FaqEntry] | null;
  private gapPair?: GapPair | null;
  private namedElsewhere?: boolean;

  constructor(
    readonly text: string,
    private readonly facts: TurnFacts,
    private readonly knowledge: Understanding,
    private context: QuestionContext,
  ) {}

  reconsider(context: QuestionContext): void {
    this.context = context;
    this.decision = undefined;
    this.pair = undefined;
    this.gapPair = undefined;
    this.namedElsewhere = undefined;
  }

  private once<K extends keyof Reading>(key: K, work: () => Reading[K]): Reading[K] {
    if (!this.memo.has(key)) this.memo.set(key, work());
    return this.memo.get(key) as Reading[K];
  }

  get command(): Command | null {
    return this.once('command', () => (this.text ? detectCommand(this.text) : null));
  }

  get dates(): DateMention[] {
    return this.once('dates', () => (this.text ? this.facts.dates(this.text) : []));
  }

  get dateOnly(): boolean {
    return this.once('dateOnly', () => this.dates.length === 1 && onlyTheDate(this.text, this.dates[0]!));
  }

  get credentials(): CredentialsReading {
    return this.once('credentials', () => (this.text ? readCredentials(this.text, this.facts, this.dates) : NO_CREDENTIALS));
  }

  /** Sent with sign-in details, the question is what is left without them: no birth date in it. */
  get question(): string {
    // Without an ID-shaped word there are no sign-in details to take out (and no dates to read for them).
    return this.once('question', () => {
      const asked = stripGreeting(mentionsAseId(this.text) && this.credentials.ok ? this.credentials.rest.replace(/\s+$/, '') : this.text);
      return questionAfterTakeBack(asked) ?? questionAfterComplaint(asked) ?? asked;
    });
  }

  get takesBackThenAsks(): boolean {
    return this.once('takesBackThenAsks', () => this.text !== '' && questionAfterTakeBack(stripGreeting(this.text)) !== null);
  }

  get languageSwitch(): Reading['languageSwitch'] {
    return this.once('languageSwitch', () => (this.languageRequest?.asks === 'switch' ? this.languageRequest.language : null));
  }

  get languageQuestion(): Reading['languageQuestion'] {
    return this.once('languageQuestion', () => (this.languageRequest?.asks === 'whether' ? this.languageRequest.language : null));
  }

  private get languageRequest(): LanguageRequest | null {
    return this.text ? readLanguageRequest(this.text) : null;
  }

  /** An ASE ID and nothing else ("DEMO-0001"): sign-in details in pieces, the rest to be asked for. */
  get aseIdAlone(): boolean {
    return this.once('aseIdAlone', () => this.text !== '' && !this.credentials.ok && onlyAnAseId(this.text));
  }

  get signInDetails(): boolean {
    // Both need an ID-shaped word: without one, the sign-in reader (dates, SSN digits) is not run.
    return this.once('signInDetails', () => mentionsAseId(this.text) && (this.credentials.ok || this.aseIdAlone));
  }

  get person(): boolean {
    return this.once('person', () => this.command === 'person' || (this.text !== '' && asksForPerson(this.text)));
  }

  get notKnowing(): boolean {
    return this.once('notKnowing', () => saysNotKnowing(this.text));
  }

  get yesNo(): boolean | null {
    return this.once('yesNo', () => (this.text ? readYesNo(this.text) : null));
  }

  get acknowledgement(): Acknowledgement | null {
    return this.once('acknowledgement', () => {
      if (!this.text || this.command) return null;
      // A bare "yes" or "no" that no dialog was waiting for is an acknowledgement, never a misunderstanding.
      const bare = this.yesNo !== null && BARE_YES_NO.test(this.text) ? 'ok' : null;
      return readAcknowledgement(this.text) ?? bare;
    });
  }

  get task(): TaskMatch | null {
    return this.once('task', () => (this.text && !this.command ? detectTask(this.question, this.facts.language) : null));
  }

  get correction(): Correction | null {
    return this.once('correction', () => (this.text ? (readListChange(this.text) ?? readCorrection(this.text) ?? readSpanishCorrection(this.text) ?? noAndAValue(this.text) ?? whatAbout(this.text) ?? spanishWhatAbout(this.text)) : null));
  }

  get accountQuestion(): { kind: string } | null {
    return this.once('accountQuestion', () => (this.text && !this.command ? this.knowledge.accountQuestion(this.question) : null));
  }

  faq(): FaqDecision {
    return (this.decision ??= this.knowledge.decide(this.question, { ...this.context, language: this.facts.language }));
  }

  elsewhere(): boolean {
    if (this.decision) return this.decision.kind === 'out-of-scope' && this.decision.elsewhere === true;
    return (this.namedElsewhere ??= this.knowledge.namesElsewhere(this.question, { ...this.context, language: this.facts.language }));
  }

  faqPair(): [FaqEntry, FaqEntry] | null {
    // Each part in the words the task detector reads it in ("whn do i get my cert n can i get it in
    // spanish": "when", as "whn do i get my cert" alone is read), English shorthand spelt out (not
    // Spanish: its "y" is "and", not "why").
    if (this.pair === undefined) this.pair = this.knowledge.decidePair(this.facts.language === 'es' ? this.question : normalise(this.question), { ...this.context, language: this.facts.language });
    return this.pair;
  }

  faqGapPair(): GapPair | null {
    if (this.gapPair === undefined) this.gapPair = this.knowledge.decideGapPair?.(this.question, { ...this.context, language: this.facts.language }) ?? null;
    return this.gapPair;
  }
}

const BARE_YES_NO = /^(?:y|yes|yeah|yep|yup|sure|n|no|nope|nah|ok(?:ay)?|s[ií]|claro)(?:[\s,]+(?:yes|no|thanks|thank you|s[ií]|gracias))?[.!]*$/iu;

/** "no 11/18", "nope, A6": a no followed by a value (a digit in it) replaces that value. */
function noAndAValue(text: string): { replacement: string } | null {
  const rest = /^(?:no|nope|nah)\b[\s,.!-]+(.*\d.*)$/i.exec(text)?.[1]?.trim();
  return rest ? { replacement: rest } : null;
}

/**
 * "what about A4?", "and A4?" (texting's "n A4?"), "same for T2": the question just answered, asked again with that
 * value. Read as a correction, so it changes only when a task was answered (the correction row) or
 * is waiting (the repair base); elsewhere it is read afresh. A value alone ("A3") is not one: while a
 * task waits it is the answer to its question.
 */
function whatAbout(text: string): Correction | null {
  // "wait actually what about the A4 one": words that only announce it, and "one" after the value.
  text = text.trim().replace(WHAT_ABOUT_LEAD, '');
  // Texting's "n a4?" and "& for a6?" are "and A4?", "and for A6?".
  const wholeMatch = /^(and|n|&|what about|how about|same for|and for|n for|& for|also|plus)\s+(?:the\s+|my\s+)?(.{1,30}?)(?:\s+one)?\s*\??$/i.exec(text);
  const whole = wholeMatch?.[2];
  // "and T4?", "also P2", "plus T4": one more, where the task's value is a list (which duplicates).
  if (whole && aValue(whole)) return /^(?:and|n|&|also|plus)$/i.test(wholeMatch[1] ?? '') ? { replacement: whole, list: 'add', asked: true } : { replacement: whole, asked: true };
  // "and parts too", "plus the truck ones as well": one more, said to be one more, whether or not it
  // is a code (the task's own reader says whether it is one of its values).
  const oneMore = /^(?:and|n|&|plus|also)\s+(?:the\s+|my\s+)?(.{1,30}?)(?:\s+ones?)?\s+(?:too|as well)\s*\??$/i.exec(text)?.[1];
  if (oneMore && oneMore.split(/\s+/).length <= 3 && !NOT_ONE_MORE.test(oneMore)) return { replacement: oneMore, list: 'add', asked: true };
  // "and A5? I passed that in March 2020": the value, then a statement of the facts that go with it
  // (a question after the value is a question of its own).
  const [, asked, more] = /^(?:and|n|&|what about|how about|same for|and for|n for|& for|also)\s+(?:the\s+|my\s+)?(.{1,30}?)\s*[?,;:]\s*(.+?)\s*$/i.exec(text) ?? [];
  if (!asked || !more || !aValue(asked) || more.includes('?') || QUESTION_WORD.test(more)) return null;
  return { replacement: `${asked}, ${more}`, asked: true };
}

/** "and me too", "and that too": no value named. */
const NOT_ONE_MORE = /^(?:me|that|this|it|them|those|these|you|i|so|same)$/i;

/** Words before "what about" that only announce the change: "wait, actually", "oh ok", "hmm so", "and". */
const WHAT_ABOUT_LEAD = /^(?:(?:wait|hold on|actually|oh|ah|ok|okay|so|and|hmm+|um+|sorry)\b[\s,.!:;-]*)+(?=(?:what|how) about\b)/i;

/**
 * "¿y el T4?", "¿y qué tal el A4?", "lo mismo para T2", "también el P2": whatAbout in Spanish. "y",
 * "también" and "más" add one more where the task's value is a list (duplicates), as "and" does.
 */
function spanishWhatAbout(text: string): Correction | null {
  const match = /^(y\s+tambi[eé]n|y\s+qu[eé]\s+tal|qu[eé]\s+tal|y\s+para|y\s+con|lo\s+mismo\s+(?:para|con)|igual\s+(?:para|con)|y|tambi[eé]n|m[aá]s)\s+(?:el\s+|la\s+|los\s+|las\s+|mi\s+|mis\s+|del\s+)?(.{1,30}?)\s*\??$/i.exec(
    text.trim().replace(/^[¿¡\s]+/, ''),
  );
  const value = match?.[2];
  if (!match || !value || !aValue(value)) return spanishOneMore(text);
  return /^(?:y|y\s+tambi[eé]n|tambi[eé]n|m[aá]s)$/i.test(match[1]!) ? { replacement: value, list: 'add', asked: true } : { replacement: value, asked: true };
}

/**
 * "y también mi certificado de Master", "y el de master también", "también los de camión": one more, said to be
 * one more ("también", as English "and ... too"), whether or not it is a code (the task's own reader says
 * whether it is one of its values).
 */
function spanishOneMore(text: string): Correction | null {
  const t = text.trim().replace(/^[¿¡\s]+/, '').replace(/[\s?!.]+$/, '');
  const [, said, after] = /^(?:y\s+tambi[eé]n|tambi[eé]n|y|m[aá]s)\s+(?:el\s+|la\s+|los\s+|las\s+|mi\s+|mis\s+|del\s+)?(.{1,40}?)(\s+tambi[eé]n)?$/i.exec(t) ?? [];
  if (!said || !(after || /^(?:y\s+)?tambi[eé]n\b/i.test(t))) return null;
  if (said.split(/\s+/).length > 4 || /^(?:yo|eso|esto|lo|la|me|usted|igual|quiero|necesito|puedo|c[oó]mo|cu[aá]n|qu[eé]|d[oó]nde|por)\b/i.test(said)) return null;
  return { replacement: said, list: 'add', asked: true };
}

/**
 * A value is a few words with a digit in it ("A4", "the 10th", "March 3") or a list of test codes
 * ("A1, A5 and T2"); "and do i have 2 pay again" is a question of its own with "2" for "to".
 */
const aValue = (words: string): boolean => /\d/.test(words) && (words.split(/\s+/).length <= 3 || TEST_CODE_LIST.test(words));
const TEST_CODE_LIST = /^(?:[a-z]{1,2}-?\d{1,2}[\s,]*(?:(?:and|or|&)\s+)?)+$/i;

const QUESTION_WORD = /^(?:who|what|when|where|why|how|which|can|could|do|does|did|is|are|will|would|should)\b/i;

/** Nothing but the date and a few words around it: "May 20", "it was the 20th", "on the 20th I think". */
function onlyTheDate(text: string, date: DateMention): boolean {
  const rest = `${text.slice(0, date.index)} ${text.slice(date.index + date.text.length)}`;
  return ONLY_HEDGES.test(rest);
}

/**
 * What may stand around a date that is the whole message: "it was", and the hedges of someone not
 * sure ("sometime in march i think", "creo que fue en marzo"), which make it no question of its own.
 */
const ONLY_HEDGES = new RegExp(
  String.raw`^(?:\s|[,.!]|\b(?:it|was|it's|its|on|in|the|maybe|i|think|actually|sometime|some time|around|about|roughly|probably|i guess|guess|i believe|pretty sure|im|i'm|not sure|or so|hmm|um|uh|oh|` +
    String.raw`fue|era|el|en|creo|creo que|que|como|mas o menos|más o menos|por ahi de|por ahí de|tal vez|quizas|quizás|no estoy seguro|no estoy segura)\b)*$`,
  'i',
);
