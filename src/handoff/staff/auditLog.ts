import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { isEtagConflict } from '../../storage/storageErrors.js';
import type { AuditEntry, AuditLog } from '../types.js';

/**
 * The staff audit log in the bot's store, in day buckets by the entry's UTC date:
 * `staff/audit/2025-03-20`, and when that holds `maxEntriesPerBucket` entries (or would grow past
 * `maxBucketBytes`), `staff/audit/2025-03-20.2`, `.3` and so on.
 *
 * Appends are compare-and-set on the bucket's eTag, retried on conflict; the entries of one day
 * recorded in this process while a write is under way go together in the next write (group commit),
 * so records made at the same moment are all kept and a burst costs a few writes. The store cannot
 * create a key only-if-absent, so a new bucket carries its creator's token and is read back: the
 * instance that lost the race to create it appends again.
 *
 * Retention: `list` reads back `retentionDays` days. Buckets are not deleted here: on Redis the
 * store's time-to-live for `staff/` keys (restarted by each write) must be at least the retention.
 *
 * Audit entries never carry message text: detail strings are cut to {@link MAX_DETAIL_CHARS}.
 */

/** Store keys of audit buckets start with this. */
export const STAFF_AUDIT_KEY_PREFIX = 'staff/audit/';

/** Longest string kept in an entry's detail (and in actor, action and caseId). */
export const MAX_DETAIL_CHARS = 200;

export interface StoredAuditLogOptions {
  /** Days `list` looks back over, today included. Default 30. */
  retentionDays?: number;
  /** "Now", for `list` to know today's date. Default: the system clock. `record` uses `entry.at`. */
  clock?: () => Date;
  /** Entries per bucket before the next one is started. Default 5000. */
  maxEntriesPerBucket?: number;
  /**
   * Largest bucket, as JSON characters, before the next one is started. Keep it under the store's
   * item limit (STATE_MAX_ITEM_BYTES, default 256 KiB). Default 32 KiB (about 220 entries): each
   * append reads and rewrites the whole bucket, so its size bounds what one append costs, however
   * many entries the day has (at 192 KiB a burst of 2,600 handoffs spent most of its audit time
   * moving the same bucket back and forth).
   */
  maxBucketBytes?: number;
}

interface Bucket {
  entries: AuditEntry[];
  /** Who created the bucket (a random token), kept by every later write: see `append`. */
  created?: string;
  eTag?: string;
}

const DAY_MS = 86_400_000;
/** A day's bucket parts read in one go by `list`. */
const PARTS_PER_READ = 8;
/** eTag conflicts tolerated on one append before giving up. */
const MAX_ATTEMPTS = 50;

const cut = (text: string) => (text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS - 1)}…` : text);

/** The entry as stored: strings cut to length, detail limited to strings, finite numbers and booleans. */
function sanitise(entry: AuditEntry): AuditEntry {
  const clean: AuditEntry = { at: new Date(Date.parse(entry.at)).toISOString(), actor: cut(String(entry.actor)), action: cut(String(entry.action)) };
  if (entry.caseId !== undefined) clean.caseId = cut(String(entry.caseId));
  if (entry.address !== undefined) clean.address = cut(String(entry.address)).slice(0, 64);
  if (entry.detail && typeof entry.detail === 'object') {
    const detail: Record<string, string | number | boolean> = {};
    for (const [name, value] of Object.entries(entry.detail)) {
      if (typeof value === 'string') detail[cut(name)] = cut(value);
      else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) detail[cut(name)] = value;
    }
    clean.detail = detail;
  }
  return clean;
}

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const bucketKey = (day: string, part: number) => `${STAFF_AUDIT_KEY_PREFIX}${day}${part > 1 ? `.${part}` : ''}`;

export class StoredAuditLog implements AuditLog {
  private readonly retentionDays: number;
  private readonly clock: () => Date;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  /** Entries waiting for the next write of their day, with whoever waits for them. */
  private readonly pending = new Map<string, Array<{ entry: AuditEntry; resolve: () => void; reject: (error: unknown) => void }>>();
  /** Days with a write under way (the next batch goes when it ends). */
  private readonly draining = new Set<string>();
  /** The bucket part this process last appended to, per day: where to start looking next time. */
  private readonly currentPart = new Map<string, number>();

  /** @throws RangeError for a non-positive retention or bucket size. */
  constructor(
    private readonly storage: Storage,
    options: StoredAuditLogOptions = {},
  ) {
    this.retentionDays = options.retentionDays ?? 30;
    this.clock = options.clock ?? (() => new Date());
    this.maxEntries = options.maxEntriesPerBucket ?? 5000;
    this.maxBytes = options.maxBucketBytes ?? 32 * 1024;
    const checks = [
      ['retentionDays', this.retentionDays],
      ['maxEntriesPerBucket', this.maxEntries],
      ['maxBucketBytes', this.maxBytes],
    ] as const;
    for (const [name, value] of checks) {
      if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`StoredAuditLog: ${name} must be a positive whole number (got ${value})`);
    }
  }

  /**
   * Appends an entry to the bucket of its date (`entry.at`, UTC).
   *
   * @throws TypeError when `entry.at` is not a date; storage errors other than eTag conflicts.
   */
  async record(entry: AuditEntry): Promise<void> {
    const time = Date.parse(entry?.at);
    if (!Number.isFinite(time)) throw new TypeError(`StoredAuditLog: entry.at must be an ISO date (got ${JSON.stringify(entry?.at)})`);
    const clean = sanitise(entry);
    const day = dayOf(time);
    await new Promise<void>((resolve, reject) => {
      const waiting = this.pending.get(day) ?? [];
      waiting.push({ entry: clean, resolve, reject });
      this.pending.set(day, waiting);
      if (!this.draining.has(day)) void this.drain(day);
    });
  }

  /**
   * Group commit: the entries recorded while one write of a day was under way go together in the
   * next, so a burst (2,600 handoffs at once) costs a few writes of the bucket, not one each (each
   * rewrites the whole bucket: one each was quadratic, and kept every caller waiting behind the rest).
   */
  private async drain(day: string): Promise<void> {
    this.draining.add(day);
    try {
      for (let batch = this.pending.get(day); batch?.length; batch = this.pending.get(day)) {
        this.pending.delete(day);
        try {
          await this.append(
            day,
            batch.map((waiting) => waiting.entry),
          );
          for (const waiting of batch) waiting.resolve();
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.draining.delete(day);
    }
  }

  /**
   * The newest `limit` entries (by `at`, newest first; entries with the same time, the later
   * recorded first), from today (by the clock) back over `retentionDays` days.
   */
  async list(limit: number): Promise<AuditEntry[]> {
    if (!Number.isFinite(limit) || limit <= 0) return [];
    const today = Date.parse(`${dayOf(this.clock().getTime())}T00:00:00Z`);
    const found: AuditEntry[] = [];
    // Tomorrow too: an instance whose clock runs a little ahead may already have written there.
    for (let offset = -1; offset < this.retentionDays && found.length < limit; offset++) {
      const day = dayOf(today - offset * DAY_MS);
      const entries = await this.readDay(day);
      found.push(...entries.reverse().sort((a, b) => Date.parse(b.at) - Date.parse(a.at)));
    }
    return found.slice(0, Math.floor(limit));
  }

  /** Every entry of one day, in the order recorded: its parts read eight at a time. */
  private async readDay(day: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for (let first = 1; ; first += PARTS_PER_READ) {
      const keys = Array.from({ length: PARTS_PER_READ }, (_, i) => bucketKey(day, first + i));
      const buckets = await this.storage.read(keys);
      for (const key of keys) {
        const bucket = buckets[key] as Bucket | undefined;
        if (!bucket) return entries;
        if (Array.isArray(bucket.entries)) entries.push(...bucket.entries);
      }
    }
  }

  /** Appends the entries in order, filling the day's current bucket and starting the next when it is full. */
  private async append(day: string, batch: AuditEntry[]): Promise<void> {
    let rest = batch;
    let part = this.currentPart.get(day) ?? 1;
    let conflicts = 0;
    while (rest.length) {
      const key = bucketKey(day, part);
      const bucket = (await this.storage.read([key]))[key] as Bucket | undefined;
      const entries = Array.isArray(bucket?.entries) ? bucket.entries : [];
      // As many as fit (at least one into an empty bucket, whatever its size).
      let size = JSON.stringify({ entries }).length;
      let fits = 0;
      while (fits < rest.length && entries.length + fits < this.maxEntries) {
        const entrySize = JSON.stringify(rest[fits]).length + 1;
        if (entries.length + fits > 0 && size + entrySize > this.maxBytes) break;
        size += entrySize;
        fits++;
      }
      if (fits === 0) {
        part++;
        continue;
      }
      // A new bucket cannot be written only-if-absent, so it carries a token of its writer: read back,
      // another token means another instance created it at the same moment and won; go again on theirs.
      const created = bucket ? bucket.created : randomUUID();
      const next: Bucket = { entries: [...entries, ...rest.slice(0, fits)], ...(created ? { created } : {}) };
      try {
        await this.storage.write({ [key]: bucket?.eTag ? { ...next, eTag: bucket.eTag } : next });
        if (!bucket && ((await this.storage.read([key]))[key] as Bucket | undefined)?.created !== created) {
          if (++conflicts >= MAX_ATTEMPTS) throw new Error(`StoredAuditLog: bucket "${key}" kept changing under ${MAX_ATTEMPTS} tries`);
          continue;
        }
        rest = rest.slice(fits);
        this.currentPart.set(day, part);
        if (this.currentPart.size > 8) this.currentPart.delete(this.currentPart.keys().next().value!);
      } catch (error) {
        if (isItemTooLarge(error) && entries.length > 0) {
          part++;
          continue;
        }
        if (!isEtagConflict(error) || ++conflicts >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}

const isItemTooLarge = (error: unknown) => error instanceof Error && error.name === 'ItemTooLargeError';
