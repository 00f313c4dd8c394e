// Loads and validates knowledge/policy.yaml and knowledge/catalogue.yaml into the plain typed
// objects the rules take as arguments (Policy, Catalogue from src/rules/types.ts). This is the
// only I/O for the policy rules. Every error names the file, the field path and the reason,
// e.g. `knowledge/catalogue.yaml: tests[3].series: unknown series "Z"`.

import path from 'node:path';
import { DataFileError, parseYamlFile, readDataFile } from '../dataFiles/yamlFile.js';
import { z } from 'zod';
import type { Catalogue, Policy } from '../rules/types.js';

export const POLICY_FILE = 'policy.yaml';
export const CATALOGUE_FILE = 'catalogue.yaml';

/** A problem with policy.yaml or catalogue.yaml (file, field, reason). */
export class PolicyDataError extends DataFileError {}

// ---- schemas -------------------------------------------------------------------------------

const sentence = z.string().trim().min(10, 'must be the source sentence (at least 10 characters)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date 'YYYY-MM-DD'");
const wholeCount = z.number().int('must be a whole number').positive('must be greater than 0');
const sourcedCount = z.strictObject({ value: wholeCount, source: sentence });
const phone = z.string().regex(/^(1-)?\d{3}-\d{3}-\d{4}$/, "must look like '877-346-9327' or '1-800-390-6789'");

export const policySchema = z.strictObject({
  source: z.strictObject({ title: z.string().min(1), date: isoDate, file: z.string().min(1) }),
  purchaseWindowDays: sourcedCount,
  changeCutoffHours: sourcedCount,
  retestWaitFullDays: sourcedCount,
  validityYears: sourcedCount,
  duplicateFeePerSeriesUsd: z.strictObject({
    value: z
      .number()
      .positive('must be greater than 0')
      .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, 'must be a whole number of cents'),
    source: sentence,
  }),
  resultsOnlineWithinDays: sourcedCount,
  certificateArrivalDays: sourcedCount,
  statements: z.strictObject({
    purchaseExpiry: sentence,
    cancelBeforeRebook: sentence,
    cancelTest: sentence,
    cancelCutoff: sentence,
    refundOnlyPurchased: sentence,
    noRefundMissed: sentence,
    noShowForfeit: sentence,
    noShowRebuy: sentence,
    noShowWaitForResult: sentence,
    scoreReportEmailed: sentence,
    workExperienceDelay: sentence,
    recertDue: sentence,
    recertAfterLapse: sentence,
    recertPreviouslyCertified: sentence,
    recertNoCredit: sentence,
    recertNewExpiry: sentence,
    masterEarned: sentence,
    masterKeepCurrent: sentence,
    masterReinstate: sentence,
  }),
  phones: z.strictObject({
    prometric: z.strictObject({ value: phone, source: sentence }),
    aseCustomerService: z.strictObject({ value: phone, source: sentence }),
  }),
  botSettings: z.strictObject({
    expiringSoonDays: z.strictObject({ value: wholeCount, note: z.string().min(10) }),
  }),
});

const testCode = z.string().regex(/^[A-Z][0-9]{1,2}$/, "must be a test code such as 'A1' (capital letter, digits)");
const seriesId = z.string().regex(/^[A-Z]{1,3}$/, "must be a series id such as 'A' (capital letters)");
/** A Spanish name: optional (a Spanish reply then names the series or test by its id or code), never blank. */
const spanishName = z.string().trim().min(1, 'must not be empty (leave `es` out where there is no Spanish name)').optional();

export const catalogueSchema = z.strictObject({
  series: z
    .array(
      z.strictObject({
        id: seriesId,
        name: z.string().trim().min(1),
        es: spanishName,
        duplicateCertificateBilling: z.literal('per-series'),
        source: z.string().trim().min(3, 'must say where the series facts come from'),
        master: z
          .strictObject({
            name: z.string().trim().min(1),
            es: spanishName,
            requiredTests: z.array(testCode).min(1, 'must list at least one test'),
            source: sentence,
          })
          .optional(),
      }),
    )
    .min(1, 'must list at least one series'),
  tests: z
    .array(
      z.strictObject({
        code: testCode,
        name: z.string().trim().min(1),
        es: spanishName,
        series: seriesId,
        aliases: z.array(z.string().trim().min(1, 'must not be empty')).default([]),
        offeredInSpanish: z.boolean(),
        isRecertifiable: z.boolean(),
        prerequisites: z.string().trim().min(1).optional(),
      }),
    )
    .min(1, 'must list at least one test'),
});

// ---- parsing (pure) ------------------------------------------------------------------------

export function parsePolicy(file: string, text: string): Policy {
  const policy: Policy = parseYamlFile(file, text, policySchema, PolicyDataError);
  const problems: string[] = [];
  for (const key of ['prometric', 'aseCustomerService'] as const) {
    const entry = policy.phones[key];
    if (!entry.source.includes(entry.value)) {
      problems.push(`phones.${key}.source: does not contain the number "${entry.value}"`);
    }
  }
  const fee = policy.duplicateFeePerSeriesUsd;
  if (!fee.source.includes(`$${fee.value.toFixed(2)}`)) {
    problems.push(`duplicateFeePerSeriesUsd.source: does not contain "$${fee.value.toFixed(2)}"`);
  }
  if (problems.length > 0) throw new PolicyDataError(file, problems);
  return policy;
}

export function parseCatalogue(file: string, text: string): Catalogue {
  const catalogue: Catalogue = parseYamlFile(file, text, catalogueSchema, PolicyDataError);
  const problems = crossCheckCatalogue(catalogue);
  if (problems.length > 0) throw new PolicyDataError(file, problems);
  return catalogue;
}

/** Checks a single entry cannot make on its own. Returns problems as `path: reason`. */
export function crossCheckCatalogue(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const seriesIds = new Map<string, number>();
  catalogue.series.forEach((s, i) => {
    if (seriesIds.has(s.id)) problems.push(`series[${i}].id: duplicate series "${s.id}"`);
    else seriesIds.set(s.id, i);
  });

  const codes = new Map<string, number>();
  const aliasOwner = new Map<string, string>();
  catalogue.tests.forEach((t, i) => {
    if (codes.has(t.code)) problems.push(`tests[${i}].code: duplicate test code "${t.code}"`);
    else codes.set(t.code, i);
    if (!seriesIds.has(t.series)) problems.push(`tests[${i}].series: unknown series "${t.series}"`);
  });
  catalogue.tests.forEach((t, i) => {
    t.aliases.forEach((alias, j) => {
      const key = alias.trim().toLowerCase();
      const owner = aliasOwner.get(key);
      if (codes.has(key.toUpperCase())) {
        problems.push(`tests[${i}].aliases[${j}]: alias "${alias}" is a test code`);
      } else if (owner !== undefined && owner !== t.code) {
        problems.push(`tests[${i}].aliases[${j}]: alias "${alias}" is already used by ${owner}`);
      } else {
        aliasOwner.set(key, t.code);
      }
    });
  });

  catalogue.series.forEach((s, i) => {
    if (!catalogue.tests.some((t) => t.series === s.id)) problems.push(`series[${i}]: no tests in series "${s.id}"`);
    s.master?.requiredTests.forEach((code, j) => {
      const at = `series[${i}].master.requiredTests[${j}]`;
      const index = codes.get(code);
      if (index === undefined) problems.push(`${at}: unknown test "${code}"`);
      else if (catalogue.tests[index]?.series !== s.id) problems.push(`${at}: test "${code}" is not in series "${s.id}"`);
      if (s.master && s.master.requiredTests.indexOf(code) !== j) problems.push(`${at}: "${code}" listed twice`);
    });
  });
  return problems;
}

// ---- loading (I/O) -------------------------------------------------------------------------

/** Read and validate `<dir>/policy.yaml`. */
export async function loadPolicy(dir: string): Promise<Policy> {
  const file = path.join(dir, POLICY_FILE);
  return parsePolicy(file, await readDataFile(file, PolicyDataError));
}

/** Read and validate `<dir>/catalogue.yaml`. */
export async function loadCatalogue(dir: string): Promise<Catalogue> {
  const file = path.join(dir, CATALOGUE_FILE);
  return parseCatalogue(file, await readDataFile(file, PolicyDataError));
}
