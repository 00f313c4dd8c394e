/**
 * The botbuilder EchoBot sample's shape as a process of its own (the same CloudAdapter and restify
 * server as the bot, reply = "Echo: text"; as in bench/run.ts): the floor any bot on this machine
 * stands on. bench/handoffBurst.ts starts two of them beside two bot processes.
 *
 *   PORT=4100 tsx bench/echoServer.ts
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { EchoBot } from './echoBot.js';
import pino from 'pino';
import { createServer } from '../src/server.js';

const bot = new EchoBot();
const echo = createServer({
  adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
  onTurn: (context: TurnContext) => bot.run(context),
  readiness: [],
  logger: pino({ level: 'silent' }),
});
echo.server.listen(Number(process.env.PORT), '127.0.0.1');
// SIGTERM exits normally, so `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
