import type { TurnContext } from 'botbuilder';
import { parseDates, type DateMention } from '../understanding/dates.js';
import type { Language } from '../language/languages.js';

/**
 * What is true of the turn before anyone reads the message: when and where the candidate is, and
 * on which channel. Set once per turn by the bot; dialogs and readers never read the clock.
 */
export interface TurnFacts {
  now: Date;
  /** The candidate's IANA zone: the channel's, else the configured default. */
  zone: string;
  /** true when the zone came from the channel (the candidate's device), not the default. */
  zoneFromChannel: boolean;
  /** 'webchat', 'sms', 'msteams', ... */
  channel: string;
  locale?: string;
  /**
   * The language of this turn (src/language/detect.ts chooseLanguage): the message is read in it
   * (dates with chrono's parser for it) and answered in it. Set by the bot once it has read the
   * conversation's state; English until then.
   */
  language: Language;
  /**
   * The conversation's first message, with no word of either language in it (sign-in details
   * alone: "DEMO-0004 1980-04-04 0004"): its language is the channel's default, not the candidate's,
   * so an account that prefers another language is answered in that one.
   */
  languageOpen?: boolean;
  /**
   * The dates a text mentions, parsed at most once per text per turn: the understanding pass, the
   * slot readers and the sign-in reader all ask for the same message's dates.
   */
  dates(text: string): DateMention[];
}

export const turnFactsKey = Symbol('turnFacts');

/** Facts for a turn, with a date parser that remembers what it parsed in this turn. */
export function makeTurnFacts(
  facts: Omit<TurnFacts, 'dates' | 'channel' | 'zoneFromChannel' | 'language'> & Partial<Pick<TurnFacts, 'channel' | 'zoneFromChannel' | 'language'>>,
): TurnFacts {
  const parsed = new Map<string, DateMention[]>();
  const made: TurnFacts = {
    channel: 'test',
    zoneFromChannel: false,
    language: 'en',
    ...facts,
    dates(text: string): DateMention[] {
      let mentions = parsed.get(text);
      if (!mentions) {
        mentions = fromLongerText(parsed, text) ?? parseDates(text, { now: made.now, zone: made.zone, language: made.language });
        parsed.set(text, mentions);
      }
      return mentions;
    },
  };
  return made;
}

/**
 * The mentions of `text` read off a text already parsed that ends with it: "hi, I failed A5 on
 * March 3" was parsed, and the task reads "I failed A5 on March 3" (the greeting stripped). Only
 * when no mention runs across where `text` begins (chrono then read the two parts together, and
 * `text` alone must be parsed); the others in `text` move to its offsets, those before it drop.
 */
function fromLongerText(parsed: Map<string, DateMention[]>, text: string): DateMention[] | undefined {
  if (!text) return undefined;
  for (const [whole, mentions] of parsed) {
    if (whole.length <= text.length || !whole.endsWith(text)) continue;
    const start = whole.length - text.length;
    if (mentions.some((m) => m.index < start && m.index + m.text.length > start)) return undefined;
    return mentions.filter((m) => m.index >= start).map((m) => ({ ...m, index: m.index - start }));
  }
  return undefined;
}

export function turnFacts(context: TurnContext): TurnFacts {
  const facts = context.turnState.get(turnFactsKey) as TurnFacts | undefined;
  if (!facts) throw new Error('conversation/turnFacts: turn facts (now, zone) were not set on this turn');
  return facts;
}
