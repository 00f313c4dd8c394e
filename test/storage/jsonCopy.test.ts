import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonCopy } from '../../src/storage/jsonCopy.js';

/** Values a conversation's state could hold, including what JSON drops or changes. */
const stored = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.constant(-0),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.constant(() => 'a function'),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('a stored copy (storage/jsonCopy)', () => {
  it('is what printing the value as JSON and reading it back gives, for any value a state may hold', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), stored, { maxKeys: 8 }), (state) => {
        expect(jsonCopy(state)).toStrictEqual(JSON.parse(JSON.stringify(state)));
      }),
      { numRuns: 500 },
    );
  });

  it('shares no object with the original: changing the copy leaves the stored item as it was', () => {
    const original = { recent: [{ text: 'hi', at: new Date('2025-03-20T15:00:00Z') }], stack: { items: [1, 2] } };
    const copy = jsonCopy(original);
    copy.recent[0]!.text = 'changed';
    copy.stack.items.push(3);
    expect(original.recent[0]!.text).toBe('hi');
    expect(original.stack.items).toEqual([1, 2]);
    expect(copy.recent[0]!.at).toBe('2025-03-20T15:00:00.000Z');
  });

  it('keeps what JSON keeps of class instances, boxed values and toJSON', () => {
    class Slot {
      constructor(readonly name: string, readonly hidden?: string) {}
    }
    const value = { slot: new Slot('date'), boxed: new String('text'), custom: { toJSON: () => ['as', 'list'] }, gaps: [undefined, Number.NaN, Infinity] };
    expect(jsonCopy(value)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('stores -0 as 0, as JSON prints it', () => {
    expect(Object.is(jsonCopy({ zero: -0 }).zero, 0)).toBe(true);
  });

  it('refuses a value that refers to itself, and a BigInt, naming the module', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(() => jsonCopy(cyclic)).toThrow(/storage\/jsonCopy: .*cycle/);
    expect(() => jsonCopy({ n: 10n })).toThrow(/storage\/jsonCopy: a BigInt/);
  });
});
