import { it } from 'vitest';
import { startBot } from '/work/main/test/support/conversation.js';
it('p', async () => {
  const bot = await startBot();
  const c = bot.conversation();
  console.log((await c.say('sign in')).text);
  console.log((await c.say('DEMO-0001, 1980-01-01, 0001')).text);
  console.log(JSON.stringify(bot.events.slice(-2)));
  await bot.close();
});
