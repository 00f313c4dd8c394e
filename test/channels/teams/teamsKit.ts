// Teams helpers: plain builders of what Teams sends (activities, mentions) and reads (cards), and
// startTeamsBot, the production composition (startBot) spoken to as Teams. The one test that runs
// the bot WITHOUT TeamsIncomingMiddleware (teamsTurn.test.ts) builds its own bot there, with the reason.
import type { Activity, Attachment } from 'botbuilder';
import { onTestFinished } from 'vitest';
import type { TeamsScope } from '../../../src/channels/teams/incoming.js';
import { cardActions, type AdaptiveCard } from '../../../src/channels/teams/renderTeams.js';
import { startBot, type RunningBot } from '../../support/conversation.js';
import { shippedKnowledge } from '../../support/testApp.js';

export const BOT_ID = '28:00000000-0000-0000-0000-0000000000b0';
export const BOT_NAME = 'Candidate Assistant';
export const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const TENANT = '72f988bf-0000-0000-0000-000000000001';

const conversationIds: Record<TeamsScope, string> = {
  personal: 'a:1personal-chat-with-the-bot',
  groupChat: '19:group-chat-0001@thread.v2',
  channel: '19:general-channel-0001@thread.tacv2;messageid=1700000000000',
};

/** `<at>Candidate Assistant</at>` and the mention entity Teams sends with it. */
export const botMention = (name = BOT_NAME, id = BOT_ID) => ({
  text: `<at>${name}</at>`,
  entity: { type: 'mention', text: `<at>${name}</at>`, mentioned: { id, name } },
});

/** A message as Teams delivers it: Teams ids, tenant, conversationType, clientInfo entity. */
export function teamsMessage(text: string, options: { scope?: TeamsScope; entities?: unknown[]; value?: unknown; id?: string } = {}): Partial<Activity> {
  const scope = options.scope ?? 'personal';
  return {
    type: 'message',
    ...(options.id ? { id: options.id } : {}),
    text,
    textFormat: 'plain',
    channelId: 'msteams',
    serviceUrl: TEAMS_SERVICE_URL,
    from: { id: '29:1candidate-user-id', name: 'Pat Candidate', aadObjectId: '00000000-0000-0000-0000-0000000000c1' },
    recipient: { id: BOT_ID, name: BOT_NAME },
    conversation: {
      id: conversationIds[scope],
      conversationType: scope,
      isGroup: scope !== 'personal',
      tenantId: TENANT,
      name: '',
    },
    entities: [
      ...(options.entities ?? []),
      { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'America/New_York' },
    ] as Activity['entities'],
    channelData: {
      tenant: { id: TENANT },
      ...(scope === 'channel'
        ? { team: { id: '19:team-0001@thread.tacv2' }, channel: { id: '19:general-channel-0001@thread.tacv2' } }
        : {}),
    },
    ...(options.value !== undefined ? { value: options.value } : {}),
    locale: 'en-US',
  };
}

/** "@Candidate Assistant <text>" in a group chat or channel. */
export const mentionedMessage = (text: string, scope: TeamsScope = 'channel') => {
  const mention = botMention();
  return teamsMessage(`${mention.text} ${text}`, { scope, entities: [mention.entity] });
};

/**
 * The application as `npm start` composes it (Teams middleware, renderTeams), closed when the test
 * ends, and `send`, which posts a Teams activity (from {@link teamsMessage}: its own conversation,
 * scope and ids) through the local connector and returns every activity the bot sent back. The
 * activity's Teams `serviceUrl` is left off so the replies come back to the connector.
 */
export async function startTeamsBot(): Promise<{
  bot: RunningBot;
  events: RunningBot['events'];
  knowledge: Awaited<ReturnType<typeof shippedKnowledge>>;
  send(activity: Partial<Activity>): Promise<Array<Partial<Activity>>>;
}> {
  const bot = await startBot();
  onTestFinished(() => bot.close());
  const conversation = bot.conversation({ channel: 'msteams' });
  return {
    bot,
    events: bot.events,
    knowledge: await shippedKnowledge(),
    async send(activity) {
      const { serviceUrl: _teamsServiceUrl, ...rest } = activity;
      return (await conversation.say(rest)).activities;
    },
  };
}

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** The Adaptive Card of an activity, if it carries one. */
export function adaptiveCard(activity: Partial<Activity>): AdaptiveCard | undefined {
  const attachment = (activity.attachments ?? []).find((a: Attachment) => a.contentType === ADAPTIVE_CARD);
  return attachment?.content as AdaptiveCard | undefined;
}

export const buttonsOf = (activity: Partial<Activity>) => {
  const card = adaptiveCard(activity);
  return card ? cardActions(card) : [];
};
