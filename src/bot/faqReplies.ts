import type { FaqDecision } from '../knowledge/faqAnswerer.js';
import type { FaqEntry } from '../knowledge/faqEntry.js';
import type { Reply, ReplyChoice } from '../channels/reply.js';
import type { Messages } from '../messages/en.js';

/** The candidate tapped or typed one of the offered choices: its value names what to do. */
export const choiceValue = {
  entry: (entry: FaqEntry): string => entry.question,
};

const asChoice = (entry: FaqEntry): ReplyChoice => ({ title: entry.question, value: choiceValue.entry(entry) });

/** The entry's answer with its follow-up entries offered as suggestions. */
export function entryAnswer(
  entry: FaqEntry,
  lookup: (id: string) => FaqEntry | undefined,
  messages: Messages,
): { reply: Reply; related: FaqEntry[] } {
  const related = entry.related.flatMap((id) => lookup(id) ?? []);
  return { reply: answerReply(entry, related, messages), related };
}

/** The entry's answer, and its offer to work out the candidate's own case when it has one. */
export function answerReply(entry: FaqEntry, related: FaqEntry[], messages: Messages): Reply {
  return {
    text: entry.offer ? `${entry.answer}\n\n${entry.offer.text}` : entry.answer,
    suggestions: related.map(asChoice),
    source: { title: entry.source.title || messages.sourceTitle, date: entry.source.date, url: entry.source.url },
  };
}

export interface FaqOutcome {
  reply: Reply;
  /** Entries offered as choices, so "1"/"2"/"3" or the title can pick one next turn. */
  offered: FaqEntry[];
  understood: boolean;
}

export function faqOutcome(
  decision: FaqDecision,
  lookup: (id: string) => FaqEntry | undefined,
  messages: Messages,
  misunderstoodBefore: number,
): FaqOutcome {
  const person: ReplyChoice = { title: messages.talkToPerson, value: messages.talkToPerson };
  switch (decision.kind) {
    case 'answer': {
      const { reply, related } = entryAnswer(decision.entry, lookup, messages);
      return { reply, offered: related, understood: true };
    }
    case 'clarify':
      return {
        reply: {
          text: messages.didYouMean,
          choices: [...decision.candidates.map(asChoice), { title: messages.noneOfThese, value: messages.noneOfThese }],
        },
        offered: decision.candidates,
        understood: true,
      };
    case 'out-of-scope':
      return { reply: { text: decision.topic.reply, suggestions: [person] }, offered: [], understood: true };
    case 'unknown': {
      if (misunderstoodBefore >= 1) {
        return { reply: { text: messages.unknownTwice, choices: [person] }, offered: [], understood: false };
      }
      const suggestions = decision.suggestions;
      return {
        reply: suggestions.length
          ? { text: messages.unknownWithSuggestions, choices: [...suggestions.map(asChoice), person] }
          : { text: messages.unknown, suggestions: [person] },
        offered: suggestions,
        understood: false,
      };
    }
  }
}

/** "2", "#2", "option 2" or the exact title of an offered entry picks it. */
export function pickOffered(text: string, offered: FaqEntry[]): FaqEntry | undefined {
  const cleaned = text.trim().toLowerCase().replace(/[.!?]+$/, '');
  const number = /^(?:#|option |number )?(\d)$/.exec(cleaned);
  if (number) return offered[Number(number[1]) - 1];
  return offered.find((entry) => entry.question.toLowerCase().replace(/[.!?]+$/, '') === cleaned);
}
