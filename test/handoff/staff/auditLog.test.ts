import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { StoredAuditLog } from '../../../src/handoff/staff/auditLog.js';
import type { AuditEntry } from '../../../src/handoff/types.js';

const clockAt = (iso: string) => () => new Date(iso);
const entry = (at: string, action = 'claim', extra: Partial<AuditEntry> = {}): AuditEntry => ({ at, actor: 'alex', action, ...extra });
const dump = (storage: MemoryStorage) => (storage as unknown as { memory: Record<string, string | undefined> }).memory;
const stored = (storage: MemoryStorage, key: string) => JSON.parse(dump(storage)[key] ?? 'null') as { entries: AuditEntry[] } | null;

describe('the staff audit log', () => {
  it('lists newest first, across days', async () => {
    const log = new StoredAuditLog(new MemoryStorage(), { clock: clockAt('2025-03-21T12:00:00Z') });
    await log.record(entry('2025-03-20T09:00:00.000Z', 'claim'));
    await log.record(entry('2025-03-21T08:00:00.000Z', 'reply'));
    await log.record(entry('2025-03-20T10:00:00.000Z', 'end')); // recorded late: still placed by its time
    expect((await log.list(10)).map((e) => e.action)).toEqual(['reply', 'end', 'claim']);
  });

  it('entries with the same time list the later recorded first', async () => {
    const log = new StoredAuditLog(new MemoryStorage(), { clock: clockAt('2025-03-20T12:00:00Z') });
    for (const action of ['first', 'second', 'third']) await log.record(entry('2025-03-20T10:00:00.000Z', action));
    expect((await log.list(10)).map((e) => e.action)).toEqual(['third', 'second', 'first']);
  });

  it('the limit gives the newest ones', async () => {
    const log = new StoredAuditLog(new MemoryStorage(), { clock: clockAt('2025-03-22T12:00:00Z') });
    for (let day = 18; day <= 22; day++) await log.record(entry(`2025-03-${day}T10:00:00.000Z`, `day ${day}`));
    expect((await log.list(2)).map((e) => e.action)).toEqual(['day 22', 'day 21']);
    expect(await log.list(0)).toEqual([]);
  });

  it('entries go to the bucket of their UTC date: 23:59:59.999 and 00:00:00 the next day are in different buckets', async () => {
    const storage = new MemoryStorage();
    const log = new StoredAuditLog(storage);
    await log.record(entry('2025-03-20T23:59:59.999Z', 'before'));
    await log.record(entry('2025-03-21T00:00:00.000Z', 'at'));
    await log.record(entry('2025-03-20T20:30:00-04:00', 'after, in New York')); // 00:30 UTC on the 21st
    expect(stored(storage, 'staff/audit/2025-03-20')?.entries.map((e) => e.action)).toEqual(['before']);
    expect(stored(storage, 'staff/audit/2025-03-21')?.entries.map((e) => e.action)).toEqual(['at', 'after, in New York']);
    expect(stored(storage, 'staff/audit/2025-03-21')?.entries[1]?.at).toBe('2025-03-21T00:30:00.000Z');
  });

  it('retention: with 30 days, the day 29 days back is listed, the day 30 days back is not', async () => {
    const log = new StoredAuditLog(new MemoryStorage(), { clock: clockAt('2025-03-31T12:00:00Z') });
    await log.record(entry('2025-03-01T23:59:59.000Z', 'day before the window'));
    await log.record(entry('2025-03-02T00:00:00.000Z', 'first day of the window'));
    await log.record(entry('2025-03-31T11:00:00.000Z', 'today'));
    await log.record(entry('2025-04-01T00:00:05.000Z', 'tomorrow, from a clock running ahead'));
    expect((await log.list(100)).map((e) => e.action)).toEqual(['tomorrow, from a clock running ahead', 'today', 'first day of the window']);
  });

  it('a full bucket rolls over to <date>.2 and then .3, and list reads them all', async () => {
    const storage = new MemoryStorage();
    const log = new StoredAuditLog(storage, { maxEntriesPerBucket: 3, clock: clockAt('2025-03-20T12:00:00Z') });
    for (let i = 1; i <= 7; i++) await log.record(entry(`2025-03-20T10:00:0${i}.000Z`, `#${i}`));
    expect(stored(storage, 'staff/audit/2025-03-20')?.entries).toHaveLength(3);
    expect(stored(storage, 'staff/audit/2025-03-20.2')?.entries).toHaveLength(3);
    expect(stored(storage, 'staff/audit/2025-03-20.3')?.entries).toHaveLength(1);
    expect((await log.list(100)).map((e) => e.action)).toEqual(['#7', '#6', '#5', '#4', '#3', '#2', '#1']);
  });

  it('a bucket also rolls over before it grows past the byte limit', async () => {
    const storage = new MemoryStorage();
    const log = new StoredAuditLog(storage, { maxBucketBytes: 400, clock: clockAt('2025-03-20T12:00:00Z') });
    for (let i = 0; i < 10; i++) await log.record(entry('2025-03-20T10:00:00.000Z', 'claim', { caseId: `case-${i}` }));
    for (const key of Object.keys(dump(storage))) expect(dump(storage)[key]!.length).toBeLessThan(450);
    expect(Object.keys(dump(storage)).length).toBeGreaterThan(1);
    expect(await log.list(100)).toHaveLength(10);
  });

  it('a new instance finds the current part after a roll-over, and keeps appending to it', async () => {
    const storage = new MemoryStorage();
    const options = { maxEntriesPerBucket: 2, clock: clockAt('2025-03-20T12:00:00Z') };
    for (let i = 1; i <= 3; i++) await new StoredAuditLog(storage, options).record(entry(`2025-03-20T10:00:0${i}.000Z`, `#${i}`));
    expect(stored(storage, 'staff/audit/2025-03-20.2')?.entries.map((e) => e.action)).toEqual(['#3']);
  });

  it('fifty records at the same moment are all kept', async () => {
    const log = new StoredAuditLog(new MemoryStorage(), { clock: clockAt('2025-03-20T12:00:00Z') });
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.record(entry('2025-03-20T10:00:00.000Z', 'reply', { caseId: `case-${i}` }))));
    const listed = await log.list(100);
    expect(listed).toHaveLength(50);
    expect(new Set(listed.map((e) => e.caseId)).size).toBe(50);
  });

  it('two instances sharing a store, recording at once, lose nothing (compare-and-set retries)', async () => {
    const storage = new MemoryStorage();
    const options = { clock: clockAt('2025-03-20T12:00:00Z'), maxEntriesPerBucket: 20 };
    const [one, two] = [new StoredAuditLog(storage, options), new StoredAuditLog(storage, options)];
    await one.record(entry('2025-03-20T09:00:00.000Z', 'opened the day')); // only a bucket's first write cannot be compared
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? one : two).record(entry('2025-03-20T10:00:00.000Z', `#${i}`))));
    expect(await one.list(100)).toHaveLength(51);
  });

  it('detail strings longer than 200 characters are cut, so no message text is kept', async () => {
    const log = new StoredAuditLog(new MemoryStorage(), { clock: clockAt('2025-03-20T12:00:00Z') });
    const text = 'x'.repeat(1000);
    await log.record(entry('2025-03-20T10:00:00.000Z', 'reply', { caseId: 'case-1', detail: { note: text, chars: 1000, delivered: true } }));
    const [listed] = await log.list(1);
    expect(listed?.detail?.note).toHaveLength(200);
    expect(listed?.detail).toMatchObject({ chars: 1000, delivered: true });
    expect(listed).toMatchObject({ actor: 'alex', action: 'reply', caseId: 'case-1' });
  });

  it('an entry without a valid time is refused', async () => {
    const log = new StoredAuditLog(new MemoryStorage());
    await expect(log.record(entry('not a date'))).rejects.toThrow(/StoredAuditLog: entry.at must be an ISO date \(got "not a date"\)/);
  });

  it('an empty log lists nothing', async () => {
    expect(await new StoredAuditLog(new MemoryStorage(), { clock: clockAt('2025-03-20T12:00:00Z') }).list(50)).toEqual([]);
  });
});
