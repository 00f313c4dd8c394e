// A conversation through the load balancer, as the Web Chat page has it, several times over:
//   node deploy/smoke.mjs http://localhost:8080 [rounds]
// Each round asks for a Web Chat token, starts a conversation, sends a question and waits for the
// bot's answer: four or more requests that nginx spreads round-robin over the replicas. A token
// signed by one replica is checked by another, and the conversation lives in Redis, so every round
// passes only when the replicas share DIRECTLINE_LOCAL_SECRET and the store. Exit 0: all passed.

/* global process, fetch, URL, setTimeout, console */

const base = (process.argv[2] ?? 'http://localhost:8080').replace(/\/$/, '');
const rounds = Number(process.argv[3] ?? 6);
const question = 'can i reschedule my test';

async function call(method, url, { token, body } = {}) {
  const response = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${new URL(url).pathname} answered ${response.status}: ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
}

async function round(n) {
  const page = await fetch(`${base}/`);
  if (page.status !== 200) throw new Error(`GET / answered ${page.status}`);
  const session = await call('POST', `${base}/api/directline/token`);
  const directLine = new URL(session.domain, `${base}/`).href.replace(/\/$/, '');
  const started = await call('POST', `${directLine}/conversations`, { token: session.token, body: {} });
  const conversation = `${directLine}/conversations/${encodeURIComponent(started.conversationId)}`;
  const posted = await call('POST', `${conversation}/activities`, { token: session.token, body: { type: 'message', from: { id: session.userId }, text: question } });
  const deadline = Date.now() + 15_000;
  // The answer to the question, not the welcome: the bot's message that replies to the posted id.
  while (Date.now() < deadline) {
    const page = await call('GET', `${conversation}/activities`, { token: session.token });
    const answer = page.activities.find((a) => a.type === 'message' && a.from?.id !== session.userId && a.text && a.replyToId === posted.id);
    if (answer) return `round ${n}: ${answer.text.slice(0, 60)}...`;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`round ${n}: no answer within 15 s`);
}

let failed = 0;
for (let n = 1; n <= rounds; n++) {
  try {
    console.log(await round(n));
  } catch (error) {
    failed++;
    console.error(`round ${n} failed: ${error.message}`);
  }
}
console.log(`${rounds - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
