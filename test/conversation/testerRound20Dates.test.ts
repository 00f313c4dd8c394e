import { all, not, transcriptTables, type Transcript } from './suite.js';

// The twentieth usability round, its dates and deadlines. The clock is the tester's: Monday,
// December 7, 2026, 7:51 AM in New York (12:51 UTC).

const aDeadlineToday: Transcript[] = [
  ['Thursday at 2pm: the 72 hours end today at 2 PM, said as today and how long is left', [
    ['I need to reschedule my test', 'Tell me the date of your appointment'],
    ["it's on thursday at 2pm", all('Yes, you can still change or cancel it, but only until 2:00 PM today (about 6 hours from now)', not('Do it before Monday'))],
  ]],
  ['Thursday at 8:30am: under an hour is left, said in minutes', [
    ['my test is on thursday at 8:30am, can I still cancel', all('only until 8:30 AM today (about 40 minutes from now)')],
  ]],
  ['the day after: Friday at 2pm ends tomorrow, written out as a date, no "today"', [
    ['my test is on friday at 2pm, can I still cancel', all('Do it before Tuesday, December 8, 2026 at 2:00 PM', not('today'))],
  ]],
  ['the day before: Thursday at 7am ended at 7 AM today: a No', [
    ['my test is on thursday at 7am, can I still cancel', all('can no longer be changed', not('today ('))],
  ]],
  ['in Spanish: "hoy" and the hours left', [
    ['mi examen es el jueves a las 2 de la tarde, lo puedo cambiar?', all(/S[ií], todav[ií]a puede cambiarla o cancelarla, pero solo hasta hoy a las 2:00 p\. m\. \(dentro de unas 6 horas\)/, not(/H[aá]galo antes del lunes/))],
  ]],
];

transcriptTables([
  ['a deadline that is today', aDeadlineToday],
], { now: new Date('2026-12-07T12:51:00Z') });
