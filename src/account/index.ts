// The candidate account layer: one AccountService interface, an HTTP client for the real API and
// an embedded demo source, plus the website's signed-token identity check.
export * from './types.js';
export * from './errors.js';
export { CircuitBreaker, CircuitOpenError, type CircuitState, type CircuitBreakerOptions } from './circuitBreaker.js';
export { HttpAccountService, httpAccountDefaults, type HttpAccountServiceOptions, type AccountClientEvent } from './httpAccountService.js';
export {
  DemoAccountService,
  DemoDataError,
  DEMO_ACCOUNTS_FILE,
  loadDemoAccounts,
  parseDemoAccounts,
  type DemoAccountServiceOptions,
} from './demoAccountService.js';
export {
  createWebIdentityVerifier,
  verifyWebIdentityToken,
  WebIdentityError,
  type WebIdentity,
  type WebIdentityFailure,
  type WebIdentityOptions,
  type WebIdentityVerifier,
} from './webIdentity.js';
export { toRuleAppointment, purchaseOf, heldCertifications, latestResult } from './ruleFacts.js';
export {
  accountConfigFields,
  accountConfigProblems,
  createAccountService,
  createWebIdentityFromConfig,
  logAccountEvents,
  type AccountConfig,
} from './config.js';

/** A fresh idempotency key for one cancellation confirmation (store it in dialog state). */
export { randomUUID as newIdempotencyKey } from 'node:crypto';
