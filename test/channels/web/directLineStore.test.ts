import { describe, expect, it } from 'vitest';
import { MemoryStorage } from 'botbuilder';
import { ConversationNotFoundError, DirectLineStore } from '../../../src/channels/web/directLineStore.js';
import { stateKindOf } from '../../../src/storage/redisStorage.js';
import { createTokenSigner, newConversationId, newUserId } from '../../../src/channels/web/directLineTokens.js';

const at = (iso: string) => () => new Date(iso);
const message = (text: string, from = 'dl_user') => ({ type: 'message', text, from: { id: from, role: 'user' } });

describe('DirectLineStore', () => {
  it('numbers activities, stamps them and reads them back from a watermark', async () => {
    const store = new DirectLineStore(new MemoryStorage(), { clock: at('2025-03-20T15:00:00.000Z') });
    await store.create('conv1', 'dl_user');
    const first = await store.append('conv1', [message('one'), message('two')]);
    expect(first.ids).toEqual(['conv1|0000000', 'conv1|0000001']);
    // The clock stood still: timestamps still increase, so sorting by them keeps the stored order.
    expect(first.activities.map((a) => a.timestamp)).toEqual(['2025-03-20T15:00:00.000Z', '2025-03-20T15:00:00.001Z']);
    await store.append('conv1', [message('three')]);
    expect(await store.since('conv1', 0)).toMatchObject({ watermark: 3, activities: [{ text: 'one' }, { text: 'two' }, { text: 'three' }] });
    expect(await store.since('conv1', 2)).toMatchObject({ watermark: 3, activities: [{ text: 'three' }] });
    expect(await store.since('conv1', 9)).toEqual({ watermark: 3, activities: [] });
    expect(await store.since('unknown', 0)).toBeUndefined();
  });

  it('refuses to append to a conversation it does not have', async () => {
    const store = new DirectLineStore(new MemoryStorage());
    await expect(store.append('nope', [message('hi')])).rejects.toBeInstanceOf(ConversationNotFoundError);
  });

  it('creates a conversation once', async () => {
    const store = new DirectLineStore(new MemoryStorage());
    expect((await store.create('c', 'dl_a')).created).toBe(true);
    await store.append('c', [message('kept')]);
    const again = await store.create('c', 'dl_a');
    expect(again.created).toBe(false);
    expect(again.record.activities).toHaveLength(1);
  });

  it('trims the oldest activities past the caps, and watermarks stay right', async () => {
    const store = new DirectLineStore(new MemoryStorage(), { maxActivities: 3 });
    await store.create('c', 'dl_a');
    for (const text of ['1', '2', '3', '4', '5']) await store.append('c', [message(text)]);
    const record = (await store.get('c'))!;
    expect(record.dropped).toBe(2);
    expect(record.activities.map((a) => a.text)).toEqual(['3', '4', '5']);
    expect(await store.since('c', 3)).toMatchObject({ watermark: 5, activities: [{ text: '4' }, { text: '5' }] });
    // A client that fell behind the trim gets what is left.
    expect((await store.since('c', 0))!.activities.map((a) => a.text)).toEqual(['3', '4', '5']);

    const small = new DirectLineStore(new MemoryStorage(), { maxBytes: 2000 });
    await small.create('c', 'dl_a');
    for (let i = 0; i < 20; i++) await small.append('c', [message('x'.repeat(200))]);
    const trimmed = (await small.get('c'))!;
    expect(Buffer.byteLength(JSON.stringify(trimmed))).toBeLessThanOrEqual(2000);
    expect(trimmed.dropped + trimmed.activities.length).toBe(20);
  });

  it('keeps every append when several instances append to one conversation at once (eTag compare-and-set)', async () => {
    const storage = new MemoryStorage();
    const instances = [new DirectLineStore(storage), new DirectLineStore(storage), new DirectLineStore(storage)];
    await instances[0]!.create('c', 'dl_a');
    await Promise.all(Array.from({ length: 30 }, (_, i) => instances[i % 3]!.append('c', [message(`m${i}`)])));
    const record = (await instances[0]!.get('c'))!;
    expect(record.activities).toHaveLength(30);
    expect(new Set(record.activities.map((a) => a.text)).size).toBe(30);
    expect(record.activities.map((a) => a.id)).toEqual(Array.from({ length: 30 }, (_, i) => `c|${String(i).padStart(7, '0')}`));
  });

  it('does not store a retried post twice (same user, same client activity id)', async () => {
    const store = new DirectLineStore(new MemoryStorage());
    await store.create('c', 'dl_a');
    const activity = { ...message('hi', 'dl_a'), channelData: { clientActivityID: 'x1' } };
    const first = await store.append('c', [activity], { clientActivityId: 'x1', userId: 'dl_a' });
    const again = await store.append('c', [activity], { clientActivityId: 'x1', userId: 'dl_a' });
    expect(again).toEqual({ ids: first.ids, activities: first.activities, duplicate: true });
    expect((await store.get('c'))!.activities).toHaveLength(1);
  });

  it('tells this process as soon as activities are stored', async () => {
    const store = new DirectLineStore(new MemoryStorage());
    await store.create('c', 'dl_a');
    let told = 0;
    store.events.on('appended:c', () => told++);
    await store.append('c', [message('hi')]);
    expect(told).toBe(1);
  });

  it('keys conversations so Redis gives them the conversation-state TTL, apart from the bot state', () => {
    const key = DirectLineStore.key('abc');
    expect(key).toBe('directline-local/conversations/abc/');
    expect(stateKindOf(key)).toBe('conversation');
    expect(key.startsWith('directline/')).toBe(false);
  });
});

describe('built-in Direct Line tokens', () => {
  const now = Date.parse('2025-03-20T15:00:00Z');
  const signer = createTokenSigner({ secret: 's'.repeat(32), ttlSeconds: 60, clock: () => now });

  it('round-trips the conversation and user', () => {
    const { token, expiresIn } = signer.sign('conv', 'dl_user');
    expect(expiresIn).toBe(60);
    expect(signer.verify(token)).toEqual({ ok: true, claims: { conv: 'conv', user: 'dl_user', iat: now / 1000, exp: now / 1000 + 60 } });
  });

  it('puts the user where botframework-directlinejs looks for it (a `user` claim)', () => {
    const payload = JSON.parse(Buffer.from(signer.sign('conv', 'dl_user').token.split('.')[1]!, 'base64url').toString()) as { user: string };
    expect(payload.user).toBe('dl_user');
  });

  it('refuses a changed payload, another key, alg none, an expired token and junk', () => {
    const { token } = signer.sign('conv', 'dl_user');
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ iss: 'candidate-assistant/directline', conv: 'other', user: 'dl_user', iat: 0, exp: 9e9 })).toString(
      'base64url',
    );
    expect(signer.verify(`${header}.${forgedPayload}.${signature}`)).toEqual({ ok: false, reason: 'signature' });
    expect(createTokenSigner({ secret: 't'.repeat(32), clock: () => now }).verify(token)).toEqual({ ok: false, reason: 'signature' });
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(signer.verify(`${none}.${forgedPayload}.`)).toEqual({ ok: false, reason: 'malformed' });
    expect(createTokenSigner({ secret: 's'.repeat(32), clock: () => now + 61_000 }).verify(token)).toEqual({ ok: false, reason: 'expired' });
    expect(signer.verify('a.b')).toEqual({ ok: false, reason: 'malformed' });
    expect(signer.verify('')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('uses a random key per process when none is configured', () => {
    const a = createTokenSigner();
    const b = createTokenSigner();
    expect(a.ephemeral).toBe(true);
    expect(b.verify(a.sign('c', 'dl_u').token)).toEqual({ ok: false, reason: 'signature' });
  });

  it('makes unguessable ids, users in the reserved dl_ form', () => {
    expect(newConversationId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newUserId()).toMatch(/^dl_[A-Za-z0-9_-]{16}$/);
    expect(newUserId()).not.toBe(newUserId());
  });
});
