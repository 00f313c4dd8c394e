// 2,000 generated request bodies (1,000 per auth mode) to every POST route: never a 5xx, never a
// crash (issue 15: the earlier attack sent 2,100 and found 500s when the metadata was unreachable).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../support/conversation.js';
import { routesOf, startLoopbackConnector, startSecuredBot } from './support.js';

let sink: Awaited<ReturnType<typeof startLoopbackConnector>>;
let sinkUrl: string;
beforeAll(async () => {
  sink = await startLoopbackConnector();
  sinkUrl = sink.url;
});
afterAll(() => sink.close());

const scalar = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }));

/** Activities close enough to pass the first checks, with any field wrong in any way. */
const activityLike = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event', 'typing', 'endOfConversation', 'installationUpdate', 'messageReaction', ''), value),
    id: fc.oneof(fc.string({ maxLength: 20 }), value),
    text: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('DEMO-0001, 1980-01-01, 0001', 'sign in', 'agent', 'how much is a duplicate certificate?'), value),
    channelId: fc.oneof(fc.constantFrom('emulator', 'msteams', 'webchat', 'directline', 'sms'), value),
    serviceUrl: fc.oneof(fc.constant('__SINK__'), fc.constantFrom('http://10.0.0.1/', 'urn:x', ''), value),
    conversation: fc.oneof(fc.record({ id: fc.oneof(fc.string({ maxLength: 12 }), value), conversationType: fc.constantFrom('personal', 'groupChat', 'channel') }, { requiredKeys: [] }), value),
    from: fc.oneof(fc.record({ id: fc.string({ maxLength: 12 }), role: fc.constantFrom('user', 'bot') }, { requiredKeys: [] }), value),
    recipient: fc.oneof(fc.record({ id: fc.string({ maxLength: 12 }) }, { requiredKeys: [] }), value),
    value,
    name: value,
    attachments: fc.oneof(fc.array(fc.record({ contentType: fc.oneof(fc.string(), value), content: value }, { requiredKeys: [] }), { maxLength: 3 }), value),
    entities: fc.oneof(fc.array(fc.dictionary(fc.string({ maxLength: 6 }), value), { maxLength: 3 }), value),
    channelData: value,
    membersAdded: fc.oneof(fc.array(fc.record({ id: fc.string({ maxLength: 8 }) }), { maxLength: 2 }), value),
    timestamp: value,
    localTimezone: fc.oneof(fc.constantFrom('America/New_York', 'Mars/Olympus', ''), value),
    user: value,
    username: value,
    password: value,
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  { weight: 5, arbitrary: activityLike.map((a) => JSON.stringify(a)) },
  { weight: 2, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '[]', 'null', '"x"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', '\u0000', '9'.repeat(400)) },
);
const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'application/activity+json', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', '') },
);

async function fuzz(bot: RunningBot, runs: number): Promise<Map<number, number>> {
  const routes = routesOf(bot.app.http.server, 'POST');
  const session = (await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { token: string; conversationId: string };
  const withToken = routes.map((route) => route.replace('x-conversationId', session.conversationId));
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...withToken), body, contentType, fc.boolean(), async (route, text, type, authorized) => {
      const response = await fetch(`${bot.url}${route}`, {
        method: 'POST',
        headers: { ...(type ? { 'content-type': type } : {}), ...(authorized ? { authorization: `Bearer ${session.token}` } : {}) },
        body: text.replaceAll('__SINK__', sinkUrl),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, `${route} ${type} ${text.slice(0, 200)}`).toBeLessThan(500);
    }),
    { numRuns: runs },
  );
  return statuses;
}

describe.each([
  ['no app id (development)', {}],
  ['with an app id', { MicrosoftAppId: '00000000-0000-0000-0000-000000000015', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' }],
])('fuzzing every POST route: %s', (_mode, env) => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startSecuredBot({ env: { ...env, DEV_SERVICE_URL_ALLOW: '' } });
  });
  afterAll(() => bot?.close());

  it('1,000 generated bodies: no 5xx', async () => {
    const statuses = await fuzz(bot, 1000);
    console.info(`[fuzz] statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
    // The bodies reached the routes: some were read and refused for what they said, some answered.
    expect([...statuses.keys()].some((status) => status === 400)).toBe(true);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    // The server is still there.
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
