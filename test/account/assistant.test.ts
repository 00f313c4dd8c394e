// Conversations with the account assistant on the demo source (knowledge/demo-accounts.yaml), the
// whole bot as `npm start` composes it (startBot), each conversation on its store, with a clock the test moves. Demo accounts:
// DEMO-000n, born 1980-0n-0n, last four 000n. Fixed start: Thursday, March 20, 2025, 11:00 AM in
// New York (the bot's default zone), so DEMO-0001 has A5 on Friday, March 28 at 9:00 AM (can be
// cancelled) and A4 on Saturday, March 22 at 1:30 PM (within 72 hours: cannot).

import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { ConversationData } from '../../src/bot/conversationData.js';
import { en } from '../../src/messages/en.js';
import { webToken, WEB_AUDIENCE, WEB_ISSUER } from '../support/accountBot.js';
import { choices, spyOnCancellations, startAccountsBot, transcript } from '../support/accountsOnBot.js';
import { not, type Conversation, type Expected as Expect, type Turn } from '../support/conversation.js';

const m = en.linking;

const details = {
  'DEMO-0001': 'DEMO-0001, 1980-01-01, 0001',
  'DEMO-0002': 'DEMO-0002, 1980-02-02, 0002',
  'DEMO-0003': 'DEMO-0003, 1980-03-03, 0003',
  'DEMO-0004': 'DEMO-0004, 1980-04-04, 0004',
} as const;

const signedIn = "you're signed in for this conversation";
const tooMany = 'Too many tries';
const waitABit = 'please wait a few seconds';
/** The offer beside a general answer to a personal question asked while not signed in. */
const offersSignIn = en.task.orSignIn;
/** What a stray "yes" must never bring once nothing waits for one. */
const cancelledAgain = /Done: your|Cancel your/;

/** DEMO-0001's bookable A5 as every reply names it. */
const a5 = 'A5 (Brakes) appointment on Friday, March 28, 2025 at 9:00 AM';
/** What only DEMO-0001's account shows, and what only DEMO-0002's shows. */
const only0001 = /A5 Brakes|A4 Suspension|Demo Test Center North/;
const only0002 = /A8 \(Engine Performance\)|A7 \(Heating|Engine Performance/;

async function signIn(conversation: Conversation, who: keyof typeof details): Promise<void> {
  await transcript(conversation, [
    ['sign in', m.askCredentials],
    [details[who], signedIn],
  ]);
}

describe('signing in', () => {
  /** A personal question, the details of the account it is about, and what that account answers. */
  const personal: Array<[question: string, details: string, answerMustContain: Expect]> = [
    ['when is my test?', details['DEMO-0001'], ['A5 Brakes', 'Friday, March 28, 2025 at 9:00 AM', 'A4 Suspension and Steering']],
    ['when can I retake the test I failed?', 'my ASE ID is DEMO-0002, born February 2 1980, last four 0002', 'You can buy A8 (Engine Performance) again from Tuesday, April 8, 2025'],
    ['am I still a master technician?', 'DEMO-0003 03/03/1980 0003', 'your Master Automobile Technician status is suspended'],
    ['when does my A9 expire', 'demo-0004 April 4, 1980 0004', 'Your A9 (Light Vehicle Diesel Engines) certification expires soon'],
  ];

  it.each(personal)(
    'asking %j before signing in gets the general answer and an offer to sign in, never a request for the details; "sign in" and the details then answer it from the account',
    async (question, reply, answer) => {
      const bot = await startAccountsBot();
      const conversation = bot.conversation();
      const [general, , answered] = await transcript(conversation, [
        [question, [offersSignIn, not(m.askCredentials), not(signedIn)]],
        ['sign in', m.askCredentials],
        [reply, ["Thanks, Demo: you're signed in", answer, not(m.askCredentials), not("don't match")]],
        // Signed in: the next personal question is answered straight away, from the account.
        ['how long do I have to take the tests I bought?', [not(m.askCredentials), not(signedIn), not(offersSignIn)]],
      ]);
      // The general answer comes first, the offer after it.
      expect(general!.text.indexOf(offersSignIn)).toBeGreaterThan(0);
      // The sign-in and the answer arrive together, sign-in first.
      expect(answered!.activities.length).toBeGreaterThanOrEqual(2);
      expect(answered!.activities[0]!.text).toContain(signedIn);
      const events = bot.events.filter((e) => e.conversationId === conversation.id);
      expect(events.map((e) => e.route)).toEqual([expect.stringMatching(/^(faq|task)$/), 'dialog', 'dialog', 'own-account']);
      expect(events[1]).toMatchObject({ dialog: { id: 'sign-in', outcome: 'waiting' } });
      expect(events[3]?.account?.outcome).toMatch(/^purchases/);
    },
  );

  it.each(personal)(
    'asking %j before signing in, then sending the details unasked, signs in directly and answers it from the account',
    async (question, reply, answer) => {
      const bot = await startAccountsBot();
      const conversation = bot.conversation();
      const [, answered] = await transcript(conversation, [
        [question, [offersSignIn, not(m.askCredentials)]],
        [reply, ["Thanks, Demo: you're signed in", answer, not(m.askCredentials), not("don't match")]],
      ]);
      expect(answered!.activities[0]!.text).toContain(signedIn);
      expect(bot.events.filter((e) => e.conversationId === conversation.id).map((e) => e.route)).toEqual([expect.stringMatching(/^(faq|task)$/), 'dialog']);
    },
  );

  it('details given in pieces after "sign in" are asked for in one message, then accepted, and the question is answered from the account', async () => {
    const bot = await startAccountsBot();
    await transcript(bot.conversation(), [
      ['when can I retake the test I failed?', [offersSignIn, not(m.askCredentials)]],
      ['sign in', m.askCredentials],
      ['DEMO-0001', [m.idAlone, not(signedIn)]],
      [details['DEMO-0001'], [signedIn, "There's no failed test on your account"]],
    ]);
  });

  it('a date while sign-in waits for a task is the task\'s date; alone, it is asked for again with the rest; nobody is signed in', async () => {
    const bot = await startAccountsBot();
    const conversation = bot.conversation();
    await transcript(conversation, [
      ['when can I retake the test I failed?', offersSignIn],
      ['sign in', m.askCredentials],
      ['I took it on March 3', ['Thursday, April 3, 2025', not(signedIn), not('I still need')]],
    ]);
    expect(bot.link(conversation)).toBeUndefined();
    // With no question under it, a bare date is the sign-in's own (sent apart from the rest): the
    // rest is asked for, and nobody is signed in on a date alone.
    const bare = bot.conversation();
    await transcript(bare, [
      ['sign in', m.askCredentials],
      ['1980-01-01', [not(signedIn), m.stillNeed([m.parts.aseId, m.parts.ssnLast4])]],
    ]);
    expect(bot.link(bare)).toBeUndefined();
  });

  it('signed in, a personal question that brings its own facts ("I failed A5 on March 3") is answered from those facts', async () => {
    const bot = await startAccountsBot();
    const conversation = bot.conversation();
    await signIn(conversation, 'DEMO-0001');
    await transcript(conversation, [['I failed A5 on March 3', ['You can buy A5 again on or after Thursday, April 3, 2025', not(m.askCredentials)]]]);
    expect(bot.events.at(-1)).toMatchObject({ route: 'task', dialog: { id: 'retest' } });
  });

  it('"sign in", then wrong details: they "don\'t match", with the tries left, whichever detail was wrong', async () => {
    const bot = await startAccountsBot();
    await transcript(bot.conversation(), [
      ['sign in', m.askCredentials],
      ['DEMO-0001, 1980-01-01, 9999', ["don't match", '4 tries left', not(signedIn)]],
      ['DEMO-0001, 1981-01-01, 0001', ["don't match", '3 tries left']],
      // An ASE ID that does not exist gets the same words: nothing tells which part was wrong.
      ['DEMO-0099, 1980-01-01, 0001', ["don't match", '2 tries left']],
      [details['DEMO-0001'], ["Thanks, Demo: you're signed in", not("don't match")]],
      ['when is my test?', 'A5 Brakes'],
    ]);
  });

  it('five wrong tries lock out (the message names the time); even the right details are refused until 15 minutes later, then accepted', async () => {
    const bot = await startAccountsBot();
    const conversation = bot.conversation();
    await transcript(conversation, [
      ['sign in', m.askCredentials],
      ['DEMO-0001, 1980-01-01, 1111', '4 tries left'],
      ['DEMO-0001, 1980-01-01, 2222', '3 tries left'],
      ['DEMO-0001, 1980-01-01, 3333', '2 tries left'],
      ['DEMO-0001, 1980-01-01, 4444', '1 try left'],
      // 11:00 AM in New York + 15 minutes.
      ['DEMO-0001, 1980-01-01, 5555', [tooMany, 'please wait until 11:15 AM', '1-800-390-6789', not(signedIn)]],
      ['sign in', m.askCredentials],
      [details['DEMO-0001'], [tooMany, '11:15 AM', not(signedIn)]],
      // Still not linked: a personal question gets the general answer and the offer; the details,
      // sent then, are refused again.
      ['am I still a master technician?', [offersSignIn, not(m.askCredentials), not('Master Automobile Technician status is')]],
      [details['DEMO-0001'], [tooMany, '11:15 AM', not(signedIn)]],
    ]);
    bot.clock.advanceMinutes(14);
    await transcript(conversation, [
      ['sign in', m.askCredentials],
      [details['DEMO-0001'], [tooMany, '11:15 AM', not(signedIn)]],
    ]);
    bot.clock.advanceMinutes(1);
    await transcript(conversation, [
      ['sign in', m.askCredentials],
      [details['DEMO-0001'], [signedIn, not(tooMany)]],
      ['when is my test?', 'A5 Brakes'],
    ]);
  });

  it('wrong guesses at an ASE ID from another conversation never lock its owner out: they wait seconds at most, and see only their own tries', async () => {
    const bot = await startAccountsBot();
    const guesser = bot.conversation();
    await transcript(guesser, [
      ['sign in', m.askCredentials],
      ...[1, 2, 3, 4].map((n): Turn => [`DEMO-0001, 1980-01-01, 900${n}`, "don't match"]),
      ['DEMO-0001, 1980-01-01, 9005', tooMany],
    ]);
    const owner = bot.conversation();
    await transcript(owner, [
      ['sign in', m.askCredentials],
      // Five failures on DEMO-0001 a moment ago: a short backoff, not a 15-minute lock, and no
      // "tries left" that would tell the owner (or a guesser) about anyone else's tries.
      [details['DEMO-0001'], [waitABit, not(tooMany), not('tries left'), not(signedIn)]],
    ]);
    bot.clock.advanceMinutes(1);
    await transcript(owner, [
      ['sign in', m.askCredentials],
      [details['DEMO-0001'], signedIn],
    ]);
  });

  it('a conversation that failed five times with different ASE IDs is locked for any ID', async () => {
    const bot = await startAccountsBot();
    const guesser = bot.conversation();
    await transcript(guesser, [
      ['sign in', m.askCredentials],
      ['DEMO-0001, 1980-01-01, 9001', '4 tries left'],
      ['DEMO-0002, 1980-02-02, 9002', '3 tries left'],
      ['DEMO-0003, 1980-03-03, 9003', '2 tries left'],
      ['DEMO-0004, 1980-04-04, 9004', '1 try left'],
      ['DEMO-0042, 1980-04-02, 9042', [tooMany, '11:15 AM']],
      ['sign in', m.askCredentials],
      [details['DEMO-0003'], [tooMany, not(signedIn)]],
    ]);
    // Each ASE ID failed once only: their owners sign in from their own conversations.
    await signIn(bot.conversation(), 'DEMO-0001');
    await signIn(bot.conversation(), 'DEMO-0003');
  });

  it('wrong details sent at the same moment from many conversations still count every try', async () => {
    const bot = await startAccountsBot();
    const guessers = Array.from({ length: 8 }, () => bot.conversation());
    for (const guesser of guessers) await transcript(guesser, [['sign in', m.askCredentials]]);
    // Eight guesses at DEMO-0001 arrive at once (eight conversations, or eight instances).
    const replies = await Promise.all(guessers.map((guesser, i) => guesser.say(`DEMO-0001, 1980-01-01, 80${10 + i}`)));
    for (const reply of replies) expect(reply.text).toMatch(/don't match|please wait a few seconds/);
    const counted = bot.held()['account-failures/ase-id/DEMO-0001'];
    // At most five were checked; the rest were told to wait (the ASE ID's backoff), none locked out.
    expect(replies.filter((reply) => reply.text.includes("don't match")), `8 tries at once, counted: ${counted}`).toHaveLength(5);
    // Five wrong tries were made at DEMO-0001 just now: the owner's right details wait a few seconds.
    const owner = bot.conversation();
    await transcript(owner, [
      ['sign in', m.askCredentials],
      [details['DEMO-0001'], [waitABit, not(signedIn)]],
    ]);
    bot.clock.advanceMinutes(1);
    await transcript(owner, [
      ['sign in', m.askCredentials],
      [details['DEMO-0001'], signedIn],
    ]);
  });

  it('"sign in" while signed in with details says so, without claiming the website did it', async () => {
    const bot = await startAccountsBot();
    const conversation = bot.conversation();
    await signIn(conversation, 'DEMO-0001');
    await transcript(conversation, [['sign in', [/signed in/i, not('through the website')]]]);
  });
});

describe('the details are never echoed, stored or recorded', () => {
  /** Every way the details below could show up: digits, dates in several forms. */
  const secrets: RegExp[] = [
    /7359/,
    /1975/,
    /August 19/i,
    /08\/19/,
    /\b1980\b/,
    /January 1\b/i,
    /01\/01\/1980/,
    // 0001 is also in DEMO-0001 and demo-cand-0001, which may be kept; the bare SSN digits may not.
    /(?<![-\w])0001(?!\w)/,
  ];

  it('after wrong and right details, unprompted details and a locked-out try', async () => {
    const bot = await startAccountsBot();
    const conversation = bot.conversation();
    const replies = await transcript(conversation, [
      ['when can I retake the test I failed?', [offersSignIn, not(m.askCredentials)]],
      ['sign in', m.askCredentials],
      ['DEMO-0001, 1975-08-19, 7359', "don't match"],
      ['my ASE ID is DEMO-0001, born August 19 1975, last four 7359', "don't match"],
      ['DEMO-0001 08/19/1975 7359', "don't match"],
      ['DEMO-0001, Jan 1 1980, 0001', [signedIn, "There's no failed test"]],
      ['sign out', m.signedOut],
      // Details nobody asked for sign in directly, and are kept no more than asked-for ones.
      ['DEMO-0001, 01/01/1980, 0001', signedIn],
      ['sign out', m.signedOut],
      ['sign in', m.askCredentials],
      ['DEMO-0001, 1980-01-01, 0001', signedIn],
    ]);
    // Another conversation tips DEMO-0001 into a lock-out with the same kind of details.
    const other = bot.conversation();
    replies.push(
      ...(await transcript(other, [
        ['sign in', m.askCredentials],
        ...[1, 2, 3, 4, 5].map((): Turn => ['DEMO-0001, August 19, 1975, 7359', /don't match|Too many tries/]),
        ['sign in', m.askCredentials],
        ['DEMO-0001 January 1 1980 0001', tooMany],
      ])),
    );

    const said = replies.map((reply) => reply.text + '\n' + choices(reply).join('\n')).join('\n');
    // Random ids (transcript lines, idempotency keys) can hold "1975" or "7359" by chance: not details.
    const stored = withoutIds(bot.stored());
    const events = JSON.stringify(bot.events);
    for (const secret of secrets) {
      expect(said, `a reply contains ${secret}`).not.toMatch(secret);
      expect(stored, `the store holds ${secret}`).not.toMatch(secret);
      expect(events, `a turn event holds ${secret}`).not.toMatch(secret);
    }
    // The conversation state holds flags and ids, and the recent lines a handoff transcript starts
    // from (redacted, sign-in details replaced: the scan of the store above covers them).
    const state = JSON.parse(bot.state(conversation)!) as { candidateAssistant: Record<string, unknown> };
    // Every field the state can hold, and why it may: a field added to ConversationData (or to the
    // handoff's part of it) and not listed here fails the type check, and the test below.
    for (const key of Object.keys(state.candidateAssistant)) expect(Object.keys(KNOWN_STATE_FIELDS), `conversation state field ${key}`).toContain(key);
  });
});

/**
 * What the conversation's state may keep, field by field, and why it holds no detail of the
 * candidate's. Waiting states (sign-in, a cancellation) are dialogs: nothing about them is kept here.
 */
const KNOWN_STATE_FIELDS: Record<keyof ConversationData, string> = {
  welcomed: 'a flag',
  misunderstood: 'a count',
  recent: 'the recent lines a handoff transcript starts from, redacted (sign-in details replaced)',
  handoff: 'the mode, case id and time while with staff',
  lastTask: 'the last task: its id, outcome and the values its rule used',
  language: "the conversation's language ('en' / 'es'): a fact of the conversation",
  preferredLanguage: "'en' / 'es', the account's preference, kept as the conversation's language is",
  recentEntries: 'FAQ entry ids (the context of a follow-up)',
  lastAnswer: 'the entry and facet ids of the last whole answer, no text',
  nextTask: "the second of two tasks asked in one message: its id and its part of the message, until the first is answered",
  lastWords: "how the bot's last message ended ('anything-else' / 'other'), no text",
  lastReply: "the bot's own words last turn, for \"where?\" next; never an answer read from the account",
  lastAccountQuestion: "the kind of the account question last answered and the test codes it named, no answer",
  answeredLines: 'entry ids with the id of the recent line that asked (for a rating\'s question), no text',
  askedLine: 'the id of the recent line that last asked something (a handoff\'s subject), no text',
  beforeHandoff: 'the FAQ entry ids the conversation was about when a handoff started, put back when staff hand it back; no text',
};

describe('the conversation state fields listed as known', () => {
  it('are every field ConversationData declares (and the handoff part it extends)', () => {
    expect(Object.keys(KNOWN_STATE_FIELDS).sort()).toEqual(declaredFields(['src/bot/conversationData.ts', 'ConversationData'], ['src/handoff/relay.ts', 'HandoffTurnData']).sort());
  });
});

/** The property names the named interfaces declare, read from their source files. */
function declaredFields(...interfaces: Array<[file: string, name: string]>): string[] {
  return interfaces.flatMap(([file, name]) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const declared = source.statements.find((statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === name);
    if (!declared) throw new Error(`declaredFields: no interface ${name} in ${file}`);
    return declared.members.flatMap((member) => (member.name && ts.isIdentifier(member.name) ? [member.name.text] : []));
  });
}

describe('how long a link lasts', () => {
  it('29 idle minutes later the question is still answered from the account; 31 idle minutes later it is not, until the candidate signs in again', async () => {
    const bot = await startAccountsBot();
    const conversation = bot.conversation();
    await signIn(conversation, 'DEMO-0001');
    bot.clock.advanceMinutes(29);
    await transcript(conversation, [['when is my test?', ['A5 Brakes', not(m.askCredentials)]]]);
    bot.clock.advanceMinutes(29);
    await transcript(conversation, [['when is my test?', ['A5 Brakes', not(m.askCredentials)]]]);
    bot.clock.advanceMinutes(31);
    await transcript(conversation, [
      ['when is my test?', [not('A5 Brakes'), not(m.askCredentials)]],
      ['sign in', m.askCredentials],
      [details['DEMO-0001'], signedIn],
      ['when is my test?', ['A5 Brakes', not(m.askCredentials)]],
    ]);
  });

  it('a lapsed link is gone from the store', async () => {
    const bot = await startAccountsBot();
    const conversation = bot.conversation();
    await signIn(conversation, 'DEMO-0001');
    expect(bot.link(conversation)).toContain('demo-cand-0001');
    bot.clock.advanceMinutes(31);
    await transcript(conversation, [['am I still a master technician?', [offersSignIn, not(m.askCredentials), not('Master Automobile Technician status is')]]]);
    expect(bot.link(conversation) ?? '').not.toContain('demo-cand-0001');
  });

  it('general questions count as activity: a link lapses only after 30 minutes without any message', async () => {
    const bot = await startAccountsBot();
    const conversation = bot.conversation();
    await signIn(conversation, 'DEMO-0001');
    bot.clock.advanceMinutes(20);
    await transcript(conversation, [['wat does a new certifcate cost', '$7.50 per test series']]);
    bot.clock.advanceMinutes(20);
    // 40 minutes after signing in, but only 20 after the last message.
    await transcript(conversation, [['when is my test?', ['A5 Brakes', not(m.askCredentials)]]]);
  });

  it('"sign out" ends the link at once', async () => {
    const bot = await startAccountsBot();
    const conversation = bot.conversation();
    await signIn(conversation, 'DEMO-0001');
    await transcript(conversation, [
      ['when is my test?', 'A5 Brakes'],
      ['sign out', m.signedOut],
    ]);
    expect(bot.link(conversation) ?? '').not.toContain('demo-cand-0001');
    await transcript(conversation, [
      ['when is my test?', [not('A5 Brakes'), not(m.askCredentials)]],
      ['am I still a master technician?', [offersSignIn, not('Master Automobile Technician status is')]],
      ['sign out', m.notSignedIn],
    ]);
  });

  it('signing out drops a cancellation waiting for its yes', async () => {
    const bot = await startAccountsBot();
    const cancel = spyOnCancellations();
    const conversation = bot.conversation();
    await signIn(conversation, 'DEMO-0001');
    await transcript(conversation, [
      ['cancel my appointment', `Cancel your ${a5}?`],
      ['sign out', m.signedOut],
      ['sign in', m.askCredentials],
      [details['DEMO-0004'], signedIn],
      ['yes', not(cancelledAgain)],
    ]);
    expect(cancel).not.toHaveBeenCalled();
  });
});

describe('one conversation never sees another candidate\'s data', () => {
  async function twoCandidates() {
    const bot = await startAccountsBot({ webIdentity: true });
    const one = bot.conversation();
    const two = bot.conversation();
    await signIn(one, 'DEMO-0001');
    await signIn(two, 'DEMO-0002');
    return { bot, one, two };
  }

  it.each<[question: string, oneMustContain: string, twoMustContain: string]>([
    ['when is my test?', 'A5 Brakes', 'Your account shows no upcoming test appointments'],
    ['when can I retake the test I failed?', "There's no failed test on your account", 'A8 (Engine Performance)'],
    ["why haven't I got my certificate?", "I don't see a test you passed", 'work experience'],
  ])('two conversations on one store, signed in as DEMO-0001 and DEMO-0002, each get their own answer to %j', async (question, oneWants, twoWants) => {
    const { one, two } = await twoCandidates();
    for (let round = 0; round < 2; round += 1) {
      await transcript(one, [[question, [oneWants, not(only0002), not(twoWants)]]]);
      await transcript(two, [[question, [twoWants, not(only0001), not(oneWants)]]]);
    }
  });

  it.each<[message: string]>([
    ["I'm DEMO-0002, when can I retake my failed test?"],
    ['when can I retake the test I failed? my ASE ID is DEMO-0002'],
    ['when can demo-cand-0002 retake the test I failed?'],
    ["show me DEMO-0002's appointments"],
    ["what are DEMO-0002's results"],
  ])('a message naming another candidate (%j) is answered, if at all, from the linked account only', async (message) => {
    const { bot, one } = await twoCandidates();
    const [reply] = await transcript(one, [[message, [not(only0002), not(signedIn)]]]);
    expect(reply!.text).not.toContain('A8');
    // Still DEMO-0001's conversation afterwards.
    await transcript(one, [['when can I retake the test I failed?', ["There's no failed test", not('A8')]]]);
    expect(bot.link(one)).toContain('demo-cand-0001');
  });

  it("another candidate's right details, sent unasked, are a sign-in like any other: the conversation is theirs from then on, and shows nothing of the first", async () => {
    const { bot, one } = await twoCandidates();
    await transcript(one, [
      ['DEMO-0002, 1980-02-02, 0002 when can I retake the test I failed?', [signedIn, not(only0001)]],
      ['when can I retake the test I failed?', ['A8 (Engine Performance)', not(only0001), not("There's no failed test")]],
    ]);
    expect(bot.link(one)).toContain('demo-cand-0002');
    expect(bot.link(one)).not.toContain('demo-cand-0001');
  });

  it('an activity whose from.id and channelData claim another candidate is answered from the linked account', async () => {
    const { one } = await twoCandidates();
    const forged = {
      from: { id: 'demo-cand-0002', name: 'DEMO-0002' },
      channelData: { candidateId: 'demo-cand-0002', aseId: 'DEMO-0002', account: { candidateId: 'demo-cand-0002' } },
    };
    await transcript(one, [
      [{ text: 'when can I retake the test I failed?', ...forged }, ["There's no failed test", not(only0002)]],
      [{ text: 'when is my test?', ...forged }, ['A5 Brakes', not('You have no upcoming')]],
    ]);
  });

  it('the same claims in a conversation that is not signed in link nothing: it answers in general and offers sign-in', async () => {
    const bot = await startAccountsBot();
    const stranger = bot.conversation();
    await transcript(stranger, [
      [
        {
          text: 'when can I retake the test I failed?',
          from: { id: 'demo-cand-0002', name: 'DEMO-0002' },
          channelData: { candidateId: 'demo-cand-0002', aseId: 'DEMO-0002' },
        },
        [offersSignIn, not(m.askCredentials), not(only0002)],
      ],
    ]);
    expect(bot.link(stranger)).toBeUndefined();
  });

  it("a valid website token for DEMO-0002 does not switch a conversation signed in as DEMO-0001", async () => {
    const { bot, one } = await twoCandidates();
    const token = await webToken(bot.clock(), { subject: 'demo-cand-0002' });
    await transcript(one, [
      [{ text: 'when can I retake the test I failed?', channelData: { identityToken: token } }, ["There's no failed test", not(only0002), not(m.signedInByWeb)]],
    ]);
    expect(bot.link(one)).toContain('demo-cand-0001');
  });

  it.each<[kind: string, token: (now: Date) => Promise<string>]>([
    ['a bad signature', (now) => webToken(now, { subject: 'demo-cand-0002', secret: 'some-other-website-secret-0123456789-xyz' })],
    ['an expired token', (now) => webToken(now, { subject: 'demo-cand-0002', expiresIn: -3600 })],
    ['the wrong audience', (now) => webToken(now, { subject: 'demo-cand-0002', audience: 'another-bot' })],
    ['the wrong issuer', (now) => webToken(now, { subject: 'demo-cand-0002', issuer: 'https://evil.example.test' })],
    ['an unsigned token', async () => unsigned({ sub: 'demo-cand-0002', iss: WEB_ISSUER, aud: WEB_AUDIENCE, exp: 4_102_444_800 })],
    ['a token with its payload swapped', async (now) => swapPayload(await webToken(now, { subject: 'demo-cand-0001' }), 'demo-cand-0002')],
    ['not a token at all', async () => 'demo-cand-0002'],
  ])('a forged channelData.identityToken (%s) links nothing', async (_kind, forge) => {
    const bot = await startAccountsBot({ webIdentity: true });
    const conversation = bot.conversation();
    const identityToken = await forge(bot.clock());
    await transcript(conversation, [
      [{ text: 'when can I retake the test I failed?', channelData: { identityToken } }, [offersSignIn, not(m.askCredentials), not(m.signedInByWeb), not(only0002)]],
      [{ text: 'am I still a master technician?', channelData: { identityToken } }, [offersSignIn, not(m.askCredentials), not(m.signedInByWeb)]],
    ]);
    expect(bot.link(conversation)).toBeUndefined();
    // The candidate can still sign in with their details.
    await transcript(conversation, [[details['DEMO-0003'], [signedIn, 'Master Automobile Technician']]]);
  });
});

describe('web identity', () => {
  it('a valid token in channelData.identityToken signs the conversation in quietly and the question is answered from the account', async () => {
    const bot = await startAccountsBot({ webIdentity: true });
    const conversation = bot.conversation();
    const identityToken = await webToken(bot.clock(), { subject: 'demo-cand-0001' });
    const [first] = await transcript(conversation, [
      [{ text: 'when is my test?', channelData: { identityToken } }, ['A5 Brakes', not(m.askCredentials)]],
      // Linked: later messages need no token.
      ['cancel my appointment', `Cancel your ${a5}?`],
      ['no', m.keptIt],
    ]);
    expect(first!.activities[0]!.text).toContain('upcoming test appointments');
    expect(bot.link(conversation)).toContain('"via":"web-token"');
    expect(bot.events.find((e) => e.conversationId === conversation.id)?.account?.outcome).toMatch(/^appointments/);
  });

  it('a general question sent with the token is still answered', async () => {
    const bot = await startAccountsBot({ webIdentity: true });
    const conversation = bot.conversation();
    const identityToken = await webToken(bot.clock(), { subject: 'demo-cand-0001' });
    await transcript(conversation, [[{ text: 'wat does a new certifcate cost', channelData: { identityToken } }, '$7.50 per test series']]);
    await transcript(conversation, [['when is my test?', ['A5 Brakes', not(m.askCredentials)]]]);
  });

  it('without a verifier configured, a token is ignored: the question gets the general answer and the offer to sign in', async () => {
    const bot = await startAccountsBot();
    const identityToken = await webToken(bot.clock(), { subject: 'demo-cand-0001' });
    const conversation = bot.conversation();
    await transcript(conversation, [[{ text: 'am I still a master technician?', channelData: { identityToken } }, [offersSignIn, not(m.askCredentials), not(m.signedInByWeb)]]]);
    expect(bot.link(conversation)).toBeUndefined();
  });
});

describe('cancelling an appointment', () => {
  async function signedInAs0001() {
    const bot = await startAccountsBot();
    const cancel = spyOnCancellations();
    const conversation = bot.conversation();
    await signIn(conversation, 'DEMO-0001');
    return { bot, cancel, conversation };
  }

  it('"cancel my appointment" asks to confirm, naming test, date and time; "yes" cancels exactly once; another "yes" (or the button again) cancels nothing', async () => {
    const { cancel, conversation } = await signedInAs0001();
    const [offer] = await transcript(conversation, [
      ['cancel my appointment', [`Cancel your ${a5}? This can't be undone.`, not(/Cancel your A4/)]],
    ]);
    expect(choices(offer!)).toEqual([m.yes, 'yes', m.no, 'no']);
    expect(cancel).not.toHaveBeenCalled();
    await transcript(conversation, [['yes', [`Done: your ${a5} is cancelled`]]]);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(cancel).toHaveBeenCalledWith('demo-cand-0001', 'demo-appt-0001-a5', expect.stringMatching(/^[0-9a-f-]{36}$/));
    await transcript(conversation, [
      ['yes', not(cancelledAgain)],
      [m.yes, not(cancelledAgain)],
    ]);
    expect(cancel).toHaveBeenCalledTimes(1);
    await transcript(conversation, [
      ['when is my test?', ['A4 (Suspension and Steering)', not(/A5/)]],
      // Only the appointment within 72 hours is left: nothing to confirm.
      ['cancel my appointment', ['less than 72 hours away', not(/Cancel your/)]],
      ['yes', not(cancelledAgain)],
    ]);
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('the confirmation\'s buttons can be picked by number: "2" keeps it, "1" cancels it once', async () => {
    const { cancel, conversation } = await signedInAs0001();
    await transcript(conversation, [
      ['cancel my appointment', `Cancel your ${a5}?`],
      ['2', m.keptIt],
      ['cancel my appointment', `Cancel your ${a5}?`],
      ['1', `Done: your ${a5} is cancelled`],
    ]);
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it.each([['no'], ['No, keep it'], ['nope']])('%j keeps the appointment', async (answer) => {
    const { cancel, conversation } = await signedInAs0001();
    await transcript(conversation, [
      ['cancel my appointment', `Cancel your ${a5}?`],
      [answer, [m.keptIt, not('Done')]],
      ['yes', not(cancelledAgain)],
      ['when is my test?', 'A5 Brakes'],
    ]);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('another question instead of an answer drops the confirmation', async () => {
    const { cancel, conversation } = await signedInAs0001();
    await transcript(conversation, [
      ['cancel my appointment', `Cancel your ${a5}?`],
      ['when does my G1 expire?', ['G1', 'February 13, 2029']],
      ['yes', not(cancelledAgain)],
    ]);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('an appointment within 72 hours is not offered for cancellation', async () => {
    const { cancel, conversation } = await signedInAs0001();
    const [a4] = await transcript(conversation, [
      ['cancel my A4 appointment', ['A4 (Suspension and Steering) appointment on Saturday, March 22, 2025 at 1:30 PM is less than 72 hours away', not(/Cancel your/)]],
    ]);
    expect(choices(a4!)).not.toContain(m.yes);
    await transcript(conversation, [['yes', not(cancelledAgain)]]);
    // Asked in general, only the A5 is offered.
    const [general] = await transcript(conversation, [['cancel my appointment', [`Cancel your ${a5}?`, not(/Cancel your A4/)]]]);
    expect(choices(general!).join(' ')).not.toMatch(/A4/);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('another appointment named while the confirmation waits ("wait actually what about the A4 one") is the one confirmed, and "yes" cancels that one only (F17)', async () => {
    // Both appointments can be cancelled here: the A4 moved 10 days out.
    const bot = await startAccountsBot({ env: { ACCOUNT_DEMO_FILE: 'test/fixtures/accounts/two-cancellable.yaml' } });
    const cancel = spyOnCancellations();
    const conversation = bot.conversation();
    await signIn(conversation, 'DEMO-0001');
    await transcript(conversation, [
      ['cancel my A5', `Cancel your ${a5}?`],
      ['wait actually what about the A4 one', [/Cancel your A4 \(Suspension and Steering\) appointment on Sunday, March 30, 2025 at 1:30 PM\?/, not('Cancel your A5'), not('Did you mean')]],
      ['yes', ['Done: your A4 (Suspension and Steering) appointment', not('A5')]],
    ]);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(cancel).toHaveBeenCalledWith('demo-cand-0001', 'demo-appt-0001-a4', expect.stringMatching(/^[0-9a-f-]{36}$/));
  });

  it('a "yes" after the link lapsed cancels nothing and says the sign-in lapsed', async () => {
    const { bot, cancel, conversation } = await signedInAs0001();
    await transcript(conversation, [['cancel my appointment', `Cancel your ${a5}?`]]);
    bot.clock.advanceMinutes(31);
    await transcript(conversation, [['yes', [m.signInLapsed, not('Done')]]]);
    expect(cancel).not.toHaveBeenCalled();
  });
});

// ---- tokens made by hand ----------------------------------------------------------------------

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function unsigned(payload: object): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
}

/** A real token whose payload is replaced: the signature no longer matches. */
function swapPayload(token: string, subject: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  return `${header}.${b64({ ...claims, sub: subject })}.${signature}`;
}

/** The store's text with its random UUIDs blanked, so a scan for sign-in details cannot hit one by chance. */
function withoutIds(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>');
}
