// zod schemas for the candidate-account API's requests and responses. They mirror
// docs/account-api.yaml (components.schemas) one to one; change both together. Objects are not
// strict: a field the API adds later is ignored, a field it drops or mistypes is an AccountDataError.
// Messages describe the expectation only, never the value received (it may be personal data).

import { DateTime } from 'luxon';
import { z } from 'zod';
import type {
  Appointment,
  CancellationResult,
  CandidateAccount,
  CandidateProfile,
  Certification,
  PurchasedTest,
  TestResult,
  VerifyResult,
  WorkExperience,
} from './types.js';
import type { DataProblem } from './errors.js';
import { formatPath } from '../dataFiles/fieldPath.js';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date 'YYYY-MM-DD'")
  .refine((value) => DateTime.fromISO(value, { zone: 'utc' }).isValid, 'expected a real calendar date');

export const isoInstant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
    'expected an ISO 8601 instant with an offset (Z or +hh:mm)',
  )
  .refine((value) => DateTime.fromISO(value, { setZone: true }).isValid, 'expected a real instant');

export const ianaZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as America/Chicago');

const id = z.string().min(1, 'expected a non-empty id').max(200, 'expected an id of at most 200 characters');
const testCode = z.string().regex(/^[A-Z][0-9]{1,2}$/, "expected a test code such as 'A5'");
const text = z.string().min(1, 'expected non-empty text');

export const candidateProfileSchema = z.object({
  candidateId: id,
  aseId: text,
  firstName: text,
  lastName: text,
  timeZone: ianaZone.optional(),
  preferredLanguage: z.enum(['en', 'es']).optional(),
});

export const purchasedTestSchema = z.object({
  id,
  code: testCode,
  purchasedOn: isoDate,
  status: z.enum(['unscheduled', 'scheduled', 'taken', 'cancelled', 'expired']),
});

export const appointmentSchema = z.object({
  id,
  purchaseId: id,
  testCode,
  start: isoInstant,
  timeZone: ianaZone,
  centre: z.object({ name: text, city: text, state: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter state code') }),
});

export const testResultSchema = z.object({
  testCode,
  takenOn: isoDate,
  outcome: z.enum(['pass', 'fail', 'no-show']),
  noShowPosted: z.boolean().optional(),
});

export const certificationSchema = z.object({ testCode, passedOn: isoDate, expiresOn: isoDate });

export const workExperienceSchema = z.object({
  status: z.enum(['not-submitted', 'pending', 'approved', 'rejected']),
  updatedOn: isoDate.optional(),
});

export const candidateAccountSchema = z.object({
  profile: candidateProfileSchema,
  purchasedTests: z.array(purchasedTestSchema),
  appointments: z.array(appointmentSchema),
  results: z.array(testResultSchema),
  certifications: z.array(certificationSchema),
  workExperience: workExperienceSchema,
});

export const verifyRequestSchema = z.object({
  aseId: z.string().trim().min(1, 'expected an ASE ID').max(40, 'expected an ASE ID of at most 40 characters'),
  dateOfBirth: isoDate,
  ssnLast4: z.string().regex(/^\d{4}$/, 'expected exactly four digits'),
});

export const verifyResponseSchema = z.discriminatedUnion('verified', [
  z.object({ verified: z.literal(true), candidateId: id }),
  z.object({ verified: z.literal(false) }),
]);

export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'expected 8-128 characters from A-Z a-z 0-9 _ . : -');

export const cancellationSchema = z.object({
  appointmentId: id,
  status: z.literal('cancelled'),
  cancelledAt: isoInstant,
});

/** The API's error body (any non-2xx); both fields optional so a bare status still parses. */
export const apiErrorSchema = z.object({ code: z.string().max(100).optional(), message: z.string().optional() });

// ---- compile-time check: the schemas produce exactly the domain types -------------------------

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const exact = <T extends true>(value: T) => value;
exact<Same<z.output<typeof candidateProfileSchema>, CandidateProfile>>(true);
exact<Same<z.output<typeof purchasedTestSchema>, PurchasedTest>>(true);
exact<Same<z.output<typeof appointmentSchema>, Appointment>>(true);
exact<Same<z.output<typeof testResultSchema>, TestResult>>(true);
exact<Same<z.output<typeof certificationSchema>, Certification>>(true);
exact<Same<z.output<typeof workExperienceSchema>, WorkExperience>>(true);
exact<Same<z.output<typeof candidateAccountSchema>, CandidateAccount>>(true);
exact<Same<z.output<typeof verifyResponseSchema>, VerifyResult>>(true);
exact<Same<z.output<typeof cancellationSchema>, CancellationResult>>(true);

// ---- issues -> problems, with no values ---------------------------------------------------------

/**
 * Turns zod issues into path + problem. The problem is rebuilt from the issue's code and expected
 * type (never `issue.input`, never a message that could quote the value).
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): DataProblem[] {
  return issues.map((issue) => {
    // `['appointments', 0, 'start']` -> `appointments[0].start`; the whole value is the API's body.
    const path = formatPath(issue.path, '(body)');
    switch (issue.code) {
      case 'invalid_type':
        return { path, problem: issue.message === REQUIRED ? REQUIRED : `expected ${issue.expected}` };
      case 'invalid_value':
        return { path, problem: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
      case 'invalid_union':
        return { path, problem: 'matches none of the allowed shapes' };
      case 'unrecognized_keys':
        return { path, problem: `unexpected keys ${issue.keys.join(', ')}` };
      default:
        // Our own messages ('expected a date ...') describe the rule, not the value.
        return { path, problem: issue.message };
    }
  });
}

const REQUIRED = 'required';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: DataProblem[] };

/** Parses `data` with `schema`; a missing field reads 'required'. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(data, {
    error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? REQUIRED : undefined),
  });
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: describeIssues(result.error.issues) };
}
