import { it } from 'vitest';
import { accountBot } from '../support/accountBot.js';
import { readFileSync } from 'node:fs';

it('explore', async () => {
  const script = JSON.parse(readFileSync('/tmp/script.json', 'utf8')) as { convs: Record<string, Array<string | { advance: number } | object>>; order?: string[] };
  const out: string[] = [];
  for (const [name, turns] of Object.entries(script.convs)) {
    const bot = await accountBot({ webIdentity: !name.startsWith('noweb') });
    const c = bot.conversation(name);
    out.push(`=== ${name}`);
    for (const t of turns) {
      if (typeof t === 'object' && 'advance' in (t as object)) { bot.clock.advanceMinutes((t as { advance: number }).advance); out.push(`   (+${(t as { advance: number }).advance} min)`); continue; }
      const n = bot.events.length;
      const r = await c.say(t as string);
      out.push(`> ${typeof t === 'string' ? t : JSON.stringify(t)}`);
      for (const a of r.activities) out.push(`  < ${(a.text ?? '').replace(/\n/g, '\n    ')}${a.suggestedActions ? '  [' + a.suggestedActions.actions.map((x) => x.title).join(' | ') + ']' : ''}`);
      for (const e of bot.events.slice(n)) out.push(`  # ${JSON.stringify({ ...e, channel: undefined, conversationId: undefined, activityId: undefined })}`);
    }
  }
  console.log(out.join('\n'));
}, 60000);
