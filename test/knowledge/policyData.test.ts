import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadCatalogue, loadPolicy, PolicyDataError } from '../../src/knowledge/policyData.js';

const KNOWLEDGE = fileURLToPath(new URL('../../knowledge', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));

// The policy text, when it is present beside the repository (the shared design folder) or copied in.
const SOURCE_CANDIDATES = [
  path.join(KNOWLEDGE, 'source', 'ase-faq-2022-09-20.txt'),
  path.join(REPO, '..', 'shared', 'source', 'ase-faq-2022-09-20.txt'),
];
const sourceFile = SOURCE_CANDIDATES.find((f) => existsSync(f));

describe('the shipped knowledge files', () => {
  it('policy.yaml loads with the numbers the rules rely on', async () => {
    const p = await loadPolicy(KNOWLEDGE);
    expect(p.purchaseWindowDays.value).toBe(90);
    expect(p.changeCutoffHours.value).toBe(72);
    expect(p.retestWaitFullDays.value).toBe(30);
    expect(p.validityYears.value).toBe(5);
    expect(p.duplicateFeePerSeriesUsd.value).toBe(7.5);
    expect(p.resultsOnlineWithinDays.value).toBe(3);
    expect(p.certificateArrivalDays.value).toBe(21);
    expect(p.phones.prometric.value).toBe('877-346-9327');
    expect(p.phones.aseCustomerService.value).toBe('1-800-390-6789');
    expect(p.botSettings.expiringSoonDays.note).toMatch(/not ASE policy/);
  });

  it('catalogue.yaml loads with every required series and test', async () => {
    const c = await loadCatalogue(KNOWLEDGE);
    expect(c.series.map((s) => s.id).sort()).toEqual(['A', 'B', 'C', 'E', 'F', 'H', 'L', 'P', 'S', 'T', 'X']);
    const codes = c.tests.map((t) => t.code);
    for (const code of [
      'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'G1',
      'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8',
      'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7',
      'B2', 'B3', 'B4', 'B5', 'B6', 'P1', 'P2', 'P4', 'L1', 'L2', 'L3', 'X1',
      'E1', 'E2', 'E3', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H8', 'F1', 'C1',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it('Master compositions come from the source: A1-A8 and T2-T8, and no other series guesses one', async () => {
    const c = await loadCatalogue(KNOWLEDGE);
    const master = Object.fromEntries(c.series.filter((s) => s.master).map((s) => [s.id, s.master?.requiredTests]));
    expect(master).toEqual({
      A: ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'],
      T: ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8'],
    });
  });

  it('only A1-A8 and G1 are offered in Spanish', async () => {
    const c = await loadCatalogue(KNOWLEDGE);
    expect(c.tests.filter((t) => t.offeredInSpanish).map((t) => t.code).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'G1']);
  });

  it('"brakes" means A5 and "truck brakes" means T4', async () => {
    const c = await loadCatalogue(KNOWLEDGE);
    expect(c.tests.find((t) => t.aliases.includes('brakes'))?.code).toBe('A5');
    expect(c.tests.find((t) => t.aliases.includes('truck brakes'))?.code).toBe('T4');
  });

  it('L1, L2, L3 and X1 carry the prerequisites note', async () => {
    const c = await loadCatalogue(KNOWLEDGE);
    expect(c.tests.filter((t) => t.prerequisites).map((t) => t.code).sort()).toEqual(['L1', 'L2', 'L3', 'X1']);
  });

  it("every Spanish name is the wording of the bot's own Spanish knowledge files (knowledge/faq/*.es.md)", async () => {
    const c = await loadCatalogue(KNOWLEDGE);
    const faq = path.join(KNOWLEDGE, 'faq');
    const spanish = readdirSync(faq)
      .filter((name) => name.endsWith('.es.md'))
      .map((name) => readFileSync(path.join(faq, name), 'utf8'))
      .join('\n')
      .toLowerCase();
    const names = [...c.series.flatMap((s) => s.es ?? []), ...c.tests.flatMap((t) => t.es ?? [])];
    expect(names).toEqual(expect.arrayContaining(['Automóvil/Camioneta Ligera', 'Camión Mediano/Pesado', 'Especialista en Partes']));
    for (const name of names) expect(spanish, name).toContain(name.toLowerCase());
    // A Master status is "Técnico Maestro" of its series, as master-technician-status.es.md puts it.
    const masters = c.series.flatMap((s) => (s.master ? [s.master.es] : []));
    expect(masters).toEqual(['Técnico Maestro de Automóvil', 'Técnico Maestro de Camión Mediano/Pesado']);
    for (const name of masters) expect(spanish, name).toContain(`para ${name!.replace('Técnico Maestro de ', '').toLowerCase()}`);
  });

  it.skipIf(!sourceFile)('every quoted sentence appears word for word in the source text', async () => {
    const source = readFileSync(sourceFile!, 'utf8');
    const p = await loadPolicy(KNOWLEDGE);
    const c = await loadCatalogue(KNOWLEDGE);
    const sentences = [
      p.purchaseWindowDays.source, p.changeCutoffHours.source, p.retestWaitFullDays.source, p.validityYears.source,
      p.duplicateFeePerSeriesUsd.source, p.resultsOnlineWithinDays.source, p.certificateArrivalDays.source,
      p.phones.prometric.source, p.phones.aseCustomerService.source,
      ...Object.values(p.statements),
      ...c.series.flatMap((s) => (s.master ? [s.master.source] : [])),
      ...c.tests.flatMap((t) => (t.prerequisites ? [t.prerequisites] : [])),
    ];
    for (const s of sentences) expect(source, s).toContain(s);
  });
});

describe('broken copies fail with the file, the field and the reason', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits reach into arbitrary YAML
  async function brokenCopy(file: 'policy.yaml' | 'catalogue.yaml', edit: (data: any) => void): Promise<string> {
    dir = await mkdtemp(path.join(os.tmpdir(), 'policy-data-'));
    for (const name of ['policy.yaml', 'catalogue.yaml']) {
      const text = await readFile(path.join(KNOWLEDGE, name), 'utf8');
      if (name === file) {
        const data = parse(text);
        edit(data);
        await writeFile(path.join(dir, name), stringify(data));
      } else {
        await writeFile(path.join(dir, name), text);
      }
    }
    return dir;
  }

  it('a test in an unknown series names tests[3].series', async () => {
    const d = await brokenCopy('catalogue.yaml', (c) => (c.tests[3].series = 'Z'));
    const file = path.join(d, 'catalogue.yaml');
    await expect(loadCatalogue(d)).rejects.toThrow(`${file}: tests[3].series: unknown series "Z"`);
  });

  it('a repeated test code is refused', async () => {
    const d = await brokenCopy('catalogue.yaml', (c) => (c.tests[1].code = 'A1'));
    await expect(loadCatalogue(d)).rejects.toThrow(/catalogue\.yaml: tests\[1\]\.code: duplicate test code "A1"/);
  });

  it('a Master requirement naming a test that does not exist is refused', async () => {
    const d = await brokenCopy('catalogue.yaml', (c) => (c.series[0].master.requiredTests[7] = 'A0'));
    await expect(loadCatalogue(d)).rejects.toThrow(/catalogue\.yaml: series\[0\]\.master\.requiredTests\[7\]: unknown test "A0"/);
  });

  it('a Master requirement from another series is refused', async () => {
    const d = await brokenCopy('catalogue.yaml', (c) => (c.series[0].master.requiredTests[7] = 'T8'));
    await expect(loadCatalogue(d)).rejects.toThrow(/series\[0\]\.master\.requiredTests\[7\]: test "T8" is not in series "A"/);
  });

  it('an alias used by two tests is refused', async () => {
    const d = await brokenCopy('catalogue.yaml', (c) => c.tests[11].aliases.push('Brakes'));
    await expect(loadCatalogue(d)).rejects.toThrow(/tests\[11\]\.aliases\[\d+\]: alias "Brakes" is already used by A5/);
  });

  it('a missing field is named with its path', async () => {
    const d = await brokenCopy('catalogue.yaml', (c) => delete c.tests[4].offeredInSpanish);
    await expect(loadCatalogue(d)).rejects.toThrow(/catalogue\.yaml: tests\[4\]\.offeredInSpanish: required/);
  });

  it('a blank Spanish name is refused: leave `es` out where there is none', async () => {
    const d = await brokenCopy('catalogue.yaml', (c) => (c.series[1].master.es = '  '));
    await expect(loadCatalogue(d)).rejects.toThrow(/catalogue\.yaml: series\[1\]\.master\.es: must not be empty/);
  });

  it('a Spanish name that is not text is refused', async () => {
    const d = await brokenCopy('catalogue.yaml', (c) => (c.tests[9].es = 7));
    await expect(loadCatalogue(d)).rejects.toThrow(/catalogue\.yaml: tests\[9\]\.es: /);
  });

  it('a misspelt key is refused rather than ignored', async () => {
    const d = await brokenCopy('catalogue.yaml', (c) => (c.tests[0].offeredInSpansh = true));
    await expect(loadCatalogue(d)).rejects.toThrow(/catalogue\.yaml: tests\[0\]: .*offeredInSpansh/);
  });

  it('a policy number that is not a positive whole number is refused', async () => {
    const d = await brokenCopy('policy.yaml', (p) => (p.purchaseWindowDays.value = -90));
    await expect(loadPolicy(d)).rejects.toThrow(/policy\.yaml: purchaseWindowDays\.value: must be greater than 0/);
  });

  it('a policy number without its source sentence is refused', async () => {
    const d = await brokenCopy('policy.yaml', (p) => delete p.retestWaitFullDays.source);
    await expect(loadPolicy(d)).rejects.toThrow(/policy\.yaml: retestWaitFullDays\.source: required/);
  });

  it('a duplicate fee that is not a whole number of cents is refused', async () => {
    const d = await brokenCopy('policy.yaml', (p) => (p.duplicateFeePerSeriesUsd.value = 7.505));
    await expect(loadPolicy(d)).rejects.toThrow(/duplicateFeePerSeriesUsd\.value: must be a whole number of cents/);
  });

  it('a fee that does not match its sentence is refused', async () => {
    const d = await brokenCopy('policy.yaml', (p) => (p.duplicateFeePerSeriesUsd.value = 8));
    await expect(loadPolicy(d)).rejects.toThrow(/duplicateFeePerSeriesUsd\.source: does not contain "\$8\.00"/);
  });

  it('a phone number that does not match its sentence is refused', async () => {
    const d = await brokenCopy('policy.yaml', (p) => (p.phones.prometric.value = '877-346-9328'));
    await expect(loadPolicy(d)).rejects.toThrow(/phones\.prometric\.source: does not contain the number "877-346-9328"/);
  });

  it('invalid YAML is reported with the file name', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'policy-data-'));
    await writeFile(path.join(dir, 'policy.yaml'), 'purchaseWindowDays: [90\n');
    await expect(loadPolicy(dir)).rejects.toThrow(/policy\.yaml: not valid YAML/);
  });

  it('a missing file is reported with its path', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'policy-data-'));
    const err = await loadCatalogue(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolicyDataError);
    expect((err as Error).message).toContain(`${path.join(dir, 'catalogue.yaml')}: cannot read`);
  });

  it('with a relative directory the message names knowledge/catalogue.yaml as the brief shows', async () => {
    const d = await brokenCopy('catalogue.yaml', (c) => (c.tests[3].series = 'Z'));
    const rel = path.relative(process.cwd(), d);
    await expect(loadCatalogue(rel)).rejects.toThrow(`${path.join(rel, 'catalogue.yaml')}: tests[3].series: unknown series "Z"`);
  });
});
