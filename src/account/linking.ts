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
  /** Failed verifications allowed in a conversation before it is locked out; on an ASE ID, before backoff. */
  maxFailures: number;
  /** How long a conversation's lock-out lasts, and how long failures are remembered. */
  lockoutMs: number;
  /** The longest an ASE ID's backoff makes anyone wait between tries. Default 60 s. */
  aseIdBackoffMaxMs?: number;
}

interface Failures {
  count: number;
  /** When this run of failures began: a count older than the lock-out window starts again. */
  since?: string;
  lockedUntil?: string;
}

interface AseIdFailures {
  count: number;
  /** The last counted try: the backoff runs from here, and the count is forgotten lockoutMs after it. */
  lastAt: string;
}

/** The first backoff step: 5 s after the maxFailures-th failure, doubling with each one after. */
const BACKOFF_BASE_MS = 5000;

/**
 * Links live in the store under their own keys, outside conversation state, so nothing a dialog
 * saves can carry or forge a candidate id. Failed verifications are counted twice:
 *
 * - per conversation: after maxFailures the conversation is locked out for lockoutMs. That lock is
 *   the guesser's own, and "tries left" is counted from it alone, so it says nothing of anyone else.
 * - per ASE ID, from every conversation: never a lock (anyone who knows an ASE ID could keep its
 *   owner out); after maxFailures, each further try must wait a backoff since the last one (5 s,
 *   doubling, at most aseIdBackoffMaxMs). Guessing one candidate's details from many conversations
 *   stays slow; the candidate waits seconds, not 15 minutes.
 */
/** Where a conversation's account link is kept (read ahead with the conversation's state each turn). */
export const accountLinkKey = (conversation: string): string => `account-link/${conversation}`;

export class AccountLinks {
  private readonly items: ItemUpdater;

  constructor(
    private readonly storage: Storage,
    private readonly options: AccountLinksOptions,
  ) {
    this.items = new ItemUpdater(storage);
  }

  private linkKey = accountLinkKey;
  private aseIdKey = (aseId: string) => `account-failures/ase-id/${aseId.trim().toUpperCase()}`;
  private conversationKey = (conversation: string) => `account-failures/conversation/${conversation}`;
  private failureKeys = (aseId: string, conversation: string) => [this.aseIdKey(aseId), this.conversationKey(conversation)];

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

  /** When the lock-out on this conversation ends, if one is in force (an ASE ID is never locked). */
  async lockedUntil(_aseId: string, conversation: string, now: Date): Promise<Date | undefined> {
    const keys = [this.conversationKey(conversation)];
    const items = await this.storage.read(keys);
    const ends = keys
      .map((key) => (items[key] as Failures | undefined)?.lockedUntil)
      .filter((until): until is string => Boolean(until) && Date.parse(until!) > now.getTime())
      .map((until) => new Date(until));
    return ends.sort((a, b) => b.getTime() - a.getTime())[0];
  }

  /**
   * Counts a verification attempt BEFORE the details are checked, so guesses sent at the same moment
   * cannot all slip past the check; a success clears the counts again. `refused` is set when the
   * conversation was already locked out or the ASE ID is in its backoff (do not check the details;
   * `waitMs` then says how long the backoff has to run); `lockedUntil` when this attempt was the
   * conversation's last one allowed. `triesLeft` is this conversation's own.
   */
  async recordAttempt(
    aseId: string,
    conversation: string,
    now: Date,
  ): Promise<{ refused: boolean; triesLeft: number; lockedUntil?: Date; waitMs?: number }> {
    const own = await this.increment(this.conversationKey(conversation), now);
    const triesLeft = Math.max(0, this.options.maxFailures - own.count);
    if (own.wasLocked) return { refused: true, triesLeft };
    const waitMs = await this.takeAseIdTry(aseId, now);
    if (waitMs > 0) {
      // Not checked, so not one of the conversation's tries either.
      await this.increment(this.conversationKey(conversation), now, -1);
      return { refused: true, triesLeft: triesLeft + 1, waitMs };
    }
    return { refused: false, triesLeft, ...(own.lockedUntil ? { lockedUntil: new Date(own.lockedUntil) } : {}) };
  }

  /** How long this ASE ID's backoff still has to run after `count` failures, the last at `lastAt`. */
  private backoffLeft(failures: AseIdFailures | undefined, now: Date): number {
    if (!failures || failures.count < this.options.maxFailures) return 0;
    const step = Math.min(this.options.aseIdBackoffMaxMs ?? 60_000, BACKOFF_BASE_MS * 2 ** Math.min(20, failures.count - this.options.maxFailures));
    return Date.parse(failures.lastAt) + step - now.getTime();
  }

  /** Counts a try on the ASE ID unless its backoff is running (then: the wait left, nothing counted). */
  private async takeAseIdTry(aseId: string, now: Date): Promise<number> {
    let wait = 0;
    await this.items.update<AseIdFailures>(this.aseIdKey(aseId), (previous) => {
      const stale = !previous?.lastAt || now.getTime() - Date.parse(previous.lastAt) > this.options.lockoutMs;
      const current = stale ? undefined : previous;
      wait = this.backoffLeft(current, now);
      if (wait > 0) return undefined;
      return { count: (current?.count ?? 0) + 1, lastAt: now.toISOString() };
    });
    return Math.max(0, wait);
  }

  /** A failed verification, counted on its own (for callers that did not count the attempt first). */
  async recordFailure(aseId: string, conversation: string, now: Date): Promise<{ triesLeft: number; lockedUntil?: Date; waitMs?: number }> {
    const { triesLeft, lockedUntil, waitMs } = await this.recordAttempt(aseId, conversation, now);
    return { triesLeft, ...(lockedUntil ? { lockedUntil } : {}), ...(waitMs ? { waitMs } : {}) };
  }

  /**
   * One more failure on one counter, as a compare-and-set on the eTag read (retried on conflict), so
   * guesses sent at the same moment from many conversations or instances are all counted. Within a
   * process the increments of one key also queue, which covers the first write of a new counter.
   */
  /** Takes back an attempt that could not be checked (the account service was down). */
  async forgiveAttempt(aseId: string, conversation: string, now: Date): Promise<void> {
    await Promise.all([
      this.increment(this.conversationKey(conversation), now, -1),
      this.items.update<AseIdFailures>(this.aseIdKey(aseId), (previous) => (previous?.count ? { ...previous, count: previous.count - 1 } : undefined)),
    ]);
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
