import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { retryAfterMs } from '../../src/bot/replyLimits.js';
import { listenOnLoopback, postMessage } from '../support/loopback.js';
import { fixedNow, shippedKnowledge, silentLogger, testConfig } from '../support/testApp.js';

/**
 * Outgoing replies have a deadline and a Retry-After cap, on the bot as `npm start` wires it
 * (buildApp), against real HTTP servers on loopback standing in for a reply address: one that
 * accepts and never answers, one that asks to retry much later, and one that works.
 */

interface ReplyAddress {
  url: string;
  /** Texts of the activities it received (answered or not). */
  said: string[];
  close(): Promise<void>;
}

async function replyAddress(answer: (res: http.ServerResponse, attempt: number) => void): Promise<ReplyAddress> {
  const said: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      said.push((JSON.parse(body || '{}') as { text?: string }).text ?? '');
      answer(res, said.length);
    });
  });
  return { ...(await listenOnLoopback(server)), said };
}

const ok = (res: http.ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"id":"sent"}');
};

describe('replies to a reply address that misbehaves', () => {
  const deadlineMs = 1000;
  let app: ReturnType<typeof buildApp>;
  let url: string;
  const addresses: ReplyAddress[] = [];
  const address = async (answer: (res: http.ServerResponse, attempt: number) => void) => {
    const made = await replyAddress(answer);
    addresses.push(made);
    return made;
  };

  // Loopback only; nock would hold on to the bot's requests to a server that never answers.
  beforeAll(async () => {
    nock.restore();
    app = buildApp({
      config: testConfig({ BOT_REPLY_TIMEOUT_MS: String(deadlineMs), BOT_REPLY_MAX_RETRY_AFTER_SECONDS: '3' }),
      logger: silentLogger(),
      storage: new MemoryStorage(),
      knowledge: await shippedKnowledge(),
      clock: () => fixedNow,
    });
    await new Promise<void>((resolve) => app.http.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}/api/messages`;
  });
  afterEach(async () => {
    await Promise.all(addresses.splice(0).map((made) => made.close()));
  });
  afterAll(async () => {
    await app?.http.shutdown(1000);
    nock.activate();
  });

  let counter = 0;
  const post = async (conversation: string, serviceUrl: string, text: string) => {
    const started = Date.now();
    const response = await postMessage(url, { id: `r-${++counter}`, text, conversation, serviceUrl });
    await response.arrayBuffer();
    return { status: response.status, ms: Date.now() - started };
  };

  it('a reply address that never answers holds the conversation for the deadline only: the next message is served', async () => {
    const silent = await address(() => undefined);
    const working = await address(ok);
    const first = post('silent', silent.url, 'how much is a duplicate certificate?');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await post('silent', working.url, 'how much is a duplicate certificate?');
    const firstDone = await first;
    console.log(`reply deadline ${deadlineMs} ms: a silent reply address ended its turn after ${firstDone.ms} ms; the next message was served in ${second.ms} ms`);
    expect(second.status).toBe(200);
    expect(working.said.join('\n')).toContain('$7.50');
    // Waited for the first turn's reply to fail (the deadline), then ran at once.
    expect(second.ms).toBeLessThan(deadlineMs + 1000);
    // The failed turn: its reply and then the apology each gave up at the deadline.
    expect(firstDone.ms).toBeLessThan(3 * deadlineMs + 1000);
    expect(silent.said.length).toBeGreaterThanOrEqual(1);
  });

  it('a Retry-After over the cap is not waited for: the reply fails at once, and is not sent again', async () => {
    const limited = await address((res) => {
      res.writeHead(429, { 'retry-after': '600', 'content-type': 'application/json' });
      res.end('{}');
    });
    const result = await post('limited', limited.url, 'how much is a duplicate certificate?');
    expect(result.status).toBe(200);
    expect(result.ms).toBeLessThan(deadlineMs);
    // The reply once, then the apology once: neither retried.
    expect(limited.said).toHaveLength(2);
    expect(limited.said[0]).toContain('$7.50');
  });

  it('a Retry-After within the cap is waited for and the reply delivered', async () => {
    const busyOnce = await address((res, attempt) => {
      if (attempt > 1) return ok(res);
      res.writeHead(429, { 'retry-after-ms': '200', 'content-type': 'application/json' });
      res.end('{}');
    });
    const result = await post('busy-once', busyOnce.url, 'how much is a duplicate certificate?');
    expect(result.status).toBe(200);
    expect(busyOnce.said).toHaveLength(2);
    expect(busyOnce.said[1]).toContain('$7.50');
  });

  it('reads Retry-After in seconds, as an HTTP date, and as retry-after-ms', () => {
    const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] });
    const now = Date.parse('2025-03-20T15:00:00Z');
    expect(retryAfterMs(headers({ 'retry-after': '120' }), now)).toBe(120_000);
    expect(retryAfterMs(headers({ 'retry-after': 'Thu, 20 Mar 2025 15:01:00 GMT' }), now)).toBe(60_000);
    expect(retryAfterMs(headers({ 'retry-after-ms': '250' }), now)).toBe(250);
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(headers({}), now)).toBeUndefined();
  });
});
