import { ActivityHandler, ActivityTypes, type Activity, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { loggableConversationId } from '../logging/redact.js';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { turnFacts, turnFactsKey, type GuidedTask, type TaskOptions, type TaskResult, type TurnFacts } from '../../dialogs/index.js';
import type { FaqAnswerer } from '../knowledge/faqAnswerer.js';
import { shortAnswer, type FaqEntry } from '../knowledge/faqEntry.js';
import { teamsScope } from '../channels/teams/incoming.js';
import type { Reply } from '../channels/reply.js';
import type { Messages } from '../messages/en.js';
import { detectCommand, stripGreeting, type Command } from '../understanding/commands.js';
import { entryAnswer, faqOutcome, pickOffered } from './faqReplies.js';
import type { TurnEvent, TurnEventSink } from './turnEvents.js';
import type { AccountAssistant, AccountTurnData } from './accountAssistant.js';
import { conversationKeyOf, noteLine, spokenText, type HandoffRelay, type HandoffTurnData } from './handoffRelay.js';
import type { HandoffReason } from '../handoff/types.js';
import { readCredentials } from '../understanding/credentials.js';
import { isStoreUnavailable } from '../storage/storageErrors.js';
import { isIanaZone } from '../configFields.js';

export interface ConversationData extends AccountTurnData, HandoffTurnData {
  welcomed?: boolean;
  /** FAQ entries offered last turn (ids), for "1"/"2" or a tapped title. */
  offered?: string[];
  /** Consecutive turns the bot did not understand. */
  misunderstood?: number;
  /** A task whose FAQ answer offered to work out the candidate's own dates ("tell me the date..."). */
  taskOffer?: string;
}

export interface CandidateBotDeps {
  conversationState: ConversationState;
  faq: FaqAnswerer;
  lookup: (id: string) => FaqEntry | undefined;
  messages: Messages;
  render: (reply: Reply, context: TurnContext) => Partial<Activity>;
  events: TurnEventSink;
  /** Guided tasks, each a dialog whose id is the task id that `detect` returns. */
  tasks?: { dialogs: GuidedTask[]; detect: (text: string) => { task: string; confidence: 'high' | 'low' } | null };
  /** The clock, read once per turn here and handed to dialogs as a fact. */
  clock: () => Date;
  /** Zone for dates when the channel does not send the candidate's own. */
  defaultZone: string;
  /** The candidate's own account: signing in and personal answers. Absent: FAQ and tasks only. */
  account?: AccountAssistant;
  /** Handing over to people: the staff console or an external desk. Absent: the bot gives the phone number. */
  handoff?: HandoffRelay;
}

const SIGN_IN_DETAILS = '[sign-in details]';
/** What staff see for a picture, file or card the candidate sent, and for a message with nothing in it. */
const ATTACHMENT = '[a picture, file or card the bot cannot show]';
const EMPTY = '[an empty message]';

/** Account outcomes of a message that carried sign-in details. */
const SIGN_IN_OUTCOMES = new Set(['signed-in', 'verification-failed', 'locked-out', 'credentials-incomplete']);

/** The candidate's message as staff may read it: never sign-in details; attachments named, not shown. */
function forTheRecord(context: TurnContext, text: string): string {
  const attached = (context.activity.attachments ?? []).length > 0;
  const said = !text ? (attached ? ATTACHMENT : EMPTY) : readCredentials(text, turnFacts(context)).ok ? SIGN_IN_DETAILS : text;
  return text && attached ? `${said} ${ATTACHMENT}` : said;
}

function maskLastCandidateLine(data: ConversationData): void {
  const last = data.recent?.at(-1);
  if (last?.from === 'candidate') last.text = SIGN_IN_DETAILS;
}

/** Task outcomes only staff can settle: the candidate is handed over when they happen. */
const STAFF_ONLY_OUTCOMES = new Set(['no-master-defined']);

const isSharedConversation = (context: TurnContext): boolean =>
  context.activity.channelId === 'msteams' && teamsScope(context.activity) !== 'personal';

/**
 * Routes each turn: commands that work anywhere, a pick from the choices just offered, then the
 * knowledge base. State is read and written only through the conversation-state accessor.
 */
export class CandidateBot extends ActivityHandler {
  private readonly data: StatePropertyAccessor<ConversationData>;
  private readonly dialogs: DialogSet;
  private readonly tasks: Map<string, GuidedTask>;

  constructor(private readonly deps: CandidateBotDeps) {
    super();
    this.data = deps.conversationState.createProperty<ConversationData>('candidateAssistant');
    this.dialogs = new DialogSet(deps.conversationState.createProperty<DialogState>('dialogState'));
    for (const dialog of deps.tasks?.dialogs ?? []) this.dialogs.add(dialog);
    this.tasks = new Map((deps.tasks?.dialogs ?? []).map((dialog) => [dialog.id, dialog]));

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

    // Web Chat on Azure Direct Line sends no conversationUpdate for the user; the page says it joined.
    this.onEvent(async (context, next) => {
      if (deps.handoff?.onEvent) {
        const data = await this.data.get(context, {});
        if (await deps.handoff.onEvent(context, data, deps.clock(), (reply) => this.send(context, reply))) {
          this.record(context, { route: 'handoff', handoff: { outcome: 'status' } });
          return next();
        }
      }
      if (context.activity.name === 'webchat/join') {
        const data = await this.data.get(context, {});
        if (!data.welcomed) {
          data.welcomed = true;
          await this.send(context, { text: deps.messages.welcome });
          this.record(context, { route: 'welcome' });
        }
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
    this.setTurnFacts(context);
    const now = turnFacts(context).now;
    const command = text ? detectCommand(text) : null;
    // What goes on the record (a handoff transcript), only where there is someone to hand over to.
    const recorded = this.deps.handoff ? forTheRecord(context, text) : '';
    if (this.deps.handoff) {
      // With staff, the bot keeps quiet (a picture or a file too: staff see that one came);
      // "cancel" / "back to the bot" (or start over) comes back. The store says who has the case.
      const wasHandedOver = Boolean(data.handoff);
      const leaving = command === 'cancel' || command === 'startOver';
      if (await this.deps.handoff.during(context, data, recorded, leaving, now, (reply) => this.send(context, reply))) {
        if (leaving) await (await this.dialogs.createContext(context)).cancelAllDialogs();
        this.record(context, { route: 'handoff', handoff: { outcome: leaving ? 'left' : 'relayed' } });
        return;
      }
      if (wasHandedOver) this.record(context, { route: 'handoff', handoff: { outcome: 'resumed' } });
    }
    if (!text) {
      await this.send(context, { text: messages.emptyMessage });
      this.record(context, { route: 'non-text' });
      return;
    }
    // The candidate may be talking to us before a conversationUpdate ever arrived (SMS, some clients).
    data.welcomed = true;

    // Kept only where there is someone to hand over to.
    if (this.deps.handoff) noteLine(data, 'candidate', recorded, now);
    const dc = await this.dialogs.createContext(context);
    if (dc.activeDialog) {
      await this.continueTask(dc, command, data);
      return;
    }
    const conversation = `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;
    // In a Teams group chat or channel everyone shares the conversation: accounts only in private.
    const account = isSharedConversation(context) ? undefined : this.deps.account;
    if (this.deps.account && !account && (command === 'signIn' || command === 'signOut')) {
      await this.send(context, { text: messages.linking.privateOnly });
      this.record(context, { route: 'account', command });
      return;
    }
    // Any message keeps a sign-in alive: it lapses after 30 minutes of silence, not of FAQ questions.
    await account?.keepAlive(conversation, turnFacts(context).now);
    if (account && (command === 'signIn' || command === 'signOut')) {
      const { now } = turnFacts(context);
      await this.send(context, command === 'signIn' ? await account.signIn(data, conversation, now) : await account.signOut(data, conversation, now));
      this.record(context, { route: 'account', command });
      return;
    }
    const question = stripGreeting(text);
    const facts = turnFacts(context);
    const match = command ? null : (this.deps.tasks?.detect(question) ?? null);
    if (account && !command) {
      // "I failed A5 on March 3, can I retake it?" carries its own facts: the task answers it, no sign-in needed.
      const task = match ? this.tasks.get(match.task) : undefined;
      const selfContained = Boolean(task?.answersAQuestionIn(question, facts));
      const awaitingDetails = Boolean(data.awaitingCredentials);
      const outcome = await account.handle(context, data, question, facts, conversation, { personal: !selfContained });
      // Sign-in details are read and dropped within the turn: never kept for a transcript either.
      if (outcome.handled && (awaitingDetails || SIGN_IN_OUTCOMES.has(outcome.outcome))) maskLastCandidateLine(data);
      if (outcome.handled) {
        data.offered = undefined;
        data.taskOffer = undefined;
        // Answer first: before asking someone to sign in, give the general answer when there is one.
        if (outcome.outcome === 'sign-in-requested') {
          const decision = this.deps.faq.decide(question);
          if (decision.kind === 'answer') await this.send(context, { text: shortAnswer(decision.entry) });
        }
        for (const reply of outcome.reply) await this.send(context, reply);
        this.record(context, { route: 'account', account: { outcome: outcome.outcome } });
        return;
      }
    }
    if (command === 'person' && this.deps.handoff) {
      await this.startHandoff(context, data, 'asked');
      return;
    }
    if (command) {
      await this.send(context, this.commandReply(command));
      data.offered = undefined;
      data.misunderstood = 0;
      // Help keeps an offer open; anything else (start over, hi, bye...) moves on from it.
      if (command !== 'help') data.taskOffer = undefined;
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
      await this.answerEntry(context, data, picked);
      this.record(context, { route: 'choice', faq: { decision: 'answer', entryId: picked.id } });
      return;
    }

    const offer = data.taskOffer ? this.tasks.get(data.taskOffer) : undefined;
    data.taskOffer = undefined;
    const decision = this.deps.faq.decide(question);

    // An answer to the bot's own offer ("tell me the date you took it") takes the offer up: a short
    // reply, or one the FAQ cannot answer, that gives the task something to work with.
    const short = question.split(/\s+/).length <= 6;
    // Another task asked for outright, with its own facts, is a new question, however short.
    const other = match?.confidence === 'high' && match.task !== offer?.id ? this.tasks.get(match.task) : undefined;
    const otherTaskWithFacts = Boolean(other?.answersAQuestionIn(question, facts));
    const replyLike = !otherTaskWithFacts && (short || (decision.kind !== 'answer' && !other));
    if (offer && replyLike && offer.findsSomethingIn(question, facts)) {
      await this.beginTask(dc, data, offer.id, { text: question, answeredGenerally: true });
      return;
    }
    // A message with the candidate's own facts starts its task; so does a task that must ask its
    // first question anyway ("I missed my test"). A general question gets the FAQ answer, which
    // offers to work the candidate's dates out.
    const matched = match ? this.tasks.get(match.task) : undefined;
    const clearRequest = match?.confidence === 'high' && matched?.spec.startsWithoutFacts;
    if (matched && (clearRequest || matched.findsSomethingIn(question, facts))) {
      await this.beginTask(dc, data, matched.id, { text: question });
      return;
    }

    if (decision.kind === 'answer') {
      await this.answerEntry(context, data, decision.entry);
    } else {
      const outcome = faqOutcome(decision, this.deps.lookup, messages, data.misunderstood ?? 0);
      data.offered = outcome.offered.map((entry) => entry.id);
      data.misunderstood = outcome.understood ? 0 : (data.misunderstood ?? 0) + 1;
      // A task-shaped question the FAQ could not place: a follow-up with facts still starts the task.
      data.taskOffer = match && this.tasks.has(match.task) ? match.task : undefined;
      if (this.deps.handoff && (data.misunderstood ?? 0) >= 2) {
        await this.send(context, { text: messages.handoff.misunderstoodLead });
        await this.startHandoff(context, data, 'misunderstood');
        return;
      }
      await this.send(context, outcome.reply);
    }
    const best = decision.kind === 'answer' ? decision.hit : decision.hits[0];
    this.record(context, {
      route: 'faq',
      faq: { decision: decision.kind, entryId: decision.kind === 'answer' ? decision.entry.id : undefined, score: best?.score, coverage: best?.coverage },
    });
  }

  /** A FAQ answer with its follow-ups; an entry that offers a task leaves that offer open. */
  private async answerEntry(context: TurnContext, data: ConversationData, entry: FaqEntry): Promise<void> {
    const { reply, related } = entryAnswer(entry, this.deps.lookup, this.deps.messages);
    data.offered = related.map((item) => item.id);
    data.misunderstood = 0;
    data.taskOffer = entry.offer && this.tasks.has(entry.offer.task) ? entry.offer.task : undefined;
    await this.send(context, reply);
  }

  /**
   * The store is down: answer what needs no memory (commands, confident FAQ answers, known gaps) and
   * say plainly that anything else must wait, rather than guess at a dialog we cannot see.
   */
  async runWithoutStore(context: TurnContext): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return;
    const { messages } = this.deps;
    const text = (context.activity.text ?? '').trim();
    const command = text ? detectCommand(text) : null;
    if (command) {
      await this.send(context, this.commandReply(command));
      this.record(context, { route: 'command', command });
      return;
    }
    const decision = text ? this.deps.faq.decide(stripGreeting(text)) : undefined;
    if (decision?.kind === 'answer') {
      await this.send(context, entryAnswer(decision.entry, this.deps.lookup, messages).reply);
    } else if (decision?.kind === 'out-of-scope') {
      await this.send(context, { text: decision.topic.reply });
    } else {
      await this.send(context, { text: messages.storeDown });
    }
    this.record(context, { route: 'faq', faq: { decision: `${decision?.kind ?? 'empty'}-without-store` } });
  }

  private setTurnFacts(context: TurnContext): void {
    const channelZone = (context.activity as { localTimezone?: unknown }).localTimezone;
    const facts: TurnFacts = isIanaZone(channelZone)
      ? { now: this.deps.clock(), zone: channelZone, zoneFromChannel: true }
      : { now: this.deps.clock(), zone: this.deps.defaultZone, zoneFromChannel: false };
    context.turnState.set(turnFactsKey, facts);
  }

  /**
   * A task is running. Commands still work: cancel, start over and "a person" end it; help and small
   * talk answer and then ask the task's question again. Anything else is the task's business.
   */
  private async continueTask(dc: DialogContext, command: Command | null, data: ConversationData): Promise<void> {
    const context = dc.context;
    const task = dc.activeDialog?.id ?? '';
    const dialog = this.deps.tasks?.dialogs.find((d) => d.id === task);
    if (command === 'cancel' || command === 'startOver' || command === 'person' || command === 'goodbye') {
      await dc.cancelAllDialogs();
      data.offered = undefined;
      data.misunderstood = 0;
      if (command === 'person' && this.deps.handoff) {
        await this.startHandoff(context, data, 'asked', task);
        return;
      }
      await this.send(context, this.commandReply(command));
      this.record(context, { route: 'command', command, dialog: { id: task, outcome: 'interrupted' } });
      return;
    }
    if (command) {
      const reply = command === 'help' && dialog ? { text: dialog.help() } : this.commandReply(command);
      await this.send(context, reply);
      await dc.repromptDialog();
      this.record(context, { route: 'command', command, dialog: { id: task } });
      return;
    }
    const result = await dc.continueDialog();
    await this.taskEnded(context, data, task, result.status === DialogTurnStatus.complete ? (result.result as TaskResult | undefined) : undefined);
  }

  private async beginTask(dc: DialogContext, data: ConversationData, task: string, options: TaskOptions): Promise<void> {
    data.offered = undefined;
    data.misunderstood = 0;
    data.taskOffer = undefined;
    const result = await dc.beginDialog(task, options);
    await this.taskEnded(dc.context, data, task, result.status === DialogTurnStatus.complete ? (result.result as TaskResult | undefined) : undefined);
  }

  /** Records the task's turn; a finished task is remembered for staff, and one only staff can settle is handed over. */
  private async taskEnded(context: TurnContext, data: ConversationData, task: string, result: TaskResult | undefined): Promise<void> {
    this.record(context, { route: 'dialog', dialog: { id: task, outcome: result?.outcome ?? 'in-progress' } });
    if (!result) return;
    data.lastTask = { id: task, outcome: result.outcome, ...(result.answer ? { answer: result.answer } : {}) };
    if (this.deps.handoff && result.outcome === 'gave-up') {
      await this.send(context, { text: this.deps.messages.handoff.misunderstoodLead });
      await this.startHandoff(context, data, 'misunderstood', task);
    } else if (this.deps.handoff && STAFF_ONLY_OUTCOMES.has(result.outcome)) {
      await this.send(context, { text: this.deps.messages.handoff.staffOnlyLead });
      await this.startHandoff(context, data, 'staff-only', task);
    }
  }

  /** Hands the conversation to people; the relay tells the candidate what happens next. */
  private async startHandoff(context: TurnContext, data: ConversationData, reason: HandoffReason, dialog?: string): Promise<void> {
    const { now } = turnFacts(context);
    data.offered = undefined;
    data.taskOffer = undefined;
    data.misunderstood = 0;
    // Everyone in a Teams group chat or channel would read the staff conversation: a phone number instead.
    if (isSharedConversation(context)) {
      await this.send(context, this.commandReply('person'));
      this.record(context, { route: 'command', command: 'person' });
      return;
    }
    const conversation = conversationKeyOf(context);
    // The question that led here: for "talk to a person", the one asked before it.
    const question = [...(data.recent ?? [])].reverse().find((line) => line.from === 'candidate' && detectCommand(line.text) !== 'person')?.text;
    try {
      await this.deps.handoff!.start(
        context,
        data,
        { reason, now, verified: (await this.deps.account?.isVerified(conversation, now)) ?? false, ...(question ? { question } : {}), ...(dialog ? { dialog } : {}) },
        (reply) => this.send(context, reply),
      );
    } catch (error) {
      // A store outage here must not leave the candidate with nobody: the phone always works.
      if (!isStoreUnavailable(error)) throw error;
      data.handoff = undefined;
      await this.send(context, this.commandReply('person'));
      this.record(context, { route: 'handoff', handoff: { outcome: 'unavailable', reason } });
      return;
    }
    this.record(context, { route: 'handoff', handoff: { outcome: 'started', reason } });
  }

  /** The bot's replies, as the candidate saw them, for the transcript staff get on a handoff. */
  async noteReplies(context: TurnContext, activities: Partial<Activity>[]): Promise<void> {
    if (!this.deps.handoff) return;
    const data = await this.data.get(context, {});
    const now = context.turnState.get(turnFactsKey) ? turnFacts(context).now : this.deps.clock();
    for (const activity of activities) if (activity.type === ActivityTypes.Message) noteLine(data, 'bot', spokenText(activity), now);
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
      // Without an account service there is nothing to sign in to.
      signIn: { text: m.noAccounts },
      signOut: { text: m.linking.notSignedIn },
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
      conversationId: loggableConversationId(context.activity.conversation?.id),
      activityId: context.activity.id,
      ...event,
    });
  }
}
