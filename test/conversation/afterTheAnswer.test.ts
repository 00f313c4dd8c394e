import { all, not, transcriptTables, type Transcript } from './suite.js';

// Found using the bot at the end of the ninth session: "no, I meant 2022" after a date was
// "recomputed" with the old date, so the candidate was told a certification had lapsed that had
// not (a year alone keeps the month and day of the date it corrects); and "why not sooner?" after a
// retest date got the change-or-cancel answer; "the december one" at a two-date question was asked
// which day of December. Clock: December 6, 2026.

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

const whySooner: Transcript[] = [
  ['"why not sooner?" after the day a failed test can be bought again is the 30-day rule, not the change-or-cancel answer', [
    ['I failed A5 on November 20, when can I retake it?', 'Monday, December 21, 2026'],
    ['why not sooner?', all('Because ASE requires you to wait 30 full days', not('appointment'))],
  ]],
  ['"¿por qué no antes?" in Spanish the same', [
    ['reprobé el A5 el 20 de noviembre, cuándo lo puedo repetir?', /21 de diciembre de 2026/],
    ['¿por qué no antes?', all(/Porque ASE exige esperar 30 d[ií]as completos/, not('cita'))],
  ]],
];

const inTheButtonsWords: Transcript[] = [
  ['"the december one" at "12/10: which date did you mean?" picks December 10 by its button\'s words', [
    ['can i change my exam on 12/10', 'Which date did you mean?'],
    ['the december one', all('Thursday, December 10, 2026: got it', not('Which day exactly'))],
  ]],
  ['"el de diciembre" in Spanish the same', [
    ['puedo cambiar mi examen del 12/10', /¿A qu[eé] fecha se refiere\?/],
    ['el de diciembre', all(/Jueves, 10 de diciembre de 2026/, not(/Qu[eé] d[ií]a exactamente/))],
  ]],
];

// Found using the bot in the eleventh session: "and what if I failed?" right after the results
// answer asked for the test's date again, though the candidate had just given it.
const carried: Transcript[] = [
  ['"and what if I failed?" right after the results answer works out the retest from the test and the day taken', [
    ['when are my results coming, I took A1 on friday', 'Friday, December 4, 2026: got it.'],
    ['and what if I failed?', all('You can buy A1 again on or after Monday, January 4, 2027', not('Tell me the date you took it'))],
    ['no, it was A5', all('Changed to A5.', 'You can buy A5 again on or after Monday, January 4, 2027')],
  ]],
  ['"when will I get my certificate?" right after the results answer counts from the day taken', [
    ['when are my results coming, I took A1 on friday', 'Friday, December 4, 2026: got it.'],
    ['when will I get my certificate?', all('Friday, December 25, 2026', not('Tell me the date'))],
  ]],
  ['with another answer in between, the facts are not assumed: the date is asked for', [
    ['when are my results coming, I took A1 on friday', 'Friday, December 4, 2026: got it.'],
    ['how much is a duplicate?', '$7.50'],
    ['when can I retake a failed test?', all('Tell me the date you took it', not('January 4, 2027'))],
  ]],
  ['"¿y si lo reprobé?" in Spanish the same', [
    ['cuándo salen mis resultados? tomé el A1 el viernes', /viernes, 4 de diciembre de 2026/],
    ['¿y si lo reprobé?', all(/4 de enero de 2027/, not(/D[ií]game la fecha/))],
  ]],
];

transcriptTables(
  [
    ['facts of the answer just given carry to the task asked next (`TaskSpec.carriesFrom`)', carried],
    ['a date asked back is picked in the words of its buttons, not only by number', inTheButtonsWords],
    ['a year alone corrects the year of the date the answer rested on', yearAlone],
    ['"why?" after a retest date is the rule behind it (the route row `reason`)', whySooner],
  ],
  { now: new Date('2026-12-06T17:00:00Z') },
);
