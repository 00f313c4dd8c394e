// Duplicate certificates. Source: "$7.50 per test series (i.e., Automobile, Medium/Heavy Truck,
// Parts Specialist, etc.)": one fee per distinct series, however many of its tests are listed.
// Money is counted in whole cents so the total is exact (7.50 x n, never 22.499999).
// Codes are matched case-insensitively; unknown codes are reported and not priced; blanks are
// ignored.

import { findTest } from './catalogue.js';
import type { Catalogue, DuplicateDecision, DuplicateInput, DuplicateSeriesLine, Policy } from './types.js';

export function duplicateCost(input: DuplicateInput, catalogue: Catalogue, policy: Policy): DuplicateDecision {
  const lines = new Map<string, DuplicateSeriesLine>();
  const unknown: string[] = [];
  for (const raw of input.tests) {
    if (raw.trim() === '') continue;
    const test = findTest(catalogue, raw);
    if (!test) {
      const given = raw.trim();
      if (!unknown.includes(given)) unknown.push(given);
      continue;
    }
    let line = lines.get(test.series);
    if (!line) {
      line = { seriesId: test.series, tests: [] };
      lines.set(test.series, line);
    }
    if (!line.tests.includes(test.code)) line.tests.push(test.code);
  }
  const series = [...lines.values()];
  const feeCents = Math.round(policy.duplicateFeePerSeriesUsd.value * 100);
  const totalUsd = (feeCents * series.length) / 100;
  const verdict = series.length === 0 ? 'nothing-to-price' : unknown.length > 0 ? 'priced-with-unknown' : 'priced';
  return {
    verdict,
    series,
    seriesCount: series.length,
    feePerSeriesUsd: feeCents / 100,
    totalUsd,
    unknown,
    policy: policy.duplicateFeePerSeriesUsd.source,
  };
}
