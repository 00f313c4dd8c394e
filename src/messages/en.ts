import { enTasks } from './enTasks.js';
import { enLinking } from './enLinking.js';
import { enHandoff } from './enHandoff.js';

/**
 * Every sentence the bot says, keyed by purpose. English first; the Spanish catalogue (es.ts) has the
 * same shape, and src/messages/catalogue.ts hands out the one for the turn's language. Policy facts here come from the source FAQ (ase-faq-2022-09-20.txt).
 */
export const en = {
  welcome:
    "Hi! I'm the ASE Candidate Assistant. I can answer questions about buying and scheduling tests, rescheduling, results, certificates, retests and recertification. What can I help you with?",
  /** Buttons under the welcome: common first questions, each sent as a question the FAQ answers. */
  welcomeStarters: [
    { title: 'Reschedule or cancel a test', value: 'How do I reschedule or cancel my test?' },
    { title: 'When I get my results', value: 'When will I receive my test results?' },
    { title: 'Retaking a failed test', value: 'If I fail a test, when can I take it again?' },
    { title: 'Recertification', value: 'When do I take recertification tests?' },
  ],
  greeting: 'Hello! What can I help you with today? You can ask about scheduling, results, certificates, retests or recertification.',
  present: "Yes, I'm here. What can I help you with?",
  thanks: "You're welcome! Anything else I can help with?",
  askAway: "Sure, go ahead: what's your question? You can ask about scheduling, results, certificates, retests or recertification.",
  goodbye: 'Goodbye, and good luck with your tests!',
  capabilities:
    'I can answer questions about ASE testing: buying and scheduling a test, changing or cancelling an appointment, missed appointments, results, work experience, certificates and duplicates, retests, recertification, Master Technician status, Spanish tests and accommodations. Just ask in your own words.',
  /** "what's your name", "who are you": what the bot is, then what it can do (`capabilities`). */
  aboutMe:
    "I'm the ASE Candidate Assistant, an automated assistant for ASE test candidates. I can answer questions about ASE testing: buying and scheduling a test, changing or cancelling an appointment, missed appointments, results, work experience, certificates and duplicates, retests, recertification, Master Technician status, Spanish tests and accommodations. Just ask in your own words.",
  identity:
    'I\'m an automated assistant, not a person: I answer questions about ASE testing and certification. To reach a person, say "talk to a person".',
  help: 'Ask me a question in your own words, for example "How do I reschedule my test?" or "When can I retake a test I failed?". Say "start over" at any time, or "talk to a person" to reach ASE staff.',
  startOver: "Okay, let's start over. What can I help you with?",
  // Said when "cancel" / "never mind" leaves a question: never in words that sound like an appointment was cancelled.
  cancelled: "Okay, I've left that question; nothing was changed. What else can I help you with?",
  nothingToStop: "Okay. Nothing was in progress, so nothing was changed. What else can I help you with?",
  person:
    'To talk to a person, call ASE Customer Service at 1-800-390-6789. For help with an appointment, you can also call Prometric at 877-346-9327.',
  callUs:
    'I can\'t place a phone call, but you can call ASE Customer Service at 1-800-390-6789; for help with an appointment, you can also call Prometric at 877-346-9327. Or say "talk to a person" and a member of ASE support staff will join this chat.',
  /** "that sucks", "thats not fair" of an answer's news: sorry, and a way on. */
  dismayed: "I'm sorry, I know that's not the answer you hoped for. If I've misunderstood, ask me again in other words, or say \"talk to a person\".",
  frustrated:
    "Sorry I haven't been much help. You can ask again in other words, or say \"talk to a person\" and a member of ASE support staff will join this chat.",
  didYouMean: 'I want to be sure I answer the right question. Did you mean one of these?',
  noneOfThese: 'None of these',
  /** A "Did you mean" of one entry (its button's title), answered Yes or No. */
  didYouMeanOne: (title: string) => `I want to be sure I answer the right question. Did you mean: ${title}?`,
  /** The answer just given, asked for again in other words: only its part that answers, said as from it. */
  fromLastAnswer: (part: string) => `As in my last answer: ${part}`,
  /** A question about the answer just given ("so what do I do now?") that its entry has nothing more on. */
  nothingMoreOnThat:
    "I don't have more on that than what I just said. ASE Customer Service (1-800-390-6789) can help with it, or say \"talk to a person\".",
  noneChosen:
    "Sorry I couldn't find it. Try asking in other words, or call ASE Customer Service at 1-800-390-6789 to talk to a person.",
  unknown: "Sorry, I don't know that one. I answer questions about ASE testing and certification.",
  /** A test named alone ("A4"), with nothing asked about it. */
  aboutDate: (date: string, signIn: boolean) =>
    `${date}: what happened that day? Tell me with the date, for example "I failed A5 on March 3" or "I bought my test on March 3", and I'll work out what it means for you.${signIn ? ' If it is your date of birth, to sign in send your ASE ID, date of birth and the last 4 digits of your SSN in one message.' : ''}`,
  aboutTest: (tests: string) => `${tests}: what would you like to know about it? For example when you can retake it, when it expires, or whether you can still change its appointment.`,
  unknownWithSuggestions: "Sorry, I'm not sure I understood. Were you asking about one of these?",
  unknownTwice:
    "I'm still not getting it, sorry. You can talk to a person at ASE Customer Service, 1-800-390-6789, or try asking in other words.",
  talkToPerson: 'Talk to a person',
  unknownTwiceOfferPerson: 'I\'m still not getting it, sorry. Choose "Talk to a person" and someone from ASE support will join, or try asking in other words.',
  acknowledged: 'Okay! Anything else I can help with?',
  nothingToRepeat: "I haven't asked you anything yet. What can I help you with?",
  emptyMessage: 'I can only read text messages. Please type your question.',
  turnError: 'Sorry, something went wrong on my side. Please try again in a moment.',
  noAccounts: "I can't look at accounts here, but I can answer general questions about ASE tests.",
  storeDown: "I can't continue this right now, please try again in a minute. I can still answer general questions.",
  lostTrack: 'I lost track of our conversation for a moment; could you ask again in full?',
  sourceTitle: 'ASE Frequently Asked Questions',
  sourceLabel: 'Source',
  /** After "English, please" / "en español": said in the language switched to. */
  languageChanged: "Okay, let's continue in English.",
  /** After "do you speak Spanish?" asked in English: said in English, with a button that switches. */
  languageOffered: 'Yes, I can answer in Spanish: say "español" (or just write in Spanish).',
  languageOfferedButton: { title: 'Español', value: 'español' },
  task: enTasks,
  linking: enLinking,
  handoff: enHandoff,
};

export type Messages = typeof en;
