import type { Storage } from 'botbuilder';
import { z } from 'zod';
import { alternateFigures } from '../../knowledge/alternateCheck.js';
import type { AddedAlternate, KnowledgeBase } from '../../knowledge/knowledgeBase.js';
import type { Logger } from '../../logging/logger.js';
import type { LiveChannel } from '../../storage/liveChannel.js';
import { ItemUpdater } from '../../storage/updateItem.js';
import { DeskError, type AuditLog, type StaffUser } from '../types.js';
import { wordingKey } from './questionGroups.js';

/**
 * The improvement loop: an editor attaches a question the bot could not answer to an FAQ entry as
 * an alternate phrasing. The change is checked as `kb:check` checks the files (the phrasing must
 * now find that entry first, and no other alternate may lose its entry), kept in the bot's store
 * with a version number, audited, and every instance rebuilds its index on the version change it
 * hears on the live channel (Redis pub/sub), without a restart.
 */

/** What crosses instances: the store's version of the added alternates. */
export interface KnowledgeChange {
  version: number;
}

export const parseKnowledgeChange = (raw: unknown): KnowledgeChange | undefined => {
  const parsed = z.object({ version: z.number().int().nonnegative() }).safeParse(raw);
  return parsed.success ? parsed.data : undefined;
};

interface StoredAlternates {
  version: number;
  added: Array<AddedAlternate & { by: string; at: string }>;
}

export interface AlternateCheck {
  entryId: string;
  text: string;
  /** The entry the phrasing finds first today, and with it added. */
  findsNow: string;
  findsAfter: string;
  /** kb:check's figure before and after, over the entries the phrasing touches (its own and the ones it found): alternates that find their own entry first. */
  before: { own: number; checked: number };
  after: { own: number; checked: number };
  /** Alternates that would lose their entry because of this one. */
  newConflicts: Array<{ entryId: string; alternate: string; matches: string }>;
  accepted: boolean;
  /** Why not, in words for the editor. */
  reason?: string;
}

const KEY = 'staff/knowledge/alternates';
const OUT_OF_SCOPE_KEY = 'staff/knowledge/out-of-scope';
/** Marks kept (the newest): enough for months of an editor's work, small enough to read per request. */
const MAX_MARKS = 2000;

interface StoredMarks {
  marks: Array<{ key: string; text: string; by: string; at: string }>;
}

export class KnowledgeEditor {
  private readonly items: ItemUpdater;
  private applied = 0;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly deps: { storage: Storage; knowledge: KnowledgeBase; live: LiveChannel<KnowledgeChange>; audit: AuditLog; logger: Logger },
  ) {
    this.items = new ItemUpdater(deps.storage);
  }

  /** Listens for other instances' changes and applies what the store already has. */
  async start(): Promise<void> {
    this.unsubscribe = this.deps.live.subscribe((change) => {
      if (change.version !== this.applied) void this.sync().catch((error: Error) => this.deps.logger.warn({ reason: error.message }, 'knowledge: added alternates not applied'));
    });
    await this.sync();
  }

  close(): void {
    this.unsubscribe?.();
  }

  /** Rebuilds the index from the files plus the stored alternates, when their version changed. */
  async sync(): Promise<number> {
    const stored = await this.read();
    if (stored.version !== this.applied) {
      Object.assign(this.deps.knowledge, this.deps.knowledge.rebuild(stored.added));
      this.applied = stored.version;
    }
    return this.applied;
  }

  /** The phrasings editors added (kept in the store; copy them into the knowledge files to keep them for good). */
  async added(): Promise<StoredAlternates> {
    return this.read();
  }

  entries(): Array<{ id: string; question: string; lang: string; alternates: number }> {
    return this.deps.knowledge.index.entries.map((e) => ({ id: e.id, question: e.question, lang: e.lang, alternates: e.alternates.length }));
  }

  /** What adding the phrasing would do, without doing it. */
  async check(entryId: string, text: string): Promise<AlternateCheck> {
    const stored = await this.read();
    await this.sync();
    const phrasing = text.trim().replace(/\s+/g, ' ');
    const { index, answerer } = this.deps.knowledge;
    const entry = index.entries.find((e) => e.id === entryId);
    if (!entry) throw new DeskError('invalid', `knowledgeEditor: no FAQ entry "${entryId}"`);
    const known = index.entries.flatMap((e) => [e.question, ...e.alternates].map((t) => [t.toLowerCase(), e.id] as const)).find(([t]) => t === phrasing.toLowerCase());
    // The bot as it would be: the files, what editors added, and this phrasing.
    const next = this.deps.knowledge.rebuild([...stored.added, { entryId, text: phrasing }]);
    const decided = (decision: ReturnType<typeof answerer.decide>) =>
      decision.kind === 'answer' ? decision.entry.id : decision.kind === 'out-of-scope' ? `out-of-scope:${decision.topic.id}` : `(${decision.kind})`;
    const findsNow = decided(answerer.decide(phrasing));
    const findsAfter = decided(next.answerer.decide(phrasing));
    // kb:check's figure for the entries this phrasing touches: its own, and those it found before.
    const touched = new Set([entryId, ...index.query(phrasing, 3).flatMap((hit) => (hit.target.kind === 'faq' ? [hit.target.entry.id] : []))]);
    const before = alternateFigures(index, touched);
    const after = alternateFigures(next.index, touched);
    const was = new Set(before.conflicts.map((c) => `${c.entryId}\u0000${c.alternate}`));
    const newConflicts = after.conflicts.filter((c) => !was.has(`${c.entryId}\u0000${c.alternate}`) && c.alternate !== phrasing);
    const reason = known
      ? `"${phrasing}" is already a phrasing of ${known[1]}`
      : findsAfter !== entryId
        ? `with it added, "${phrasing}" would still get ${findsAfter}, not ${entryId}`
        : newConflicts.length
          ? `${newConflicts.length} phrasing(s) of other entries would no longer find their entry (${newConflicts.map((c) => `${c.entryId}: "${c.alternate}"`).join('; ')})`
          : undefined;
    return {
      entryId,
      text: phrasing,
      findsNow,
      findsAfter,
      before: { own: before.own, checked: before.checked },
      after: { own: after.own, checked: after.checked },
      newConflicts,
      accepted: !reason,
      ...(reason ? { reason } : {}),
    };
  }

  /** Checks, then keeps the phrasing, audits it, applies it here and tells every instance. */
  async add(editor: StaffUser, entryId: string, text: string, now: Date): Promise<AlternateCheck & { version: number }> {
    const check = await this.check(entryId, text);
    if (!check.accepted) throw new DeskError('invalid', `knowledgeEditor: not added: ${check.reason}`);
    const stored = await this.items.update<StoredAlternates>(KEY, (current) => ({
      version: (current?.version ?? 0) + 1,
      added: [...(current?.added ?? []), { entryId, text: check.text, by: editor.username, at: now.toISOString() }],
    }));
    const version = stored!.version;
    await this.deps.audit.record({ at: now.toISOString(), actor: editor.username, action: 'alternate-added', detail: { entry: entryId, version } });
    await this.sync();
    await this.deps.live.publish({ version }).catch(() => undefined);
    return { ...check, version };
  }

  /**
   * An unanswered question an editor has looked at and says the bot should not answer (not ASE's
   * business, or nothing the FAQ should say): it leaves the editor's list of questions to teach, on
   * every instance (the mark is in the store), and is audited. The bot's answers do not change.
   */
  async markOutOfScope(editor: StaffUser, text: string, now: Date): Promise<{ key: string; marked: number }> {
    const key = wordingKey(text);
    if (!key) throw new DeskError('invalid', 'knowledgeEditor: an empty question cannot be marked out of scope');
    const stored = await this.items.update<StoredMarks>(OUT_OF_SCOPE_KEY, (current) => {
      const marks = (current?.marks ?? []).filter((mark) => mark.key !== key);
      return { marks: [...marks, { key, text: text.trim().slice(0, 300), by: editor.username, at: now.toISOString() }].slice(-MAX_MARKS) };
    });
    await this.deps.audit.record({ at: now.toISOString(), actor: editor.username, action: 'question-out-of-scope', detail: { marked: stored!.marks.length } });
    return { key, marked: stored!.marks.length };
  }

  /** The wordings (as wordingKey gives them) editors marked out of scope. */
  async outOfScope(): Promise<Set<string>> {
    const item = (await this.deps.storage.read([OUT_OF_SCOPE_KEY]))[OUT_OF_SCOPE_KEY] as StoredMarks | undefined;
    return new Set((item?.marks ?? []).map((mark) => mark.key));
  }

  private async read(): Promise<StoredAlternates> {
    const item = (await this.deps.storage.read([KEY]))[KEY] as StoredAlternates | undefined;
    return { version: item?.version ?? 0, added: item?.added ?? [] };
  }
}
