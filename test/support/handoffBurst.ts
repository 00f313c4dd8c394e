import { Agent, request as httpRequest } from 'node:http';

export interface BurstResult {
  conversation: string;
  /** The HTTP status; 0 when the connection failed. */
  status: number;
  /** From the moment all were sent to this answer. */
  ms: number;
}

/**
 * The settings of a bot instance that takes a burst on Redis, the staff console on. The machine is
 * shared (load averages of 10-20 on 2 cores seen): a starved process's Redis reply can wait past the
 * production 2 s (the handoff then rightly gives the phone number) and its reply past the 10 s reply
 * deadline (the turn then fails). A burst checks that nothing is lost or doubled and how long it takes,
 * not the timeouts, which have tests of their own.
 */
export function burstBotEnv(redisUrl: string, keyPrefix: string, staffPassword: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    REDIS_COMMAND_TIMEOUT_MS: '60000',
    TURN_LOCK_TTL_MS: '30000',
    TURN_LOCK_WAIT_MS: '60000',
    BOT_REPLY_TIMEOUT_MS: '60000',
    HANDOFF_MODE: 'console',
    STAFF_DEMO_PASSWORD: staffPassword,
    SUPPORT_HOURS: '',
  };
}

/**
 * `count` new conversations say "talk to a person" at once, alternating over `urls`; each request's
 * status and time. The channel's side keeps at most `maxSockets` connections per instance (as a
 * channel keeps a pool): 1,300 new connections at once would overflow the server's listen backlog
 * (511) and measure the kernel's SYN retries instead of the bot. Used by test/scale/handoffBurst.test.ts
 * and bench/handoffBurst.ts.
 */
export async function burstOfHandoffs(urls: string[], sinkUrl: string, count: number, tag: string, maxSockets = 400): Promise<BurstResult[]> {
  const agent = new Agent({ keepAlive: true, maxSockets });
  try {
    const started = performance.now();
    return await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const conversation = `${tag}-${i}`;
        const body = JSON.stringify({
          type: 'message',
          id: `${conversation}-m1`,
          text: 'talk to a person',
          channelId: 'emulator',
          serviceUrl: sinkUrl,
          conversation: { id: conversation },
          from: { id: `user-${conversation}` },
          recipient: { id: 'bot' },
        });
        const status = await new Promise<number>((resolve) => {
          const request = httpRequest(`${urls[i % urls.length]}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          });
          request.on('error', () => resolve(0));
          request.end(body);
        });
        return { conversation, status, ms: performance.now() - started };
      }),
    );
  } finally {
    agent.destroy();
  }
}
