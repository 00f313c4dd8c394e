import type { Storage } from 'botbuilder';
import { ItemUpdater } from '../storage/updateItem.js';

/** Which candidate a conversation speaks for, and since when. Never the answers that proved it. */
export interface AccountLink {
  candidateId: string;
  via: 'verification' | 'web-token';
  linkedAt: string;
  lastSeenAt: string;
  /** A website sign-in ends when its token does, however active the conversation. */
  expiresAt?: string;
}

export interface AccountLinksOptions {
  /** A link lapses after this long without a message. */
  idleMs: number;
  /** Failed verifications allowed before a lock-out. */
  maxFailures: number;
  /** How long a lock-out lasts. */
  lockoutMs: number;
}

interface Failures {
  count: number;
  /** When this run of failures began: a count older than the lock-out window starts again. */
  since?: string;
  lockedUntil?: string;
}

/**
 * Links live in the store under their own keys, outside conversation state, so nothing a dialog
 * saves can carry or forge a candidate id. Failed verifications are counted twice, per ASE ID and per
 * conversation: guessing one candidate's details from many conversations, or many candidates' from
 * one, both lock out.
 */
export class AccountLinks {
  private readonly items: ItemUpdater;

  constructor(
    private readonly storage: Storage,
    private readonly options: AccountLinksOptions,
  ) {
    this.items = new ItemUpdater(storage);
  }

  private linkKey = (conversation: string) => `account-link/${conversation}`;
  private failureKeys = (aseId: string, conversation: string) => [
    `account-failures/ase-id/${aseId.trim().toUpperCase()}`,
    `account-failures/conversation/${conversation}`,
  ];

  /** The live link, refreshed; an idle one is removed and reported as none. */
  async current(conversation: string, now: Date): Promise<AccountLink | undefined> {
    const key = this.linkKey(conversation);
    const link = (await this.storage.read([key]))[key] as AccountLink | undefined;
    if (!link?.candidateId) return undefined;
    const tokenOver = link.expiresAt !== undefined && Date.parse(link.expiresAt) <= now.getTime();
    if (tokenOver || now.getTime() - Date.parse(link.lastSeenAt) > this.options.idleMs) {
      await this.storage.delete([key]);
      return undefined;
    }
    const touched: AccountLink = { ...link, lastSeenAt: now.toISOString() };
    delete (touched as { eTag?: string }).eTag;
    await this.storage.write({ [key]: { ...touched, eTag: '*' } });
    return touched;
  }

  async link(conversation: string, candidateId: string, via: AccountLink['via'], now: Date, expiresAt?: Date): Promise<AccountLink> {
    const link: AccountLink = { candidateId, via, linkedAt: now.toISOString(), lastSeenAt: now.toISOString() };
    if (expiresAt) link.expiresAt = expiresAt.toISOString();
    await this.storage.write({ [this.linkKey(conversation)]: { ...link, eTag: '*' } });
    return link;
  }

  async signOut(conversation: string): Promise<void> {
    await this.storage.delete([this.linkKey(conversation)]);
  }

  /** When the lock-out on this ASE ID or this conversation ends, if one is in force. */
  async lockedUntil(aseId: string, conversation: string, now: Date): Promise<Date | undefined> {
    const keys = this.failureKeys(aseId, conversation);
    const items = await this.storage.read(keys);
    const ends = keys
      .map((key) => (items[key] as Failures | undefined)?.lockedUntil)
      .filter((until): until is string => Boolean(until) && Date.parse(until!) > now.getTime())
      .map((until) => new Date(until));
    return ends.sort((a, b) => b.getTime() - a.getTime())[0];
  }

  /**
   * Counts a verification attempt BEFORE the details are checked, so guesses sent at the same moment
   * cannot all slip past the lock-out check; a success clears the count again. `refused` is set when
   * a lock-out was already in force (do not check the details); `lockedUntil` when this attempt was
   * the last one allowed.
   */
  async recordAttempt(
    aseId: string,
    conversation: string,
    now: Date,
  ): Promise<{ refused: boolean; triesLeft: number; lockedUntil?: Date }> {
    const counts = await Promise.all(this.failureKeys(aseId, conversation).map((key) => this.increment(key, now)));
    const refused = counts.some((failures) => failures.wasLocked);
    const worst = Math.max(...counts.map((failures) => failures.count));
    const lockedUntil = counts.map((failures) => failures.lockedUntil).find(Boolean);
    return { refused, triesLeft: Math.max(0, this.options.maxFailures - worst), ...(lockedUntil ? { lockedUntil: new Date(lockedUntil) } : {}) };
  }

  /** A failed verification, counted on its own (for callers that did not count the attempt first). */
  async recordFailure(aseId: string, conversation: string, now: Date): Promise<{ triesLeft: number; lockedUntil?: Date }> {
    const { triesLeft, lockedUntil } = await this.recordAttempt(aseId, conversation, now);
    return { triesLeft, ...(lockedUntil ? { lockedUntil } : {}) };
  }

  /**
   * One more failure on one counter, as a compare-and-set on the eTag read (retried on conflict), so
   * guesses sent at the same moment from many conversations or instances are all counted. Within a
   * process the increments of one key also queue, which covers the first write of a new counter.
   */
  /** Takes back an attempt that could not be checked (the account service was down). */
  async forgiveAttempt(aseId: string, conversation: string, now: Date): Promise<void> {
    await Promise.all(this.failureKeys(aseId, conversation).map((key) => this.increment(key, now, -1)));
  }

  private async increment(key: string, now: Date, delta: 1 | -1 = 1): Promise<Failures & { wasLocked: boolean }> {
    let result: Failures & { wasLocked: boolean } = { count: 0, wasLocked: false };
    await this.items.update<Failures>(key, (previous) => {
      const wasLocked = Boolean(previous?.lockedUntil && Date.parse(previous.lockedUntil) > now.getTime());
      if (wasLocked || (delta < 0 && !previous)) {
        result = { ...(previous ?? { count: 0 }), wasLocked };
        return undefined;
      }
      // A lock-out that has run its course, or a run of failures older than the window, starts again.
      const stale =
        (previous?.lockedUntil && Date.parse(previous.lockedUntil) <= now.getTime()) ||
        (previous?.since && now.getTime() - Date.parse(previous.since) > this.options.lockoutMs);
      const count = Math.max(0, (stale ? 0 : (previous?.count ?? 0)) + delta);
      const failures: Failures = { count, since: stale || !previous?.since ? now.toISOString() : previous.since };
      if (delta > 0 && count >= this.options.maxFailures) failures.lockedUntil = new Date(now.getTime() + this.options.lockoutMs).toISOString();
      result = { ...failures, wasLocked };
      return failures;
    });
    return result;
  }


  async clearFailures(aseId: string, conversation: string): Promise<void> {
    await this.storage.delete(this.failureKeys(aseId, conversation));
  }
}
