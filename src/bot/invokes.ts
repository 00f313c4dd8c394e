import { ActivityTypes } from 'botframework-schema';
import type { InvokeResponse, TurnContext } from 'botbuilder';

/**
 * What the bot answers to an invoke (a channel asking for a reply in the HTTP response). Its cards
 * send plain messages (Action.Submit / messageBack), so the only invoke it serves is the channel's
 * health check; any other is refused as a bad request naming the invoke, where botbuilder would
 * answer a bare 501 (a server error for what is the caller's request).
 */
const INVOKES = new Map<string, () => InvokeResponse>([
  ['healthCheck', () => ({ status: 200, body: { healthResults: { success: true, messages: ['Candidate Assistant is running'] } } })],
]);

export function invokeResponseFor(name: unknown): InvokeResponse {
  const known = typeof name === 'string' ? INVOKES.get(name) : undefined;
  if (known) return known();
  const named = typeof name === 'string' && name ? `'${name.slice(0, 60)}'` : 'without a name';
  return { status: 400, body: { code: 'BadRequest', message: `bot/invokes: the Candidate Assistant answers no invoke ${named}; its buttons send messages` } };
}

/** Sends the invoke's answer: the adapter returns it as the HTTP response. */
export async function answerInvoke(context: TurnContext): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: invokeResponseFor(context.activity.name) });
}
