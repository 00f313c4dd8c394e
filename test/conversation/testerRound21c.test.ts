import { all, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-first usability round (ut21, part c): conversations played against `npm start` by a
// tester who never saw the code. Each finding is written here as the rule it broke. The clock is the
// tester's: Monday, December 7, 2026, noon in New York.

// Finding 1: asked whether they are still a Master Technician, a candidate who "took" a test on a
// day tells when it was certified, as "passed" does: a test taken and failed certifies nothing. Five
// years on it lapses: certified five years ago yesterday or today is lapsed, tomorrow still current.
const tookIsCertified: Transcript[] = [
  ['"I took A1 on June 5 2022" at the Master question is current until June 5, 2027, never lapsed', [
    ['am I still a master tech?', 'Tell me which of the series'],
    ['I took A1 on June 5 2022', all('A1: current until Saturday, June 5, 2027', not('lapsed'), not('suspended'))],
  ]],
  ['"I took A1 in 2023" is current until 2028', [
    ['am I still a master tech?', 'Tell me which of the series'],
    ['I took A1 in 2023', all('A1: current until 2028', not('suspended'))],
  ]],
  ['"did", "wrote", "sat" and "tested" a test on a day are the same', [
    ['am I still a master tech?', 'Tell me which of the series'],
    ['I did A1 on June 5 2022', all('current until Saturday, June 5, 2027', not('suspended'))],
    ['I wrote A2 on June 5 2022', all('current until Saturday, June 5, 2027', not('suspended'))],
    ['I sat A3 in June 2022', all('current until June 2027', not('suspended'))],
    ['I tested for A4 on June 5 2022', all('current until Saturday, June 5, 2027', not('suspended'))],
  ]],
  ['"took my A1 test on" is the day it was certified, not an appointment', [
    ['am I still a master tech?', 'Tell me which of the series'],
    ['I took my A1 test on June 5 2022', all('A1: current until Saturday, June 5, 2027', not('suspended'))],
  ]],
  ['in one message: "am I still a master tech? I took A1 on June 5 2022"', [
    ['am I still a master tech? I took A1 on June 5 2022', all('A1: current until Saturday, June 5, 2027', not('suspended'))],
  ]],
  ['taken five years ago tomorrow: still current, until tomorrow', [
    ['am I still a master tech?', 'Tell me which of the series'],
    ['I took A1 on December 8 2021', all('A1: current until Tuesday, December 8, 2026', not('suspended'))],
  ]],
  ['taken five years ago today: lapsed today', [
    ['am I still a master tech?', 'Tell me which of the series'],
    ['I took A1 on December 7 2021', 'A1 lapsed, so Master Automobile Technician status is suspended'],
  ]],
  ['taken five years ago yesterday: lapsed', [
    ['am I still a master tech?', 'Tell me which of the series'],
    ['I took A1 on December 6 2021', 'A1 lapsed, so Master Automobile Technician status is suspended'],
  ]],
  ['"passed" reads as before', [
    ['am I still a master tech?', 'Tell me which of the series'],
    ['I passed A1 on June 5 2022', 'A1: current until Saturday, June 5, 2027'],
  ]],
  ['in Spanish, "tomé el A1 el 5 de junio de 2022" is current too', [
    ['soy tecnico maestro todavia?', 'Técnico Maestro'],
    ['tomé el A1 el 5 de junio de 2022', all(/A1: vigente hasta s[aá]bado, 5 de junio de 2027/, not('suspendido'))],
  ]],
  ['a failed test is still a failure: "I took A5 on November 20 and failed" is the retest', [
    ['I took A5 on November 20 and failed, when can I retake it?', all('You can buy A5 again on or after Monday, December 21, 2026', not('Master'))],
  ]],
];

// Finding 2: "when does the new one expire" after a recertification answer is the recertification's
// new expiry: five years from the recertification date (DESIGN.md), no credit for time left. Without a
// date, the rule (never the Master answer, on "one" of "one or more"); with the pass date already given,
// worked out from it.
const theNewExpiry: Transcript[] = [
  ['"when does the new one expire then" after "can I recertify early?" is the new expiry rule, not Master status', [
    ['can I recertify early?', 'Yes, you may recertify early'],
    ['when does the new one expire then', all('the new expiration date is five years from the date of your recertification', not('Master'))],
  ]],
  ['"if I recertify now when does the new one expire?" after the expiry of A1 passed June 5 2022 is worked out: December 7, 2031', [
    ['I passed A1 on June 5 2022, when does it expire?', all('Your A1 certification expires on Saturday, June 5, 2027', 'If you recertify today, the new expiry is')],
    ['if I recertify now when does the new one expire?', all(/^If you recertify today, the new expiry is \w+, December 7, 2031\./, 'The 180 days left on the current certification would not be carried over', not('Take the Recertification Test once'))],
  ]],
  ['"when does the new one expire" with a day to recertify on is worked out from that day', [
    ['I passed A1 on June 5 2022, when does it expire?', 'Your A1 certification expires on Saturday, June 5, 2027'],
    ['what if I recertify on March 1 2027, when does the new one expire?', all(/If you recertify on Monday, March 1, 2027, the new expiry is \w+, March 1, 2032\./, not('2027-03-01'), not('Take the Recertification Test once'))],
  ]],
  ['"if I recertify now do I lose master?" after the expiry answer is no new expiry', [
    ['I passed A1 on June 5 2022, when does it expire?', 'Your A1 certification expires on Saturday, June 5, 2027'],
    ['if I recertify now do I lose master?', not(/^If you recertify today, the new expiry/)],
  ]],
];

// Finding 3: told A6 lapsed, "can I take just A6 or do I need all 8 again" is answered from that fact:
// just A6, by its recertification test (source: Master status "can be reinstated by taking and passing
// the Recertification Tests"), never "Which tests have expired?" again.
const justTheLapsedOne: Transcript[] = [
  ['"can I take just A6 or do I need all 8 again" after "my A6 expired in March" is just A6', [
    ['I have a master tech cert but my A6 expired in March, am I still a master?', 'A6 lapsed, so Master Automobile Technician status is suspended'],
    ['can I take just A6 or do I need all 8 again', all('Just A6: pass the recertification test for A6', "You don't need to take all the tests again", not('Which of the'), not('Tell me which'))],
  ]],
  ['"do I have to retake everything?" after two lapsed tests is just those two', [
    ['am I still a master tech? A3 and A6 expired', 'A3 and A6 lapsed'],
    ['do I have to retake everything?', all('Just A3 and A6: pass the recertification tests for A3 and A6', not('Which of the'))],
  ]],
  ['in Spanish, "¿solo el A6 o todos otra vez?" after "se me venció el A6" is just A6', [
    ['soy tecnico maestro pero se me venció el A6', /A6 venci[oó]/],
    ['¿solo el A6 o todos otra vez?', all(/^Solo A6: apruebe el examen de recertificaci[oó]n de A6/, not(/Cu[aá]les/))],
  ]],
];

// Finding 4: "and my master tech certificate too" after the price of A1 and A4 duplicates is that
// series' Master certificate: said so, and on the same $7.50 series fee (DESIGN.md: $7.50 per test
// series, not per test), never silently the same answer.
const theMasterCertificateToo: Transcript[] = [
  ['"and my master tech certificate too" after A1 and A4 is the Master Automobile certificate, still $7.50', [
    ['I need duplicate certificates for A1 and A4', 'That comes to $7.50: one test series at $7.50.'],
    ['and my master tech certificate too', all('Added the Master Automobile Technician certificate', 'That comes to $7.50: one test series at $7.50.', 'The Master Automobile Technician certificate is of the Automobile & Light Truck series', not('Master status'))],
  ]],
  ['the same at the duplicate question, after "A1 and A4"', [
    ['how do I get a duplicate certificate?', 'Tell me which test series you need duplicates for'],
    ['A1 and A4', 'That comes to $7.50'],
    ['and my master tech certificate too', all('That comes to $7.50: one test series at $7.50.', 'Master Automobile Technician certificate is of the')],
  ]],
  // (session es-conv: one Master certificate is one, of one of the two series; it was said back as both series' Masters)
  ['after A1 and T2, "and my master certificate too" is one Master certificate of one of the two series, still two series at $7.50 each', [
    ['I need duplicate certificates for A1 and T2', 'That comes to $15.00: 2 test series at $7.50 each.'],
    ['and my master certificate too', all('Added a Master Technician certificate', 'That comes to $15.00', 'A Master Technician certificate is of its own series (Automobile & Light Truck or Medium/Heavy Truck)', not('Master Medium/Heavy Truck Technician certificate is of the'))],
  ]],
  ['after A1 and T2, "and both master certificates too" is each series\' Master', [
    ['I need duplicate certificates for A1 and T2', 'That comes to $15.00: 2 test series at $7.50 each.'],
    ['and both master certificates too', all('That comes to $15.00', 'Master Automobile Technician certificate is of the', 'Master Medium/Heavy Truck Technician certificate is of the')],
  ]],
];

transcriptTables([
  ['a test taken on a day is certified that day (finding 1)', tookIsCertified],
  ['the new expiry after recertifying (finding 2)', theNewExpiry],
  ['just the lapsed tests, by recertification (finding 3)', justTheLapsedOne],
  ['the Master certificate with the duplicates (finding 4)', theMasterCertificateToo],
], { now: new Date('2026-12-07T17:00:00Z') });
