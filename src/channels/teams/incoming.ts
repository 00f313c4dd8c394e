import { ActivityTypes, Channels } from 'botframework-schema';
import type { Activity, Middleware, TurnContext } from 'botbuilder';

/**
 * Where in Teams the conversation is: a 1:1 chat with the bot, a group chat, or a team channel.
 * Teams sends `conversation.conversationType`; other channels (and old Teams payloads) may only say
 * `isGroup`, which is read as a group chat.
 */
export type TeamsScope = 'personal' | 'groupChat' | 'channel';

export function teamsScope(activity: Pick<Partial<Activity>, 'conversation'>): TeamsScope {
  const conversation = activity.conversation;
  const type = conversation?.conversationType;
  if (type === 'personal' || type === 'groupChat' || type === 'channel') return type;
  return conversation?.isGroup ? 'groupChat' : 'personal';
}

export const isTeams = (activity: Pick<Partial<Activity>, 'channelId'>): boolean => activity.channelId === Channels.Msteams;

interface MentionEntity {
  type: string;
  mentioned?: { id?: string; name?: string };
  text?: string;
}

const isMention = (entity: unknown): entity is MentionEntity =>
  typeof entity === 'object' &&
  entity !== null &&
  typeof (entity as { type?: unknown }).type === 'string' &&
  (entity as { type: string }).type.toLowerCase() === 'mention';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Adjacent `<at>` tags whose words spell `name` are a mention of `name` (Teams may split a name with
 * spaces into one tag per word: "<at>Candidate</at> <at>Assistant</at>"). Removes every such
 * stretch, leaving the other tags of the run in place.
 */
function removeTagRunsNaming(text: string, name: string): string {
  const wanted = squash(name);
  if (!wanted) return text;
  return text.replace(/(?:<at\b[^>]*>[^<]*<\/at>\s*)+/gi, (run) => {
    const tags = [...run.matchAll(/<at\b[^>]*>([^<]*)<\/at>/gi)].map((match) => ({ whole: match[0], words: match[1] ?? '' }));
    for (let from = 0; from < tags.length; from++) {
      for (let to = from; to < tags.length; to++) {
        const words = tags.slice(from, to + 1).map((tag) => tag.words).join(' ');
        if (squash(words) !== wanted) continue;
        const kept = [...tags.slice(0, from), ...tags.slice(to + 1)].map((tag) => tag.whole);
        return ` ${kept.join(' ')} `;
      }
    }
    return run;
  });
}

/**
 * The bot's own @mention removed from `text`: every mention entity that names the recipient (by its
 * exact `text`, or `<at>name</at>` when the entity has no text), then, with or without entities,
 * `<at>` tags that spell the bot's name. Other people's mentions keep their names without the tags.
 */
export function stripBotMention(text: string, activity: Pick<Partial<Activity>, 'entities' | 'recipient'>): { text: string; removed: boolean } {
  const botId = activity.recipient?.id;
  const botName = activity.recipient?.name ?? '';
  let result = text.replace(/&nbsp;|\u00a0/g, ' ');
  const before = result;
  for (const entity of (activity.entities ?? []).filter(isMention)) {
    if (!botId || entity.mentioned?.id !== botId) continue;
    const mentionText = entity.text || (entity.mentioned?.name ? `<at>${entity.mentioned.name}</at>` : '');
    if (mentionText) result = result.replace(new RegExp(escapeRegExp(mentionText), 'gi'), ' ');
    if (entity.mentioned?.name) result = removeTagRunsNaming(result, entity.mentioned.name);
  }
  if (botName) result = removeTagRunsNaming(result, botName);
  const removed = result !== before;
  result = result
    .replace(/<at\b[^>]*>([^<]*)<\/at>/gi, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  // "<at>Bot</at>, how do I ..." leaves a stray comma or colon in front of the question.
  if (removed) result = result.replace(/^[,:;\-–—]+\s*/, '');
  return { text: result, removed };
}

/** The text an Adaptive Card `Action.Submit` carried in its data (`{ text: '...' }`), if any. */
export function submittedText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const text = (value as { text?: unknown }).text;
  return typeof text === 'string' && text.trim() ? text.trim() : undefined;
}

/**
 * Makes a Teams message read like any other channel's before the bot looks at it: the bot's
 * @mention is removed from the text and from the entities (so "<at>Candidate Assistant</at> how do
 * I reschedule" reads "how do I reschedule"), and a card button press that arrives as an empty
 * message with `value: { text }` (a plain `Action.Submit`) gets that text. Other channels and other
 * activity types are left alone; running it twice changes nothing.
 */
export function normaliseTeamsActivity(context: Pick<TurnContext, 'activity'>): void {
  const activity = context.activity;
  if (!isTeams(activity) || activity.type !== ActivityTypes.Message) return;

  if (typeof activity.text === 'string' && activity.text) {
    const { text } = stripBotMention(activity.text, activity);
    activity.text = text;
  }
  const botId = activity.recipient?.id;
  if (botId && activity.entities?.length) {
    activity.entities = activity.entities.filter((entity) => !(isMention(entity) && entity.mentioned?.id === botId));
  }
  if (!(activity.text ?? '').trim()) {
    const submitted = submittedText(activity.value);
    if (submitted) activity.text = submitted;
  }
}

/** `adapter.use(new TeamsIncomingMiddleware())`: normalises every Teams message before the bot runs. */
export class TeamsIncomingMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    normaliseTeamsActivity(context);
    await next();
  }
}
