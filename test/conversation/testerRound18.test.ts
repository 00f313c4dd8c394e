import { all, not, transcriptTables, type Transcript } from './suite.js';

// The eighteenth usability round: conversations played against `npm start` (Web Chat and SMS) by a
// tester who never saw the code. Each finding is written here as the rule it broke. The clock is
// the tester's: Monday, December 7, 2026, noon in New York.

const aLetterIsNoLanguage: Transcript[] = [
  ['"Y" after an English answer is a yes in English, never a switch to Spanish', [
    ['hey need to resched my test to next tuesday', 'Which date did you mean?'],
    ['its currently on the 10th', 'can no longer be changed or cancelled'],
    ['Y', all(not('De acuerdo'), not('¿Hay algo'))],
    ['thx', all(not('De nada'), not('¿Hay algo'))],
  ]],
  ['"Y" to "has the No Show been posted?" is a yes, answered in English', [
    ['missed my test', 'Has the No Show result been posted'],
    ['Y', all(/you can buy the test again/i, not('Entonces'))],
  ]],
  ['"N" to the same question is a no, answered in English', [
    ['missed my test', 'Has the No Show result been posted'],
    ['N', all('No Show', not(/[¿¡]/))],
  ]],
  ['a Spanish conversation stays Spanish after a bare "y"', [
    ['reprobé el examen A5, cuándo puedo repetirlo?', 'Debe esperar 30'],
    ['y', not(/^Okay/)],
    ['gracias', 'De nada'],
  ]],
];

transcriptTables(
  [
    ['a letter or two is no language', aLetterIsNoLanguage],
  ],
  { now: new Date('2026-12-07T17:00:00Z') },
);
