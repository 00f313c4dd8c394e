import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBotFrameworkIssuer } from '../support/botFrameworkJwt.js';
import { messageActivity, postJson, startBotServer } from '../support/http.js';


interface SentActivity {
  type: string;
  text?: string;
  replyToId?: string;
}

/** Intercepts the Bot Connector reply on the activity's serviceUrl and hands back what was sent. */
function captureReply(conversationId: string, onAuthorization?: (header: string | undefined) => void) {
  let resolve!: (activity: SentActivity) => void;
  const sent = new Promise<SentActivity>((r) => (resolve = r));
  const scope = nock('http://connector.test')
    .post(new RegExp(`/v3/conversations/${conversationId}/activities`))
    .reply(200, function (this: { req: { headers: Record<string, string> } }, _uri: string, body: SentActivity) {
      onAuthorization?.(this.req.headers.authorization);
      resolve(body);
      return { id: 'sent-1' };
    });
  return { sent, scope };
}

describe('POST /api/messages without an app id (Emulator mode)', () => {
  let server: Awaited<ReturnType<typeof startBotServer>>;
  beforeAll(async () => (server = await startBotServer()));
  afterAll(() => server.close());

  it('answers a question on the activity serviceUrl', async () => {
    const activity = messageActivity('how much does a duplicate certificate cost?');
    const { sent, scope } = captureReply(activity.conversation.id);
    const response = await postJson(`${server.url}/api/messages`, activity);
    expect(response.status).toBe(200);
    const reply = await sent;
    expect(reply.type).toBe('message');
    expect(reply.text).toContain('$7.50');
    expect(reply.replyToId).toBe(activity.id);
    expect(scope.isDone()).toBe(true);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await postJson(`${server.url}/api/messages`, '{"type": "message", ');
    expect(response.status).toBe(400);
  });

  it.each([
    ['an array', [1, 2, 3]],
    ['an object without a type', { text: 'hello' }],
    ['a type that is not a string', { type: 42 }],
    ['a conversation without an id', { type: 'message', conversation: {} }],
  ])('answers %s with 400 and says why', async (_name, body) => {
    const response = await postJson(`${server.url}/api/messages`, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/not a Bot Framework activity/);
  });

  it('reports healthy and ready', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { knowledge: true, storage: true } });
  });
});

type Issuer = ReturnType<typeof fakeBotFrameworkIssuer>;
const appId = '00000000-0000-0000-0000-000000000001';
const serviceUrl = 'http://connector.test';
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('POST /api/messages with an app id configured', () => {
  let server: Awaited<ReturnType<typeof startBotServer>>;
  let issuer: Issuer;
  beforeAll(async () => {
    server = await startBotServer({ MicrosoftAppId: appId, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' });
    issuer = fakeBotFrameworkIssuer();
  });
  beforeEach(() => issuer.publish());
  afterAll(() => server.close());

  it('refuses a request without a token with 401 and sends nothing', async () => {
    const activity = messageActivity('hello');
    const { scope } = captureReply(activity.conversation.id);
    const response = await postJson(`${server.url}/api/messages`, activity);
    expect(response.status).toBe(401);
    expect(scope.isDone()).toBe(false);
  });

  it.each([
    ['signed with an unpublished key', (jwt: Issuer) => jwt.forgedToken(appId, serviceUrl)],
    ['expired', (jwt: Issuer) => jwt.expiredToken(appId, serviceUrl)],
    ['issued for another bot', (jwt: Issuer) => jwt.wrongAudienceToken(serviceUrl)],
    ['unsigned (alg none)', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'https://api.botframework.com', aud: appId })}.`],
  ])('refuses a token %s with 401', async (_name, token) => {
    const response = await postJson(`${server.url}/api/messages`, messageActivity('hello'), {
      authorization: `Bearer ${token(issuer)}`,
    });
    expect(response.status).toBe(401);
  });

  it('accepts a valid channel token and answers with the bot credentials', async () => {
    nock('https://login.microsoftonline.com')
      .persist()
      .post(/\/oauth2\/v2\.0\/token/)
      .reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'outgoing-token' });
    const activity = messageActivity('how do I get a duplicate certificate?');
    let authorization: string | undefined;
    const { sent } = captureReply(activity.conversation.id, (header) => (authorization = header));
    const response = await postJson(`${server.url}/api/messages`, activity, {
      authorization: `Bearer ${issuer.validToken(appId, serviceUrl)}`,
    });
    expect(response.status).toBe(200);
    expect((await sent).text).toContain('$7.50');
    expect(authorization).toBe('Bearer outgoing-token');
  });
});

describe('shutting down', () => {
  it('lets a turn in flight finish before the server closes', async () => {
    const server = await startBotServer();
    const activity = messageActivity('when can I retake a test I failed?');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    nock('http://connector.test')
      .post(new RegExp(`/v3/conversations/${activity.conversation.id}/activities`))
      .reply(200, async () => {
        await gate;
        return { id: 'sent' };
      });
    const pending = postJson(`${server.url}/api/messages`, activity);
    await expect.poll(() => server.http.inFlight()).toBe(1);
    const closing = server.close();
    release();
    const response = await pending;
    expect(response.status).toBe(200);
    await closing;
    expect(server.http.inFlight()).toBe(0);
  });
});
