/**
 * What the SMS channel itself says (numbered-choice hints and the carrier keywords' replies). Kept
 * beside the channel until the main catalogue (src/messages) grows an `sms` section; the shape is
 * what a Spanish catalogue would implement too. Every text is plain GSM-7 and under 320 characters.
 */
export const smsEn = {
  /** After numbered choices the candidate is asked to pick from. */
  choicesHint: 'Reply with a number.',
  /** After numbered suggestions (offered, not required). */
  suggestionsHint: 'Reply with a number, or ask another question.',
  /** Heading before numbered suggestions. */
  suggestionsHeading: 'You can also ask:',
  /** An answer's own numbered step, when a numbered menu follows it. */
  step: 'Step',
  /** After a shortened answer: the rest comes when the candidate replies MORE. */
  moreHint: 'Reply MORE for details.',
  /** MORE with nothing kept (no long answer last, or its rest already sent). Never "text CANCEL": that word opts out. */
  nothingMore: 'There is nothing more to send on my last answer. Ask me a question about ASE testing any time, or reply HELP.',
  /** Label before a source's address. */
  moreAt: 'More:',
  /** HELP / INFO: program name, what it does, how to reach a person, how to stop (carrier rules). */
  help:
    'ASE Candidate Assistant: answers about ASE certification tests. For help from a person, call ASE Customer Service at 1-800-390-6789. Reply STOP to stop texts, START to resume. Msg & data rates may apply.',
  /** STOP and friends: the one confirmation, after which nothing more is sent. */
  optedOut: 'ASE Candidate Assistant: you are unsubscribed and will get no more messages from this number. Reply START to resubscribe.',
  /** START / UNSTOP / YES (when opted out). */
  optedIn: 'ASE Candidate Assistant: you are subscribed again. Ask me a question any time. Reply HELP for help, STOP to stop.',
};

export type SmsMessages = typeof smsEn;
