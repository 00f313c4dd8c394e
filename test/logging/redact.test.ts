import { describe, expect, it } from 'vitest';
import { redactBotText, redactText } from '../../src/logging/redact.js';

/** [what it is, the text, the personal data that must be gone, the marker that replaces it] */
type Masked = [what: string, text: string, secret: string, marker: string];

const ssns: Masked[] = [
  ['an SSN with dashes', 'my ssn is 123-45-6789', '123-45-6789', '[ssn]'],
  ['an SSN with spaces', 'SSN 123 45 6789 thanks', '123 45 6789', '[ssn]'],
  ['an SSN run together', 'social security number 123456789', '123456789', '[ssn]'],
  ['"last 4 is 1234"', 'the last 4 is 1234', '1234', '[ssn]'],
  ['"last four of my social: 6789"', 'last four of my social: 6789', '6789', '[ssn]'],
  ['"last 4 digits are 4321"', 'my last 4 digits are 4321', '4321', '[ssn]'],
  ['"ssn ends in 2468"', 'my ssn ends in 2468', '2468', '[ssn]'],
  ['four digits after a date of birth, sent without an ASE ID', '1980-04-04 0004', '0004', '[ssn]'],
  ['four digits before a date of birth', '0004, 4/4/1980', '0004', '[ssn]'],
];

const emails: Masked[] = [
  ['a plain email', 'email me at jane@example.com', 'jane@example.com', '[email]'],
  ['an email with dots, plus and a country domain', 'it is John.Doe+ase@shop-mail.co.uk ok', 'John.Doe+ase@shop-mail.co.uk', '[email]'],
  ['an email in capitals', 'JOHN_SMITH@EXAMPLE.ORG', 'JOHN_SMITH@EXAMPLE.ORG', '[email]'],
];

const phones: Masked[] = [
  ['a phone with dashes', 'call me at 555-123-4567', '555-123-4567', '[phone]'],
  ['a phone with parentheses', 'call me at (555) 123-4567', '123-4567', '[phone]'],
  ['a phone with dots', 'my cell is 555.123.4567', '555.123.4567', '[phone]'],
  ['a phone with +1 and spaces', 'reach me on +1 555 123 4567', '555 123 4567', '[phone]'],
  ['a phone with 1- in front', 'my number is 1-555-123-4567', '555-123-4567', '[phone]'],
  ['ten digits run together', 'text 5551234567 please', '5551234567', '[phone]'],
  ['+1 and parentheses', '+1 (555) 123-4567', '123-4567', '[phone]'],
];

const cards: Masked[] = [
  ['a card number in groups of four', 'my card ending 4111 1111 1111 1111 was charged twice', '4111 1111 1111 1111', '[card]'],
  ['a card number with dashes', 'card 5500-0000-0000-0004 please refund', '0000-0004', '[card]'],
  ['a card number run together', 'charged on 4012888888881881 twice', '4012888888881881', '[card]'],
];

const datesOfBirth: Masked[] = [
  ['a US numeric date', 'my dob is 3/14/1985', '3/14/1985', '[date]'],
  ['a two-digit-year numeric date', 'dob 03/14/85', '03/14/85', '[date]'],
  ['an ISO date', 'born 1985-03-14', '1985-03-14', '[date]'],
  ['a dotted date', 'born 14.03.1985', '14.03.1985', '[date]'],
  ['"March 14, 1985"', 'I was born March 14, 1985', 'March 14, 1985', '[date]'],
  ['"Mar. 14th 1985"', 'born Mar. 14th 1985', '14th 1985', '[date]'],
  ['"sept 3 1990"', 'dob: sept 3 1990', 'sept 3 1990', '[date]'],
  ['"January 5th, 1990"', 'birthday January 5th, 1990', 'January 5th, 1990', '[date]'],
];

// The module says it masks "14 March 1985" too; a day written before the month slips through today.
const dayFirstDates: Masked[] = [
  ['"14 March 1985"', 'born 14 March 1985', '14 March 1985', '[date]'],
  ['"5 January, 1990"', 'dob 5 January, 1990', '5 January, 1990', '[date]'],
];

describe('redactText masks personal data', () => {
  it.each([...ssns, ...emails, ...phones, ...cards, ...datesOfBirth])('%s: %j', (_what, text, secret, marker) => {
    const redacted = redactText(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain(marker);
  });

  it.each(dayFirstDates)('a date of birth written day-first, %s, is masked', (_what, text, secret, marker) => {
    const redacted = redactText(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain(marker);
  });

  it('masks every kind in one message and keeps the words around them', () => {
    const text = 'my SSN is 123-45-6789, email a.b@example.com, phone 555-123-4567, DOB Jan 2 1980';
    expect(redactText(text)).toBe('my SSN is [ssn], email [email], phone [phone], DOB [date]');
  });

  it('masking twice changes nothing more than masking once', () => {
    const text = 'ssn 123-45-6789 / jane@example.com / (555) 123-4567 / 3/14/1985 / last 4 is 1234';
    expect(redactText(redactText(text))).toBe(redactText(text));
  });
});

describe('redactText leaves ordinary text alone', () => {
  const kept: string[] = [
    'How do I reschedule my test?',
    'I failed A5 and T2 last week',
    'I passed A1 through A8 and G1, now L1',
    'is the X1 exhaust test hard',
    'EPA 609 wallet card',
    'I need to wait 30 days',
    'certificates cost $7.50 per series',
    'my test is in 3 days',
    'I took the test in 2019',
    'my ASE ID is 12345678',
    'my zip is 30301',
    "what's the passing score",
    '',
  ];

  it.each(kept)('%j stays exactly as written', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('redactBotText masks what the bot may have echoed, and keeps what staff need', () => {
  it('an SSN, a card number and an address are masked', () => {
    expect(redactBotText('I read 123-45-6789, 4111 1111 1111 1111 and pat@example.com')).toBe('I read [ssn], [card] and [email]');
  });

  it('the dates it worked out and the public phone numbers stay', () => {
    const text = 'You can buy A5 again on or after 4/3/2025. Call Prometric at 877-346-9327 or ASE at 1-800-390-6789.';
    expect(redactBotText(text)).toBe(text);
  });
});
