import { all, not, transcriptTables, type Transcript } from './suite.js';

// Found using the bot at the end of the ninth session: "no, I meant 2022" after a date was
// "recomputed" with the old date, so the candidate was told a certification had lapsed that had
// not. A year alone keeps the month and day of the date it corrects. Clock: December 6, 2026.

const yearAlone: Transcript[] = [
  ['"no, I meant 2022" after "I passed it on June 15, 2021" is June 15, 2022: it expires in June 2027, not lapsed', [
    ['when does my A4 expire? I passed it on June 15, 2021', 'lapsed on Monday, June 15, 2026'],
    ['no, I meant 2022', all('Wednesday, June 15, 2022', 'expires on Tuesday, June 15, 2027', not('lapsed'))],
  ]],
  ['a date known as a month keeps its month: "May 2019", then "sorry, 2020", is May 2020', [
    ['when does my A4 expire? I passed it in May 2019', 'lapsed in May 2024'],
    ['sorry, 2020', all('May 2020', 'lapsed in May 2025')],
  ]],
  ['"no, quise decir 2022" in Spanish is June 15, 2022 too', [
    ['cuando vence mi A4? lo aprobé el 15 de junio de 2021', /15 de junio de 2026/],
    ['no, quise decir 2022', all(/mi[eé]rcoles, 15 de junio de 2022/, /15 de junio de 2027/)],
  ]],
];

transcriptTables([['a year alone corrects the year of the date the answer rested on', yearAlone]], { now: new Date('2026-12-06T17:00:00Z') });
