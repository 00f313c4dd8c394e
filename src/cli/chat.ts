import { createInterface } from 'node:readline/promises';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { buildBot } from '../app.js';
import { createAccountService } from '../account/index.js';
import { loadConfig } from '../config.js';
import { loadKnowledgeBase } from '../knowledge/knowledgeBase.js';
import { createLogger } from '../logging/logger.js';

/** A terminal chat with the bot in-process: the same bot as `npm start`, without HTTP or an Emulator. */
function show(activity: Partial<Activity>): void {
  if (activity.type !== 'message') return;
  console.log(`\nbot> ${(activity.text ?? '').replace(/\n/g, '\n     ')}`);
  const actions = activity.suggestedActions?.actions ?? [];
  actions.forEach((action, i) => console.log(`     ${i + 1}. ${action.title}`));
}

async function main(): Promise<void> {
  const config = await loadConfig();
  const logger = createLogger(process.env.CHAT_LOG_LEVEL ?? 'silent');
  const knowledge = await loadKnowledgeBase(config.KNOWLEDGE_DIR);
  const clock = () => new Date();
  const accounts = await createAccountService(config, { clock, logger, policy: knowledge.policy });
  const { bot } = buildBot({ config, logger, storage: new MemoryStorage(), knowledge, clock, accounts });
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId: 'emulator',
    conversation: { id: 'terminal-chat', isGroup: false, name: 'terminal', conversationType: 'personal' },
    user: { id: 'terminal-user', name: 'You' },
    bot: { id: 'candidate-assistant', name: 'Candidate Assistant' },
  } as never);
  let offered: string[] = [];
  const flush = () => {
    for (const activity of adapter.activeQueue.splice(0)) {
      show(activity);
      offered = (activity.suggestedActions?.actions ?? []).map((action) => String(action.value));
    }
  };
  await adapter.send({ type: 'conversationUpdate', membersAdded: [{ id: 'terminal-user', name: 'You' }] } as Partial<Activity>);
  flush();
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '\nyou> ' });
  console.log('\n(type a question; a number picks a button; Ctrl+D or /quit ends)');
  rl.prompt();
  // Iterating the lines (rather than asking question by question) keeps piped input intact.
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit') break;
    if (line) {
      const picked = /^\d$/.test(line) ? offered[Number(line) - 1] : undefined;
      await adapter.send(picked ?? line);
      flush();
    }
    rl.prompt();
  }
  rl.close();
}

void main();
