import { ActivityTypes, InputHints } from 'botframework-schema';
import type { Activity, CardAction } from 'botbuilder';
import type { Reply, ReplyChoice } from '../../conversation/reply.js';
import { countSegments, foldToGsm7 } from './gsm7.js';
import { smsEn, type SmsMessages } from './messages.js';

/**
 * SMS rendering: plain text only (the Azure SMS channel shows Markdown asterisks as they are, and a
 * phone has no buttons), links written out, choices as numbered lines answered with "1", "2", ...
 * The choices travel in `channelData.choices` so NumberedChoicesMiddleware can remember them for the
 * next turn; it strips them before the activity leaves the bot.
 */

/** A numbered line: `n` is what the candidate types back. */
export interface SmsChoice extends ReplyChoice {
  n: number;
}

/** The rest of a shortened answer: sent when the candidate replies MORE (SmsMoreMiddleware keeps it). */
export interface SmsMore {
  text: string;
  /** The numbered suggestions in `text` (they count once the rest has been sent). */
  choices: SmsChoice[];
  /**
   * The short text asked nothing but "Reply MORE" (no question of the bot's, no choices): a yes
   * ("si", "ok", "yes please") then takes up that offer, as MORE does.
   */
  yesIsMore?: true;
}

export interface SmsChannelData {
  choices?: SmsChoice[];
  more?: SmsMore;
  /**
   * The message adds to the last one without replacing its choices (the rest sent on MORE, or the
   * reply that there is none): NumberedChoicesMiddleware keeps what it remembers, so "1" after
   * MORE still picks from the question before it.
   */
  keepChoices?: true;
}

/**
 * A text answer is at most this many segments unless the candidate asks for more: 306 GSM-7
 * characters (two concatenated segments of 153), or 134 UCS-2 units.
 */
export const SHORT_SEGMENTS = 2;

export interface SmsText {
  text: string;
  /** The numbered choices (or suggestions) in the text, in order; empty when there are none. */
  choices: SmsChoice[];
  /** Whether `text` is pure GSM-7 (160 characters to a segment rather than 70). */
  gsm7: boolean;
}

// Private-use stand-ins for escaped Markdown characters while the markup is being removed.
const ESCAPE_BASE = 0xe000;
const ESCAPABLE = '\\`*_{}[]()#+-.!>~|<';

const inline = (line: string): string => {
  let out = line.replace(/\\([\\`*_{}[\]()#+\-.!>~|<])/g, (_m, char: string) => String.fromCharCode(ESCAPE_BASE + ESCAPABLE.indexOf(char)));
  out = out
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:b|i|em|strong|u|p|span|code|small|sub|sup|s|del)\b[^>]*>/gi, '')
    // Autolinks <https://...> and <mailto:...>
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1')
    // Images and links: ![alt](url "title") / [text](url "title") -> "text (url)", or the url when they are the same.
    .replace(/!?\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*["')])?\s*\)/g, (_m, label: string, url: string) => {
      const text = label.trim();
      const bare = url.replace(/^mailto:/i, '');
      if (!text || text === url || text === bare || `https://${text}` === url || `http://${text}` === url) return bare;
      return `${text} (${bare})`;
    })
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([^\n]*?\S)~~/g, '$1')
    .replace(/(^|[^*\w])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![*\w])/g, '$1$2')
    .replace(/(^|[^_\w])_(?=[^\s_])([^_\n]*?[^\s_])_(?![_\w])/g, '$1$2');
  return out.replace(/[\ue000-\ue0ff]/g, (char) => ESCAPABLE[char.charCodeAt(0) - ESCAPE_BASE] ?? '');
};

/** Light Markdown to plain text: emphasis dropped, links written out, bullets kept as "- ", headings and quotes unmarked. */
export function stripMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const raw of lines) {
    if (/^\s{0,3}(```|~~~)/.test(raw)) continue;
    if (/^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/.test(raw)) {
      out.push('');
      continue;
    }
    let line = raw
      .replace(/^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/, '$1')
      .replace(/^\s{0,3}>\s?/, '')
      .replace(/^\s*[-*+\u2022]\s+/, '- ')
      .replace(/^\s+(\d+[.)]\s)/, '$1');
    line = inline(line).replace(/[ \t]+$/g, '');
    out.push(line);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const numbered = (items: ReplyChoice[]): SmsChoice[] =>
  items.map((item, index) => ({ n: index + 1, title: stripMarkdown(item.title).replace(/\s+/g, ' '), value: item.value }));

/** A reply's SMS blocks, in order: the answer's paragraphs, facts and source, the closing question, the numbered lines. */
interface SmsBlocks {
  /** Paragraphs of the answer, then its facts and source: the first answers on its own. */
  lead: string[];
  then?: string;
  /** The numbered choices or suggestions block, and its choices. */
  numbered?: { text: string; choices: SmsChoice[]; required: boolean };
}

function smsBlocks(reply: Reply, messages: SmsMessages): SmsBlocks {
  const lead = stripMarkdown(reply.text)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  if (reply.facts?.length) {
    lead.push(reply.facts.map((fact) => `${stripMarkdown(fact.label).replace(/:\s*$/, '')}: ${stripMarkdown(fact.value)}`).join('\n'));
  }
  // A source is worth a text message only when it is somewhere the candidate can go.
  if (reply.source?.url) lead.push(`${messages.moreAt} ${reply.source.url}`);
  const blocks: SmsBlocks = { lead };
  const then = reply.then ? stripMarkdown(reply.then) : '';
  if (then) blocks.then = then;
  if (reply.choices?.length) {
    const choices = numbered(reply.choices);
    blocks.numbered = { text: [...choices.map((choice) => `${choice.n}. ${choice.title}`), messages.choicesHint].join('\n'), choices, required: true };
  } else if (reply.suggestions?.length) {
    const choices = numbered(reply.suggestions);
    blocks.numbered = { text: [messages.suggestionsHeading, ...choices.map((choice) => `${choice.n}. ${choice.title}`), messages.suggestionsHint].join('\n'), choices, required: false };
  }
  // With a numbered menu to reply to, the answer's own numbered steps read "Step 2:", so "2" can
  // only mean the menu's second item (the ADA steps and "You can also ask: 1. ... 2. ..." clashed).
  if (blocks.numbered) blocks.lead = lead.map((paragraph) => paragraph.replace(/^(\d{1,2})\.\s+/gm, `${messages.step} $1: `));
  return blocks;
}

const smsText = (blocks: string[], choices: SmsChoice[] = [], spelling: (text: string) => string = (text) => text): SmsText => {
  const folded = foldToGsm7(spelling(blocks.join('\n\n')));
  return { text: folded.text, choices: choices.map((choice) => ({ ...choice, title: foldToGsm7(spelling(choice.title)).text })), gsm7: folded.gsm7 };
};

/** The plain text of a reply, its numbered choices, and whether it is pure GSM-7. */
export function renderSmsText(reply: Reply, messages: SmsMessages = smsEn): SmsText {
  const { lead, then, numbered: list } = smsBlocks(reply, messages);
  return smsText([...lead, ...(then ? [then] : []), ...(list ? [list.text] : [])], list?.choices, messages.spelling);
}

const fitsShortIn = (spelling: (text: string) => string) => (text: string): boolean => countSegments(foldToGsm7(spelling(text)).text).segments <= SHORT_SEGMENTS;

/**
 * Any reply as one short text and the rest, when the whole would cost more than two segments (a
 * knowledge-base answer, a task's answer, an account's list, a handoff notice alike): the answer's
 * first paragraph (and the next ones while they fit; of a list, its first lines while they fit),
 * "Reply MORE for details", the question the bot goes back to, and the choices the candidate must
 * pick from; the rest (details, the list's other lines, source, suggestions) waits for MORE. Choices
 * to pick from are never held back: they close the short text, and close the rest again (so "2"
 * after MORE still picks). A first paragraph too long on its own is cut at its last sentence (or
 * word) that fits.
 */
export function renderSmsShort(reply: Reply, messages: SmsMessages = smsEn): { short: SmsText; more?: SmsText } {
  const full = renderSmsText(reply, messages);
  const blocks = smsBlocks(reply, messages);
  const fitsShort = fitsShortIn(messages.spelling);
  if (fitsShort(full.text) || blocks.lead.length === 0) return { short: full };
  const required = blocks.numbered?.required ? blocks.numbered : undefined;
  const closing = required ? [required.text] : [];
  // The question the bot waits on stays; when it leaves no room for the answer's first sentence,
  // its later sentences (an "or sign in" aside) go with the rest.
  let then = blocks.then;
  let thenRest = '';
  if (then) {
    const opening = sentencesOf(blocks.lead[0]!)[0]!.trim();
    const kept = fitting(then, (text) => fitsShort([opening, messages.moreHint, text, ...closing].join('\n\n')));
    if (kept.rest && !kept.rest.startsWith('...')) [then, thenRest] = [kept.shown, kept.rest];
  }
  const tail = [messages.moreHint, ...(then ? [then] : []), ...closing];
  // The first sentence does not fit whole beside the question: the knowledge's brief says it (its
  // key fact whole, not cut between words), and MORE sends the whole answer.
  const brief = reply.brief ? stripMarkdown(reply.brief) : '';
  if (brief && !fitsShort([sentencesOf(blocks.lead[0]!)[0]!.trim(), ...tail].join('\n\n'))) {
    const briefThen = blocks.then ? fitting(blocks.then, (text) => fitsShort([brief, messages.moreHint, text, ...closing].join('\n\n'))) : undefined;
    const kept = briefThen && !briefThen.rest.startsWith('...') ? briefThen : { shown: blocks.then ?? '', rest: '' };
    if (fitsShort([brief, messages.moreHint, kept.shown, ...closing].filter(Boolean).join('\n\n'))) {
      const more = smsText([...blocks.lead, ...(kept.rest ? [kept.rest] : []), ...(blocks.numbered ? [blocks.numbered.text] : [])], blocks.numbered?.choices, messages.spelling);
      return { short: smsText([brief, messages.moreHint, ...(kept.shown ? [kept.shown] : []), ...closing], required?.choices, messages.spelling), more };
    }
  }
  const first = fitting(blocks.lead[0]!, (lead) => fitsShort([lead, ...tail].join('\n\n')));
  const taken: string[] = [first.shown];
  const rest: string[] = first.rest ? [first.rest] : [];
  const later = blocks.lead.slice(1);
  while (!first.rest && later.length > 0) {
    const paragraph = later[0]!;
    // The last of a reply's answers ("cómo actualizo mi dirección y cuándo llega mi certificado"), where
    // only offered suggestions would be left for MORE, is sent whole when it fits without the MORE
    // hint: the suggestions then wait for MORE only if their own hint still fits.
    const lastAnswer = later.length === 1 && taken.length < (reply.answers ?? 0) && !thenRest && !required && blocks.numbered !== undefined;
    if (fitsShort([...taken, paragraph, ...tail].join('\n\n')) || (lastAnswer && fitsShort([...taken, paragraph, ...(then ? [then] : [])].join('\n\n')))) {
      taken.push(later.shift()!);
      continue;
    }
    // A list (facts, one a line): its first lines while they fit; the others wait for MORE.
    const lines = paragraph.split('\n');
    let count = 0;
    while (count < lines.length - 1 && fitsShort([...taken, lines.slice(0, count + 1).join('\n'), ...tail].join('\n\n'))) count++;
    if (count > 0) {
      taken.push(lines.slice(0, count).join('\n'));
      later[0] = lines.slice(count).join('\n');
    }
    break;
  }
  rest.push(...later, ...(thenRest ? [thenRest] : []));
  // Nothing of the answer held back, only its suggestions: MORE promises those, never "details"
  // (ut23: "Reply MORE for details" and then only "You can also ask: ..."); where that hint does not
  // fit, the suggestions are left out (they are offered, never required).
  if (rest.length === 0 && !required && blocks.numbered) {
    const others = [messages.moreSuggestionsHint, ...(then ? [then] : [])];
    if (fitsShort([...taken, ...others].join('\n\n'))) {
      return { short: smsText([...taken, ...others], [], messages.spelling), more: smsText([blocks.numbered.text], blocks.numbered.choices, messages.spelling) };
    }
    return { short: smsText([...taken, ...(then ? [then] : [])], [], messages.spelling) };
  }
  const more = smsText([...rest, ...(blocks.numbered ? [blocks.numbered.text] : [])], blocks.numbered?.choices, messages.spelling);
  return { short: smsText([...taken, ...tail], required?.choices, messages.spelling), more };
}

/** A paragraph's sentences, each with the space after it (so they join back to the paragraph). */
const sentencesOf = (paragraph: string): string[] => paragraph.match(/[^.!?]+(?:[.!?]+["')\]]*|$)\s*/g) ?? [paragraph];

/** The longest start of `paragraph` that `fits` (whole sentences, else whole words and "..."), and what is left of it. */
function fitting(paragraph: string, fits: (text: string) => boolean): { shown: string; rest: string } {
  if (fits(paragraph)) return { shown: paragraph, rest: '' };
  const sentences = sentencesOf(paragraph);
  let kept = '';
  for (const sentence of sentences) {
    if (!fits(kept + sentence.trimEnd())) break;
    kept += sentence;
  }
  if (kept.trim()) return { shown: kept.trim(), rest: paragraph.slice(kept.length).trim() };
  const words = paragraph.split(/\s+/);
  let count = 0;
  while (count < words.length && fits(`${words.slice(0, count + 1).join(' ')}...`)) count++;
  return { shown: `${words.slice(0, count).join(' ')}...`, rest: `...${words.slice(count).join(' ')}` };
}

/**
 * A Reply as an SMS message activity: plain text, no cards, no suggested actions. A long answer is
 * its short form, with the rest in `channelData.more` for SmsMoreMiddleware to keep until MORE.
 */
export function renderSms(reply: Reply, messages: SmsMessages = smsEn): Partial<Activity> {
  const { short, more } = renderSmsShort(reply, messages);
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    text: short.text,
    textFormat: 'plain',
    inputHint: reply.choices?.length ? InputHints.ExpectingInput : InputHints.AcceptingInput,
  };
  const channelData: SmsChannelData = {};
  if (short.choices.length) channelData.choices = short.choices;
  if (more) channelData.more = { text: more.text, choices: more.choices, ...(!reply.speaker && !reply.then && !reply.choices?.length && !short.text.includes('?') ? { yesIsMore: true as const } : {}) };
  if (Object.keys(channelData).length) activity.channelData = channelData;
  return activity;
}

/** Choices an outgoing activity offers: the ones renderSms recorded, else its suggested actions. */
export function choicesOf(activity: Partial<Activity>): SmsChoice[] {
  const recorded = (activity.channelData as SmsChannelData | undefined)?.choices;
  if (Array.isArray(recorded)) {
    return recorded.filter((choice) => typeof choice?.title === 'string' && typeof choice.value === 'string');
  }
  const actions: CardAction[] = activity.suggestedActions?.actions ?? [];
  return actions
    .filter((action) => typeof action.title === 'string' || typeof action.value === 'string')
    .map((action, index) => ({
      n: index + 1,
      title: stripMarkdown(String(action.title ?? action.value)).replace(/\s+/g, ' '),
      value: String(action.value ?? action.title),
    }));
}

/**
 * The safety net for activities that did not come through renderSms (another renderer, a plain
 * `sendActivity('**text**')`, a staff message): Markdown stripped, suggested actions as numbered
 * lines, folded to GSM-7. Activities renderSms produced pass through unchanged.
 */
export function plainSmsText(activity: Partial<Activity>, messages: SmsMessages = smsEn): string {
  const recorded = (activity.channelData as SmsChannelData | undefined)?.choices;
  const raw = activity.text ?? '';
  if (Array.isArray(recorded) || (activity.textFormat === 'plain' && !activity.suggestedActions?.actions?.length)) {
    return foldToGsm7(raw).text.trim();
  }
  const text = activity.textFormat === 'plain' || activity.textFormat === 'xml' ? raw : stripMarkdown(raw);
  const choices = choicesOf(activity);
  const blocks = [text.trim()].filter(Boolean);
  if (choices.length) blocks.push([...choices.map((choice) => `${choice.n}. ${choice.title}`), messages.choicesHint].join('\n'));
  return foldToGsm7(blocks.join('\n\n')).text;
}
