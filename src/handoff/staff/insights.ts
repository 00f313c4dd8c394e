import type { Storage } from 'botbuilder';
import { ItemUpdater } from '../../storage/updateItem.js';
import type { HandoffCase } from '../types.js';

/**
 * Figures for supervisors from the bot's turn events (src/bot/turnEvents.ts): what candidates ask
 * (by FAQ entry), what the bot could not answer or declined (the question, already redacted), how
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
  /** Unanswered or declined questions only, redacted. */
  question?: string;
}

export interface UnansweredQuestion {
  at: string;
  /** unknown: nothing matched; out-of-scope: a known gap the bot declines; clarify: it had to ask. */
  decision: string;
  text: string;
  channel: string;
}

interface DayFigures {
  conversations: number;
  turns: number;
  questions: number;
  entries: Record<string, number>;
  decisions: Record<string, number>;
  handoffs: Record<string, number>;
  unanswered: UnansweredQuestion[];
}

/** Per day at most this many unanswered questions are kept (the first ones). */
const MAX_UNANSWERED_PER_DAY = 500;
/** Decisions where the bot did not answer from an entry: their questions are listed. */
const UNANSWERED = /^(unknown|out-of-scope|clarify|empty)/;
const dayKey = (day: string) => `staff/insights/${day}`;
const emptyDay = (): DayFigures => ({ conversations: 0, turns: 0, questions: 0, entries: {}, decisions: {}, handoffs: {}, unanswered: [] });

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
  handoffs: { count: number; rate: number; byReason: Array<{ reason: string; count: number; rate: number }> };
  /** Queued-to-claimed times of the cases closed in the period that an agent claimed. */
  queueWait: { claimed: number; p50Seconds?: number; p90Seconds?: number };
}

/** Nearest-rank percentile of a sorted, non-empty list. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ratio = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 1000 : 0);
const ranked = <K extends string>(counts: Record<string, number>, key: K) =>
  Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([name, count]) => ({ [key]: name, count }) as { [P in K]: string } & { count: number });

/** The report of a period: the days' figures added up, and the wait of the cases closed in it. */
export function insightsReport(from: string, to: string, days: DayFigures[], closed: HandoffCase[]): InsightsReport {
  const total = days.reduce((sum, day) => merge(sum, day), emptyDay());
  // Every day's questions, not only the first day's share: the cap applies per day.
  const unanswered = days.flatMap((day) => day.unanswered).sort((a, b) => b.at.localeCompare(a.at));
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
    handoffs: {
      count: handoffCount,
      rate: ratio(handoffCount, total.conversations),
      byReason: ranked(total.handoffs, 'reason').map((row) => ({ ...row, rate: ratio(row.count, total.conversations) })),
    },
    queueWait: waits.length ? { claimed: waits.length, p50Seconds: percentile(waits, 50), p90Seconds: percentile(waits, 90) } : { claimed: 0 },
  };
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
    ...report.unanswered.map((row) => [`unanswered (${row.decision})`, row.text, 1, undefined]),
  ];
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
