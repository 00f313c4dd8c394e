import { ActivityTypes, InputHints, type Activity, type CardAction } from 'botbuilder';
import type { Reply, ReplyChoice } from '../../conversation/reply.js';
import { foldToGsm7 } from './gsm7.js';
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

export interface SmsChannelData {
  choices?: SmsChoice[];
}

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

/** The plain text of a reply, its numbered choices, and whether it is pure GSM-7. */
export function renderSmsText(reply: Reply, messages: SmsMessages = smsEn): SmsText {
  const blocks: string[] = [];
  const body = stripMarkdown(reply.text);
  if (body) blocks.push(body);
  if (reply.facts?.length) {
    blocks.push(reply.facts.map((fact) => `${stripMarkdown(fact.label).replace(/:\s*$/, '')}: ${stripMarkdown(fact.value)}`).join('\n'));
  }
  // A source is worth a text message only when it is somewhere the candidate can go.
  if (reply.source?.url) blocks.push(`${messages.moreAt} ${reply.source.url}`);
  if (reply.then) blocks.push(stripMarkdown(reply.then));

  let choices: SmsChoice[] = [];
  if (reply.choices?.length) {
    choices = numbered(reply.choices);
    blocks.push([...choices.map((choice) => `${choice.n}. ${choice.title}`), messages.choicesHint].join('\n'));
  } else if (reply.suggestions?.length) {
    choices = numbered(reply.suggestions);
    blocks.push([messages.suggestionsHeading, ...choices.map((choice) => `${choice.n}. ${choice.title}`), messages.suggestionsHint].join('\n'));
  }
  const folded = foldToGsm7(blocks.join('\n\n'));
  return { text: folded.text, choices: choices.map((choice) => ({ ...choice, title: foldToGsm7(choice.title).text })), gsm7: folded.gsm7 };
}

/** A Reply as an SMS message activity: plain text, no cards, no suggested actions. */
export function renderSms(reply: Reply, messages: SmsMessages = smsEn): Partial<Activity> {
  const { text, choices } = renderSmsText(reply, messages);
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    text,
    textFormat: 'plain',
    inputHint: reply.choices?.length ? InputHints.ExpectingInput : InputHints.AcceptingInput,
  };
  if (choices.length) activity.channelData = { choices } satisfies SmsChannelData;
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
