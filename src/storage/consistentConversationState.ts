import { ConversationState } from 'botbuilder-core';
import type { Storage, StoreItems, TurnContext } from 'botbuilder';
import type { ReadAhead } from './readAhead.js';

/** A read of the conversation's item (and the items read ahead with it) made ahead of the turn (see `prefetch`). */
export interface Prefetched {
  key: string;
  items: StoreItems;
  /** The other keys read with it, for the turn's first reads of them. */
  ahead: string[];
}

interface Cached {
  state: Record<string, unknown>;
  /** The eTag the state was read with; the write is refused if someone wrote since. */
  eTag?: string;
  /**
   * JSON of the state as read, to skip writing an unchanged state. Not taken for a message with an
   * id: the turn runner marks it seen, so its save writes anyway.
   */
  snapshot?: string;
  /** The conversation's most recent processed activity ids, as read (oldest first). */
  seen: string[];
}

/**
 * The field of the stored conversation item that holds its recent activity ids. It lives beside the
 * state properties (botbuilder's property accessors never see it), so it is written in the same
 * compare-and-set as the state: a turn is either saved and seen, or neither.
 */
export const SEEN_FIELD = '_seenActivityIds';

/** How many activity ids a conversation remembers: channels redeliver recent activities, not old ones. */
export const REMEMBERED_ACTIVITY_IDS = 32;

/**
 * ConversationState whose save is a compare-and-set on the eTag it was loaded with. botbuilder's own
 * saveChanges writes with eTag '*', so two turns of one conversation silently overwrite each other;
 * here the second write fails with the store's eTag conflict and the turn can be run again.
 *
 * It also remembers which activities the conversation has processed: `hasSeen` reads them with the
 * state (no extra round trip), `markSeen` adds this turn's id to the next save, which then writes
 * even when nothing else changed. There are no separate "seen" keys whose write a crash could
 * separate from the state's.
 */
export class ConsistentConversationState extends ConversationState {
  private readonly cacheKey = Symbol('consistentConversationState');
  private readonly pendingKey = Symbol('consistentConversationState.pendingSeen');

  constructor(
    storage: Storage,
    /** Items every turn reads besides the state, read in the same round trip (see ReadAhead). */
    private readonly readAhead?: ReadAhead,
  ) {
    super(storage);
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return (await this.loadCached(context, force)).state;
  }

  /** Has this conversation already processed (and saved) the activity with this id? */
  async hasSeen(context: TurnContext, activityId: string): Promise<boolean> {
    return (await this.loadCached(context)).seen.includes(activityId);
  }

  /** The next save records this activity id as processed, in the same write as the state. */
  markSeen(context: TurnContext, activityId: string): void {
    context.turnState.set(this.pendingKey, activityId);
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const pending = context.turnState.get(this.pendingKey) as string | undefined;
    let cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!cached) {
      if (!pending) return;
      cached = await this.loadCached(context);
    }
    if (!force && !pending && cached.snapshot !== undefined && JSON.stringify(cached.state) === cached.snapshot) return;
    const key = await this.storageKey(context);
    const seen = pending && !cached.seen.includes(pending) ? [...cached.seen, pending].slice(-REMEMBERED_ACTIVITY_IDS) : cached.seen;
    const item = { ...cached.state, ...(seen.length > 0 ? { [SEEN_FIELD]: seen } : {}) };
    // No eTag yet means a new conversation: nothing to compare against, the write creates it.
    await this.storage.write({ [key]: cached.eTag ? { ...item, eTag: cached.eTag } : item });
    context.turnState.delete(this.pendingKey);
    // The store assigned a new eTag we have not seen: a later load in this turn must read it.
    context.turnState.delete(this.cacheKey);
  }

  override async clear(context: TurnContext): Promise<void> {
    // Read first: the cleared state is still written with the eTag read, and keeps its seen ids.
    (await this.loadCached(context)).state = {};
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.cacheKey);
    await this.storage.delete([await this.storageKey(context)]);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    return (context.turnState.get(this.cacheKey) as Cached | undefined)?.state;
  }

  /** Drops what this turn read, so a re-run of the turn starts from the store again. */
  forget(context: TurnContext): void {
    context.turnState.delete(this.cacheKey);
    this.done(context);
  }

  /** The turn is over: items read ahead that it did not read are dropped. */
  done(context: TurnContext): void {
    this.readAhead?.drop(this.readAhead.keys(context));
  }

  /**
   * Starts reading the conversation's item without keeping it: the turn gate sends this read right
   * behind its lock command (one round trip for both), and the turn `install`s it once the lock is
   * held. A read that lost the race for the lock is simply dropped.
   */
  async prefetch(context: TurnContext): Promise<Prefetched> {
    const key = await this.storageKey(context);
    const ahead = this.readAhead?.keys(context) ?? [];
    return { key, items: await this.storage.read([key, ...ahead]), ahead };
  }

  /** Uses a prefetched read as this turn's load (and the items read with it as their first reads). */
  install(context: TurnContext, prefetched: Prefetched): void {
    this.cache(context, prefetched.key, prefetched.items);
    this.readAhead?.hold(prefetched.ahead, prefetched.items);
  }

  private async loadCached(context: TurnContext, force = false): Promise<Cached> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (cached && !force) return cached;
    const key = await this.storageKey(context);
    return this.cache(context, key, await this.storage.read([key]));
  }

  private cache(context: TurnContext, key: string, items: StoreItems): Cached {
    const { eTag, [SEEN_FIELD]: seen, ...state } = (items[key] ?? {}) as Record<string, unknown> & { eTag?: string };
    const written = context.activity?.type === 'message' && Boolean(context.activity.id);
    const cached: Cached = {
      state,
      eTag,
      ...(written ? {} : { snapshot: JSON.stringify(state) }),
      seen: Array.isArray(seen) ? seen.filter((id): id is string => typeof id === 'string') : [],
    };
    context.turnState.set(this.cacheKey, cached);
    return cached;
  }
}

export { isEtagConflict } from './storageErrors.js';
