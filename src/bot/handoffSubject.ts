import type { Reading } from '../conversation/understand.js';
import type { FaqEntry } from '../knowledge/faqEntry.js';
import type { Language } from '../language/languages.js';
import type { ConversationData } from './conversationData.js';
import { entryOfTask } from './recentEntries.js';
import type { TurnObserver } from './turnObservers.js';
import { isTextKeyword } from '../understanding/textKeywords.js';
import { RULE_OF_THE_CASE } from '../knowledge/faqAnswerer.js';

/**
 * What a handed-over conversation was about, for the queue and the canned replies' {topic}: the
 * short name (an FAQ entry's button) of what the bot was last helping with, and the last thing the
 * candidate really asked. A command, a keyword or a complaint ("MORE", "no entiendo", "talk to a
 * person") tells staff nothing, so it is never the question.
 */

/** Does the message ask something (rather than command, acknowledge, answer a yes/no or correct)? */
export function asksSomething(reading: Reading, signingIn: boolean): boolean {
  if (signingIn || reading.signInDetails || reading.command || reading.acknowledgement || reading.languageSwitch) return false;
  // The text-message keywords ("MORE", "HELP", "STOP") are keywords wherever they are typed: "MORE"
  // on the website chat reaches the bot (only SMS answers it itself) and asks nothing.
  if (isTextKeyword(reading.text)) return false;
  if (reading.correction || reading.dateOnly || reading.yesNo !== null) return false;
  // A line that is nothing but masked details or digits ("[sign-in details]", "2") asks nothing.
  return /[a-z]{2}/i.test(reading.text.replace(/\[[a-z -]+\]/gi, ''));
}

/**
 * Keeps the candidate's line that asked something (`askedLine`) as the question a handoff is about:
 * kept before the handoff a message asks for starts ("I failed A5, talk to a person" is the question).
 */
export const askedLineObserver: TurnObserver = {
  name: 'askedLine',
  answered: ({ noted, line, reading, signingIn, data }) => {
    if (noted && asksSomething(reading, signingIn)) data.askedLine = line;
  },
};

/** The candidate's last real question, as kept in the transcript (masked). */
export function lastQuestion(data: ConversationData): string | undefined {
  return data.askedLine ? data.recent?.find((line) => line.id === data.askedLine && line.from === 'candidate')?.text : undefined;
}

/**
 * The FAQ entry the conversation was last about: the task running at the handoff, else what the
 * last answer came from, else what answered the last real question (a "MORE" the bot did not
 * understand since does not change what it was about), else the last task that finished.
 */
function subjectEntry(data: ConversationData, dialog: string | undefined): string | undefined {
  const answeredLast = data.askedLine ? data.answeredLines?.find(([entry, line]) => line === data.askedLine && !entry.includes('+'))?.[0] : undefined;
  const id = (dialog && entryOfTask(dialog)) || data.recentEntries?.[0] || answeredLast || (data.lastTask && entryOfTask(data.lastTask.id));
  return id && ofTheCase(data, id);
}

/** A failed test said in Spanish ("reprobé", "no lo aprobé"): the rule of the case's `unless` is English. */
const FAILED_ES = /\b(?:reprob\w*|suspend\w*|no (?:lo |la |los )?(?:aprob|pas)\w*)/i;

/**
 * The rule of the case (src/knowledge/faqAnswerer.ts): "when can I retake it?" right after the
 * missed-appointment answer asks when a No Show can be bought again, so a retest the conversation
 * went on to (even a retest task started by that question) is still about the missed appointment,
 * unless the candidate has since said a test was failed. A late arrival is a missed appointment.
 */
function ofTheCase(data: ConversationData, id: string): string {
  const earlier = [...(data.answeredLines ?? [])].reverse().find(([entry]) => entry !== id && !entry.includes('+'));
  const rule = earlier && RULE_OF_THE_CASE.find((row) => row.answered === id && row.after === earlier[0]);
  if (!rule || !earlier) return id;
  const from = data.recent?.findIndex((line) => line.id === earlier[1]) ?? -1;
  if (from < 0) return id;
  const saidSince = data.recent!.slice(from + 1).filter((line) => line.from === 'candidate');
  return saidSince.some((line) => rule.unless.test(line.text) || FAILED_ES.test(line.text)) ? id : rule.after;
}

/**
 * The subject's short name in English (staff's queue) and in the conversation's language (what an
 * agent's canned reply tells the candidate); undefined when the bot was helping with nothing.
 */
export function handoffSubject(
  data: ConversationData,
  dialog: string | undefined,
  language: Language,
  lookup: Record<Language, (id: string) => FaqEntry | undefined>,
): { topic: string; subject: string } | undefined {
  const id = subjectEntry(data, dialog);
  const topic = id && lookup.en(id)?.button;
  if (!id || !topic) return undefined;
  return { topic, subject: lookup[language](id)?.button ?? topic };
}

/**
 * The subject of a question typed while queued (a case opened by a bare "talk to a person"): the
 * entry of the task it asks for, else of the FAQ's confident answer; undefined when it has neither.
 */
export function subjectOfQuestion(
  reading: Reading,
  language: Language,
  lookup: Record<Language, (id: string) => FaqEntry | undefined>,
): { topic: string; subject: string } | undefined {
  const decision = reading.task ? undefined : reading.faq();
  const id = (reading.task && entryOfTask(reading.task.task)) || (decision?.kind === 'answer' ? decision.entry.id : undefined);
  const topic = id && lookup.en(id)?.button;
  return id && topic ? { topic, subject: lookup[language](id)?.button ?? topic } : undefined;
}
