import type { BoundedMemoryStorage } from '../../src/storage/memoryStorage.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttons, runTranscript, startBot, type RunningBot } from './conversation.js';

// These check the wiring (the parts are there and reached over HTTP), not the bot's wording, which
// the conversation engine owns: assertions are about outcomes and events.

describe('the conversation runner over the production wiring', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(() => bot.close());

  it('the production wiring answers a FAQ question over HTTP', async () => {
    const said = await bot.conversation().say('how much does a duplicate certificate cost?');
    expect(said.text).toContain('$7.50');
    expect(said.activities.every((activity) => activity.replyToId)).toBe(true);
    expect(bot.events.at(-1)).toMatchObject({ channel: 'webchat', route: 'faq' });
  });

  it('a turn\'s replies have all arrived when its HTTP POST is answered', async () => {
    const conversation = bot.conversation();
    for (const text of ['hi', 'how much does a duplicate certificate cost?', 'sign in', 'never mind']) await conversation.say(text);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(conversation.between).toEqual([]);
  });

  it('an SMS conversation gets plain numbered choices', async () => {
    const sms = bot.conversation({ channel: 'sms' });
    expect((await sms.say('how much does a duplicate certificate cost?')).text).toContain('$7.50');
    // The answer's follow-ups come with its details, on MORE.
    const said = await sms.say('MORE');
    expect(said.buttons).toEqual([]);
    expect(said.activities.some((activity) => activity.suggestedActions)).toBe(false);
    expect(said.text).toMatch(/^1\. .+$/m);
    expect(bot.events.at(-1)).toMatchObject({ channel: 'sms' });
  });

  it("demo accounts are wired: 'sign in' then 'DEMO-0001, 1980-01-01, 0001' signs in", async () => {
    const conversation = bot.conversation();
    await conversation.say('sign in');
    const said = await conversation.say('DEMO-0001, 1980-01-01, 0001');
    expect(said.text).toMatch(/thanks/i);
    // The demo account service verified the candidate: the link is in the store (memory storage's items).
    const items = (bot.store.storage as BoundedMemoryStorage).held();
    expect(Object.keys(items).some((key) => key.startsWith('account-link/'))).toBe(true);
  });

  it("handoff is wired: 'talk to a person' queues the case", async () => {
    expect(bot.staff).toBeDefined();
    const agent = await bot.staff!.signIn('agent1');
    const queued = async () => ((await agent.get('/staff/api/cases')).json.queued as unknown[]).length;
    const before = await queued();
    await bot.conversation().say('talk to a person');
    expect(await queued()).toBe(before + 1);
    expect(JSON.stringify(bot.events.at(-1))).toMatch(/handoff/i);
  });

  it('a staff message reaches the candidate through the connector', async () => {
    const conversation = bot.conversation();
    await conversation.say('talk to a person');
    const agent = await bot.staff!.signIn('agent2');
    const mine = ((await agent.get('/staff/api/cases')).json.queued as Array<{ id: string }>).at(-1)!;
    expect((await agent.claim(mine.id)).status).toBe(200);
    expect((await agent.post(`/staff/api/cases/${mine.id}/messages`, { text: 'Hello from staff' })).status).toBe(201);
    expect(conversation.between.map((activity) => activity.text)).toContainEqual(expect.stringContaining('Hello from staff'));
  });
});

describe('what a test may leave out', () => {
  it('without accounts, sign-in is not offered as done', async () => {
    const bot = await startBot({ without: { accounts: true } });
    try {
      const conversation = bot.conversation();
      await conversation.say('sign in');
      const said = await conversation.say('DEMO-0001, 1980-01-01, 0001');
      expect(said.text).not.toMatch(/thanks/i);
    } finally {
      await bot.close();
    }
  });

  it('without handoff, there is no staff console', async () => {
    const bot = await startBot({ without: { handoff: true } });
    try {
      expect(bot.staff).toBeUndefined();
      expect(bot.app.handoff).toBeUndefined();
      expect((await fetch(`${bot.url}/staff/api/cases`)).status).toBe(404);
    } finally {
      await bot.close();
    }
  });
});

describe('runTranscript', () => {
  it('runs the same transcript on Web Chat and SMS, buttons read as numbered lines on SMS', async () => {
    const started = Date.now();
    const { runs } = await runTranscript(
      [
        ['hi', /./],
        ['how much does a duplicate certificate cost?', '$7.50'],
        ['thanks', /./],
        ['when can I retest?', /./],
        ['bye', /./],
      ],
      { channels: ['webchat', 'sms'] },
    );
    expect(runs.map((run) => run.channel)).toEqual(['webchat', 'sms']);
    console.info(`two 5-turn transcripts with start-up: ${Date.now() - started} ms`);
  });

  it('checks buttons(...) as suggested actions on Web Chat and numbered lines on SMS', async () => {
    const bot = await startBot();
    try {
      // A "did you mean": its choices are buttons on Web Chat and numbered lines on SMS.
      const web = await bot.conversation().say('certificate');
      expect(web.buttons.length).toBeGreaterThan(1);
      const { runs } = await runTranscript([['certificate', buttons(...web.buttons)]], { bot, channels: ['webchat', 'sms'] });
      expect(runs).toHaveLength(2);
    } finally {
      await bot.close();
    }
  });

  it('a failure names the channel and the turn and shows the whole reply', async () => {
    await expect(runTranscript([['how much does a duplicate certificate cost?', 'no such words in any reply']])).rejects.toThrow(
      /webchat, turn 1, after the candidate said "how much does a duplicate certificate cost\?"[\s\S]*--- the bot said ---[\s\S]*\$7\.50/,
    );
  });
});
