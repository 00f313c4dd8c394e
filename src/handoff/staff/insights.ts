import type { Storage } from 'botbuilder';
import { ItemUpdater } from '../../storage/updateItem.js';
import type { HandoffCase } from '../types.js';
import { groupQuestions, RATED_NO, wordingKey, type QuestionGroup } from './questionGroups.js';

/**
 * Figures for supervisors from the bot's turn events (src/bot/turnEvents.ts): what candidates ask
 * (by FAQ entry), what the bot could not answer or declined, and answered with no help (rated
 * "No") (the question, already redacted), how
 * often and why it hands over, and how long the queue keeps people waiting (from the cases).
 *
 * Each instance adds up its turns in memory and merges them into one item per UTC day in the bot's
 * store every few seconds (a compare-and-set, so instances sharing Redis add up, never overwrite).
 */

/** The part of a turn event the insights read (the bot's TurnEvent has these fields). */
export interface InsightEvent {
  channel: string;
  conversationId: string;
  route: string;
  faq?: { decision: string; entryId?: string };
  handoff?: { outcome: string; reason?: string };
  dialog?: { id: string; outcome?: string; started?: boolean };
  choice?: { outcome: string; entryId?: string };
  feedback?: { vote: string; entryId?: string };
  commentOn?: { vote: string; entryId?: string };
  satisfaction?: { score: number; after: string };
  /** Unanswered or declined questions only, redacted. */
  question?: string;
  /** What a candidate wrote with a rating, redacted. */
  comment?: string;
}

export interface RatingComment {
  at: string;
  vote: string;
  entryId?: string;
  text: string;
  channel: string;
}

export interface UnansweredQuestion {
  at: string;
  /** unknown: nothing matched; out-of-scope: a known gap the bot declines; clarify: it had to ask; rated-no: answered, and the candidate said it did not help. */
  decision: string;
  text: string;
  channel: string;
  /** rated-no: the entry whose answer did not help. */
  entryId?: string;
}

interface DayFigures {
  conversations: number;
  turns: number;
  questions: number;
  entries: Record<string, number>;
  decisions: Record<string, number>;
  handoffs: Record<string, number>;
  unanswered: UnansweredQuestion[];
  /** "Did you mean" answered: entry id, or NONE_OF_THESE. */
  choices: Record<string, number>;
  /** `started|<task>`, `finished|<task>`, `abandoned|<task>`. */
  tasks: Record<string, number>;
  /** `up|<entry>`, `down|<entry>` (entry '-' when the page gave none). */
  feedback: Record<string, number>;
  /** `<after>|<score>`: after 'handoff' or 'goodbye', 1-5. */
  satisfaction: Record<string, number>;
  comments: RatingComment[];
  /** Questions whose answer the candidate rated "No", with the entry (masked, as the unanswered ones). */
  poorlyRated: UnansweredQuestion[];
}

/** Per day at most this many unanswered questions (and as many rating comments) are kept (the first ones). */
const MAX_UNANSWERED_PER_DAY = 500;
const NONE_OF_THESE = '(none of these)';
/** Dialogs that are not tasks: the offer after an answer and signing in. */
const NOT_TASKS = new Set(['offer', 'sign-in']);
/** Outcomes that are not an answer: still waiting, or the candidate (or the task) gave up. */
const ABANDONED = new Set(['cancelled', 'gave-up']);
/** Decisions where the bot did not answer from an entry: their questions are listed. */
const UNANSWERED = /^(unknown|out-of-scope|clarify|empty)/;
const dayKey = (day: string) => `staff/insights/${day}`;
const emptyDay = (): DayFigures => ({
  conversations: 0,
  turns: 0,
  questions: 0,
  entries: {},
  decisions: {},
  handoffs: {},
  unanswered: [],
  choices: {},
  tasks: {},
  feedback: {},
  satisfaction: {},
  comments: [],
  poorlyRated: [],
});

const add = (into: Record<string, number>, key: string, n = 1) => {
  into[key] = (into[key] ?? 0) + n;
};

export class InsightsRecorder {
  private readonly items: ItemUpdater;
  private pending = new Map<string, DayFigures>();
  /** Conversations this instance has counted, per day (a conversation counts once a day). */
  private seen = new Map<string, Set<string>>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: Storage,
    private readonly clock: () => Date,
    private readonly options: { flushMs?: number; onError?: (error: Error) => void } = {},
  ) {
    this.items = new ItemUpdater(storage);
  }

  /** A turn happened (the bot's event sink). Never throws, never waits. */
  observe = (event: InsightEvent): void => {
    const now = this.clock();
    const day = now.toISOString().slice(0, 10);
    const figures = this.pending.get(day) ?? emptyDay();
    this.pending.set(day, figures);
    figures.turns += 1;
    let seen = this.seen.get(day);
    if (!seen) {
      // Yesterday's set is no longer needed: a day's conversations are counted on that day.
      this.seen = new Map([[day, (seen = new Set())]]);
    }
    if (!seen.has(event.conversationId) && seen.size < 200_000) {
      seen.add(event.conversationId);
      figures.conversations += 1;
    }
    if (event.faq) {
      figures.questions += 1;
      add(figures.decisions, event.faq.decision);
      if (event.faq.entryId) for (const id of event.faq.entryId.split('+')) add(figures.entries, id);
      if (UNANSWERED.test(event.faq.decision) && event.question) {
        figures.unanswered.push({ at: now.toISOString(), decision: event.faq.decision.replace(/-without-store$/, ''), text: event.question.slice(0, 300), channel: event.channel });
      }
    }
    if (event.handoff?.outcome === 'started') add(figures.handoffs, event.handoff.reason ?? 'unknown');
    if (event.choice) add(figures.choices, event.choice.outcome === 'none' ? NONE_OF_THESE : (event.choice.entryId ?? NONE_OF_THESE));
    const dialog = event.dialog;
    if (dialog && !NOT_TASKS.has(dialog.id)) {
      if (dialog.started) add(figures.tasks, `started|${dialog.id}`);
      if (dialog.outcome && ABANDONED.has(dialog.outcome)) add(figures.tasks, `abandoned|${dialog.id}`);
      else if (dialog.outcome && dialog.outcome !== 'waiting') add(figures.tasks, `finished|${dialog.id}`);
    }
    if (event.feedback) add(figures.feedback, `${event.feedback.vote}|${event.feedback.entryId ?? '-'}`);
    if (event.feedback?.vote === 'down' && event.question) {
      figures.poorlyRated.push({ at: now.toISOString(), decision: RATED_NO, text: event.question.slice(0, 300), channel: event.channel, ...(event.feedback.entryId ? { entryId: event.feedback.entryId } : {}) });
    }
    // A comment comes with the vote, or after it on its own (the vote counted once, when it came).
    const rated = event.feedback ?? event.commentOn;
    if (rated && event.comment) {
      figures.comments.push({ at: now.toISOString(), vote: rated.vote, ...(rated.entryId ? { entryId: rated.entryId } : {}), text: event.comment.slice(0, 500), channel: event.channel });
    }
    if (event.satisfaction) add(figures.satisfaction, `${event.satisfaction.after}|${event.satisfaction.score}`);
    this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs ?? 5000);
    this.timer.unref?.();
  };

  /** Writes what this instance counted since the last flush into the store. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    this.flushing = this.flushing.then(async () => {
      for (const [day, figures] of batch) {
        try {
          await this.items.update<DayFigures>(dayKey(day), (stored) => merge(stored ?? emptyDay(), figures));
        } catch (error) {
          // Figures are not worth failing anything for; they are lost, and the log says so.
          this.options.onError?.(error as Error);
        }
      }
    });
    return this.flushing;
  }

  /** The stored figures of these days (UTC, YYYY-MM-DD), after writing this instance's own. */
  async days(days: string[]): Promise<DayFigures[]> {
    await this.flush();
    const items = await this.storage.read(days.map(dayKey));
    return days.map((day) => {
      const item = items[dayKey(day)] as (DayFigures & { eTag?: string }) | undefined;
      if (!item) return emptyDay();
      const { eTag: _eTag, ...figures } = item;
      return { ...emptyDay(), ...figures };
    });
  }

  async close(): Promise<void> {
    await this.flush();
  }
}

function merge(into: DayFigures, more: DayFigures): DayFigures {
  const sum = (a: Record<string, number>, b: Record<string, number>) => {
    const out = { ...a };
    for (const [key, n] of Object.entries(b)) add(out, key, n);
    return out;
  };
  return {
    conversations: into.conversations + more.conversations,
    turns: into.turns + more.turns,
    questions: into.questions + more.questions,
    entries: sum(into.entries, more.entries),
    decisions: sum(into.decisions, more.decisions),
    handoffs: sum(into.handoffs, more.handoffs),
    unanswered: [...into.unanswered, ...more.unanswered].slice(0, MAX_UNANSWERED_PER_DAY),
    choices: sum(into.choices, more.choices),
    tasks: sum(into.tasks, more.tasks),
    feedback: sum(into.feedback, more.feedback),
    satisfaction: sum(into.satisfaction, more.satisfaction),
    comments: [...into.comments, ...more.comments].slice(0, MAX_UNANSWERED_PER_DAY),
    poorlyRated: [...(into.poorlyRated ?? []), ...(more.poorlyRated ?? [])].slice(0, MAX_UNANSWERED_PER_DAY),
  };
}

export interface InsightsReport {
  from: string;
  to: string;
  conversations: number;
  questions: number;
  /** FAQ entries by how often they answered, most first. */
  byEntry: Array<{ entryId: string; count: number }>;
  /** How the bot decided on questions (answer, clarify, unknown, out-of-scope...). */
  decisions: Array<{ decision: string; count: number }>;
  /** Newest first. */
  unanswered: UnansweredQuestion[];
  /** Questions answered from an entry that the candidate rated "No", newest first (masked). */
  poorlyRated: UnansweredQuestion[];
  /** The unanswered and the poorly rated questions grouped by similarity, biggest group first, without those editors marked out of scope. */
  unansweredGroups: QuestionGroup[];
  /** Unanswered questions of the period whose wording an editor marked out of scope. */
  markedOutOfScope: number;
  /** Each day of the period: conversations, questions, unanswered questions and handoffs (for the chart). */
  daily: Array<{ day: string; conversations: number; questions: number; unanswered: number; handoffs: number }>;
  handoffs: { count: number; rate: number; byReason: Array<{ reason: string; count: number; rate: number }> };
  /** Queued-to-claimed times of the cases closed in the period that an agent claimed. */
  queueWait: { claimed: number; p50Seconds?: number; p90Seconds?: number };
  /** "Did you mean" offers (the clarify decisions) and what came of them: an entry picked, or "None of these"; the rest went unanswered. */
  choices: { offered: number; picked: number; none: number; byEntry: Array<{ entryId: string; count: number }> };
  /** Guided tasks by how often they were started, finished (an answer) and abandoned (cancelled, gave up). */
  tasks: Array<{ task: string; started: number; finished: number; abandoned: number }>;
  /** Thumbs on answers, by entry (most rated first), and the comments left with them (newest first). */
  feedback: { up: number; down: number; byEntry: Array<{ entryId: string; up: number; down: number }>; comments: RatingComment[] };
  /** "How was this chat?" (1-5): how many answered, the mean, how many gave each score, and by when it was asked. */
  satisfaction: { count: number; average?: number; byScore: number[]; after: Array<{ after: string; count: number; average?: number }> };
}

/** Nearest-rank percentile of a sorted, non-empty list. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ratio = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 1000 : 0);
const ranked = <K extends string>(counts: Record<string, number>, key: K) =>
  Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([name, count]) => ({ [key]: name, count }) as { [P in K]: string } & { count: number });

/** The report of a period: the days' figures added up, and the wait of the cases closed in it. */
export function insightsReport(from: string, to: string, days: DayFigures[], closed: HandoffCase[], marked: ReadonlySet<string> = new Set()): InsightsReport {
  const total = days.reduce((sum, day) => merge(sum, day), emptyDay());
  // Every day's questions, not only the first day's share: the cap applies per day.
  const unanswered = days.flatMap((day) => day.unanswered).sort((a, b) => b.at.localeCompare(a.at));
  const poorlyRated = days.flatMap((day) => day.poorlyRated ?? []).sort((a, b) => b.at.localeCompare(a.at));
  const open = unanswered.filter((question) => !marked.has(wordingKey(question.text)));
  const openRated = poorlyRated.filter((question) => !marked.has(wordingKey(question.text)));
  const sumOf = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const daily = days.map((figures, i) => ({
    day: new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10),
    conversations: figures.conversations,
    questions: figures.questions,
    unanswered: figures.unanswered.length,
    handoffs: sumOf(figures.handoffs),
  }));
  const waits = closed
    .filter((c) => c.claimedAt)
    .map((c) => Math.max(0, Math.round((Date.parse(c.claimedAt!) - Date.parse(c.queuedAt)) / 1000)))
    .sort((a, b) => a - b);
  const handoffCount = Object.values(total.handoffs).reduce((a, b) => a + b, 0);
  return {
    from,
    to,
    conversations: total.conversations,
    questions: total.questions,
    byEntry: ranked(total.entries, 'entryId'),
    decisions: ranked(total.decisions, 'decision'),
    unanswered,
    poorlyRated,
    unansweredGroups: groupQuestions([...open, ...openRated]),
    markedOutOfScope: unanswered.length - open.length,
    daily,
    handoffs: {
      count: handoffCount,
      rate: ratio(handoffCount, total.conversations),
      byReason: ranked(total.handoffs, 'reason').map((row) => ({ ...row, rate: ratio(row.count, total.conversations) })),
    },
    queueWait: waits.length ? { claimed: waits.length, p50Seconds: percentile(waits, 50), p90Seconds: percentile(waits, 90) } : { claimed: 0 },
    choices: choicesOf(total),
    tasks: tasksOf(total.tasks),
    feedback: feedbackOf(total, days),
    satisfaction: satisfactionOf(total.satisfaction),
  };
}

/** `kind|name` counts as name -> kind -> count. */
const split = (counts: Record<string, number>) => {
  const out = new Map<string, Record<string, number>>();
  for (const [key, n] of Object.entries(counts)) {
    const bar = key.indexOf('|');
    const [kind, name] = [key.slice(0, bar), key.slice(bar + 1)];
    const row = out.get(name) ?? {};
    row[kind] = (row[kind] ?? 0) + n;
    out.set(name, row);
  }
  return out;
};

function choicesOf(total: DayFigures): InsightsReport['choices'] {
  const { [NONE_OF_THESE]: none = 0, ...picked } = total.choices;
  const byEntry = ranked(picked, 'entryId');
  return { offered: total.decisions.clarify ?? 0, picked: byEntry.reduce((n, row) => n + row.count, 0), none, byEntry };
}

function tasksOf(counts: Record<string, number>): InsightsReport['tasks'] {
  return [...split(counts)]
    .map(([task, row]) => ({ task, started: row.started ?? 0, finished: row.finished ?? 0, abandoned: row.abandoned ?? 0 }))
    .sort((a, b) => b.started - a.started || a.task.localeCompare(b.task));
}

function feedbackOf(total: DayFigures, days: DayFigures[]): InsightsReport['feedback'] {
  const byEntry = [...split(total.feedback)]
    .map(([entryId, row]) => ({ entryId, up: row.up ?? 0, down: row.down ?? 0 }))
    .sort((a, b) => b.down - a.down || b.up + b.down - (a.up + a.down) || a.entryId.localeCompare(b.entryId));
  const comments = days.flatMap((day) => day.comments).sort((a, b) => b.at.localeCompare(a.at));
  return { up: byEntry.reduce((n, row) => n + row.up, 0), down: byEntry.reduce((n, row) => n + row.down, 0), byEntry, comments };
}

const mean = (scores: Array<[number, number]>) => {
  const count = scores.reduce((n, [, c]) => n + c, 0);
  return count ? { count, average: Math.round((scores.reduce((n, [score, c]) => n + score * c, 0) / count) * 100) / 100 } : { count: 0 };
};

function satisfactionOf(counts: Record<string, number>): InsightsReport['satisfaction'] {
  const byAfter = split(Object.fromEntries(Object.entries(counts).map(([key, n]) => [key.split('|').reverse().join('|'), n])));
  const all: Array<[number, number]> = [];
  const after = [...byAfter]
    .map(([when, row]) => {
      const scores = Object.entries(row).map(([score, n]) => [Number(score), n] as [number, number]);
      all.push(...scores);
      return { after: when, ...mean(scores) };
    })
    .sort((a, b) => a.after.localeCompare(b.after));
  const byScore = [1, 2, 3, 4, 5].map((score) => all.filter(([s]) => s === score).reduce((n, [, c]) => n + c, 0));
  return { ...mean(all), byScore, after };
}

/**
 * The report as CSV (one table: section, item, count, rate). Cells a spreadsheet would run as a
 * formula (=, +, -, @ first) get a leading apostrophe: candidates wrote the unanswered questions.
 */
export function insightsCsv(report: InsightsReport): string {
  const cell = (value: string | number | undefined) => {
    let text = value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows: Array<Array<string | number | undefined>> = [
    ['section', 'item', 'count', 'rate'],
    ['period', `${report.from} to ${report.to}`, undefined, undefined],
    ['total', 'conversations', report.conversations, undefined],
    ['total', 'questions', report.questions, undefined],
    ...report.byEntry.map((row) => ['entry', row.entryId, row.count, undefined]),
    ...report.decisions.map((row) => ['decision', row.decision, row.count, undefined]),
    ['handoff', 'all', report.handoffs.count, report.handoffs.rate],
    ...report.handoffs.byReason.map((row) => ['handoff', row.reason, row.count, row.rate]),
    ['queue-wait', 'claimed cases', report.queueWait.claimed, undefined],
    ['queue-wait', 'p50 seconds', report.queueWait.p50Seconds, undefined],
    ['queue-wait', 'p90 seconds', report.queueWait.p90Seconds, undefined],
    ['did-you-mean', 'offered', report.choices.offered, undefined],
    ['did-you-mean', 'none of these', report.choices.none, ratio(report.choices.none, report.choices.offered)],
    ...report.choices.byEntry.map((row) => ['did-you-mean', row.entryId, row.count, ratio(row.count, report.choices.offered)]),
    ...report.tasks.flatMap((row) => [
      ['task started', row.task, row.started, undefined],
      ['task finished', row.task, row.finished, ratio(row.finished, row.started)],
      ['task abandoned', row.task, row.abandoned, ratio(row.abandoned, row.started)],
    ]),
    ['feedback', 'up', report.feedback.up, ratio(report.feedback.up, report.feedback.up + report.feedback.down)],
    ['feedback', 'down', report.feedback.down, ratio(report.feedback.down, report.feedback.up + report.feedback.down)],
    ...report.feedback.byEntry.flatMap((row) => [
      ['feedback up', row.entryId, row.up, undefined],
      ['feedback down', row.entryId, row.down, undefined],
    ]),
    ['satisfaction', 'answers', report.satisfaction.count, undefined],
    ['satisfaction', 'average', report.satisfaction.average, undefined],
    ...report.satisfaction.byScore.map((n, i) => ['satisfaction score', String(i + 1), n, ratio(n, report.satisfaction.count)]),
    ...report.satisfaction.after.map((row) => [`satisfaction after ${row.after}`, 'average', row.count, row.average]),
    ...report.unanswered.map((row) => [`unanswered (${row.decision})`, row.text, 1, undefined]),
    ...report.feedback.comments.map((row) => [`comment (${row.vote}${row.entryId ? ` ${row.entryId}` : ''})`, row.text, 1, undefined]),
    ...report.poorlyRated.map((row) => [`rated no (${row.entryId ?? '-'})`, row.text, 1, undefined]),
  ];
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
