import { ActivityTypes } from 'botframework-schema';
import { CardFactory } from 'botbuilder-core';
import type { Activity, Attachment, CardAction, TurnContext } from 'botbuilder';
import { renderDefault } from '../render.js';
import type { Reply, ReplyChoice, ReplyFact } from '../../conversation/reply.js';
import { isTeams, teamsScope } from './incoming.js';

/** Teams shows at most three suggested actions and silently drops the rest. */
export const TEAMS_MAX_SUGGESTED_ACTIONS = 3;
/** Highest Adaptive Card version every Teams client renders (desktop, web and mobile). */
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** The `data` of a card button: Teams turns `msteams` into a messageBack, other hosts send `text`. */
export interface SubmitData {
  msteams: { type: 'messageBack'; text: string; displayText: string };
  text: string;
}
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: SubmitData;
}
export interface ActionSet {
  type: 'ActionSet';
  actions: SubmitAction[];
  separator?: boolean;
  spacing?: 'small' | 'medium';
}
export interface FactSet {
  type: 'FactSet';
  facts: Array<{ title: string; value: string }>;
}
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: Array<ActionSet | FactSet>;
}

/**
 * Light Markdown made safe for Teams text messages: Teams ignores a single line break (only a blank
 * line breaks a line), renders no headings or rules, and reads anything tag-like as HTML. So every
 * line becomes its own paragraph, headings become bold lines, rules go, and `<` before a letter is
 * escaped. Bold, italics, links and `-` lists pass through.
 */
export function teamsMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => !/^\s*(?:[-*_]\s*){3,}$/.test(line))
    .map((line) => line.replace(/^\s*#{1,6}\s+(.+?)\s*#*$/, '**$1**'))
    .filter((line) => line.trim() !== '')
    .join('\n\n');
}

const submit = (choice: ReplyChoice): SubmitAction => ({
  type: 'Action.Submit',
  title: choice.title,
  data: { msteams: { type: 'messageBack', text: choice.value, displayText: choice.title }, text: choice.value },
});

/**
 * The Adaptive Card for a reply's facts and buttons. Each button sits in its own ActionSet, so
 * buttons stack one per row at full width (a long question stays readable) and Teams' limit on
 * actions per set never hides one. Suggestions come after the choices, set apart by a separator.
 */
export function teamsCard(reply: Pick<Reply, 'facts' | 'choices' | 'suggestions'>): AdaptiveCard | undefined {
  const body: AdaptiveCard['body'] = [];
  if (reply.facts?.length) body.push({ type: 'FactSet', facts: reply.facts.map((fact) => ({ title: fact.label, value: fact.value })) });
  const choices = reply.choices ?? [];
  const suggestions = reply.suggestions ?? [];
  choices.forEach((choice, index) => body.push({ type: 'ActionSet', actions: [submit(choice)], ...(index > 0 ? { spacing: 'small' } : {}) }));
  suggestions.forEach((choice, index) =>
    body.push({
      type: 'ActionSet',
      actions: [submit(choice)],
      ...(index === 0 && body.length > 0 ? { separator: true } : index > 0 ? { spacing: 'small' } : {}),
    }),
  );
  if (!body.length) return undefined;
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: ADAPTIVE_CARD_VERSION, body };
}

/** Every button on a card, in order (for tests and for logging what was offered). */
export const cardActions = (card: AdaptiveCard): SubmitAction[] =>
  card.body.flatMap((element) => (element.type === 'ActionSet' ? element.actions : []));

const factLines = (facts: ReplyFact[]): string[] => facts.map((fact) => `**${fact.label}:** ${fact.value}`);

function text(reply: Reply, factsInText: boolean): string {
  const parts = [reply.text];
  if (factsInText && reply.facts?.length) parts.push(...factLines(reply.facts));
  if (reply.source) parts.push(`_${reply.source.label ?? 'Source'}: ${reply.source.title}${reply.source.date ? `, ${reply.source.date}` : ''}_`);
  if (reply.then) parts.push(reply.then);
  return teamsMarkdown(parts.join('\n\n'));
}

/**
 * Renders a Reply for Microsoft Teams.
 * - Personal (1:1) chat: Markdown text with facts as lines, choices and suggestions as imBack
 *   suggested actions, as long as they fit the three Teams shows.
 * - Group chats and channels (and a personal reply with more buttons than Teams would show): the
 *   text, plus an Adaptive Card 1.5 with the facts on a FactSet and one Action.Submit button
 *   (messageBack) per choice. No suggested actions: Teams does not show them there.
 * Any other channel gets the default renderer, so this can be the bot's only renderer.
 */
export function renderTeams(reply: Reply, context: Pick<TurnContext, 'activity'>): Partial<Activity> {
  if (!isTeams(context.activity)) return renderDefault(reply);
  const buttons = [...(reply.choices ?? []), ...(reply.suggestions ?? [])];
  const personal = teamsScope(context.activity) === 'personal';

  if (personal && buttons.length <= TEAMS_MAX_SUGGESTED_ACTIONS) {
    const activity: Partial<Activity> = { type: ActivityTypes.Message, text: text(reply, true), textFormat: 'markdown' };
    if (buttons.length) {
      const actions: CardAction[] = buttons.map((choice) => ({ type: 'imBack', title: choice.title, value: choice.value }));
      activity.suggestedActions = { actions, to: [] };
    }
    return activity;
  }

  const card = teamsCard(reply);
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text: text(reply, !card), textFormat: 'markdown' };
  if (card) {
    const attachment: Attachment = CardFactory.adaptiveCard(card);
    activity.attachments = [attachment];
  }
  return activity;
}
