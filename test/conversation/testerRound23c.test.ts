import { all, not, transcriptTables, type Transcript } from './suite.js';

// The twenty-third usability round (ut23, part c): conversations played against `npm start` by a
// tester who never saw the code. Each finding is written here as the rule it broke. The clock is the
// tester's: Monday, December 7, 2026, noon in New York.
const testersClock = new Date('2026-12-07T17:00:00Z');

// Finding 1: a look-alike cue (a hospital, a doctor's note) never outweighs the candidate's own
// missed test said in so many words: the missed-appointment answer (No Show, no refund), not "I can
// only help with ASE certification tests".
const missedWithAReason: Transcript[] = [
  ['"I missed my test because I was sick, can I get a refund with a doctor\'s note?" is the missed-appointment answer', [
    ["I missed my test because I was sick, can I get a refund with a doctor's note?", all("There's no refund for a missed appointment", 'No Show', not('I can only help with ASE certification tests'))],
  ]],
  ['"my kid was in the hospital and i missed my exam" is the missed-appointment answer', [
    ['my kid was in the hospital and i missed my exam', all('No Show', not('I can only help with ASE certification tests'))],
  ]],
  ['"can I get a refund with a doctor\'s note?" is the illness gap, not another body\'s paperwork', [
    ["can I get a refund with a doctor's note?", all('exceptions for illness', not('I can only help with ASE certification tests'))],
  ]],
  ['"reschedule my dentist appointment" is still somebody else\'s', [
    ['reschedule my dentist appointment', 'I can only help with ASE certification tests'],
  ]],
];

// Finding 2: a follow-up carries the last answer only into a question that belongs to it. A known
// gap on its own subject word ("salary") stays the gap after another answer; declining what was
// offered ("no its fine") is no question; "how do i get the blue seal" asks how it is earned (pass a
// test and meet the work experience requirement), not where the candidate's own certificate is.
const noStickyContext: Transcript[] = [
  ['"what is the salary of a master tech" after the advanced-tests answer is still the careers gap', [
    ['whats the difference between A1 and A8', /./],
    ['what is the salary of a master tech', all("That's outside what I can answer", not('L1, L2, L3'))],
  ]],
  ['"no its fine" after "can someone call me?" is an acknowledgement, not the Terms and Conditions', [
    ['can someone call me?', "I can't place a phone call"],
    ['no its fine', all('Anything else I can help with?', not('Terms and Conditions'))],
  ]],
  ['"how do i get the blue seal" says how it is earned, never "that\'s in your ASE account"', [
    ['how do i get the blue seal', all('pass one or more tests and fulfill the work experience requirement', not("That's in your ASE account"))],
  ]],
];

// Finding 3: "ok back to my question" after a question asked in between (whose answer offered a task
// of its own) goes back to the task the candidate asked first, and a date next is that task's.
const backToTheFirstQuestion: Transcript[] = [
  ['"ok back to my question" after the results detour goes back to the reschedule, and "it\'s on the 18th" is its appointment', [
    ['can i reschedule my exam', 'Tell me the date of your appointment'],
    ['how long until i get results?', 'score report is emailed'],
    ['ok back to my question', all('Tell me the date of your appointment', not('the date you took it'))],
    ["it's on the 18th", all('Friday, December 18, 2026', 'you can still change or cancel it', not('results'))],
  ]],
];

// Finding 4: a change asked with its day in chat shorthand ("tmrw") and the money asked beside it:
// the three-day answer, then what it means for the refund; never the 30-day retest rule.
const changeAndRefund: Transcript[] = [
  ['"my A5 is tmrw n i wanna push it back, also do i get a refund if i cancel" answers the change and the refund', [
    ['my A5 is tmrw n i wanna push it back, also do i get a refund if i cancel', all("changes aren't allowed within three days", "there's no refund", not('30 full days'))],
  ]],
];

// Finding 5: a year said before a "Did you mean" holds for the month and the day given after it.
const theYearSaidHolds: Transcript[] = [
  ['"I passed G1 in 2021", then "march" and "the 12th", is March 12, 2021', [
    ['I passed G1 in 2021', /./],
    ['march', all('march 2021', not('2026'))],
    ['the 12th', all('Friday, March 12, 2021', not('2026'))],
  ]],
];

transcriptTables([
  ['a look-alike cue never outweighs the candidate\'s own missed test (finding 1)', missedWithAReason],
  ['a follow-up never carries the last answer into a question of its own (finding 2)', noStickyContext],
  ['back to the question asked first, not the detour (finding 3)', backToTheFirstQuestion],
  ['a change and its refund asked together, both answered (finding 4)', changeAndRefund],
  ['the year said before a "Did you mean" holds (finding 5)', theYearSaidHolds],
], { now: testersClock });
