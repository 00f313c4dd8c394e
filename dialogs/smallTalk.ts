import type { Reply } from '../src/conversation/reply.js';
import type { Messages } from '../src/messages/en.js';
import type { Command } from '../src/understanding/commands.js';
import type { Acknowledgement } from '../src/understanding/acknowledgements.js';

/** What a command says on its own (the dialogs that wait add their question after it). */
export function commandReply(command: Command, m: Messages): Reply {
  const replies: Record<Command, Reply> = {
    greeting: { text: m.greeting },
    presence: { text: m.present },
    thanks: { text: m.thanks },
    goodbye: { text: m.goodbye, survey: 'goodbye' },
    capabilities: { text: m.capabilities },
    aboutMe: { text: m.aboutMe },
    identity: { text: m.identity, suggestions: [{ title: m.talkToPerson, value: m.talkToPerson }] },
    help: { text: m.help },
    cancel: { text: m.cancelled },
    startOver: { text: m.startOver },
    person: { text: m.person },
    repeat: { text: m.nothingToRepeat },
    backToQuestion: { text: m.nothingToRepeat },
    askAway: { text: m.askAway },
    callUs: { text: m.callUs, suggestions: [{ title: m.talkToPerson, value: m.talkToPerson }] },
    frustrated: { text: m.frustrated, suggestions: [{ title: m.talkToPerson, value: m.talkToPerson }] },
    // Without an account service there is nothing to sign in to.
    signIn: { text: m.noAccounts },
    signOut: { text: m.linking.notSignedIn },
  };
  return replies[command];
}

/**
 * "ok", "cool", "thanks, bye": a short friendly word, never counted as a misunderstanding. "that
 * sucks", "thats not fair": sorry, and a way on (ask another way, or a person).
 */
export function acknowledgementReply(kind: Acknowledgement, m: Messages): Reply {
  const replies: Record<Acknowledgement, Reply> = {
    ok: { text: m.acknowledged },
    dismay: { text: m.dismayed, suggestions: [{ title: m.talkToPerson, value: m.talkToPerson }] },
    thanks: { text: m.thanks },
    bye: { text: m.goodbye, survey: 'goodbye' },
  };
  return replies[kind];
}
