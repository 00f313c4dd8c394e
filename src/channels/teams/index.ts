import type { Activity, TurnContext } from 'botbuilder';
import type { Reply } from '../../conversation/reply.js';
import { isTeams } from './incoming.js';
import { renderTeams } from './renderTeams.js';

export {
  isTeams,
  normaliseTeamsActivity,
  stripBotMention,
  submittedText,
  TeamsIncomingMiddleware,
  teamsScope,
  type TeamsScope,
} from './incoming.js';
export {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  cardActions,
  renderTeams,
  TEAMS_MAX_SUGGESTED_ACTIONS,
  teamsCard,
  teamsMarkdown,
  type AdaptiveCard,
  type SubmitAction,
} from './renderTeams.js';
export {
  classifyTeamsError,
  retryAfterMs,
  sendToTeams,
  type SendToTeamsOptions,
  type TeamsErrorClassification,
  type TeamsSendFailure,
  type TeamsSendResult,
} from './proactive.js';

/** The Teams channel's id on activities from Azure Bot Service. */
export const TEAMS_CHANNEL_ID = 'msteams';

/** Wraps another renderer: Teams turns get renderTeams, every other channel what `fallback` makes. */
export function withTeamsRendering(
  fallback: (reply: Reply, context: TurnContext) => Partial<Activity>,
): (reply: Reply, context: TurnContext) => Partial<Activity> {
  return (reply, context) => (isTeams(context.activity) ? renderTeams(reply, context) : fallback(reply, context));
}
