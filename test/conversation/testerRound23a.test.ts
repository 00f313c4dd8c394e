import { all, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-third usability round (part a): conversations played against `npm start` by a tester
// who never saw the code, each finding written as the rule it broke. The clock is the tester's:
// Monday, December 7, 2026, noon in New York.
const testersClock = new Date('2026-12-07T17:00:00Z');

// Finding 1: "am I master now? and when do i need to recert" with the pass year given: the two
// answers in the order asked, Master first (what makes it, and that a year alone can't say whether
// it still holds), then the recertification worked out from the year by the rules (2021 + five years
// is 2026, expired or not by today's date), and nobody asked which tests expired.
const masterThenRecertWithAYear: Transcript[] = [
  ['master and recert asked with the pass year are answered in the order asked from that year', [
    ['I passed A1 through A8 in 2021, am I master now? and when do i need to recert', all(
      /^Passing A1-A8, with the work experience requirement met, makes you a Master Automobile Technician/,
      "Knowing only that you passed them in 2021, I can't tell whether they all still are",
      /Take the Recertification Test once five years have passed[\s\S]*a test passed in 2021 expires in 2026: one passed on or before Tuesday, December 7, 2021 has already expired/,
      'Which month of 2021?',
      not('Which of the Master Automobile Technician tests have expired'),
    )],
    ['March', all('lapsed in March 2026', not('Master'))],
  ]],
  ['the master question alone with a pass year says what makes it and what the year cannot tell', [
    ['I passed A1 through A8 in 2021, am I master now?', all(/^Passing A1-A8/, "I can't tell whether they all still are", not('Which of the'))],
  ]],
  ['a recert question with a pass year says what the year settles before asking the month', [
    ['I passed A1 in 2021, when do i need to recert', all('a test passed in 2021 expires in 2026', /already expired[\s\S]*Which month of 2021\?/)],
  ]],
  ['a task asked first keeps its answer first when another question follows', [
    ['how long is a cert good for and how much is a duplicate for auto', all(/^A passed test counts for five years[\s\S]*\$7\.50/)],
  ]],
];

// Finding 2: results not come, the candidate worried: the results answer (emailed right after the
// test, myASE within three days) and who to contact, never "Did you mean".
const resultsLate: Transcript[] = [
  ['a worried "still no results, is something wrong?" gets when results come and who to contact', [
    ['still no results, is something wrong?', all(/^Your score report is emailed right after you finish your appointment/, 'within three days', 'ASE Customer Service', '1-800-390-6789', not('Did you mean'))],
  ]],
  ['"i havent got my score yet" gets the same', [
    ['i havent got my score yet', all('score report is emailed', '1-800-390-6789', not('Did you mean'))],
  ]],
  ['"its been a week and no results" gets the same', [
    ['its been a week and no results', all('within three days', '1-800-390-6789', not('Did you mean'))],
  ]],
];

// Finding 3: how long results count is the five-year validity of a certification, not when they arrive.
const resultsValidity: Transcript[] = [
  ['"how long are results valid" is answered with the five-year validity, not the results timing', [
    ['how long are results valid', all(/^A passed test counts for five years/, 'Recertification Test', not('score report is emailed'))],
  ]],
];

// Finding 4: "should I register first" right after the ADA answer asks that answer's own point:
// wait for approval before registering or scheduling, never the registration answer afresh.
const orderAfterAnAnswer: Transcript[] = [
  ['"should I register first" after the ADA answer is told to wait for approval', [
    ['how do I apply for ADA accommodations', 'ADA Request Form'],
    ['should I register first', all(/Please do not register or schedule an appointment until ASE has evaluated and approved your request\./, not('Did you mean'), not('Tell me the date you bought'))],
  ]],
  ['"do i register first or wait" the same', [
    ['ada accommodations', 'ADA Request Form'],
    ['do i register first or wait', all('until ASE has evaluated and approved', not('90 days'))],
  ]],
  ['with no answer before it, "should I register first" is no question about one', [
    ['should I register first', not('As in my last answer')],
  ]],
];

// Finding 5: a shop owner ordering tests for several technicians falls into the employer gap, whose
// reply now says what the source does say about ordering (bought in a myASE account, a registration
// fee per order) besides that it has nothing on employers, and who can tell more.
const shopRegistersItsTechs: Transcript[] = [
  ['a shop buying tests for all its techs is told honestly what the source says about ordering', [
    ['my shop wants to buy tests for all the techs', all("I don't have details on employers or shops paying for tests", 'a registration fee is charged per order in addition to the test fee', '1-800-390-6789', not('Did you mean'))],
  ]],
  ['"how do i register for an ase test" keeps the registration answer', [
    ['how do i register for an ase test', all(/^You buy and schedule tests in your myASE account/, not("I don't have details"))],
  ]],
];

transcriptTables([
  ['master and recertification asked with a pass year, in the order asked (finding 1)', masterThenRecertWithAYear],
  ['results late, the candidate worried (finding 2)', resultsLate],
  ['how long results are valid (finding 3)', resultsValidity],
  ['which comes first, asked of the last answer (finding 4)', orderAfterAnAnswer],
  ['a shop registering its technicians (finding 5)', shopRegistersItsTechs],
], { now: testersClock });
