import type { TurnContext } from 'botbuilder';
import { parseDates, type DateMention } from '../understanding/dates.js';

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
   * The dates a text mentions, parsed at most once per text per turn: the understanding pass, the
   * slot readers and the sign-in reader all ask for the same message's dates.
   */
  dates(text: string): DateMention[];
}

export const turnFactsKey = Symbol('turnFacts');

/** Facts for a turn, with a date parser that remembers what it parsed in this turn. */
export function makeTurnFacts(facts: Omit<TurnFacts, 'dates' | 'channel' | 'zoneFromChannel'> & Partial<Pick<TurnFacts, 'channel' | 'zoneFromChannel'>>): TurnFacts {
  const parsed = new Map<string, DateMention[]>();
  const made: TurnFacts = {
    channel: 'test',
    zoneFromChannel: false,
    ...facts,
    dates(text: string): DateMention[] {
      let mentions = parsed.get(text);
      if (!mentions) {
        mentions = fromLongerText(parsed, text) ?? parseDates(text, { now: made.now, zone: made.zone });
        parsed.set(text, mentions);
      }
      return mentions;
    },
  };
  return made;
}

/**
 * The mentions of `text` read off a text already parsed that holds it, so a message is parsed once:
 * - "hi, I failed A5 on March 3" was parsed, and the task reads "I failed A5 on March 3" (the
 *   greeting stripped: `text` ends the parsed text);
 * - "when can I retake it? DEMO-0001 1980-01-01 0001" was parsed, and the task reads it with the
 *   sign-in details blanked to spaces (`text` begins the parsed text, with blanks where it differs):
 *   the mentions under a blank (the birth date) drop.
 * Only when no kept mention runs across where `text` begins or ends (chrono then read the parts
 * together, and `text` alone must be parsed); the others move to `text`'s offsets.
 */
function fromLongerText(parsed: Map<string, DateMention[]>, text: string): DateMention[] | undefined {
  if (!text) return undefined;
  for (const [whole, mentions] of parsed) {
    if (whole.length < text.length || whole === text) continue;
    for (const start of new Set([whole.length - text.length, 0])) {
      const blanked = blanksIn(whole, text, start);
      if (!blanked) continue;
      const end = start + text.length;
      const kept: DateMention[] = [];
      let across = false;
      for (const m of mentions) {
        const [from, to] = [m.index, m.index + m.text.length];
        if (to <= start || from >= end) continue;
        if (blanked.some(([a, b]) => from < b && a < to)) continue;
        if (from < start || to > end) across = true;
        kept.push({ ...m, index: from - start });
      }
      if (!across) return kept;
    }
  }
  return undefined;
}

/**
 * Where `text` differs from `whole` read from `start`, as [from, to) spans of `whole`, when every
 * difference is `text` holding whitespace; undefined when `text` is not `whole` with blanks there.
 */
function blanksIn(whole: string, text: string, start: number): Array<[number, number]> | undefined {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === whole.charCodeAt(start + i)) continue;
    if (!/\s/.test(text[i]!)) return undefined;
    const last = spans[spans.length - 1];
    if (last && last[1] === start + i) last[1]++;
    else spans.push([start + i, start + i + 1]);
  }
  return spans;
}

export function turnFacts(context: TurnContext): TurnFacts {
  const facts = context.turnState.get(turnFactsKey) as TurnFacts | undefined;
  if (!facts) throw new Error('conversation/turnFacts: turn facts (now, zone) were not set on this turn');
  return facts;
}
