import { EventEmitter } from 'node:events';
import type { Storage } from 'botbuilder';
import { isEtagConflict } from '../../storage/consistentConversationState.js';

/** An activity as the built-in Direct Line endpoint keeps and serves it (plain JSON). */
export interface StoredActivity {
  id: string;
  type: string;
  timestamp: string;
  [field: string]: unknown;
}

/** One Direct Line conversation: who it belongs to and its activities, oldest first. */
export interface ConversationRecord {
  conversationId: string;
  userId: string;
  createdAt: string;
  /** Activities trimmed from the front to keep the record under its size cap; watermarks count them. */
  dropped: number;
  activities: StoredActivity[];
  eTag?: string;
}

export interface DirectLineStoreOptions {
  /** Most activities kept per conversation (older ones are trimmed; watermarks stay valid). */
  maxActivities?: number;
  /** Largest record, in UTF-8 bytes of its JSON; keep it under the store's own item cap (STATE_MAX_ITEM_BYTES). */
  maxBytes?: number;
  /** Compare-and-set attempts for one append before giving up. */
  maxAttempts?: number;
  clock?: () => Date;
}

export class ConversationNotFoundError extends Error {
  constructor(readonly conversationId: string) {
    super(`directline: conversation "${conversationId}" not found (never started, or expired from the store)`);
    this.name = 'ConversationNotFoundError';
  }
}

export interface AppendResult {
  ids: string[];
  /** The activities as stored (with ids and timestamps); for a duplicate, the earlier one. */
  activities: StoredActivity[];
  /** The activity had been posted before (same client activity id): nothing was added. */
  duplicate: boolean;
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Direct Line conversations kept in the bot's `Storage` (memory, or Redis across instances), one item
 * per conversation at `directline-local/conversations/<id>/`. That key has the shape of botbuilder's
 * conversation-state keys, so RedisStorage gives it the conversation-state TTL, refreshed by every
 * write; it cannot collide with the bot's own state, whose channel id is `directline`.
 *
 * Appends are compare-and-set on the item's eTag and retried on conflict, so any number of
 * instances may append to one conversation. Activity ids are `<conversationId>|<seq>` and the
 * watermark is the sequence number of the next activity, so a client that polls any instance with
 * the watermark it was given gets exactly what it has not seen. Timestamps increase strictly within
 * a conversation, so clients that sort by timestamp keep the order in which activities were stored.
 */
export class DirectLineStore {
  /** Emits `appended:<conversationId>` after activities are stored by this process. */
  readonly events = new EventEmitter().setMaxListeners(0);
  private readonly maxActivities: number;
  private readonly maxBytes: number;
  private readonly maxAttempts: number;
  private readonly clock: () => Date;

  constructor(
    private readonly storage: Storage,
    options: DirectLineStoreOptions = {},
  ) {
    this.maxActivities = options.maxActivities ?? 500;
    this.maxBytes = options.maxBytes ?? 200_000;
    this.maxAttempts = options.maxAttempts ?? 20;
    this.clock = options.clock ?? (() => new Date());
  }

  static key(conversationId: string): string {
    return `directline-local/conversations/${conversationId}/`;
  }

  async get(conversationId: string): Promise<ConversationRecord | undefined> {
    const key = DirectLineStore.key(conversationId);
    const items = await this.storage.read([key]);
    return items[key] as ConversationRecord | undefined;
  }

  /** Starts the conversation unless it exists already; says which. */
  async create(conversationId: string, userId: string): Promise<{ record: ConversationRecord; created: boolean }> {
    const existing = await this.get(conversationId);
    if (existing) return { record: existing, created: false };
    const record: ConversationRecord = { conversationId, userId, createdAt: this.clock().toISOString(), dropped: 0, activities: [] };
    await this.storage.write({ [DirectLineStore.key(conversationId)]: record });
    return { record, created: true };
  }

  /**
   * Appends activities, giving each an id and a timestamp. With `clientActivityId`, an activity the
   * same user already posted under that client id is not stored again (a client's retry after a
   * timeout); its id is returned instead.
   */
  async append(
    conversationId: string,
    activities: Array<Record<string, unknown>>,
    options: { clientActivityId?: string; userId?: string } = {},
  ): Promise<AppendResult> {
    if (activities.length === 0) return { ids: [], activities: [], duplicate: false };
    const key = DirectLineStore.key(conversationId);
    for (let attempt = 1; ; attempt++) {
      const record = await this.get(conversationId);
      if (!record) throw new ConversationNotFoundError(conversationId);
      if (options.clientActivityId) {
        const earlier = record.activities.find(
          (activity) =>
            (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID === options.clientActivityId &&
            (activity.from as { id?: unknown } | undefined)?.id === options.userId,
        );
        if (earlier) return { ids: [earlier.id], activities: [earlier], duplicate: true };
      }
      let seq = record.dropped + record.activities.length;
      let last = Date.parse(record.activities.at(-1)?.timestamp ?? '') || 0;
      const stamped = activities.map((activity): StoredActivity => {
        last = Math.max(this.clock().getTime(), last + 1);
        const plain = JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
        return { ...plain, type: String(plain.type), id: `${conversationId}|${String(seq++).padStart(7, '0')}`, timestamp: new Date(last).toISOString() };
      });
      const next: ConversationRecord = { ...record, activities: [...record.activities, ...stamped] };
      this.trim(next);
      try {
        await this.storage.write({ [key]: next });
      } catch (error) {
        if (!isEtagConflict(error) || attempt >= this.maxAttempts) throw error;
        await sleep(Math.random() * 10 * attempt);
        continue;
      }
      this.events.emit(`appended:${conversationId}`);
      return { ids: stamped.map((activity) => activity.id), activities: stamped, duplicate: false };
    }
  }

  /** The activities from `watermark` on, and the watermark to ask with next time. */
  async since(conversationId: string, watermark: number): Promise<{ activities: StoredActivity[]; watermark: number } | undefined> {
    const record = await this.get(conversationId);
    if (!record) return undefined;
    const start = Math.max(0, watermark - record.dropped);
    return { activities: record.activities.slice(start), watermark: record.dropped + record.activities.length };
  }

  private trim(record: ConversationRecord): void {
    let size = bytes(record);
    while (record.activities.length > 1 && (record.activities.length > this.maxActivities || size > this.maxBytes)) {
      const removed = record.activities.shift()!;
      record.dropped++;
      size -= bytes(removed) + 1;
    }
  }
}
