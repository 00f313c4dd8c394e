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

transcriptTables([
  ['a look-alike cue never outweighs the candidate\'s own missed test (finding 1)', missedWithAReason],
], { now: testersClock });
