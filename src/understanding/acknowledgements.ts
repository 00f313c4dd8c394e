/**
 * Messages that only acknowledge what the bot said: "ok", "got it, thanks", "👍", "that's all,
 * bye". The conversation engine must never count one of these as an answer that made no sense
 * (the design says "cannot handle" never follows an acknowledgement), and a dialog waiting for a
 * slot keeps waiting instead of re-asking.
 *
 * Matching is on the WHOLE message: it must be made only of acknowledgement phrases, separated by
 * spaces, commas, "and" or dashes, with trailing punctuation and emoji ignored. "ok so when can I
 * retake A5?" and "cool, but what about T2" carry content, so they are not acknowledgements.
 *
 * The reading is the strongest phrase present: a goodbye ('bye') over thanks ('thanks') over a
 * plain 'ok'. "I'm good, thanks" closes the conversation, so it is 'bye'.
 */

import { normalise } from './normalise.js';
import { describeValue } from './describeValue.js';

const MODULE = 'understanding/acknowledgements';

/** 'dismay': the answer's news taken badly ("that sucks", "that's not fair"): sorry, and a way on offered. */
export type Acknowledgement = 'ok' | 'dismay' | 'thanks' | 'bye';

/** Phrases that only say "understood". Longer phrases first so "ok cool" is read as one. */
const OK_PHRASES = [
  'ok', 'okay', 'okey', 'okie', 'k', 'kk', 'oki', 'cool', 'got it', 'gotcha', 'perfect', 'great', 'awesome',
  'alright', 'all right', 'sounds good', 'sounds great', 'makes sense', 'that makes sense', 'understood',
  'nice', 'good', 'fine', 'sure', 'noted', 'i see', 'ah', 'oh', 'ahh', 'oh ok', 'excellent', 'wonderful',
  // Laughing along ("lol ok", "haha got it"; ut21: "lol ok" was "Sorry, I don't know that one").
  'lol', 'lmao', 'haha', 'hahaha', 'hah', 'heh', 'hehe', 'jaja', 'jajaja', 'jeje',
  // Declining what was offered, nothing asked ("no its fine" after "I can't place a phone call": ut23, read as the Terms and Conditions).
  "no it's fine", 'no its fine', "nah it's fine", 'nah its fine', "no that's fine", 'no thats fine', "no that's ok", 'no thats ok', "no it's ok", 'no its ok',
  "it's fine", 'its fine', "that's fine", 'thats fine', "that's ok", 'thats ok', "it's ok", 'its ok', "it's okay", 'its okay', 'no worries', 'no problem', 'no need', 'nevermind then',
  'will do', 'good to know', 'i understand', 'fair enough', 'that helps', 'very good', 'very helpful', 'helpful',
  // Taken in, nothing asked, and no complaint ("oh well", "ni modo").
  'dang', 'darn', 'oh well', 'wow', 'oh man', 'figures', 'ni modo', 'ni modos',
  'vale', 'perfecto', 'genial', 'muy bien', 'excelente', 'entendido', 'de acuerdo', 'ya veo', 'ya entendí', 'ya entendi', 'buenísimo', 'buenisimo',
  // Mexican, Central American and Caribbean "ok" ("sale gracias" was read as when results come out).
  'sale', 'sale pues', 'va', 'va pues', 'órale', 'orale', 'órale pues', 'orale pues', 'ándale', 'andale', 'ándale pues', 'andale pues',
  'okas', 'oka', 'ok va', 'bueno', 'ah bueno', 'pues bueno', 'listo', 'está bien', 'esta bien', 'ta bien', 'ta bueno', 'entiendo', 'ya entiendo',
  'ah ok', 'ah ya', 'ah ya veo', 'chido', 'chévere', 'chevere', 'bacano', 'de una', 'ok entendido',
];

/**
 * Said of an answer's news, not of the bot ("that sucks" after "no refund", ut23 "thats not fair"
 * was "Okay."): sorry it is not better news, and a way on (ask it another way, or a person).
 */
const DISMAY_PHRASES = [
  'that sucks', 'this sucks', 'it sucks', 'that stinks', 'this stinks', 'bummer', 'what a bummer', 'oh no', 'ugh', 'too bad', "that's too bad",
  'that is too bad', "that's unfortunate", 'that is unfortunate', 'thats too bad', 'thats unfortunate',
  "that's not fair", 'thats not fair', 'that is not fair', 'not fair', 'no fair', "that's unfair", 'thats unfair', 'that is unfair', 'so unfair',
  'unfair', "that's harsh", 'thats harsh', 'harsh', "that's ridiculous", 'thats ridiculous', 'that is ridiculous', "that's crazy", 'thats crazy',
  'no es justo', 'eso no es justo', 'qué injusto', 'que injusto',
  'qué mal', 'que mal', 'qué pena', 'que pena', 'lástima', 'lastima', 'qué lástima', 'que lastima',
];

/** Phrases that thank. */
const THANKS_PHRASES = [
  'thanks', 'thank you', 'thank u', 'thx', 'thnx', 'thnks', 'thks', 'thanx', 'tnx', 'ty', 'tysm', 'cheers', 'much appreciated',
  'appreciate it', 'i appreciate it', 'thanks a lot', 'thanks so much', 'thank you so much', 'thank you very much',
  'no thanks', 'no thank you', 'nah thanks', 'no thx', 'many thanks', 'thanks again', 'thank you again', 'thnks', 'thks', 'thnk you', 'thnk u', 'tnx', 'tks', 'thankyou',
  // Thanks in the words candidates also use (the acknowledgement only: answers stay in English).
  'gracias', 'muchas gracias', 'mil gracias', 'gracias otra vez', 'gracias de nuevo', 'muchas gracias otra vez',
  'gracias por todo', 'gracias por la ayuda', 'gracias por su ayuda', 'grax', 'grasias', 'gracias pues', 'muchas gracias pues', 'merci', 'merci beaucoup', 'obrigado', 'obrigada', 'danke',
];

/** Phrases that close the conversation. */
const BYE_PHRASES = [
  'bye', 'goodbye', 'good bye', 'bye bye', 'bye now', 'see ya', 'see you', 'later', 'take care',
  "that's all", 'that is all', "that's it", 'that is it', "i'm good", 'im good', "i'm all set", 'all set',
  "i'm done", 'have a good day', 'have a good one', 'have a nice day', 'nothing else',
  // Spanish.
  'adiós', 'adios', 'chao', 'chau', 'hasta luego', 'hasta pronto', 'nos vemos', 'eso es todo', 'es todo', 'nada más', 'nada mas',
];

/**
 * Words that only address the bot ("thanks man", "gracias amigo", "ok buddy"): allowed after an
 * acknowledgement phrase, never alone.
 */
const ADDRESS_WORDS = ['man', 'bro', 'dude', 'buddy', 'sir', 'maam', "ma'am", 'mate', 'friend', 'boss', 'amigo', 'amiga', 'hermano', 'compa', 'jefe', 'señor', 'senor', 'señora', 'senora'];

/** Emoji that acknowledge on their own. Any other emoji is ignored next to words but is not a reply alone. */
const OK_EMOJI = /^(?:👍|👌|🙂|😊|✅|👍🏻|👍🏼|👍🏽|👍🏾|👍🏿)+$/u;
const THANKS_EMOJI = /^(?:🙏|🙏🏻|🙏🏼|🙏🏽|🙏🏾|🙏🏿)+$/u;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{200D}]/gu;

const escape = (phrase: string): string => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (phrases: string[]): string =>
  [...phrases].sort((a, b) => b.length - a.length).map(escape).join('|');

const PHRASE = new RegExp(
  `^(?:(?<bye>${alternatives(BYE_PHRASES)})|(?<thanks>${alternatives(THANKS_PHRASES)})|(?<dismay>${alternatives(DISMAY_PHRASES)})|(?<ok>${alternatives(OK_PHRASES)}))(?=$|[\\s,;:.!-])`,
);
const ADDRESS = new RegExp(`^(?:${alternatives(ADDRESS_WORDS)})(?=$|[\\s,;:.!-])`);
/** What may stand between two phrases: "ok, thanks", "got it - bye", "great and thanks". */
const SEPARATOR = /^(?:[\s,;:.!-]+(?:and\s+|so\s+|then\s+)?)/;

/** Which acknowledgement `text` is, or null when it says anything more. */
export function readAcknowledgement(text: string): Acknowledgement | null {
  if (typeof text !== 'string') {
    throw new TypeError(`${MODULE}: text must be a string, got ${describeValue(text)}`);
  }
  const trimmed = text.trim();
  if (OK_EMOJI.test(trimmed)) return 'ok';
  if (THANKS_EMOJI.test(trimmed)) return 'thanks';

  let rest = normalise(trimmed.replace(EMOJI, ' '))
    // Trailing punctuation changes nothing, but "ok?" asks something.
    .replace(/[\s.!,;:)(-]+$/u, '');
  if (rest === '' || /\?/.test(rest)) return null;

  let strongest: Acknowledgement | null = null;
  while (rest !== '') {
    const address = strongest ? ADDRESS.exec(rest) : null;
    if (address) {
      rest = rest.slice(address[0].length);
      const gap = SEPARATOR.exec(rest);
      if (gap) rest = rest.slice(gap[0].length);
      continue;
    }
    const match = PHRASE.exec(rest);
    if (!match?.groups) return null;
    const found: Acknowledgement = match.groups.bye ? 'bye' : match.groups.thanks ? 'thanks' : match.groups.dismay ? 'dismay' : 'ok';
    strongest = stronger(strongest, found);
    rest = rest.slice(match[0].length);
    const gap = SEPARATOR.exec(rest);
    if (gap) rest = rest.slice(gap[0].length);
  }
  return strongest;
}

const RANK: Record<Acknowledgement, number> = { ok: 0, dismay: 1, thanks: 2, bye: 3 };

function stronger(a: Acknowledgement | null, b: Acknowledgement): Acknowledgement {
  return a === null || RANK[b] > RANK[a] ? b : a;
}

