import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startWebServer, type WebServer } from './support.js';

const secret = 'azure-direct-line-secret-for-tests';


describe('POST /api/directline/token on Azure (DIRECTLINE_SECRET set)', () => {
  let server: WebServer;
  beforeAll(async () => (server = await startWebServer({ env: { DIRECTLINE_SECRET: secret }, onTurn: async () => undefined })));
  afterAll(() => server.close());

  it('exchanges the secret for a token bound to a generated dl_ user id', async () => {
    let sentUser = '';
    const scope = nock('https://directline.botframework.com', { reqheaders: { authorization: `Bearer ${secret}` } })
      .post('/v3/directline/tokens/generate', (body: { user?: { id?: string } }) => {
        sentUser = body.user?.id ?? '';
        return /^dl_[A-Za-z0-9_-]{16}$/.test(sentUser) && Object.keys(body).length === 1;
      })
      .reply(200, { conversationId: 'AzureConv-1', token: 'azure-token-1', expires_in: 3600 });

    const response = await call(server.url, '/api/directline/token', { body: {} });
    expect(response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.json).toEqual({
      token: 'azure-token-1',
      conversationId: 'AzureConv-1',
      userId: sentUser,
      expiresIn: 3600,
      domain: 'https://directline.botframework.com/v3/directline',
      webSocket: true,
    });
    expect(response.text).not.toContain(secret);
  });

  it('generates a different user for every page', async () => {
    const users: string[] = [];
    nock('https://directline.botframework.com')
      .post('/v3/directline/tokens/generate', (body: { user: { id: string } }) => users.push(body.user.id) > 0)
      .times(2)
      .reply(200, { conversationId: 'c', token: 't', expires_in: 3600 });
    await call(server.url, '/api/directline/token', { body: {} });
    await call(server.url, '/api/directline/token', { method: 'POST' });
    expect(users).toHaveLength(2);
    expect(users[0]).not.toBe(users[1]);
  });

  it.each([
    ['refuses the secret', () => nock('https://directline.botframework.com').post('/v3/directline/tokens/generate').reply(403, { error: { code: 'BadArgument' } }), 502],
    ['sends something else', () => nock('https://directline.botframework.com').post('/v3/directline/tokens/generate').reply(200, { token: 42 }), 502],
    ['cannot be reached', () => nock('https://directline.botframework.com').post('/v3/directline/tokens/generate').replyWithError('ECONNRESET'), 502],
  ])('answers %s from the token service with %s, naming no secret', async (_name, intercept, status) => {
    const scope = intercept();
    const response = await call(server.url, '/api/directline/token', { body: {} });
    expect(scope.isDone()).toBe(true);
    expect(response.status).toBe(status);
    expect(response.json.error).toBe('the chat service is unavailable; try again shortly');
    expect(response.text).not.toContain(secret);
  });

  it('does not mount the built-in Direct Line, and lets the page reach Azure', async () => {
    expect((await call(server.url, '/v3/directline/conversations', { body: {} })).status).toBe(404);
    const page = await call(server.url, '/');
    expect(page.headers.get('content-security-policy')).toContain(
      "connect-src 'self' https://directline.botframework.com wss://directline.botframework.com",
    );
  });
});

describe('a regional Direct Line (DIRECTLINE_DOMAIN)', () => {
  it('asks that domain for tokens and gives it to the page', async () => {
    const domain = 'https://europe.directline.botframework.com/v3/directline';
    const server = await startWebServer({ env: { DIRECTLINE_SECRET: secret, DIRECTLINE_DOMAIN: domain }, onTurn: async () => undefined });
    try {
      const scope = nock('https://europe.directline.botframework.com')
        .post('/v3/directline/tokens/generate')
        .reply(200, { conversationId: 'c', token: 't', expires_in: 3600 });
      const response = await call(server.url, '/api/directline/token', { body: {} });
      expect(scope.isDone()).toBe(true);
      expect(response.json.domain).toBe(domain);
    } finally {
      await server.close();
    }
  });
});
