// The pure policy rules: facts + now + zone in, decision out. No I/O, no clock.
export * from './types.js';
export { RuleInputError } from './errors.js';
export { addDays, addYears, daysBetween, todayIn } from './dates.js';
export { findSeries, findTest, normaliseCode } from './catalogue.js';
export { purchaseWindow, purchaseLastDay } from './purchase.js';
export { changeEligibility, earliestChangeableStart } from './appointments.js';
export { refundEligibility } from './refund.js';
export { noShow } from './noShow.js';
export { retestDate } from './retest.js';
export { resultsTiming, certificateTiming } from './results.js';
export { certificationExpiry, recertification, expiryOf, isCurrentOn, lastLapsedPassDay } from './certification.js';
export { masterStatus } from './master.js';
export { duplicateCost } from './duplicates.js';
