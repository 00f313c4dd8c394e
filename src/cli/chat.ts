import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline/promises';
import type { Activity } from 'botbuilder';
import { composeApplication } from '../composition.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/logger.js';
import { startLocalConnector } from './localConnector.js';
import { terminalText, wantsAnsi } from './terminalText.js';
import { chatWords, languageAfterReply, terminalLocale } from './chatWords.js';
import { languageOfLocale } from '../language/languages.js';

/**
 * A terminal chat with the bot: the same application as `npm start` (src/composition.ts), on a
 * loopback port of its own, reached through /api/messages as a channel reaches it, so no server or
 * Emulator needs to be running. Staff replies from the console arrive here too.
 */
const style = { ansi: wantsAnsi(process.stdout, process.env) };

/** A message as the terminal shows it: Markdown as text with emphasis, buttons as numbered lines. */
function show(activity: Partial<Activity>, from = 'bot'): void {
  if (activity.type !== 'message') return;
  const text = terminalText(activity.text ?? '', style);
  console.log(`\n${from}> ${text.replace(/\n/g, `\n${' '.repeat(from.length + 2)}`)}`);
  const actions = activity.suggestedActions?.actions ?? [];
  actions.forEach((action, i) => console.log(`${' '.repeat(from.length + 2)}${i + 1}. ${action.title}`));
}

async function main(): Promise<void> {
  const config = await loadConfig();
  const logger = createLogger(process.env.CHAT_LOG_LEVEL ?? 'silent');
  const composed = await composeApplication(config, { logger, clock: () => new Date() });
  const { app } = composed;
  await new Promise<void>((resolve) => app.http.server.listen(0, '127.0.0.1', resolve));
  const botUrl = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
  const connector = await startLocalConnector(botUrl);

  const channel = {
    channelId: 'emulator',
    conversation: { id: 'terminal-chat', isGroup: false, name: 'terminal', conversationType: 'personal' },
    from: { id: 'terminal-user', name: 'You' },
    recipient: { id: 'candidate-assistant', name: 'Candidate Assistant' },
    // The terminal's language (LANG): a Spanish terminal is welcomed in Spanish.
    locale: terminalLocale(process.env),
  };
  // The chat's own words follow the conversation's language, as the bot's replies do.
  let language = languageOfLocale(channel.locale) ?? 'en';
  let offered: string[] = [];
  const send = async (activity: Partial<Activity>) => {
    const { replies } = await connector.send({ ...channel, id: `terminal-${Date.now()}`, timestamp: new Date(), ...activity } as Partial<Activity>);
    for (const reply of replies) {
      show(reply);
      if (reply.type === 'message' && reply.text) language = languageAfterReply(language, reply.text);
      if (reply.type === 'message') offered = (reply.suggestedActions?.actions ?? []).map((action) => String(action.value));
    }
  };

  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: `\n${chatWords(language).prompt}` });
  const prompt = () => {
    rl.setPrompt(`\n${chatWords(language).prompt}`);
    rl.prompt();
  };
  // Made now, the iterator keeps the lines piped in while the welcome turn runs.
  const lines = rl[Symbol.asyncIterator]();
  // Staff answer between turns: show their messages as they come, then prompt again.
  connector.onUnprompted = (activity) => {
    show(activity, activity.from?.name ?? 'bot');
    prompt();
  };
  await send({ type: 'conversationUpdate', membersAdded: [{ id: 'terminal-user', name: 'You' }] });
  if (app.handoff?.mode === 'console') {
    console.log(`\n${chatWords(language).staffConsole(`${botUrl}/staff`, composed.staffPassword)}`);
  }
  console.log(`\n${chatWords(language).hint}`);
  prompt();
  // Iterating the lines (rather than asking question by question) keeps piped input intact.
  for await (const raw of { [Symbol.asyncIterator]: () => lines }) {
    const line = raw.trim();
    if (chatWords(language).quit.includes(line)) break;
    if (line) {
      const picked = /^\d$/.test(line) ? offered[Number(line) - 1] : undefined;
      await send({ type: 'message', text: picked ?? line });
    }
    prompt();
  }
  rl.close();
  await connector.close();
  await composed.close();
}

void main();
