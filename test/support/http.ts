import type { AddressInfo } from 'node:net';
import { MemoryStorage, type Storage } from 'botbuilder';
import { buildApp } from '../../src/app.js';
import { fixedNow, shippedKnowledge, silentLogger, testConfig } from './testApp.js';

/**
 * A whole bot server (real restify, real adapter) on a free loopback port.
 * TODO(migrate): buildApp without accounts or staff; startBot() from ./conversation.ts is the production wiring.
 */
export async function startBotServer(env: Record<string, string> = {}, storage: Storage = new MemoryStorage()) {
  const app = buildApp({ config: testConfig(env), logger: silentLogger(), storage, knowledge: await shippedKnowledge(), clock: () => fixedNow });
  await new Promise<void>((resolve) => app.http.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.http.server.address() as AddressInfo;
  return {
    ...app,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await Promise.all([app.web.close(1000), app.http.shutdown(1000)]);
    },
  };
}

let counter = 0;
export function messageActivity(text: string, overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    type: 'message',
    id: `activity-${counter}`,
    text,
    channelId: 'emulator',
    serviceUrl: 'http://connector.test',
    conversation: { id: `conversation-${counter}` },
    from: { id: 'user-1', name: 'Candidate' },
    recipient: { id: 'bot-1', name: 'Candidate Assistant' },
    ...overrides,
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
