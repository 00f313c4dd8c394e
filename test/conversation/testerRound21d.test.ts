import { all, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-first usability round (ut21, part d): conversations played against `npm start` by a
// tester who never saw the code. Each finding is written here as the rule it broke, in the tester's
// words. The clock is the tester's: Monday, December 7, 2026, noon in New York.

// Finding 1: a refund asked beside the facts of a purchase is answered (the source's Cancel Test, and
// its refund for a purchased test), with the last day of the window; never the window alone.
const refundWithPurchase: Transcript[] = [
  ['"I bought A7 on Sept 20 and never scheduled it, can I get my money back?" is the refund and the window', [
    ['I bought A7 on Sept 20 and never scheduled it, can I get my money back?',
      all('You have until Saturday, December 19, 2026', 'Cancel Test option in myASE', 'You can only cancel a test and receive a refund for a test that you purchased', not('Tell me the date of your appointment'))],
  ]],
  ['an expired purchase with a refund asked is no refund', [
    ['I bought my test on August 1 and never booked it, can I get a refund?', all('It expired after', /No: the untaken test has expired and all fees are forfeited/)],
  ]],
  ['a change asked with a refund says the refund once', [
    ['need to cancel my appt on 12/20, can i get a refund', all('Cancel Test', not(/refund[\s\S]*refund[\s\S]*refund/))],
  ]],
];

// Finding 2: with no appointment, a refund is the Cancel Test option, and no appointment is asked for.
const noAppointment: Transcript[] = [
  ['"I never scheduled my test, can I get a refund?" is Cancel Test, and asks for no appointment date', [
    ['I never scheduled my test, can I get a refund?',
      all(/^With no appointment booked, cancel the test itself with Cancel Test in myASE .*to get a refund/, 'within 90 days', not('Tell me the date of your appointment'), not('within three days of your scheduled appointment'))],
  ]],
  ['"how do I cancel my test?" is still the cancel answer', [
    ['how do i cancel my test', all('cancel its appointment first', not('With no appointment booked'))],
  ]],
];

// Finding 6: an appointment told as past can't be changed now, and a missed one is a No Show; the date
// given is never asked for again.
const pastAppointment: Transcript[] = [
  ['"my test was yesterday, can I reschedule it?" is too late, and the No Show path', [
    ['my test was yesterday, can I reschedule it?',
      all("That appointment has already passed, so it can't be changed or cancelled now", 'scored as No Show', 'once the No Show result is posted', not('What date is the appointment'))],
    ['can i get a refund?', /^No: there are no refunds for a missed appointment/],
  ]],
];

// Finding 7: SMS shorthand: "chnge" is change and "fri", "thurs" are weekdays, so the task
// starts with the day, and a time next keeps it.
const smsShorthand: Transcript[] = [
  ['"my test is fri can i chnge it", then "8am": Friday at 8', [
    ['my test is fri can i chnge it', all('Friday, December 11, 2026: got it.', not('Did you mean'))],
    ['8am', all('Friday, December 11, 2026 at 8:00 AM', not('What day is the appointment'))],
  ]],
  ['a day given in a message that ended in "Did you mean" is kept: "8am" next is Friday at 8', [
    ['my test is fri can i go on a different day', 'Did you mean'],
    ['8am', all('Friday, December 11, 2026 at 8:00 AM', not('What day is the appointment'))],
  ]],
  ['"my test is sat can i chnge it" is Saturday, never the SAT exam', [
    ['my test is sat can i chnge it', all('Saturday, December 12, 2026: got it.', not('organisation concerned'))],
  ]],
  ['"is the SAT test available in spanish" is still someone else\'s test', [
    ['is the SAT test available in spanish', 'organisation concerned'],
  ]],
  ['"my exam is thurs can i chnge it" is Thursday, December 10', [
    ['my exam is thurs can i chnge it', all('Thursday, December 10, 2026', not('Did you mean'))],
  ]],
];

// Finding 3: an unscheduled test that expired is no refund, and buying it again is a new purchase,
// never "a fee for changing an appointment".
const expiredUnscheduled: Transcript[] = [
  ['"can I get a refund?" after "it expired" is no: the fees are forfeited; "what if I just buy it again" is yes, pay again', [
    ['I forgot to schedule my test and I bought it back in August', 'It has expired'],
    ['August 15', 'It expired after Friday, November 13, 2026'],
    ['can I get a refund?', all(/^No: the untaken test has expired and all fees are forfeited/, not('Tell me the date of your appointment'), not('a test you purchased is refunded'))],
    ['what if I just buy it again', all(/^Yes: register for the test again/, 'registration fee and test fee again', not('fee for changing an appointment'))],
  ]],
];

// Finding 4: after a missed test, rebooking is buying it again (never the change fee), and there is
// no refund (never the cancel answer).
const afterANoShow: Transcript[] = [
  ['"how much will it cost to rebook" after a posted No Show is buying it again; "can i get a refund?" is no', [
    ['I missed my A1 test on Friday', 'Has the No Show result been posted'],
    ["yes it's posted", 'Then you can buy the test again now'],
    ['how much will it cost to rebook', all('registration fee and the test fee again', 'ase.com', not('fee for changing an appointment'), not('Tell me the date of your appointment'))],
    ['can i get a refund?', all(/^No: there are no refunds for a missed appointment/, not('a test you purchased is refunded'))],
  ]],
  ['"can i get a refund?" right after the No Show answer is no', [
    ['I missed my A1 test on Friday', 'Has the No Show result been posted'],
    ['no', 'Then wait until the No Show result appears'],
    ['can i get a refund?', all(/^No: there are no refunds for a missed appointment/, not('Cancel Test'))],
  ]],
];

// Finding 5: "what happens if it expires?" after the purchase window is the expiry rule, not a No Show.
const ifItExpires: Transcript[] = [
  ['"what happens if it expires?" after "you have until ..." is the 90-day rule', [
    ['I bought a test on October 1', 'You have until Wednesday, December 30, 2026'],
    ['what happens if it expires?', all(/^If it isn't scheduled and taken within 90 days of purchase/, 'all fees are forfeited', 'register and pay the registration fee and test fee again', not('No Show'))],
  ]],
];

transcriptTables([
  ['a refund asked beside a purchase (finding 1)', refundWithPurchase],
  ['a refund with no appointment (finding 2)', noAppointment],
  ['an appointment gone by (finding 6)', pastAppointment],
  ['SMS shorthand for a day and a change (finding 7)', smsShorthand],
  ['an expired unscheduled test: no refund, buy it again (finding 3)', expiredUnscheduled],
  ['after a missed test: rebooking is rebuying, no refund (finding 4)', afterANoShow],
  ['what an expiry does, asked while the window is open (finding 5)', ifItExpires],
], { now: new Date('2026-12-07T17:00:00Z') });
