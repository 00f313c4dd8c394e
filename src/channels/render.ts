import { ActivityTypes } from 'botframework-schema';
import { MessageFactory } from 'botbuilder-core';
import type { Activity, CardAction } from 'botbuilder';
import type { Reply } from '../conversation/reply.js';

/**
 * Renders a Reply for Web Chat, the Emulator and any channel without its own renderer: Markdown
 * text, facts as a list, and choices or suggestions as suggested-action buttons.
 */
export function renderDefault(reply: Reply): Partial<Activity> {
  const lines = [reply.text];
  if (reply.facts?.length) lines.push(reply.facts.map((fact) => `- **${fact.label}:** ${fact.value}`).join('\n'));
  if (reply.source) lines.push(`_${reply.source.label ?? 'Source'}: ${reply.source.title}${reply.source.date ? `, ${reply.source.date}` : ''}_`);
  if (reply.then) lines.push(reply.then);
  const buttons = [...(reply.choices ?? []), ...(reply.suggestions ?? [])];
  const actions: CardAction[] = buttons.map((choice) => ({ type: 'imBack', title: choice.title, value: choice.value }));
  const activity = MessageFactory.text(lines.join('\n\n'));
  activity.type = ActivityTypes.Message;
  activity.textFormat = 'markdown';
  if (actions.length) activity.suggestedActions = { actions, to: [] };
  // Web Chat shows a person's messages under their name and avatar, and system lines as events.
  // A page that can, offers thumbs on an answer and the 1-5 question after a handoff or goodbye.
  const channelData = {
    ...(reply.speaker ? { speaker: reply.speaker } : {}),
    ...(reply.rate ? { rate: reply.rate } : {}),
    ...(reply.survey ? { survey: reply.survey } : {}),
  };
  if (Object.keys(channelData).length) activity.channelData = channelData;
  return activity;
}

