import { ConversationState, type Storage, type TurnContext } from 'botbuilder';

interface Cached {
  state: Record<string, unknown>;
  /** The eTag the state was read with; the write is refused if someone wrote since. */
  eTag?: string;
  /** JSON of the state as read, to skip writing an unchanged state. */
  snapshot: string;
}

/**
 * ConversationState whose save is a compare-and-set on the eTag it was loaded with. botbuilder's own
 * saveChanges writes with eTag '*', so two turns of one conversation silently overwrite each other;
 * here the second write fails with the store's eTag conflict and the turn can be run again.
 */
export class ConsistentConversationState extends ConversationState {
  private readonly cacheKey = Symbol('consistentConversationState');

  constructor(storage: Storage) {
    super(storage);
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    let cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (force || !cached) {
      const key = await this.storageKey(context);
      const items = await this.storage.read([key]);
      const { eTag, ...state } = (items[key] ?? {}) as Record<string, unknown> & { eTag?: string };
      cached = { state, eTag, snapshot: JSON.stringify(state) };
      context.turnState.set(this.cacheKey, cached);
    }
    return cached.state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!cached) return;
    if (!force && JSON.stringify(cached.state) === cached.snapshot) return;
    const key = await this.storageKey(context);
    // No eTag yet means a new conversation: nothing to compare against, the write creates it.
    await this.storage.write({ [key]: cached.eTag ? { ...cached.state, eTag: cached.eTag } : { ...cached.state } });
    // The store assigned a new eTag we have not seen: a later load in this turn must read it.
    context.turnState.delete(this.cacheKey);
  }

  override async clear(context: TurnContext): Promise<void> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (cached) cached.state = {};
    else context.turnState.set(this.cacheKey, { state: {}, snapshot: '' } satisfies Cached);
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
  }
}

export { isEtagConflict } from './storageErrors.js';
