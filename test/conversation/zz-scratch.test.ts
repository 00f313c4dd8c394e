import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { startBot } from '../support/conversation.js';

it('explore', async () => {
  const bot = await startBot();
  const scripts = JSON.parse(readFileSync('/tmp/explore.json', 'utf8')) as Array<{ channels?: string[]; turns: string[] }>;
  let out = '';
  for (const [i, s] of scripts.entries()) {
    for (const channel of s.channels ?? ['webchat']) {
      const c = bot.conversation({ channel: channel as 'webchat' });
      out += `\n===== #${i} ${channel}\n`;
      for (const t of s.turns) {
        const said = await c.say(t);
        out += `> ${t}\n${said.text}${said.buttons.length ? `\n[${said.buttons.join(' | ')}]` : ''}\n`;
      }
    }
  }
  writeFileSync('/tmp/explore.out', out);
  await bot.close();
}, 120_000);
