import { all, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-second usability round (ut22, part f): conversations played against `npm start` by a
// tester who never saw the code. Each finding is written here as the rule it broke. The clock is the
// tester's: Monday, December 7, 2026, noon in New York.

// Finding 1: "I recertified A4 today" is the date A4 was last certified, as "passed" is ("renewed",
// "recerted" too), never a recertification still planned: it expires five years on, on Sunday,
// December 7, 2031, and recertifying today again is not offered as news.
const recertifiedIsCertified: Transcript[] = [
  ['"I recertified A4 today, when does it expire?" expires December 7, 2031, no date asked', [
    ['I recertified A4 today, when does it expire?', all('Your A4 certification expires on Sunday, December 7, 2031', not('When did you pass'), not('If you recertify today'))],
  ]],
  ['"I recertified it today" at the pass question answers it', [
    ['when does A4 expire?', 'When did you pass A4'],
    ['I recertified it today', all('Your A4 certification expires on Sunday, December 7, 2031', not('When did you pass'))],
  ]],
  ['"renewed" and "recerted" on a day are the same', [
    ['I renewed A4 on December 7 2026, when does it expire?', 'expires on Sunday, December 7, 2031'],
    ['I recerted A1 on March 3 2024, when does it expire?', 'Your A1 certification expires on Saturday, March 3, 2029'],
  ]],
  ['recertified five years ago today has expired; tomorrow, still current', [
    ['I recertified A4 on December 7 2021, when does it expire?', all('Your A4 certification lapsed on Monday, December 7, 2026', not('expires on'))],
    ['I recertified A5 on December 8 2021, when does it expire?', 'Your A5 certification expires on Tuesday, December 8, 2026'],
  ]],
  ['a recertification planned ahead is still the plan: "if I recertify on March 1 2027"', [
    ['I passed A1 on June 5 2022, when does it expire?', 'Your A1 certification expires on Saturday, June 5, 2027'],
    ['what if I recertify on March 1 2027, when does the new one expire?', /If you recertify on Monday, March 1, 2027, the new expiry is \w+, March 1, 2032\./],
  ]],
];

// Finding 2: a "no" to "Anything else I can help with?" closes the conversation with the goodbye,
// never the same question again; a "yes" to it asks for the question. A bare "yes" or "no" before
// anything was said asks what the candidate needs.
const noToAnythingElse: Transcript[] = [
  ['"thanks", then "no": goodbye', [
    ['thanks', "You're welcome! Anything else I can help with?"],
    ['no', all('Goodbye, and good luck with your tests!', not('Anything else'))],
  ]],
  ['"no thanks" and "nope" close it too', [
    ['thanks', 'Anything else I can help with?'],
    ['no thanks', all('Goodbye', not('Anything else'))],
  ]],
  ['after an offer left with "ok" and "no": "Anything else?", then "nope" is goodbye', [
    ['when can I retake a test?', 'You must wait 30 full days'],
    ['ok', 'Whenever you\'re ready'],
    ['no', 'Anything else I can help with?'],
    ['nope', all('Goodbye', not('Anything else'))],
  ]],
  ['"yes" to it: go ahead', [
    ['thanks', 'Anything else I can help with?'],
    ['yes', all("what's your question?", not('Anything else'))],
  ]],
  ['a bare "no" as the first message asks what the candidate needs', [
    ['no', all('What can I help you with?', not('Anything else'))],
  ]],
  ['a bare "yes" as the first message too', [
    ['yes', all('What can I help you with?', not('Anything else'))],
  ]],
];

// Finding 3: "ok what time do i need to do it by", "by when?", "what's the deadline?" right after a
// change (or a purchase window) was worked out asks for the deadline just given: that sentence again,
// from the last answer, never the general FAQ. With no deadline left, the answer's own No.
const theDeadlineAgain: Transcript[] = [
  ['after a correction to Dec 19, "ok what time do i need to do it by" is Wednesday, December 16 at 9:00 AM', [
    ["can I move my test? it's on December 15 at 9am", 'Do it before Saturday, December 12, 2026 at 9:00 AM'],
    ['sorry I meant Dec 19', 'Do it before Wednesday, December 16, 2026 at 9:00 AM'],
    ['ok what time do i need to do it by', all('Do it before Wednesday, December 16, 2026 at 9:00 AM', not('Source'), not('December 12'))],
    ['by when?', all('Do it before Wednesday, December 16, 2026 at 9:00 AM', not('Source'))],
    ["what's the deadline?", all('Do it before Wednesday, December 16, 2026 at 9:00 AM', not('time-zone'))],
  ]],
  ['too late to change: "by when?" is that answer\'s No, not "You can, as long as ..."', [
    ["can I move my test? it's on December 9 at 9am", 'it can no longer be changed'],
    ['by when?', all('it can no longer be changed', not('You can, as long as'))],
  ]],
  ['after a purchase window, "what\'s the deadline?" is its last day', [
    ['I bought A1 on November 20, how long do I have to schedule it?', 'You have until Thursday, February 18, 2027'],
    ["what's the deadline?", all('You have until Thursday, February 18, 2027', not('time-zone'))],
  ]],
  ['in Spanish, "¿hasta cuándo?" after a change is its deadline', [
    ['puedo cambiar mi cita? es el 15 de diciembre a las 9am', /H[aá]galo antes del s[aá]bado, 12 de diciembre de 2026/],
    ['¿hasta cuándo?', /H[aá]galo antes del s[aá]bado, 12 de diciembre de 2026/],
  ]],
  ['with no task answered, "what\'s the deadline?" is still the FAQ\'s', [
    ['how do I reschedule?', 'cancel the existing appointment'],
    ["what's the deadline?", not('As in my last answer')],
  ]],
];

transcriptTables([
  ['recertified on a day is certified that day (finding 1)', recertifiedIsCertified],
  ['a no to "Anything else?" is goodbye (finding 2)', noToAnythingElse],
  ['the deadline just worked out, asked again (finding 3)', theDeadlineAgain],
], { now: new Date('2026-12-07T17:00:00Z') });
