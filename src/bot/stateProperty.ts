import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder-core';

/**
 * One property of the turn's loaded state, read and written in place: botbuilder's
 * BotStatePropertyAccessor does the same through its generator-based `__awaiter` (the library is
 * compiled for ES2015), a measurable share of a FAQ turn's own work for a property lookup. The
 * state is still loaded (and cached for the turn) by the BotState itself, so the saves, eTags and
 * seen ids of ConsistentConversationState are unchanged.
 */
export class StateProperty<T> implements StatePropertyAccessor<T> {
  constructor(
    private readonly state: BotState,
    readonly name: string,
  ) {}

  async get(context: TurnContext): Promise<T | undefined>;
  async get(context: TurnContext, defaultValue: T): Promise<T>;
  async get(context: TurnContext, defaultValue?: T): Promise<T | undefined> {
    const loaded = await this.state.load(context);
    if (!Object.prototype.hasOwnProperty.call(loaded, this.name) && defaultValue !== undefined) {
      // A copy of an object default, as botbuilder's accessor makes: the caller's literal is never shared.
      loaded[this.name] = typeof defaultValue === 'object' && defaultValue !== null ? JSON.parse(JSON.stringify(defaultValue)) : defaultValue;
    }
    return loaded[this.name] as T | undefined;
  }

  async set(context: TurnContext, value: T): Promise<void> {
    (await this.state.load(context))[this.name] = value;
  }

  async delete(context: TurnContext): Promise<void> {
    delete (await this.state.load(context))[this.name];
  }
}
