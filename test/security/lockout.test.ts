// Lock-outs a third party cannot trigger (issue 15: 20 wrong staff sign-ins from one address locked
// the real supervisor out, and anyone could lock any ASE ID for 15 minutes with five guesses).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffClient } from '../handoff/support.js';
import type { RunningBot } from '../support/conversation.js';
import { startSecuredBot } from './support.js';

describe('staff sign-in behind a proxy (STAFF_TRUST_PROXY=true)', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startSecuredBot({ env: { STAFF_TRUST_PROXY: 'true' } });
  });
  afterAll(() => bot?.close());

  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
  const login = (client: StaffClient, username: string, password: string, address: string) =>
    client.request('POST', '/staff/api/login', { username, password }, { csrf: false, ...from(address) });

  it("100 wrong passwords for the supervisor from one outsider's address leave the real supervisor able to sign in", async () => {
    const outsider = new StaffClient(bot.url);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await login(outsider, 'supervisor', `guess-${i}`, '203.0.113.9')).status);
    // The outsider is stopped after 5 guesses, and stays stopped: even the right password is refused from there.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    expect((await login(outsider, 'supervisor', bot.staff!.password, '203.0.113.9')).status).toBe(429);
    // The supervisor, at their own address, is not locked out.
    const supervisor = new StaffClient(bot.url);
    expect((await login(supervisor, 'supervisor', bot.staff!.password, '198.51.100.20')).status).toBe(200);
  });

  it('guessing many usernames from one address does not lock that address out for everyone behind it', async () => {
    const outsider = new StaffClient(bot.url);
    for (const username of ['agent1', 'agent2', 'admin', 'root', 'staff', 'test']) {
      for (let i = 0; i < 5; i++) await login(outsider, username, `guess-${i}`, '203.0.113.10');
    }
    // A colleague behind the same address (one office, one NAT) whose name was not guessed signs in from it.
    const colleague = new StaffClient(bot.url);
    expect((await login(colleague, 'supervisor', bot.staff!.password, '203.0.113.10')).status).toBe(200);
    // agent1 from their own address is fine too.
    expect((await login(new StaffClient(bot.url), 'agent1', bot.staff!.password, '198.51.100.21')).status).toBe(200);
  });

  it('refused sign-ins are audited with the source address', async () => {
    const supervisor = new StaffClient(bot.url);
    expect((await supervisor.login('supervisor', bot.staff!.password)).status).toBe(200);
    const audit = await supervisor.get('/staff/api/audit?limit=500');
    const entries = (audit.json as { entries: Array<{ action: string; address?: string }> }).entries;
    expect(entries.some((entry) => entry.action === 'login-refused' && entry.address === '203.0.113.9')).toBe(true);
    expect(entries.some((entry) => entry.action === 'login-failed' && entry.address === '203.0.113.9')).toBe(true);
  });
});

describe('ASE ID verification', () => {
  it('a third party failing 50 times on a candidate\'s ASE ID, from 10 conversations, never locks the candidate out nor shows them anyone\'s tries', async () => {
    const bot = await startSecuredBot();
    try {
      const attackers = Array.from({ length: 10 }, () => bot.conversation({ channel: 'webchat' }));
      const said: string[] = [];
      for (const attacker of attackers) {
        await attacker.say('sign in');
        for (let i = 0; i < 5; i++) said.push((await attacker.say(`DEMO-0001, 1980-01-01, 70${10 + i}`)).text);
        bot.clock.advanceMinutes(1);
      }
      // Each attacker's conversation counts its own tries (4 left, 3 left, ...), then waits or is locked.
      expect(said.some((text) => /4 tries left/.test(text))).toBe(true);
      const owner = bot.conversation({ channel: 'webchat' });
      await owner.say('sign in');
      const first = await owner.say('DEMO-0001, January 1 1980, 0001');
      // At worst a wait of a minute (the ASE ID's backoff), never the 15-minute lock, and no tries count.
      expect(first.text).not.toMatch(/Too many tries|tries left|try left/);
      if (!/signed in/.test(first.text)) {
        expect(first.text).toMatch(/please wait/);
        bot.clock.advanceMinutes(1);
        await owner.say('sign in');
        expect((await owner.say('DEMO-0001, January 1 1980, 0001')).text).toMatch(/you're signed in/);
      }
    } finally {
      await bot.close();
    }
  });
});
