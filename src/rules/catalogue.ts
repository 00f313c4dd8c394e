// Look-ups over the catalogue passed in. Codes are matched case-insensitively after trimming.

import type { Catalogue, Series, TestEntry } from './types.js';

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

export function findTest(catalogue: Catalogue, code: string): TestEntry | undefined {
  const wanted = normaliseCode(code);
  return catalogue.tests.find((t) => t.code === wanted);
}

export function findSeries(catalogue: Catalogue, id: string): Series | undefined {
  const wanted = normaliseCode(id);
  return catalogue.series.find((s) => s.id === wanted);
}
