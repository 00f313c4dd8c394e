/**
 * Masks personal data in free text before it reaches a log line or a transcript shown to staff.
 * Deliberately greedy: a masked appointment date costs nothing, a leaked date of birth does.
 */
const emails: [RegExp, string] = [/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, '[email]'];
// Payment card numbers (13 to 19 digits, in groups or run together): before the SSN and phone
// patterns, which would mask pieces of one and leave the rest.
const cards: [RegExp, string] = [/\b\d(?:[ -]?\d){12,18}\b/g, '[card]'];
// SSN in full (123-45-6789, 123 45 6789, 123456789)
const ssns: [RegExp, string] = [/\b\d{3}[- ]?\d{2}[- ]?\d{4}\b/g, '[ssn]'];

const patterns: Array<[RegExp, string]> = [
  emails,
  cards,
  ssns,
  // North American phone numbers, with or without country code and punctuation
  [/(?:\+?1[-. ]?)?\(?\b\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}\b/g, '[phone]'],
  // Dates written with numbers: 3/14/1985, 1985-03-14, 14.03.1985
  [/\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/g, '[date]'],
  // Dates written with a month name: March 14, 1985 / 14 March 1985
  [
    /\b(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/gi,
    '[date]',
  ],
  // Day first: 14 March 1985 / 5 January, 1990
  [
    /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b/gi,
    '[date]',
  ],
  // "last four 1234", "ssn 1234": four digits near an SSN word
  [/\b(ssn|social|last\s*(?:4|four))([^\d]{0,20})\d{4}\b/gi, '$1$2[ssn]'],
  // "1980-04-04 0004", "0004, 4/4/1980": four digits beside a date already masked are the SSN digits
  // sent with a date of birth (sign-in details without the ASE ID)
  [/(\[date\][,;\s]+)\d{4}\b/g, '$1[ssn]'],
  [/\b\d{4}([,;\s]+\[date\])/g, '[ssn]$1'],
];

const DIGIT = /\d/;

/**
 * Runs the patterns that can match: an address needs an '@', everything else a digit. Most lines
 * have neither, and the address pattern is slow on the bot's long answers.
 */
function mask(text: string, rows: Array<[RegExp, string]>): string {
  const hasAt = text.includes('@');
  const hasDigit = DIGIT.test(text);
  if (!hasAt && !hasDigit) return text;
  let out = text;
  for (const [pattern, replacement] of rows) {
    if (pattern === emails[0] ? hasAt : hasDigit) out = out.replace(pattern, replacement);
  }
  return out;
}

export function redactText(text: string): string {
  return mask(text, patterns);
}

const botPatterns = [emails, cards, ssns];

/**
 * The bot's own words, for staff: dates it worked out and the public phone numbers it gives are what
 * staff need to see; only an address, a card number or an SSN it may have echoed is masked.
 */
export function redactBotText(text: string): string {
  return mask(text, botPatterns);
}

/**
 * A conversation id fit for a log line. On SMS the id is the candidate's phone number, so any run of
 * seven or more digits keeps only its last two (enough to tell conversations apart when debugging).
 */
export function loggableConversationId(id: string | undefined): string {
  return (id ?? '').replace(/\+?\d[\d\s().-]{5,}\d/g, (number) => {
    const digits = number.replace(/\D/g, '');
    return digits.length >= 7 ? `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}` : number;
  });
}
