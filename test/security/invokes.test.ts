// Invoke activities are answered in the HTTP response. botbuilder answers those nobody handles with a
// bare 501; the fuzz found it (an invoke with no name), so the bot answers every invoke itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../support/conversation.js';
import { startLoopbackConnector, startSecuredBot } from './support.js';

let sink: Awaited<ReturnType<typeof startLoopbackConnector>>;
let bot: RunningBot;
beforeAll(async () => {
  sink = await startLoopbackConnector();
  bot = await startSecuredBot({ env: { DEV_SERVICE_URL_ALLOW: '' } });
});
afterAll(async () => {
  await bot?.close();
  await sink?.close();
});

async function invoke(name?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const activity = { type: 'invoke', ...(name === undefined ? {} : { name }), serviceUrl: sink.url, channelId: 'msteams', conversation: { id: 'invoke-1' }, from: { id: 'u1' }, recipient: { id: 'bot' } };
  const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('invoke activities', () => {
  it("the channel's health check is answered 200 with a healthy result", async () => {
    const answer = await invoke('healthCheck');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ healthResults: { success: true, messages: ['Candidate Assistant is running'] } });
  });

  it('an invoke the bot does not serve is refused 400, naming it', async () => {
    const answer = await invoke('composeExtension/query');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/answers no invoke 'composeExtension\/query'/);
  });

  it('an invoke without a name is refused 400, not a server error', async () => {
    const answer = await invoke();
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/answers no invoke without a name/);
  });
});
