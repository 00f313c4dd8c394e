// docs/account-api.yaml and src/account/schemas.ts describe the same shapes: this fails when one
// changes without the other. Documentation keys (description, examples) are ignored; refinements
// zod cannot express in JSON Schema (a real calendar date, a known IANA zone) are documented only.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import * as schemas from '../../src/account/schemas.js';

const spec = parseYaml(await readFile(fileURLToPath(new URL('../../docs/account-api.yaml', import.meta.url)), 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; required?: boolean }> }>>;
  components: { schemas: Record<string, unknown> };
};

const DOC_KEYS = new Set(['description', 'examples', 'example', 'title']);

/** Resolves local $refs and drops documentation keys, so only the shape is left. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (DOC_KEYS.has(key)) continue;
    if (key === '$ref') {
      const name = String(value).replace('#/components/schemas/', '');
      Object.assign(out, shape(spec.components.schemas[name]) as object);
      continue;
    }
    out[key] = key === 'required' ? [...(value as string[])].sort() : shape(value);
  }
  return out;
}

/** zod's JSON Schema, minus what the bot deliberately leaves open (extra properties are ignored). */
function zodShape(schema: z.ZodType): unknown {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$schema' || key === 'additionalProperties') continue;
      out[key] = key === 'required' ? [...(value as string[])].sort() : strip(value);
    }
    return out;
  };
  return strip(z.toJSONSchema(schema, { io: 'output' }));
}

describe('docs/account-api.yaml matches the zod schemas', () => {
  it('is OpenAPI 3.1', () => {
    expect(spec.openapi).toBe('3.1.0');
  });

  it.each<[string, z.ZodType]>([
    ['VerifyRequest', schemas.verifyRequestSchema],
    ['VerifyResponse', schemas.verifyResponseSchema],
    ['CandidateProfile', schemas.candidateProfileSchema],
    ['PurchasedTest', schemas.purchasedTestSchema],
    ['Appointment', schemas.appointmentSchema],
    ['TestResult', schemas.testResultSchema],
    ['Certification', schemas.certificationSchema],
    ['WorkExperience', schemas.workExperienceSchema],
    ['CandidateAccount', schemas.candidateAccountSchema],
    ['Cancellation', schemas.cancellationSchema],
    ['IdempotencyKey', schemas.idempotencyKeySchema],
    ['Error', schemas.apiErrorSchema],
  ])('%s', (name, schema) => {
    expect(shape(spec.components.schemas[name])).toEqual(zodShape(schema));
  });

  it('documents the three calls the client makes, with the Idempotency-Key header on cancel', () => {
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/candidates/verify',
      '/candidates/{candidateId}/account',
      '/candidates/{candidateId}/appointments/{appointmentId}/cancel',
    ]);
    expect(Object.keys(spec.paths['/candidates/verify']!)).toEqual(['post']);
    expect(Object.keys(spec.paths['/candidates/{candidateId}/account']!)).toEqual(['get']);
    const cancel = spec.paths['/candidates/{candidateId}/appointments/{appointmentId}/cancel']!.post!;
    expect(cancel.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }));
  });
});
