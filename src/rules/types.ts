// Types shared by the policy rules. Plain data only: the rules receive Policy and Catalogue as
// arguments (src/knowledge/policyData.ts builds them from knowledge/*.yaml) and never load
// anything themselves.

/** A calendar date, 'YYYY-MM-DD', with no time and no zone. */
export type IsoDate = string;

/**
 * An instant: a JS Date, or an ISO 8601 string that names its offset ('Z' or '+hh:mm').
 * A string without an offset is refused, because its meaning would depend on the machine's zone.
 */
export type Instant = Date | string;

/** An IANA time zone name, e.g. 'America/Los_Angeles'. */
export type Zone = string;

// ---- knowledge data ------------------------------------------------------------------------

/** A policy value with the verbatim source sentence it rests on. */
export interface Sourced<T> {
  value: T;
  source: string;
}

/** A project setting (not ASE policy), with a note saying why it exists. */
export interface BotSetting<T> {
  value: T;
  note: string;
}

export interface Policy {
  source: { title: string; date: IsoDate; file: string };
  purchaseWindowDays: Sourced<number>;
  changeCutoffHours: Sourced<number>;
  retestWaitFullDays: Sourced<number>;
  validityYears: Sourced<number>;
  duplicateFeePerSeriesUsd: Sourced<number>;
  resultsOnlineWithinDays: Sourced<number>;
  certificateArrivalDays: Sourced<number>;
  statements: {
    purchaseExpiry: string;
    cancelBeforeRebook: string;
    cancelTest: string;
    cancelCutoff: string;
    refundOnlyPurchased: string;
    noRefundMissed: string;
    noShowForfeit: string;
    noShowRebuy: string;
    noShowWaitForResult: string;
    scoreReportEmailed: string;
    workExperienceDelay: string;
    recertDue: string;
    recertAfterLapse: string;
    recertPreviouslyCertified: string;
    recertNoCredit: string;
    recertNewExpiry: string;
    masterEarned: string;
    masterKeepCurrent: string;
    masterReinstate: string;
  };
  phones: {
    prometric: Sourced<string>;
    aseCustomerService: Sourced<string>;
  };
  botSettings: {
    expiringSoonDays: BotSetting<number>;
  };
}

/**
 * The catalogue's names are English; `es` is the Spanish name where the catalogue has one. The rules
 * never read either (they return ids and codes): the replies pick the name in the turn's language
 * (src/messages/catalogueNames.ts).
 */
export interface MasterDefinition {
  name: string;
  es?: string;
  requiredTests: string[];
  /** The sentence naming the required tests. */
  source: string;
}

export interface Series {
  id: string;
  name: string;
  es?: string;
  /** A duplicate certificate is billed once per series, however many tests it lists. */
  duplicateCertificateBilling: 'per-series';
  source: string;
  /** Absent where the source does not state the Master composition. */
  master?: MasterDefinition;
}

export interface TestEntry {
  code: string;
  name: string;
  es?: string;
  series: string;
  aliases: string[];
  offeredInSpanish: boolean;
  isRecertifiable: boolean;
  prerequisites?: string;
}

export interface Catalogue {
  series: Series[];
  tests: TestEntry[];
}

// ---- common decision shape -----------------------------------------------------------------

/** Every decision: a machine-readable verdict and the source sentence(s) it rests on. */
export interface Decision<V extends string> {
  verdict: V;
  /** Verbatim source sentence(s), joined with a space when more than one applies. */
  policy: string;
}

// ---- purchase window -----------------------------------------------------------------------

export interface PurchaseWindowInput {
  purchaseDate: IsoDate;
  now: Instant;
  zone: Zone;
}

export type PurchaseWindowVerdict = 'open' | 'last-day' | 'expired' | 'purchase-date-in-future';

export interface PurchaseWindowDecision extends Decision<PurchaseWindowVerdict> {
  purchaseDate: IsoDate;
  /** Today in `zone`. */
  today: IsoDate;
  /** Last day on which the test may be taken: purchaseDate + 90 days. */
  lastDay: IsoDate;
  /** Whole days from today to lastDay; 0 on the last day, negative once expired. */
  daysLeft: number;
  expired: boolean;
}

// ---- change / cancel -----------------------------------------------------------------------

export interface Appointment {
  date: IsoDate;
  /** 'HH:mm', 24-hour, local to `zone`. Absent: the appointment counts as starting at 00:00. */
  time?: string;
  /** The test centre's IANA zone. */
  zone: Zone;
}

export interface ChangeInput {
  appointment: Appointment;
  now: Instant;
  purchaseDate?: IsoDate;
  newDate?: IsoDate;
}

export type ChangeVerdict = 'allowed' | 'too-late' | 'appointment-passed';

export type NewDateVerdict =
  | 'inside-window'
  | 'after-window'
  | 'before-today'
  | 'before-purchase-date'
  | 'purchase-date-unknown';

export interface NewDateCheck {
  verdict: NewDateVerdict;
  newDate: IsoDate;
  /** purchaseDate + 90 days, or null when the purchase date is not known. */
  lastDay: IsoDate | null;
  /** true/false when known; null when the purchase date is not known. */
  insideWindow: boolean | null;
  policy: string;
}

export interface ChangeDecision extends Decision<ChangeVerdict> {
  allowed: boolean;
  /** Appointment start as an ISO instant with the centre's offset. */
  appointmentStart: string;
  /** true when no time was given and 00:00 local was assumed. */
  assumedStartOfDay: boolean;
  /** Changes are allowed strictly before this instant (start - 72 h), ISO with the centre's offset. */
  deadline: string;
  /** The deadline's calendar date in the centre's zone. */
  deadlineLocalDate: IsoDate;
  /** The last local calendar day on which a change can still be made. */
  lastDayToChange: IsoDate;
  /** Hours from now to the appointment start (fractional; negative once it has started). */
  hoursRemaining: number;
  /** The existing appointment must be cancelled before a new one is booked. */
  mustCancelBeforeRebooking: true;
  /** Present when newDate was given. */
  newDate?: NewDateCheck;
}

// ---- refund --------------------------------------------------------------------------------

export type RefundInput =
  | {
      situation: 'cancel';
      now: Instant;
      /** Zone for "today" when there is no appointment (the candidate's or centre's zone). */
      zone: Zone;
      /** The current appointment for the test, if one is booked. */
      appointment?: Appointment;
      /** Needed to tell whether an unscheduled test has already expired. */
      purchaseDate?: IsoDate;
    }
  | { situation: 'no-show' }
  | { situation: 'expired' };

export type RefundVerdict =
  | 'refund'
  | 'no-refund-too-late'
  | 'no-refund-appointment-passed'
  | 'no-refund-no-show'
  | 'no-refund-expired';

export interface RefundDecision extends Decision<RefundVerdict> {
  refundable: boolean;
  /** The change decision the refund rests on, when an appointment was given. */
  change?: ChangeDecision;
  /** The purchase window decision, when a purchase date was given without an appointment. */
  purchaseWindow?: PurchaseWindowDecision;
  /** Any appointment must be cancelled before the test itself is cancelled. */
  mustCancelAppointmentFirst: boolean;
}

// ---- no show -------------------------------------------------------------------------------

export interface NoShowInput {
  appointmentDate?: IsoDate;
  /** Whether the official No Show result is posted in myASE; unknown when absent. */
  resultPosted?: boolean;
}

export type NoShowVerdict = 'can-rebuy-now' | 'wait-for-no-show-result';

export interface NoShowDecision extends Decision<NoShowVerdict> {
  appointmentDate: IsoDate | null;
  feesForfeited: true;
  refundable: false;
  canRebuyNow: boolean;
  /** Both fees are paid again on re-purchase. */
  mustPayAgain: ['registration fee', 'test fee'];
}

// ---- retest --------------------------------------------------------------------------------

export interface RetestInput {
  failedOn: IsoDate;
  now: Instant;
  zone: Zone;
}

export type RetestVerdict = 'wait' | 'can-buy-now' | 'failed-date-in-future';

export interface RetestDecision extends Decision<RetestVerdict> {
  failedOn: IsoDate;
  today: IsoDate;
  /** First day the same test may be bought: failedOn + 31 (30 full days in between). */
  earliestPurchaseDate: IsoDate;
  /** Days from today until earliestPurchaseDate; 0 when it is today or past. */
  daysToWait: number;
  fullDaysRequired: number;
}

// ---- results and certificate ---------------------------------------------------------------

export interface ResultsInput {
  testDate: IsoDate;
  /** Optional: with now and zone the decision also says whether the online date has passed. */
  now?: Instant;
  zone?: Zone;
}

export type ResultsVerdict = 'expected-online-by' | 'should-be-online' | 'test-date-in-future';

export interface ResultsDecision extends Decision<ResultsVerdict> {
  testDate: IsoDate;
  /** The detailed score report is emailed immediately after the appointment. */
  scoreReportEmailedOn: IsoDate;
  /** Results in myASE by this date in most cases: testDate + 3 days. */
  onlineBy: IsoDate;
  inMostCases: true;
  today: IsoDate | null;
}

export interface CertificateInput {
  testDate: IsoDate;
  /** true: approved; false: not yet approved; absent: unknown. */
  workExperienceApproved?: boolean;
}

export type CertificateVerdict =
  | 'expected-around'
  | 'expected-around-if-work-experience-approved'
  | 'delayed-until-work-experience-approved';

export interface CertificateDecision extends Decision<CertificateVerdict> {
  testDate: IsoDate;
  /** About testDate + 21 days; when delayed, the earliest it could be expected. */
  expectedAround: IsoDate;
  approximate: true;
  dependsOnWorkExperience: boolean;
}

// ---- expiry and recertification ------------------------------------------------------------

export interface ExpiryInput {
  passedOn: IsoDate;
  now: Instant;
  zone: Zone;
}

export type ExpiryVerdict = 'current' | 'expiring-soon' | 'expired' | 'passed-date-in-future';

export interface ExpiryDecision extends Decision<ExpiryVerdict> {
  passedOn: IsoDate;
  today: IsoDate;
  /** passedOn + 5 years (29 Feb -> 28 Feb). The first day the credential is no longer current. */
  expiresOn: IsoDate;
  /** The day before expiresOn: the last day the credential is current. */
  lastValidDay: IsoDate;
  /** Whole days from today to expiresOn; 0 or less once expired. */
  daysLeft: number;
  /** The bot setting used for 'expiring-soon' (not ASE policy). */
  expiringSoonDays: number;
}

export interface RecertInput {
  /** Date of the last pass or recertification in that area, when known. */
  certifiedOn?: IsoDate;
  /** Date of the recertification test; defaults to today in `zone`. */
  recertOn?: IsoDate;
  now: Instant;
  zone: Zone;
  previouslyCertified: boolean;
}

export type RecertVerdict =
  | 'eligible-early'
  | 'eligible-lapsed'
  | 'eligible'
  | 'not-previously-certified'
  | 'recert-before-certification';

export interface RecertDecision extends Decision<RecertVerdict> {
  eligible: boolean;
  recertOn: IsoDate;
  /** recertOn + 5 years, whatever the old expiry was; null when not eligible. */
  newExpiresOn: IsoDate | null;
  /** certifiedOn + 5 years, when certifiedOn is known. */
  oldExpiresOn: IsoDate | null;
  /** Days of validity left on the old credential at recertOn that are NOT carried over. */
  daysNotCarriedOver: number | null;
}

// ---- master status -------------------------------------------------------------------------

export interface HeldCertification {
  test: string;
  expiresOn: IsoDate;
}

export interface MasterInput {
  seriesId: string;
  certifications: HeldCertification[];
  now: Instant;
  zone: Zone;
}

export type MasterVerdict =
  | 'holds'
  | 'lapsed'
  | 'incomplete'
  | 'unknown-series'
  | 'no-master-defined';

export type RequiredTestStatus = 'current' | 'lapsed' | 'missing';

export interface RequiredTestState {
  test: string;
  status: RequiredTestStatus;
  expiresOn: IsoDate | null;
}

export interface MasterDecision extends Decision<MasterVerdict> {
  seriesId: string;
  holds: boolean;
  today: IsoDate;
  required: RequiredTestState[];
  current: string[];
  lapsed: string[];
  missing: string[];
  /** Earliest expiresOn among the required tests still current, or null. */
  earliestExpiry: { test: string; expiresOn: IsoDate } | null;
  /** Lapsed-only (nothing missing): recertification tests restore the status. */
  reinstatableByRecertification: boolean;
}

// ---- duplicates ----------------------------------------------------------------------------

export interface DuplicateInput {
  tests: string[];
}

export type DuplicateVerdict = 'priced' | 'priced-with-unknown' | 'nothing-to-price';

export interface DuplicateSeriesLine {
  seriesId: string;
  tests: string[];
}

export interface DuplicateDecision extends Decision<DuplicateVerdict> {
  series: DuplicateSeriesLine[];
  seriesCount: number;
  feePerSeriesUsd: number;
  totalUsd: number;
  /** Codes not in the catalogue, as given (trimmed). */
  unknown: string[];
}
