import { describe, expect, it } from 'vitest';
import { startBot } from '../support/conversation.js';

describe('smoke', () => {
  it('answers a rescheduling question', async () => {
    const bot = await startBot();
    try {
      const said = await bot.conversation().say('can i reschedule my test');
      const [first] = said.activities.filter((activity) => activity.type === 'message');
      expect(first?.text).toContain('877-346-9327');
    } finally {
      await bot.close();
    }
  });
});
