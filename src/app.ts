import type { Activity, Storage, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { mountTwilioSms, smsMiddleware, TwilioSmsAdapter, withSmsRendering } from './channels/sms/index.js';
import { TeamsIncomingMiddleware, withTeamsRendering } from './channels/teams/index.js';
import { mountWeb, type WebChannel } from './channels/web/mountWeb.js';
import { DIRECTLINE_CHANNEL_ID } from './channels/web/directLineRoutes.js';
import type { AccountService, WebIdentityVerifier } from './account/index.js';
import { AccountLinks, accountLinkKey } from './account/linking.js';
import { answerPersonal } from '../dialogs/accountAnswers.js';
import { detectPersonalQuestion, type PersonalQuestion } from './understanding/accountQuestions.js';
import { AccountAccess, conversationOf } from './bot/accountAccess.js';
import { routeActions } from './bot/routeActions.js';
import { teamsScope } from './channels/teams/incoming.js';
import type { Reading } from './conversation/understand.js';
import { maskSignInDetails } from './understanding/credentials.js';
import { detectTask } from './understanding/taskIntent.js';
import { asksSomething, twoAsks } from './understanding/twoAsks.js';
import type { TurnFacts } from './conversation/turnFacts.js';
import { enAccount } from './messages/enAccount.js';
import { esAccount } from './messages/esAccount.js';
import type { Config } from './config.js';
import type { Logger } from './logging/logger.js';
import { createAdapter } from './bot/adapter.js';
import { CandidateBot, type LanguageParts } from './bot/candidateBot.js';
import { logTurnEvents, type TurnEventSink } from './bot/turnEvents.js';
import type { TurnObserver } from './bot/turnObservers.js';
import { askedLineObserver } from './bot/handoffSubject.js';
import { lastReplyObserver, lastWordsObserver } from './bot/lastReply.js';
import { accountLanguageObserver } from './bot/accountLanguage.js';
import { accountQuestionObserver, recentEntriesObserver } from './bot/recentEntries.js';
import { answeredQuestionObserver } from './bot/ratedQuestions.js';
import { renderDefault } from './channels/render.js';
import type { KnowledgeBase } from './knowledge/knowledgeBase.js';
import { catalogues } from './messages/catalogue.js';
import { enHandoff } from './messages/enHandoff.js';
import { esHandoff } from './messages/esHandoff.js';
import { inLanguage } from './knowledge/knowledgeBase.js';
import { turnLanguage } from './language/turnLanguage.js';
import type { Language } from './language/languages.js';
import { createServer, type BotServer, type ServerEdge } from './server.js';
import { createRateLimits, type RateLimits } from './http/rateLimits.js';
import type { Reply } from './conversation/reply.js';
import { createDialogs, type ConversationDeps, type GuidedTask } from '../dialogs/index.js';
import { CONVERSATION_DATA, DIALOG_STATE, type ConversationData } from './bot/conversationData.js';
import { ConsistentConversationState } from './storage/consistentConversationState.js';
import { MemoryTurnGate, type TurnGate } from './storage/turnGate.js';
import { createTurnRunner } from './bot/turnRunner.js';
import { conversationKeyOf, type HandoffRelay } from './handoff/relay.js';
import { casePointerKey } from './handoff/caseStore.js';
import { ReadAhead } from './storage/readAhead.js';
import { createHandoff, type Handoff } from './handoff/index.js';
import { createCandidateDelivery } from './handoff/delivery.js';
import type { StaffDirectory } from './handoff/staff/staffAccounts.js';
import type { LiveEvent } from './handoff/types.js';
import type { LiveChannel } from './storage/liveChannel.js';
import { replyFailureMiddleware } from './bot/replyFailures.js';
import type { Sequence } from './storage/sequence.js';
import type { OpenQueue } from './storage/openQueue.js';
import type { KnowledgeChange } from './handoff/staff/knowledgeEditor.js';

/** What a failed turn apologises with, in the turn's language. */
const turnError = (language: Language) => catalogues[language].turnError;

export interface AppParts {
  config: Config;
  logger: Logger;
  storage: Storage;
  knowledge: KnowledgeBase;
  /** The clock; tests pass a fixed one. */
  clock: () => Date;
  /** Where turn events go; the log by default. */
  events?: TurnEventSink;
  /** Serialises turns per conversation; in-process by default, Redis across instances. */
  gate?: TurnGate;
  /** Is the store reachable? For /readyz. Default: a read succeeds. */
  storeReady?: () => Promise<boolean>;
  /** Extra routes (the web channel, staff console) to mount on the server. */
  mount?: Array<(server: Server) => void>;
  /** The candidate account service; without it the bot answers general questions only. */
  accounts?: AccountService;
  /** Verifies the website's signed session tokens, when configured. */
  webIdentity?: WebIdentityVerifier;
  /** Who signs in to the staff console (HANDOFF_MODE=console); without it, no handoff to the console. */
  staff?: StaffDirectory;
  /** Handoff events for every instance (Redis pub/sub); in-process by default. */
  live?: LiveChannel<LiveEvent>;
  /** Request rate limits (shared through Redis when configured); in memory from the config by default. */
  limits?: RateLimits;
  /** Told of every reply a channel did not take (the metrics count them), on every adapter. */
  replyFailed?: (channel: string) => void;
  /** Case numbers shared by every instance (Redis INCR); in-process by default. */
  caseNumbers?: Sequence;
  /** The handoff queue shared by every instance (a Redis sorted set); in-process by default. */
  caseQueue?: OpenQueue;
  /** Tells every instance that editors changed the knowledge (Redis pub/sub); in-process by default. */
  knowledgeLive?: LiveChannel<KnowledgeChange>;
  /** Hears how long each new handoff case took to be queued with its place, in seconds (the metrics). */
  handoffTimed?: (seconds: number) => void;
}

/**
 * Wires the parts into a bot and an HTTP server. The composition root (index.ts) decides which
 * concrete parts to pass; tests pass their own.
 */
export function buildBot({ config, logger, storage, knowledge, clock, events, accounts, webIdentity }: AppParts, handoff?: HandoffRelay, readAhead?: ReadAhead) {
  const conversationState = new ConsistentConversationState(storage, readAhead);
  const accountMessages = { en: enAccount, es: esAccount };
  const access = accounts
    ? new AccountAccess({
        accounts,
        links: new AccountLinks(readAhead?.storage ?? storage, {
          idleMs: config.ACCOUNT_LINK_IDLE_MINUTES * 60_000,
          lockoutMs: config.ACCOUNT_LOCKOUT_MINUTES * 60_000,
          maxFailures: config.ACCOUNT_MAX_FAILED_VERIFICATIONS,
          aseIdBackoffMaxMs: config.ACCOUNT_ASE_ID_BACKOFF_MAX_SECONDS * 1000,
        }),
        webIdentity,
        messages: (context) => catalogues[turnLanguage(context)],
        answer: (question, account, facts) =>
          answerPersonal(question as PersonalQuestion, account, {
            now: facts.now,
            zone: facts.zone,
            policy: knowledge.policy,
            catalogue: knowledge.catalogue,
            messages: accountMessages[facts.language],
            language: facts.language,
            dateOf: (words) => facts.dates(words)[0]?.date,
          }),
      })
    : undefined;
  // In a Teams group chat or channel everyone shares the conversation: accounts only in private.
  const accountHere = (context: TurnContext) => (access && !isSharedConversation(context) ? access : undefined);
  const port = access?.port();
  // The dialogs and route actions, built once per language with that language's catalogue and entries:
  // each turn runs the set of its own language (the dialog ids, and so the saved stack, are the same in both).
  const speaking = (language: Language): LanguageParts => {
    const messages = catalogues[language];
    // Entries in this language (a Spanish turn follows up with the Spanish twins), else the English one.
    const lookup = (id: string) => inLanguage(knowledge, language).index.get(id) ?? knowledge.index.get(id);
    let tasks: GuidedTask[] = [];
    const conversation: ConversationDeps = {
      policy: knowledge.policy,
      catalogue: knowledge.catalogue,
      messages,
      language,
      // This language's answerer, as the knowledge base holds it now (an editor's rebuild replaces it).
      get faq() {
        return inLanguage(knowledge, language).answerer;
      },
      lookup,
      render: renderFor,
      account: (context) => (accountHere(context) ? port : undefined),
      opensTask: (reading, facts) => opensTask(tasks, reading, facts),
      switchesTo: (reading, facts) => switchesTo(tasks, reading, facts),
      handsOver: Boolean(handoff),
      answersFromAccount: (task) => Boolean(tasks.find((t) => t.id === task)?.spec.accountQuestion),
      // Asked beside sign-in details, the task needs no facts of its own: the account has them.
      taskAccountQuestion: (reading, facts) => tasks.find((t) => t.id === reading.task?.task)?.accountQuestionIn(reading.question, facts),
      // The offer asked for these facts: the reply is read as the answer to it.
      findsFacts: (task, reading, facts) => Boolean(tasks.find((t) => t.id === task)?.findsSomethingIn(reading.question, facts, true)),
      twoTasksIn: (text, facts) => twoTasksIn(tasks, language, text, facts),
      factsFound: (task, reading, facts) => tasks.find((t) => t.id === task)?.factsIn(reading.question, facts, true) ?? 0,
      taskHelp: (task) => tasks.find((t) => t.id === task)?.spec.help(conversation),
      carried: (task, from) => {
        const names = Object.entries(tasks.find((t) => t.id === task)?.spec.carriesFrom?.[from.id] ?? {});
        const values = Object.fromEntries(names.flatMap(([mine, theirs]) => (from.values[theirs] === undefined ? [] : [[mine, from.values[theirs]]])));
        return Object.keys(values).length > 0 ? values : undefined;
      },
    };
    const dialogs = createDialogs(conversation);
    tasks = dialogs.tasks;
    return {
      dialogs: dialogs.all,
      messages,
      lookup,
      actions: routeActions({
        conversation,
        messages,
        accountsConfigured: Boolean(access),
        account: accountHere,
        handoff,
        forTheRecord,
        // A question typed while queued names its subject in English for the queue, in this language for the greeting.
        lookups: { en: (id) => knowledge.index.get(id), es: (id) => inLanguage(knowledge, 'es').index.get(id) ?? knowledge.index.get(id) },
      }),
    };
  };
  const bot = new CandidateBot({
    conversationState,
    languages: { en: speaking('en'), es: speaking('es') },
    understanding: {
      decide: (question, context) => inLanguage(knowledge, context?.language).answerer.decide(question, context),
      decidePair: (question, context) => inLanguage(knowledge, context?.language).answerer.decidePair(question, context),
      decideGapPair: (question, context) => inLanguage(knowledge, context?.language).answerer.decideGapPair(question, context),
      namesElsewhere: (question, context) => inLanguage(knowledge, context?.language).answerer.namesElsewhere(question),
      accountQuestion: (text) => (accounts ? detectPersonalQuestion(text, knowledge.catalogue) : null),
    },
    render: renderFor,
    events: events ?? logTurnEvents(logger),
    clock,
    defaultZone: config.DEFAULT_TIMEZONE,
    account: accountHere,
    handoff,
    isShared: isSharedConversation,
    forTheRecord,
    observers: TURN_OBSERVERS,
  });
  return { bot, conversationState };
}

/**
 * What each message leaves in the conversation's state for later turns, in order: a feature that
 * keeps something is a row here (docs/architecture.md, "A turn"), never a line of the bot class.
 */
const TURN_OBSERVERS: readonly TurnObserver[] = [
  askedLineObserver,
  lastReplyObserver,
  lastWordsObserver,
  accountLanguageObserver,
  recentEntriesObserver,
  accountQuestionObserver,
  answeredQuestionObserver,
];

/** A task the message starts on its own: a clear request whose first question is the point, or one with its facts. */
function opensTask(tasks: GuidedTask[], reading: Reading, facts: TurnFacts): string | undefined {
  const match = reading.task;
  const task = match ? tasks.find((t) => t.id === match.task) : undefined;
  if (!match || !task) return undefined;
  if (match.confidence === 'high' && task.spec.startsWithoutFacts) return task.id;
  return task.findsSomethingIn(reading.question, facts) ? task.id : undefined;
}

/**
 * Two tasks a message asks for, each in its own part, in the order asked: "I failed A5 on March 3
 * and I also want to move my A4 appointment on Friday, can I?". Not a second part that gives the
 * first facts it can use without asking anything ("am I still a master auto tech? A3 and A6 expired").
 */
function twoTasksIn(tasks: GuidedTask[], language: Language, text: string, facts: TurnFacts): [{ task: string; text: string }, { task: string; text: string }] | undefined {
  // "I failed a test": asked outright, it is that task, which asks for its facts.
  const taskIn = (part: string) => {
    const match = detectTask(part, language);
    const task = match ? tasks.find((t) => t.id === match.task) : undefined;
    return task && (match!.confidence === 'high' || task.findsSomethingIn(part, facts)) ? task : undefined;
  };
  for (const [a, b] of twoAsks(text)) {
    const first = taskIn(a);
    const second = first && taskIn(b);
    if (!first || !second || first === second) continue;
    if (first.findsSomethingIn(b, facts) && !asksSomething(b)) continue;
    return [
      { task: first.id, text: a },
      { task: second.id, text: b },
    ];
  }
  return undefined;
}

/** A task asked for outright with facts that answer its own questions: enough to leave another task for. */
function switchesTo(tasks: GuidedTask[], reading: Reading, facts: TurnFacts): string | undefined {
  const match = reading.task;
  const task = match?.confidence === 'high' ? tasks.find((t) => t.id === match.task) : undefined;
  if (!task) return undefined;
  return task.spec.startsWithoutFacts || task.answersAQuestionIn(reading.question, facts) ? task.id : undefined;
}

const isSharedConversation = (context: TurnContext): boolean =>
  context.activity.channelId === 'msteams' && teamsScope(context.activity) !== 'personal';

const SIGN_IN_DETAILS = '[sign-in details]';
/** What staff see for a picture, file or card the candidate sent, and for a message with nothing in it. */
const ATTACHMENT = '[a picture, file or card the bot cannot show]';
const EMPTY = '[an empty message]';

/** The candidate's message as staff may read it: never sign-in details; attachments named, not shown. */
function forTheRecord(context: TurnContext, text: string, signingIn = false): string {
  const attached = (context.activity.attachments ?? []).length > 0;
  // While sign-in waits, the line is its details: all of it hidden. Elsewhere only the details are
  // (an ID-shaped word, and the date and four digits beside it): the question around them stays.
  const said = !text ? (attached ? ATTACHMENT : EMPTY) : signingIn ? SIGN_IN_DETAILS : maskSignInDetails(text, SIGN_IN_DETAILS);
  return text && attached ? `${said} ${ATTACHMENT}` : said;
}

export function buildApp(parts: AppParts) {
  const { config, logger, storage, knowledge } = parts;
  const adapter = createAdapter(config, logger, turnError);
  const twilio = config.TWILIO_ACCOUNT_SID ? twilioAdapter(config, logger) : undefined;
  const gate = parts.gate ?? new MemoryTurnGate();
  let web: WebChannel | undefined;
  // Every turn reads the conversation's account link and its handoff pointer: read with its state.
  const readAhead = new ReadAhead(storage, (context) => [
    ...(parts.accounts && !isSharedConversation(context) ? [accountLinkKey(conversationOf(context))] : []),
    ...(config.HANDOFF_MODE === 'console' && parts.staff ? [casePointerKey(conversationKeyOf(context))] : []),
  ]);
  const handoff: Handoff | undefined = createHandoff({
    config,
    storage: readAhead.storage,
    live: parts.live,
    staff: parts.staff,
    ...(parts.caseNumbers ? { caseNumbers: parts.caseNumbers } : {}),
    ...(parts.caseQueue ? { queue: parts.caseQueue } : {}),
    cannedReplies: knowledge.cannedReplies,
    knowledge,
    ...(parts.knowledgeLive ? { knowledgeLive: parts.knowledgeLive } : {}),
    ...(parts.handoffTimed ? { handoffTimed: parts.handoffTimed } : {}),
    messages: (language) => ({ en: enHandoff, es: esHandoff })[language],
    clock: parts.clock,
    logger,
    gate,
    delivery: createCandidateDelivery({
      botAdapter: adapter,
      appId: config.MicrosoftAppId ?? '',
      // The web channel is mounted below; by the time staff write, it exists.
      directLine: { continueConversation: (reference, logic) => web!.adapter!.continueConversation(reference, logic) },
      ...(twilio ? { twilio: { adapter: twilio, serviceUrl: twilio.serviceUrl } } : {}),
      render: renderFor,
      logger,
      deadlineMs: config.HANDOFF_DELIVERY_TIMEOUT_MS,
      // Defined below; by the time staff hand a case back, it exists.
      turn: (context) => onTurn(context),
    }),
  });
  // Turn events also feed the supervisors' insights (next to the log, never in its place).
  const observe = handoff?.observe;
  const events = parts.events ?? logTurnEvents(logger);
  const { bot, conversationState } = buildBot(observe ? { ...parts, events: (event, unanswered) => (events(event, unanswered), observe({ ...event, ...unanswered })) } : parts, handoff?.relay, readAhead);
  const sms = smsMiddleware(storage, {
    logger,
    keywordReplies: config.SMS_KEYWORD_REPLIES,
    split: { max: config.SMS_MAX_CHARS, target: config.SMS_TARGET_CHARS },
    // STOP / START / HELP and MORE with nothing kept, in a Spanish conversation, are answered in
    // Spanish. The state read here is dropped again rather than kept: these turns go no further, or
    // (HELP) the bot reads it afresh.
    languageOf: async (context) => {
      const state = await conversationState.load(context, true);
      conversationState.forget(context);
      return (state[CONVERSATION_DATA] as ConversationData | undefined)?.language;
    },
    // STOP (or a bare CANCEL, which carriers read as STOP) ends what the conversation waited for and
    // what it was about: after START, the next message is read afresh.
    onOptOut: async (context) => {
      const state = await conversationState.load(context, true);
      const data = state[CONVERSATION_DATA] as ConversationData | undefined;
      delete state[DIALOG_STATE];
      if (data) {
        delete data.lastTask;
        delete data.recentEntries;
        delete data.lastAccountQuestion;
      }
      // A case with staff ends too: their replies could no longer reach the number.
      if (handoff?.optedOut) {
        await handoff.optedOut(conversationKeyOf(context));
        if (data) delete data.handoff;
      }
      await conversationState.saveChanges(context, false);
      conversationState.forget(context);
    },
  });
  // First, so it sees a send fail whatever the channel middlewares below do with it.
  const watchReplies = parts.replyFailed ? [replyFailureMiddleware(parts.replyFailed)] : [];
  adapter.use(...watchReplies, new TeamsIncomingMiddleware(), ...sms);
  const onTurn: (context: TurnContext) => Promise<void> = createTurnRunner({
    gate,
    state: conversationState,
    turn: (context) => bot.run(context),
    withoutStore: (context) => bot.runWithoutStore(context),
    observeReplies: (context, activities) => bot.noteReplies(context, activities),
    logger,
  });
  twilio?.use(...watchReplies, ...sms);
  const http: BotServer = createServer({
    adapter,
    onTurn,
    logger,
    limits: parts.limits ?? createRateLimits(config, { logger }),
    // The turn runner checks the message limit once it holds the lock (one round trip for both).
    admitsInTurn: true,
    ...(config.MicrosoftAppId ? {} : { devServiceUrls: config.DEV_SERVICE_URL_ALLOW }),
    mount: [
      (server: Server, edge: ServerEdge) => {
        // The candidate's presence for staff comes from the website chat's connection (keyed as the turn gate keys conversations).
        const onStreamConnection = (conversationId: string, open: boolean) => handoff?.connection?.(`${DIRECTLINE_CHANNEL_ID}/${conversationId}`, open);
        web = mountWeb(server, { onTurn, storage, logger, settings: config, turnError, upgrades: edge.upgrades, limits: edge.limits, onStreamConnection });
      },
      ...(twilio ? [(server: Server) => mountTwilioSms(server, { adapter: twilio, onTurn, logger })] : []),
      ...(handoff?.mount ? [handoff.mount] : []),
      ...(parts.mount ?? []),
    ],
    readiness: [
      { name: 'knowledge', check: async () => knowledge.index.entries.length > 0 },
      {
        name: 'storage',
        check:
          parts.storeReady ??
          (async () => {
            await storage.read(['readyz-probe']);
            return true;
          }),
      },
    ],
  });
  if (watchReplies.length) web?.adapter?.use(...watchReplies);
  // An agent typing on any instance shows in the candidate's website chat on this one.
  const webPrefix = `${DIRECTLINE_CHANNEL_ID}/`;
  handoff?.onAgentTyping?.((key, name, stopped) => {
    if (key.startsWith(webPrefix)) web?.staffTyping(key.slice(webPrefix.length), name, stopped);
  });
  return { adapter, bot, onTurn, http, twilio, web: web!, handoff };
}

/** One renderer per channel; dialogs, the FAQ and staff messages never look at the channel themselves. */
const renderFor = withReplyLocale(withSmsRendering(withTeamsRendering((reply: Reply) => renderDefault(reply))));

/**
 * Every reply says the language it is in (the activity's `locale`), so a client can word what it adds
 * around it in the same language: the website chat's "Did this help?" under a Spanish answer is
 * "¿Le ayudó?", whatever the browser's own language.
 */
function withReplyLocale(render: (reply: Reply, context: TurnContext) => Partial<Activity>): (reply: Reply, context: TurnContext) => Partial<Activity> {
  return (reply, context) => ({ ...render(reply, context), locale: REPLY_LOCALES[turnLanguage(context)] });
}
const REPLY_LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

function twilioAdapter(config: Config, logger: Logger): TwilioSmsAdapter {
  return new TwilioSmsAdapter({
    accountSid: config.TWILIO_ACCOUNT_SID!,
    authToken: config.TWILIO_AUTH_TOKEN!,
    phoneNumber: config.TWILIO_PHONE_NUMBER,
    messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID,
    webhookUrl: config.TWILIO_WEBHOOK_URL!,
    apiBaseUrl: config.TWILIO_API_BASE_URL,
    statusCallbackUrl: config.TWILIO_STATUS_CALLBACK_URL,
    retry: { attempts: config.TWILIO_MAX_ATTEMPTS },
    split: { max: config.SMS_MAX_CHARS, target: config.SMS_TARGET_CHARS },
    logger,
    turnErrorText: turnError,
  });
}
