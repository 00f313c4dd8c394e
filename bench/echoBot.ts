import { ActivityHandler } from 'botbuilder';

/** The botbuilder EchoBot sample's bot: every message answered with "Echo: " and its text. */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text}`);
      await next();
    });
  }
}
