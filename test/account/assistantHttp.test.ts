// Conversations with the account assistant on the HTTP source, over the production wiring
// (startBot: composeApplication with ACCOUNT_API_URL set, so the real HttpAccountService with its
// retries, timeouts and circuit breaker, configured by ACCOUNT_API_*) and the candidate-account API
// played by nock at the edge (only its host; the runner's loopback traffic passes). The client runs
// on the wall clock, as in production: the cool-down is short and waited out. Its events are read
// from the log, where production sends them. Clock: Sunday, June 1, 2025, 11:00 AM in New York. The
// account (test/account/fixtures.ts) has A5 on Tuesday, June 17 at 9:00 AM in Chicago (can be
// cancelled) and, added here, A4 on Tuesday, June 3 at 1:30 PM in Denver (within 72 hours: cannot).

import nock from 'nock';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountClientEvent } from '../../src/account/httpAccountService.js';
import type { CandidateAccount } from '../../src/account/types.js';
import { en } from '../../src/messages/en.js';
import { choices, startAccountsBot, transcript } from '../support/accountsOnBot.js';
import { not, type Conversation } from '../support/conversation.js';
import { accountBody } from './fixtures.js';

const HOST = 'http://account.test';
const API_KEY = 'test-key-assistant-http-51c2';
const START = new Date('2025-06-01T15:00:00Z');
const m = en.linking;

const DETAILS = 'TEST-0001, July 14 1986, 4821';
const VERIFY_BODY = { aseId: 'TEST-0001', dateOfBirth: '1986-07-14', ssnLast4: '4821' };
const ACCOUNT = '/v1/candidates/cand-123/account';
const CANCEL_A5 = '/v1/candidates/cand-123/appointments/appt-1/cancel';
const cancelled = { appointmentId: 'appt-1', status: 'cancelled', cancelledAt: '2025-06-01T15:00:00Z' };

const a5 = 'A5 (Brakes) appointment on Tuesday, June 17, 2025 at 9:00 AM';
const signedIn = "Thanks, Test: you're signed in";
const unavailable = "I can't reach your account right now";
const faqQuestion = 'wat does a new certifcate cost';
const faqAnswer = '$7.50 per test series';
/** The offer beside a general answer to a personal question asked while not signed in. */
const offersSignIn = en.task.orSignIn;
/** The fixture's failed A8, as the account answers "when can I retake the test I failed?". */
const retakeA8 = 'A8 (Engine Performance)';
/** What a stray "yes" must never bring once nothing waits for one. */
const cancelledAgain = /Done: your|Cancel your/;

/**
 * How many account reads to allow for `questions` personal questions. The engine reads the account
 * twice per question (once to see the link, once to answer: reported as a bug, and pinned by the
 * first test below); the other tests are about something else and only need the answers.
 */
const reads = (questions: number) => questions * 2;

/**
 * The HTTP client's settings, as ACCOUNT_API_* give them: 150 ms per attempt, three attempts, no
 * wait between them (the back-off is not what these tests are about), three failures open the
 * circuit. The cool-down keeps its default (30 s: it never ends within a test) unless a test sets it.
 */
const API_ENV = {
  ACCOUNT_API_URL: `${HOST}/v1`,
  ACCOUNT_API_KEY: API_KEY,
  ACCOUNT_API_TIMEOUT_MS: '150',
  ACCOUNT_API_MAX_ATTEMPTS: '3',
  ACCOUNT_API_RETRY_BASE_MS: '0',
  ACCOUNT_API_BREAKER_THRESHOLD: '3',
};

function account(): CandidateAccount {
  const body = accountBody();
  body.purchasedTests.push({ id: 'p-3', code: 'A4', purchasedOn: '2025-05-10', status: 'scheduled' });
  body.appointments.push({
    id: 'appt-2',
    purchaseId: 'p-3',
    testCode: 'A4',
    start: '2025-06-03T13:30:00-06:00',
    timeZone: 'America/Denver',
    centre: { name: 'Test Centre West', city: 'Denver', state: 'CO' },
  });
  return body;
}

/** Every request the API received (matched or not), in order. The runner's own loopback requests are not the API's. */
let requests: Array<{ method: string; path: string }> = [];
type Unmatched = { method?: string; path?: string; host?: string; hostname?: string };
const loopback = /^(127\.0\.0\.1|localhost)(:\d+)?$/;
const onNoMatch = (req: Unmatched, options?: Unmatched) => {
  if ([req.host, req.hostname, options?.host, options?.hostname].some((host) => host && loopback.test(host))) return;
  requests.push({ method: req.method ?? '?', path: `unmatched ${req.path ?? ''}` });
};

beforeAll(() => {
  nock.emitter.on('no match', onNoMatch);
});
afterEach(() => {
  requests = [];
});
afterAll(() => {
  nock.emitter.removeListener('no match', onNoMatch);
});

const api = () => {
  const scope = nock(HOST, { reqheaders: { 'x-api-key': API_KEY } });
  scope.on('request', (req: { method?: string; path?: string }) => requests.push({ method: req.method ?? '?', path: req.path ?? '' }));
  return scope;
};
const calls = (path: string) => requests.filter((r) => r.path === path).length;

/**
 * The account client's events as the application logs them (src/account/config.ts logAccountEvents),
 * read back from the log: circuit changes, failed attempts, giving up.
 */
function accountEventLog(): { logger: pino.Logger; events: AccountClientEvent[] } {
  const events: AccountClientEvent[] = [];
  const logger = pino(
    { level: 'info' },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { msg?: string; account?: Record<string, unknown> };
        if (!entry.account || !entry.msg?.startsWith('account API')) return;
        const { circuit, from, ...rest } = entry.account;
        events.push((circuit ? { type: 'circuit', from, to: circuit } : rest) as AccountClientEvent);
      },
    },
  );
  return { logger, events };
}

/** The bot with the HTTP account source; `env` over {@link API_ENV}. */
async function httpBot(env: Record<string, string> = {}) {
  const { logger, events } = accountEventLog();
  const bot = await startAccountsBot({ start: START, env: { ...API_ENV, ...env }, logger });
  return { bot, events };
}

/** "sign in", details, the API verifies them and the bot reads the account for the name. */
async function signIn(conversation: Conversation): Promise<void> {
  api().post('/v1/candidates/verify', VERIFY_BODY).reply(200, { verified: true, candidateId: 'cand-123' });
  api().get(ACCOUNT).reply(200, account());
  await transcript(conversation, [
    ['sign in', m.askCredentials],
    [DETAILS, signedIn],
  ]);
}

async function signedInBot(env: Record<string, string> = {}) {
  const made = await httpBot(env);
  const conversation = made.bot.conversation();
  await signIn(conversation);
  requests = [];
  return { ...made, conversation };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

describe('signing in through the API', () => {
  it('a personal question gets the general answer and the offer, with no call; the details then sent are checked once, and the account read once to answer it', async () => {
    const { bot } = await httpBot();
    const conversation = bot.conversation();
    const verify = api().post('/v1/candidates/verify', VERIFY_BODY).reply(200, { verified: true, candidateId: 'cand-123' });
    api().get(ACCOUNT).times(reads(1)).reply(200, account());
    await transcript(conversation, [['when can I retake the test I failed?', [offersSignIn, not(m.askCredentials)]]]);
    expect(requests).toEqual([]);
    await transcript(conversation, [[DETAILS, [signedIn, retakeA8, not(m.askCredentials)]]]);
    expect(verify.isDone()).toBe(true);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/candidates/verify', `GET ${ACCOUNT}`]);
  });

  it('the details go to the API and nowhere else: not in a reply, the store or a turn event', async () => {
    const { bot } = await httpBot();
    const conversation = bot.conversation();
    api().post('/v1/candidates/verify', { ...VERIFY_BODY, ssnLast4: '4812' }).reply(200, { verified: false });
    api().post('/v1/candidates/verify', VERIFY_BODY).reply(200, { verified: true, candidateId: 'cand-123' });
    api().get(ACCOUNT).times(reads(2)).reply(200, account());
    const replies = await transcript(conversation, [
      ['when can I retake the test I failed?', offersSignIn],
      ['sign in', m.askCredentials],
      ['TEST-0001, 07/14/1986, 4812', "don't match"],
      [DETAILS, [signedIn, retakeA8]],
      ['cancel my appointment', `Cancel your ${a5}?`],
    ]);
    const said = replies.map((reply) => reply.text + choices(reply).join(' ')).join('\n');
    for (const secret of [/4821/, /4812/, /1986/, /July 14/i, /07\/14/]) {
      expect(said, `a reply contains ${secret}`).not.toMatch(secret);
      // (Random UUIDs in the store can hold these digits by chance: blanked first.)
      expect(bot.stored().replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>'), `the store holds ${secret}`).not.toMatch(secret);
      expect(JSON.stringify(bot.events), `a turn event holds ${secret}`).not.toMatch(secret);
    }
  });

  it('wrong details: the API says no, the bot says they "don\'t match" with the tries left', async () => {
    const { bot } = await httpBot();
    api().post('/v1/candidates/verify').times(2).reply(200, { verified: false });
    await transcript(bot.conversation(), [
      ['sign in', m.askCredentials],
      ['TEST-0001, July 14 1986, 1111', ["don't match", '4 tries left', not(signedIn)]],
      ['TEST-0001, July 14 1986, 2222', ["don't match", '3 tries left']],
    ]);
  });

  it('the API down while checking the details: it says so, the try does not count, and general questions still work', async () => {
    const { bot } = await httpBot({ ACCOUNT_API_BREAKER_THRESHOLD: '10' });
    const conversation = bot.conversation();
    api().post('/v1/candidates/verify').times(3).reply(503);
    await transcript(conversation, [
      ['sign in', m.askCredentials],
      [DETAILS, [unavailable, not(signedIn), not('tries left')]],
      [faqQuestion, faqAnswer],
    ]);
    expect(calls('/v1/candidates/verify')).toBe(3);
    api().post('/v1/candidates/verify').times(4).reply(200, { verified: false });
    await transcript(conversation, [
      ['sign in', m.askCredentials],
      // Four tries left: the outage cost the candidate none.
      ['TEST-0001, July 14 1986, 1111', '4 tries left'],
    ]);
  });
});

describe('cancelling through the API', () => {
  it('"yes" cancels once; a 500 then success is retried with the SAME Idempotency-Key; a second "yes" calls nothing', async () => {
    const { conversation } = await signedInBot();
    api().get(ACCOUNT).times(reads(1)).reply(200, account());
    const keys: string[] = [];
    api()
      .post(CANCEL_A5)
      .reply(function () {
        keys.push(String(this.req.headers['idempotency-key']));
        return [500, { code: 'internal' }];
      })
      .post(CANCEL_A5)
      .reply(function () {
        keys.push(String(this.req.headers['idempotency-key']));
        return [200, cancelled];
      });
    const [offer] = await transcript(conversation, [['cancel my appointment', [`Cancel your ${a5}? This can't be undone.`, not(/Cancel your A4/)]]]);
    expect(choices(offer!)).toEqual([m.yes, 'yes', m.no, 'no']);
    expect(calls(CANCEL_A5)).toBe(0);
    await transcript(conversation, [['yes', `Done: your ${a5} is cancelled`]]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    await transcript(conversation, [
      ['yes', not(cancelledAgain)],
      [m.yes, not(cancelledAgain)],
    ]);
    expect(calls(CANCEL_A5)).toBe(2);
    expect(requests.filter((r) => r.path.startsWith('unmatched'))).toEqual([]);
  });

  it('the API down on "yes": it says so and keeps the confirmation; "yes" again sends the same key and cancels', async () => {
    const { conversation } = await signedInBot({ ACCOUNT_API_BREAKER_THRESHOLD: '10' });
    api().get(ACCOUNT).times(reads(1)).reply(200, account());
    const keys: string[] = [];
    api()
      .post(CANCEL_A5)
      .times(3)
      .reply(function () {
        keys.push(String(this.req.headers['idempotency-key']));
        return [503, {}];
      })
      .post(CANCEL_A5)
      .reply(function () {
        keys.push(String(this.req.headers['idempotency-key']));
        return [200, cancelled];
      });
    await transcript(conversation, [
      ['cancel my appointment', `Cancel your ${a5}?`],
      ['yes', [unavailable, not('Done')]],
      ['yes', `Done: your ${a5} is cancelled`],
      ['yes', not(cancelledAgain)],
    ]);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
  });

  it('"no" keeps it: no cancel call', async () => {
    const { conversation } = await signedInBot();
    api().get(ACCOUNT).times(reads(1)).reply(200, account());
    const cancel = api().post(CANCEL_A5).reply(200, cancelled);
    await transcript(conversation, [
      ['cancel my appointment', `Cancel your ${a5}?`],
      ['no', m.keptIt],
      ['yes', not(cancelledAgain)],
    ]);
    expect(cancel.isDone()).toBe(false);
    expect(calls(CANCEL_A5)).toBe(0);
  });

  it('an appointment within 72 hours is not offered for cancellation', async () => {
    const { conversation } = await signedInBot();
    api().get(ACCOUNT).times(reads(2)).reply(200, account());
    const cancelA4 = api().post('/v1/candidates/cand-123/appointments/appt-2/cancel').reply(200, { ...cancelled, appointmentId: 'appt-2' });
    const [a4] = await transcript(conversation, [
      ['cancel my A4 appointment', ['A4 (Suspension and Steering) appointment on Tuesday, June 3, 2025 at 1:30 PM is less than 72 hours away', not(/Cancel your/)]],
      ['yes', not(cancelledAgain)],
      ['cancel my appointment', [`Cancel your ${a5}?`, not(/Cancel your A4/)]],
    ]);
    expect(choices(a4!)).not.toContain(m.yes);
    expect(cancelA4.isDone()).toBe(false);
  });

  it.each<[code: string, mustSay: RegExp]>([
    ['change-window-closed', /72 hours/],
    ['already-cancelled', /already cancelled/i],
  ])('the API refusing the cancellation (409 %s) is explained in plain words, without internal error text', async (code, mustSay) => {
    const { conversation } = await signedInBot();
    api().get(ACCOUNT).times(reads(1)).reply(200, account());
    api().post(CANCEL_A5).reply(409, { code, message: 'refused' });
    await transcript(conversation, [
      ['cancel my appointment', `Cancel your ${a5}?`],
      ['yes', [/couldn't cancel/i, mustSay, not(/HTTP|account:|cancelAppointment|409/), not('Done')]],
      ['yes', not(cancelledAgain)],
    ]);
    expect(calls(CANCEL_A5)).toBe(1);
  });

  it('an appointment the API no longer has (404) is not reported as a lost account, and the candidate stays signed in', async () => {
    const { conversation } = await signedInBot();
    api().get(ACCOUNT).times(reads(2)).reply(200, account());
    api().post(CANCEL_A5).reply(404, { code: 'appointment-not-found' });
    await transcript(conversation, [
      ['cancel my appointment', `Cancel your ${a5}?`],
      ['yes', [not(/signed you out/), not('Done')]],
      ['when is my test?', ['A5 Brakes', not(m.askCredentials)]],
    ]);
  });
});

/**
 * The circuit's cool-down in the test that waits it out (in real time: the client reads the wall
 * clock). Long enough for the turns that must meet the open circuit, short enough to wait.
 */
const COOL_DOWN_MS = 2500;

describe('when the API fails', () => {
  it('timeouts: "I can\'t reach your account right now" within the timeouts; general questions answered; then the open circuit answers at once, with no call', async () => {
    const { bot, conversation, events } = await signedInBot({
      ACCOUNT_API_TIMEOUT_MS: '150',
      ACCOUNT_API_MAX_ATTEMPTS: '3',
      ACCOUNT_API_BREAKER_THRESHOLD: '3',
      ACCOUNT_API_BREAKER_COOLDOWN_MS: String(COOL_DOWN_MS),
    });
    api().get(ACCOUNT).times(3).delay(3000).reply(200, account());
    const [first, slow] = await timed(() => transcript(conversation, [['when is my test?', [unavailable, not('A5')]]]));
    expect(first[0]!.text).toBe(m.accountUnavailable);
    // Three attempts of 150 ms, never the API's 3 s.
    expect(slow).toBeLessThan(2000);
    expect(calls(ACCOUNT)).toBe(3);
    expect(events.some((e) => e.type === 'circuit' && e.to === 'open')).toBe(true);

    await transcript(conversation, [[faqQuestion, faqAnswer]]);
    const [, fast] = await timed(() =>
      transcript(conversation, [
        ['am I still a master technician?', [unavailable, not(m.askCredentials)]],
        ['cancel my appointment', unavailable],
      ]),
    );
    // Two turns that each waited out three 150 ms timeouts would take 900 ms.
    expect(fast).toBeLessThan(800);
    expect(requests).toHaveLength(3);

    // Another candidate signing in meanwhile hears the same, and the try does not count against them.
    await transcript(bot.conversation(), [
      ['sign in', m.askCredentials],
      ['TEST-0002, April 4 1984, 1234', [unavailable, not('tries left')]],
      [faqQuestion, faqAnswer],
    ]);
    expect(requests).toHaveLength(3);

    // After the cool-down one trial call goes through, and the answer comes back.
    await new Promise((resolve) => setTimeout(resolve, COOL_DOWN_MS));
    api().get(ACCOUNT).times(reads(1)).reply(200, account());
    await transcript(conversation, [['when is my test?', ['A5 Brakes', not(unavailable)]]]);
    expect(events.at(-1)).toEqual({ type: 'circuit', from: 'half-open', to: 'closed' });
  });

  it.each<[what: string, reply: (scope: nock.Scope) => void]>([
    ['5xx on every attempt', (scope) => scope.get(ACCOUNT).times(3).reply(503)],
    ['connection reset on every attempt', (scope) => scope.get(ACCOUNT).times(3).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })],
    ['429 rate limited', (scope) => scope.get(ACCOUNT).reply(429, { code: 'slow-down' })],
  ])('%s: the bot says it can\'t reach the account, and carries on', async (_what, reply) => {
    const { conversation } = await signedInBot({ ACCOUNT_API_BREAKER_THRESHOLD: '10' });
    reply(api());
    await transcript(conversation, [
      ['when is my test?', [unavailable, not('A5')]],
      [faqQuestion, faqAnswer],
    ]);
    // Still signed in: once the API is back the answer comes.
    api().get(ACCOUNT).times(reads(1)).reply(200, account());
    await transcript(conversation, [['when is my test?', ['A5 Brakes', not(m.askCredentials)]]]);
  });

  it.each<[what: string, body: unknown]>([
    ['appointments is not a list', { ...account(), appointments: 'soon' }],
    ['a start without an offset', { ...account(), appointments: [{ ...account().appointments[0], start: '2025-06-17T09:00:00' }] }],
    ['no profile', { ...account(), profile: undefined }],
    ['not JSON', '<html>maintenance</html>'],
  ])('a malformed account body (%s) gets the clear problem message, no crash', async (_what, body) => {
    const { conversation } = await signedInBot();
    api().get(ACCOUNT).reply(200, body as object);
    await transcript(conversation, [
      ['when is my test?', [m.accountProblem, not('A5'), not(/profile|appointments\[|expected/)]],
      [faqQuestion, faqAnswer],
    ]);
    // A bad body is not retried and does not sign the candidate out.
    expect(calls(ACCOUNT)).toBe(1);
    api().get(ACCOUNT).times(reads(1)).reply(200, account());
    await transcript(conversation, [['when is my test?', 'A5 Brakes']]);
  });

  it('a malformed body right after the details are checked: signed in, with the problem message', async () => {
    const { bot } = await httpBot();
    api().post('/v1/candidates/verify', VERIFY_BODY).reply(200, { verified: true, candidateId: 'cand-123' });
    api().get(ACCOUNT).times(reads(1)).reply(200, { ...account(), results: [{ testCode: 'A8', outcome: 'maybe' }] });
    await transcript(bot.conversation(), [
      ['when can I retake the test I failed?', offersSignIn],
      ['sign in', m.askCredentials],
      [DETAILS, [/you're signed in/, m.accountProblem, not(offersSignIn), not('1986'), not('4821')]],
    ]);
  });

  it('a malformed verify answer signs nobody in', async () => {
    const { bot } = await httpBot();
    const conversation = bot.conversation();
    api().post('/v1/candidates/verify').reply(200, { verified: true });
    await transcript(conversation, [
      ['sign in', m.askCredentials],
      [DETAILS, [m.accountProblem, not(/signed in/)]],
    ]);
    expect(bot.link(conversation)).toBeUndefined();
  });

  it('404 on the account of a signed-in candidate: signed out with a message; the next personal question gets the general answer and the offer to sign in', async () => {
    const { bot, conversation } = await signedInBot();
    api().get(ACCOUNT).reply(404, { code: 'candidate-not-found' });
    await transcript(conversation, [
      ['when is my test?', [m.accountGone, not('A5')]],
      ['am I still a master technician?', [offersSignIn, not(m.askCredentials), not(m.accountGone)]],
    ]);
    expect(calls(ACCOUNT)).toBe(1);
    expect(bot.link(conversation)).toBeUndefined();
  });

  it('404 on the account just after the details are checked: the message says signed out, and it is so', async () => {
    const { bot } = await httpBot();
    const conversation = bot.conversation();
    api().post('/v1/candidates/verify', VERIFY_BODY).reply(200, { verified: true, candidateId: 'cand-123' });
    api().get(ACCOUNT).reply(404, { code: 'candidate-not-found' });
    await transcript(conversation, [
      ['when can I retake the test I failed?', offersSignIn],
      ['sign in', m.askCredentials],
      [DETAILS, [m.accountGone, not(signedIn)]],
    ]);
    expect(bot.link(conversation)).toBeUndefined();
    await transcript(conversation, [['am I still a master technician?', [offersSignIn, not(m.askCredentials), not(m.accountGone)]]]);
    expect(calls(ACCOUNT)).toBe(1);
  });
});
