import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateCost } from '../../src/rules/index.js';
import { catalogue, policy } from './helpers.js';

describe('duplicateCost', () => {
  it('three tests of the Automobile series cost one fee of $7.50', () => {
    const d = duplicateCost({ tests: ['A1', 'A5', 'A8'] }, catalogue, policy);
    expect(d).toMatchObject({ verdict: 'priced', seriesCount: 1, feePerSeriesUsd: 7.5, totalUsd: 7.5, unknown: [] });
    expect(d.series).toEqual([{ seriesId: 'A', tests: ['A1', 'A5', 'A8'] }]);
  });

  it('G1 is billed with the Automobile series', () => {
    expect(duplicateCost({ tests: ['A1', 'G1'] }, catalogue, policy).totalUsd).toBe(7.5);
  });

  it('tests from Automobile, Medium/Heavy Truck and Parts Specialist cost three fees: $22.50', () => {
    const d = duplicateCost({ tests: ['A1', 'T4', 'P2'] }, catalogue, policy);
    expect(d).toMatchObject({ seriesCount: 3, totalUsd: 22.5 });
  });

  it('the same test twice is counted once', () => {
    const d = duplicateCost({ tests: ['A5', 'a5', ' A5 '] }, catalogue, policy);
    expect(d.series[0]?.tests).toEqual(['A5']);
    expect(d.totalUsd).toBe(7.5);
  });

  it('unknown codes are reported and not priced', () => {
    const d = duplicateCost({ tests: ['A1', 'Q9', 'Q9', 'brakes'] }, catalogue, policy);
    expect(d).toMatchObject({ verdict: 'priced-with-unknown', unknown: ['Q9', 'brakes'], totalUsd: 7.5 });
  });

  it('nothing known to price costs nothing', () => {
    expect(duplicateCost({ tests: [] }, catalogue, policy)).toMatchObject({ verdict: 'nothing-to-price', totalUsd: 0, seriesCount: 0 });
    expect(duplicateCost({ tests: ['  ', 'Z1'] }, catalogue, policy)).toMatchObject({ verdict: 'nothing-to-price', unknown: ['Z1'] });
  });

  it('quotes the per-series sentence', () => {
    expect(duplicateCost({ tests: ['A1'] }, catalogue, policy).policy).toContain('$7.50 per test series');
  });

  it('property: the cost is always 7.50 times the number of distinct series', () => {
    const codes = catalogue.tests.map((t) => t.code);
    const seriesOf = new Map(catalogue.tests.map((t) => [t.code, t.series]));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...codes), fc.boolean()), { maxLength: 40 }), (picks) => {
        const tests = picks.map(([code, lower]) => (lower ? code.toLowerCase() : code));
        const distinct = new Set(picks.map(([code]) => seriesOf.get(code))).size;
        const d = duplicateCost({ tests }, catalogue, policy);
        expect(d.seriesCount).toBe(distinct);
        expect(d.totalUsd).toBe(7.5 * distinct);
      }),
      { numRuns: 300 },
    );
  });
});
