import { all, not, transcriptTables } from './suite.js';

// The eighth usability round: a tester played a US mechanic against `npm start` without reading the
// code (findings numbered F1-F48 in their notes), each written here as the general rule it broke.
// The clock is theirs: Sunday, December 6, 2026, noon in New York; every transcript also runs on SMS.

transcriptTables(
  [
    [
      'a Master Technician hypothetical is answered as one, never as a fact about the candidate (F6, F7)',
      [
        ['"if I let A6 lapse am I still master?" says what would happen, not that A6 lapsed', [
          ['if I let A6 lapse am I still master?', all(/^No\b/, /if A6 lapses/i, 'recertification test for A6', not('Not at the moment'), not(/A6 lapsed/))],
        ]],
        ['"will I lose master if A6 expires" is the same', [
          ['if i let my a6 expire will i lose master status', all(/if A6 lapses/i, not('Not at the moment'))],
        ]],
        ['"A6 expires next month, will I lose master?" is answered, not asked which have expired', [
          ['I passed A1 through A8 but A6 expires next month. will I lose master?', all(/if A6 lapses/i, not(/Which of the .* have expired/))],
        ]],
        ['"what if I let A6 lapse" again right after is that answer again, not the recertification question (the loop)', [
          ['if I let A6 lapse am I still master?', /if A6 lapses/i],
          ['what if I let A6 lapse', all(/if A6 lapses/i, not('When did you pass A6'), not('Changed to'))],
          ['what if A6 and A7 lapse?', all(/if A6 and A7 lapse/i, not('When did you pass'))],
        ]],
        ['a supposed lapse after a told one changes the answer to what would happen', [
          ['Im a master tech, T2 lapsed, am i still master truck', 'T2 lapsed'],
          ['what if T3 lapses too', all(/if T2 and T3 lapse/i, not('Changed to true'), not('When did you pass'))],
        ]],
        ['a lapse stated as a fact is still answered as one', [
          ['Im a master tech, T2 lapsed, am i still master truck', all('Not at the moment', 'T2 lapsed')],
        ]],
      ],
    ],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);


