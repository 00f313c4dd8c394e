import { all, demo2, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-fifth usability round (ut25, part b): conversations played against `npm start` by a
// tester who never saw the code. Each finding is written here as the rule it broke. The clock is the
// tester's: Monday, December 7, 2026, noon in New York.
const testersClock = new Date('2026-12-07T17:00:00Z');

// Finding 1: sign-in details sent with the request to sign in ("sign in <details>", "Sign in pls,
// <details>") sign in and say nothing more: the words around the details are no question (they were
// read as the insignia entry).
const signInWithEverything: Transcript[] = [
  ['"sign in <details>" signs in and answers nothing else', [
    [`sign in ${demo2}`, all('signed in', not('insignia'))],
  ]],
  ['"Sign in pls, <details>" with the date in words signs in and answers nothing else', [
    ['Sign in pls, DEMO-0001 jan 1 1980 0001', all('signed in', not('insignia'))],
  ]],
  ['"sign in <details>, when is my next test?" still answers the question asked beside them', [
    [`sign in ${demo2}, when is my next appointment?`, all('signed in', 'appointment', not('insignia'))],
  ]],
];

// Finding 2: a series named is the whole series, never one test of it: "auto + truck + parts" is three
// series ($22.50; "+" ends a name, so "truck + parts" is not the Truck Parts test), and "parts
// specialist" is the Parts Specialist series though it is P2's name too.
const seriesNamed: Transcript[] = [
  ['"auto + truck + parts" after the duplicate price is three series', [
    ['hi how much 4 a duplicate cert', '$7.50'],
    ['i need auto + truck + parts', all('$22.50', '3 test series', not('P1'))],
  ]],
];
const seriesNamedSpanish: Transcript[] = [
  ['"y también de parts specialist" adds the Parts Specialist series, not P2', [
    ['necesito duplicados de mis certificados de auto y de camion pesado, cuanto cuesta', '$15.00'],
    ['y tambien de parts specialist', all('$22.50', '3 series', not('P2'))],
  ]],
];

transcriptTables([
  ['sign-in details with the request to sign in are no question (finding 1)', signInWithEverything],
  ['a series named is the whole series (finding 2)', seriesNamed, ['sms']],
  ['a series named is the whole series, in Spanish too (finding 2)', seriesNamedSpanish],
], { now: testersClock });
