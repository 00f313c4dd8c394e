// Every example question in README.md's table of tasks, asked as printed, through the bot `npm start`
// composes: each starts its task (not the FAQ, not "I don't know"), and the answer says the thing the
// table promises. A table row added without a line here fails the first test.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { startBot, type RunningBot } from '../support/conversation.js';

const readme = readFileSync('README.md', 'utf8');
const examples = [...readme.matchAll(/^\| ([a-zA-Z][^|]+?) \| "([^"]+)" \| [^|]+\|$/gm)].map((m) => ({ task: m[1]!.trim(), question: m[2]! }));

/** What each row's answer must say, in the README's own terms. */
const promised: Record<string, RegExp> = {
  'reschedule or cancel': /Do it before|can no longer be changed/,
  'missed appointment': /No Show/,
  'purchase window': /to schedule and take it|expired/,
  retest: /again on or after|again now/,
  recertification: /new expiry/,
  'Master Technician status': /Master Automobile Technician/,
  'duplicate certificates': /\$7\.50/,
};

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(() => bot.close());

describe('README: what it works out for the candidate', () => {
  it('the table has an example for each of the seven tasks', () => {
    expect(examples.map((e) => e.task).sort()).toEqual(Object.keys(promised).sort());
  });

  it.each(examples)('$task: "$question" works as printed, on the web and by SMS', async ({ task, question }) => {
    for (const channel of ['webchat', 'sms'] as const) {
      const before = bot.events.length;
      const said = await bot.conversation({ channel }).say(question);
      expect(said.text, `${channel}: ${said.text}`).toMatch(promised[task]!);
      expect(said.text).not.toContain(en.unknown);
      expect(bot.events.slice(before).at(-1)?.route).toBe('task');
    }
  });
});
