import { andList } from './lists.js';

/** What the bot says while linking a conversation to a candidate's account, and around account answers. */
export const enLinking = {
  askCredentials:
    'I can look that up in your account. To check it\'s you, send your ASE ID, date of birth and the last 4 digits of your SSN in one message, for example "AB123456, March 3 1985, 1234". I check them with ASE and don\'t keep them.',
  forgotId:
    "No problem: you don't have to sign in. ASE Customer Service (1-800-390-6789) can help you find your ASE ID, and I can answer general questions meanwhile. What would you like to know?",
  /** No ASE ID, but a date for the task waiting beneath ("i dont have my ase id, its on the 20th"): the task goes on with it. */
  forgotIdCarryOn: "No problem: you don't have to sign in. ASE Customer Service (1-800-390-6789) can help you find your ASE ID.",
  noNeedToSignIn:
    "No problem: you don't have to sign in. I can answer general questions, and you can see your own details by logging in to myASE. What would you like to know?",
  help: 'To sign in, send your ASE ID, date of birth and the last 4 digits of your SSN in one message, for example "AB123456, March 3 1985, 1234". Or ask your question and I\'ll answer it in general.',
  confirmHelp: 'Say yes to cancel that appointment, or no to keep it.',
  whichHelp: 'Pick the appointment to cancel by its number, or say "start over".',
  signInLapsed: 'Your sign-in has lapsed, so I have not cancelled anything. Say "sign in" to sign in again.',
  // The details are checked and forgotten within the turn, so all three must come together.
  stillNeed: (missing: string[]) =>
    `Thanks. I still need your ${andList(missing)} (I keep what you've sent only until you're signed in). Or ask me something else to skip this.`,
  /** A date with no year sent to the sign-in prompt ("12/15"): asked whether it is the birth date, and for the year. */
  birthDateNeedsYear: (date: string, rest: string[]) =>
    `Is "${date}" your date of birth? I need it with the year, for example "March 3 1985"${rest.length ? `, and also your ${andList(rest)}` : ''}. Or ask me something else to skip this.`,
  /** A date sent to the sign-in prompt that no one alive was born on (this year's, a future one): said so, never thanked for. */
  notABirthDate: (date: string, missing: string[]) =>
    `"${date}" can't be a date of birth. To sign in I need your ${andList(missing)}, for example "AB123456, March 3 1985, 1234". Or ask me something else to skip this.`,
  idAlone:
    'That looks like your ASE ID: thanks. Now send your date of birth and the last 4 digits of your SSN, for example "March 3 1985, 1234" (I keep them only until you\'re signed in). Or ask me something else to skip this.',
  /** After a question answered between the pieces of the details: the rest still taken, once. */
  finishSigningIn: (missing: string[]) => `To finish signing in, send your ${andList(missing)}. Or just carry on with your questions.`,
  parts: { aseId: 'ASE ID', dateOfBirth: 'date of birth', ssnLast4: 'last 4 SSN digits' } as Record<'aseId' | 'dateOfBirth' | 'ssnLast4', string>,
  signedIn: (name: string) => `Thanks, ${name}: you're signed in for this conversation.`,
  signedInByWeb: "You're signed in through the website, so I can answer from your account.",
  mismatch: (left: number) =>
    `Those details don't match an ASE account. Please check them and try again (${left} ${left === 1 ? 'try' : 'tries'} left before a 15-minute pause).`,
  waitABit: (seconds: number) =>
    `For your security, please wait ${seconds <= 5 ? 'a few seconds' : seconds < 60 ? `${seconds} seconds` : 'a minute'} and send your details again.`,
  lockedOut: (until: string) =>
    `Too many tries. For your security, please wait until ${until} before trying again, or call ASE Customer Service at 1-800-390-6789.`,
  signedOut: "You're signed out. I won't look at your account again in this conversation unless you sign in.",
  notSignedIn: "You weren't signed in.",
  accountUnavailable: "I can't reach your account right now. Please try again in a few minutes; general questions still work.",
  accountProblem: "Something is wrong with your account information on our side. ASE Customer Service (1-800-390-6789) can help.",
  accountGone: "I couldn't find your account any more, so I've signed you out. Please sign in again.",
  confirmCancel: (label: string) => `Cancel your ${label}? This can't be undone.`,
  whichToCancel: 'Which appointment should I cancel?',
  cancelled: (label: string) => `Done: your ${label} is cancelled. You'll find it in myASE as cancelled.`,
  keptIt: "Okay, I haven't cancelled anything.",
  cancelRefused: (reason: string) => `I couldn't cancel it: ${reason}`,
  refusedTooLate: "it's within three days (72 hours) of the appointment, when no changes are allowed.",
  refusedAlreadyCancelled: 'it was already cancelled.',
  refusedOther: 'the account system refused. ASE Customer Service (1-800-390-6789) can help.',
  appointmentGone: "I can't find that appointment on your account any more. It may already have been changed or cancelled.",
  privateOnly: 'For your privacy I only look at accounts in a one-to-one chat with me. Message me directly to sign in.',
  alreadySignedIn: "You're already signed in for this conversation.",
  yes: 'Yes, cancel it',
  no: 'No, keep it',
};
