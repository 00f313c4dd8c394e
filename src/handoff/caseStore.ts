import type { Storage } from 'botbuilder';
import { ItemUpdater } from '../storage/updateItem.js';
import type { CaseStatus, HandoffCase, TranscriptLine } from './types.js';

interface IndexEntry {
  status: CaseStatus;
  queuedAt: string;
  owner?: string;
}

/** The open cases at a glance (for the queue), and closed ones until their retention runs out. */
export interface CaseIndex {
  open: Record<string, IndexEntry>;
  closed: Array<{ id: string; closedAt: string }>;
  /** Queued-to-claimed times of recent cases, newest last: the basis of the wait estimate. */
  recentWaitsMs: number[];
}

interface Transcript {
  lines: TranscriptLine[];
  /** Lines dropped from the front to keep the item under the store's size cap. */
  trimmed?: number;
}

interface Pointer {
  caseId: string;
}

export interface CaseStoreOptions {
  /** Closed cases and their transcripts are deleted this long after closing. */
  retentionDays: number;
  /** A transcript item is kept under this many bytes (the store's own cap is larger). */
  maxTranscriptBytes?: number;
}

const RECENT_WAITS = 20;
const emptyIndex = (): CaseIndex => ({ open: {}, closed: [], recentWaitsMs: [] });

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

  /** Opens a case for a conversation with the lines so far; refuses when one is already open. */
  async create(opened: HandoffCase, history: TranscriptLine[], now: Date): Promise<HandoffCase> {
    let existing: string | undefined;
    await this.items.update<Pointer>(pointerKey(opened.conversationKey), (current) => {
      existing = current?.caseId;
      return current ? undefined : { caseId: opened.id };
    });
    if (existing && existing !== opened.id) {
      const open = await this.get(existing);
      if (open && open.status !== 'closed') return open;
      await this.items.update<Pointer>(pointerKey(opened.conversationKey), () => ({ caseId: opened.id }));
    }
    await this.storage.write({ [caseKey(opened.id)]: { ...opened }, [transcriptKey(opened.id)]: this.fit({ lines: history }) });
    await this.reindex(opened, now);
    return opened;
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

  /** The conversation's case while it is queued or with an agent. */
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
    }
    await this.reindex(updated, now);
    return updated;
  }

  async append(id: string, line: TranscriptLine): Promise<void> {
    await this.items.update<Transcript>(transcriptKey(id), (current) => this.fit({ lines: [...(current?.lines ?? []), line], trimmed: current?.trimmed }));
  }

  /** Replaces a line (an agent's message once its delivery is known). */
  async replaceLine(id: string, line: TranscriptLine): Promise<void> {
    await this.items.update<Transcript>(transcriptKey(id), (current) =>
      current ? { ...current, lines: current.lines.map((existing) => (existing.id === line.id ? line : existing)) } : undefined,
    );
  }

  async transcript(id: string): Promise<{ lines: TranscriptLine[]; trimmed: number }> {
    const item = (await this.storage.read([transcriptKey(id)]))[transcriptKey(id)] as Transcript | undefined;
    return { lines: item?.lines ?? [], trimmed: item?.trimmed ?? 0 };
  }

  async index(): Promise<CaseIndex> {
    const item = (await this.storage.read([INDEX_KEY]))[INDEX_KEY] as (CaseIndex & { eTag?: string }) | undefined;
    return item ? { open: item.open ?? {}, closed: item.closed ?? [], recentWaitsMs: item.recentWaitsMs ?? [] } : emptyIndex();
  }

  /**
   * Brings the index in line with a case, and forgets closed cases past their retention (Redis also
   * expires them by TTL; the memory store has only this).
   */
  private async reindex(changed: HandoffCase, now: Date): Promise<void> {
    const cutoff = now.getTime() - this.options.retentionDays * 86_400_000;
    let expired: string[] = [];
    await this.items.update<CaseIndex>(INDEX_KEY, (stored) => {
      const index = stored ? { open: { ...stored.open }, closed: [...(stored.closed ?? [])], recentWaitsMs: [...(stored.recentWaitsMs ?? [])] } : emptyIndex();
      const before = index.open[changed.id];
      if (changed.status === 'closed') {
        delete index.open[changed.id];
        if (!index.closed.some((entry) => entry.id === changed.id)) index.closed.push({ id: changed.id, closedAt: changed.closedAt ?? now.toISOString() });
      } else {
        index.open[changed.id] = { status: changed.status, queuedAt: changed.queuedAt, ...(changed.owner ? { owner: changed.owner } : {}) };
      }
      // A first claim from the queue is a measured wait.
      if (before?.status === 'queued' && changed.status === 'active' && changed.claimedAt) {
        index.recentWaitsMs = [...index.recentWaitsMs, Math.max(0, Date.parse(changed.claimedAt) - Date.parse(changed.queuedAt))].slice(-RECENT_WAITS);
      }
      expired = index.closed.filter((entry) => Date.parse(entry.closedAt) < cutoff).map((entry) => entry.id);
      index.closed = index.closed.filter((entry) => !expired.includes(entry.id));
      return index;
    });
    if (expired.length) await this.storage.delete(expired.flatMap((id) => [caseKey(id), transcriptKey(id)]));
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
const pointerKey = (conversationKey: string) => `${HANDOFF_KEY_PREFIX}conversation/${encodeURIComponent(conversationKey)}`;
