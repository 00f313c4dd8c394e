import { ActivityTypes } from 'botframework-schema';
import type { Activity, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
import type { Dialog, DialogContext, DialogState } from 'botbuilder-dialogs';
import { loggableConversationId, redactText } from '../logging/redact.js';
import type { Reply } from '../conversation/reply.js';
import { route, type RouteAction, type RouteState } from '../conversation/routes.js';
import { makeTurnFacts, turnFacts, turnFactsKey, type TurnFacts } from '../conversation/turnFacts.js';
import { readingKey, understand, type Understanding } from '../conversation/understand.js';
import { readsAsFollowUp } from '../conversation/followUp.js';
import type { Messages } from '../messages/en.js';
import type { FaqEntry } from '../knowledge/faqEntry.js';
import type { QuestionContext } from '../knowledge/faqAnswerer.js';
import { isStoreUnavailable } from '../storage/storageErrors.js';
import { isIanaZone } from '../configFields.js';
import { chooseLanguage, detectLanguage } from '../language/detect.js';
import { languageOfLocale } from '../language/languages.js';
import { setTurnLanguage, turnLanguage } from '../language/turnLanguage.js';
import type { Language } from '../language/languages.js';
import type { HandoffReason } from '../handoff/types.js';
import { OFFER, requestOf, send, SIGN_IN } from '../../dialogs/engine.js';
import { entryAnswer } from '../../dialogs/faqSteps.js';
import { commandReply } from '../../dialogs/smallTalk.js';
import { UNANSWERED_DECISION, type TurnEvent, type TurnEventSink } from './turnEvents.js';
import { readFeedbackEvent } from './feedbackEvents.js';
import { answerInvoke } from './invokes.js';
import { CONVERSATION_DATA, DIALOG_STATE, type ConversationData } from './conversationData.js';
import { noteLine, offeredChoices, spokenText, type HandoffRelay } from '../handoff/relay.js';
import { deadlineOfLastTask, reasonOfLastTask, verdictOfLastTask, type Turn } from './routeActions.js';
import type { AccountAccess } from './accountAccess.js';
import { recentEntries } from './recentEntries.js';
import { questionRated } from './ratedQuestions.js';
import { handoffSubject, lastQuestion } from './handoffSubject.js';
import { observe, type ObservedTurn, type TurnObserver } from './turnObservers.js';
import type { OfferOptions } from '../../dialogs/offerDialog.js';
import { leanDialogContext } from './leanDialogContext.js';
import { StateProperty } from './stateProperty.js';

export type { ConversationData } from './conversationData.js';

/** What speaks one language: built once per language, each with that language's catalogue. */
export interface LanguageParts {
  /** Every dialog of the conversation (tasks and waiting states), each extending the repair base. */
  dialogs: Dialog[];
  lookup: (id: string) => FaqEntry | undefined;
  messages: Messages;
  /** The route table's actions. */
  actions: Record<RouteAction, (turn: Turn) => Promise<boolean>>;
}

export interface CandidateBotDeps {
  conversationState: ConversationState;
  /** The dialogs, entries, catalogue and route actions of each language the bot speaks. */
  languages: Record<Language, LanguageParts>;
  understanding: Understanding;
  render: (reply: Reply, context: TurnContext) => Partial<Activity>;
  events: TurnEventSink;
  /** The clock, read once per turn here and handed to everything else as a fact. */
  clock: () => Date;
  /** Zone for dates when the channel does not send the candidate's own. */
  defaultZone: string;
  /** The candidate's account in this conversation, where one may be looked at. */
  account: (context: TurnContext) => AccountAccess | undefined;
  /** Handing over to people; absent: the bot gives the phone number. */
  handoff?: HandoffRelay;
  /** Is this conversation shared by several people (a Teams group chat or channel)? */
  isShared: (context: TurnContext) => boolean;
  /** What staff may read of the candidate's message (sign-in details never; attachments named). */
  forTheRecord: (context: TurnContext, text: string, signingIn?: boolean) => string;
  /** What features keep of each message for later turns, run in order after the rows (src/bot/turnObservers.ts). */
  observers: readonly TurnObserver[];
}

/**
 * The thin bot: each message gets its facts (now, zone, channel), one understanding pass, then the
 * route table (src/conversation/routes.ts), whose rows run the dialogs; state is saved after.
 */
export class CandidateBot {
  private readonly data: StatePropertyAccessor<ConversationData>;
  /** One dialog set per language, over the one saved stack. */
  private readonly dialogSets: Record<Language, DialogSet>;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  /**
   * What each kind of activity does; other kinds (typing, message reactions, ...) do nothing. A plain
   * table rather than botbuilder's ActivityHandler, whose chain of generator-based handlers was a
   * measurable share of a FAQ turn for three rows.
   */
  private readonly handlers = new Map<string, (context: TurnContext) => Promise<void>>([
    [ActivityTypes.Message, (context) => this.handleMessage(context)],
    [ActivityTypes.ConversationUpdate, (context) => this.membersAdded(context)],
    [ActivityTypes.Event, (context) => this.handleEvent(context)],
    [ActivityTypes.Invoke, answerInvoke],
  ]);

  constructor(private readonly deps: CandidateBotDeps) {
    this.data = new StateProperty<ConversationData>(deps.conversationState, CONVERSATION_DATA);
    const dialogState = (this.dialogState = new StateProperty<DialogState>(deps.conversationState, DIALOG_STATE));
    const setOf = (parts: LanguageParts) => parts.dialogs.reduce((set, dialog) => set.add(dialog), new DialogSet(dialogState));
    this.dialogSets = { en: setOf(deps.languages.en), es: setOf(deps.languages.es) };
  }

  async run(context: TurnContext): Promise<void> {
    // Each turn speaks one language: the channel's until the message and the conversation's state are read.
    setTurnLanguage(context, languageOfLocale(context.activity.locale) ?? 'en');
    // A Map, not an object: a type named like an Object.prototype member ("__proto__") is just unknown.
    await this.handlers.get(context.activity.type)?.(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  /** Someone other than the bot joined: welcomed (once per conversation). */
  private async membersAdded(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    if ((context.activity.membersAdded ?? []).some((member) => member.id !== botId)) await this.welcome(context);
  }

  private async handleEvent(context: TurnContext): Promise<void> {
    // A rating is recorded and not answered: the page thanks the candidate itself.
    const rating = readFeedbackEvent(context.activity.name, context.activity.value);
    if (rating) {
      const { comment, ...event } = rating;
      // A "No": the question that answer answered goes to the editors' list to teach (masked).
      const rated = event.feedback?.vote === 'down' ? questionRated(await this.data.get(context, {}), event.feedback.entryId) : undefined;
      this.record(context, event, comment, rated);
      return;
    }
    if (this.deps.handoff?.onEvent) {
      const data = await this.data.get(context, {});
      if (await this.deps.handoff.onEvent(context, data, this.deps.clock(), (reply) => this.send(context, reply))) {
        this.record(context, { route: 'handoff', handoff: { outcome: 'status' } });
        return;
      }
    }
    // Web Chat on Azure Direct Line sends no conversationUpdate for the user; the page says it joined.
    if (context.activity.name === 'webchat/join') await this.welcome(context);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const facts = this.factsFor(context);
    context.turnState.set(turnFactsKey, facts);
    const text = (context.activity.text ?? '').trim();
    const data = await this.data.get(context, {});
    // The conversation keeps its language unless this message is clearly in the other, or asks for it.
    const firstWords = data.language === undefined;
    data.language = facts.language = chooseLanguage({ text, locale: languageOfLocale(facts.locale), conversation: data.language, preferred: data.preferredLanguage }).language;
    if (firstWords && detectLanguage(text).language === null) facts.languageOpen = true;
    setTurnLanguage(context, facts.language);
    const speaking = this.deps.languages[facts.language];
    const dialogSet = this.dialogSets[facts.language];
    const dc = await leanDialogContext(dialogSet, context, this.dialogState);
    // A dialog waiting (an answer's follow-ups, a task's question) or a task just answered: the
    // conversation is about ASE testing, so "what about the other one?" needs no ASE word of its own.
    const reading = understand(text, facts, this.deps.understanding, questionContext(dc, data));
    context.turnState.set(readingKey, reading);
    // While sign-in waits, whatever comes is treated as sign-in details on the record, whole or not.
    const signingIn = dc.activeDialog?.id === SIGN_IN;
    // A hand-back puts the table before the handoff back (the relay, row with-staff): the message is
    // then read in its light, as it would have been with no handoff in between.
    const contextRestored = () => reading.reconsider(questionContext(dc, data));
    const turn: ObservedTurn = { context, reading, facts, data, dc, event: {}, stackBefore: dc.stack.map((instance) => instance.id), request: requestOf(context), signingIn, noted: false, contextRestored };
    const account = this.deps.account(context);
    // Any message keeps a sign-in alive: it lapses after 30 minutes of silence, not of FAQ questions.
    await account?.onTurn(context, facts.now);
    const followsUp = () => this.followsLastTask(dialogSet, data, reading, facts);
    const state: RouteState = {
      handoff: Boolean(this.deps.handoff),
      dialogWaiting: Boolean(dc.activeDialog),
      accounts: Boolean(account),
      lastTask: Boolean(data.lastTask?.values),
      lastAccountQuestion: Boolean(data.lastAccountQuestion),
      lastAnswer: Boolean(data.recentEntries?.length),
      lastTaskRough: Object.values(data.lastTask?.values ?? {}).some((value) => Boolean((value as { approximate?: string } | undefined)?.approximate)),
      // Worked out only if the correction row is reached (it reads the last task's slots).
      get lastTaskFollowUp() {
        return followsUp();
      },
      // Read only if the verdict row is reached ("is it too late?" after "it expired").
      get lastTaskVerdict() {
        return verdictOfLastTask(data, reading.text, facts.language) !== undefined || deadlineOfLastTask(data, reading.text) !== undefined;
      },
      // Read only if the reason row is reached ("why not?" after "it can no longer be changed").
      get lastTaskReason() {
        return reasonOfLastTask(data, reading.text) !== undefined;
      },
    };
    const row = await route(reading, state, async (action) => {
      // The transcript staff get starts with the conversation before the handoff.
      if (action !== 'relayToStaff' && text && this.deps.handoff && !turn.noted) {
        noteLine(data, 'candidate', this.deps.forTheRecord(context, text, signingIn), facts.now);
        turn.line = data.recent?.at(-1)?.id;
        turn.noted = true;
      }
      return speaking.actions[action](turn);
    });
    if (text) data.welcomed = true;
    observe(this.deps.observers, 'answered', turn);
    const { handoff, faq, account: accountOutcome, dialog, choice } = turn.request;
    if (faq && !turn.event.faq) turn.event.faq = faq;
    if (choice) turn.event.choice = choice;
    if (accountOutcome) turn.event.account = accountOutcome;
    if (dialog) turn.event.dialog = dialog;
    if (handoff) await this.startHandoff(turn, handoff.reason, handoff.dialog);
    observe(this.deps.observers, 'done', turn);
    this.record(context, { ...turn.event, route: row, language: facts.language });
  }

  /** Does the message change a fact the last task's answer rested on (the task's own follow-up slots)? */
  private followsLastTask(dialogSet: DialogSet, data: ConversationData, reading: { text: string }, facts: TurnFacts): boolean {
    const last = data.lastTask;
    const task = last?.values ? (dialogSet.find(last.id) as { followsUp?: (text: string, facts: TurnFacts, values: Record<string, unknown>, fromAccount?: boolean) => boolean } | undefined) : undefined;
    return Boolean(reading.text && task?.followsUp?.(reading.text, facts, last!.values!, last!.outcome.startsWith('account-')));
  }

  /** Hands the conversation to people; the relay tells the candidate what happens next. */
  async startHandoff(turn: Turn, reason: HandoffReason, dialog?: string): Promise<void> {
    const { context, data, facts } = turn;
    // Everyone in a Teams group chat or channel would read the staff conversation: the phone instead.
    if (!this.deps.handoff || this.deps.isShared(context)) {
      await this.send(context, commandReply('person', this.speaking(context).messages));
      return;
    }
    // The question that led here: the last thing really asked, never "talk to a person" or "MORE".
    const question = lastQuestion(data);
    const lookups = { en: this.deps.languages.en.lookup, es: this.deps.languages.es.lookup };
    const subject = handoffSubject(data, dialog, facts.language, lookups);
    try {
      const access = this.deps.account(context);
      // Signed in: the agent greets them by their first name (canned replies' {firstName}).
      const firstName = await access?.firstName(context, facts.now);
      await this.deps.handoff.start(
        context,
        data,
        { reason, now: facts.now, verified: Boolean(firstName) || ((await access?.isVerified(context, facts.now)) ?? false), ...(firstName ? { firstName } : {}), ...(question ? { question } : {}), ...(subject ? { subject } : {}), ...(dialog ? { dialog } : {}) },
        (reply) => this.send(context, reply),
      );
      turn.event.handoff = { outcome: 'started', reason };
    } catch (error) {
      // A store outage here must not leave the candidate with nobody: the phone always works.
      if (!isStoreUnavailable(error)) throw error;
      data.handoff = undefined;
      await this.send(context, commandReply('person', this.speaking(context).messages));
      turn.event.handoff = { outcome: 'unavailable', reason };
    }
  }

  /**
   * The store is down: answer what needs no memory (commands, acknowledgements, confident FAQ
   * answers, known gaps) and say plainly that anything else must wait, rather than guess at a dialog
   * we cannot see. A message that only makes sense as a follow-up (an answer, a pick, "what about
   * A4?") is never answered as if it stood alone: the candidate is asked for the question in full.
   */
  async runWithoutStore(context: TurnContext): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return;
    const facts = this.factsFor(context);
    const text = (context.activity.text ?? '').trim();
    // Without the store the conversation's language is unknown: this message's (or the channel's) decides.
    facts.language = chooseLanguage({ text, locale: languageOfLocale(facts.locale) }).language;
    setTurnLanguage(context, facts.language);
    await this.answerWithoutStore(context, facts, text);
  }

  private async answerWithoutStore(context: TurnContext, facts: TurnFacts, text: string): Promise<void> {
    const { messages, lookup } = this.speaking(context);
    const reading = understand(text, facts, this.deps.understanding);
    if (reading.command) {
      await this.send(context, commandReply(reading.command, messages));
      this.record(context, { route: 'command', command: reading.command });
      return;
    }
    if (reading.acknowledgement) {
      await this.send(context, { text: messages.acknowledged });
      this.record(context, { route: 'acknowledgement' });
      return;
    }
    if (readsAsFollowUp(reading)) {
      await this.send(context, { text: messages.lostTrack });
      this.record(context, { route: 'faq', faq: { decision: 'follow-up-without-store' } });
      return;
    }
    const decision = reading.text ? reading.faq() : undefined;
    // Without the store nothing would remember an offer, so the answer makes none.
    if (decision?.kind === 'answer') await this.send(context, entryAnswer(decision.entry, lookup, messages, { offer: false }).reply);
    else if (decision?.kind === 'out-of-scope') await this.send(context, { text: decision.topic.reply });
    else await this.send(context, { text: messages.storeDown });
    this.record(context, { route: 'faq', faq: { decision: `${decision?.kind ?? 'empty'}-without-store` } });
  }

  /** The bot's replies, as the candidate saw them, for the transcript staff get on a handoff. */
  async noteReplies(context: TurnContext, activities: Partial<Activity>[]): Promise<void> {
    if (!this.deps.handoff) return;
    const data = await this.data.get(context, {});
    const now = context.turnState.get(turnFactsKey) ? turnFacts(context).now : this.deps.clock();
    for (const activity of activities) if (activity.type === ActivityTypes.Message) noteLine(data, 'bot', spokenText(activity), now, offeredChoices(activity));
  }

  private async welcome(context: TurnContext): Promise<void> {
    const data = await this.data.get(context, {});
    if (data.welcomed) return;
    data.welcomed = true;
    if (data.language) setTurnLanguage(context, data.language);
    const { messages } = this.speaking(context);
    // Starter buttons where buttons show; an SMS welcome stays one short text.
    const starters = context.activity.channelId === 'sms' ? undefined : messages.welcomeStarters;
    await this.send(context, { text: messages.welcome, ...(starters ? { suggestions: [...starters] } : {}) });
    this.record(context, { route: 'welcome' });
  }

  private factsFor(context: TurnContext): TurnFacts {
    const channelZone = (context.activity as { localTimezone?: unknown }).localTimezone;
    const zone = isIanaZone(channelZone) ? channelZone : this.deps.defaultZone;
    return makeTurnFacts({ now: this.deps.clock(), zone, zoneFromChannel: isIanaZone(channelZone), channel: context.activity.channelId, locale: context.activity.locale });
  }

  /** The parts that speak the turn's language (as set on the turn so far). */
  private speaking(context: TurnContext): LanguageParts {
    return this.deps.languages[turnLanguage(context)];
  }

  private send(context: TurnContext, reply: Reply): Promise<void> {
    return send(context, this.deps, reply);
  }

  /** `rated`: the question a "No" rating was about, already masked (a line of the recent transcript). */
  private record(context: TurnContext, event: Omit<TurnEvent, 'channel' | 'conversationId' | 'activityId'>, comment?: string, rated?: string): void {
    const text = context.activity.type === 'message' ? context.activity.text : undefined;
    // What the bot could not answer (or answered with no help) is what editors improve: its words,
    // masked, go with the event. Sign-in details never (forTheRecord), and the rest masked as in
    // transcripts; a rating's comment too.
    const question = event.faq && UNANSWERED_DECISION.test(event.faq.decision) && text ? redactText(this.deps.forTheRecord(context, text)).slice(0, 300) : rated?.slice(0, 300);
    const masked = comment ? redactText(this.deps.forTheRecord(context, comment)).slice(0, 500) : undefined;
    this.deps.events(
      {
        channel: context.activity.channelId,
        conversationId: loggableConversationId(context.activity.conversation?.id),
        activityId: context.activity.id,
        ...event,
      },
      question || masked ? { ...(question ? { question } : {}), ...(masked ? { comment: masked } : {}) } : undefined,
    );
  }
}


/**
 * The conversation is about ASE testing already: a task waits or was just answered, or an answer's
 * follow-ups are on offer (an offer left after "I don't know that one" or a known gap says nothing).
 */
/** What a question this turn is read in the light of: the topic, the entries just answered, the one whole answer. */
function questionContext(dc: DialogContext, data: ConversationData): QuestionContext {
  return {
    onTopic: onTopic(dc, data),
    recent: recentEntries(dc, data),
    ...(data.lastAnswer ? { answered: data.lastAnswer } : {}),
  };
}

function onTopic(dc: DialogContext, data: ConversationData): boolean {
  if (data.lastTask) return true;
  // An answer from the account about the candidate's own tests ("your certificate is delayed until
  // your work experience is approved"): "how do I submit it?" next is about it.
  if (data.lastAccountQuestion) return true;
  const active = dc.activeDialog;
  if (!active) return false;
  if (active.id !== OFFER) return true;
  const offer = active.state.offer as OfferOptions | undefined;
  return Boolean(offer && (offer.entries.length > 0 || offer.task));
}
