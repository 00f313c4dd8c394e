import type { Storage } from 'botbuilder';
import { memoryOpenQueue, type OpenQueue } from '../storage/openQueue.js';
import { ItemUpdater } from '../storage/updateItem.js';
import type { CaseStatus, HandoffCase, TranscriptLine } from './types.js';

/** What the queue keeps of an open case beside its id (the case item is the truth; this is for the metrics). */
interface QueueValue {
  status: CaseStatus;
  queuedAt: string;
  owner?: string;
}

/** The open cases: queued ones in their order in line, then those with an agent. */
export interface OpenCases {
  queued: HandoffCase[];
  active: HandoffCase[];
}

/** A page of the open cases: the queued ones from an offset in line order, and every case with an agent. */
export interface OpenCasesPage {
  /** The page of the line (of one language when asked), each with its place in the whole line. */
  queued: Array<{ case: HandoffCase; place: number }>;
  /** Every case with an agent (few: one to a handful per agent). */
  active: HandoffCase[];
  /** How many wait in all. */
  waiting: number;
  /** How many wait in the language asked for (all of them without one). */
  matching: number;
}

/** The shape the queue index had before the queue was a structure of its own (one item, `handoff/index`). */
interface LegacyIndex {
  open?: Record<string, QueueValue>;
  recentWaitsMs?: number[];
  sweptThrough?: string;
}

interface Transcript {
  lines: TranscriptLine[];
  /** Lines dropped from the front to keep the item under the store's size cap. */
  trimmed?: number;
}

interface Pointer {
  caseId: string;
}

interface ClosedDay {
  ids: string[];
}

interface RecentWaits {
  /** Queued-to-claimed times of recent cases, newest last: the basis of the wait estimate. */
  ms: number[];
}

interface Swept {
  /** Closing days up to and including this one (YYYY-MM-DD) have been swept. */
  through: string;
}

export interface CaseStoreOptions {
  /** Closed cases and their transcripts are deleted this long after closing. */
  retentionDays: number;
  /** A transcript item is kept under this many bytes (the store's own cap is larger). */
  maxTranscriptBytes?: number;
  /**
   * The open cases and the line of queued ones: the store's (a Redis sorted set shared by every
   * instance) in the application, this process's own by default.
   */
  queue?: OpenQueue;
}

const RECENT_WAITS = 20;
const DAY_MS = 86_400_000;
/** Days swept in one go at most (a store idle for years catches up over several closings). */
const SWEEP_DAYS = 60;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Cases and transcripts in the bot's store (memory, or Redis shared by every instance), and the queue
 * in an {@link OpenQueue}: one entry per open case, so a burst of handoffs appends to a line instead
 * of rewriting one item (which capped the queue at 256 KB, about 2,700 cases). Every change of a case
 * is a compare-and-set, so two instances changing one case never lose a write.
 */
export class CaseStore {
  private readonly items: ItemUpdater;
  private readonly maxTranscriptBytes: number;
  private readonly queue: OpenQueue;
  private adopted: Promise<void> | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly options: CaseStoreOptions,
  ) {
    this.items = new ItemUpdater(storage);
    this.maxTranscriptBytes = options.maxTranscriptBytes ?? 150_000;
    this.queue = options.queue ?? memoryOpenQueue();
  }

  /**
   * Opens a case for a conversation with the lines so far, or returns the one already open. Callers
   * hold the conversation's turn lock, so one conversation never creates two at once. The pointer the
   * bot reads is written last: a case the queue cannot show is never one the bot thinks is open.
   */
  async create(opened: HandoffCase, history: TranscriptLine[], now: Date): Promise<HandoffCase> {
    return (await this.open(opened, history, now)).case;
  }

  /**
   * As {@link create}, and says the case's place in line, as the queue told it when the case joined
   * (no second lookup). `then` gives the transcript's last lines once the place is known (what the
   * bot tells the candidate), so the transcript is written once, beside the pointer. `created` is
   * false when the conversation already had an open case (returned as it is; nothing is written).
   *
   * Round trips: the case (with its number) is written, then it joins the queue, then its transcript
   * and the conversation's pointer are written together. The case is written before it joins, so the
   * staff list never finds a queued id without its case (it would reap it).
   */
  async open(
    opened: HandoffCase,
    history: TranscriptLine[],
    _now: Date,
    then: (place: number | undefined) => TranscriptLine[] = () => [],
  ): Promise<{ case: HandoffCase; place?: number; created: boolean }> {
    await this.adoptLegacyIndex();
    const existing = await this.openCaseFor(opened.conversationKey);
    if (existing) {
      const place = existing.status === 'queued' ? await this.queue.place(existing.id) : undefined;
      return { case: existing, ...(place !== undefined ? { place } : {}), created: false };
    }
    const keys = [caseKey(opened.id), transcriptKey(opened.id), pointerKey(opened.conversationKey), ...(opened.caseNumber ? [numberKey(opened.caseNumber)] : [])];
    await this.storage.write({
      [caseKey(opened.id)]: { ...opened },
      ...(opened.caseNumber ? { [numberKey(opened.caseNumber)]: { caseId: opened.id } satisfies Pointer } : {}),
    });
    let place: number | undefined;
    try {
      place = await this.enqueue(opened);
      await this.storage.write({
        [transcriptKey(opened.id)]: this.fit({ lines: [...history, ...then(place)] }),
        [pointerKey(opened.conversationKey)]: { caseId: opened.id } satisfies Pointer,
      });
    } catch (error) {
      // A queued case the bot does not know of would have staff talking to a candidate who never
      // hears them, and a case the queue does not show is one nobody sees: take it back out (best
      // effort: the store is failing) and let the handoff fail. No orphan is left to expire.
      await this.queue.remove([opened.id]).catch(() => undefined);
      await this.storage.delete(keys).catch(() => undefined);
      throw error;
    }
    return { case: opened, ...(place !== undefined ? { place } : {}), created: true };
  }

  /** The id of the case with this number ("C-1042"), while it is kept. */
  async idForNumber(caseNumber: string): Promise<string | undefined> {
    const pointer = (await this.storage.read([numberKey(caseNumber)]))[numberKey(caseNumber)] as Pointer | undefined;
    return pointer?.caseId;
  }

  async get(id: string): Promise<HandoffCase | undefined> {
    return (await this.getMany([id]))[0];
  }

  async getMany(ids: string[]): Promise<HandoffCase[]> {
    if (!ids.length) return [];
    const items = await this.storage.read(ids.map(caseKey));
    return ids.flatMap((id) => {
      const item = items[caseKey(id)] as (HandoffCase & { eTag?: string }) | undefined;
      if (!item) return [];
      const { eTag: _eTag, ...rest } = item;
      return [rest as HandoffCase];
    });
  }

  /** The conversation's case while it is queued or with an agent (one read when there is none). */
  async openCaseFor(conversationKey: string): Promise<HandoffCase | undefined> {
    const pointer = (await this.storage.read([pointerKey(conversationKey)]))[pointerKey(conversationKey)] as Pointer | undefined;
    if (!pointer) return undefined;
    const found = await this.get(pointer.caseId);
    return found && found.status !== 'closed' ? found : undefined;
  }

  /**
   * Changes a case. `change` returns the new case, or throws to refuse (it sees the latest stored
   * case, and may run again if another instance changed it meanwhile).
   */
  async update(id: string, change: (current: HandoffCase) => HandoffCase, now: Date): Promise<HandoffCase> {
    await this.adoptLegacyIndex();
    let missing = false;
    let before: CaseStatus | undefined;
    const updated = await this.items.update<HandoffCase>(caseKey(id), (current) => {
      if (!current) {
        missing = true;
        return undefined;
      }
      before = current.status;
      return change(current);
    });
    if (missing || !updated) throw new CaseNotFoundError(id);
    if (updated.status === 'closed') {
      await this.items.update<Pointer>(pointerKey(updated.conversationKey), (pointer) => (pointer?.caseId === id ? null : undefined));
      await this.items.update<ClosedDay>(closedKey(dayOf(Date.parse(updated.closedAt ?? now.toISOString()))), (day) =>
        day?.ids.includes(id) ? undefined : { ids: [...(day?.ids ?? []), id] },
      );
      await this.queue.remove([id]);
      await this.sweepExpired(now);
      return updated;
    }
    await this.enqueue(updated);
    // A first claim from the queue is a measured wait.
    if (before === 'queued' && updated.status === 'active' && updated.claimedAt) {
      const wait = Math.max(0, Date.parse(updated.claimedAt) - Date.parse(updated.queuedAt));
      await this.items.update<RecentWaits>(WAITS_KEY, (stored) => ({ ms: [...(stored?.ms ?? []), wait].slice(-RECENT_WAITS) }));
    }
    return updated;
  }

  async append(id: string, line: TranscriptLine): Promise<void> {
    await this.items.update<Transcript>(transcriptKey(id), (current) => this.fit({ lines: [...(current?.lines ?? []), line], trimmed: current?.trimmed }));
  }

  async transcript(id: string): Promise<{ lines: TranscriptLine[]; trimmed: number }> {
    const item = (await this.storage.read([transcriptKey(id)]))[transcriptKey(id)] as Transcript | undefined;
    return { lines: item?.lines ?? [], trimmed: item?.trimmed ?? 0 };
  }

  /** A queued case's 1-based place in line (one O(log n) lookup), or undefined when it is not queued. */
  async place(id: string): Promise<number | undefined> {
    await this.adoptLegacyIndex();
    return this.queue.place(id);
  }

  /** Queued-to-claimed times of recent cases, newest last. */
  async recentWaits(): Promise<number[]> {
    const item = (await this.storage.read([WAITS_KEY]))[WAITS_KEY] as RecentWaits | undefined;
    return item?.ms ?? [];
  }

  /** How many wait, and since when the first in line (for /metrics). */
  async queueHead(): Promise<{ queued: number; firstQueuedAt?: string }> {
    await this.adoptLegacyIndex();
    const { waiting, first } = await this.queue.head();
    const value = first ? parseQueueValue(first.value) : undefined;
    return { queued: waiting, ...(value ? { firstQueuedAt: value.queuedAt } : {}) };
  }

  /** The cases closed on these days (UTC, YYYY-MM-DD), while they are kept: one read per day, one for the cases. */
  async closedOn(days: string[]): Promise<HandoffCase[]> {
    if (!days.length) return [];
    const buckets = await this.storage.read(days.map(closedKey));
    const ids = [...new Set(days.flatMap((day) => (buckets[closedKey(day)] as ClosedDay | undefined)?.ids ?? []))];
    return (await this.getMany(ids)).filter((c) => c.status === 'closed');
  }

  /**
   * The open cases: the queue in one round trip, then the cases in one batch read. Queue entries
   * whose case has gone (expired in Redis, deleted by hand) or closed without leaving the queue (the
   * store failed in between) are reaped here, so nobody is counted who is not there.
   */
  async openCases(): Promise<OpenCases> {
    await this.adoptLegacyIndex();
    const entries = await this.queue.list();
    const cases = new Map((await this.getMany(entries.map((entry) => entry.id))).map((c) => [c.id, c]));
    const gone = entries.filter((entry) => (cases.get(entry.id)?.status ?? 'closed') === 'closed').map((entry) => entry.id);
    if (gone.length) await this.queue.remove(gone);
    const open = entries.flatMap((entry) => {
      const found = cases.get(entry.id);
      return found && found.status !== 'closed' ? [{ found, place: entry.place }] : [];
    });
    // The line gives the order; a queued case not in it (its entry lagging a moment) goes last.
    const queued = open.filter(({ found }) => found.status === 'queued').sort((a, b) => (a.place ?? Infinity) - (b.place ?? Infinity) || a.found.queuedAt.localeCompare(b.found.queuedAt));
    return { queued: queued.map(({ found }) => found), active: open.filter(({ found }) => found.status === 'active').map(({ found }) => found) };
  }

  /**
   * A page of the open cases (staff's list): the queue reads only the page's entries and those with
   * an agent in one round trip, then those cases are read in one batch. `language` picks the queued
   * cases of one language (cases without one are English). Entries whose case has gone or closed
   * are reaped, as in {@link openCases}; a page may then be short by those (the next read is whole).
   */
  async openCasesPage(request: { offset: number; limit: number; language?: string }, _now?: Date): Promise<OpenCasesPage> {
    await this.adoptLegacyIndex();
    const page = await this.queue.page({ offset: request.offset, limit: request.limit, ...(request.language ? { group: request.language } : {}) });
    const entries = [...page.entries, ...page.others];
    const cases = new Map((await this.getMany(entries.map((entry) => entry.id))).map((c) => [c.id, c]));
    const gone = entries.filter((entry) => (cases.get(entry.id)?.status ?? 'closed') === 'closed').map((entry) => entry.id);
    if (gone.length) await this.queue.remove(gone);
    const queued = page.entries.flatMap((entry) => {
      const found = cases.get(entry.id);
      return found?.status === 'queued' ? [{ case: found, place: entry.place! }] : [];
    });
    // The entry says who waits; the case is the truth. An entry lagging its case a moment (claimed,
    // entry not yet moved) is shown where its case says it is.
    const active = entries.flatMap((entry) => {
      const found = cases.get(entry.id);
      return found?.status === 'active' ? [found] : [];
    });
    return { queued, active, waiting: page.waiting, matching: page.matching };
  }

  /** The queue's entry for a case: in line while queued, beside it while with an agent; grouped by language. */
  private async enqueue(c: HandoffCase): Promise<number | undefined> {
    const value: QueueValue = { status: c.status, queuedAt: c.queuedAt, ...(c.owner ? { owner: c.owner } : {}) };
    return this.queue.put(c.id, JSON.stringify(value), c.status === 'queued', c.language ?? 'en');
  }

  /**
   * A store written before the queue was a structure of its own kept it in one item
   * (`handoff/index`). Its open cases join the line in their old order (once per process; a second
   * instance doing the same at once changes nothing: a case keeps the first place it was given).
   */
  private adoptLegacyIndex(): Promise<void> {
    this.adopted ??= (async () => {
      const legacy = (await this.storage.read([LEGACY_INDEX_KEY]))[LEGACY_INDEX_KEY] as LegacyIndex | undefined;
      if (!legacy) return;
      const open = Object.entries(legacy.open ?? {}).sort(([, a], [, b]) => a.queuedAt.localeCompare(b.queuedAt));
      const languages = new Map((await this.getMany(open.map(([id]) => id))).map((c) => [c.id, c.language ?? 'en']));
      for (const [id, value] of open) await this.queue.put(id, JSON.stringify(value), value.status === 'queued', languages.get(id) ?? 'en');
      if (legacy.recentWaitsMs?.length) await this.items.update<RecentWaits>(WAITS_KEY, (stored) => stored ?? { ms: legacy.recentWaitsMs!.slice(-RECENT_WAITS) });
      if (legacy.sweptThrough) await this.items.update<Swept>(SWEPT_KEY, (stored) => stored ?? { through: legacy.sweptThrough! });
      await this.storage.delete([LEGACY_INDEX_KEY]);
    })().catch((error: unknown) => {
      // Tried again on the next call: a store that is down now must not lose the old queue.
      this.adopted = undefined;
      throw error;
    });
    return this.adopted;
  }

  /** A closing also sweeps closed cases past their retention: each day once, whichever instance gets there first. */
  private async sweepExpired(now: Date): Promise<void> {
    const cutoffDay = dayOf(now.getTime() - this.options.retentionDays * DAY_MS);
    // Days before the cutoff are past their retention.
    const lastExpired = dayOf(Date.parse(cutoffDay) - DAY_MS);
    let sweepFrom: string | undefined;
    await this.items.update<Swept>(SWEPT_KEY, (stored) => {
      sweepFrom = undefined;
      if ((stored?.through ?? '') >= lastExpired) return undefined;
      const firstUnswept = stored?.through ? Date.parse(stored.through) + DAY_MS : Date.parse(lastExpired);
      sweepFrom = dayOf(firstUnswept);
      return { through: dayOf(Math.min(Date.parse(lastExpired), firstUnswept + (SWEEP_DAYS - 1) * DAY_MS)) };
    });
    if (sweepFrom) await this.sweep(sweepFrom, cutoffDay);
  }

  /** Deletes the cases closed on the days from `from` up to (not including) `until`. */
  private async sweep(from: string, until: string): Promise<void> {
    const days: string[] = [];
    for (let time = Date.parse(from); dayOf(time) < until && days.length < SWEEP_DAYS; time += DAY_MS) days.push(dayOf(time));
    const buckets = await this.storage.read(days.map(closedKey));
    const ids = days.flatMap((day) => (buckets[closedKey(day)] as ClosedDay | undefined)?.ids ?? []);
    const numbers = (await this.getMany(ids)).flatMap((c) => (c.caseNumber ? [numberKey(c.caseNumber)] : []));
    const keys = [...ids.flatMap((id) => [caseKey(id), transcriptKey(id)]), ...numbers, ...days.map(closedKey)];
    if (keys.length) await this.storage.delete(keys);
  }

  /** Keeps a transcript under the byte cap by dropping its oldest lines. */
  private fit(transcript: Transcript): Transcript {
    let { lines } = transcript;
    let trimmed = transcript.trimmed ?? 0;
    while (lines.length > 1 && Buffer.byteLength(JSON.stringify(lines)) > this.maxTranscriptBytes) {
      const drop = Math.max(1, Math.floor(lines.length / 10));
      lines = lines.slice(drop);
      trimmed += drop;
    }
    return trimmed ? { lines, trimmed } : { lines };
  }
}

function parseQueueValue(raw: string): QueueValue | undefined {
  try {
    const value = JSON.parse(raw) as Partial<QueueValue>;
    return typeof value.queuedAt === 'string' && (value.status === 'queued' || value.status === 'active') ? (value as QueueValue) : undefined;
  } catch {
    return undefined;
  }
}

export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`handoff: no case "${caseId}"`);
    this.name = 'CaseNotFoundError';
  }
}

/** Every handoff key starts with this, so the store can give them their own retention. */
export const HANDOFF_KEY_PREFIX = 'handoff/';
const LEGACY_INDEX_KEY = `${HANDOFF_KEY_PREFIX}index`;
const WAITS_KEY = `${HANDOFF_KEY_PREFIX}recent-waits`;
const SWEPT_KEY = `${HANDOFF_KEY_PREFIX}swept`;
const caseKey = (id: string) => `${HANDOFF_KEY_PREFIX}case/${id}`;
const transcriptKey = (id: string) => `${HANDOFF_KEY_PREFIX}transcript/${id}`;
const closedKey = (day: string) => `${HANDOFF_KEY_PREFIX}closed/${day}`;
/** Where a conversation's open case is pointed to (read ahead with the conversation's state each turn). */
export const casePointerKey = (conversationKey: string): string => `${HANDOFF_KEY_PREFIX}conversation/${encodeURIComponent(conversationKey)}`;
const pointerKey = casePointerKey;
const numberKey = (caseNumber: string) => `${HANDOFF_KEY_PREFIX}number/${caseNumber.toUpperCase()}`;
