// The candidate's account as the bot sees it: plain data, the same whichever source provides it
// (the HTTP client for the candidate-account API, or the embedded demo source). The schemas that
// check the API's answers against these shapes are in schemas.ts; the wire contract is
// docs/account-api.yaml.

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** An ISO 8601 instant that names its offset: '2025-06-17T09:00:00-05:00' or '...Z'. */
export type IsoInstant = string;
/** An IANA time zone name, e.g. 'America/Chicago'. */
export type Zone = string;

export interface CandidateProfile {
  /** The account system's opaque id; every other call takes it. Not the ASE ID. */
  candidateId: string;
  /** The ASE ID the candidate knows and types. */
  aseId: string;
  firstName: string;
  lastName: string;
  /** The candidate's home zone, when the account holds one ("today" for purchase/expiry dates). */
  timeZone?: Zone;
  preferredLanguage?: 'en' | 'es';
}

export type PurchasedTestStatus = 'unscheduled' | 'scheduled' | 'taken' | 'cancelled' | 'expired';

export interface PurchasedTest {
  /** Purchase id: links an appointment to the purchase whose 90-day window it must fall in. */
  id: string;
  /** Test code as in knowledge/catalogue.yaml, e.g. 'A5'. */
  code: string;
  purchasedOn: IsoDate;
  status: PurchasedTestStatus;
}

export interface TestCentre {
  name: string;
  city: string;
  /** Two-letter state or province code. */
  state: string;
}

export interface Appointment {
  id: string;
  /** The purchase this appointment uses. */
  purchaseId: string;
  testCode: string;
  /** Start instant with the centre's offset, e.g. '2025-06-17T09:00:00-05:00'. */
  start: IsoInstant;
  /** The test centre's IANA zone; the 72-hour rule is judged here. */
  timeZone: Zone;
  centre: TestCentre;
}

export type TestOutcome = 'pass' | 'fail' | 'no-show';

export interface TestResult {
  testCode: string;
  takenOn: IsoDate;
  outcome: TestOutcome;
  /** For a no-show: whether the official No Show result is posted (the test can then be bought again). */
  noShowPosted?: boolean;
}

export interface Certification {
  testCode: string;
  /** Date of the pass or recertification that this credential rests on. */
  passedOn: IsoDate;
  /** First day the credential is no longer current (passedOn + 5 years, as the rules compute). */
  expiresOn: IsoDate;
}

export type WorkExperienceStatus = 'not-submitted' | 'pending' | 'approved' | 'rejected';

export interface WorkExperience {
  status: WorkExperienceStatus;
  updatedOn?: IsoDate;
}

/** Everything the bot shows about one candidate, fetched in one call. */
export interface CandidateAccount {
  profile: CandidateProfile;
  purchasedTests: PurchasedTest[];
  /** Upcoming (not cancelled, not yet taken) appointments only. */
  appointments: Appointment[];
  results: TestResult[];
  certifications: Certification[];
  workExperience: WorkExperience;
}

export type VerifyResult = { verified: true; candidateId: string } | { verified: false };

export interface CancellationResult {
  appointmentId: string;
  status: 'cancelled';
  cancelledAt: IsoInstant;
}

/**
 * The bot's view of the candidate-account system. Implementations throw only the errors in
 * errors.ts: AccountNotFoundError, AccountUnavailableError, AccountDataError, AccountRequestError.
 */
export interface AccountService {
  /** Which implementation answers: 'api' or 'demo' (for /readyz and the start-up log line). */
  readonly source: 'api' | 'demo';
  /**
   * Checks ASE ID + date of birth ('YYYY-MM-DD') + last four SSN digits. A mismatch, including an
   * unknown ASE ID, is `{ verified: false }`, never an error.
   */
  verify(aseId: string, dateOfBirth: IsoDate, ssnLast4: string): Promise<VerifyResult>;
  /** The whole account in one call. */
  getAccount(candidateId: string): Promise<CandidateAccount>;
  /**
   * Cancels one appointment. The same idempotencyKey (generated once per confirmation, kept in
   * dialog state) never cancels twice: a repeat returns the first result.
   */
  cancelAppointment(candidateId: string, appointmentId: string, idempotencyKey: string): Promise<CancellationResult>;
}
