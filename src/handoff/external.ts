/**
 * Handoff to an external contact centre (HANDOFF_MODE=external), e.g. Dynamics 365 Omnichannel, using the
 * Bot Framework handoff protocol: the bot sends a `handoff.initiate` event with the transcript attached, and
 * the desk answers with `handoff.status` events. Pure helpers: they build and read activities, nothing more.
 */
import { ActivityTypes } from 'botframework-schema';
import { HandoffEventNames } from 'botbuilder/lib/handoffEventNames.js';
import { TurnContext } from 'botbuilder-core';
import type { Activity, Attachment, ChannelAccount, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { CaseSummary, HandoffReason, TranscriptLine } from './types.js';

/** Content type of the transcript attachment on `handoff.initiate`. */
// What botbuilder's own EventFactory.createHandoffInitiation attaches, so desks built on it read ours.
export const TRANSCRIPT_CONTENT_TYPE = 'application/json';

/** What the desk receives as the handoff context (the event's `value`). */
export interface ExternalHandoffContext {
  reason: HandoffReason;
  topic: string;
  summary: CaseSummary;
}

export type HandoffStatusState = 'accepted' | 'failed' | 'completed';

export interface HandoffStatus {
  state: HandoffStatusState;
  /** The desk's explanation, typically for `failed`. */
  message?: string;
}

function fail(message: string): never {
  throw new Error(`external: ${message}`);
}

/**
 * Turns the case transcript into message activities, oldest first, as the candidate experienced it:
 * candidate lines come from the candidate (`role: 'user'`), bot lines from the bot (`role: 'bot'`), and agent
 * lines that reached the candidate from the bot account with the name "Staff". System lines and agent lines
 * that failed to arrive are left out. Text is passed on exactly as given (it is already redacted).
 */
function transcriptActivities(context: TurnContext, transcript: TranscriptLine[]): Array<Partial<Activity>> {
  const { from: user, recipient: bot, conversation, channelId, serviceUrl } = context.activity;
  const candidate: ChannelAccount = { id: user?.id ?? 'candidate', name: user?.name ?? 'Candidate', role: 'user' };
  const botAccount: ChannelAccount = { id: bot?.id ?? 'bot', name: bot?.name ?? 'Bot', role: 'bot' };
  const staff: ChannelAccount = { ...botAccount, name: 'Staff' };
  const activities: Array<Partial<Activity>> = [];
  for (const line of transcript) {
    let from: ChannelAccount;
    if (line.from === 'candidate') from = candidate;
    else if (line.from === 'bot') from = botAccount;
    else if (line.from === 'agent' && line.delivery !== 'failed') from = staff;
    else continue;
    const timestamp = new Date(line.at);
    if (Number.isNaN(timestamp.getTime())) fail(`transcript line "${line.id}" has time "${line.at}", not an ISO time`);
    activities.push({
      type: ActivityTypes.Message,
      id: line.id,
      timestamp,
      channelId,
      serviceUrl,
      conversation,
      from,
      recipient: from === candidate ? botAccount : candidate,
      text: line.text,
    });
  }
  return activities;
}

/**
 * Builds the `handoff.initiate` event that asks the contact centre to take the conversation.
 *
 * Same shape as botbuilder's `EventFactory.createHandoffInitiation` (from, conversation, relatesTo, replyToId,
 * serviceUrl, channelId, the handoff context as `value`), built here because that factory reads the clock,
 * generates a random id and labels the transcript `application/json`. The transcript goes in one attachment
 * named "Transcript" with content type {@link TRANSCRIPT_CONTENT_TYPE} and content `{ activities }`.
 * `details.now`, when given, stamps the event's `timestamp`; otherwise the adapter or channel stamps it.
 *
 * @throws Error `external: ...` when a transcript line's time is not an ISO time.
 */
export function handoffInitiation(
  context: TurnContext,
  details: { reason: HandoffReason; topic: string; summary: CaseSummary; transcript: TranscriptLine[]; now?: Date },
): Partial<Activity> {
  const { activity } = context;
  const value: ExternalHandoffContext = { reason: details.reason, topic: details.topic, summary: details.summary };
  const attachment: Attachment = {
    contentType: TRANSCRIPT_CONTENT_TYPE,
    name: 'Transcript',
    content: { activities: transcriptActivities(context, details.transcript) },
  };
  return {
    type: ActivityTypes.Event,
    name: HandoffEventNames.InitiateHandoff,
    value,
    from: activity.from,
    conversation: activity.conversation,
    relatesTo: TurnContext.getConversationReference(activity) as ConversationReference,
    replyToId: activity.id,
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    attachments: [attachment],
    entities: [],
    ...(details.now ? { timestamp: details.now } : {}),
  };
}

const statusValue = z.object({
  state: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['accepted', 'failed', 'completed'])),
  message: z.string().nullish(),
});

/**
 * Reads a `handoff.status` event from the contact centre: `accepted` (an agent has it), `failed` (it could
 * not be handed off; `message` says why) or `completed` (the desk is done and the bot answers again).
 * The state is matched case-insensitively. Any other activity, and a status whose `value` is not
 * `{ state, message? }` with a known state, gives null; this never throws.
 */
export function readHandoffStatus(activity: Partial<Activity>): HandoffStatus | null {
  if (activity.type !== ActivityTypes.Event || activity.name !== HandoffEventNames.HandoffStatus) return null;
  const parsed = statusValue.safeParse(activity.value);
  if (!parsed.success) return null;
  const { state, message } = parsed.data;
  return message == null ? { state } : { state, message };
}
