import type { Storage } from 'botbuilder';
import { ItemUpdater } from '../storage/updateItem.js';
import type { HandoffCase } from './types.js';

/**
 * Where the candidate is, as the agent sees it:
 * - `here`: their chat is open (website) and they wrote or connected in the last two minutes;
 * - `idle`: nothing from them for two minutes or more;
 * - `left`: the website chat's connection closed (page closed or reloaded; a reload comes back as
 *   `here` within seconds). SMS and Teams have no connection to watch: never `left`.
 */
export type CandidatePresence = 'here' | 'idle' | 'left';

/** What the case keeps to work presence out: the website chat's open streams, and the last activity. */
export interface CandidateSignals {
  /** Open Direct Line streams of the conversation (website chat only; absent elsewhere). */
  streams?: number;
  /** When a stream last opened or closed (ISO). */
  changedAt?: string;
  /** When the candidate last wrote (ISO). */
  activeAt?: string;
}

export const IDLE_AFTER_MS = 2 * 60_000;

export function candidatePresence(c: Pick<HandoffCase, 'queuedAt' | 'candidate'>, now: Date): CandidatePresence {
  const signals = c.candidate ?? {};
  if (signals.streams !== undefined && signals.streams <= 0) return 'left';
  const last = Math.max(Date.parse(c.queuedAt), Date.parse(signals.activeAt ?? '') || 0, signals.streams ? Date.parse(signals.changedAt ?? '') || 0 : 0);
  return now.getTime() - last < IDLE_AFTER_MS ? 'here' : 'idle';
}

/** An agent's own choice in the console: `available` agents are counted in the queue's wait estimate. */
export type AgentStatus = 'available' | 'away';

interface PresenceItem {
  agents: Record<string, { status: AgentStatus; seenAt: string }>;
}

/** An agent counts as there while their console is open: its live stream checks in every 15 s. */
const SEEN_WITHIN_MS = 60_000;
const KEY = 'staff/presence';

/**
 * Agents' available/away, in the bot's store (so every instance counts the same agents). An agent
 * is counted available while they chose `available` and their console was seen within a minute:
 * closing the console makes them away without a click.
 */
export class StaffPresence {
  private readonly items: ItemUpdater;

  constructor(private readonly storage: Storage) {
    this.items = new ItemUpdater(storage);
  }

  async set(username: string, status: AgentStatus, now: Date): Promise<void> {
    await this.items.update<PresenceItem>(KEY, (item) => ({ agents: { ...(item?.agents ?? {}), [username]: { status, seenAt: now.toISOString() } } }));
  }

  /** The console is open (the live stream's heartbeat); a first visit makes the agent available. */
  async seen(username: string, now: Date): Promise<void> {
    await this.items.update<PresenceItem>(KEY, (item) => {
      const current = item?.agents[username];
      return { agents: { ...(item?.agents ?? {}), [username]: { status: current?.status ?? 'available', seenAt: now.toISOString() } } };
    });
  }

  /** Each agent's status as the console shows it: away when their console is not open. */
  async statuses(now: Date): Promise<Record<string, AgentStatus>> {
    const item = (await this.storage.read([KEY]))[KEY] as PresenceItem | undefined;
    const out: Record<string, AgentStatus> = {};
    for (const [username, entry] of Object.entries(item?.agents ?? {})) {
      out[username] = entry.status === 'available' && now.getTime() - Date.parse(entry.seenAt) < SEEN_WITHIN_MS ? 'available' : 'away';
    }
    return out;
  }
}
