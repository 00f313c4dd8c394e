/** Phone numbers as keys and in logs. */

/** One spelling per number: spaces, dots, dashes and brackets removed ("+1 (555) 010-2030" -> "+15550102030"). */
export const normaliseNumber = (id: string): string => id.trim().replace(/[\s().-]/g, '').toLowerCase();

/**
 * A number fit for a log line: country code and the last two digits, the rest masked
 * ("+15550102030" -> "+1*******30"). Anything that is not a phone number is masked whole.
 */
export function maskNumber(id: string | undefined): string {
  const number = normaliseNumber(id ?? '');
  const match = /^(\+1|\+\d{2})?(\d+)(\d{2})$/.exec(number);
  if (!match || (match[2] ?? '').length < 4) return '[number]';
  return `${match[1] ?? ''}${'*'.repeat((match[2] ?? '').length)}${match[3]}`;
}

