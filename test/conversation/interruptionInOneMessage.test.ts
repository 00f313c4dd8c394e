import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { startBot, type RunningBot } from '../support/conversation.js';

// The answer to a question asked in between and the question the bot goes back to travel as one
// reply: two separate messages can arrive in either order on SMS, and "Back to your question" must
// not come before the answer it follows.

describe('an interruption is answered in the same message that asks the question again', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.close());

  for (const channel of ['webchat', 'sms'] as const) {
    it(`on ${channel}, the Spanish-tests answer, its source and "Back to your question" with the Yes/No choices come as one activity`, async () => {
      const conversation = bot.conversation({ channel });
      await conversation.say('I missed my test yesterday');
      const said = await conversation.say('are the tests available in spanish?');
      // One reply; SMS may carry a long one as several texts (parts of at most 320 characters).
      if (channel === 'webchat') expect(said.activities).toHaveLength(1);
      const text = said.text;
      const answerAt = text.indexOf('available in Spanish');
      const backAt = text.indexOf(`${en.task.backToIt} ${en.task.missed.askPosted}`);
      expect(answerAt).toBeGreaterThanOrEqual(0);
      expect(backAt).toBeGreaterThan(answerAt);
      if (channel === 'webchat') {
        expect(text.indexOf('_Source:')).toBeGreaterThan(answerAt);
        expect(text.indexOf('_Source:')).toBeLessThan(backAt);
        expect(said.buttons).toEqual([en.task.yes, en.task.no]);
      } else {
        expect(text).toMatch(/1\. Yes\n2\. No/);
      }
    });
  }
});
