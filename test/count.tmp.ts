import { startBot } from './support/conversation.js';
const bot = await startBot({ now: new Date('2025-03-20T15:00:00Z') });
const g = globalThis as any;
for (const texts of [['I failed A5 on March 3, when can I retake it?'], ['when can i retake a test i failed', 'when will i get my results'], ['how do i reschedule my test']]) {
  const c = bot.conversation();
  for (const t of texts) { g.__c = {}; await c.say(t); console.log(JSON.stringify(t), JSON.stringify(g.__c)); }
}
await bot.close();
