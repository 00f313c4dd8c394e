import type { DialogContext } from 'botbuilder-dialogs';
import type { FaqDecision, GapPair } from '../src/knowledge/faqAnswerer.js';
import { shortAnswer, withoutRestatements, type FaqEntry } from '../src/knowledge/faqEntry.js';
import type { Reply, ReplyChoice } from '../src/conversation/reply.js';
import type { Messages } from '../src/messages/en.js';
import { OFFER, requestOf, send, type AccountQuestion, type ConversationDeps } from './engine.js';
import type { OfferOptions } from './offerDialog.js';

export const asChoice = (entry: FaqEntry): ReplyChoice => ({ title: entry.button, value: entry.question });

/**
 * A "Did you mean" of the entries: one entry is asked as itself ("Did you mean: Advanced Level
 * tests?", Yes / No), never as a list of one; more as a list, with "None of these" (`none`).
 */
export function didYouMeanReply(entries: FaqEntry[], messages: Messages, none: boolean): Reply {
  const [only] = entries;
  if (entries.length === 1 && only) {
    return { text: messages.didYouMeanOne(only.button), choices: [{ title: messages.task.yes, value: only.question }, ...(none ? [{ title: messages.task.no, value: messages.noneOfThese }] : [])] };
  }
  return { text: messages.didYouMean, choices: [...entries.map(asChoice), ...(none ? [{ title: messages.noneOfThese, value: messages.noneOfThese }] : [])] };
}

/** The line under an answer that says where it comes from (the entry's source, else the FAQ's title). */
export const sourceOf = (entry: FaqEntry, messages: Messages): NonNullable<Reply['source']> => ({
  title: entry.source.title || messages.sourceTitle,
  label: messages.sourceLabel,
  date: entry.source.date,
  url: entry.source.url,
});

/**
 * An entry's answer as sent, its follow-up entries offered as suggestions, with its offer ("tell me the date you took it and I'll work it out")
 * unless `offer` is false: an answer given without the store must not invite a reply that nothing
 * will remember.
 */
export function entryAnswer(
  entry: FaqEntry,
  lookup: (id: string) => FaqEntry | undefined,
  messages: Messages,
  { offer = true, caveat }: { offer?: boolean; caveat?: string } = {},
): { reply: Reply; related: FaqEntry[] } {
  const related = entry.related.flatMap((id) => lookup(id) ?? []);
  return {
    reply: {
      // A facet's lead or a caveat is often a paragraph of the body put first: each sentence said
      // once. The caveat goes in the first paragraph: the part a text message keeps says both.
      text: withoutRestatements(entry.answer, caveat),
      suggestions: related.map(asChoice),
      source: sourceOf(entry, messages),
      // The offer is a question the bot then waits on: it closes the reply, and on SMS it stays in
      // the short text (the details wait for MORE, the question must not).
      ...(offer && entry.offer ? { then: entry.offer.text } : {}),
      details: 'on-request',
      // (Not with a caveat before the lead: the brief would leave it out.)
      ...(entry.short && !caveat ? { brief: entry.short } : {}),
      rate: { entryId: entry.id },
    },
    related,
  };
}

/** What the route knows beside the decision. */
export interface AnswerExtra {
  signInHint?: boolean;
  task?: string;
  text?: string;
  signInFor?: AccountQuestion;
  /** The task last worked out in this conversation and its answer. */
  workedOut?: { task: string; answer: string };
  /**
   * A follow-up answered from the entry just answered: the part that answers, without the buttons
   * and the offer just shown (the offer stays open: its fact next still reaches the task).
   */
  again?: boolean;
  /** The entry answered just before: its `caveats` may lead this answer ("not until your ADA request is approved"). */
  after?: string;
  /**
   * The answer just given, asked for again in other words ("which bases" after the testing-abroad
   * answer): the part that answers, said as from that answer, not the whole answer again.
   */
  repeated?: boolean;
  /**
   * The offered task this answer's own offer was made over, still open beneath: the question the
   * candidate asked first, so "ok back to my question" next means that one, not this detour (ut23).
   */
  over?: string;
}

/** The lead the entry answered before puts on this one, if it has one for it (knowledge `caveats`). */
function caveatFor(deps: Pick<ConversationDeps, 'lookup'>, entry: FaqEntry, after: string | undefined): string | undefined {
  if (!after || after === entry.id) return undefined;
  return deps.lookup(after)?.caveats?.find((caveat) => caveat.entries.includes(entry.id))?.lead;
}

/**
 * Answers an entry and waits, as an offer, for what usually comes next: a tap on a follow-up, or the
 * fact the entry's task needs ("tell me the date you took it"). Anything else drops the offer.
 */
export async function answerEntry(dc: DialogContext, deps: ConversationDeps, entry: FaqEntry, extra: AnswerExtra = {}): Promise<void> {
  const caveat = caveatFor(deps, entry, extra.after);
  const { reply, related } = entryAnswer(entry, deps.lookup, deps.messages, caveat ? { caveat } : {});
  requestOf(dc.context).faq = { decision: 'answer', entryId: entry.id, ...(entry.facet ? { facet: entry.facet } : {}) };
  const task = entry.offer?.task ?? extra.task;
  // Its task was just worked out: say what came out rather than ask for the facts again.
  const known = task && extra.workedOut?.task === task ? firstSentence(extra.workedOut.answer) : undefined;
  const fromAccount = !known && extra.signInHint && ((task && deps.answersFromAccount(task)) || extra.signInFor);
  const hint = fromAccount ? deps.messages.task.orSignIn : '';
  const then = known ? deps.messages.task.workedOut(known) : [reply.then, hint].filter(Boolean).join(' ');
  if (extra.again) {
    const { then: _offer, suggestions: _shown, brief: _brief, ...part } = reply;
    await send(dc.context, deps, extra.repeated ? { ...part, text: deps.messages.fromLastAnswer(part.text) } : part);
  } else await send(dc.context, deps, { ...reply, ...(then ? { then } : {}) });
  // Not made again with a follow-up's answer, so not held open as if it had just been made ("ok" next is plain).
  // Nor when its task was just worked out: the facts it asks for were given ("Back to your question:
  // Tell me the date you took it" after the date was given and answered).
  const prompt = extra.again || known ? undefined : entry.offer?.text;
  await dc.beginDialog(OFFER, {
    entries: related.map((e) => e.id),
    ...(task ? { task } : {}),
    ...(prompt ? { prompt, offeredBy: entry.id } : {}),
    ...(extra.text ? { text: extra.text } : {}),
    ...(extra.signInFor ? { signInFor: extra.signInFor } : {}),
    ...(extra.workedOut ? { afterTask: extra.workedOut.task } : {}),
    ...(extra.over ? { over: extra.over } : {}),
    // A follow-up tapped next is answered in this answer's light (its caveats).
    ...(entry.caveats ? { from: entry.id } : {}),
  } satisfies OfferOptions);
}

/**
 * Two questions in one message: the first sentence-paragraph of each answer, in the order asked,
 * and both entries offered (a tap gives the whole answer). At most two; each short. `task`: the
 * task one of them opened, kept on offer.
 */
export async function answerPair(dc: DialogContext, deps: ConversationDeps, pair: [FaqEntry, FaqEntry], task?: string): Promise<void> {
  requestOf(dc.context).faq = { decision: 'pair', entryId: pair.map((entry) => entry.id).join('+') };
  await send(dc.context, deps, {
    text: pair.map(shortAnswer).join('\n\n'),
    answers: 2,
    suggestions: pair.map(asChoice),
    source: sourceOf(pair[0], deps.messages),
    rate: { entryId: pair.map((entry) => entry.id).join('+') },
  });
  // A task one of the questions opened stays on offer: its fact next ("A and T") still reaches it.
  // So does the task of the one entry of the two that offers one ("my address changed, also how do
  // i get a duplicate cert", then "its the auto one": the duplicate's series, not the E-Learning answer).
  const offered = pair.map((entry) => entry.offer?.task).filter((t): t is string => t !== undefined);
  const onOffer = task ?? (offered.length === 1 ? offered[0] : undefined);
  await dc.beginDialog(OFFER, { entries: pair.map((entry) => entry.id), ...(onOffer ? { task: onOffer } : {}) } satisfies OfferOptions);
}

/**
 * Two questions in one, one of them a task asked with its facts ("how long is a cert good for and
 * how much is a duplicate for auto"): the other question's short answer, said before the task
 * works out its own (which may go on to ask something, so it comes last).
 */
export async function answerBesideTask(dc: DialogContext, deps: ConversationDeps, entry: FaqEntry): Promise<void> {
  await send(dc.context, deps, { text: shortAnswer(entry), source: sourceOf(entry, deps.messages), rate: { entryId: entry.id } });
}

/**
 * Two questions in one, one of them a known gap ("is there a spanish version, and can my shop
 * pay"): the answer's short form and the gap's honest reply, in the order asked, the entry offered
 * in full and a person beside it (as the gap alone would offer).
 */
export async function answerGapPair(dc: DialogContext, deps: ConversationDeps, pair: GapPair): Promise<void> {
  const entries = pair.flatMap((part) => (part.kind === 'entry' ? [part.entry] : []));
  // The event names the entry answered (the recent answers and the insights read entry ids only).
  const id = entries.map((e) => e.id).join('+');
  requestOf(dc.context).faq = { decision: 'pair', entryId: id };
  const entry = entries[0]!;
  await send(dc.context, deps, {
    text: pair.map((part) => (part.kind === 'entry' ? shortAnswer(part.entry) : part.topic.reply)).join('\n\n'),
    suggestions: [...entries.map(asChoice), { title: deps.messages.talkToPerson, value: deps.messages.talkToPerson }],
    source: sourceOf(entry, deps.messages),
    rate: { entryId: id },
  });
  await dc.beginDialog(OFFER, { entries: entries.map((e) => e.id), person: true } satisfies OfferOptions);
}

/**
 * What the knowledge base's decision says when no dialog took the message: an answer, "did you
 * mean", an honest "not something I can answer", or "I don't know that one" with suggestions.
 * Returns whether the message was understood.
 */
export async function answerDecision(
  dc: DialogContext,
  deps: ConversationDeps,
  decision: FaqDecision,
  misunderstoodBefore: number,
  extra: AnswerExtra = {},
): Promise<boolean> {
  const m = deps.messages;
  const person: ReplyChoice = { title: m.talkToPerson, value: m.talkToPerson };
  switch (decision.kind) {
    case 'answer':
      await answerEntry(dc, deps, decision.entry, decision.again ? { ...extra, again: true, ...(decision.repeated ? { repeated: true } : {}) } : extra);
      return true;
    case 'clarify':
      await send(dc.context, deps, didYouMeanReply(decision.candidates, m, true));
      await dc.beginDialog(OFFER, { entries: decision.candidates.map((e) => e.id), none: true, ...(extra.task ? { task: extra.task } : {}), ...(extra.text ? { text: extra.text } : {}) } satisfies OfferOptions);
      return true;
    case 'out-of-scope':
      await send(dc.context, deps, { text: decision.topic.reply, suggestions: [person] });
      await dc.beginDialog(OFFER, { entries: [], person: true } satisfies OfferOptions);
      return true;
    case 'unknown': {
      if (misunderstoodBefore >= 1) {
        await send(dc.context, deps, { text: deps.handsOver ? m.unknownTwiceOfferPerson : m.unknownTwice, choices: [person] });
        await dc.beginDialog(OFFER, { entries: [], person: true, personReason: 'misunderstood' } satisfies OfferOptions);
        return false;
      }
      const suggestions = decision.suggestions;
      await send(
        dc.context,
        deps,
        suggestions.length ? { text: m.unknownWithSuggestions, choices: [...suggestions.map(asChoice), person] } : { text: m.unknown, suggestions: [person] },
      );
      await dc.beginDialog(OFFER, { entries: suggestions.map((e) => e.id), person: true } satisfies OfferOptions);
      return false;
    }
  }
}

/** The sentence that answers: a worked-out answer leads with it ("You can buy A5 again on or after ..."). */
function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/)[0] ?? text;
}
