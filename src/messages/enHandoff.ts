/** What the bot and staff tell the candidate about talking to a person. */
export const enHandoff = {
  queued: (position: number, minutes: number) =>
    `I've asked a member of ASE support staff to join. ${position <= 1 ? "You're next in line" : `You're number ${position} in line`}; it should be ${minutes <= 1 ? 'about a minute' : `about ${minutes} minutes`}. Type your question here while you wait, or say "back to the bot" to carry on with me.`,
  afterHours: (replyBy: string) =>
    `Our support staff are away right now. Leave your question and how you'd like us to contact you (email or phone), and someone will reply by ${replyBy}. Say "back to the bot" to carry on with me instead.`,
  staffOnlyLead: 'This is one for our support staff.',
  stillWaiting: (position: number) =>
    position <= 1 ? "Thanks, I've passed that on. You're next in line." : `Thanks, I've passed that on. You're number ${position} in line.`,
  /** In hours, when no agent available speaks the conversation's language (never said in English: every agent speaks it unless the staff file says otherwise). */
  noSpeakerOnShift:
    'Nobody on shift right now speaks English, so the person who joins may answer in another language. You can also call ASE Customer Service at 1-800-390-6789.',
  messageTaken: "Thanks, I've passed that on to our support staff.",
  /** Out of hours, contact details declined ("no contact thanks"): that is fine, and where the reply will come. */
  contactDeclined: "That's fine, you don't have to leave contact details. Your question is with our support staff, and their reply will come here in this chat.",
  /** A bare "no" while queued: leave the queue, or keep waiting? (The values are what the bot reads back.) */
  askLeaveQueue: 'Do you want to leave the queue?',
  leaveQueueYes: 'Yes, back to the bot',
  leaveQueueYesValue: 'back to the bot',
  leaveQueueNo: 'No, keep waiting',
  leaveQueueNoValue: 'keep waiting',
  stayingInLine: (position: number) => (position <= 1 ? "Okay, you're still in line: you're next." : `Okay, you're still in line: you're number ${position}.`),
  left: "Okay, I've taken you out of the queue. I'm the bot again: what can I help you with?",
  /** Signed in while waiting for (or talking to) staff: they see that, never the details. */
  staffToldSignedIn: "I've let the support staff know you're signed in.",
  /** Left the queue with a question in the same message ("never mind, when do results come out"): the answer follows. */
  leftToAnswer: "Okay, I've taken you out of the queue; I'm the bot again.",
  leftWithAgent: "Okay, I've ended your chat with our support staff. I'm the bot again: what can I help you with?",
  joined: (agent: string) => `You're now chatting with ${agent} from ASE support.`,
  transferred: (agent: string) => `${agent} from ASE support is taking over your conversation.`,
  requeued: "You're back in line for the next member of our support staff. Stay here and someone will be with you shortly.",
  ended: (agent: string) => `${agent} has ended the chat. I'm the bot again: ask me anything about ASE testing.`,
  handedBack: (agent: string) => `${agent} has passed you back to me, the bot. What else can I help you with?`,
  /** The hand-back when the candidate's last message had no reply: the bot's answer to it follows. */
  handedBackAnswering: (agent: string, question: string) => `${agent} has passed you back to me, the bot. You asked: "${question}" Here's my answer.`,
  /** When external contact-centre handoff fails or is unavailable. */
  externalFailed:
    "I couldn't reach our support staff just now. You can call ASE Customer Service at 1-800-390-6789, or keep asking me.",
  externalCompleted: "Your chat with our support staff has ended. I'm the bot again: what can I help you with?",
  externalRequested: "I'm connecting you with a member of ASE support staff. Please stay in this chat.",
  /** Staff-facing topics. */
  topic: {
    asked: 'Asked for a person',
    misunderstood: "Bot didn't understand",
    'staff-only': 'Needs staff',
  },
};

export type HandoffMessages = typeof enHandoff;
