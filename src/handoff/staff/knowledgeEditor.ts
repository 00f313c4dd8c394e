import type { Storage } from 'botbuilder';
import { z } from 'zod';
import { alternateFiguresYielding } from '../../knowledge/alternateCheck.js';
import { inLanguage, loadKnowledgeBase, type AddedAlternate, type DeclinedQuestion, type KnowledgeBase } from '../../knowledge/knowledgeBase.js';
import { KnowledgeError } from '../../knowledge/loadFaq.js';
import { removeTaught, writeTaught, type TaughtRemoval, type TaughtWrite } from '../../knowledge/taughtFiles.js';
import { detectLanguage } from '../../language/detect.js';
import type { Logger } from '../../logging/logger.js';
import type { LiveChannel } from '../../storage/liveChannel.js';
import { ItemUpdater } from '../../storage/updateItem.js';
import { DeskError, type AuditLog, type StaffUser } from '../types.js';
import { wordingKey } from './questionGroups.js';

/**
 * The improvement loop: an editor attaches a question the bot could not answer (or answered
 * poorly) to an FAQ entry as an alternate phrasing, or marks it out of scope so the bot declines it
 * with a known gap's reply. Each change is checked as `kb:check` checks the files (the phrasing must
 * now get that entry, or that known gap, and no other alternate may lose its entry), kept in the
 * bot's store with a version number, audited, and every instance rebuilds its index on the version
 * change it hears on the live channel (Redis pub/sub), without a restart. Where the knowledge folder
 * is written to (`files`: development, one instance), the change is also written into the knowledge
 * files and the folder checked as kb:check checks it; otherwise `npm run kb:taught -- --write`
 * writes what the store holds into the files (src/cli/kbTaught.ts). Either change can be undone
 * the same way: taken out of the store (a new version every instance hears), out of the files where
 * they are written (checked as kb:check checks them), and audited.
 */

/** What crosses instances: the store's versions of the added alternates and of the declined questions. */
export interface KnowledgeChange {
  version: number;
  declined?: number;
}

export const parseKnowledgeChange = (raw: unknown): KnowledgeChange | undefined => {
  const parsed = z.object({ version: z.number().int().nonnegative(), declined: z.number().int().nonnegative().optional() }).safeParse(raw);
  return parsed.success ? parsed.data : undefined;
};

interface StoredAlternates {
  version: number;
  added: Array<AddedAlternate & { by: string; at: string }>;
}

/** The known gap a question marked out of scope joins unless the editor names another. */
export const DEFAULT_DECLINE_TOPIC = 'off-topic';

/** What the store holds that the knowledge files may not yet: for `npm run kb:taught`. */
export async function readTaught(storage: Storage): Promise<{ alternates: AddedAlternate[]; declined: DeclinedQuestion[] }> {
  const items = await storage.read([KEY, OUT_OF_SCOPE_KEY]);
  const alternates = ((items[KEY] as StoredAlternates | undefined)?.added ?? []).map(({ entryId, text, lang }) => ({ entryId, text, ...(lang ? { lang } : {}) }));
  return { alternates, declined: declinedOf(items[OUT_OF_SCOPE_KEY] as StoredMarks | undefined) };
}

const declinedOf = (item: StoredMarks | undefined): DeclinedQuestion[] =>
  (item?.marks ?? []).flatMap((mark) => (mark.declined && mark.topicId ? [{ topicId: mark.topicId, text: mark.text, ...(mark.lang ? { lang: mark.lang } : {}) }] : []));

/** The language of a phrasing: Spanish when it reads clearly so (it goes to the Spanish twin), else English. */
const languageOf = (text: string): 'en' | 'es' => {
  const guess = detectLanguage(text);
  return guess.language === 'es' && guess.strength === 'clear' ? 'es' : 'en';
};

export interface AlternateCheck {
  entryId: string;
  text: string;
  /** The language the phrasing is in: its entry's Spanish twin takes a Spanish one. */
  lang: 'en' | 'es';
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
  /** Bumped when a mark changes what the bot declines. */
  version?: number;
  /** `declined`: the wording joined the known gap `topicId` (the check passed), so the bot declines it. */
  marks: Array<{ key: string; text: string; by: string; at: string; topicId?: string; lang?: 'en' | 'es'; declined?: boolean }>;
}

/** A question marked out of scope: kept off the list to teach, and declined by the bot when the check allows. */
export interface OutOfScopeMark {
  key: string;
  marked: number;
  topicId: string;
  lang: 'en' | 'es';
  /** What the bot gives the wording now, and with the mark. */
  findsNow: string;
  findsAfter: string;
  /** The bot declines the wording from now on (it joined the known gap). */
  declined: boolean;
  /** Why the bot does not decline it because of this mark (it already does, or the check refused). */
  reason?: string;
  version?: number;
  file?: FileOutcome;
}

/** What became of the knowledge files: written (which files), or why not. */
export type FileOutcome = { written: TaughtWrite['written'] } | { notWritten: string };
/** What undoing a change did to the knowledge files: the files it was taken out of, or why not. */
export type FileRemoval = { removed: TaughtRemoval['removed'] } | { notWritten: string };

/** A taught change undone: what it was, and what the bot gives the wording now. */
export interface UndoneChange {
  kind: 'alternate' | 'out-of-scope';
  text: string;
  lang: 'en' | 'es';
  entryId?: string;
  topicId?: string;
  /** What the bot gives the wording now that the change is undone (an entry id, `out-of-scope:<topic>`, `(unknown)`...). */
  findsNow: string;
  /** The store's version after the change (absent when the bot's answers did not change: a mark that declined nothing). */
  version?: number;
  file?: FileRemoval;
  /** Set when the knowledge files this instance read still have the phrasing (written there by kb:taught and deployed): say so. */
  note?: string;
}

/** A question marked out of scope, as the console lists it for undoing. */
export interface StoredMark {
  text: string;
  by: string;
  at: string;
  topicId?: string;
  lang?: 'en' | 'es';
  declined?: boolean;
}

const sameText = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

const keyOf = (alternates: number, declined: number) => `${alternates}/${declined}`;

export class KnowledgeEditor {
  private readonly items: ItemUpdater;
  private applied = keyOf(0, 0);
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly deps: {
      storage: Storage;
      knowledge: KnowledgeBase;
      live: LiveChannel<KnowledgeChange>;
      audit: AuditLog;
      logger: Logger;
      /** The knowledge folder, when changes are also written into its files (one instance, development). */
      files?: { dir: string };
    },
  ) {
    this.items = new ItemUpdater(deps.storage);
  }

  /** Listens for other instances' changes and applies what the store already has. */
  async start(): Promise<void> {
    this.unsubscribe = this.deps.live.subscribe((change) => {
      if (keyOf(change.version, change.declined ?? 0) !== this.applied) void this.sync().catch((error: Error) => this.deps.logger.warn({ reason: error.message }, 'knowledge: added alternates not applied'));
    });
    await this.sync();
  }

  close(): void {
    this.unsubscribe?.();
  }

  /** Rebuilds the index from the files plus the stored alternates and declined questions, when their versions changed. */
  async sync(): Promise<string> {
    const [stored, marks] = await Promise.all([this.read(), this.readMarks()]);
    const key = keyOf(stored.version, marks.version ?? 0);
    if (key !== this.applied) {
      Object.assign(this.deps.knowledge, this.deps.knowledge.rebuild(stored.added, declinedOf(marks)));
      this.applied = key;
    }
    return this.applied;
  }

  /** The phrasings editors added (kept in the store; `npm run kb:taught -- --write` writes them into the knowledge files). */
  async added(): Promise<StoredAlternates> {
    return this.read();
  }

  /** The questions marked out of scope that the bot now declines (each with its known gap). */
  async declined(): Promise<DeclinedQuestion[]> {
    return declinedOf(await this.readMarks());
  }

  entries(): Array<{ id: string; question: string; lang: string; alternates: number }> {
    return this.deps.knowledge.index.entries.map((e) => ({ id: e.id, question: e.question, lang: e.lang, alternates: e.alternates.length }));
  }

  /** What adding the phrasing would do, without doing it. */
  async check(entryId: string, text: string): Promise<AlternateCheck> {
    const [stored, marks] = await Promise.all([this.read(), this.readMarks()]);
    await this.sync();
    const phrasing = text.trim().replace(/\s+/g, ' ');
    const lang = languageOf(phrasing);
    const { index, answerer } = inLanguage(this.deps.knowledge, lang);
    const entry = index.entries.find((e) => e.id === entryId);
    if (!entry) throw new DeskError('invalid', `knowledgeEditor: no FAQ entry "${entryId}"${lang === 'es' ? ' in Spanish' : ''}`);
    const known = index.entries.flatMap((e) => [e.question, ...e.alternates].map((t) => [t.toLowerCase(), e.id] as const)).find(([t]) => t === phrasing.toLowerCase());
    // The bot as it would be: the files, what editors added and declined, and this phrasing.
    const next = inLanguage(this.deps.knowledge.rebuild([...stored.added, { entryId, text: phrasing, lang }], declinedOf(marks)), lang);
    const findsNow = decided(answerer.decide(phrasing));
    const findsAfter = decided(next.answerer.decide(phrasing));
    const { before, after, newConflicts } = await figuresAround(index, next.index, phrasing, [entryId]);
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
      lang,
      findsNow,
      findsAfter,
      before: { own: before.own, checked: before.checked },
      after: { own: after.own, checked: after.checked },
      newConflicts,
      accepted: !reason,
      ...(reason ? { reason } : {}),
    };
  }

  /**
   * Checks, then writes the phrasing into its entry's file (where the folder is written to: a
   * problem kb:check finds refuses the change), keeps it in the store, audits it, applies it here
   * and tells every instance.
   */
  async add(editor: StaffUser, entryId: string, text: string, now: Date): Promise<AlternateCheck & { version: number; file: FileOutcome }> {
    const check = await this.check(entryId, text);
    if (!check.accepted) throw new DeskError('invalid', `knowledgeEditor: not added: ${check.reason}`);
    const file = await this.writeFiles({ alternates: [{ entryId, text: check.text, lang: check.lang }] });
    const stored = await this.items.update<StoredAlternates>(KEY, (current) => ({
      version: (current?.version ?? 0) + 1,
      added: [...(current?.added ?? []), { entryId, text: check.text, lang: check.lang, by: editor.username, at: now.toISOString() }],
    }));
    const version = stored!.version;
    await this.deps.audit.record({ at: now.toISOString(), actor: editor.username, action: 'alternate-added', detail: { entry: entryId, version, ...('written' in file ? { files: file.written.map((w) => w.file).join(', ') } : {}) } });
    await this.publish();
    return { ...check, version, file };
  }

  /**
   * A question an editor has looked at and says the bot should not answer (not ASE's business, or
   * nothing the FAQ should say): it leaves the editor's list of questions to teach, on every
   * instance (the mark is in the store), and is audited. It also joins a known gap (`topicId`,
   * off-topic unless named) so the bot declines it, and questions like it, with that gap's reply:
   * when, with it added, the bot gives that gap for the wording and no alternate of the entries it
   * touches loses its entry (as for an alternate). Where the folder is written to, it is added to the
   * gap's phrasings in out-of-scope.yaml.
   */
  async markOutOfScope(editor: StaffUser, text: string, now: Date, topicId = DEFAULT_DECLINE_TOPIC): Promise<OutOfScopeMark> {
    const key = wordingKey(text);
    if (!key) throw new DeskError('invalid', 'knowledgeEditor: an empty question cannot be marked out of scope');
    const wording = text.trim().replace(/\s+/g, ' ').slice(0, 300);
    const check = await this.checkDecline(wording, topicId);
    const file = check.declined ? await this.writeFiles({ declined: [{ topicId, text: wording, lang: check.lang }] }) : undefined;
    const stored = await this.items.update<StoredMarks>(OUT_OF_SCOPE_KEY, (current) => {
      const marks = (current?.marks ?? []).filter((mark) => mark.key !== key);
      const mark = { key, text: wording, by: editor.username, at: now.toISOString(), topicId, lang: check.lang, declined: check.declined };
      return { version: (current?.version ?? 0) + (check.declined ? 1 : 0), marks: [...marks, mark].slice(-MAX_MARKS) };
    });
    await this.deps.audit.record({ at: now.toISOString(), actor: editor.username, action: 'question-out-of-scope', detail: { marked: stored!.marks.length, topic: topicId, declined: check.declined } });
    if (check.declined) await this.publish();
    return { key, marked: stored!.marks.length, ...check, ...(check.declined ? { version: stored!.version ?? 0 } : {}), ...(file ? { file } : {}) };
  }

  /** Would the bot decline the wording with the known gap `topicId` once it joins it, breaking no alternate? */
  private async checkDecline(wording: string, topicId: string): Promise<Pick<OutOfScopeMark, 'topicId' | 'lang' | 'findsNow' | 'findsAfter' | 'declined' | 'reason'>> {
    const [stored, marks] = await Promise.all([this.read(), this.readMarks()]);
    await this.sync();
    const lang = languageOf(wording);
    const { index, answerer } = inLanguage(this.deps.knowledge, lang);
    if (!index.outOfScope.some((topic) => topic.id === topicId)) throw new DeskError('invalid', `knowledgeEditor: no known gap "${topicId}"${lang === 'es' ? ' in Spanish' : ''}`);
    const next = inLanguage(this.deps.knowledge.rebuild(stored.added, [...declinedOf(marks), { topicId, text: wording, lang }]), lang);
    const findsNow = decided(answerer.decide(wording));
    const findsAfter = decided(next.answerer.decide(wording));
    const { newConflicts } = await figuresAround(index, next.index, wording, []);
    const reason = findsNow.startsWith('out-of-scope:')
      ? `the bot already declines it (${findsNow})`
      : findsAfter !== `out-of-scope:${topicId}`
        ? `with it marked, the bot would still give ${findsAfter}: it stays off the list to teach, and the bot's answers do not change`
        : newConflicts.length
          ? `${newConflicts.length} phrasing(s) of FAQ entries would no longer find their entry (${newConflicts.map((c) => `${c.entryId}: "${c.alternate}"`).join('; ')}): it stays off the list to teach, and the bot's answers do not change`
          : undefined;
    return { topicId, lang, findsNow, findsAfter, declined: !reason, ...(reason ? { reason } : {}) };
  }

  /** The questions editors marked out of scope, newest last, with who marked them and whether the bot declines them. */
  async marks(): Promise<StoredMark[]> {
    return (await this.readMarks()).marks.map(({ text, by, at, topicId, lang, declined }) => ({ text, by, at, ...(topicId ? { topicId } : {}), ...(lang ? { lang } : {}), ...(declined !== undefined ? { declined } : {}) }));
  }

  /**
   * Undoes an alternate an editor added: taken out of its entry's file where this instance writes
   * the files (kb:check's validation, as for adding: a problem puts the file back and refuses the
   * undo), out of the store with a new version (every instance rebuilds without it, no restart),
   * audited (`alternate-undone`).
   */
  async undoAlternate(editor: StaffUser, entryId: string, text: string, now: Date): Promise<UndoneChange> {
    const found = (await this.read()).added.find((a) => a.entryId === entryId && sameText(a.text, text));
    if (!found) throw new DeskError('not-found', `knowledgeEditor: "${text.trim()}" is not a phrasing an editor added to ${entryId}`);
    const lang = found.lang ?? 'en';
    const file = await this.removeFromFiles({ alternates: [{ entryId, text: found.text, lang }] });
    const stored = await this.items.update<StoredAlternates>(KEY, (current) => ({
      version: (current?.version ?? 0) + 1,
      added: (current?.added ?? []).filter((a) => !(a.entryId === entryId && sameText(a.text, found.text))),
    }));
    const version = stored!.version;
    await this.deps.audit.record({ at: now.toISOString(), actor: editor.username, action: 'alternate-undone', detail: { entry: entryId, version, ...('removed' in file ? { files: file.removed.map((r) => r.file).join(', ') } : {}) } });
    await this.afterUndo(file);
    const { index, answerer } = inLanguage(this.deps.knowledge, lang);
    const stillListed = index.entries.find((e) => e.id === entryId)?.alternates.some((a) => sameText(a, found.text)) ?? false;
    return {
      kind: 'alternate',
      text: found.text,
      lang,
      entryId,
      findsNow: decided(answerer.decide(found.text)),
      version,
      file,
      ...(stillListed ? { note: `the knowledge files still list it under ${entryId} (kb:taught wrote it there): take it out of faq/${entryId}${lang === 'es' ? '.es' : ''}.md and commit` } : {}),
    };
  }

  /**
   * Undoes a mark "out of scope": the wording comes back on the list to teach; when the bot declined
   * it because of the mark, it is taken out of its known gap (the files where written, checked as
   * kb:check checks them; the store, with a new version every instance hears), so the bot answers it
   * as before. Audited (`out-of-scope-undone`).
   */
  async undoOutOfScope(editor: StaffUser, text: string, now: Date): Promise<UndoneChange & { marked: number }> {
    const key = wordingKey(text);
    const found = (await this.readMarks()).marks.find((mark) => mark.key === key);
    if (!key || !found) throw new DeskError('not-found', `knowledgeEditor: "${text.trim()}" is not marked out of scope`);
    const lang = found.lang ?? 'en';
    const topicId = found.topicId ?? DEFAULT_DECLINE_TOPIC;
    const declined = Boolean(found.declined && found.topicId);
    const file = declined ? await this.removeFromFiles({ declined: [{ topicId, text: found.text, lang }] }) : undefined;
    const stored = await this.items.update<StoredMarks>(OUT_OF_SCOPE_KEY, (current) => ({
      version: (current?.version ?? 0) + (declined ? 1 : 0),
      marks: (current?.marks ?? []).filter((mark) => mark.key !== key),
    }));
    await this.deps.audit.record({ at: now.toISOString(), actor: editor.username, action: 'out-of-scope-undone', detail: { marked: stored!.marks.length, topic: topicId, declined } });
    if (file) await this.afterUndo(file);
    const { index, answerer } = inLanguage(this.deps.knowledge, lang);
    const stillListed = declined && (index.outOfScope.find((t) => t.id === topicId)?.phrasings.some((p) => sameText(p, found.text)) ?? false);
    return {
      kind: 'out-of-scope',
      text: found.text,
      lang,
      topicId,
      findsNow: decided(answerer.decide(found.text)),
      marked: stored!.marks.length,
      ...(declined ? { version: stored!.version ?? 0 } : {}),
      ...(file ? { file } : {}),
      ...(stillListed ? { note: `the knowledge files still list it under ${topicId} (kb:taught wrote it there): take it out of out-of-scope${lang === 'es' ? '.es' : ''}.yaml and commit` } : {}),
    };
  }

  /**
   * After an undo: where it was taken out of the files, the files are read again (they may have had
   * it since this instance started); then applied here and told to every instance.
   */
  private async afterUndo(file: FileRemoval): Promise<void> {
    if (this.deps.files && 'removed' in file && file.removed.length) {
      const fresh = await loadKnowledgeBase(this.deps.files.dir);
      this.deps.knowledge.rebuild = fresh.rebuild;
      this.applied = '';
    }
    await this.publish();
  }

  /** Where the folder is written to: the change taken out of the files (kb:check's validation; a problem refuses the undo). */
  private async removeFromFiles(taught: Parameters<typeof removeTaught>[1]): Promise<FileRemoval> {
    if (!this.deps.files) return { notWritten: 'the knowledge files are not written by this instance: the store no longer has it, so npm run kb:taught no longer writes it' };
    try {
      return { removed: (await removeTaught(this.deps.files.dir, taught)).removed };
    } catch (error) {
      if (error instanceof KnowledgeError) throw new DeskError('invalid', `knowledgeEditor: not undone: ${error.message}`);
      this.deps.logger.warn({ reason: (error as Error).message }, 'knowledge: an undone phrasing was not taken out of the files');
      return { notWritten: `the knowledge files could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  }

  /** The known gaps a question may be marked as (English ids; the Spanish twins share them). */
  topics(): string[] {
    return this.deps.knowledge.index.outOfScope.map((topic) => topic.id);
  }

  /** Applies the store's versions here and tells every instance. */
  private async publish(): Promise<void> {
    await this.sync();
    const [alternates, declined] = this.applied.split('/').map(Number) as [number, number];
    await this.deps.live.publish({ version: alternates, declined }).catch(() => undefined);
  }

  /**
   * Where the folder is written to: the change into the files, then kb:check's validation (a
   * problem it finds puts the files back and refuses the change). A folder that cannot be written
   * (read-only, missing) leaves the change in the store only, and says so.
   */
  private async writeFiles(taught: Parameters<typeof writeTaught>[1]): Promise<FileOutcome> {
    if (!this.deps.files) return { notWritten: 'the knowledge files are not written by this instance (npm run kb:taught -- --write writes them)' };
    try {
      return { written: (await writeTaught(this.deps.files.dir, taught)).written };
    } catch (error) {
      if (error instanceof KnowledgeError) throw new DeskError('invalid', `knowledgeEditor: not added: ${error.message}`);
      this.deps.logger.warn({ reason: (error as Error).message }, 'knowledge: a taught phrasing was not written to the files');
      return { notWritten: `the knowledge files could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); npm run kb:taught -- --write writes them` };
    }
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

  private async readMarks(): Promise<StoredMarks> {
    const item = (await this.deps.storage.read([OUT_OF_SCOPE_KEY]))[OUT_OF_SCOPE_KEY] as StoredMarks | undefined;
    return { version: item?.version ?? 0, marks: item?.marks ?? [] };
  }
}

/** What a decision gives, as the editor reads it: an entry id, `out-of-scope:<topic>`, or `(unknown)` / `(clarify)`. */
const decided = (decision: ReturnType<KnowledgeBase['answerer']['decide']>) =>
  decision.kind === 'answer' ? decision.entry.id : decision.kind === 'out-of-scope' ? `out-of-scope:${decision.topic.id}` : `(${decision.kind})`;

/**
 * kb:check's figure for the entries a phrasing touches (the ones named, and those it finds first
 * today), before and after the change, and the alternates that would lose their entry because of it.
 */
async function figuresAround(index: KnowledgeBase['index'], next: KnowledgeBase['index'], phrasing: string, entryIds: string[]) {
  const touched = new Set([...entryIds, ...index.query(phrasing, 3).flatMap((hit) => (hit.target.kind === 'faq' ? [hit.target.entry.id] : []))]);
  const before = await alternateFiguresYielding(index, touched);
  const after = await alternateFiguresYielding(next, touched);
  const was = new Set(before.conflicts.map((c) => `${c.entryId}\u0000${c.alternate}`));
  const newConflicts = after.conflicts.filter((c) => !was.has(`${c.entryId}\u0000${c.alternate}`) && c.alternate !== phrasing);
  return { before, after, newConflicts };
}
