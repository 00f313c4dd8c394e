// Invoke activities are answered in the HTTP response. botbuilder answers those nobody handles with a
// bare 501; the fuzz found it (an invoke with no name), so the bot answers every invoke itself.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../support/conversation.js';
import { startSecuredBot } from './support.js';

let sink: Server;
let sinkUrl: string;
let bot: RunningBot;
beforeAll(async () => {
  sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{"id":"1"}'));
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`;
  bot = await startSecuredBot({ env: { DEV_SERVICE_URL_ALLOW: '' } });
});
afterAll(async () => {
  await bot?.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

async function invoke(name?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const activity = { type: 'invoke', ...(name === undefined ? {} : { name }), serviceUrl: sinkUrl, channelId: 'msteams', conversation: { id: 'invoke-1' }, from: { id: 'u1' }, recipient: { id: 'bot' } };
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
