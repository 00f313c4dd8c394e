import { ActivityHandler, ActivityTypes, type Activity, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { FaqAnswerer } from '../knowledge/faqAnswerer.js';
import type { FaqEntry } from '../knowledge/faqEntry.js';
import type { Reply } from '../channels/reply.js';
import type { Messages } from '../messages/en.js';
import { detectCommand, stripGreeting, type Command } from '../understanding/commands.js';
import { answerReply, faqOutcome, pickOffered } from './faqReplies.js';
import type { TurnEvent, TurnEventSink } from './turnEvents.js';

export interface ConversationData {
  welcomed?: boolean;
  /** FAQ entries offered last turn (ids), for "1"/"2" or a tapped title. */
  offered?: string[];
  /** Consecutive turns the bot did not understand. */
  misunderstood?: number;
}

export interface CandidateBotDeps {
  conversationState: ConversationState;
  faq: FaqAnswerer;
  lookup: (id: string) => FaqEntry | undefined;
  messages: Messages;
  render: (reply: Reply, context: TurnContext) => Partial<Activity>;
  events: TurnEventSink;
}

/**
 * Routes each turn: commands that work anywhere, a pick from the choices just offered, then the
 * knowledge base. State is read and written only through the conversation-state accessor.
 */
export class CandidateBot extends ActivityHandler {
  private readonly data: StatePropertyAccessor<ConversationData>;

  constructor(private readonly deps: CandidateBotDeps) {
    super();
    this.data = deps.conversationState.createProperty<ConversationData>('candidateAssistant');

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
      const data = await this.data.get(context, {});
      if (joined && !data.welcomed) {
        data.welcomed = true;
        await this.send(context, { text: deps.messages.welcome });
        this.record(context, { route: 'welcome' });
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { messages } = this.deps;
    const data = await this.data.get(context, {});
    const text = (context.activity.text ?? '').trim();
    if (!text) {
      await this.send(context, { text: messages.emptyMessage });
      this.record(context, { route: 'non-text' });
      return;
    }
    // The candidate may be talking to us before a conversationUpdate ever arrived (SMS, some clients).
    data.welcomed = true;

    const command = detectCommand(text);
    if (command) {
      await this.send(context, this.commandReply(command));
      data.offered = undefined;
      data.misunderstood = 0;
      this.record(context, { route: 'command', command });
      return;
    }

    const offered = (data.offered ?? []).flatMap((id) => this.deps.lookup(id) ?? []);
    if (offered.length && text.toLowerCase() === messages.noneOfThese.toLowerCase()) {
      data.offered = undefined;
      await this.send(context, { text: messages.noneChosen, choices: [{ title: messages.talkToPerson, value: messages.talkToPerson }] });
      this.record(context, { route: 'choice', faq: { decision: 'none-of-these' } });
      return;
    }
    const picked = pickOffered(text, offered);
    if (picked) {
      const related = picked.related.flatMap((id) => this.deps.lookup(id) ?? []);
      data.offered = related.map((entry) => entry.id);
      data.misunderstood = 0;
      await this.send(context, answerReply(picked, related, messages));
      this.record(context, { route: 'choice', faq: { decision: 'answer', entryId: picked.id } });
      return;
    }

    const decision = this.deps.faq.decide(stripGreeting(text));
    const outcome = faqOutcome(decision, this.deps.lookup, messages, data.misunderstood ?? 0);
    data.offered = outcome.offered.map((entry) => entry.id);
    data.misunderstood = outcome.understood ? 0 : (data.misunderstood ?? 0) + 1;
    await this.send(context, outcome.reply);
    const best = decision.kind === 'answer' ? decision.hit : decision.hits[0];
    this.record(context, {
      route: 'faq',
      faq: { decision: decision.kind, entryId: outcome.entryId, score: best?.score, coverage: best?.coverage },
    });
  }

  private commandReply(command: Command): Reply {
    const m = this.deps.messages;
    const replies: Record<Command, Reply> = {
      greeting: { text: m.greeting },
      thanks: { text: m.thanks },
      goodbye: { text: m.goodbye },
      capabilities: { text: m.capabilities },
      help: { text: m.help },
      cancel: { text: m.cancelled },
      startOver: { text: m.startOver },
      person: { text: m.person },
    };
    return replies[command];
  }

  private async send(context: TurnContext, reply: Reply): Promise<void> {
    const activity = this.deps.render(reply, context);
    await context.sendActivity({ ...activity, type: activity.type ?? ActivityTypes.Message });
  }

  private record(context: TurnContext, event: Omit<TurnEvent, 'channel' | 'conversationId' | 'activityId'>): void {
    this.deps.events({
      channel: context.activity.channelId,
      conversationId: context.activity.conversation?.id ?? '',
      activityId: context.activity.id,
      ...event,
    });
  }
}
