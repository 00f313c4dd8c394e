import type { Storage } from 'botbuilder';
import { ItemUpdater } from '../storage/updateItem.js';
import type { CaseStatus, HandoffCase, TranscriptLine } from './types.js';

interface IndexEntry {
  status: CaseStatus;
  queuedAt: string;
  owner?: string;
}

/**
 * The open cases at a glance (for the queue). Closed cases leave it: they are listed per day of
 * closing (`handoff/closed/<day>`) until their retention runs out, so this item stays the size of
 * the open queue whatever the history.
 */
export interface CaseIndex {
  open: Record<string, IndexEntry>;
  /** Queued-to-claimed times of recent cases, newest last: the basis of the wait estimate. */
  recentWaitsMs: number[];
  /** Closing days up to and including this one (YYYY-MM-DD) have been swept. */
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

export interface CaseStoreOptions {
  /** Closed cases and their transcripts are deleted this long after closing. */
  retentionDays: number;
  /** A transcript item is kept under this many bytes (the store's own cap is larger). */
  maxTranscriptBytes?: number;
}

const RECENT_WAITS = 20;
const DAY_MS = 86_400_000;
/** Days swept in one go at most (a store idle for years catches up over several closings). */
const SWEEP_DAYS = 60;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Cases, transcripts and the queue index in the bot's store (memory, or Redis shared by every
 * instance). Every change is a compare-and-set, so two instances changing one case never lose a write.
 */
export class CaseStore {
  private readonly items: ItemUpdater;
  private readonly maxTranscriptBytes: number;

  constructor(
    private readonly storage: Storage,
    private readonly options: CaseStoreOptions,
  ) {
    this.items = new ItemUpdater(storage);
    this.maxTranscriptBytes = options.maxTranscriptBytes ?? 150_000;
  }

  /**
   * Opens a case for a conversation with the lines so far, or returns the one already open. Callers
   * hold the conversation's turn lock, so one conversation never creates two at once. The pointer the
   * bot reads is written last: a case the queue cannot show is never one the bot thinks is open.
   */
  async create(opened: HandoffCase, history: TranscriptLine[], now: Date): Promise<HandoffCase> {
    const existing = await this.openCaseFor(opened.conversationKey);
    if (existing) return existing;
    await this.storage.write({
      [caseKey(opened.id)]: { ...opened },
      [transcriptKey(opened.id)]: this.fit({ lines: history }),
      ...(opened.caseNumber ? { [numberKey(opened.caseNumber)]: { caseId: opened.id } satisfies Pointer } : {}),
    });
    await this.reindex(opened, now);
    try {
      await this.storage.write({ [pointerKey(opened.conversationKey)]: { caseId: opened.id } satisfies Pointer });
    } catch (error) {
      // A queued case the bot does not know of would have staff talking to a candidate who never
      // hears them: take it back out of the queue (best effort) and let the handoff fail.
      await this.update(opened.id, (c) => ({ ...c, status: 'closed', closedAt: now.toISOString(), closedBy: 'candidate' }), now).catch(() => undefined);
      throw error;
    }
    return opened;
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
    let missing = false;
    const updated = await this.items.update<HandoffCase>(caseKey(id), (current) => {
      if (!current) {
        missing = true;
        return undefined;
      }
      return change(current);
    });
    if (missing || !updated) throw new CaseNotFoundError(id);
    if (updated.status === 'closed') {
      await this.items.update<Pointer>(pointerKey(updated.conversationKey), (pointer) => (pointer?.caseId === id ? null : undefined));
      await this.items.update<ClosedDay>(closedKey(dayOf(Date.parse(updated.closedAt ?? now.toISOString()))), (day) =>
        day?.ids.includes(id) ? undefined : { ids: [...(day?.ids ?? []), id] },
      );
    }
    await this.reindex(updated, now);
    return updated;
  }

  async append(id: string, line: TranscriptLine): Promise<void> {
    await this.items.update<Transcript>(transcriptKey(id), (current) => this.fit({ lines: [...(current?.lines ?? []), line], trimmed: current?.trimmed }));
  }

  async transcript(id: string): Promise<{ lines: TranscriptLine[]; trimmed: number }> {
    const item = (await this.storage.read([transcriptKey(id)]))[transcriptKey(id)] as Transcript | undefined;
    return { lines: item?.lines ?? [], trimmed: item?.trimmed ?? 0 };
  }

  async index(): Promise<CaseIndex> {
    const item = (await this.storage.read([INDEX_KEY]))[INDEX_KEY] as (CaseIndex & { eTag?: string }) | undefined;
    return item ? { open: item.open ?? {}, recentWaitsMs: item.recentWaitsMs ?? [], ...(item.sweptThrough ? { sweptThrough: item.sweptThrough } : {}) } : { open: {}, recentWaitsMs: [] };
  }

  /** The cases closed on these days (UTC, YYYY-MM-DD), while they are kept: one read per day, one for the cases. */
  async closedOn(days: string[]): Promise<HandoffCase[]> {
    if (!days.length) return [];
    const buckets = await this.storage.read(days.map(closedKey));
    const ids = [...new Set(days.flatMap((day) => (buckets[closedKey(day)] as ClosedDay | undefined)?.ids ?? []))];
    return (await this.getMany(ids)).filter((c) => c.status === 'closed');
  }

  /** Open cases, with index entries whose case has gone (expired in Redis, deleted by hand) dropped. */
  async openCases(): Promise<HandoffCase[]> {
    const ids = Object.keys((await this.index()).open);
    const cases = await this.getMany(ids);
    const gone = ids.filter((id) => !cases.some((c) => c.id === id));
    if (gone.length) {
      await this.items.update<CaseIndex>(INDEX_KEY, (index) => {
        if (!index) return undefined;
        const open = { ...index.open };
        for (const id of gone) delete open[id];
        return { ...index, open };
      });
    }
    return cases.filter((c) => c.status !== 'closed');
  }

  /** Brings the index in line with a case; a closing also sweeps closed cases past their retention. */
  private async reindex(changed: HandoffCase, now: Date): Promise<void> {
    const cutoffDay = dayOf(now.getTime() - this.options.retentionDays * DAY_MS);
    let sweepFrom: string | undefined;
    await this.items.update<CaseIndex>(INDEX_KEY, (stored) => {
      const index: CaseIndex = { open: { ...(stored?.open ?? {}) }, recentWaitsMs: [...(stored?.recentWaitsMs ?? [])], ...(stored?.sweptThrough ? { sweptThrough: stored.sweptThrough } : {}) };
      const before = index.open[changed.id];
      if (changed.status === 'closed') delete index.open[changed.id];
      else index.open[changed.id] = { status: changed.status, queuedAt: changed.queuedAt, ...(changed.owner ? { owner: changed.owner } : {}) };
      // A first claim from the queue is a measured wait.
      if (before?.status === 'queued' && changed.status === 'active' && changed.claimedAt) {
        index.recentWaitsMs = [...index.recentWaitsMs, Math.max(0, Date.parse(changed.claimedAt) - Date.parse(changed.queuedAt))].slice(-RECENT_WAITS);
      }
      sweepFrom = undefined;
      // Days before the cutoff are past their retention; each is swept once.
      const lastExpired = dayOf(Date.parse(cutoffDay) - DAY_MS);
      if (changed.status === 'closed' && (index.sweptThrough ?? '') < lastExpired) {
        const firstUnswept = index.sweptThrough ? Date.parse(index.sweptThrough) + DAY_MS : Date.parse(lastExpired);
        sweepFrom = dayOf(firstUnswept);
        index.sweptThrough = dayOf(Math.min(Date.parse(lastExpired), firstUnswept + (SWEEP_DAYS - 1) * DAY_MS));
      }
      return index;
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

export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`handoff: no case "${caseId}"`);
    this.name = 'CaseNotFoundError';
  }
}

/** Every handoff key starts with this, so the store can give them their own retention. */
export const HANDOFF_KEY_PREFIX = 'handoff/';
const INDEX_KEY = `${HANDOFF_KEY_PREFIX}index`;
const caseKey = (id: string) => `${HANDOFF_KEY_PREFIX}case/${id}`;
const transcriptKey = (id: string) => `${HANDOFF_KEY_PREFIX}transcript/${id}`;
const closedKey = (day: string) => `${HANDOFF_KEY_PREFIX}closed/${day}`;
/** Where a conversation's open case is pointed to (read ahead with the conversation's state each turn). */
export const casePointerKey = (conversationKey: string): string => `${HANDOFF_KEY_PREFIX}conversation/${encodeURIComponent(conversationKey)}`;
const pointerKey = casePointerKey;
const numberKey = (caseNumber: string) => `${HANDOFF_KEY_PREFIX}number/${caseNumber.toUpperCase()}`;
