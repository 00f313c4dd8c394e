// The embedded demo account source: a few clearly fictional candidates from a YAML file
// (knowledge/demo-accounts.yaml), used when no ACCOUNT_API_URL is configured. The file stores
// dates as offsets from "today"; they are materialised against the injected clock on every read,
// so the demo stories (an appointment too close to change, a credential about to lapse, ...) hold
// on whatever day the demo runs. The clock is never read here except through `clock`.

import { DateTime } from 'luxon';
import { z } from 'zod';
import { AccountNotFoundError, AccountRequestError } from './errors.js';
import { ianaZone, idempotencyKeySchema, isoDate, verifyRequestSchema } from './schemas.js';
import { DataFileError, parseYamlFile, readDataFile } from '../dataFiles/yamlFile.js';
import type {
  Appointment,
  AccountService,
  CancellationResult,
  CandidateAccount,
  IsoDate,
  VerifyResult,
} from './types.js';

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.yaml';

/** A problem with the demo accounts file (file, field, reason). */
export class DemoDataError extends DataFileError {}

// ---- file schema -------------------------------------------------------------------------------

const days = z.number().int('must be a whole number of days');
const daysAgo = days.min(0, 'must be 0 or more (days before today)');
const testCode = z.string().regex(/^[A-Z][0-9]{1,2}$/, "must be a test code such as 'A5'");
const id = z.string().regex(/^demo-[a-z0-9-]+$/, "must start with 'demo-' (lower-case letters, digits, '-')");

const demoCandidateSchema = z.strictObject({
  candidateId: id,
  aseId: z.string().regex(/^DEMO-\d{4}$/, "must look like 'DEMO-0001' so nobody mistakes it for a real ASE ID"),
  dateOfBirth: isoDate,
  ssnLast4: z.string().regex(/^\d{4}$/, 'must be four digits (quote it in YAML: "0001")'),
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  timeZone: ianaZone,
  preferredLanguage: z.enum(['en', 'es']).optional(),
  story: z.string().min(10, 'must say what this demo candidate demonstrates'),
  purchasedTests: z.array(
    z.strictObject({
      id,
      code: testCode,
      purchasedDaysAgo: daysAgo,
      status: z.enum(['unscheduled', 'scheduled', 'taken', 'cancelled', 'expired']),
    }),
  ),
  appointments: z.array(
    z.strictObject({
      id,
      purchaseId: id,
      testCode,
      inDays: days.min(0, 'must be 0 or more (an upcoming appointment)'),
      at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a 24-hour time 'HH:mm'"),
      timeZone: ianaZone,
      centre: z.strictObject({
        name: z.string().regex(/fictional/i, "must say '(fictional)'"),
        city: z.string().min(1),
        state: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
      }),
    }),
  ),
  results: z.array(
    z.strictObject({
      testCode,
      takenDaysAgo: daysAgo,
      outcome: z.enum(['pass', 'fail', 'no-show']),
      noShowPosted: z.boolean().optional(),
    }),
  ),
  certifications: z.array(z.strictObject({ testCode, expiresInDays: days })),
  workExperience: z.strictObject({
    status: z.enum(['not-submitted', 'pending', 'approved', 'rejected']),
    updatedDaysAgo: daysAgo.optional(),
  }),
});

export const demoAccountsSchema = z.strictObject({
  candidates: z.array(demoCandidateSchema).min(1, 'must list at least one demo candidate'),
});

export type DemoAccounts = z.output<typeof demoAccountsSchema>;
export type DemoCandidate = DemoAccounts['candidates'][number];

/** Checks one entry cannot make alone: unique ids, appointments pointing at their purchase. */
function crossCheck(data: DemoAccounts): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const unique = (value: string, at: string) => {
    const key = value.toLowerCase();
    const first = seen.get(key);
    if (first) problems.push(`${at}: "${value}" is already used at ${first}`);
    else seen.set(key, at);
  };
  data.candidates.forEach((c, i) => {
    const at = `candidates[${i}]`;
    unique(c.candidateId, `${at}.candidateId`);
    unique(c.aseId, `${at}.aseId`);
    c.purchasedTests.forEach((p, j) => unique(p.id, `${at}.purchasedTests[${j}].id`));
    c.appointments.forEach((a, j) => {
      const here = `${at}.appointments[${j}]`;
      unique(a.id, `${here}.id`);
      const purchase = c.purchasedTests.find((p) => p.id === a.purchaseId);
      if (!purchase) problems.push(`${here}.purchaseId: no purchase "${a.purchaseId}" for this candidate`);
      else if (purchase.code !== a.testCode) problems.push(`${here}.testCode: "${a.testCode}" but the purchase is for ${purchase.code}`);
      else if (purchase.status !== 'scheduled') problems.push(`${here}.purchaseId: purchase "${a.purchaseId}" must have status scheduled`);
    });
    c.purchasedTests.forEach((p, j) => {
      if (p.status === 'scheduled' && !c.appointments.some((a) => a.purchaseId === p.id)) {
        problems.push(`${at}.purchasedTests[${j}].status: scheduled, but no appointment uses "${p.id}"`);
      }
    });
    c.results.forEach((r, j) => {
      if (r.noShowPosted !== undefined && r.outcome !== 'no-show') {
        problems.push(`${at}.results[${j}].noShowPosted: only for outcome no-show`);
      }
    });
  });
  return problems;
}

/** Parses and checks the demo file's text. Errors name the file, the field and the reason. */
export function parseDemoAccounts(file: string, text: string): DemoAccounts {
  const accounts = parseYamlFile(file, text, demoAccountsSchema, DemoDataError);
  const problems = crossCheck(accounts);
  if (problems.length > 0) throw new DemoDataError(file, problems);
  return accounts;
}

export async function loadDemoAccounts(file: string): Promise<DemoAccounts> {
  return parseDemoAccounts(file, await readDataFile(file, DemoDataError));
}

// ---- the service -------------------------------------------------------------------------------

export interface DemoAccountServiceOptions {
  /** The bot's clock; every relative date is materialised against it. */
  clock: () => Date;
  /** Credential validity (knowledge/policy.yaml validityYears). Default 5. */
  validityYears?: number;
  /** The API refuses a cancellation this close to the start (policy changeCutoffHours). Default 72. */
  changeCutoffHours?: number;
}

interface Cancelled {
  appointmentId: string;
  result: CancellationResult;
}

const isoDateOf = (dt: DateTime): IsoDate => dt.toISODate() as IsoDate;

export class DemoAccountService implements AccountService {
  readonly source = 'demo' as const;
  private readonly clock: () => Date;
  private readonly validityYears: number;
  private readonly changeCutoffHours: number;
  /** appointmentId -> cancellation (this process only; a restart restores the demo). */
  private readonly cancelled = new Map<string, CancellationResult>();
  /** candidateId + idempotency key -> what that key did. */
  private readonly byKey = new Map<string, Cancelled>();

  constructor(
    private readonly data: DemoAccounts,
    options: DemoAccountServiceOptions,
  ) {
    this.clock = options.clock;
    this.validityYears = options.validityYears ?? 5;
    this.changeCutoffHours = options.changeCutoffHours ?? 72;
  }

  static async fromFile(file: string, options: DemoAccountServiceOptions): Promise<DemoAccountService> {
    return new DemoAccountService(await loadDemoAccounts(file), options);
  }

  /** The ASE IDs and stories, for a help text or the start-up log (no DOB or SSN digits). */
  get candidates(): Array<{ aseId: string; name: string; story: string }> {
    return this.data.candidates.map((c) => ({ aseId: c.aseId, name: `${c.firstName} ${c.lastName}`, story: c.story }));
  }

  async verify(aseId: string, dateOfBirth: string, ssnLast4: string): Promise<VerifyResult> {
    const request = verifyRequestSchema.safeParse({ aseId, dateOfBirth, ssnLast4 });
    if (!request.success) throw new AccountRequestError('verify', 400, 'invalid-request');
    const wanted = request.data.aseId.toUpperCase();
    const match = this.data.candidates.find(
      (c) => c.aseId === wanted && c.dateOfBirth === request.data.dateOfBirth && c.ssnLast4 === request.data.ssnLast4,
    );
    return match ? { verified: true, candidateId: match.candidateId } : { verified: false };
  }

  async getAccount(candidateId: string): Promise<CandidateAccount> {
    return this.materialise(this.find('getAccount', candidateId), DateTime.fromJSDate(this.clock()));
  }

  async cancelAppointment(candidateId: string, appointmentId: string, idempotencyKey: string): Promise<CancellationResult> {
    if (!idempotencyKeySchema.safeParse(idempotencyKey).success) {
      throw new AccountRequestError('cancelAppointment', 400, 'invalid-request');
    }
    const candidate = this.find('cancelAppointment', candidateId);
    const keyId = `${candidateId}\u0000${idempotencyKey}`;
    const previous = this.byKey.get(keyId);
    if (previous) {
      if (previous.appointmentId !== appointmentId) throw new AccountRequestError('cancelAppointment', 422, 'idempotency-key-reused');
      return { ...previous.result };
    }
    const now = DateTime.fromJSDate(this.clock());
    const appointment = this.materialise(candidate, now).appointments.find((a) => a.id === appointmentId);
    if (!appointment) {
      if (this.cancelled.has(appointmentId) && candidate.appointments.some((a) => a.id === appointmentId)) {
        throw new AccountRequestError('cancelAppointment', 409, 'already-cancelled');
      }
      throw new AccountNotFoundError('cancelAppointment', 'appointment');
    }
    const hoursLeft = DateTime.fromISO(appointment.start, { setZone: true }).diff(now, 'hours').hours;
    if (hoursLeft <= this.changeCutoffHours) throw new AccountRequestError('cancelAppointment', 409, 'change-window-closed');
    const result: CancellationResult = {
      appointmentId,
      status: 'cancelled',
      cancelledAt: now.toUTC().toISO({ suppressMilliseconds: true }) as string,
    };
    this.cancelled.set(appointmentId, result);
    this.byKey.set(keyId, { appointmentId, result });
    return { ...result };
  }

  private find(operation: 'getAccount' | 'cancelAppointment', candidateId: string): DemoCandidate {
    const candidate = this.data.candidates.find((c) => c.candidateId === candidateId);
    if (!candidate) throw new AccountNotFoundError(operation, 'candidate');
    return candidate;
  }

  /** Turns the stored offsets into dates, as seen at `now`. */
  private materialise(c: DemoCandidate, now: DateTime): CandidateAccount {
    const today = now.setZone(c.timeZone).startOf('day');
    const ago = (n: number) => isoDateOf(today.minus({ days: n }));
    const appointments: Appointment[] = c.appointments
      .filter((a) => !this.cancelled.has(a.id))
      .map((a) => {
        const [hour, minute] = a.at.split(':').map(Number) as [number, number];
        const day = now.setZone(a.timeZone).startOf('day').plus({ days: a.inDays });
        const start = DateTime.fromObject(
          { year: day.year, month: day.month, day: day.day, hour, minute },
          { zone: a.timeZone },
        );
        return {
          id: a.id,
          purchaseId: a.purchaseId,
          testCode: a.testCode,
          start: start.toISO({ suppressMilliseconds: true, includeOffset: true }) as string,
          timeZone: a.timeZone,
          centre: { ...a.centre },
        };
      });
    const cancelledPurchases = new Set(
      c.appointments.filter((a) => this.cancelled.has(a.id)).map((a) => a.purchaseId),
    );
    return {
      profile: {
        candidateId: c.candidateId,
        aseId: c.aseId,
        firstName: c.firstName,
        lastName: c.lastName,
        timeZone: c.timeZone,
        ...(c.preferredLanguage ? { preferredLanguage: c.preferredLanguage } : {}),
      },
      purchasedTests: c.purchasedTests.map((p) => ({
        id: p.id,
        code: p.code,
        purchasedOn: ago(p.purchasedDaysAgo),
        // Cancelling the appointment frees the purchase, as the real system does.
        status: cancelledPurchases.has(p.id) ? 'unscheduled' : p.status,
      })),
      appointments,
      results: c.results.map((r) => ({
        testCode: r.testCode,
        takenOn: ago(r.takenDaysAgo),
        outcome: r.outcome,
        ...(r.noShowPosted === undefined ? {} : { noShowPosted: r.noShowPosted }),
      })),
      certifications: c.certifications.map((cert) => {
        // passedOn first, then expiresOn from it, so expiresOn is exactly what the rules compute
        // (29 February + 5 years -> 28 February).
        const passed = today.plus({ days: cert.expiresInDays }).minus({ years: this.validityYears });
        return {
          testCode: cert.testCode,
          passedOn: isoDateOf(passed),
          expiresOn: isoDateOf(passed.plus({ years: this.validityYears })),
        };
      }),
      workExperience: {
        status: c.workExperience.status,
        ...(c.workExperience.updatedDaysAgo === undefined ? {} : { updatedOn: ago(c.workExperience.updatedDaysAgo) }),
      },
    };
  }
}
