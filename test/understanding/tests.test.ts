import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/knowledge/policyData.js';
import type { Catalogue } from '../../src/rules/types.js';
import { resolveSeries, resolveSeriesLetters, resolveTests, suggestCodes, withoutNames } from '../../src/understanding/tests.js';

const catalogue = await loadCatalogue(fileURLToPath(new URL('../../knowledge', import.meta.url)));

const codes = (text: string): string[] => resolveTests(text, catalogue).tests.map((t) => t.code);
const A1_A8 = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'];

describe('resolveTests finds test codes', () => {
  it.each([
    ['A5', ['A5']],
    ['a5', ['A5']],
    ['A 5 test', ['A5']],
    ['the a 5 exam', ['A5']],
    ['A-5', ['A5']],
    ['t2', ['T2']],
    ['L1', ['L1']],
    ['x1', ['X1']],
    ['I failed G1', ['G1']],
    ['A1, A5 and T2', ['A1', 'A5', 'T2']],
    ['a1,a5,t2', ['A1', 'A5', 'T2']],
    ['A5 and A5 again', ['A5']],
    ['T2 then A1', ['T2', 'A1']],
    ['what does A5? cost', ['A5']],
    ['(A5)', ['A5']],
  ] as const)('%j -> %j', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it.each([
    ['A1-A8', A1_A8],
    ['A1 - A8', A1_A8],
    ['A1–A8', A1_A8],
    ['A1-8', A1_A8],
    ['A1 through A8', A1_A8],
    ['A1 thru A8', A1_A8],
    ['A1 to A8', A1_A8],
    ['T2-T8', ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8']],
    ['P1-P4', ['P1', 'P2', 'P4']],
    ['A1-A3 and T2', ['A1', 'A2', 'A3', 'T2']],
    // Spanish, as the ut20 tester wrote it: "de A1 hasta A8", "A1 a A8", "del A1 al A8".
    ['tengo de A1 hasta A8, soy master?', A1_A8],
    ['tengo A1 a A8', A1_A8],
    ['del A1 al A8', A1_A8],
    ['A1 hasta 8', A1_A8],
  ] as const)('expands the range %j', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('keeps codes of different series apart instead of making a range', () => {
    expect(codes('A5-T2')).toEqual(['A5', 'T2']);
    expect(codes('tengo A5 a T2')).toEqual(['A5', 'T2']);
  });

  it('reads a Spanish "a" as a range only before a code of the same letter ("el A5 a las 8" is one test)', () => {
    expect(codes('tomé el A5 a las 8')).toEqual(['A5']);
    expect(codes('reprobé el A5 a 8 días de la cita')).toEqual(['A5']);
  });
});

describe('resolveTests finds names and aliases from the catalogue', () => {
  it.each([
    ['brakes test', ['A5']],
    ['the brake test', ['A5']],
    ['the truck brakes one', ['T4']],
    ['engine performance', ['A8']],
    ['Advanced Engine Performance', ['L1']],
    ['engine repair and engine performance', ['A1', 'A8']],
    ['Suspension and Steering', ['A4']],
    ['school bus brakes and transit bus brakes', ['S4', 'H4']],
    ['heating and A/C', ['A7']],
    ['non-structural', ['B3']],
    ['structural', ['B4']],
    ['Painting and Refinishing', ['B2']],
    ['I passed A1 and the truck diesel test', ['A1', 'T2']],
    ['electrical and A5', ['A6', 'A5']],
  ] as const)('%j -> %j', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('does not read a shared name ("Diesel Engines" is T2, S2 and H2) as any one test', () => {
    expect(codes('Diesel Engines')).toEqual([]);
  });

  it('does not read "a C" as the alias "a/c"', () => {
    expect(codes('I got a C on it')).toEqual([]);
  });

  it('returns the catalogue’s entries', () => {
    expect(resolveTests('A5', catalogue).tests[0]).toBe(catalogue.tests.find((t) => t.code === 'A5'));
  });
});

describe('resolveTests does not invent codes from ordinary words', () => {
  it.each([
    'I have 2 tests',
    'at 5pm',
    'a 5 minute drive',
    'is it a 5 or a 6?',
    'it costs $7.50',
    'call 1-800-390-6789',
    'failed it x2',
    'im l8',
    'can i cancel b4 the exam',
    'b4 my test',
    'w8 for me',
    'OBD2 scanner',
    'R134a refrigerant',
    'A1C results',
    'I-9 form',
    'plan B 2 times',
    'e.g. 4.5 stars',
    '',
  ])('%j has no tests and no unknown codes', (text) => {
    expect(resolveTests(text, catalogue)).toEqual({ tests: [], unknownCodes: [], suggestions: {} });
  });
});

describe('resolveTests reports codes that are not in the catalogue', () => {
  it('suggests the nearest real codes of the same letter', () => {
    expect(resolveTests('A12', catalogue)).toEqual({ tests: [], unknownCodes: ['A12'], suggestions: { A12: ['A1', 'A2'] } });
  });

  it('has no suggestion for a letter with no tests', () => {
    expect(resolveTests('Z9', catalogue)).toEqual({ tests: [], unknownCodes: ['Z9'], suggestions: { Z9: [] } });
  });

  it('keeps the known ones alongside', () => {
    expect(resolveTests('A5, P3 and T2', catalogue)).toMatchObject({
      unknownCodes: ['P3'],
      suggestions: { P3: ['P2', 'P4'] },
    });
    expect(codes('A5, P3 and T2')).toEqual(['A5', 'T2']);
  });

  it('reports an unknown end of a range', () => {
    const result = resolveTests('A1 to A12', catalogue);
    expect(result.tests.map((t) => t.code)).toEqual([...A1_A8, 'A9']);
    expect(result.unknownCodes).toEqual(['A12']);
  });

  it('counts a lower-case unknown code only before a test word', () => {
    expect(resolveTests('the a12 test', catalogue).unknownCodes).toEqual(['A12']);
    expect(resolveTests('a12', catalogue).unknownCodes).toEqual([]);
  });
});

describe('suggestCodes', () => {
  it.each([
    ['A12', ['A1', 'A2']],
    ['A10', ['A1', 'A9']],
    ['P3', ['P2', 'P4']],
    ['T9', ['T7', 'T8']],
    ['B1', ['B2', 'B3']],
    ['L4', ['L2', 'L3']],
    ['X2', ['X1']],
    ['g5', ['G1']],
    ['Z9', []],
    ['not a code', []],
  ] as const)('%j -> %j', (code, expected) => {
    expect(suggestCodes(code, catalogue)).toEqual(expected);
  });
});

describe('resolveSeries', () => {
  const ids = (text: string): string[] => resolveSeries(text, catalogue).map((s) => s.id);

  it.each([
    ['automobile', ['A']],
    ['auto', ['A']],
    ['car', ['A']],
    ['truck', ['T']],
    ['medium/heavy truck', ['T']],
    ['Medium-Heavy Truck', ['T']],
    ['school bus', ['S']],
    ['collision', ['B']],
    ['parts', ['P']],
    ['truck parts', ['P']],
    ['auto parts specialist', ['P']],
    ['truck equipment', ['E']],
    ['transit bus', ['H']],
    ['Automobile & Light Truck', ['A']],
    ['duplicates for my auto and truck certs', ['A', 'T']],
    ['collision, school bus and collision again', ['B', 'S']],
    ['the T series', ['T']],
    ['series A', ['A']],
    ["duplicates for my A series and my T series, what's the total?", ['A', 'T']],
    ['my A series and T series', ['A', 'T']],
    // Letters before "series" with nothing of their own in front (the tester's words).
    ['A series and the T series', ['A', 'T']],
    ['no, I meant A and S series', ['A', 'S']],
    ['i need A and T series', ['A', 'T']],
    ['A, T and S series', ['A', 'T', 'S']],
    ['A & T series', ['A', 'T']],
    ['T-series', ['T']],
  ] as const)('%j -> %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each(['a series of questions', 'A series of questions about brakes', 'I have 2 tests', 'cartoon', 'how do I get a duplicate certificate'])('%j names no series', (text) => {
    expect(ids(text)).toEqual([]);
  });

  it('returns the catalogue’s series', () => {
    expect(resolveSeries('truck', catalogue)[0]).toBe(catalogue.series.find((s) => s.id === 'T'));
  });
});

describe('the catalogue the phrases come from', () => {
  it('has no two aliases that read the same once plurals are folded', () => {
    const seen = new Map<string, string>();
    for (const t of catalogue.tests) {
      for (const alias of t.aliases) {
        const key = alias.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)).join(' ');
        expect(seen.get(key) ?? t.code, `alias "${alias}"`).toBe(t.code);
        seen.set(key, t.code);
      }
    }
  });

  it('finds every test by its own code and by each of its aliases', () => {
    for (const t of catalogue.tests) {
      expect(codes(t.code)).toEqual([t.code]);
      for (const alias of t.aliases) expect(codes(alias), alias).toEqual([t.code]);
    }
  });
});

describe('inputs', () => {
  it('names the module and the bad value', () => {
    expect(() => resolveTests(5 as unknown as string, catalogue)).toThrow(/understanding\/tests: resolveTests: text must be a string, got 5/);
    expect(() => resolveSeries('truck', {} as Catalogue)).toThrow(/understanding\/tests: resolveSeries: expected a catalogue/);
  });
});

describe('resolveSeriesLetters: series letters given alone in answer to "which series?"', () => {
  const ids = (text: string): string[] => resolveSeriesLetters(text, catalogue).map((s) => s.id);

  it.each([
    ['A and T', ['A', 'T']],
    ['A, T and S', ['A', 'T', 'S']],
    ['just S please', ['S']],
    ['I need A and T', ['A', 'T']],
    ['T', ['T']],
  ] as const)('%j -> %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    ['A friend told me', 'a sentence: "A" is an article'],
    ['a and t', 'lower case'],
    ['A and Q', 'Q is no series'],
    ['A1 and T2', 'test codes (resolveTests reads them)'],
  ])('%j names no series (%s)', (text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe('withoutNames blanks the tests and series a message names, keeping its length', () => {
  it.each([
    ['what if I need auto and truck', 'what if I need      and      '],
    ['is A5 offered in spanish', 'is    offered in spanish'],
    ['duplicates for brakes and the T series', 'duplicates for        and the T series'],
    ['nothing named here', 'nothing named here'],
  ])('%j -> %j', (text, expected) => {
    expect(withoutNames(text, catalogue)).toBe(expected);
  });
});
